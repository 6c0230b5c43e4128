"""The link index in the store's tables: ``storyline.link.index.LinkIndex`` over SQLite or PostgreSQL.

One :class:`SqlLinkIndex` lives inside one write transaction (``Store.link_session``).
Reads go to the database once per key and are cached; writes are buffered and
flushed with a few bulk statements when the session ends, in the same
transaction, so a crash leaves the index as it was after the last whole batch.
Posting and count keys are stored as 64-bit hashes of ``(kind, key)``.

Outputs become rows of the tables the views read (:mod:`storyline.store.outputs`):
entities, stories, storylines, copied passages, quote groups, discrepancies and
timelines; each document's entity map becomes the identity of its local entities,
copied into every fact that names them (:mod:`storyline.store.facts`).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
import uuid
from collections import OrderedDict, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, insert, select, update

from storyline.model import Annotations, Document, from_dict, to_dict
from storyline.store import facts, outputs, schema
from storyline.store.outputs import insert_for
from storyline.store.rows import row_document

STORY_PIN = "spin"  # storyline.link.stories.PIN: the link records that are the reporter's story moves

if TYPE_CHECKING:
    from storyline.link.index import Item

__all__ = ["LinkCache", "SqlLinkIndex", "key_hash"]

BATCH = 500  # ids per IN (...) list
DOCUMENT_CACHE = 2000
MAX_CACHED_KEYS = 1_000_000  # posting and count keys a LinkCache keeps across transactions (about 155 MB)
MAX_MEMO_ITEMS = 1_000_000  # memo values a LinkCache keeps (LinkIndex.memo: quote summaries, 160 bytes each with the key)
WRITER_STATE = "link_writer"  # state row: a token written by every link session that changed postings or counts
LINKED_META = ("meta", "linked")  # storyline.link.corpus.LINKED_KEY: the count of documents linked so far
_MISSING = object()
# what json.dumps(data, separators=(",", ":"), ensure_ascii=False) writes, without making an encoder per record
_RECORD_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


@lru_cache(maxsize=1 << 18)
def key_hash(kind: str, key: str) -> int:
    """A signed 64-bit hash of a posting or count key."""
    digest = hashlib.blake2b(f"{kind}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _batches(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), BATCH):
        yield values[i : i + BATCH]


def _by_kind(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """``(kind, id)`` pairs grouped by kind (so each delete can use the (kind, id) index)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for kind, item in sorted(keys):
        grouped[kind].append(item)
    return grouped


