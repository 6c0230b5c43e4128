"""The read benchmark (bench/read.py) on a tiny corpus: every page, CLI read and export is measured, and pages
are timed while another process ingests. Only machine-independent outcomes are asserted (no timings)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import pytest  # noqa: E402
import read  # noqa: E402


@pytest.mark.slow
def test_bench_read_one_size_measures_pages_cli_and_export_idle_and_while_ingesting(tmp_path: Path) -> None:
    args = argparse.Namespace(workdir=str(tmp_path), jobs=1, requests=2, extra=15, repeat=1)
    row = read.one_size(50, args)
    assert row["documents"] == 50 and row["built"] is True
    for phase in (row["idle"], row["during_ingest"]["pages"]):
        assert set(phase) == set(read.PAGES) and all(p["n"] >= 2 and p["p95_ms"] > 0 for p in phase.values())
    assert row["during_ingest"]["documents_added"] == 15
    assert set(row["cli_s"]) == set(row["cli_peak_mb"]) == set(read.CLI_READS)
    assert all(v > 0 for v in row["cli_peak_mb"].values())
    assert row["export"]["jsonl_peak_mb"] > 0 and row["export"]["json_mb"] > 0
    assert (tmp_path / "read-50.db").exists() and not (tmp_path / "read-50-work.db").exists()
    assert read.build(tmp_path / "read-50.db", 50, 1) == {"built": False}  # the built corpus is reused


def test_bench_read_summary_percentiles() -> None:
    found = read.summary([float(x) for x in range(1, 101)])
    assert found == {"n": 100, "p50_ms": 50.5, "p95_ms": 95.0, "max_ms": 100.0}
