"""What changed between versions: the facts of two documents read from their rows, compared by
:func:`storyline.versions.diff_documents`; every version pair and near-duplicate rewrite pair of a story."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, func, or_, select

from storyline.store import Store, schema
from storyline.versions import (
    ClaimFact,
    Dated,
    DocumentFacts,
    Figure,
    Named,
    Quote,
    VersionDiff,
    diff_documents,
    diff_record,
    words,
)
from storyline.views import base

__all__ = ["document_diff", "document_facts", "story_versions", "version_records"]

d, q, ev, c, de, m = (schema.documents, schema.quotes, schema.events, schema.claims, schema.document_entities,
                      schema.mentions)
links = schema.document_links
MAX_PAIRS = 50  # version pairs compared on a story page


def _figures(text: str) -> list[Figure]:
    from storyline.link.discrepancies import find_figures  # the figures the discrepancies read

    return [Figure(f.start, f.end, f.text, f.unit, f.measure, f.value) for f in find_figures(text)
            if not f.qualified]


def _names(conn: Connection, doc_id: str) -> list[Named]:
    first = (select(m.c.entity_local, func.min(m.c.start).label("start")).where(m.c.document == doc_id)
             .group_by(m.c.entity_local).subquery())
    rows = conn.execute(select(de.c.local_id, de.c.name, de.c.type, de.c.entity, first.c.start, m.c.end)
                        .select_from(de.join(first, first.c.entity_local == de.c.local_id)
                                     .join(m, (m.c.document == doc_id) & (m.c.entity_local == de.c.local_id)
                                           & (m.c.start == first.c.start)))
                        .where(de.c.document == doc_id, de.c.type.in_(["person", "organisation"]))
                        .order_by(first.c.start))
    found: dict[tuple[str, str], Named] = {}
    for r in rows:
        key = r.entity or " ".join(words(r.name))
        found.setdefault((r.type, key), Named(key, r.name, r.type, r.start, r.end))
    return list(found.values())


def document_facts(conn: Connection, doc_id: str) -> DocumentFacts | None:
    row = conn.execute(select(d.c.id, d.c.text).where(d.c.id == doc_id)).first()
    if row is None:
        return None
    b = schema.blocks
    headline = conn.execute(select(b.c.start, b.c.end).where(b.c.document == doc_id, b.c.kind == "headline")
                            .order_by(b.c.position).limit(1)).first()
    quotes = [Quote(r.id, r.start, r.end, r.text, r.kind, r.speaker, r.speaker_name) for r in conn.execute(
        select(q).where(q.c.document == doc_id).order_by(q.c.position))]
    events = [Dated(r.id, r.start, r.end, r.date, (r.timex_start, r.timex_end) if r.timex_start is not None else None)
              for r in conn.execute(select(ev).where(ev.c.document == doc_id).order_by(ev.c.position))]
    claims = [ClaimFact(r.id, r.start, r.end, r.kind, r.claimant) for r in conn.execute(
        select(c).where(c.c.document == doc_id).order_by(c.c.position))]
    return DocumentFacts(row.id, row.text, (headline.start, headline.end) if headline else None, quotes,
                         _names(conn, doc_id), events, claims, _figures(row.text))


def _ordered(conn: Connection, a: str, b: str) -> tuple[str, str]:
    """The earlier document first (by publication date, then ingest order)."""
    rows = {r.id: (r.date_sort, r.seq) for r in conn.execute(select(d.c.id, d.c.date_sort, d.c.seq)
                                                                .where(d.c.id.in_([a, b])))}
    return (a, b) if rows.get(a, ("", 0)) <= rows.get(b, ("", 0)) else (b, a)


def _diff(conn: Connection, a: str, b: str, link: str = "", similarity: float | None = None) -> VersionDiff | None:
    first, second = document_facts(conn, a), document_facts(conn, b)
    if first is None or second is None:
        return None
    return diff_documents(first, second, link, similarity)


def document_diff(store: Store, a: str, b: str) -> VersionDiff | None:
    """The changes in the facts from document ``a`` to document ``b`` (ids or unique prefixes); None when
    either is not in the corpus."""
    with base.reading(store) as conn:
        first, second = base.resolve_prefix(conn, d.c.id, a), base.resolve_prefix(conn, d.c.id, b)
        if first is None or second is None:
            return None
        kind = conn.execute(select(links.c.kind, links.c.similarity).where(
            or_((links.c.a == first) & (links.c.b == second), (links.c.a == second) & (links.c.b == first)))).first()
        return _diff(conn, first, second, kind.kind if kind else "", kind.similarity if kind else None)


def _pairs(conn: Connection, ids: Sequence[str]) -> list[Any]:
    """Version and near-duplicate pairs among these documents (an exact copy has nothing to compare)."""
    found: dict[str, Any] = {}
    for part in base.parts(list(ids)):
        for r in conn.execute(select(links).where(links.c.a.in_(part), links.c.b.in_(list(ids)))):
            found[r.id] = r
    texts = dict(conn.execute(select(d.c.id, func.length(d.c.text)).where(d.c.id.in_(list(ids)))).all()) if ids \
        else {}
    return [r for r in sorted(found.values(), key=lambda r: r.id)
            if not (r.kind == "duplicate" and r.similarity >= 1.0 and texts.get(r.a) == texts.get(r.b))]


def story_versions(conn: Connection, ids: Sequence[str], limit: int = MAX_PAIRS) -> list[VersionDiff]:
    """What changed between every version pair (same URL, new text) and near-duplicate rewrite in a story."""
    out = []
    for r in _pairs(conn, ids)[:limit]:
        a, b = _ordered(conn, r.a, r.b)
        found = _diff(conn, a, b, r.kind, r.similarity)
        if found is not None:
            out.append(found)
    return out


def version_records(store: Store) -> Iterator[dict[str, Any]]:
    """The export's ``versions`` list: every version and near-duplicate pair with its changes."""
    last: str | None = None
    while True:
        query = select(links).order_by(links.c.id).limit(base.BATCH)
        if last is not None:
            query = query.where(links.c.id > last)
        with base.reading(store) as conn:
            rows = list(conn.execute(query))
            if not rows:
                return
            last = rows[-1].id
            for r in rows:
                if r.kind == "duplicate" and r.similarity >= 1.0:
                    continue
                a, b = _ordered(conn, r.a, r.b)
                found = _diff(conn, a, b, r.kind, r.similarity)
                if found is not None:
                    yield diff_record(found)