class LinkCache:
    """The postings and counts one linking run has read or written, kept across its transactions.

    ``storyline link`` files documents in batches, one transaction (one :class:`SqlLinkIndex`) each; the
    batches share most of their keys (the df of common words and names, boilerplate quotes and passages),
    so each batch reading them again, and hashing them again, repeated the first batch's work. A session
    given a cache starts from what the previous session left in it, and leaves its own writes in it once
    they are flushed (stored = what the database holds after that transaction).

    The cache is only used while nobody else wrote postings or counts in between: every session that
    changes them stores a fresh token (state row ``link_writer``), and the cache remembers the token its last
    session wrote and the number of documents linked then. A session that finds another token or another
    number (another process linked, relinked or cleared the index; or the cache's last transaction
    was rolled back) starts from an empty cache. It is also emptied when it holds more than
    ``max_keys`` keys, which bounds its memory whatever the corpus size. It also holds the run's memo
    (:meth:`SqlLinkIndex.memo`: values linking derives from items, such as a quote's word summary), emptied
    with the rest and when it holds more than ``max_memo`` values.

    Everything it holds is a string, an int or a tuple of strings, in dictionaries: objects Python's cyclic
    garbage collector does not track (tuples of strings are untracked by the first collection that sees them).
    Held as lists (one per posting key and per hash), the cache was three quarters of the objects every full
    collection walked: at 10,000 articles each took 1 s instead of 0.4 s.
    """

    def __init__(self, max_keys: int = MAX_CACHED_KEYS, max_memo: int = MAX_MEMO_ITEMS) -> None:
        self.max_keys = max_keys
        self.max_memo = max_memo
        self.token: str | None = None  # written by the last session that used the cache
        self.linked: int | None = None  # documents linked after that session
        self.dropped = 0  # times the cache was found stale or too large and started afresh
        self.clear()

    def clear(self) -> None:
        # postings and counts by kind, then by key hash (a flat (kind, hash) key costs a tuple per lookup)
        self.hashes: dict[str, dict[str, int]] = defaultdict(dict)
        self.postings: dict[str, dict[int, tuple[str, ...]]] = defaultdict(dict)  # stored ids, sorted
        # current postings (stored + added in this session) by key, sorted, kept up to date as items are filed
        self.merged: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
        self.posted_keys_of_hash: dict[str, dict[int, tuple[str, ...]]] = defaultdict(dict)  # the keys of merged
        self.counts: dict[str, dict[int, int]] = defaultdict(dict)  # stored counts, by key hash
        # current counts (stored + this session's deltas) by key, kept up to date as counts are added, so the
        # lookups every document makes (the idf of its candidates' keys) are one dictionary read per key
        self.totals: dict[str, dict[str, int]] = defaultdict(dict)
        self.keys_of_hash: dict[str, dict[int, tuple[str, ...]]] = defaultdict(dict)  # the keys of totals, by hash
        self.memo: dict[str, dict[str, int]] = defaultdict(dict)  # by kind, then item id (ints: untracked by the gc)
        self.token = None
        self.linked = None

    def parts(self) -> tuple[dict[str, Any], ...]:
        return (self.hashes, self.postings, self.merged, self.posted_keys_of_hash, self.counts, self.totals,
                self.keys_of_hash)

    def size(self, kind: str | None = None) -> int:
        """Keys held (posting and count keys, and their hashes), of one kind or of all."""
        return sum(len(by_key) for part in (self.hashes, self.merged, self.totals)
                   for k, by_key in part.items() if kind is None or k == kind)

    def check(self, token: str | None, linked: int) -> None:
        """Empty the cache unless its last session wrote ``token`` and left ``linked`` documents linked
        (what the database holds now); then keep it within its bound."""
        fresh = self.token is None and not self.size() and not self.memo_size()
        if not fresh and (token != self.token or linked != self.linked):
            self.clear()
            self.dropped += 1
        self.shrink()

    def memo_size(self) -> int:
        return sum(len(values) for values in self.memo.values())

    def shrink(self) -> None:
        """Over ``max_keys``, forget whole kinds, the largest first, until half the bound is left: the kinds
        that grow with every document (MinHash bands, passage fingerprints, keys by week) go, the df counts
        every document reads (a vocabulary, growing ever slower) stay longest. Over ``max_memo``, the memo is
        emptied (linking derives its values again from the records it reads)."""
        if self.memo_size() > self.max_memo:
            self.memo.clear()
            self.dropped += 1
        if self.size() <= self.max_keys:
            return
        while self.size() > self.max_keys // 2:
            largest = max(self.hashes, key=self.size)
            for part in self.parts():
                part.pop(largest, None)
            self.dropped += 1


