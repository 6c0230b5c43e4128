"""PDF reader via pypdf: text page by page, metadata title/author/creation date."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any

from storyline.ingest.normalize import make_document
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

_PAGE_BREAK = "\n\n"


# Creation dates written by tools that do not record the real time (e.g. reportlab's invariant mode).
PLACEHOLDER_PDF_DATES = ("D:20000101000000", "D:19700101000000", "D:19800101000000")


def _creation_date(value: Any) -> Any:
    text = str(value or "")
    return None if text.startswith(PLACEHOLDER_PDF_DATES) else value


def _metadata(reader: Any) -> dict[str, Any]:
    try:
        info = reader.metadata or {}
    except (ValueError, KeyError, TypeError, AttributeError):  # damaged info: the text may still be readable
        return {}
    return {
        "title": info.get("/Title"),
        "author": info.get("/Author"),
        "published": _creation_date(info.get("/CreationDate")),
    }


def _page_texts(reader: Any) -> list[str]:
    return [(page.extract_text() or "").strip() for page in reader.pages]


def read_pdf(data: bytes, source: str, url: str | None = None, format: str = "pdf") -> Iterator[Document | Problem]:
    """One Document from a PDF (pages separated by a blank line; ``meta["page_count"]``).

    The creation date is used as ``published`` (metadata date).  Encrypted or
    damaged PDFs are Problems.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):  # owner-password-only PDFs open with ""
            yield problem(source, "encrypted-pdf", "the PDF is encrypted")
            return
        pages = _page_texts(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        yield problem(source, "malformed-pdf", f"the PDF could not be read ({type(exc).__name__}: {exc})")
        return
    fields = _metadata(reader)
    meta = {"page_count": len(pages)}
    yield make_document(
        _PAGE_BREAK.join(p for p in pages if p), source=source, url=url, title=fields.get("title"),
        published=fields.get("published"), author=fields.get("author"), format=format, meta=meta,
    )
