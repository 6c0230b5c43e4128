"""The front page: how much the corpus holds, the latest stories, the most recently published documents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, func, select, true

from storyline.store import Store, schema
from storyline.views import base
from storyline.views.model import Overview
from storyline.views.stories import story_summaries

__all__ = ["counts", "overview"]

LATEST = 8


def _count(conn: Connection, table: Table, *where: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar() or 0)


def counts(conn: Connection) -> dict[str, int]:
    """Rows of each kind of fact (identities split into people and organisations)."""
    e = schema.entities
    return {
        "documents": _count(conn, schema.documents), "stories": _count(conn, schema.stories),
        "people": _count(conn, e, e.c.type == "person"), "organisations": _count(conn, e, e.c.type == "organisation"),
        "quotes": _count(conn, schema.quotes), "events": _count(conn, schema.events),
        "claims": _count(conn, schema.claims), "copied passages": _count(conn, schema.reuse),
        "discrepancies": _count(conn, schema.discrepancies),
    }


def overview(store: Store) -> Overview:
    d = schema.documents
    recent = (base.summaries_query().where(d.c.published.is_not(None)).order_by(d.c.date_sort.desc(), d.c.seq)
              .limit(LATEST))
    with base.reading(store) as conn:
        return Overview(counts(conn), story_summaries(conn, true(), LATEST, newest_first=True).items,
                        [base.summary(r) for r in conn.execute(recent)])
