"""Expanding source arguments: files, directories, globs, stdin, URLs, missing paths."""

from __future__ import annotations

import io
from pathlib import Path

from storyline.ingest import IngestOptions, Problem, SourceRef, expand_sources, read_source
from storyline.model import Document

OPTIONS = IngestOptions()


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Alpha story\n\nText of the alpha story.", encoding="utf-8")
    (root / "b" / "c.md").write_text("# Gamma\n\nText of gamma.", encoding="utf-8")
    (root / ".hidden.txt").write_text("secret", encoding="utf-8")
    (root / ".git" / "config").write_text("[core]", encoding="utf-8")


def test_sources_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    _tree(tmp_path)
    refs = list(expand_sources([str(tmp_path)], OPTIONS))
    assert all(isinstance(r, SourceRef) and r.kind == "file" for r in refs)
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in refs if isinstance(r, SourceRef)] == [
        "a.txt", "b/c.md",
    ]


def test_sources_glob_and_duplicates(tmp_path: Path) -> None:
    _tree(tmp_path)
    refs = list(expand_sources([str(tmp_path / "**" / "*.md"), str(tmp_path / "b" / "c.md")], OPTIONS))
    assert len(refs) == 1
    assert isinstance(refs[0], SourceRef) and refs[0].source.endswith("c.md")


def test_sources_missing_path_is_problem(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    items = list(expand_sources([missing, str(tmp_path / "*.pdf")], OPTIONS))
    assert [(type(i), i.reason) for i in items if isinstance(i, Problem)] == [(Problem, "not-found")] * 2
    assert isinstance(items[0], Problem) and items[0].source == missing and missing in items[0].message


def test_sources_stdin_and_urls() -> None:
    items = list(expand_sources(["-", "https://news.example/story", "ftp://old.example/file"], OPTIONS))
    assert items[0] == SourceRef("-", "stdin")
    assert items[1] == SourceRef("https://news.example/story", "url")
    assert isinstance(items[2], Problem) and items[2].reason == "unsupported-type"


def test_sources_read_stdin_detects_format() -> None:
    stdin = io.BytesIO(b'{"headline": "Pier reopens", "body": "The pier at Saltmouth reopened on Saturday."}')
    docs = list(read_source(SourceRef("-", "stdin"), OPTIONS, stdin=stdin))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    assert (docs[0].title, docs[0].format, docs[0].source) == ("Pier reopens", "json", "-")


def test_sources_read_missing_file_is_problem(tmp_path: Path) -> None:
    ref = SourceRef("gone.txt", "file", str(tmp_path / "gone.txt"))
    assert [p.reason for p in read_source(ref, OPTIONS) if isinstance(p, Problem)] == ["not-found"]


def test_sources_read_with_a_huge_size_cap(tmp_path: Path) -> None:
    """`--max-bytes 1000000000000000` (or more) raised MemoryError (or OverflowError): reading set aside the
    whole cap before reading a small file or stdin."""
    note = tmp_path / "note.txt"
    note.write_text("Bins move to Fridays, the council said.", encoding="utf-8")
    for cap in (10**15, 10**20):
        options = IngestOptions(max_bytes=cap)
        for ref, stdin in ((SourceRef(str(note), "file", str(note)), None),
                           (SourceRef("-", "stdin"), io.BytesIO(note.read_bytes()))):
            found = list(read_source(ref, options, stdin=stdin))
            assert [d.text for d in found if isinstance(d, Document)] == ["Bins move to Fridays, the council said."]


def test_sources_read_capped_reads_one_byte_past_the_cap() -> None:
    from storyline.ingest.sources import READ_CHUNK, read_capped

    data = b"x" * (2 * READ_CHUNK + 10)
    assert read_capped(io.BytesIO(data), 5) == b"xxxxxx"
    assert read_capped(io.BytesIO(data), READ_CHUNK + 3) == data[: READ_CHUNK + 4]
    assert read_capped(io.BytesIO(data), 10**18) == data
