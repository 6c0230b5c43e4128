"""JSON, JSON Lines and CSV readers: one Document per record, one Problem per bad record.

Field names are matched case-insensitively against the synonyms in
``data/ingest_fields.json`` (text/body/content..., title/headline..., date/published...).
A record whose text holds HTML gets its text extracted.  Records inside a file
are named ``file.jsonl#line 3``, ``file.json#item 2`` or ``file.csv#row 4``
(CSV rows counted as in a spreadsheet: the header is row 1).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.ingest.html import extract_html, html_to_text, looks_like_html
from storyline.ingest.normalize import make_document
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

FIELDS = ("text", "title", "published", "url", "site_name", "author")
_CSV_DELIMITERS = ",;\t|"
_WHOLE_PAGE_RE = re.compile(r"<(?:!doctype|html|head|body)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def field_synonyms() -> dict[str, list[str]]:
    """Canonical field -> accepted names (lower case), plus ``containers`` for wrapped lists."""
    raw = json.loads(resources.files("storyline.data").joinpath("ingest_fields.json").read_text("utf-8"))
    return {key: [name.lower() for name in names] for key, names in raw.items() if not key.startswith("_")}


def _author_value(value: Any) -> Any:
    """Authors given as a list of names or of ``{"name": ...}`` objects become one string."""
    if isinstance(value, list):
        names = [v.get("name") if isinstance(v, Mapping) else v for v in value]
        return ", ".join(str(n) for n in names if n)
    if isinstance(value, Mapping):
        return value.get("name")
    return value


def record_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """Canonical fields of one record (first synonym present and non-empty wins)."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    synonyms = field_synonyms()
    found: dict[str, Any] = {}
    for field in FIELDS:
        for name in synonyms[field]:
            value = lowered.get(name)
            if value not in (None, "", []):
                found[field] = value
                break
    if "author" in found:
        found["author"] = _author_value(found["author"])
    return found


def _record_text(value: Any) -> str | None:
    """The text field as a string (a list of paragraphs is joined with blank lines)."""
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        value = "\n\n".join(value)
    return value if isinstance(value, str) and value.strip() else None


def _html_record_text(html: str, source: str, fields: dict[str, Any]) -> tuple[str, str] | Problem:
    """(text, extractor) from HTML in a record: a whole page via trafilatura, a fragment rendered plainly."""
    if not _WHOLE_PAGE_RE.search(html[:2000]):
        try:
            text = html_to_text(f"<html><body>{html}</body></html>")
        except ValueError as exc:
            return problem(source, "malformed-html", f"the HTML in the text field could not be parsed ({exc})")
        return (text, "fragment") if text.strip() else problem(source, "no-text", "the HTML field has no text")
    page = extract_html(html, source, fields.get("url"))
    if isinstance(page, Problem):
        return page
    for key, value in (("title", page.title), ("published", page.published), ("author", page.author)):
        fields.setdefault(key, value)
    return page.text, page.extractor


def _textless(record: Mapping[str, Any], source: str) -> Problem:
    """The problem of a record without usable text: no text field, an empty one, or one that is not text."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    named = next((n for n in field_synonyms()["text"] if n in lowered), None)
    if named is None:
        keys = ", ".join(str(k) for k in list(record)[:8]) or "none"
        return problem(source, "missing-text-field", f"the record has no text field (fields: {keys})")
    value = lowered[named]
    if value in (None, "", []) or (isinstance(value, str) and not value.strip()):
        return problem(source, "missing-text-field", f"the record's {named!r} field is empty")
    kinds = {bool: "true or false", int: "a number", float: "a number", dict: "an object"}
    held = kinds.get(type(value), "a list with items that are not text")
    return problem(source, "missing-text-field", f"the record's {named!r} field holds {held}, not text (a string, "
                   "or a list of paragraph strings)")


def parse_json(text: str) -> Any:
    """A JSON value; ValueError with a message for people when it cannot be read (syntax, depth, huge numbers)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = "a raw control character (such as a line break) inside a string; write it as \\n" \
            if exc.msg.startswith("Invalid control character") else exc.msg
        raise ValueError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {msg}") from None
    except RecursionError:
        raise ValueError("the JSON is nested too deeply (hundreds of levels) to be articles") from None
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        raise ValueError(f"the JSON holds a number too long to read ({str(exc).split(':')[0]})") from None


