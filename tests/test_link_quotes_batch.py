"""A batch's quotes filed after one look-up of all their keys join the same groups as quotes filed one by one."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.link.quotes import file_document_quotes, file_new_quotes
from storyline.store import Store

from .test_link_quotes import items, quoted

REPEAT = ("“The consultation was never meant to change anything,” said Rhian Pryce of Save Our Libraries. "
          "“We will not be closing a single library this year,” the mayor had said in March.")


def batch() -> list[Any]:
    return [*items(), quoted("repeat", REPEAT, "2024-03-08", [
        ("The consultation was never meant to change anything", "e1", "Rhian Pryce"),
        ("We will not be closing a single library this year", None, None)])]


def quote_groups(store: Store, keys: list[str]) -> dict[str, str]:
    with store.link_session() as index:
        return {k: data["group"] for k, data in index.records("quote", keys).items()}


@pytest.mark.parametrize("split", [1, 3])
def test_link_quotes_batch_joins_the_groups_of_one_by_one_filing(tmp_path: Any, split: int) -> None:
    """The first ``split`` documents are filed in an earlier transaction (their keys are then stored)."""
    docs = batch()
    one_by_one, batched = Store(str(tmp_path / "one.db")), Store(str(tmp_path / "batch.db"))
    keys: list[str] = []
    for doc, ann in docs:
        with one_by_one.link_session() as index:
            keys += file_document_quotes(doc, ann, index)[0]
    with batched.link_session() as index:
        file_new_quotes(docs[:split], index)
    with batched.link_session() as index:
        groups = file_new_quotes(docs[split:], index)
    expected = quote_groups(one_by_one, keys)
    assert quote_groups(batched, keys) == expected
    assert groups <= set(expected.values())
    library = {expected[k] for k in ("uk:q1", "us:q1", "wire:q1", "repeat:q2")}
    assert len(library) == 1 and expected["other:q1"] not in library
    one_by_one.close()
    batched.close()


def test_link_quotes_batch_reads_no_postings_under_boilerplate_keys() -> None:
    from storyline.link.index import MemoryIndex
    from storyline.link.quotes import MAX_POSTINGS, quotes_to_file

    docs = batch()
    _, _, (exact, keys) = quotes_to_file(*docs[0])[0]
    index = MemoryIndex()
    index.add_counts("qn", [keys[0]], MAX_POSTINGS)  # filed under by as many quotes as a key may be
    asked: list[str] = []
    read = index.postings
    index.postings = lambda kind, wanted: asked.extend(wanted) or read(kind, wanted)  # type: ignore[method-assign]
    file_new_quotes(docs, index)
    assert exact in asked and keys[1] in asked and keys[0] not in asked  # _matches never reads it either
