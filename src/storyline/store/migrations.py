"""Schema versions, applied in order and recorded in ``schema_migrations``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    insert,
    inspect,
    select,
    update,
)

from storyline.model import Annotations, from_dict
from storyline.store import facts, outputs, rows, schema
from storyline.store.search import backend_for

BATCH = 500

# Tables of schema versions 1-5, dropped by migration 6 (facts and links became rows).
legacy = MetaData()

# Corpus-level links: one row per linked object, payload as JSON.
links = Table(
    "links",
    legacy,
    Column("kind", String(32), primary_key=True),  # entity, story, storyline, reuse, ...
    Column("id", String(128), primary_key=True),
    Column("data", Text, nullable=False),
)

link_members = Table(
    "link_members",  # which documents a linked object touches, for filtering
    legacy,
    Column("kind", String(32), nullable=False),
    Column("id", String(128), nullable=False),
    Column("doc_id", String(32), nullable=False),
    Index("ix_link_members_doc", "doc_id"),
    Index("ix_link_members_obj", "kind", "id"),
)

document_scores = Table(
    "document_scores",
    legacy,
    Column("doc_id", String(32), primary_key=True),
    Column("reuse_share", Float, nullable=False, default=0.0),
)

entity_map = Table(
    "entity_map",  # each document-local entity's corpus identity
    legacy,
    Column("doc_id", String(32), primary_key=True),
    Column("local_id", String(32), primary_key=True),
    Column("entity_id", String(32), nullable=False),
    Index("ix_entity_map_entity", "entity_id"),
)

@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.documents, schema.annotations, schema.ingest_errors, schema.state])
    links.create(conn)
    backend_for(conn.dialect.name).create(conn)


def _link_members(conn: Connection) -> None:
    legacy.create_all(conn, tables=[link_members, document_scores])


def _link_index(conn: Connection) -> None:
    """Incremental linking keeps its index in tables; links made by the old whole-corpus linker are dropped."""
    schema.metadata.create_all(conn, tables=[schema.link_postings, schema.link_counts, schema.link_records])
    entity_map.create(conn)
    conn.execute(delete(schema.state).where(schema.state.c.key.in_(["link_state", "entity_map"])))
    conn.execute(delete(links))
    conn.execute(delete(link_members))
    conn.execute(delete(document_scores))
    conn.execute(update(schema.documents).values(duplicate_of=None))


def _identity_keys(conn: Connection) -> None:
    """Person identities are also filed under their first name, so a full name reads only its namesakes."""
    from storyline.link.identity_updates import stored_filing_keys
    from storyline.store.link_index import SqlLinkIndex

    index = SqlLinkIndex(conn)
    r = schema.link_records
    for row in conn.execute(select(r.c.id, r.c.data).where(r.c.kind == "entity")):
        index.add_postings("ent", row.id, stored_filing_keys(json.loads(row.data)))
    index.flush()


PAGED_COLUMNS = ("ocr", "pages", "attached_to")


def _document_pages(conn: Connection) -> None:
    """Documents say whether their text was machine-read (OCR), where each page starts, and which message
    they were attached to.  A database made by migration 1 of this version already has the columns."""
    present = {column["name"] for column in inspect(conn).get_columns("documents")}
    preparer = conn.dialect.identifier_preparer
    for name in PAGED_COLUMNS:
        if name in present:
            continue
        column = schema.documents.c[name]
        kind = column.type.compile(dialect=conn.dialect)
        default = ""
        if column.server_default is not None:
            value = column.server_default.arg.compile(dialect=conn.dialect)  # type: ignore[attr-defined]
            default = f" NOT NULL DEFAULT {value}"
        conn.exec_driver_sql(f"ALTER TABLE documents ADD COLUMN {preparer.quote(name)} {kind}{default}")
    for index in schema.documents.indexes:
        if index.name == "ix_documents_attached_to":
            index.create(conn, checkfirst=True)


def _add_document_columns(conn: Connection) -> None:
    """The document columns added by migration 6 (a database created at version 6 has them already)."""
    present = {c["name"] for c in inspect(conn).get_columns("documents")}
    for name in schema.DOCUMENT_COLUMNS_6:
        if name in present:
            continue
        column = schema.documents.c[name]
        ddl = f"ALTER TABLE documents ADD COLUMN {name} {column.type.compile(dialect=conn.dialect)}"
        if column.server_default is not None:
            ddl += f" NOT NULL DEFAULT '{column.server_default.arg}'"  # type: ignore[attr-defined]
        conn.exec_driver_sql(ddl)
    for index in schema.documents.indexes:
        index.create(conn, checkfirst=True)


def _document_fields(conn: Connection) -> None:
    """Each document's site and date sort key, and its reuse share (from the table that kept it before)."""
    d, sc = schema.documents, document_scores
    found = conn.execute(select(d.c.id, d.c.site_name, d.c.url, d.c.source, d.c.published)).all()
    values = [{"i": r.id, "s": rows.site_of(r.site_name, r.url, r.source), "k": rows.date_sort(r.published)}
              for r in found]
    if values:
        conn.execute(update(d).where(d.c.id == bindparam("i")).values(site=bindparam("s"), date_sort=bindparam("k")),
                     values)
    shares = [{"i": r.doc_id, "v": r.reuse_share} for r in conn.execute(select(sc))]
    if shares:
        conn.execute(update(d).where(d.c.id == bindparam("i")).values(reuse_share=bindparam("v")), shares)


