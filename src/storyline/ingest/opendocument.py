"""OpenDocument text reader (.odt, through odfpy): headings, paragraphs, lists and tables in order,
with the document's meta.xml as metadata.

Tracked deletions (kept apart in ``text:tracked-changes``), comments and footnote bodies are left out.
"""

from __future__ import annotations

import io
import xml.sax
import zipfile
from collections.abc import Iterator
from typing import Any

from storyline.ingest.office import Block, check_zip, office_document
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SKIPPED = {(TEXT_NS, "note"), (OFFICE_NS, "annotation"), (TEXT_NS, "tracked-changes"),
            (TEXT_NS, "sequence-decls"), (TEXT_NS, "table-of-content"), (OFFICE_NS, "forms")}
_CONTAINERS = {(TEXT_NS, "section"), (TEXT_NS, "list"), (TEXT_NS, "list-item"), (TEXT_NS, "list-header")}
# meta.xml element -> property name (ODF: initial-creator wrote it, creator saved it last)
META_FIELDS = {"initial-creator": "author", "creator": "last_modified_by", "creation-date": "created",
               "date": "modified", "title": "title", "subject": "subject", "keyword": "keywords"}
PLACEHOLDER_DATES = ("1601-01-01", "1970-01-01")


def inline_text(element: Any) -> str:
    """Text of a paragraph or heading: ``text:s`` spaces, tabs and line breaks kept; notes and comments left out."""
    parts: list[str] = []
    for node in element.childNodes:
        if node.nodeType == node.TEXT_NODE:
            parts.append(str(node.data))
            continue
        name = getattr(node, "qname", None)
        if name in _SKIPPED:
            continue
        if name == (TEXT_NS, "s"):
            parts.append(" " * int(node.getAttribute("c") or 1))
        elif name == (TEXT_NS, "tab"):
            parts.append("\t")
        elif name == (TEXT_NS, "line-break"):
            parts.append("\n")
        else:
            parts.append(inline_text(node))
    return "".join(parts)


def _table_text(table: Any) -> str:
    lines = []
    for row in table.getElementsByType(_table_row()):
        cells = [" ".join(inline_text(cell).split()) for cell in row.childNodes
                 if getattr(cell, "qname", None) == (TABLE_NS, "table-cell")]
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def _table_row() -> Any:
    from odf.table import TableRow

    return TableRow


def odt_blocks(element: Any) -> list[Block]:
    """(text, heading level) of each heading, paragraph and table under ``element``, in order."""
    blocks: list[Block] = []
    for node in element.childNodes:
        name = getattr(node, "qname", None)
        if name == (TEXT_NS, "h"):
            level = str(node.getAttribute("outlinelevel") or "1")
            blocks.append((inline_text(node), int(level) if level.isdigit() else 1))
        elif name == (TEXT_NS, "p"):
            blocks.append((inline_text(node), 0))
        elif name == (TABLE_NS, "table"):
            blocks.append((_table_text(node), 0))
        elif name in _CONTAINERS:
            blocks.extend(odt_blocks(node))
    return blocks


def odt_properties(document: Any) -> dict[str, Any]:
    """Properties from meta.xml, named as for Word documents."""
    props: dict[str, Any] = {}
    for node in document.meta.childNodes:
        key = META_FIELDS.get(getattr(node, "qname", ("", ""))[1])
        if key and key not in props:
            props[key] = inline_text(node).strip() or None
    return props


def read_odt(data: bytes, source: str, options: IngestOptions) -> Iterator[Document | Problem]:
    """One Document from an OpenDocument text file."""
    from odf.opendocument import load

    bad = check_zip(data, source, options.max_bytes)
    if bad is not None:
        yield bad
        return
    try:
        document = load(io.BytesIO(data))
        blocks, properties = odt_blocks(document.text), odt_properties(document)
    except (xml.sax.SAXException, zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, OSError) as exc:
        yield problem(source, "malformed-office", f"the OpenDocument file could not be read ({type(exc).__name__}: {exc})")
        return
    yield office_document(blocks, properties, source, "odt", PLACEHOLDER_DATES)
