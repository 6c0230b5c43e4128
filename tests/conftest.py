"""Shared fixtures: paths to the evaluation data and throwaway stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.store import Store

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
