"""Schema versions, applied in order and recorded in ``schema_migrations``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, inspect, select, update

from storyline.store import schema
from storyline.store.search import backend_for


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    schema.metadata.create_all(
        conn,
        tables=[
            schema.documents,
            schema.annotations,
            schema.ingest_errors,
            schema.links,
            schema.state,
        ],
    )
    backend_for(conn.dialect.name).create(conn)


def _link_members(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.link_members, schema.document_scores])


def _link_index(conn: Connection) -> None:
    """Incremental linking keeps its index in tables; links made by the old whole-corpus linker are dropped."""
    schema.metadata.create_all(
        conn, tables=[schema.link_postings, schema.link_counts, schema.link_records, schema.entity_map]
    )
    conn.execute(delete(schema.state).where(schema.state.c.key.in_(["link_state", "entity_map"])))
    conn.execute(delete(schema.links))
    conn.execute(delete(schema.link_members))
    conn.execute(delete(schema.document_scores))
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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, annotations, ingest errors, links, state, full-text index", _initial),
    Migration(2, "link membership and per-document reuse share", _link_members),
    Migration(3, "incremental link index (run `storyline link` once to relink an older corpus)", _link_index),
    Migration(4, "person identities filed under first names", _identity_keys),
    Migration(5, "documents: OCR flag, page map and the message a file was attached to", _document_pages),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The highest applied migration, 0 for an empty database."""
    if not inspect(conn).has_table("schema_migrations"):
        return 0
    versions = conn.execute(select(schema.schema_migrations.c.version)).scalars().all()
    return max(versions, default=0)


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
