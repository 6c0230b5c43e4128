"""A database written by PostgreSQL and one written by SQLite give identical views of the demo corpus."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from storyline import api
from storyline.demo.load import demo_corpus_path, load_demo
from storyline.store import Store

from .conftest import postgres_url
from .golden_views import capture, normalise

pytestmark = pytest.mark.postgres


def _postgres_demo() -> tuple[str, str]:
    url = postgres_url()
    if not url:
        pytest.skip("set STORYLINE_TEST_PG=postgresql+psycopg://... to test PostgreSQL")
    schema = "t_" + uuid.uuid4().hex[:8]
    with create_engine(url).begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    db = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    files = sorted(str(p) for p in demo_corpus_path().iterdir() if p.is_file() and p.name != "README.md")
    store = Store(db)
    api.ingest(files, store)
    store.close()
    return db, schema


def _views(db: str) -> dict[str, Any]:
    """Every view's facts; full-text search left out: each engine ranks (and stems) its own way."""
    facts: dict[str, Any] = normalise(capture(db))
    del facts["web"]["searches"]
    return facts


def test_views_backends_postgres_and_sqlite_show_identical_views(tmp_path: Path) -> None:
    db, schema = _postgres_demo()
    try:
        on_postgres = _views(db)
    finally:
        with create_engine(str(postgres_url())).begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    sqlite_db = str(tmp_path / "demo.db")
    load_demo(sqlite_db)[1].close()
    on_sqlite = _views(sqlite_db)
    for section in on_sqlite:
        for key in on_sqlite[section]:
            assert on_postgres[section][key] == on_sqlite[section][key], f"{section}.{key} differs"
