"""Where corpus linking keeps what it knows between calls: postings, counts, records and outputs.

Linking is incremental: a new document is compared only with what an index
lookup returns (documents sharing a MinHash band or a passage fingerprint,
stories active around its date, identities sharing a surname, quotes sharing
a key), and only what it changes is written back.  The link modules speak to
that state through the :class:`LinkIndex` protocol, so they stay free of I/O:

* :class:`MemoryIndex` keeps everything in dictionaries (tests, benchmarks,
  one-shot linking of a list of documents);
* ``storyline.store.link_index.SqlLinkIndex`` keeps it in the store's tables
  (SQLite or PostgreSQL), one transaction per batch of documents, so memory
  stays bounded however large the corpus grows.

Vocabulary: a *posting* says "item X is filed under key K" for one kind of
lookup (``kind`` is a short tag such as ``"dup"``); a *count* is an integer per
key (document frequencies); a *record* is a JSON-able value per item id (a
story's profile, an identity); an *output* is what the export and the views
read (stories, reuse, discrepancies, ...).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

from storyline.model import Annotations, Document

__all__ = ["Item", "LinkIndex", "MemoryIndex"]

Item = tuple[Document, Annotations]


class LinkIndex(Protocol):
    """The state corpus linking reads and writes (see the module docstring)."""

    def postings(self, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
        """Items filed under each key (keys without items are left out)."""
        ...

    def add_postings(self, kind: str, item: str, keys: Iterable[str]) -> None: ...

    def counts(self, kind: str, keys: Collection[str]) -> dict[str, int]:
        """The count of every key asked for (0 when never counted)."""
        ...

    def add_counts(self, kind: str, keys: Iterable[str], delta: int = 1) -> None: ...

    def records(self, kind: str, ids: Collection[str]) -> dict[str, Any]:
        """Records of the given ids that exist; treat them as read-only (put a new value to change one)."""
        ...

    def put_record(self, kind: str, item: str, data: Any) -> None:
        """Store a JSON-able value; the caller must not change it afterwards."""
        ...

    def delete_record(self, kind: str, item: str) -> None: ...

    def record_ids(self, kind: str) -> list[str]:
        """Every id of one (small) kind of record, such as the stories waiting for a refresh."""
        ...

    def documents(self, ids: Collection[str]) -> dict[str, Document]: ...

    def annotated(self, ids: Collection[str]) -> dict[str, Item]: ...

    def entity_map(self, doc_ids: Collection[str]) -> dict[str, str]:
        """``"doc:e3" -> corpus entity id`` for the given documents."""
        ...

    def set_entity_map(self, doc_id: str, mapping: Mapping[str, str]) -> None:
        """Record the corpus identity of every local entity of one document (local id -> corpus id)."""
        ...

    def remap_entity(self, old: str, new: str) -> set[str]:
        """Point every mention of identity ``old`` at ``new`` (two identities became one); returns their documents."""
        ...

    def put_output(self, kind: str, item: str, payload: Any, documents: Iterable[str]) -> None: ...

    def delete_output(self, kind: str, item: str) -> None: ...

    def set_duplicate_of(self, doc_id: str, target: str | None) -> None: ...

    def set_reuse_share(self, doc_id: str, share: float) -> None: ...

    def memo(self, kind: str) -> dict[str, int]:
        """Small values the caller derives from items and keeps here (a quote's word summary), by item id: held in
        memory only, for as long as nothing else changes the index, and never stored, so an id missing is unknown
        (derive it again from the item's record)."""
        ...


class MemoryIndex:
    """A :class:`LinkIndex` in dictionaries; it also holds the documents it is asked to link."""

    def __init__(self) -> None:
        self.postings_: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.counts_: dict[str, dict[str, int]] = defaultdict(dict)
        self.records_: dict[str, dict[str, Any]] = defaultdict(dict)
        self.items_: dict[str, Item] = {}
        self.entity_map_: dict[str, dict[str, str]] = {}
        self.outputs: dict[str, dict[str, tuple[Any, list[str]]]] = defaultdict(dict)
        self.duplicate_of: dict[str, str | None] = {}
        self.reuse_shares: dict[str, float] = {}
        self.memo_: dict[str, dict[str, int]] = defaultdict(dict)

    # --- the corpus -------------------------------------------------------------

    def remember(self, items: Iterable[Item]) -> None:
        """Documents the index can hand back to linking (a store holds them already)."""
        for doc, ann in items:
            self.items_.setdefault(doc.id, (doc, ann))

    def documents(self, ids: Collection[str]) -> dict[str, Document]:
        return {i: self.items_[i][0] for i in ids if i in self.items_}

    def annotated(self, ids: Collection[str]) -> dict[str, Item]:
        return {i: self.items_[i] for i in ids if i in self.items_}

    # --- lookups ------------------------------------------------------------------

    def postings(self, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
        table = self.postings_[kind]
        return {k: sorted(table[k]) for k in keys if table.get(k)}

    def add_postings(self, kind: str, item: str, keys: Iterable[str]) -> None:
        table = self.postings_[kind]
        for key in keys:
            table[key].add(item)

    def counts(self, kind: str, keys: Collection[str]) -> dict[str, int]:
        table = self.counts_[kind]
        return {k: table.get(k, 0) for k in keys}

    def add_counts(self, kind: str, keys: Iterable[str], delta: int = 1) -> None:
        table = self.counts_[kind]
        for key in keys:
            table[key] = table.get(key, 0) + delta

    def records(self, kind: str, ids: Collection[str]) -> dict[str, Any]:
        table = self.records_[kind]
        return {i: table[i] for i in ids if i in table}

    def put_record(self, kind: str, item: str, data: Any) -> None:
        self.records_[kind][item] = data

    def delete_record(self, kind: str, item: str) -> None:
        self.records_[kind].pop(item, None)

    def record_ids(self, kind: str) -> list[str]:
        return sorted(self.records_[kind])

    # --- identities and outputs ---------------------------------------------------

    def entity_map(self, doc_ids: Collection[str]) -> dict[str, str]:
        return {f"{d}:{local}": e for d in doc_ids for local, e in self.entity_map_.get(d, {}).items()}

    def set_entity_map(self, doc_id: str, mapping: Mapping[str, str]) -> None:
        self.entity_map_[doc_id] = dict(mapping)

    def remap_entity(self, old: str, new: str) -> set[str]:
        moved = set()
        for doc_id, mapping in self.entity_map_.items():
            for local, entity in mapping.items():
                if entity == old:
                    mapping[local] = new
                    moved.add(doc_id)
        return moved

    def put_output(self, kind: str, item: str, payload: Any, documents: Iterable[str]) -> None:
        self.outputs[kind][item] = (copy.deepcopy(payload), sorted(set(documents)))

    def delete_output(self, kind: str, item: str) -> None:
        self.outputs[kind].pop(item, None)

    def set_duplicate_of(self, doc_id: str, target: str | None) -> None:
        self.duplicate_of[doc_id] = target

    def set_reuse_share(self, doc_id: str, share: float) -> None:
        self.reuse_shares[doc_id] = share

    def memo(self, kind: str) -> dict[str, int]:
        return self.memo_[kind]

    def output_payloads(self, kind: str) -> list[Any]:  # noqa: ANN401
        """Payloads of one kind of output, in id order."""
        return [self.outputs[kind][i][0] for i in sorted(self.outputs[kind])]

    def copy(self) -> MemoryIndex:
        """An independent copy (documents are shared: linking never changes them)."""
        twin = MemoryIndex()
        for name in ("postings_", "counts_", "records_", "entity_map_", "outputs", "duplicate_of", "reuse_shares",
                     "memo_"):
            setattr(twin, name, copy.deepcopy(getattr(self, name)))
        twin.items_ = dict(self.items_)
        return twin

    def linked_ids(self) -> Sequence[str]:
        """Documents linked so far, in the order they were linked."""
        return sorted(self.records_["doc"], key=lambda d: self.records_["doc"][d]["order"])
