"""The read side shows the same facts of the demo corpus as before it read SQL rows (tests/golden_views.py).

Where pages deliberately show facts differently (a story's quote once with all its sources, a role once
with its date range, claims oldest first), the golden file keeps the facts in a canonical form that both
the old and the new read side produce; tests/test_views_*.py check the new presentation itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.demo.load import load_demo

from .golden_views import GOLDEN, capture, normalise, projected


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


def assert_same_facts(golden: dict[str, Any], shown: dict[str, Any], section: str) -> None:
    """Equal facts; in the export every golden record is there, in order, with equal values (the
    contract allows new fields)."""
    if section == "export":
        for name, want in golden[section].items():
            got = shown[section][name]
            if not isinstance(want, list):
                assert got == want, name
                continue
            assert len(got) == len(want), f"export.{name}: {len(got)} records, golden {len(want)}"
            for old, new in zip(want, got):
                assert projected(new, old) == old, f"export.{name}: {old.get('id', old)}"
        return
    for key in sorted(set(golden[section]) | set(shown[section])):
        assert shown[section].get(key) == golden[section].get(key), f"{section}.{key} differs from the golden capture"


@pytest.mark.parametrize("section", ["cli", "dossiers", "reports", "web", "export"])
def test_views_golden_demo_facts_unchanged(golden: dict[str, Any], shown: dict[str, Any], section: str) -> None:
    assert_same_facts(golden, shown, section)


def test_views_golden_views_never_read_the_json_cache(tmp_path: Path) -> None:
    """Every view, page, report and export reads rows: not one statement touches annotations.data."""
    from fastapi.testclient import TestClient
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from storyline.web.app import create_app

    db = str(tmp_path / "demo.db")
    load_demo(db)[1].close()
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        facts = capture(db)
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
            story = facts["cli"]["stories"][0][0]
            for url in ("/", "/stories", f"/stories/{story}", f"/stories/{story}/report.md", "/documents",
                        "/people", "/search?q=council", "/api/export"):
                assert client.get(url).status_code == 200, url
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    assert statements and not [s for s in statements if "annotations" in s.lower()]
