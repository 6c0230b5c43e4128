"""A page with no article text (navigation, menus, link lists) is a problem, not a junk document."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source
from storyline.model import Document

NAVIGATION_ONLY = {
    "bar.html": "<html><head><title>Port Times</title></head><body><nav><a href='/'>Home</a> | "
                "<a href='/about'>About</a></nav></body></html>",
    "menus.html": "<html><body><header><a href='/'>Port Times</a></header><ul class='menu'><li><a href='/news'>News"
                  "</a></li><li><a href='/sport'>Sport</a></li><li><a href='/contact'>Contact us</a></li></ul>"
                  "<footer>© 2024 Port Times Ltd, registered in Scotland</footer></body></html>",
    "headlines.html": "<html><body><div><a href='/a'>Harbour wall to be rebuilt</a></div><div><a href='/b'>Ferry "
                      "fares frozen for islanders</a></div><div role='navigation'>Previous · Next</div></body></html>",
}


def _read(tmp_path: Path, name: str, html: str) -> list[Document | Problem]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return list(read_source(SourceRef(str(path), "file", str(path)), IngestOptions()))


@pytest.mark.parametrize("name", sorted(NAVIGATION_ONLY))
def test_html_navigation_only_page_is_a_problem(tmp_path: Path, name: str) -> None:
    (found,) = _read(tmp_path, name, NAVIGATION_ONLY[name])
    assert isinstance(found, Problem) and found.reason == "no-text"
    assert "only navigation" in found.message and "check the source has article text" in found.message


def test_html_fallback_keeps_the_article_without_its_menus(tmp_path: Path) -> None:
    html = ("<html><head><title>Bins</title></head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
            "<div>Bin collections move to Fridays from 3 June, the council said.</div>"
            "<footer>Contact the newsdesk</footer></body></html>")
    (doc,) = _read(tmp_path, "bins.html", html)
    assert isinstance(doc, Document)
    assert doc.text == "Bin collections move to Fridays from 3 June, the council said."


def test_html_short_article_is_still_a_document(tmp_path: Path) -> None:
    (doc,) = _read(tmp_path, "note.html", "<html><body><p>The meeting moved to Thursday.</p></body></html>")
    assert isinstance(doc, Document) and doc.text == "The meeting moved to Thursday."
