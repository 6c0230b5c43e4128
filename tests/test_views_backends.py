"""A database written by PostgreSQL and one written by SQLite give identical views of the demo corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline import api
from storyline.demo.load import demo_corpus_path, load_demo
from storyline.store import Store

from .conftest import drop_postgres_schema, postgres_schema_url
from .golden_views import capture, normalise

pytestmark = pytest.mark.postgres


def _postgres_demo() -> str:
    db = postgres_schema_url()
    files = sorted(str(p) for p in demo_corpus_path().iterdir() if p.is_file() and p.name != "README.md")
    store = Store(db)
    api.ingest(files, store)
    store.close()
    return db


def _views(db: str) -> dict[str, Any]:
    """Every view's facts; full-text search left out: each engine ranks (and stems) its own way."""
    facts: dict[str, Any] = normalise(capture(db))
    del facts["web"]["searches"]
    return facts


def test_views_backends_postgres_and_sqlite_show_identical_views(tmp_path: Path) -> None:
    db = _postgres_demo()
    try:
        on_postgres = _views(db)
    finally:
        drop_postgres_schema(db)
    sqlite_db = str(tmp_path / "demo.db")
    load_demo(sqlite_db)[1].close()
    on_sqlite = _views(sqlite_db)
    for section in on_sqlite:
        for key in on_sqlite[section]:
            assert on_postgres[section][key] == on_sqlite[section][key], f"{section}.{key} differs"
