"""The corpus store: every read and write of documents, annotations, errors and links."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from storyline.model import Annotations, Document, from_dict, to_dict
from storyline.store import facts, outputs, schema
from storyline.store.bulk import insert_rows
from storyline.store.engine import StoreError, check_database_file, make_engine, resolve_db, shown_url, unusable_database
from storyline.store.link_index import LinkCache, SqlLinkIndex, clear_link_index
from storyline.store.migrations import SCHEMA_VERSION, current_version, foreign_tables, migrate
from storyline.store.rows import date_sort, document_row, row_document
from storyline.store.search import SearchHit, backend_for


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class DocumentSummary:
    id: str
    published: str | None
    source: str
    title: str | None
    url: str | None
    format: str
    duplicate_of: str | None
    version_of: str | None


@dataclass
class ErrorRecord:
    """A source that failed to ingest: its latest problem, and how many attempts failed."""

    id: int
    source: str
    reason: str
    message: str
    created_at: str
    failures: int = 1


ENRICHABLE = ("title", "published", "url", "author", "site_name", "attached_to")
LINK_LOCK = 0x73746F72796C696E  # PostgreSQL advisory lock taken by every link transaction ("storylin")


class Store:
    """A storyline database. ``Store(None)`` opens ./storyline.db (or $STORYLINE_DB)."""

    def __init__(self, db: str | None = None, *, create: bool = True) -> None:
        """Open (``create``: or set up) a storyline database; :class:`StoreError` says why one cannot be used:
        no such file (unless ``create``), not a database, no access, or another program's tables in it."""
        self.db = resolve_db(db)
        check_database_file(self.db, create=create)
        self.writer: Engine = make_engine(self.db, writer=True)
        memory = self.writer.url.database in (None, "", ":memory:")
        self.reader: Engine = self.writer if memory else make_engine(self.db, writer=False)
        self.search_backend = backend_for(self.writer.dialect.name)
        try:
            with self.reader.connect() as conn:
                current, foreign = current_version(conn), foreign_tables(conn)
            if foreign:
                raise StoreError(f"{shown_url(self.db)} is not a storyline database (it holds another program's tables: "
                                 f"{', '.join(foreign[:5])}{' ...' if len(foreign) > 5 else ''}); storyline leaves "
                                 "it alone: give a new file or a storyline database with --db")
            if current != SCHEMA_VERSION:  # only then take the writer (a reader never waits for an ingest)
                with self.writer.begin() as conn:
                    migrate(conn)
        except DBAPIError as err:
            self.close()
            raise unusable_database(self.db, err) from None
        except StoreError:
            self.close()
            raise

    def close(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema --------------------------------------------------------------

    def schema_version(self) -> int:
        with self.reader.connect() as conn:
            return current_version(conn)

    @staticmethod
    def latest_schema_version() -> int:
        return SCHEMA_VERSION

    # --- documents -----------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self.reader.connect() as conn:
            return conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc_id)).first() is not None

    def latest_for_url(self, url: str) -> str | None:
        """The most recently ingested document with this URL, if any."""
        d = schema.documents
        with self.reader.connect() as conn:
            row = conn.execute(select(d.c.id).where(d.c.url == url).order_by(d.c.seq.desc()).limit(1)).first()
        return row.id if row else None

    def stored_and_latest(self, doc_id: str, url: str | None) -> tuple[bool, str | None]:
        """Whether a document is stored, and the most recently ingested document with ``url`` (one read,
        for ingest: :meth:`has_document` and :meth:`latest_for_url` together)."""
        d = schema.documents
        with self.reader.connect() as conn:
            stored = conn.execute(select(d.c.id).where(d.c.id == doc_id)).first() is not None
            if stored or not url:
                return stored, None
            row = conn.execute(select(d.c.id).where(d.c.url == url).order_by(d.c.seq.desc()).limit(1)).first()
        return False, row.id if row else None

    def add_document(self, doc: Document, annotations: Annotations | None = None) -> bool:
        """Store a document (and its annotations) in one transaction; False if it was already there."""
        return self.add_documents([(doc, annotations)])[0]

    def add_documents(self, items: Sequence[tuple[Document, Annotations | None]]) -> list[bool]:
        """Store documents (and their annotations) in one transaction, written table by table in a few
        statements; for each, False if it was already there (stored before, or earlier in ``items``)."""
        d = schema.documents
        with self.writer.begin() as conn:
            seen = _stored_ids(conn, [doc.id for doc, _ in items])
            added: list[bool] = []
            new: list[tuple[Document, Annotations | None]] = []
            for doc, annotations in items:
                added.append(doc.id not in seen)
                if doc.id not in seen:
                    seen.add(doc.id)
                    new.append((doc, annotations))
            if not new:
                return added
            seq, now = conn.execute(select(func.max(d.c.seq))).scalar() or 0, _now()
            insert_rows(conn, d, [{**document_row(doc), "seq": seq + n, "ingested_at": now}
                                  for n, (doc, _) in enumerate(new, start=1)])
            self.search_backend.index_many(conn, [(doc.id, doc.title or "", doc.text) for doc, _ in new])
            _insert_annotations(conn, [(doc, ann) for doc, ann in new if ann is not None], now)
            e = schema.ingest_errors
            conn.execute(update(e).where(e.c.source.in_(sorted({doc.source for doc, _ in new}))).values(resolved=True))
        return added

    def fill_missing_metadata(self, doc: Document, annotations: Annotations | None = None) -> list[str]:
        """Fill fields the stored copy of ``doc`` lacks (same text from a richer source); return their names.

        A better publication date changes how relative dates resolve, so the
        annotations made with it replace the stored ones.
        """
        stored = self.get_document(doc.id)
        if stored is None:
            return []
        fields = [f for f in ENRICHABLE if getattr(stored, f) is None and getattr(doc, f) is not None]
        better_date = "published" in fields or (stored.published_inferred and doc.published and not doc.published_inferred)
        if better_date and "published" not in fields:
            fields.append("published")
        if not fields:
            return []
        values = {f: getattr(doc, f) for f in fields}
        if "published" in values:
            span = doc.published_span
            values.update(published_inferred=doc.published_inferred, published_start=span[0] if span else None,
                          published_end=span[1] if span else None)
        if "published" in values:
            values["date_sort"] = date_sort(values["published"])
        if "site_name" in values or "url" in values:
            from storyline.store.rows import site_of

            values["site"] = site_of(values.get("site_name", stored.site_name), values.get("url", stored.url),
                                     stored.source)
        with self.writer.begin() as conn:
            conn.execute(update(schema.documents).where(schema.documents.c.id == doc.id).values(**values))
            if "published" in fields and annotations is not None:
                _write_annotations(conn, annotations, self._get_document(conn, doc.id))
            elif "published" in fields:
                facts.set_published(conn, doc.id, values["published"])
        return fields

    @staticmethod
    def _get_document(conn: Connection, doc_id: str) -> Document:
        return row_document(conn.execute(select(schema.documents).where(schema.documents.c.id == doc_id)).one())

    def get_document(self, ref: str) -> Document | None:
        """A document by id or unique id prefix (at least 4 characters)."""
        d = schema.documents
        with self.reader.connect() as conn:
            rows = conn.execute(select(d).where(d.c.id == ref)).all()
            if not rows and 4 <= len(ref) <= 64:  # no id is longer (and SQLite refuses very long LIKE patterns)
                prefix = ref.replace("%", "").replace("_", "\\_") + "%"
                rows = conn.execute(select(d).where(d.c.id.like(prefix, escape="\\")).limit(2)).all()
        if len(rows) != 1:
            return None
        return row_document(rows[0])

    def iter_documents(self, ids: Iterable[str] | None = None, batch: int = 500) -> Iterator[Document]:
        """Documents in ingest order (all, or the given ids); no connection is held between batches."""
        for rows in self._document_batches(ids, batch):
            yield from (row_document(r) for r in rows)

    def _document_batches(self, ids: Iterable[str] | None, batch: int) -> Iterator[list[Any]]:
        d = schema.documents
        if ids is not None:
            wanted = list(ids)
            for i in range(0, len(wanted), batch):
                with self.reader.connect() as conn:
                    rows = conn.execute(select(d).where(d.c.id.in_(wanted[i : i + batch])).order_by(d.c.seq)).all()
                yield list(rows)
            return
        last = 0
        while True:
            with self.reader.connect() as conn:
                rows = conn.execute(select(d).where(d.c.seq > last).order_by(d.c.seq).limit(batch)).all()
            if not rows:
                return
            last = rows[-1].seq
            yield list(rows)

    def list_documents(self, limit: int | None = None, offset: int = 0) -> list[DocumentSummary]:
        d = schema.documents
        query = select(
            d.c.id, d.c.published, d.c.source, d.c.title, d.c.url, d.c.format, d.c.duplicate_of, d.c.version_of
        ).order_by(d.c.published.is_(None), d.c.published, d.c.seq)
        if limit is not None:
            query = query.limit(limit).offset(offset)
        with self.reader.connect() as conn:
            return [DocumentSummary(**r._mapping) for r in conn.execute(query)]

    def count_documents(self) -> int:
        with self.reader.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.documents)).scalar() or 0)

    # --- annotations ---------------------------------------------------------

    def save_annotations(self, annotations: Annotations) -> None:
        """Replace a stored document's annotations and the fact rows made from them."""
        with self.writer.begin() as conn:
            _write_annotations(conn, annotations, self._get_document(conn, annotations.doc_id))

    def get_annotations(self, doc_id: str) -> Annotations | None:
        a = schema.annotations
        with self.reader.connect() as conn:
            row = conn.execute(select(a.c.data).where(a.c.doc_id == doc_id)).first()
        return from_dict(Annotations, json.loads(row.data)) if row else None

    def iter_annotated(self, ids: Iterable[str] | None = None, batch: int = 500) -> Iterator[tuple[Document, Annotations]]:
        """(document, annotations) pairs in ingest order; unannotated documents get empty annotations."""
        a = schema.annotations
        for rows in self._document_batches(ids, batch):
            with self.reader.connect() as conn:
                found = conn.execute(select(a.c.doc_id, a.c.data).where(a.c.doc_id.in_([r.id for r in rows])))
                data = {r.doc_id: r.data for r in found}
            for row in rows:
                raw = data.get(row.id)
                ann = from_dict(Annotations, json.loads(raw)) if raw else Annotations(doc_id=row.id)
                yield row_document(row), ann

    # --- errors --------------------------------------------------------------

    def record_error(self, source: str, reason: str, message: str) -> None:
        with self.writer.begin() as conn:
            conn.execute(
                insert(schema.ingest_errors).values(
                    source=source, reason=reason, message=message, created_at=_now(), resolved=False
                )
            )

    def errors(self, include_resolved: bool = False) -> list[ErrorRecord]:
        """One record per failed source (its latest problem, how many attempts failed), by latest failure.

        By default only sources not fixed by a later successful ingest.
        """
        e = schema.ingest_errors
        attempts = select(e.c.source, func.max(e.c.id).label("latest"), func.count().label("failures"))
        if not include_resolved:
            attempts = attempts.where(e.c.resolved.is_(False))
        per_source = attempts.group_by(e.c.source).subquery()
        query = (select(e.c.id, e.c.source, e.c.reason, e.c.message, e.c.created_at, per_source.c.failures)
                 .join(per_source, e.c.id == per_source.c.latest).order_by(e.c.id))
        with self.reader.connect() as conn:
            return [ErrorRecord(**r._mapping) for r in conn.execute(query)]

    # --- search --------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        with self.reader.connect() as conn:
            return self.search_backend.search(conn, query, limit)

    # --- links and state -----------------------------------------------------

    def replace_links(self, kind: str, items: Iterable[tuple[str, Any, Iterable[str]]]) -> None:
        """Replace every linked object of one kind: (id, payload, member document ids), as
        linking writes them (see storyline.store.outputs for the kinds)."""
        self.write_links({kind: items})

    def write_links(self, kinds: dict[str, Iterable[tuple[str, Any, Iterable[str]]]]) -> None:
        """Replace every linked object of each kind given, in one transaction (kinds may refer to each
        other: a story names its storyline, a storyline its stories)."""
        with self.writer.begin() as conn:
            touched: set[str] = set()
            for kind, items in kinds.items():
                outputs.clear_outputs(conn, [kind])
                touched |= outputs.write_outputs(conn, [(kind, obj_id, payload) for obj_id, payload, _ in items])
            facts.recount_entities(conn, touched)
            _apply_corrections(conn)

    def count_rows(self, table: str) -> int:
        """How many rows one table holds (``quotes``, ``stories``, ...)."""
        if table not in schema.metadata.tables:
            raise ValueError(f"no table {table!r}; the tables are listed in docs/schema.md")
        with self.reader.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.metadata.tables[table])).scalar() or 0)

    def entity_map(self, doc_ids: Iterable[str] | None = None) -> dict[str, str]:
        """``"doc:e3" -> corpus entity id`` for every linked document (or the given ones)."""
        de = schema.document_entities
        query = select(de.c.document, de.c.local_id, de.c.entity).where(de.c.entity.is_not(None))
        if doc_ids is not None:
            query = query.where(de.c.document.in_(list(doc_ids)))
        with self.reader.connect() as conn:
            return {f"{r.document}:{r.local_id}": r.entity for r in conn.execute(query)}

    def set_entity_map(self, mapping: dict[str, str]) -> None:
        """Record corpus identities of document-local entities (``"doc:e3" -> id``), replacing those given."""
        pairs = [key.rsplit(":", 1) + [value] for key, value in mapping.items()]
        with self.writer.begin() as conn:
            identities = facts.identities_of(conn, {doc for doc, _, _ in pairs})
            for doc, local, entity in pairs:
                identities[doc][local] = entity
            facts.set_identities(conn, identities)
            facts.recount_entities(conn, {entity for _, _, entity in pairs})
            _apply_corrections(conn)

    # --- the link index ------------------------------------------------------

    @contextmanager
    def link_session(self, cache: LinkCache | None = None) -> Iterator[SqlLinkIndex]:
        """A link index inside one write transaction; everything it buffered is written when the block ends.
        ``cache`` carries postings and counts from one session to the next (see :class:`LinkCache`).

        Linkers take turns: SQLite's writer begins with ``BEGIN IMMEDIATE``; on PostgreSQL
        the transaction takes an advisory lock, so a second ``storyline link`` waits, then
        sees what the first filed and skips it.
        """
        with self.writer.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LINK_LOCK})
            index = SqlLinkIndex(conn, cache)
            yield index
            index.flush()
            _apply_corrections(conn)

    def unlinked_documents(self) -> list[tuple[str, str | None]]:
        """(id, published) of the documents corpus linking has not seen yet, in ingest order."""
        d, r = schema.documents, schema.link_records
        linked = select(r.c.id).where(r.c.kind == "doc", r.c.id == d.c.id).exists()
        with self.reader.connect() as conn:
            rows = conn.execute(select(d.c.id, d.c.published).where(~linked).order_by(d.c.seq))
            return [(row.id, row.published) for row in rows]

    def has_link_records(self, kinds: Sequence[str]) -> bool:
        """Whether the link index holds a record of any of ``kinds`` (linking's marks of work still to do)."""
        r = schema.link_records
        with self.reader.connect() as conn:
            return conn.execute(select(r.c.id).where(r.c.kind.in_(kinds)).limit(1)).first() is not None

    def clear_links(self) -> None:
        """Forget every corpus link and the link index, so the next link relinks every document."""
        with self.writer.begin() as conn:
            clear_link_index(conn)

    def clear(self) -> None:
        """Delete every document, annotation, error, link and state row; the schema stays (for `storyline demo`)."""
        with self.writer.begin() as conn:
            for table in reversed(schema.metadata.sorted_tables):
                if table is not schema.schema_migrations:
                    conn.execute(delete(table))
            self.search_backend.clear(conn)

    def get_state(self, key: str) -> Any | None:
        with self.reader.connect() as conn:
            row = conn.execute(select(schema.state.c.data).where(schema.state.c.key == key)).first()
        return json.loads(row.data) if row else None

    def set_state(self, key: str, data: Any) -> None:
        s = schema.state
        with self.writer.begin() as conn:
            conn.execute(delete(s).where(s.c.key == key))
            conn.execute(insert(s).values(key=key, data=json.dumps(data, separators=(",", ":"))))


