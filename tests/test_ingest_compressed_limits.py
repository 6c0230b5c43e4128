"""Gzip and WARC limits: one decompressed-size budget for every layer, a nesting limit, cut-off crawls kept."""

from __future__ import annotations

import gzip
from pathlib import Path

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source
from storyline.ingest.compressed import MAX_GZIP_LAYERS, unwrap_gzip
from storyline.model import Document
from tests.fixtures.ingest.make_fixtures import CRAWL_PAGES, cut_inside_last_record, make_crawl

TEXT = ("Harbour board minutes\n\nThe board agreed on Tuesday to repair the north breakwater before winter, "
        "and to ask the council for a loan of £1.2m.\n").encode()


def _read(path: Path, options: IngestOptions | None = None) -> list[Document | Problem]:
    return list(read_source(SourceRef(str(path), "file", str(path)), options or IngestOptions()))


def _nested(data: bytes, layers: int) -> bytes:
    for _ in range(layers):
        data = gzip.compress(data, compresslevel=0, mtime=0)  # stored: fast to build, each layer a few bytes more
    return data


def test_gzip_layers_within_the_limit_are_read(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt.gz.gz"
    path.write_bytes(_nested(TEXT, MAX_GZIP_LAYERS))
    (doc,) = _read(path)
    assert isinstance(doc, Document) and doc.text.startswith("Harbour board minutes")


def test_gzip_nested_too_deep_is_one_clear_problem(tmp_path: Path) -> None:
    for layers in (MAX_GZIP_LAYERS + 1, 30, 3000):  # 3,000 layers used to end in a RecursionError
        path = tmp_path / f"deep-{layers}.gz"
        path.write_bytes(_nested(TEXT, layers))
        (found,) = _read(path)
        assert isinstance(found, Problem) and found.reason == "nested-gzip", found
        assert "nested more than 3 layers" in found.message and "gunzip" in found.message


def test_gzip_one_budget_covers_every_layer(tmp_path: Path) -> None:
    """Each layer alone fits the cap (600 kB each), both together do not: the old per-layer check stored it."""
    inner = b"The ferry timetable changes on Monday. " * 15_000  # 600 kB of text
    stored = gzip.compress(inner, compresslevel=0, mtime=0)  # a second layer as large as its content
    path = tmp_path / "timetable.txt.gz.gz"
    path.write_bytes(gzip.compress(stored, compresslevel=9, mtime=0))
    (found,) = _read(path, IngestOptions(max_bytes=1_000_000))
    assert isinstance(found, Problem) and found.reason == "too-large"
    assert "gzip layers decompress to more than 1,000,000 bytes" in found.message
    (doc,) = _read(path, IngestOptions(max_bytes=1_300_000))
    assert isinstance(doc, Document)


def test_gzip_unwrap_reports_the_layers_and_a_break() -> None:
    whole = unwrap_gzip(_nested(TEXT, 2), "x", 10_000)
    assert not isinstance(whole, Problem) and whole.layers == 2 and whole.data == TEXT and whole.broken is None
    two_members = gzip.compress(TEXT, mtime=0) + gzip.compress(TEXT, mtime=0)
    cut = unwrap_gzip(two_members[:-20], "x", 10_000)
    assert not isinstance(cut, Problem) and cut.data == TEXT and cut.broken == "the gzip data ends early"
    nothing = unwrap_gzip(two_members[:20], "x", 10_000)
    assert isinstance(nothing, Problem) and nothing.reason == "truncated-gzip"


def test_warc_gz_cut_off_keeps_complete_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(cut_inside_last_record(make_crawl(tmp_path / "whole.warc.gz")))
    items = _read(path)
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.url for d in docs] == [url for url, _ in CRAWL_PAGES[:2]]
    assert "Aileen Moffat" in docs[1].text
    (found,) = problems
    assert found.reason == "truncated-warc" and found.source == f"{path}#record 3"
    assert "2 complete records before it were read" in found.message and "again" in found.message


def test_warc_cut_inside_a_record_keeps_the_records_before(tmp_path: Path) -> None:
    """Uncompressed, warcio hands back the short body of the last record as if whole: it is not stored."""
    path = tmp_path / "crawl.warc"
    path.write_bytes(cut_inside_last_record(make_crawl(tmp_path / "whole.warc", compress=False)))
    items = _read(path)
    assert [type(i) for i in items] == [Document, Document, Problem]
    found = items[-1]
    assert isinstance(found, Problem) and found.reason == "truncated-warc" and found.source == f"{path}#record 3"
    assert "ends inside this record" in found.message
