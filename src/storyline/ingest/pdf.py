"""PDF reader: the text layer page by page (pypdf), scanned pages by OCR (see :mod:`storyline.ingest.scan`),
a page map, and metadata title/author/creation date."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from storyline.ingest.normalize import make_document
from storyline.ingest.options import IngestOptions
from storyline.ingest.pages import join_parts
from storyline.ingest.problems import Problem, problem
from storyline.ingest.scan import scanned_page_texts
from storyline.model import Document


# Creation dates written by tools that do not record the real time (e.g. reportlab's invariant mode).
PLACEHOLDER_PDF_DATES = ("D:20000101000000", "D:19700101000000", "D:19800101000000")


# Author and title that PDF tools write when nobody set them (reportlab: "anonymous", "untitled").
PLACEHOLDER_PDF_FIELDS = frozenset({"anonymous", "untitled", "unknown"})


def _creation_date(value: Any) -> Any:
    text = str(value or "")
    return None if text.startswith(PLACEHOLDER_PDF_DATES) else value


def _set_field(value: Any) -> Any:
    return None if str(value or "").strip().lower() in PLACEHOLDER_PDF_FIELDS else value


def _metadata(reader: Any) -> dict[str, Any]:
    try:
        info = reader.metadata or {}
    except (ValueError, KeyError, TypeError, AttributeError):  # damaged info: the text may still be readable
        return {}
    return {
        "title": _set_field(info.get("/Title")),
        "author": _set_field(info.get("/Author")),
        "published": _creation_date(info.get("/CreationDate")),
    }


def _page_texts(reader: Any) -> list[str]:
    return [(page.extract_text() or "").strip() for page in reader.pages]


def read_pdf(
    data: bytes, source: str, url: str | None = None, format: str = "pdf", options: IngestOptions | None = None
) -> Iterator[Document | Problem]:
    """One Document from a PDF: pages separated by a blank line, ``pages`` where each starts.

    Scanned pages (an image with little or no text layer) are read by OCR, so a
    mixed PDF uses both; ``ocr`` is then set and ``meta["ocr_pages"]`` lists them.
    The creation date is used as ``published`` (metadata date).  Encrypted,
    damaged or over-long PDFs are Problems.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    options = options or IngestOptions()
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # owner-password-only PDFs open with ""
            yield problem(source, "encrypted-pdf", "the PDF is encrypted")
            return
        if len(reader.pages) > options.max_pages:
            yield problem(source, "too-many-pages", f"{len(reader.pages):,} pages is over the {options.max_pages:,}-page cap")
            return
        pages = _page_texts(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        yield problem(source, "malformed-pdf", f"the PDF could not be read ({type(exc).__name__}: {exc})")
        return
    scanned = scanned_page_texts(data, pages, source, options)
    if isinstance(scanned, Problem):
        yield scanned
        return
    ocr_texts, ocr_indexes = scanned
    text, starts = join_parts([ocr_texts.get(i, page) for i, page in enumerate(pages)])
    fields = _metadata(reader)
    meta: dict[str, Any] = {"page_count": len(pages)}
    if ocr_indexes:
        meta.update(ocr_pages=[i + 1 for i in ocr_indexes], ocr_language=options.ocr_language)
    if ocr_indexes and len(ocr_indexes) == len(pages) and fields.get("published"):
        # A scan's creation date is the day it was scanned, not the day the letter was written.
        meta["scanned"] = str(fields.pop("published"))
    yield make_document(
        text, source=source, url=url, title=fields.get("title"), published=fields.get("published"),
        author=fields.get("author"), format=format, meta=meta, pages=starts, ocr=bool(ocr_indexes),
    )
