"""The export contract (docs/export.md), streamed from the rows as JSON, JSON Lines or CSV.

Every list is read in bounded batches (:mod:`storyline.views.records`) and written as it is read,
so exporting a corpus of any size takes the memory of one batch.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from storyline.store import Store
from storyline.views.records import EXPORT_VERSION, LISTS, records

__all__ = ["EXPORT_VERSION", "FORMATS", "LISTS", "build_export", "iter_export", "write_export"]

FORMATS = ("json", "jsonl", "csv")


def build_export(store: Store) -> dict[str, Any]:
    """The whole corpus as one JSON-ready object (docs/export.md); it holds everything in memory,
    so prefer :func:`write_export` (or :func:`iter_export`) for large corpora."""
    out: dict[str, Any] = {"export_version": EXPORT_VERSION}
    for name in LISTS:
        out[name] = list(records(store, name))
    return out


def iter_export(store: Store, fmt: str = "json", table: str = "quotes") -> Iterator[str]:
    """The export as pieces of text, produced as the rows are read."""
    if fmt == "json":
        return _json(store)
    if fmt == "jsonl":
        return _jsonl(store)
    if fmt == "csv":
        return _csv(store, table)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_export(store: Store, fmt: str, out: IO[str], table: str = "quotes") -> None:
    """Write the export: one JSON object, JSON Lines (one record per line) or one CSV table."""
    for piece in iter_export(store, fmt, table):
        out.write(piece)


def _dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)


def _json(store: Store) -> Iterator[str]:
    yield '{\n "export_version": ' + str(EXPORT_VERSION)
    for name in LISTS:
        yield f',\n "{name}": ['
        first = True
        for record in records(store, name):
            yield ("\n  " if first else ",\n  ") + _dumps(record)
            first = False
        yield "]" if first else "\n ]"
    yield "\n}\n"


def _jsonl(store: Store) -> Iterator[str]:
    for name in LISTS:
        for record in records(store, name):
            yield _dumps({"type": name, **record}) + "\n"


class _Line:
    """A file-like object that keeps what csv writes, one row at a time."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)


def _csv(store: Store, table: str) -> Iterator[str]:
    """One list as CSV: one row per record, nested values (spans, lists) as JSON in their cell."""
    if table not in LISTS:
        raise ValueError(f"unknown export list {table!r}; choose one of {', '.join(LISTS)}")
    line = _Line()
    writer: Any = None
    for record in records(store, table):
        if writer is None:
            writer = csv.DictWriter(line, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in record.items()})
        yield line.text
        line.text = ""


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return spreadsheet_safe(value)


def spreadsheet_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text opening with =, +, -, @, a tab or a carriage return (an article
    can hold "=HYPERLINK(...)") gets an apostrophe in front, which Excel and LibreOffice show as text; numbers
    ("-5", "+3.2") and everything else stay as they are."""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


_FORMULA_STARTS = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
