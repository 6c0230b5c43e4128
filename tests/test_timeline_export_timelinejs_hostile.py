"""A TimelineJS3 file is published on a newsroom's page, where TimelineJS renders text, headline and credit as
HTML and the media URL as a link or embed: hostile article metadata must stay text, and a javascript: URL
must never become a slide's media."""

from __future__ import annotations

from storyline.link.keydates import DatedSentence, KeyDate
from storyline.timeline_export import timelinejs


def _key_date(url: str | None, source: str) -> KeyDate:
    sentence = DatedSentence("2024-03-14", False, "3fa2c0de11aa22bb", 0, 60,
                             "Councillor Ada Obi said the depot <b>would</b> close.", "2024-03-15", source, None, url)
    return KeyDate("2024-03-14", False, 1.0, 1, 1, [sentence])


def test_timeline_export_timelinejs_javascript_url_is_not_media() -> None:
    (slide,) = timelinejs([_key_date("javascript:alert(document.cookie)", "gazette.example")], "Key dates")["events"]
    assert "media" not in slide and "javascript:" not in str(slide)
    assert "Source: gazette.example" in slide["text"]["text"]


def test_timeline_export_timelinejs_credit_and_text_are_escaped() -> None:
    hostile = '<img src=x onerror="alert(1)">.txt'
    (slide,) = timelinejs([_key_date("https://gazette.example/depot", hostile)], "<script>x</script>")["events"]
    assert slide["media"]["url"] == "https://gazette.example/depot"
    assert "<img" not in slide["media"]["credit"] and "&lt;img" in slide["media"]["credit"]
    assert "<b>" not in slide["text"]["text"] and "&lt;b&gt;would" in slide["text"]["text"]
