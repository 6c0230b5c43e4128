"""One writer at a time, on SQLite and PostgreSQL: processes that start together on one database (two
`storyline ingest` runs, an ingest beside a web app's correction) take turns instead of colliding half-way."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from storyline.model import Document
from storyline.store import Store
from storyline.store.migrations import SCHEMA_VERSION

from .conftest import drop_postgres_schema, postgres_schema_url


@pytest.fixture(params=["sqlite", "postgres"])
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "new.db")
        return
    url = postgres_schema_url()
    yield url
    drop_postgres_schema(url)


def _together(work: Callable[[int], None], count: int = 4) -> list[BaseException]:
    """Run ``work(i)`` in ``count`` threads released at the same moment; the exceptions they raised."""
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except BaseException as err:  # noqa: BLE001 - whatever stopped a writer is the finding
            failures.append(err)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_store_engine_writers_set_up_a_new_database_together(new_db: str) -> None:
    """On PostgreSQL all but one failed while the first created the tables ('duplicate key value violates unique
    constraint "pg_type_typname_nsp_index"'), reported as a database that cannot be opened."""
    assert not _together(lambda _i: Store(new_db).close())
    with Store(new_db).reader.connect() as conn:
        versions = conn.execute(text("SELECT version FROM schema_migrations")).scalars().all()
    assert sorted(versions) == sorted(set(versions)) and max(versions) == SCHEMA_VERSION


def test_store_engine_writers_store_the_same_documents_together(new_db: str) -> None:
    """Two ingests of one folder: on PostgreSQL the second stopped with a UniqueViolation on documents_pkey
    (both had checked the ids before either inserted); now each document is stored once, by one of them."""
    Store(new_db).close()
    docs = [Document(id=f"{n:016x}", text=f"Councillor {n} said the budget was late.", source=f"a{n}.txt")
            for n in range(40)]
    added: list[list[bool]] = [[] for _ in range(3)]

    def store_all(i: int) -> None:
        store = Store(new_db)
        try:
            added[i] = store.add_documents([(doc, None) for doc in docs])
        finally:
            store.close()

    assert not _together(store_all, count=3)
    assert [sum(flags) for flags in zip(*added)] == [1] * len(docs)  # each stored by exactly one writer
    store = Store(new_db)
    assert store.count_documents() == len(docs)
    store.close()
