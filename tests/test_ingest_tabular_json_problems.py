"""JSON records a newsroom export can get wrong are each one clear problem: nesting too deep, a number too long
for Python, a raw line break in a string, and a text field that is there but empty or not text (never "the
reader failed ... please report this", never "the record has no text field" when it has one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source

STORY = "Councillor Ada Obi said the Harbour Road depot would close in March."


def _problem(tmp_path: Path, name: str, data: str) -> Problem:
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    items = list(read_source(SourceRef(str(path), "file", str(path)), IngestOptions()))
    assert len(items) == 1 and isinstance(items[0], Problem), items
    assert items[0].message.startswith(str(path)) and "please report" not in items[0].message
    return items[0]


@pytest.mark.parametrize(("name", "data", "said"), [
    ("nested.json", '{"a":' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
    ("brackets.json", "[" * 50_000 + "]" * 50_000, "nested too deeply"),
    ("count.json", '{"title": "Depot", "text": "x", "views": ' + "9" * 5_000 + "}", "a number too long"),
    ("newline.json", '{"title": "Depot", "text": "first line\nsecond line"}', "raw control character"),
])
def test_ingest_tabular_json_unreadable(tmp_path: Path, name: str, data: str, said: str) -> None:
    found = _problem(tmp_path, name, data)
    assert found.reason == "malformed-json" and said in found.message


def test_ingest_tabular_jsonl_line_too_deep(tmp_path: Path) -> None:
    lines = json.dumps({"title": "Depot", "text": STORY}) + "\n" + "[" * 50_000 + "]" * 50_000 + "\n"
    path = tmp_path / "feed.jsonl"
    path.write_text(lines, encoding="utf-8")
    items = list(read_source(SourceRef(str(path), "file", str(path)), IngestOptions()))
    assert [type(i).__name__ for i in items] == ["Document", "Problem"]
    assert isinstance(items[1], Problem) and "#line 2: the JSON is nested too deeply" in items[1].message


@pytest.mark.parametrize(("value", "said"), [
    ("", "the record's 'text' field is empty"), ("   ", "field is empty"), (None, "field is empty"),
    (12345, "holds a number, not text"), ({"body": STORY}, "holds an object, not text"),
    ([STORY, 3], "holds a list with items that are not text"),
])
def test_ingest_tabular_text_field_there_but_unusable(tmp_path: Path, value: object, said: str) -> None:
    found = _problem(tmp_path, "record.json", json.dumps({"title": "Depot to close", "text": value, "date": "2024-03-01"}))
    assert found.reason == "missing-text-field" and said in found.message
    assert "has no text field" not in found.message


def test_ingest_tabular_no_text_field_lists_the_fields(tmp_path: Path) -> None:
    found = _problem(tmp_path, "record.json", json.dumps({"title": "Depot to close", "date": "2024-03-01"}))
    assert "has no text field (fields: title, date)" in found.message
