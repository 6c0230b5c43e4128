"""Shared fixtures: paths to the evaluation data and throwaway stores."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine, text

from storyline.store import Store

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_data() -> Path:
    """../shared/data beside the repository (or $STORYLINE_SHARED_DATA)."""
    env = os.environ.get("STORYLINE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture
def shared() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {path}")
    return path


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


def postgres_url() -> str | None:
    return os.environ.get("STORYLINE_TEST_PG")


SEARCH_PATH = "options=-csearch_path%3D"


def postgres_schema_url(prefix: str = "t") -> str:
    """The test PostgreSQL database, searching a new empty schema of its own (skips without STORYLINE_TEST_PG)."""
    url = postgres_url()
    if not url:
        pytest.skip("set STORYLINE_TEST_PG=postgresql+psycopg://... to test PostgreSQL")
    schema = f"{prefix}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}{SEARCH_PATH}{schema}"


def drop_postgres_schema(schema_url: str) -> None:
    """Drop the schema made by :func:`postgres_schema_url`."""
    url, _, schema = schema_url.partition(SEARCH_PATH)
    engine = create_engine(url[:-1])
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


def ingested_db(tmp_path_factory: pytest.TempPathFactory, name: str, sources: list[str]) -> str:
    """A database of its own, in a fresh temporary folder, holding ``sources`` ingested and linked as
    ``storyline ingest`` does; for module-scoped corpus fixtures."""
    from storyline import api

    path = str(tmp_path_factory.mktemp(name) / f"{name}.db")
    store = Store(path)
    api.ingest(sources, store)
    store.close()
    return path


@pytest.fixture(scope="module")
def display_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hand-built display corpus (tests/display_corpus.py) in a database, once per test module."""
    from .display_corpus import display_store

    path = str(tmp_path_factory.mktemp("display") / "display.db")
    display_store(path).close()
    return path


@pytest.fixture(scope="module")
def display_client(display_db: str) -> Iterator[TestClient]:
    """The read-only web app on the display corpus."""
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    with TestClient(create_app(display_db, read_only=True), base_url="http://127.0.0.1") as c:
        yield c
