"""Who claims, denies, admits or promises what, with the words of the source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from storyline.store import Store, schema
from storyline.store.rows import display_title
from storyline.views import base
from storyline.views.model import ClaimRow, Page

__all__ = ["claim_rows", "claims"]

KINDS = ("claim", "denial", "admission", "promise")
c, d, e = schema.claims, schema.documents, schema.entities


def _query() -> Any:
    claimant, target = e.alias("claimant_entity"), e.alias("target_entity")
    return (select(c, d.c.title.label("doc_title"), d.c.source,
                   base.span_text(d, c.c.start, c.c.end).label("span_text"),
                   base.span_text(d, c.c.content_start, c.c.content_end).label("content_text"),
                   claimant.c.name.label("claimant_entity_name"), target.c.name.label("target_entity_name"))
            .select_from(c.join(d, d.c.id == c.c.document).outerjoin(claimant, claimant.c.id == c.c.claimant)
                         .outerjoin(target, target.c.id == c.c.target)))


def _row(r: Any) -> ClaimRow:
    return ClaimRow(r.id, r.document, r.start, r.end, r.kind, r.claimant, r.claimant_name or r.claimant_entity_name,
                    r.target, r.target_name or r.target_entity_name, r.span_text or "",
                    r.content_text if r.content_start is not None else None,
                    display_title(r.doc_title, r.source, r.document), r.published, r.answers)


def claim_rows(conn: Connection, where: Any, limit: int, offset: int = 0) -> list[ClaimRow]:
    """Claims matching ``where``, oldest document first."""
    query = _query().where(where).order_by(c.c.date_sort, c.c.document, c.c.position).limit(limit).offset(offset)
    return [_row(r) for r in conn.execute(query)]


def claims(store: Store, kind: str | None = None, limit: int = 100, offset: int = 0) -> Page[ClaimRow]:
    """Claims, denials, admissions and promises (or one kind), oldest first."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind of claim {kind!r}; choose one of {', '.join(KINDS)}")
    where = c.c.kind == kind if kind else c.c.id.is_not(None)
    with base.reading(store) as conn:
        return base.page(claim_rows(conn, where, limit + 1, offset), offset, limit)


def document_claims(conn: Connection, doc_id: str) -> list[ClaimRow]:
    query = _query().where(c.c.document == doc_id).order_by(c.c.position)
    return [_row(r) for r in conn.execute(query)]


def story_claims(conn: Connection, documents: list[str], limit: int) -> list[ClaimRow]:
    rows: list[ClaimRow] = []
    for part in base.parts(documents):
        rows += [_row(r) for r in conn.execute(_query().where(c.c.document.in_(part)).limit(limit))]
    return sorted(rows, key=lambda x: (x.document, x.start))[:limit]
