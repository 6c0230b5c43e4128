"""Each class of bad input becomes one Problem with a reason and a message saying what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source
from storyline.model import Document
from tests.fixtures.ingest.make_fixtures import make_encrypted_pdf, make_pdf, truncated_gzip_bytes

OPTIONS = IngestOptions()


def _problems(path: Path, options: IngestOptions = OPTIONS) -> list[Problem]:
    items = list(read_source(SourceRef(str(path), "file", str(path)), options))
    assert all(isinstance(i, Problem) for i in items), items
    return [i for i in items if isinstance(i, Problem)]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _single(path: Path, reason: str, options: IngestOptions = OPTIONS) -> Problem:
    (found,) = _problems(path, options)
    assert found.reason == reason
    assert found.source == str(path) and found.message.startswith(str(path))
    assert ";" in found.message  # what was wrong; what to do
    return found


def test_problems_binary_junk(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 4 + os.urandom(512)
    assert _single(_write(tmp_path, "photo.txt", junk), "binary")


def test_problems_empty_file(tmp_path: Path) -> None:
    assert _single(_write(tmp_path, "empty.txt", b""), "empty")
    assert _single(_write(tmp_path, "blank.md", b"  \n\n\t  \n"), "empty")


def test_problems_undecodable_bytes(tmp_path: Path) -> None:
    junk = b"\x81\x8d\x8f\x90\x9d" * 40 + b"council"
    assert _single(_write(tmp_path, "mystery.txt", junk), "undecodable")


def test_problems_truncated_gzip(tmp_path: Path) -> None:
    text = ("The ferry timetable changes on Monday. " * 200).encode()
    assert _single(_write(tmp_path, "timetable.txt.gz", truncated_gzip_bytes(text)), "truncated-gzip")


def test_problems_gzip_bomb_is_too_large(tmp_path: Path) -> None:
    import gzip

    bomb = gzip.compress(b"a" * 2_000_000)
    assert _single(_write(tmp_path, "bomb.txt.gz", bomb), "too-large", IngestOptions(max_bytes=100_000))


def test_problems_malformed_html(tmp_path: Path) -> None:
    html = b'<html><body><p class="lead>The harbour board met on Tuesday to discuss fees.</p></body></html>'
    assert _single(_write(tmp_path, "broken.html", html), "malformed-html")


def test_problems_html_without_text(tmp_path: Path) -> None:
    html = b"<html><head><script>var a = 1;</script></head><body><img src='x.png'></body></html>"
    assert _single(_write(tmp_path, "shell.html", html), "no-text")


def test_problems_malformed_json(tmp_path: Path) -> None:
    found = _single(_write(tmp_path, "export.json", b'{"title": "Budget", "text": "unterminated'), "malformed-json")
    assert "line 1" in found.message


def test_problems_json_scalar_is_malformed(tmp_path: Path) -> None:
    assert _single(_write(tmp_path, "number.json", b"42"), "malformed-json")


def test_problems_malformed_csv(tmp_path: Path) -> None:
    data = b'title,text\n"Pier reopens","The pier reopened on Saturday.\n'
    path = _write(tmp_path, "broken.csv", data)
    (found,) = _problems(path)
    assert found.reason == "malformed-csv" and found.source == f"{path}#row 2"


def test_problems_csv_without_text_column(tmp_path: Path) -> None:
    assert _single(_write(tmp_path, "scores.csv", b"team,goals\nRovers,3\nAthletic,1\n"), "missing-text-field")


def test_problems_malformed_pdf(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf").read_bytes()
    assert _single(_write(tmp_path, "cut.pdf", good[:300]), "malformed-pdf")


def test_problems_encrypted_pdf(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "plain.pdf")
    assert _single(make_encrypted_pdf(tmp_path / "locked.pdf", source), "encrypted-pdf")


def test_problems_file_over_size_cap(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.txt", b"The council met again. " * 1000)
    found = _single(path, "too-large", IngestOptions(max_bytes=1000))
    assert "1,000" in found.message


def test_problems_bad_input_never_raises(tmp_path: Path) -> None:
    samples = [b"\x00" * 10, b"%PDF-1.7 garbage", b"WARC/1.0\r\ngarbage", b"\x1f\x8b\x08junk", b"<rss><channel>"]
    for number, data in enumerate(samples):
        items = list(read_source(SourceRef(f"s{number}", "file", str(_write(tmp_path, f"s{number}", data))), OPTIONS))
        assert items and all(isinstance(i, Problem | Document) for i in items)
        assert all(i.reason != "reader-failed" for i in items if isinstance(i, Problem)), items


@pytest.mark.parametrize("name", ["notes.txt", "notes"])
def test_problems_not_a_problem_for_plain_ascii(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, b"Short note\n\nThe meeting moved to Thursday.")
    items = list(read_source(SourceRef(str(path), "file", str(path)), OPTIONS))
    assert len(items) == 1 and isinstance(items[0], Document)