def stored_sources(path: str) -> list[str] | None:
    """The document sources of an existing SQLite file, read without changing it; None when it is not a
    storyline database (so a caller about to replace the file can refuse)."""
    try:
        with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as conn:
            return [row[0] for row in conn.execute("SELECT source FROM documents")]
    except sqlite3.Error:
        return None


def _stored_ids(conn: Connection, doc_ids: Sequence[str]) -> set[str]:
    d = schema.documents
    found: set[str] = set()
    for i in range(0, len(doc_ids), facts.BATCH):
        found.update(conn.execute(select(d.c.id).where(d.c.id.in_(doc_ids[i : i + facts.BATCH]))).scalars())
    return found


def _annotation_row(annotations: Annotations, now: str) -> dict[str, Any]:
    return {"doc_id": annotations.doc_id, "pipeline": annotations.pipeline, "updated_at": now,
            "data": json.dumps(to_dict(annotations), separators=(",", ":"), ensure_ascii=False)}


def _insert_annotations(conn: Connection, items: Sequence[tuple[Document, Annotations]], now: str) -> None:
    """Annotations of new documents, as the JSON cache and as fact rows, in a few statements."""
    if items:
        facts.insert_documents_facts(conn, items)
        insert_rows(conn, schema.annotations, [_annotation_row(ann, now) for _, ann in items])


def _write_annotations(conn: Connection, annotations: Annotations, doc: Document) -> None:
    """Replace a stored document's annotations (the JSON cache and the fact rows), in the caller's transaction."""
    facts.write_document_facts(conn, doc, annotations)
    _apply_corrections(conn, [doc.id])
    a = schema.annotations
    conn.execute(delete(a).where(a.c.doc_id == annotations.doc_id))
    conn.execute(insert(a).values(**_annotation_row(annotations, _now())))


def _apply_corrections(conn: Connection, documents: list[str] | None = None) -> None:
    """The reporter's corrections, applied again to rows just written (storyline.corrections)."""
    from storyline.corrections.apply import apply_corrections

    apply_corrections(conn, documents)


@contextmanager
def opened(db: str | Store | None) -> Iterator[Store]:
    """The store given, or one opened from a path or URL for the ``with`` block and closed after it (a reader:
    a database file that does not exist is an error, not a new empty corpus)."""
    if isinstance(db, Store):
        yield db
        return
    store = Store(db, create=False)
    try:
        yield store
    finally:
        store.close()
