"""A text file mixing UTF-8 and Windows-1252/Latin-1 (a Latin-1 paragraph pasted into UTF-8 copy with curly
quotes) is read, each part in its own encoding, instead of being refused as "neither UTF-8 ... nor Windows-1252"."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import IngestOptions, SourceRef, read_source
from storyline.ingest.detect import decode_bytes
from storyline.model import Document

UTF8 = "Councillor Zoë Pryce said: “We’re not closing the library.”\n\n"
LATIN1 = "The café owner, Hélène Marchetti, said trade had fallen by a third.\n"


def test_ingest_detect_mixed_utf8_and_latin1_bytes() -> None:
    data = UTF8.encode("utf-8") + LATIN1.encode("latin-1")
    assert decode_bytes(data, "mixed.txt") == UTF8 + LATIN1


def test_ingest_detect_mixed_file_is_ingested(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(("Library to stay open\n\n" + UTF8).encode("utf-8") + LATIN1.encode("latin-1"))
    (doc,) = list(read_source(SourceRef(str(path), "file", str(path)), IngestOptions()))
    assert isinstance(doc, Document)
    assert "“We’re not closing the library.”" in doc.text and "Hélène Marchetti" in doc.text


def test_ingest_detect_plain_encodings_unchanged() -> None:
    assert decode_bytes(LATIN1.encode("cp1252"), "x") == LATIN1
    assert decode_bytes(UTF8.encode("utf-8"), "x") == UTF8
