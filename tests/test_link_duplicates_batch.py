"""A batch's duplicate buckets, looked up at once before its documents are filed, give the links that filing
one document per transaction gives (a document finds the twin filed just before it in the same batch)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import pytest

from storyline.link.corpus import link_new
from storyline.link.duplicates import index_keys, profile_document
from storyline.link.index import MemoryIndex
from storyline.store import Store
from storyline.views.records import records
from tests.conftest import drop_postgres_schema, postgres_schema_url
from tests.test_link_stories import load_fixture


@pytest.fixture(params=["sqlite", "postgresql"])
def two_stores(request: Any, tmp_path: Any) -> Iterator[tuple[Store, Store]]:
    if request.param == "sqlite":
        urls = [str(tmp_path / "batch.db"), str(tmp_path / "one.db")]
    else:
        urls = [postgres_schema_url("dupb"), postgres_schema_url("dupo")]
    stores = (Store(urls[0]), Store(urls[1]))
    yield stores
    for store in stores:
        store.close()
    if request.param == "postgresql":
        for url in urls:
            drop_postgres_schema(url)


def document_links(store: Store) -> list[tuple[str, str, str, float]]:
    return sorted((d["a"], d["b"], d["kind"], d["similarity"]) for d in records(store, "document_links"))


def test_link_duplicates_batch_links_twins_filed_in_the_same_batch(two_stores: tuple[Store, Store]) -> None:
    batched, one_by_one = two_stores
    items = load_fixture("versions")
    for store in two_stores:
        for doc, ann in items:
            store.add_document(doc, ann)
    with batched.link_session() as index:
        link_new(items, index)
    for item in items:
        with one_by_one.link_session() as index:
            link_new([item], index)
    found = document_links(batched)
    assert found == document_links(one_by_one)
    assert ("bridge-v1", "bridge-v1-copy", "duplicate", 1.0) in found


class AskingIndex(MemoryIndex):
    """A memory index that records the posting keys it was asked for, by kind, call by call."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, list[str]]] = []

    def postings(self, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
        self.asked.append((kind, list(keys)))
        return super().postings(kind, keys)


def test_link_duplicates_batch_reads_every_bucket_of_a_batch_before_filing_it() -> None:
    items = load_fixture("versions")
    index = AskingIndex()
    link_new(items, index)
    first = next(keys for kind, keys in index.asked if kind == "dup")
    assert set(first) == {k for doc, _ in items for k in index_keys(profile_document(doc, 0))}
