"""Document highlighting: escaped segments, properly nested elements, anchors for every fact span."""

from __future__ import annotations

import re

from storyline.web.highlight import Span, excerpt_html, fact_href, highlight_html

TEXT = "The mayor said “We never hid the figures,” on Tuesday. <b>Bold</b> claims followed."


def _at(sub: str) -> tuple[int, int]:
    start = TEXT.index(sub)
    return start, start + len(sub)


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')


def test_web_highlight_keeps_text_and_escapes() -> None:
    html = str(highlight_html(TEXT, [Span(*_at("<b>Bold</b>"), ["hl-quote"], anchor=True)]))
    assert "<b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert _plain(html) == TEXT


def test_web_highlight_nested_spans_and_anchor_ids() -> None:
    sentence = _at("The mayor said “We never hid the figures,” on Tuesday.")
    quote = _at("We never hid the figures,")
    html = str(highlight_html(TEXT, [Span(*sentence, ["hl-event"], anchor=True),
                                     Span(*quote, ["hl-quote"], ["Quote: Mayor"], anchor=True),
                                     Span(*_at("mayor"), ["hl-mention"], href="/people/P1")]))
    inner = re.search(rf'<span class="hl-quote" id="c{quote[0]}-{quote[1]}" title="Quote: Mayor">([^<]*)</span>', html)
    assert inner and inner.group(1) == "We never hid the figures,"
    assert html.index(f'id="c{sentence[0]}-{sentence[1]}"') < html.index(f'id="c{quote[0]}-{quote[1]}"')
    assert '<a class="hl-mention" href="/people/P1">mayor</a>' in html
    assert _plain(html) == TEXT


def test_web_highlight_crossing_spans_are_split_not_broken() -> None:
    a, b = _at("said “We never"), _at("never hid the figures")
    html = str(highlight_html(TEXT, [Span(*a, ["x"], anchor=True), Span(*b, ["y"], anchor=True)]))
    assert html.count("<span") == html.count("</span>")
    assert html.count(f'id="c{b[0]}-{b[1]}"') == 1 and f'data-part="c{b[0]}-{b[1]}"' in html
    assert _plain(html) == TEXT


def test_web_highlight_same_span_merges_classes() -> None:
    s = _at("on Tuesday")
    html = str(highlight_html(TEXT, [Span(*s, ["hl-date"]), Span(*s, ["hl-event"], anchor=True), Span(99, 500, ["bad"])]))
    assert f'<span class="hl-date hl-event" id="c{s[0]}-{s[1]}">on Tuesday</span>' in html
    assert "bad" not in html


def test_web_highlight_excerpt_and_fact_href() -> None:
    html = str(excerpt_html(TEXT, *_at("<b>Bold</b>"), context=10))
    assert "<mark>&lt;b&gt;Bold&lt;/b&gt;</mark>" in html and html.startswith("…")
    assert fact_href("abc", 3, 9) == "/documents/abc#c3-9"
