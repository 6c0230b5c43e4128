"""UTF-16 text without a byte-order mark is read as text, not refused as binary data."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source
from storyline.ingest.detect import decode_bytes, looks_binary, utf16_without_bom
from storyline.model import Document

BRITISH = ("Council tax to rise by 4.99%\n\n"
           "Residents of Castlewick will pay £86 more a year from April, the council’s cabinet agreed last night.\n\n"
           "“We have protected the services people rely on most,” said Cllr Joanne Pryce, the finance lead.\n")
RUSSIAN = ("Мэр Кастлвика ответил на критику\n\n"
           "«Мы не скрывали перерасход», — заявила мэр Ирина Соколова на заседании совета во вторник.\n")
GREEK = "Το λιμάνι ανοίγει ξανά\n\nΟ δήμαρχος Νίκος Παππάς είπε ότι οι εργασίες τελείωσαν τον Μάρτιο.\n"


@pytest.mark.parametrize("text", [BRITISH, RUSSIAN, GREEK])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path: Path, text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert utf16_without_bom(data) == encoding and not looks_binary(data)
    assert decode_bytes(data, "x") == text
    path = tmp_path / "statement.txt"
    path.write_bytes(data)
    (doc,) = read_source(SourceRef(str(path), "file", str(path)), IngestOptions())
    assert isinstance(doc, Document) and doc.text == text.rstrip() and doc.title == text.split("\n")[0]


def test_utf16_sample_ending_inside_a_surrogate_pair() -> None:
    text = "a" * 4095 + "😀 council budget\n"  # the emoji's two code units straddle the 8,192-byte sample
    assert utf16_without_bom(text.encode("utf-16-le")) == "utf-16-le"


@pytest.mark.parametrize("data", [
    b"The pier reopened on Saturday.\n" * 10,  # plain ASCII stays UTF-8 (it would decode as UTF-16 into Chinese)
    "Caf\u00e9 closes after 40 years\n".encode("cp1252") * 10,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    b"\x00" * 4096,
    bytes(256) + random.Random(7).randbytes(2048),
])
def test_utf16_not_seen_in_other_bytes(data: bytes) -> None:
    assert utf16_without_bom(data) is None


def test_utf16_binary_junk_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x00\x01\x02\x03" * 512)
    (found,) = read_source(SourceRef(str(path), "file", str(path)), IngestOptions())
    assert isinstance(found, Problem) and found.reason == "binary"