def _annotations_to_rows(conn: Connection) -> None:
    """Every document's annotations (the JSON kept per document) as fact rows, 500 documents at a time."""
    d, a = schema.documents, schema.annotations
    last = 0
    while True:
        batch = conn.execute(select(d).where(d.c.seq > last).order_by(d.c.seq).limit(BATCH)).all()
        if not batch:
            return
        last = batch[-1].seq
        data = dict(conn.execute(select(a.c.doc_id, a.c.data).where(a.c.doc_id.in_([r.id for r in batch]))).all())
        found: dict[str, list[dict[str, object]]] = {t.name: [] for t, _ in facts.ROW_WRITERS}
        for row in batch:
            if row.id in data:
                doc, ann = rows.row_document(row), from_dict(Annotations, json.loads(data[row.id]))
                for table, make in facts.ROW_WRITERS:
                    found[table.name].extend(make(doc, ann))
        for table, _ in facts.ROW_WRITERS:
            if found[table.name]:
                conn.execute(insert(table), found[table.name])


def _links_to_rows(conn: Connection) -> None:
    """Corpus links (kept as JSON per linked object before) as rows; each local entity's identity on its facts."""
    for kind in outputs.KINDS:
        last = ""
        while True:
            found = conn.execute(select(links.c.id, links.c.data).where(links.c.kind == kind, links.c.id > last)
                                 .order_by(links.c.id).limit(BATCH * 10)).all()
            if not found:
                break
            outputs.write_outputs(conn, [(kind, row.id, json.loads(row.data)) for row in found])
            last = found[-1].id
    m = entity_map
    mapping: dict[str, dict[str, str]] = {}
    for row in conn.execute(select(m)):
        mapping.setdefault(row.doc_id, {})[row.local_id] = row.entity_id
    facts.set_identities(conn, mapping)
    facts.recount_entities(conn, conn.execute(select(schema.entities.c.id)).scalars())


def _add_missing_columns(conn: Connection, tables: list[Table]) -> None:
    """Columns these (existing) tables lack, added nullable or with their server default: fact tables made
    before the merged schema of this version (a development database) gain the fields added since."""
    preparer = conn.dialect.identifier_preparer
    for table in tables:
        present = {c["name"] for c in inspect(conn).get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            ddl = (f"ALTER TABLE {preparer.quote(table.name)} ADD COLUMN {preparer.quote(column.name)} "
                   f"{column.type.compile(dialect=conn.dialect)}")
            if column.server_default is not None:
                value = column.server_default.arg  # type: ignore[attr-defined]
                ddl += f" NOT NULL DEFAULT {value.compile(dialect=conn.dialect) if hasattr(value, 'compile') else value}"
            conn.exec_driver_sql(ddl)


def _facts_as_rows(conn: Connection) -> None:
    """Facts as rows: tables named after the export's lists, filled from the JSON kept until now.

    A database that has them already (made while this version was developed) only gains the tables
    and columns added since; nothing is converted twice."""
    _add_document_columns(conn)
    tables = [*schema.LINK_TABLES, *schema.FACT_TABLES]
    existing = [t for t in tables if inspect(conn).has_table(t.name)]
    schema.metadata.create_all(conn, tables=tables)
    if existing:
        _add_missing_columns(conn, existing)
        return
    _document_fields(conn)
    _annotations_to_rows(conn)
    _links_to_rows(conn)
    for table in (links, link_members, document_scores, entity_map):
        table.drop(conn)


def _corrections(conn: Connection) -> None:
    """The corrections log (storyline.corrections): the reporter's fixes, kept apart from what the machine found."""
    schema.corrections.create(conn, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, annotations, ingest errors, links, state, full-text index", _initial),
    Migration(2, "link membership and per-document reuse share", _link_members),
    Migration(3, "incremental link index (run `storyline link` once to relink an older corpus)", _link_index),
    Migration(4, "person identities filed under first names", _identity_keys),
    Migration(5, "documents: OCR flag, page map and the message a file was attached to", _document_pages),
    Migration(6, "facts as rows: entities, quotes, events, claims, stories, ... (docs/schema.md)", _facts_as_rows),
    Migration(7, "corrections log: merges, splits, renames, rejections, speakers, dates, story moves", _corrections),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not inspect(conn).has_table("schema_migrations"):
        return 0
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


def foreign_tables(conn: Connection) -> list[str]:
    """Another program's tables in a database storyline has never set up (none once it has, or when empty).

    A SQLite file belongs to one program, so every table counts; on a database server other programs' tables
    may sit beside storyline's, and only those named as storyline's are in the way."""
    if current_version(conn) > 0:
        return []
    names = [n for n in inspect(conn).get_table_names() if not n.startswith("sqlite_")]
    if conn.dialect.name == "sqlite":
        return sorted(names)
    ours = set(schema.metadata.tables) | set(legacy.tables) | {links.name}
    return sorted(n for n in names if n in ours)


def migrate(conn: Connection) -> list[int]:
    """Apply every pending migration inside the caller's transaction; return the versions applied."""
    schema.schema_migrations.create(conn, checkfirst=True)
    done = current_version(conn)
    if done > SCHEMA_VERSION:
        raise RuntimeError(
            f"this database has schema version {done}, newer than this storyline ({SCHEMA_VERSION}): "
            "upgrade storyline (pip install -U storyline) before opening it"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version > done:
            migration.apply(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=migration.version,
                    description=migration.description,
                    applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                )
            )
            applied.append(migration.version)
    return applied
