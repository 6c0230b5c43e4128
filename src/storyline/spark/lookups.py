"""Linking's ``dup`` and ``pas`` lookups, and its story candidates, answered from what Spark computed.

Linking files documents one at a time in publication order, and a lookup returns the documents filed
under a key *so far*. Spark computed every shared key with all its documents (``pas``: the first
``MAX_POSTINGS`` in linking order, as the index files no more); so the documents filed so far are the
bucket's members that linking has already filed. :class:`CandidateIndex` wraps the store's link index
for one batch: it answers those two lookups from memory and passes everything else (and every write)
through, so the store ends up exactly as ``storyline link`` leaves it.

Story candidates (:mod:`storyline.spark.story_candidates`) were computed for the documents in linking
order with the features Spark saw: a list is used only while every document arrives in that order with
the features and filing keys it was computed for (a digest); from the first that does not, linking looks
candidates up itself (``story_fallback`` names that document), as every later list depends on it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from storyline.link import duplicates
from storyline.link.index import LinkIndex
from storyline.link.story_features import DocumentFeatures
from storyline.model import Annotations, Document
from storyline.spark.candidates import DUP, PAS, Buckets
from storyline.spark.story_candidates import KnownCandidates, features_digest

_METADATA_KEYS = ("url:", "title:")


class CandidateLookups:
    """What linking has filed so far, across batches; :meth:`wrap` gives each batch's index."""

    def __init__(self, buckets: Buckets, story: Mapping[str, KnownCandidates] | None = None,
                 order: Sequence[str] = ()) -> None:
        self.buckets = buckets
        self.filed: set[str] = set()
        self.answered = 0  # lookups answered from the buckets
        self.story = story or {}
        self.order = list(order)  # the linking order the story candidates were computed for
        self.story_answered = 0  # documents whose story candidates came from Spark
        self.story_fallback: str | None = None  # the first document whose candidates were looked up instead

    def story_candidates(self, features: DocumentFeatures, filing: Sequence[str]) -> list[str] | None:
        """The precomputed candidates of the next document in linking order, when it is the one expected with
        the features and filing keys expected; None (from then on) otherwise."""
        if self.story_fallback is not None or not self.story:
            return None
        position = self.story_answered
        known = self.story.get(features.id)
        if (position >= len(self.order) or self.order[position] != features.id or known is None
                or known.digest != features_digest(features, filing)):
            self.story_fallback = features.id
            return None
        self.story_answered += 1
        return list(known.candidates)

    def wrap(self, inner: LinkIndex) -> LinkIndex:
        return CandidateIndex(inner, self)

    def members(self, kind: str, key: str, inner: LinkIndex) -> list[str]:
        table = self.buckets.dup if kind == DUP else self.buckets.pas
        found = [m for m in table.get(key, ()) if m in self.filed]
        if kind == DUP and key.startswith(_METADATA_KEYS):
            found = self._verified(key, found, inner)
        return found

    def _verified(self, key: str, found: list[str], inner: LinkIndex) -> list[str]:
        """Members whose stored profile really has this URL or title key (see ``Buckets.uncertain``)."""
        doubtful = [m for m in found if m in self.buckets.uncertain]
        if not doubtful:
            return found
        kept = {m for m, p in duplicates.profiles(inner, doubtful).items() if key in duplicates.index_keys(p)}
        return [m for m in found if m not in self.buckets.uncertain or m in kept]


class CandidateIndex:
    """A :class:`~storyline.link.index.LinkIndex` whose ``dup`` and ``pas`` lookups come from Spark's buckets,
    and a :class:`~storyline.link.stories.KnownStoryCandidates` giving the story candidates Spark computed."""

    def __init__(self, inner: LinkIndex, lookups: CandidateLookups) -> None:
        self.inner = inner
        self.lookups = lookups

    def story_candidates(self, features: DocumentFeatures, filing: Sequence[str]) -> list[str] | None:
        return self.lookups.story_candidates(features, filing)

    def postings(self, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
        if kind not in (DUP, PAS):
            return self.inner.postings(kind, keys)
        self.lookups.answered += 1
        found = {k: self.lookups.members(kind, k, self.inner) for k in keys}
        return {k: ids for k, ids in found.items() if ids}

    def add_postings(self, kind: str, item: str, keys: Iterable[str]) -> None:
        if kind == DUP:
            self.lookups.filed.add(item)  # every document is filed under its dup keys when it is linked
        self.inner.add_postings(kind, item, keys)

    def counts(self, kind: str, keys: Collection[str]) -> dict[str, int]:
        return self.inner.counts(kind, keys)

    def add_counts(self, kind: str, keys: Iterable[str], delta: int = 1) -> None:
        self.inner.add_counts(kind, keys, delta)

    def records(self, kind: str, ids: Collection[str]) -> dict[str, Any]:
        return self.inner.records(kind, ids)

    def put_record(self, kind: str, item: str, data: Any) -> None:
        self.inner.put_record(kind, item, data)

    def delete_record(self, kind: str, item: str) -> None:
        self.inner.delete_record(kind, item)

    def record_ids(self, kind: str) -> list[str]:
        return self.inner.record_ids(kind)

    def documents(self, ids: Collection[str]) -> dict[str, Document]:
        return self.inner.documents(ids)

    def annotated(self, ids: Collection[str]) -> dict[str, tuple[Document, Annotations]]:
        return self.inner.annotated(ids)

    def entity_map(self, doc_ids: Collection[str]) -> dict[str, str]:
        return self.inner.entity_map(doc_ids)

    def set_entity_map(self, doc_id: str, mapping: Mapping[str, str]) -> None:
        self.inner.set_entity_map(doc_id, mapping)

    def remap_entity(self, old: str, new: str) -> set[str]:
        return self.inner.remap_entity(old, new)

    def put_output(self, kind: str, item: str, payload: Any, documents: Iterable[str]) -> None:
        self.inner.put_output(kind, item, payload, documents)

    def delete_output(self, kind: str, item: str) -> None:
        self.inner.delete_output(kind, item)

    def set_duplicate_of(self, doc_id: str, target: str | None) -> None:
        self.inner.set_duplicate_of(doc_id, target)

    def memo(self, kind: str) -> dict[str, int]:
        return self.inner.memo(kind)

    def set_reuse_share(self, doc_id: str, share: float) -> None:
        self.inner.set_reuse_share(doc_id, share)