def document_from_record(record: Mapping[str, Any], source: str, format: str) -> Document | Problem:
    """A Document from one record; Problem when it has no text field."""
    fields = record_fields(record)
    text = _record_text(fields.get("text"))
    if text is None:
        return _textless(record, source)
    meta: dict[str, Any] = {}
    if looks_like_html(text):
        extracted = _html_record_text(text, source, fields)
        if isinstance(extracted, Problem):
            return extracted
        text, meta["extractor"] = extracted
    return make_document(
        text, source=source, url=fields.get("url"), title=fields.get("title"),
        published=fields.get("published"), author=fields.get("author"),
        site_name=fields.get("site_name"), format=format, meta=meta,
    )


def _json_records(data: Any) -> list[Any] | None:
    """The records of a JSON value: an object, a list, or a wrapped list; None otherwise."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in field_synonyms()["containers"]:
            wrapped = {str(k).lower(): v for k, v in data.items()}.get(key)
            if isinstance(wrapped, list) and not record_fields(data).get("text"):
                return wrapped
        return [data]
    return None


def read_json(text: str, source: str) -> Iterator[Document | Problem]:
    """Documents from a JSON object, a list of objects, or ``{"articles": [...]}``."""
    try:
        data = parse_json(text)
    except ValueError as exc:
        yield problem(source, "malformed-json", str(exc))
        return
    records = _json_records(data)
    if records is None:
        yield problem(source, "malformed-json", f"expected an object or a list of objects, found {type(data).__name__}")
        return
    single = isinstance(data, dict) and len(records) == 1 and records[0] is data
    for number, record in enumerate(records, start=1):
        where = source if single else f"{source}#item {number}"
        if not isinstance(record, dict):
            yield problem(where, "malformed-json", f"expected an object, found {type(record).__name__}")
            continue
        yield document_from_record(record, where, "json")


def read_jsonl(text: str, source: str) -> Iterator[Document | Problem]:
    """Documents from JSON Lines; a bad line is a Problem and the rest goes on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}#line {number}"
        try:
            record = parse_json(line)
        except ValueError as exc:
            yield problem(where, "malformed-json", str(exc).replace("at line 1, column", "at column"))
            continue
        if not isinstance(record, dict):
            yield problem(where, "malformed-json", f"expected an object, found {type(record).__name__}")
            continue
        yield document_from_record(record, where, "jsonl")


class _Dialect(csv.excel):
    """Excel-style CSV (double quotes, doubled to escape) with the delimiter read from the header."""


def _csv_dialect(text: str, source: str) -> type[csv.Dialect]:
    """The delimiter most used in the header row (",", ";", tab or "|"); quoting is always '"'.

    ``csv.Sniffer`` guesses the quote character from the body and is easily fooled by
    apostrophes in headlines, so only the delimiter is read, from the header alone.
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _CSV_DELIMITERS}
    if source.lower().removesuffix(".gz").endswith(".tsv"):
        counts["\t"] += len(header) + 1
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    return type("SniffedDialect", (_Dialect,), {"delimiter": delimiter})


def _csv_row_record(header: list[str], row: list[str], where: str) -> dict[str, str] | Problem:
    if len(row) > len(header):
        return problem(where, "malformed-csv", f"the row has {len(row)} fields but the header has {len(header)}")
    return dict(zip(header, row))


def read_csv(text: str, source: str) -> Iterator[Document | Problem]:
    """Documents from CSV/TSV with a header row (dialect sniffed); bad rows are Problems."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), _csv_dialect(text, source), strict=True)
    try:
        header = [name.strip() for name in next(reader)]
    except (csv.Error, StopIteration) as exc:
        yield problem(source, "malformed-csv", f"the header row could not be read ({exc or 'no rows'})")
        return
    if not record_fields({name: "x" for name in header}).get("text"):
        yield problem(source, "missing-text-field", f"no text column in the header ({', '.join(header[:8])})")
        return
    yield from _csv_rows(reader, header, source)


def _csv_rows(reader: Any, header: list[str], source: str) -> Iterator[Document | Problem]:
    number = 1
    while True:
        number += 1
        where = f"{source}#row {number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield problem(where, "malformed-csv", f"the row could not be read ({exc})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        record = _csv_row_record(header, row, where)
        yield record if isinstance(record, Problem) else document_from_record(record, where, "csv")
