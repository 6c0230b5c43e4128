"""Documents as table rows and back."""

from __future__ import annotations

import json
from typing import Any

from storyline.model import Document


def document_row(doc: Document) -> dict[str, Any]:
    span = doc.published_span
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "published_inferred": doc.published_inferred,
        "published_start": span[0] if span else None,
        "published_end": span[1] if span else None,
        "author": doc.author,
        "site_name": doc.site_name,
        "format": doc.format,
        "text": doc.text,
        "version_of": doc.version_of,
        "duplicate_of": doc.duplicate_of,
        "meta": json.dumps(doc.meta),
        "ocr": doc.ocr,
        "pages": json.dumps(doc.pages) if doc.pages else None,
        "attached_to": doc.attached_to,
    }


def row_document(row: Any) -> Document:
    span = (row.published_start, row.published_end) if row.published_start is not None else None
    return Document(
        id=row.id,
        text=row.text,
        source=row.source,
        url=row.url,
        title=row.title,
        published=row.published,
        published_inferred=bool(row.published_inferred),
        published_span=span,
        author=row.author,
        site_name=row.site_name,
        format=row.format,
        version_of=row.version_of,
        duplicate_of=row.duplicate_of,
        meta=json.loads(row.meta or "{}"),
        ocr=bool(row.ocr),
        pages=json.loads(row.pages) if row.pages else [],
        attached_to=row.attached_to,
    )
