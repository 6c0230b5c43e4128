"""The read side shows the same facts of the demo corpus as the golden capture (tests/golden_views.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.demo.load import load_demo

from .golden_views import GOLDEN, capture, normalise


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(Path(tmp_path_factory.mktemp("golden")) / "demo.db")
    load_demo(db)[1].close()
    facts: dict[str, Any] = normalise(capture(db))
    return facts


@pytest.mark.parametrize("section", ["cli", "dossiers", "reports", "web", "export"])
def test_views_golden_demo_facts_unchanged(golden: dict[str, Any], shown: dict[str, Any], section: str) -> None:
    for key in sorted(set(golden[section]) | set(shown[section])):
        assert shown[section].get(key) == golden[section].get(key), f"{section}.{key} differs from the golden capture"
