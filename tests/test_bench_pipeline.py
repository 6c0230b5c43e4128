"""The per-document speed benchmark (bench/pipeline.py) on a few articles: every system runs on the same texts and
the figures are consistent. No timing is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import pipeline  # noqa: E402


def test_pipeline_bench_storyline_alone() -> None:
    figures = pipeline.measure(8, rounds=2, with_spacy=False)
    assert figures["documents"] == 8 and figures["words"] > 8 * 100
    assert figures["quotes_found"] > 0
    assert set(figures["speed"]) == {"storyline"} and figures["ratio"] == {}
    assert figures["docs_per_cpu_s"] == figures["speed"]["storyline"]["docs_per_cpu_s"] > 0
    assert list(figures["ms_per_doc"]) == ["structure", "entities", "timex", "quotes", "claims", "events"]


@pytest.mark.model
def test_pipeline_bench_beside_spacy() -> None:
    if not any(importlib.util.find_spec(m) for m in pipeline.MODELS):
        pytest.skip("no en_core_web_sm pipeline installed")
    figures = pipeline.measure(4, rounds=1, with_spacy=True)
    assert set(figures["speed"]) == {"storyline", "spacy_blank", "spacy_ner", "spacy_sm"}
    ours = figures["speed"]["storyline"]["docs_per_cpu_s"]
    for name, ratio in figures["ratio"].items():
        assert ratio == pytest.approx(ours / figures["speed"][name]["docs_per_cpu_s"], rel=0.02, abs=0.01)