class SqlLinkIndex:
    """A :class:`~storyline.link.index.LinkIndex` on one connection, inside the caller's transaction.

    With a :class:`LinkCache` it starts from the postings and counts the cache holds (when still valid)
    and leaves its own in it.
    """

    def __init__(self, conn: Connection, cache: LinkCache | None = None) -> None:
        self.conn = conn
        self.cache = cache
        self._writer_at_start: str | None = None
        self._linked_at_start = 0
        if cache is None:
            cache = LinkCache()
        else:
            self._writer_at_start, self._linked_at_start = self._stored_writer(), self._stored_linked()
            cache.check(self._writer_at_start, self._linked_at_start)
            cache.token = None  # until this session's flush: a session that fails leaves the cache stale
        self._hashes = cache.hashes
        self._postings = cache.postings
        self._new_postings: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._merged = cache.merged
        self._posted_keys_of_hash = cache.posted_keys_of_hash
        self._counts = cache.counts
        self._deltas: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self._totals = cache.totals
        self._keys_of_hash = cache.keys_of_hash
        self._memo = cache.memo
        self._records: dict[tuple[str, str], Any] = {}
        self._changed_records: set[tuple[str, str]] = set()
        self._outputs: dict[tuple[str, str], Any] = {}  # None: delete
        self._entity_maps: dict[str, dict[str, str]] = {}  # written in this session
        self._stored_maps: dict[str, dict[str, str]] = {}  # read from the database
        self._duplicate_of: dict[str, str | None] = {}
        self._shares: dict[str, float] = {}
        self._documents: OrderedDict[str, Document] = OrderedDict()
        self._touched: set[str] = set()  # identities whose quote, role and document counts need a refresh

    def _stored_writer(self) -> str | None:
        """The token of the last link session that changed postings or counts (None: none since it was cleared)."""
        s = schema.state
        data = self.conn.execute(select(s.c.data).where(s.c.key == WRITER_STATE)).scalar()
        return json.loads(data) if data is not None else None

    def _stored_linked(self) -> int:
        c = schema.link_counts
        found = self.conn.execute(select(c.c.n).where(c.c.kind == LINKED_META[0], c.c.key == key_hash(*LINKED_META)))
        return int(found.scalar() or 0)

    def _write_writer(self) -> str:
        """Store a new writer token (other sessions' caches see that postings or counts changed)."""
        s = schema.state
        token = uuid.uuid4().hex
        self.conn.execute(delete(s).where(s.c.key == WRITER_STATE))
        self.conn.execute(insert(s).values(key=WRITER_STATE, data=json.dumps(token)))
        return token

    # --- postings and counts -------------------------------------------------------

    def _hashed(self, kind: str, keys: Iterable[str]) -> dict[str, int]:
        """Each key with its hash, in the order given (hashes are kept for the session)."""
        listed = list(keys)
        return dict(zip(listed, self._hashes_of(kind, listed)))

    def _rows_in(self, sql: str, fixed: tuple[Any, ...], values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows (tuples) of ``sql`` (which ends in ``IN`` and marks its ``fixed`` parameters with ``{mark}``)
        for these values, ``BATCH`` at a time, on the session's own DB-API connection: lookups run for
        nearly every document linked, and a compiled select, or even SQLAlchemy's execution of a plain
        statement, cost more than the database's own work."""
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        head = sql.format(mark=mark)
        cursor = self.conn.connection.cursor()
        try:
            for part in _batches(values):
                cursor.execute(f"{head} ({', '.join([mark] * len(part))})", (*fixed, *part))
                yield from cursor.fetchall()
        finally:
            cursor.close()

    def _fetch_keyed(self, table: Table, value: str, kind: str, hashes: list[int]) -> Iterator[tuple[int, Any]]:
        """``(key, value)`` rows of ``table`` for these key hashes."""
        return self._rows_in(f"SELECT key, {value} FROM {table.name} WHERE kind = {{mark}} AND key IN", (kind,), hashes)

    def postings(self, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
        merged = self._merged[kind]
        try:
            found = [(key, merged[key]) for key in keys]
        except KeyError:
            self._load_postings(kind, [key for key in keys if key not in merged])
            found = [(key, merged[key]) for key in keys]
        return {key: list(ids) for key, ids in found if ids}

    def _load_postings(self, kind: str, keys: list[str]) -> None:
        """Current postings of keys not looked up yet in this session (stored ones read once per key hash)."""
        hashed = self._hashed(kind, keys)
        stored = self._postings[kind]
        missing = [h for h in dict.fromkeys(hashed.values()) if h not in stored]
        if missing:
            fetched: dict[int, set[str]] = {h: set() for h in missing}
            for h, item in self._fetch_keyed(schema.link_postings, "item", kind, missing):
                fetched[h].add(sys.intern(item))  # one string per id, however often filed
            stored.update((h, tuple(sorted(items))) for h, items in fetched.items())
        added = self._new_postings.get(kind, {})
        merged, sharing = self._merged[kind], self._posted_keys_of_hash[kind]
        for key, h in hashed.items():
            more = added.get(h)
            merged[key] = tuple(sorted(more.union(stored[h]))) if more else stored[h]
            sharing[h] = sharing.get(h, ()) + (key,)

    def _hashes_of(self, kind: str, keys: Iterable[str]) -> list[int]:
        """The hash of each key, in the order given, repeats kept (hashes are kept for the session)."""
        cache = self._hashes[kind]
        found = []
        for key in keys:
            h = cache.get(key)
            if h is None:
                h = cache[key] = key_hash(kind, key)
            found.append(h)
        return found

    def add_postings(self, kind: str, item: str, keys: Iterable[str]) -> None:
        added = self._new_postings[kind]
        merged, sharing = self._merged[kind], self._posted_keys_of_hash[kind]
        for h in self._hashes_of(kind, keys):  # a key given twice files the item once anyway
            added[h].add(item)
            for same in sharing.get(h, ()):  # every key read under this hash (two keys may share one)
                ids = merged[same]
                at = bisect.bisect_left(ids, item)
                if at == len(ids) or ids[at] != item:
                    merged[same] = (*ids[:at], item, *ids[at:])

    def counts(self, kind: str, keys: Collection[str]) -> dict[str, int]:
        totals = self._totals[kind]
        try:
            return {key: totals[key] for key in keys}
        except KeyError:
            self._load_totals(kind, [key for key in keys if key not in totals])
            return {key: totals[key] for key in keys}

    def _load_totals(self, kind: str, keys: list[str]) -> None:
        """Current counts of keys not looked up yet in this session (stored ones read once per key hash)."""
        hashed = self._hashed(kind, keys)
        known = self._counts[kind]
        missing = [h for h in dict.fromkeys(hashed.values()) if h not in known]
        if missing:
            known.update(dict.fromkeys(missing, 0))
            known.update(self._fetch_keyed(schema.link_counts, "n", kind, missing))
        deltas = self._deltas.get(kind, {})
        totals, sharing = self._totals[kind], self._keys_of_hash[kind]
        for key, h in hashed.items():
            totals[key] = known[h] + deltas.get(h, 0)
            sharing[h] = sharing.get(h, ()) + (key,)

    def add_counts(self, kind: str, keys: Iterable[str], delta: int = 1) -> None:
        deltas = self._deltas[kind]
        totals, sharing = self._totals[kind], self._keys_of_hash[kind]
        for h in self._hashes_of(kind, keys):  # a key given twice counts twice
            deltas[h] += delta
            for same in sharing.get(h, ()):  # every key read under this hash (two keys may share one)
                totals[same] += delta

    def memo(self, kind: str) -> dict[str, int]:
        return self._memo[kind]

    # --- records -------------------------------------------------------------------

    def records(self, kind: str, ids: Collection[str]) -> dict[str, Any]:
        if kind == STORY_PIN:
            return story_pins(self.conn, ids)
        missing = [i for i in dict.fromkeys(ids) if (kind, i) not in self._records]
        for i in missing:
            self._records[(kind, i)] = _MISSING
        sql = f"SELECT id, data FROM {schema.link_records.name} WHERE kind = {{mark}} AND id IN"
        for item, data in self._rows_in(sql, (kind,), missing):
            self._records[(kind, item)] = json.loads(data)
        found = ((i, self._records[(kind, i)]) for i in ids)
        return {i: data for i, data in found if data is not _MISSING}

    def put_record(self, kind: str, item: str, data: Any) -> None:
        self._records[(kind, item)] = data
        self._changed_records.add((kind, item))

    def delete_record(self, kind: str, item: str) -> None:
        self.put_record(kind, item, _MISSING)

    def record_ids(self, kind: str) -> list[str]:
        r = schema.link_records
        stored = set(self.conn.execute(select(r.c.id).where(r.c.kind == kind)).scalars())
        for k, item in self._changed_records:
            if k == kind:
                (stored.add if self._records[(k, item)] is not _MISSING else stored.discard)(item)
        return sorted(stored)

    # --- documents -------------------------------------------------------------------

    def documents(self, ids: Collection[str]) -> dict[str, Document]:
        missing = [i for i in dict.fromkeys(ids) if i not in self._documents]
        columns = ", ".join(self.conn.dialect.identifier_preparer.quote(c.name) for c in schema.documents.columns)
        names = [c.name for c in schema.documents.columns]
        for values in self._rows_in(f"SELECT {columns} FROM {schema.documents.name} WHERE id IN", (), missing):
            row = SimpleNamespace(**dict(zip(names, values)))
            self._documents[row.id] = row_document(row)
        found = {}
        for i in ids:
            if i in self._documents:
                self._documents.move_to_end(i)
                found[i] = self._documents[i]
        while len(self._documents) > DOCUMENT_CACHE:
            self._documents.popitem(last=False)
        return found

    def annotated(self, ids: Collection[str]) -> dict[str, Item]:
        docs = self.documents(ids)
        sql = f"SELECT doc_id, data FROM {schema.annotations.name} WHERE doc_id IN"
        data: dict[str, str] = dict(self._rows_in(sql, (), list(docs)))
        return {
            i: (doc, from_dict(Annotations, json.loads(data[i])) if i in data else Annotations(doc_id=i))
            for i, doc in docs.items()
        }

    # --- identities, outputs, document fields ------------------------------------------

    def entity_map(self, doc_ids: Collection[str]) -> dict[str, str]:
        missing = [d for d in dict.fromkeys(doc_ids) if d not in self._entity_maps and d not in self._stored_maps]
        self._stored_maps.update(facts.identities_of(self.conn, missing))
        out: dict[str, str] = {}
        for doc_id in doc_ids:
            mapping = self._entity_maps.get(doc_id, self._stored_maps.get(doc_id, {}))
            out.update((f"{doc_id}:{local}", entity) for local, entity in mapping.items())
        return out

    def set_entity_map(self, doc_id: str, mapping: Mapping[str, str]) -> None:
        self._entity_maps[doc_id] = dict(mapping)

    def remap_entity(self, old: str, new: str) -> set[str]:
        moved = facts.remap_identity(self.conn, old, new)
        self._touched.add(new)
        for maps in (self._entity_maps, self._stored_maps):
            for doc_id, mapping in maps.items():
                for local, entity in mapping.items():
                    if entity == old:
                        mapping[local] = new
                        moved.add(doc_id)
        return moved

    def put_output(self, kind: str, item: str, payload: Any, documents: Iterable[str]) -> None:
        self._outputs[(kind, item)] = to_dict(payload)  # a copy: the caller may change its object afterwards

    def delete_output(self, kind: str, item: str) -> None:
        self._outputs[(kind, item)] = None

    def set_duplicate_of(self, doc_id: str, target: str | None) -> None:
        self._duplicate_of[doc_id] = target

    def set_reuse_share(self, doc_id: str, share: float) -> None:
        self._shares[doc_id] = share

    # --- writing -----------------------------------------------------------------------

    def flush(self) -> None:
        """Write everything buffered (inside the session's transaction); a cache is left holding the
        postings and counts as stored after it."""
        linked = self._deltas.get(LINKED_META[0], {}).get(key_hash(*LINKED_META), 0)
        changed = self._flush_postings() | self._flush_counts()
        token = self._write_writer() if changed else None
        if self.cache is not None:
            self.cache.token = token or self._writer_at_start
            self.cache.linked = self._linked_at_start + linked
        self._flush_records()
        self._flush_outputs()
        self._flush_documents()
        facts.recount_entities(self.conn, self._touched)
        self._touched.clear()

    def _insert(self, table: Table) -> Any:
        return insert_for(self.conn, table)

    def _write_rows(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Run ``sql`` (its parameters marked ``{mark}``) once per row, on the session's own DB-API connection:
        a batch writes tens of thousands of postings and counts, and SQLAlchemy's handling of each row's
        parameters cost more than the database's own work."""
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        cursor = self.conn.connection.cursor()
        try:
            cursor.executemany(sql.format(mark=mark), rows)
        finally:
            cursor.close()

    def _flush_postings(self) -> bool:
        """Write the new postings (and, with a cache, add them to the stored ones it holds); True if any."""
        rows: list[tuple[str, int, str]] = []
        for kind, added in self._new_postings.items():
            stored = self._postings.get(kind, {})
            rows += [(kind, h, item) for h, items in added.items() for item in items.difference(stored.get(h, ()))]
        rows.sort()  # in key order, each page of the table's b-tree is visited once (half the time of hash order)
        if rows:
            self._write_rows(f"INSERT INTO {schema.link_postings.name} (kind, key, item) VALUES ({{mark}}, {{mark}}, "
                             "{mark}) ON CONFLICT DO NOTHING", rows)
        if self.cache is not None:
            for kind, added in self._new_postings.items():
                stored, merged, sharing = self._postings[kind], self._merged[kind], self._posted_keys_of_hash[kind]
                for h, items in added.items():
                    if h in stored:  # (a hash never read stays unread: the database has it)
                        # a key read under it holds them already: the stored ones and these, sorted
                        current = merged.get(sharing[h][0]) if sharing.get(h) else None
                        stored[h] = current if current is not None else tuple(sorted(items.union(stored[h])))
        self._new_postings.clear()
        return bool(rows)

    def _flush_counts(self) -> bool:
        """Write the count deltas (and, with a cache, add them to the stored counts it holds); True if any."""
        rows = sorted((kind, h, delta) for kind, deltas in self._deltas.items() for h, delta in deltas.items() if delta)
        if rows:
            table = schema.link_counts.name
            self._write_rows(f"INSERT INTO {table} (kind, key, n) VALUES ({{mark}}, {{mark}}, {{mark}}) "
                             f"ON CONFLICT (kind, key) DO UPDATE SET n = {table}.n + excluded.n", rows)
        if self.cache is not None:
            for kind, deltas in self._deltas.items():
                known = self._counts[kind]
                for h, delta in deltas.items():
                    if h in known:
                        known[h] += delta
        self._deltas.clear()
        return bool(rows)

    def _flush_records(self) -> None:
        r = schema.link_records
        changed = sorted(self._changed_records)
        gone = [(k, i) for k, i in changed if self._records[(k, i)] is _MISSING]
        for kind, ids in _by_kind(gone).items():
            for part in _batches(ids):
                self.conn.execute(delete(r).where(r.c.kind == kind, r.c.id.in_(part)))
        rows = [{"kind": k, "id": i, "data": _RECORD_JSON.encode(self._records[(k, i)])}
                for k, i in changed if self._records[(k, i)] is not _MISSING]
        if rows:
            stmt = self._insert(r)
            self.conn.execute(stmt.on_conflict_do_update(index_elements=[r.c.kind, r.c.id],
                                                         set_={"data": stmt.excluded.data}), rows)
        self._changed_records.clear()

    def _flush_outputs(self) -> None:
        """Outputs as rows (storyline.store.outputs), in (kind, id) order; the database checks the
        references between them when the transaction commits."""
        changed = sorted(self._outputs.items())
        outputs.delete_outputs(self.conn, [key for key, payload in changed if payload is None])
        self._touched |= outputs.write_outputs(self.conn, [(kind, item, payload) for (kind, item), payload in changed
                                                           if payload is not None], plain=True)
        self._outputs.clear()

    def _flush_documents(self) -> None:
        d = schema.documents
        if self._entity_maps:
            facts.set_identities(self.conn, self._entity_maps)
            self._touched |= {e for mapping in self._entity_maps.values() for e in mapping.values()}
        for doc_id, target in self._duplicate_of.items():
            self.conn.execute(update(d).where(d.c.id == doc_id).values(duplicate_of=target))
        if self._shares:
            self.conn.execute(update(d).where(d.c.id == bindparam("doc")).values(reuse_share=bindparam("share")),
                              [{"doc": k, "share": v} for k, v in sorted(self._shares.items())])
        self._entity_maps.clear()
        self._duplicate_of.clear()
        self._shares.clear()


def story_pins(conn: Connection, ids: Collection[str]) -> dict[str, Any]:
    """Where the reporter filed each document (the ``storyline fix story`` corrections in effect, the latest per
    document): ``{"new": true}``, or ``{"with": [documents of the story it was moved to]}``. Read from the log,
    so they hold through ``link --rebuild``."""
    k = schema.corrections
    found: dict[str, Any] = {}
    for part in _batches(list(dict.fromkeys(ids))):
        rows = conn.execute(select(k.c.document, k.c.value).where(k.c.kind == "story", k.c.status != "undone",
                                                                  k.c.document.in_(part)).order_by(k.c.id))
        for row in rows:
            value = json.loads(row.value)
            found[row.document] = {"new": True} if value.get("new") else {
                "with": list((value.get("story") or {}).get("documents") or [])}
    return found


def clear_link_index(conn: Connection) -> None:
    """Forget every link and the whole link index (before relinking from scratch)."""
    for table in (schema.link_postings, schema.link_counts, schema.link_records):
        conn.execute(delete(table))
    outputs.clear_outputs(conn)
    conn.execute(update(schema.documents).values(duplicate_of=None, reuse_share=0.0))
    conn.execute(delete(schema.state).where(and_(schema.state.c.key.in_(["link_state", "entity_map", WRITER_STATE]))))
