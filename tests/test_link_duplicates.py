"""Duplicates (same text up to case, spacing, quotes) and versions (same URL, or a rewrite on one site)."""

from __future__ import annotations

from storyline.link.corpus import link_corpus
from storyline.link.duplicates import (
    canonical_url,
    classify_pair,
    duplicate_target,
    profile_document,
    title_stem,
)
from storyline.model import Document
from tests.test_link_stories import load_fixture, story_of


def links_by_pair(items: list) -> dict:
    linking, _ = link_corpus(items)
    return {(link.a, link.b): link for link in linking.document_links}


def test_duplicates_same_text_with_other_case_spacing_and_quotes() -> None:
    links = links_by_pair(load_fixture("versions"))
    link = links[("bridge-v1", "bridge-v1-copy")]
    assert (link.kind, link.similarity) == ("duplicate", 1.0)


def test_duplicates_duplicate_target_is_the_earlier_document() -> None:
    linking, _ = link_corpus(load_fixture("versions"))
    assert duplicate_target(linking.document_links, "bridge-v1-copy") == "bridge-v1"
    assert duplicate_target(linking.document_links, "bridge-v1") is None


def test_duplicates_same_url_with_rewritten_text_is_a_version() -> None:
    links = links_by_pair(load_fixture("versions"))
    link = links[("bridge-v1", "bridge-v2")]
    assert link.kind == "version"
    assert 0.2 < link.similarity < 0.9


def test_duplicates_rewrite_on_same_site_under_new_url_is_a_version() -> None:
    links = links_by_pair(load_fixture("versions"))
    link = links[("bridge-v2", "bridge-v3")]
    assert link.kind == "version"
    assert 0.4 <= link.similarity < 0.9


def test_duplicates_unrelated_articles_are_not_linked() -> None:
    links = links_by_pair(load_fixture("versions") + load_fixture("press_release") + load_fixture("councils"))
    linked = {doc for pair in links for doc in pair}
    assert linked == {"bridge-v1", "bridge-v1-copy", "bridge-v2", "bridge-v3"}


def test_duplicates_versions_share_a_story() -> None:
    linking, _ = link_corpus(load_fixture("versions"))
    assert set(story_of(linking.stories, "bridge-v1").documents) == {
        "bridge-v1",
        "bridge-v1-copy",
        "bridge-v2",
        "bridge-v3",
    }


def test_duplicates_near_duplicate_with_one_changed_word() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    a = profile_document(Document(id="a", text=text, source="s", published="2024-01-02"), 0)
    b = profile_document(Document(id="b", text=text.replace("word200 ", "changed "), source="t"), 1)
    link = classify_pair(a, b)
    assert link is not None and link.kind == "duplicate" and link.similarity >= 0.9


def test_duplicates_canonical_url_drops_tracking_and_scheme() -> None:
    assert (
        canonical_url("https://www.example.com/news/story-1/?utm_source=x&id=3#top")
        == "example.com/news/story-1?id=3"
    )
    assert canonical_url("http://example.com/news/story-1/amp") == "example.com/news/story-1"
    assert canonical_url(None) is None


def test_duplicates_title_stem_drops_site_suffix() -> None:
    assert title_stem("Ashby Bridge closed after cracks found - Northfield Radio") == (
        "ashby bridge closed after cracks found"
    )
    assert title_stem("Short title") is None
