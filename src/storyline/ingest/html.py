"""HTML reader: main text and metadata via trafilatura, with a plain-text fallback."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from storyline.ingest.normalize import make_document
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figure", "figcaption", "address", "hr", "form", "fieldset", "details", "summary"]
)
# Page furniture that is not article text, dropped before the fallback reads a page trafilatura gave up on.
_BOILERPLATE_XPATH = ("//nav|//header|//footer|//aside|//menu|//*[@role='navigation' or @role='banner' or "
                      "@role='contentinfo' or @role='menu' or @role='menubar' or @role='search']")
_MIN_PROSE_WORDS = 3  # words outside links and page furniture for the fallback text to count as an article
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_TAG_RE = re.compile(r"<[^>]*>")
_INVISIBLE_RE = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_ALNUM_RE = re.compile(r"\w")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class ExtractedPage:
    """Main text of a page (paragraphs separated by blank lines) and its metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    url: str | None = None
    extractor: str = "trafilatura"


def looks_like_html(text: str) -> bool:
    """True when a string carries HTML tags (e.g. a JSON field holding markup)."""
    return len(_HTML_TAG_RE.findall(text[:5000])) >= 2


def _element_text(element: Any) -> str:
    """Text of a trafilatura output element; ``<lb/>`` becomes a line break."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _body_blocks(body: Any) -> list[str]:
    """One string per paragraph-like block of trafilatura's output tree."""
    blocks: list[str] = []
    for child in body:
        if child.tag == "list":
            blocks.extend(_element_text(item) for item in child if item.tag == "item")
        elif child.tag == "table":
            rows = [" | ".join(_element_text(cell).strip() for cell in row) for row in child]
            blocks.append("\n".join(row for row in rows if row.strip()))
        else:
            blocks.append(_element_text(child))
    return [re.sub(r"[ \t]+", " ", b).strip() for b in blocks if b.strip()]


def _trafilatura_page(html: str, url: str | None) -> ExtractedPage | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            html, url=url, include_comments=False, favor_precision=True, with_metadata=True,
            include_tables=True, date_extraction_params=_DATE_PARAMS,
        )
    if result is None or isinstance(result, dict) or result.body is None:
        return None
    text = "\n\n".join(_body_blocks(result.body))
    if not text.strip():
        return None
    return ExtractedPage(
        text=text, title=result.title, author=result.author, published=result.date,
        site_name=result.sitename, url=result.url,
    )


def html_to_text(html: str) -> str:
    """A plain-text rendering of the body (no scripts or styles), blocks separated by blank lines.

    Raises ``lxml.etree.ParserError`` when the markup cannot be parsed at all.
    """
    return _root_text(_parsed(html))


def _parsed(html: str, drop: str = "") -> Any:
    root = lxml.html.document_fromstring(html)
    for bad in root.xpath("|".join([f"//{tag}" for tag in _DROP_TAGS] + ([drop] if drop else []))):
        bad.drop_tree()
    return root


def _fallback_text(html: str) -> tuple[str, int]:
    """The page's text without its navigation, headers, footers and side bars, and how many of its words are
    prose (outside links): a page of menus and link lists has none."""
    root = _parsed(html, _BOILERPLATE_XPATH)
    text = _root_text(root)
    for link in root.xpath("//a"):
        link.drop_tree()
    return text, len(_WORD_RE.findall(root.text_content()))


def _root_text(root: Any) -> str:
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def extract_html(html: str, source: str, url: str | None = None) -> ExtractedPage | Problem:
    """Main text and metadata of a page; plain-text fallback; Problem when no text is left."""
    page = _trafilatura_page(html, url)
    if page is not None:
        return page
    try:
        text = html_to_text(html)
        article, prose = _fallback_text(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        return problem(source, "malformed-html", f"the HTML could not be parsed ({exc})")
    if _ALNUM_RE.search(article) and prose >= _MIN_PROSE_WORDS:
        return ExtractedPage(text=article, title=_html_title(html), url=url, extractor="fallback")
    if _ALNUM_RE.search(text):
        return problem(source, "no-text", "the page holds only navigation (menus, links, headers and footers), "
                                          "no article text")
    if _ALNUM_RE.search(_TAG_RE.sub(" ", _INVISIBLE_RE.sub(" ", html))):
        return problem(source, "malformed-html", "the markup is broken and hides the page text")
    return problem(source, "no-text", "the page has no readable text")


def _html_title(html: str) -> str | None:
    found = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(found.group(1).split()) or None if found else None


def read_html(
    html: str, source: str, url: str | None = None, *, format: str = "html", meta: dict[str, Any] | None = None
) -> Iterator[Document | Problem]:
    """One Document from an HTML page (``url``: where it came from, a fallback for its canonical URL)."""
    page = extract_html(html, source, url)
    if isinstance(page, Problem):
        yield page
        return
    meta = {**(meta or {}), "extractor": page.extractor}
    if url and page.url and page.url != url:
        meta["canonical_url"] = page.url
    yield make_document(
        page.text, source=source, url=url or page.url, title=page.title, published=page.published,
        author=page.author, site_name=page.site_name, format=format, meta=meta,
    )
