"""WARC / WARC.gz reader via warcio: one Document per HTML response with status 200.

WARC-Date is the crawl time, not the publication date: it goes to
``meta["crawled"]``.  Records are named ``file.warc.gz#record N``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from storyline.ingest.detect import decode_bytes
from storyline.ingest.html import read_html
from storyline.ingest.metadata import normalize_date
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in _HTML_TYPES)


def _record_document(record: Any, where: str) -> Iterator[Document | Problem]:
    body = record.content_stream().read()
    text = decode_bytes(body, where)
    if isinstance(text, Problem):
        yield text
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    meta = {"crawled": normalize_date(crawled) if crawled else None, "crawled_at": crawled}
    yield from read_html(text, where, url, format="warc", meta=meta)


def read_warc(data: bytes, source: str) -> Iterator[Document | Problem]:
    """Documents from the HTML pages of a (possibly gzipped) WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            if _is_html_page(record):
                pages += 1
                yield from _record_document(record, f"{source}#record {number}")
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield problem(f"{source}#record {number + 1}", "malformed-warc", f"the WARC record could not be read ({exc})")
        return
    if not pages:
        yield problem(source, "no-text", f"none of its {number} records is an HTML page with status 200")
