"""What the Word (.docx) and OpenDocument (.odt) readers share: the zip guard, heading spans and properties.

Both formats are zip files of XML.  Before a library opens one, :func:`check_zip` refuses a
damaged archive, one that inflates past the size cap (a zip bomb) and a password-protected
OpenDocument file; a password-protected .docx is not a zip at all (see ``detect``).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from storyline.ingest.normalize import make_document
from storyline.ingest.pages import join_part_spans
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

Block = tuple[str, int]  # (text, heading level; 0 for a paragraph)


def check_zip(data: bytes, source: str, max_bytes: int) -> Problem | None:
    """A Problem for a damaged, over-large or encrypted Office zip, else None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            encrypted = any(e.flag_bits & 0x1 for e in entries)
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in archive.namelist() else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError) as exc:
        return problem(source, "malformed-office", f"the document's zip container is damaged ({exc})")
    if encrypted or b"encryption-data" in manifest:
        return problem(source, "encrypted-office", "the document is password-protected")
    inflated = sum(e.file_size for e in entries)
    if inflated > max_bytes:
        return problem(source, "too-large", f"the document inflates to {inflated:,} bytes, over the {max_bytes:,}-byte cap")
    return None


def office_document(
    blocks: Sequence[Block], properties: dict[str, Any], source: str, format: str, placeholder_dates: Sequence[str] = ()
) -> Document | Problem:
    """A Document from headings and paragraphs in order, with the document properties as metadata.

    ``meta["headings"]`` lists ``[start, end, level]`` of each heading; ``meta["properties"]``
    keeps every property read (author, last modified by, created, modified, title...).  The
    author and the creation date (the modification date when there is none; placeholder
    dates never) fill ``author`` and ``published``: metadata, never inferred from the text.
    """
    text, spans = join_part_spans([block for block, _ in blocks])
    headings = [[start, end, level] for (_, level), (start, end) in zip(blocks, spans) if level and end > start]
    props = {key: _text(value) for key, value in properties.items() if _text(value)}
    dates = [props[key] for key in ("created", "modified") if key in props]
    published = next((d for d in dates if not d.startswith(tuple(placeholder_dates))), None)
    meta: dict[str, Any] = {"properties": props}
    if headings:
        meta["headings"] = headings
    title = props.get("title") or next((b for b, level in blocks if level and b.strip()), None)
    return make_document(text, source=source, title=title, published=published, author=props.get("author"),
                         format=format, meta=meta)


def _text(value: Any) -> str:
    """A property as text: dates in ISO 8601."""
    if value is None:
        return ""
    iso = getattr(value, "isoformat", None)
    return str(iso() if callable(iso) else value).strip()


__all__ = ["Block", "check_zip", "office_document"]
