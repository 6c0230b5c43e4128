"""A linking run's cache of postings and counts: carried across its transactions, dropped when another
process wrote the link index in between (SQLite and PostgreSQL), bounded in size."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from storyline import api
from storyline.store import Store
from storyline.store import link_index as link_index_module
from storyline.store.link_index import LinkCache, SqlLinkIndex

from .conftest import postgres_schema_url
from .test_store_link_index import add, fixtures, snapshot


@pytest.fixture(params=["sqlite", "postgres"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[tuple[Store, Store]]:
    """Two stores on one database, with their own connections (as two processes would have)."""
    url = str(tmp_path / "links.db") if request.param == "sqlite" else postgres_schema_url()
    first, second = Store(url), Store(url)
    yield first, second
    first.close()
    second.close()


def file_terms(index: SqlLinkIndex, doc_id: str, terms: list[str]) -> None:
    """What filing one document writes: df counts, postings, and the count of documents linked."""
    index.add_counts("df", terms)
    index.add_postings("dk", doc_id, terms)
    index.add_counts("meta", ["linked"])


def no_reads(index: SqlLinkIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any) -> Any:
        raise AssertionError("the cache should have answered without reading the database")

    monkeypatch.setattr(index, "_fetch_keyed", refuse)


def test_store_link_index_cache_answers_the_next_transaction(two_stores: tuple[Store, Store],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = two_stores
    cache = LinkCache()
    with store.link_session(cache) as index:
        assert index.counts("df", ["harbour", "ferry"]) == {"harbour": 0, "ferry": 0}
        assert index.postings("dk", ["harbour"]) == {}
        file_terms(index, "doc-ferry-1", ["harbour", "ferry"])
    with store.link_session(cache) as index:
        no_reads(index, monkeypatch)
        assert index.counts("df", ["harbour", "ferry"]) == {"harbour": 1, "ferry": 1}
        assert index.postings("dk", ["harbour"]) == {"harbour": ["doc-ferry-1"]}
        file_terms(index, "doc-ferry-2", ["harbour"])
    with store.link_session(cache) as index:
        no_reads(index, monkeypatch)
        assert index.counts("df", ["harbour"]) == {"harbour": 2}
        assert index.postings("dk", ["harbour"]) == {"harbour": ["doc-ferry-1", "doc-ferry-2"]}
    assert cache.dropped == 0


def test_store_link_index_cache_sees_another_process_link_in_between(two_stores: tuple[Store, Store]) -> None:
    store, other = two_stores
    cache = LinkCache()
    with store.link_session(cache) as index:
        index.counts("df", ["harbour"])
        index.postings("dk", ["harbour"])
        file_terms(index, "doc-ferry-1", ["harbour"])
    with other.link_session() as index:  # another `storyline link`, between two of the run's transactions
        file_terms(index, "doc-ferry-9", ["harbour"])
    with store.link_session(cache) as index:
        assert index.counts("df", ["harbour"]) == {"harbour": 2}
        assert index.postings("dk", ["harbour"]) == {"harbour": ["doc-ferry-1", "doc-ferry-9"]}
    assert cache.dropped == 1


def test_store_link_index_cache_sees_a_writer_that_links_no_document(two_stores: tuple[Store, Store]) -> None:
    """The count of documents linked is not enough: a session may change postings and counts without it."""
    store, other = two_stores
    cache = LinkCache()
    with store.link_session(cache) as index:
        index.counts("df", ["harbour"])
        file_terms(index, "doc-ferry-1", ["harbour"])
    with other.link_session() as index:
        index.add_counts("df", ["harbour"])
    with store.link_session(cache) as index:
        assert index.counts("df", ["harbour"]) == {"harbour": 2}


def test_store_link_index_cache_sees_the_index_cleared(two_stores: tuple[Store, Store]) -> None:
    store, other = two_stores
    cache = LinkCache()
    with store.link_session(cache) as index:
        index.counts("df", ["harbour"])
        file_terms(index, "doc-ferry-1", ["harbour"])
    other.clear_links()
    with store.link_session(cache) as index:
        assert index.counts("df", ["harbour"]) == {"harbour": 0}
        assert index.postings("dk", ["harbour"]) == {}


def test_store_link_index_cache_forgets_a_transaction_rolled_back(two_stores: tuple[Store, Store]) -> None:
    store, _ = two_stores
    cache = LinkCache()
    with store.link_session(cache) as index:
        index.counts("df", ["harbour"])
        file_terms(index, "doc-ferry-1", ["harbour"])
    with pytest.raises(RuntimeError), store.link_session(cache) as index:
        file_terms(index, "doc-ferry-2", ["harbour"])
        raise RuntimeError("the batch failed")
    with store.link_session(cache) as index:
        assert index.counts("df", ["harbour"]) == {"harbour": 1}
        assert index.postings("dk", ["harbour"]) == {"harbour": ["doc-ferry-1"]}
    assert cache.dropped == 1


def test_store_link_index_cache_forgets_its_largest_kinds_over_its_bound(tmp_path: Any) -> None:
    store = Store(str(tmp_path / "links.db"))
    cache = LinkCache(max_keys=40)
    with store.link_session(cache) as index:
        index.counts("df", ["harbour", "ferry"])
        fingerprints = [f"passage-{i}" for i in range(30)]
        index.postings("pas", fingerprints)
        index.add_postings("pas", "doc-ferry-1", fingerprints)
        file_terms(index, "doc-ferry-1", ["harbour", "ferry"])
    assert cache.size() > 40
    with store.link_session(cache) as index:
        assert cache.size("pas") == 0 and cache.size("df") > 0 and cache.size() <= 20
        assert index.postings("pas", ["passage-3"]) == {"passage-3": ["doc-ferry-1"]}
        assert index.counts("df", ["harbour"]) == {"harbour": 1}
    store.close()


def test_store_link_index_cache_keeps_the_memo_while_nobody_else_writes(two_stores: tuple[Store, Store]) -> None:
    """The memo (a quote's word summary, by quote key) lasts the run, and is forgotten with the rest of the cache
    when another process wrote, when a transaction was rolled back, and when it grows past its own bound."""
    store, other = two_stores
    cache = LinkCache(max_memo=2)
    with store.link_session(cache) as index:
        index.memo("quote")["doc-ferry-1:q1"] = 7
        file_terms(index, "doc-ferry-1", ["harbour"])
    with store.link_session(cache) as index:
        assert index.memo("quote") == {"doc-ferry-1:q1": 7}
    with other.link_session() as index:
        file_terms(index, "doc-ferry-9", ["harbour"])
    with store.link_session(cache) as index:
        assert index.memo("quote") == {}
        index.memo("quote")["doc-ferry-2:q1"] = 8
        file_terms(index, "doc-ferry-2", ["harbour"])
    with pytest.raises(RuntimeError), store.link_session(cache) as index:
        index.memo("quote")["doc-ferry-3:q1"] = 9
        raise RuntimeError("the batch failed")
    with store.link_session(cache) as index:
        assert index.memo("quote") == {}
        index.memo("quote").update({"doc-ferry-4:q1": 1, "doc-ferry-4:q2": 2, "doc-ferry-4:q3": 3})
        file_terms(index, "doc-ferry-4", ["harbour"])
    with store.link_session(cache) as index:
        assert index.memo("quote") == {} and index.counts("df", ["harbour"]) == {"harbour": 4}
    assert cache.dropped == 3


@pytest.fixture(params=["sqlite", "postgres"])
def new_database(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Callable[[], str]]:
    """Makes a new empty database (a file, or a schema of the test PostgreSQL database) on each call."""
    made: list[str] = []

    def make() -> str:
        made.append(str(tmp_path / f"links-{len(made)}.db") if request.param == "sqlite" else postgres_schema_url())
        return made[-1]

    yield make


def test_store_link_index_cache_run_sees_another_link_between_its_batches(
    new_database: Callable[[], str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``storyline link`` in batches; after the first, another process files a document; the run's later
    batches must see that document's counts and postings, as a run without a cache does."""
    items = fixtures()
    late = items.pop(3)
    caches: list[LinkCache] = []

    class SeenCache(LinkCache):
        def __init__(self) -> None:
            super().__init__()
            caches.append(self)

    class NoCache(LinkCache):
        def check(self, token: str | None, linked: int) -> None:
            self.clear()

    def link_with(cache_class: type[LinkCache]) -> dict[str, Any]:
        url = new_database()
        store, other = Store(url), Store(url)
        add(store, items)
        monkeypatch.setattr(link_index_module, "LinkCache", cache_class)

        def between_batches(stage: str, done: int, total: int) -> None:
            if done == api.LINK_BATCH:  # another `storyline ingest` + `link`, after the run's first batch
                add(other, [late])
                with other.link_session() as index:
                    api.link_new([late], index)

        api.link_store(store, progress=between_batches)
        found = snapshot(store)
        store.close()
        other.close()
        return found

    monkeypatch.setattr(api, "LINK_BATCH", 3)
    without = link_with(NoCache)
    cached = link_with(SeenCache)
    assert cached == without
    assert sum(c.dropped for c in caches) == 1  # the run's cache, once (sessions without one make their own)
    assert len({d for story in cached["stories"] for d in story}) == len(items) + 1


def test_store_link_index_cache_holds_nothing_the_garbage_collector_walks(two_stores: tuple[Store, Store]) -> None:
    """A run's cache lives through every collection of the run: what it holds must not be walked by each one
    (a list per posting key and per hash made it three quarters of the objects a full collection visits)."""
    store, _ = two_stores
    cache = LinkCache()
    with store.link_session(cache) as index:
        index.counts("df", ["harbour", "ferry", "pier"])
        index.postings("dk", ["harbour", "ferry"])
        file_terms(index, "doc-ferry-1", ["harbour", "ferry"])
    with store.link_session(cache) as index:
        index.postings("dk", ["pier"])
        file_terms(index, "doc-ferry-2", ["harbour", "pier"])
        assert index.postings("dk", ["harbour", "pier"]) == {"harbour": ["doc-ferry-1", "doc-ferry-2"],
                                                            "pier": ["doc-ferry-2"]}
    gc.collect()
    held = [value for part in cache.parts() for by_key in part.values() for value in by_key.values()]
    assert len(held) > 10
    assert not [value for value in held if gc.is_tracked(value)]


def test_store_link_index_cache_writes_a_repeated_key_once_as_a_posting_and_twice_as_a_count(
        two_stores: tuple[Store, Store]) -> None:
    store, other = two_stores
    with store.link_session(LinkCache()) as index:
        assert index.counts("df", ["pier"]) == {"pier": 0} and index.postings("dk", ["pier"]) == {}
        index.add_counts("df", (term for term in ["pier", "tolls", "pier"]))  # a generator: read once
        index.add_postings("dk", "doc-pier-1", (term for term in ["pier", "tolls", "pier"]))
        index.add_postings("dk", "doc-pier-0", ["pier"])
        index.add_counts("df", ["tolls"], delta=3)
        assert index.counts("df", ["pier", "tolls"]) == {"pier": 2, "tolls": 4}
        assert index.postings("dk", ["pier"]) == {"pier": ["doc-pier-0", "doc-pier-1"]}
    with other.link_session() as index:  # as stored
        assert index.counts("df", ["pier", "tolls"]) == {"pier": 2, "tolls": 4}
        assert index.postings("dk", ["pier", "tolls"]) == {"pier": ["doc-pier-0", "doc-pier-1"],
                                                           "tolls": ["doc-pier-1"]}
