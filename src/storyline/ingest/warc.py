"""WARC / WARC.gz reader via warcio: one Document per HTML response with status 200.

WARC-Date is the crawl time, not the publication date: it goes to
``meta["crawled"]``.  Records are named ``file.warc.gz#record N``.  A file cut
off mid-way keeps every complete record before the break; the break is one Problem.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from storyline.ingest.detect import decode_bytes
from storyline.ingest.html import read_html
from storyline.ingest.metadata import normalize_date
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
DEFAULT_MAX_BYTES = IngestOptions().max_bytes


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in _HTML_TYPES)


def _record_document(record: Any, body: bytes, where: str) -> Iterator[Document | Problem]:
    text = decode_bytes(body, where)
    if isinstance(text, Problem):
        yield text
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    meta = {"crawled": normalize_date(crawled) if crawled else None, "crawled_at": crawled}
    yield from read_html(text, where, url, format="warc", meta=meta)


def _cut_off(source: str, number: int, why: str) -> Problem:
    kept = f"the {number - 1} complete records before it were read" if number > 1 else "no record is complete"
    return problem(f"{source}#record {number}", "truncated-warc", f"{why}: {kept}")


def _page_body(record: Any, max_bytes: int) -> bytes | None:
    """The decoded body of an HTML page (None when it inflates past ``max_bytes``), the record read to its end."""
    body = record.content_stream().read(max_bytes + 1)
    while record.raw_stream.read(1 << 16):
        pass
    return body if len(body) <= max_bytes else None


def read_warc(
    data: bytes, source: str, broken: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Problem]:
    """Documents from the HTML pages of a WARC file (``broken``: why its gzip data ends before the file does)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = pages = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            page = _is_html_page(record)
            body = _page_body(record, max_bytes) if page else record.raw_stream.read()
            if record.raw_stream.limit:  # fewer bytes than its Content-Length: the file ends inside it
                yield _cut_off(source, number, "the file ends inside this record")
                return
            where = f"{source}#record {number}"
            if page and body is None:
                yield problem(where, "too-large", f"the page decompresses to more than {max_bytes:,} bytes")
            elif page:
                pages += 1
                yield from _record_document(record, body or b"", where)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError, AttributeError) as exc:
        yield problem(f"{source}#record {number + 1}", "malformed-warc", f"the WARC record could not be read ({exc})")
        return
    if broken:
        yield _cut_off(source, number + 1, f"the file is cut off here ({broken})")
    elif not pages:
        yield problem(source, "no-text", f"none of its {number} records is an HTML page with status 200")
