"""Who claims, denies, admits or promises what, with the words of the source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, case, select

from storyline.answers import accused_description
from storyline.same_words import near_identical_words, quote_tokens
from storyline.store import Store, schema
from storyline.store.rows import display_title
from storyline.views import base
from storyline.views.model import ClaimRow, Page, StoryClaim

__all__ = ["claim_rows", "claims", "group_claims"]

KINDS = ("claim", "denial", "admission", "promise")
c, d, e = schema.claims, schema.documents, schema.entities


def _query() -> Any:
    claimant, target = e.alias("claimant_entity"), e.alias("target_entity")
    return (select(c, d.c.title.label("doc_title"), d.c.source,
                   base.span_text(d, c.c.start, c.c.end).label("span_text"),
                   base.span_text(d, c.c.content_start, c.c.content_end).label("content_text"),
                   claimant.c.name.label("claimant_entity_name"), target.c.name.label("target_entity_name"),
                   base.span_text(d, c.c.cue_start, c.c.cue_end).label("cue_text"), _accused_words().label("accused_words"))
            .select_from(c.join(d, d.c.id == c.c.document).outerjoin(claimant, claimant.c.id == c.c.claimant)
                         .outerjoin(target, target.c.id == c.c.target)))


def _accused_words() -> Any:
    """SQL: the words between a claim's verb and its content ("the council's leadership of"): for an accusation,
    who is accused as the text describes them."""
    return case((and_(c.c.cue_end.is_not(None), c.c.content_start.is_not(None), c.c.cue_end <= c.c.content_start),
                 base.span_text(d, c.c.cue_end, c.c.content_start)), else_=None)


def _row(r: Any) -> ClaimRow:
    target_name = r.target_name or r.target_entity_name
    return ClaimRow(r.id, r.document, r.start, r.end, r.kind, r.claimant, r.claimant_name or r.claimant_entity_name,
                    r.target, target_name, r.span_text or "",
                    r.content_text if r.content_start is not None else None,
                    display_title(r.doc_title, r.source, r.document), r.published, r.answers,
                    None if target_name else accused_description(r.cue_text, r.accused_words))


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


def _claimant_key(row: ClaimRow) -> str | None:
    return row.claimant or (" ".join(row.claimant_name.lower().split()) if row.claimant_name else None)


def group_claims(rows: list[ClaimRow], order: dict[str, int]) -> list[StoryClaim]:
    """The same claim in several documents of a story (versions, copies), once, with every document carrying it.

    Claims are one when they are of one kind, by one claimant (the same identity, else the same name, else
    both unnamed) and their words are the same or nearly so, by the rule that merges quotes
    (:mod:`storyline.same_words`). Sources are listed in the order of ``order`` (the
    story's sources, earliest first), and the claims by their first source."""
    groups: list[tuple[tuple[str, str | None], list[str], list[ClaimRow]]] = []
    for row in sorted(rows, key=lambda x: (order.get(x.document, len(order)), x.start)):
        key, words = (row.kind, _claimant_key(row)), quote_tokens(row.content or row.text)
        same = next((g for g in groups if g[0] == key and words and near_identical_words(g[1], words)), None)
        if same is None:
            groups.append((key, words, [row]))
        else:
            same[2].append(row)
    return [StoryClaim(sources) for _, _, sources in groups]
