"""Documents: the list, and one document with its text and every fact found in it."""

from __future__ import annotations

from sqlalchemy import Connection, func, or_, select

from storyline import timex3
from storyline.store import Store, schema
from storyline.views import base
from storyline.views.claims import document_claims
from storyline.views.model import DocumentSummary, DocumentView, EntityRef, Mark, Page
from storyline.views.quotes import quote_query, quote_row
from storyline.views.timeline import document_events

__all__ = ["document", "documents"]

d = schema.documents


def documents(store: Store, limit: int = 100, offset: int = 0, newest_first: bool = False) -> Page[DocumentSummary]:
    """Documents without their text, by publication date (undated last), oldest or newest first."""
    with base.reading(store) as conn:
        total = int(conn.execute(select(func.count()).select_from(d)).scalar() or 0)
        if not newest_first:  # the undated sort last by their date_sort key
            query = base.summaries_query().order_by(d.c.date_sort, d.c.seq).limit(limit + 1).offset(offset)
            return base.page([base.summary(r) for r in conn.execute(query)], offset, limit, total)
        dated = int(conn.execute(select(func.count()).select_from(d).where(d.c.published.is_not(None))).scalar() or 0)
        rows = []
        if offset < dated:
            newest = (base.summaries_query().where(d.c.published.is_not(None))
                      .order_by(d.c.date_sort.desc(), d.c.seq).limit(limit + 1).offset(offset))
            rows = list(conn.execute(newest))
        if len(rows) <= limit:
            undated = (base.summaries_query().where(d.c.published.is_(None)).order_by(d.c.seq)
                       .limit(limit + 1 - len(rows)).offset(max(0, offset - dated)))
            rows += list(conn.execute(undated))
    return base.page([base.summary(r) for r in rows], offset, limit, total)


def document(store: Store, ref: str) -> DocumentView | None:
    """One document (id or unique prefix of at least 4 characters) with its text and facts."""
    with base.reading(store) as conn:
        doc_id = base.resolve_prefix(conn, d.c.id, ref)
        if doc_id is None:
            return None
        row = conn.execute(base.summaries_query().add_columns(d.c.text).where(d.c.id == doc_id)).one()
        q = schema.quotes
        quotes = [quote_row(r) for r in conn.execute(quote_query().where(q.c.document == doc_id)
                                                      .order_by(q.c.position))]
        events = document_events(conn, doc_id)
        claims = document_claims(conn, doc_id)
        marks = ([_quote_mark(x.start, x.end, x.speaker_name) for x in quotes]
                 + [Mark(x.start, x.end, "event", f"Event dated {timex3.words(x.date, inferred=x.inferred)}",
                         "hl-event") for x in events]
                 + [Mark(x.start, x.end, "claim", f"{x.kind.capitalize()} by {x.claimant_name or 'unknown'}",
                         f"hl-claim hl-{x.kind}") for x in claims]
                 + _linked_marks(conn, doc_id) + _mention_marks(conn, doc_id))
        summary = base.summary(row)
        attachments = [base.summary(r) for r in conn.execute(base.summaries_query().where(d.c.attached_to == doc_id)
                                                               .order_by(d.c.seq))]
        parent = base.summaries(conn, [summary.attached_to]).get(summary.attached_to) if summary.attached_to else None
        return DocumentView(summary, row.text, _entities(conn, doc_id), quotes, events, claims, marks, attachments,
                            parent)


def _quote_mark(start: int, end: int, speaker: str | None) -> Mark:
    return Mark(start, end, "quote", f"Quote: {speaker or 'unattributed'}", "hl-quote")


def _entities(conn: Connection, doc_id: str) -> list[EntityRef]:
    de = schema.document_entities
    rows = conn.execute(select(de).where(de.c.document == doc_id).order_by(de.c.local_id))
    return [EntityRef(r.entity or f"{doc_id}:{r.local_id}", r.name, r.type) for r in rows]


def _linked_marks(conn: Connection, doc_id: str) -> list[Mark]:
    """Roles, copied passages and disputed spans of one document."""
    r, de, e, ru = schema.roles, schema.document_entities, schema.entities, schema.reuse
    marks = []
    roles = conn.execute(select(r.c.start, r.c.end, r.c.role, func.coalesce(e.c.name, de.c.name).label("name"))
                         .select_from(r.join(de, (de.c.document == r.c.document) & (de.c.local_id == r.c.entity_local))
                                      .outerjoin(e, e.c.id == r.c.entity)).where(r.c.document == doc_id))
    marks += [Mark(x.start, x.end, "role", f"Role of {x.name}: {x.role}", "hl-role") for x in roles]
    for x in conn.execute(select(ru).where(or_(ru.c.a == doc_id, ru.c.b == doc_id))):
        for side, other in (("a", "b"), ("b", "a")):
            if getattr(x, side) == doc_id:
                marks.append(Mark(getattr(x, f"{side}_start"), getattr(x, f"{side}_end"), "reuse",
                                  f"Shared with document {getattr(x, other)}", "hl-reuse"))
    sp, disc = schema.discrepancy_spans, schema.discrepancies
    for x in conn.execute(select(sp.c.start, sp.c.end, disc.c.description)
                          .select_from(sp.join(disc, disc.c.id == sp.c.discrepancy)).where(sp.c.document == doc_id)):
        marks.append(Mark(x.start, x.end, "discrepancy", x.description, "hl-discrepancy"))
    return marks


def _mention_marks(conn: Connection, doc_id: str) -> list[Mark]:
    """People and organisations (linked to their page once linking ran) and dates, as marks without anchors."""
    m, t = schema.mentions, schema.timexes
    mentions = conn.execute(select(m).where(m.c.document == doc_id, m.c.type.in_(["person", "organisation"]))
                            .order_by(m.c.position))
    marks = [Mark(x.start, x.end, "mention", x.type, f"hl-mention hl-{x.type}", x.entity, anchor=False)
             for x in mentions]
    for x in conn.execute(select(t).where(t.c.document == doc_id).order_by(t.c.position)):
        marks.append(Mark(x.start, x.end, "date", f"{x.text}: {timex3.words(x.value, mod=x.mod)}", "hl-date",
                          anchor=False))
    return marks
