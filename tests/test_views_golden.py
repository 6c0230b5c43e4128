"""The read side shows the same facts of the demo corpus as before it read SQL rows (tests/golden_views.py).

Where pages deliberately show facts differently (a story's quote once with all its sources, a role once
with its date range, claims oldest first), the golden file keeps the facts in a canonical form that both
the old and the new read side produce; tests/test_views_*.py check the new presentation itself.
"""

from __future__ import annotations

import json
import re
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
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(Path(tmp_path_factory.mktemp("golden")) / "demo.db")
    load_demo(db)[1].close()
    return db


@pytest.fixture(scope="module")
def shown(demo_db: str) -> dict[str, Any]:
    facts: dict[str, Any] = normalise(capture(demo_db))
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


@pytest.mark.parametrize("section", ["cli", "dossiers", "reports", "web", "export", "issues"])
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


RAW_TIMEX = re.compile(r"XXXX|\b\d{4}-W\d\d|\d{4}-(?:SP|SU|FA|AU|WI|Q[1-4]|H[12])\b|T(?:MO|AF|EV|NI)\b|_REF\b")


def _what_a_reader_sees(html: str) -> str:
    """Text and hover titles of a page (tags and other attributes left out)."""
    hover = " ".join(re.findall(r'(?:title|aria-label)="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)) + " " + hover


def test_views_golden_no_raw_date_code_reaches_a_reader(demo_db: str) -> None:
    """Issue 16: dates in words everywhere: every page and report of the demo, and the terminal timeline."""
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from storyline import views
    from storyline.cli import main
    from storyline.store import Store
    from storyline.web.app import create_app

    store = Store(demo_db)
    stories = [s.id for s in views.stories(store, 1000)]
    docs = [d.id for d in views.documents(store, 1000)]
    store.close()
    urls = ["/", "/stories", "/documents", *(f"/stories/{s}" for s in stories), *(f"/documents/{d}" for d in docs),
            *(f"/stories/{s}/report.{fmt}" for s in stories for fmt in ("html", "md"))]
    with TestClient(create_app(demo_db, read_only=True), base_url="http://127.0.0.1") as client:
        for url in urls:
            found = RAW_TIMEX.search(_what_a_reader_sees(client.get(url).text))
            assert found is None, (url, found)
    for args in (["timeline"], ["timeline", "--dates", "20"], ["story", stories[0], "--all"]):
        output = CliRunner().invoke(main, [*args, "--db", demo_db]).output
        assert RAW_TIMEX.search(output) is None, args
