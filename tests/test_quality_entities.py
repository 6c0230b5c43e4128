"""Quality gate: named person/organisation mentions on MEANTIME English stay above pinned floors."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Measured 2026-11-23 (overlap match, bench/entities.py): person P 97.4 R 76.5 F1 85.7,
# organisation P 69.2 R 79.6 F1 74.0, micro F1 75.8.  Floors sit a few points under.
FLOORS = {"person_f1": 82.0, "person_p": 94.0, "organisation_f1": 70.0, "micro_f1": 72.0}


def _data() -> Path:
    env = os.environ.get("STORYLINE_SHARED_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "ner" / "meantime_en" / "intra-doc_annotation"


@pytest.mark.shared
def test_quality_entities_meantime_floors() -> None:
    folder = _data()
    if not folder.is_dir():
        pytest.skip(f"MEANTIME data not found at {folder}")
    spec = importlib.util.spec_from_file_location("bench_entities", REPO / "bench" / "entities.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_entities"] = bench
    spec.loader.exec_module(bench)
    figures = bench.figures(bench.score(bench.load_folder(folder), bench.storyline_mentions(None)))
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name} fell to {figures[name]} (floor {floor})"
