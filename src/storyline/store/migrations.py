"""Schema versions, applied in order and recorded in ``schema_migrations``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, inspect, select

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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, annotations, ingest errors, links, state, full-text index", _initial),
    Migration(2, "link membership and per-document reuse share", _link_members),
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
