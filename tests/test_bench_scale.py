"""The scale benchmark (bench/scale.py) on a small corpus: it ingests, links and scores against the generator's gold.

Only figures that do not depend on the machine are asserted (no timings)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import scale  # noqa: E402


def test_one_size_ingests_links_and_scores_every_generated_article() -> None:
    row = scale.one_size(120, jobs=1)
    assert row["documents"] == 120
    assert row["affairs"] == 20
    # affairs are look-alikes (same templates, other councils and people): stories must not mix them
    assert row["bcubed_p"] >= 0.95
    assert row["stories"] >= row["affairs"]
    assert row["storyline_bcubed_p"] >= 0.95
    assert row["storyline_bcubed_f1"] >= row["bcubed_f1"] - 0.01
    assert row["peak_rss_mb"] > 0 and row["ingest_s"] > 0 and row["link_s"] > 0
    assert len(row["link_ms_per_doc_by_tenth"]) >= 1 and all(ms > 0 for ms in row["link_ms_per_doc_by_tenth"])


def test_tenth_clock_marks_each_tenth_of_the_documents() -> None:
    clock = scale.TenthClock(1000)
    for done in range(100, 1001, 100):
        clock("linking", done, 1000)
    assert [d for d, _ in clock.marks] == list(range(0, 1001, 100))
    assert len(clock.ms_per_doc()) == 10


def test_one_size_with_docs_per_day_packs_the_corpus_into_size_over_density_days() -> None:
    row = scale.one_size(120, jobs=1, docs_per_day=10)
    assert row["span_days"] == 12 and row["documents"] == 120
    assert row["bcubed_p"] >= 0.9  # look-alike affairs running at the same time still stay apart
