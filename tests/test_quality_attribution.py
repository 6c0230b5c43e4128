"""Quality gate: attribution on the first 30 PolNeAR dev articles must not fall below pinned floors.

Floors sit just under the figures measured when they were last pinned (source/cue/content exact F1
44.4 / 46.9 / 34.1, content overlap F1 58.3, direct-quote speaker precision 96.5, speaker precision over
every attributed quote 97.1).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
FLOORS = {
    "source_f1": 43.9,
    "cue_f1": 46.4,
    "content_f1": 33.6,
    "content_f1_overlap": 57.8,
    "direct_speaker_precision": 96.0,
    "speaker_all_precision": 96.6,
}


def _polnear() -> Path:
    env = os.environ.get("STORYLINE_SHARED_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    return base / "quotes" / "polnear"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_attribution", REPO / "bench" / "attribution.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_attribution"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_quality_attribution_polnear_dev_floors() -> None:
    root = _polnear()
    if not (root / "dev" / "attributions").is_dir():
        pytest.skip(f"PolNeAR dev split not found at {root}")
    bench = _bench()
    docs = dict(list(bench.load_polnear(root, "dev").items())[:30])
    result = bench.evaluate(docs)
    low = {k: (result[k], floor) for k, floor in FLOORS.items() if result[k] < floor}
    assert not low, f"attribution quality fell below its floors (figure, floor): {low}"
