"""Near-duplicate signatures: one template MinHash, in a pinned scheme, so stored signatures stay comparable."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storyline import api
from storyline.link.corpus import MINHASH_KEY
from storyline.link.fingerprint import MINHASH_SCHEME, minhash_signature, minhash_template, tokenize
from storyline.store import Store
from storyline.store.link_index import key_hash

from .test_store_link_index import add, empty_store, fixtures  # noqa: F401  (empty_store is a fixture)

TEXT = ("The council leader, Helen Whitfield, said the leisure trust had \u201cdone its job\u201d and would be "
        "wound up by April, three years after it took over the town\u2019s pools.")

# Computed once with scheme="legacy" (datasketch 1.x's only scheme, kept bit for bit by 2.x), 64 slots, seed 7.
# If this test fails after an upgrade, stored signatures no longer match new ones: pin the scheme again.
PINNED_SIGNATURE = [
    54158477, 24167999, 77887732, 26894908, 805565849, 56560944, 6470077, 23884197, 69539896, 101996769,
]


def test_link_fingerprint_minhash_signature_equals_the_pinned_scheme() -> None:
    signature = minhash_signature(tokenize(TEXT).hashes)
    assert len(signature) == 64
    assert signature[:10] == PINNED_SIGNATURE
    assert MINHASH_SCHEME == "legacy"
    assert getattr(minhash_template(), "scheme", MINHASH_SCHEME) == MINHASH_SCHEME


def test_link_fingerprint_minhash_template_is_built_once_and_left_empty() -> None:
    first = minhash_signature(tokenize(TEXT).hashes)
    other = minhash_signature(tokenize("A different text about the pools and the trust, written later.").hashes)
    assert minhash_template() is minhash_template()
    assert minhash_template().is_empty()  # signatures are taken from copies, never from the template
    assert minhash_signature(tokenize(TEXT).hashes) == first != other


def test_link_fingerprint_minhash_signatures_of_another_scheme_are_relinked(empty_store: Store) -> None:  # noqa: F811
    """A store linked before the scheme was pinned (datasketch 2.0's default) is linked again, not extended."""
    add(empty_store, fixtures())
    api.link_store(empty_store)
    with empty_store.writer.begin() as conn:
        conn.execute(text("DELETE FROM link_counts WHERE kind = 'meta' AND key = :k"),
                     {"k": key_hash("meta", MINHASH_KEY)})
    assert api.link_store(empty_store).new_documents == len(fixtures())


@pytest.mark.parametrize("words", [[], [1], list(range(3))])
def test_link_fingerprint_minhash_short_texts_have_full_signatures(words: list[int]) -> None:
    assert len(minhash_signature(words)) == 64
