"""Word reader (.docx, through python-docx): headings, paragraphs and tables in order, core properties as metadata.

Tracked insertions are read as part of the text and tracked deletions are not, as Word
shows the document with changes accepted; comments, headers, footers and text boxes are left out.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from storyline.ingest.office import Block, check_zip, office_document
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

# Values Word, LibreOffice and python-docx write when nobody set them: never an author or a date.
PLACEHOLDER_AUTHORS = frozenset({"python-docx", "microsoft office user", "windows user", "user", "author",
                                 "administrator", "admin", "unknown"})
PLACEHOLDER_DATES = ("2013-12-23T23:15:00", "1601-01-01", "1900-01-01", "1970-01-01")
_HEADING_STYLE = re.compile(r"^(?:heading|title|subtitle)\s*(\d)?", re.IGNORECASE)
_RUN_TEXT = (".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"
             "/*[self::w:t or self::w:tab or self::w:br or self::w:cr]")


def paragraph_text(paragraph: Any) -> str:
    """The text Word shows for a paragraph: runs in hyperlinks, fields and tracked insertions included."""
    parts = []
    for element in paragraph._p.xpath(_RUN_TEXT):
        tag = element.tag.rsplit("}", 1)[-1]
        parts.append(element.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
    return "".join(parts)


def heading_level(paragraph: Any) -> int:
    """1-9 for a heading (Title is 1, Subtitle 2, "Heading n" is n, else the outline level), 0 for a paragraph."""
    name = paragraph.style.name if paragraph.style is not None else ""
    found = _HEADING_STYLE.match(name or "")
    if found:
        lowered = name.lower()
        return 1 if lowered.startswith("title") else 2 if lowered.startswith("subtitle") else int(found.group(1) or 1)
    levels = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    return int(levels[0]) + 1 if levels and str(levels[0]).isdigit() and int(levels[0]) < 9 else 0


def table_text(table: Any) -> str:
    """One line per row, cells joined with " | " (a merged cell once)."""
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(" ".join("\n".join(paragraph_text(p) for p in cell.paragraphs).split()))
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def _blocks(document: Any) -> list[Block]:
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.append((table_text(item), 0))
        else:
            blocks.append((paragraph_text(item), heading_level(item)))
    return blocks


def _properties(document: Any) -> dict[str, Any]:
    core = document.core_properties
    props = {name: getattr(core, name, None) for name in
             ("title", "subject", "author", "last_modified_by", "created", "modified", "keywords", "category")}
    for name in ("author", "last_modified_by"):
        if str(props.get(name) or "").strip().lower() in PLACEHOLDER_AUTHORS:
            props[name] = None
    return props


def read_docx(data: bytes, source: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """One Document from a .docx file."""
    import docx
    from docx.opc.exceptions import OpcError

    bad = check_zip(data, source, options.max_bytes)
    if bad is not None:
        yield bad
        return
    try:
        document = docx.Document(io.BytesIO(data))
        blocks, properties = _blocks(document), _properties(document)
    except (OpcError, KeyError, ValueError, TypeError, AttributeError, SyntaxError, OSError) as exc:
        yield problem(source, "malformed-office", f"the Word document could not be read ({type(exc).__name__}: {exc})")
        return
    yield office_document(blocks, properties, source, "docx", PLACEHOLDER_DATES)
