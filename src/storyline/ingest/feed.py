"""RSS/Atom reader via feedparser: one Document per entry.

With ``options.follow`` each entry's link is fetched (with the same address
checks as any URL) and the page's extracted text replaces the feed summary;
when that fails the Problem is reported and the summary is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.ingest.detect import decode_bytes
from storyline.ingest.fetch import fetch_url
from storyline.ingest.html import ExtractedPage, extract_html, html_to_text, looks_like_html
from storyline.ingest.metadata import normalize_date
from storyline.ingest.normalize import make_document
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

_RSS_AUTHOR_RE = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")


def _entry_html(entry: Any) -> str:
    """The fullest body an entry carries: its content, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return max(contents, key=len)
    return str(entry.get("summary") or entry.get("description") or "")


def _entry_text(entry: Any) -> str:
    body = _entry_html(entry)
    if not looks_like_html(body) and "<" not in body:
        return body
    try:
        return html_to_text(f"<html><body>{body}</body></html>")
    except ValueError:
        return body


def _entry_published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        iso = normalize_date(entry.get(key))
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed"):
        iso = normalize_date(entry.get(key))
        if iso:
            return iso
    return None


def _entry_author(entry: Any) -> str | None:
    """The author's name ("news@x.example (Priya Shah)" in RSS becomes "Priya Shah")."""
    author = entry.get("author")
    found = _RSS_AUTHOR_RE.match(author or "")
    return found.group("name").strip() if found else author


def _followed_page(link: str, options: IngestOptions) -> ExtractedPage | Problem:
    fetched = fetch_url(link, options, source=link)
    if isinstance(fetched, Problem):
        return fetched
    if fetched.kind not in ("html", None):
        return problem(link, "unsupported-type", f"the linked page is {fetched.media_type}, not HTML")
    text = decode_bytes(fetched.content, link)
    return text if isinstance(text, Problem) else extract_html(text, link, fetched.url)


def _entry_document(
    entry: Any, where: str, site_name: str | None, options: IngestOptions
) -> Iterator[Document | Problem]:
    link = entry.get("link")
    text = _entry_text(entry)
    meta: dict[str, Any] = {"feed_entry": where}
    page: ExtractedPage | Problem | None = None
    if options.follow and link:
        page = _followed_page(link, options)
        if isinstance(page, Problem):
            yield Problem(page.source, page.reason, f"{page.message} (kept the feed summary for {where})")
        else:
            text, meta["followed"], meta["extractor"] = page.text, True, page.extractor
    found = page if isinstance(page, ExtractedPage) else ExtractedPage(text="")
    yield make_document(
        text, source=where, url=link, title=entry.get("title") or found.title,
        published=_entry_published(entry) or found.published,
        author=_entry_author(entry) or found.author, site_name=site_name, format="feed", meta=meta,
    )


def read_feed(text: str, source: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """Documents from an RSS or Atom feed, one per entry (``feed.xml#entry 3``)."""
    parsed = feedparser.parse(text)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            detail = f"the feed could not be parsed ({parsed.get('bozo_exception')})"
            yield problem(source, "malformed-feed", detail)
        else:
            yield problem(source, "no-text", "the feed has no entries")
        return
    site_name = parsed.get("feed", {}).get("title")
    for number, entry in enumerate(entries, start=1):
        yield from _entry_document(entry, f"{source}#entry {number}", site_name, options)
