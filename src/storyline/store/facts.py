"""Writing the facts of annotated documents as rows, and pointing them at corpus identities.

A document's facts (its entities, mentions, roles, dates, layout blocks, quotes, events and their
actors, claims) are written in the transaction that stores its annotations
(:func:`write_document_facts`). Linking then says which corpus identity each document-local entity
is (:func:`set_identities`, :func:`remap_identity`), and every fact row that names a local entity
gets that identity in its foreign-key column (``quotes.speaker``, ``claims.claimant``, ...).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, func, select, update

from storyline.model import Annotations, Document
from storyline.store import rows, schema
from storyline.store.bulk import insert_rows

__all__ = [
    "apply_identities",
    "apply_story_dates",
    "events_at",
    "link_quote_groups",
    "delete_document_facts",
    "insert_document_facts",
    "insert_documents_facts",
    "recount_entities",
    "remap_identity",
    "set_published",
    "set_identities",
    "write_document_facts",
]

BATCH = 500

# (table, column holding the document-local entity id, column holding the corpus identity)
ENTITY_COLUMNS: tuple[tuple[Table, str, str], ...] = (
    (schema.document_entities, "local_id", "entity"),
    (schema.mentions, "entity_local", "entity"),
    (schema.roles, "entity_local", "entity"),
    (schema.quotes, "speaker_local", "speaker"),
    (schema.claims, "claimant_local", "claimant"),
    (schema.claims, "target_local", "target"),
    (schema.event_actors, "entity_local", "entity"),
)
ROW_WRITERS = (
    (schema.document_entities, rows.entity_rows),
    (schema.mentions, rows.mention_rows),
    (schema.roles, rows.role_rows),
    (schema.timexes, rows.timex_rows),
    (schema.blocks, rows.block_rows),
    (schema.quotes, rows.quote_rows),
    (schema.events, rows.event_rows),
    (schema.event_actors, rows.event_actor_rows),
    (schema.claims, rows.claim_rows),
)


def _parts(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), BATCH):
        yield values[i : i + BATCH]


def delete_document_facts(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Remove the fact rows of these documents (event actors go with their events)."""
    for part in _parts(list(doc_ids)):
        for table, _ in reversed(ROW_WRITERS):
            conn.execute(delete(table).where(table.c.document.in_(part)))


def insert_document_facts(conn: Connection, doc: Document, ann: Annotations) -> None:
    """The fact rows of a document stored for the first time (nothing to replace, nothing linked yet)."""
    insert_documents_facts(conn, [(doc, ann)])


def insert_documents_facts(conn: Connection, items: Sequence[tuple[Document, Annotations]]) -> None:
    """The fact rows of documents stored for the first time: one multi-row statement per table."""
    for table, make in ROW_WRITERS:
        insert_rows(conn, table, [row for doc, ann in items for row in make(doc, ann)])


def write_document_facts(conn: Connection, doc: Document, ann: Annotations) -> None:
    """Replace the fact rows of one document with those of ``ann``, keeping what linking knew of it.

    A local entity that keeps its id, type and name keeps its corpus identity and its facts keep
    their story and quote group, so re-annotating a document does not unlink it.
    """
    kept = _linked_state(conn, doc.id)
    delete_document_facts(conn, [doc.id])
    insert_document_facts(conn, doc, ann)
    before, story = kept
    identities = {e.id: before[(e.id, e.type, e.name)] for e in ann.entities if (e.id, e.type, e.name) in before}
    if identities:
        set_identities(conn, {doc.id: identities})
    if story:
        set_story(conn, story, [doc.id])
    link_quote_groups(conn, [doc.id])
    apply_story_dates(conn, [f"{doc.id}:{ev.id}" for ev in ann.events])
    recount_entities(conn, set(before.values()) | set(identities.values()))


def _linked_state(conn: Connection, doc_id: str) -> tuple[dict[tuple[str, str, str], str], str | None]:
    """What linking said of a document: its local entities' identities (by id, type and name) and its story."""
    de, sd = schema.document_entities, schema.story_documents
    found = conn.execute(select(de.c.local_id, de.c.type, de.c.name, de.c.entity)
                         .where(de.c.document == doc_id, de.c.entity.is_not(None)))
    story = conn.execute(select(sd.c.story).where(sd.c.document == doc_id)).scalar()
    return {(r.local_id, r.type, r.name): r.entity for r in found}, story


def set_identities(conn: Connection, mapping: Mapping[str, Mapping[str, str]]) -> None:
    """Record each document's local entity -> corpus identity (replacing the documents' previous ones)."""
    de = schema.document_entities
    docs = sorted(mapping)
    for part in _parts(docs):
        conn.execute(update(de).where(de.c.document.in_(part)).values(entity=None))
    pairs = [{"d": doc, "l": local, "e": entity} for doc in docs for local, entity in mapping[doc].items()]
    if pairs:
        stmt = update(de).where(de.c.document == bindparam("d"), de.c.local_id == bindparam("l"))
        conn.execute(stmt.values(entity=bindparam("e")), pairs)
    apply_identities(conn, docs)


def apply_identities(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Copy each local entity's corpus identity into every fact row of these documents that names it."""
    de = schema.document_entities
    for table, local, column in ENTITY_COLUMNS[1:]:
        identity = (select(de.c.entity).where(de.c.document == table.c.document, de.c.local_id == table.c[local])
                    .scalar_subquery())
        for part in _parts(list(doc_ids)):
            conn.execute(update(table).where(table.c.document.in_(part)).values({column: identity}))


def remap_identity(conn: Connection, old: str, new: str) -> set[str]:
    """Two identities became one: every row naming ``old`` now names ``new``; returns their documents."""
    de = schema.document_entities
    moved = set(conn.execute(select(de.c.document).where(de.c.entity == old).distinct()).scalars())
    for table, _, column in ENTITY_COLUMNS:
        conn.execute(update(table).where(table.c[column] == old).values({column: new}))
    qg = schema.quote_groups
    conn.execute(update(qg).where(qg.c.speaker == old).values(speaker=new))
    return moved


def identities_of(conn: Connection, doc_ids: Collection[str]) -> dict[str, dict[str, str]]:
    """Document id -> {local entity id: corpus identity} for the linked entities of these documents."""
    de = schema.document_entities
    out: dict[str, dict[str, str]] = {d: {} for d in doc_ids}
    for part in _parts(sorted(doc_ids)):
        query = select(de.c.document, de.c.local_id, de.c.entity).where(de.c.document.in_(part),
                                                                          de.c.entity.is_not(None))
        for r in conn.execute(query):
            out[r.document][r.local_id] = r.entity
    return out


def set_published(conn: Connection, doc_id: str, published: str | None) -> None:
    """A document's publication date changed: its quotes, claims and roles carry the new one."""
    key = rows.date_sort(published)
    for table in (schema.quotes, schema.claims):
        conn.execute(update(table).where(table.c.document == doc_id).values(published=published, date_sort=key))
    conn.execute(update(schema.roles).where(schema.roles.c.document == doc_id).values(date=published, date_sort=key))


def set_story(conn: Connection, story: str | None, doc_ids: Sequence[str]) -> None:
    """The story these documents belong to, on their quotes, events and claims."""
    for table in (schema.quotes, schema.events, schema.claims):
        for part in _parts(list(doc_ids)):
            conn.execute(update(table).where(table.c.document.in_(part)).values(story=story))


def link_quote_groups(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Point the quotes of these documents at the quote group whose sources include their span."""
    q, s = schema.quotes, schema.quote_group_sources
    group = (select(s.c.quote_group).where(s.c.document == q.c.document, s.c.start == q.c.start,
                                           s.c.end == q.c.end).limit(1).scalar_subquery())
    for part in _parts(list(doc_ids)):
        conn.execute(update(q).where(q.c.document.in_(part)).values(quote_group=group))


def events_at(conn: Connection, reports: Iterable[tuple[str, int | None, int | None]]) -> list[str]:
    """Ids of the events whose (document, date expression) is one of ``reports``."""
    wanted = set(reports)
    ev = schema.events
    found: list[str] = []
    for part in _parts(sorted({doc for doc, _, _ in wanted})):
        query = select(ev.c.id, ev.c.document, ev.c.timex_start, ev.c.timex_end).where(ev.c.document.in_(part))
        found += [r.id for r in conn.execute(query) if (r.document, r.timex_start, r.timex_end) in wanted]
    return found


def apply_story_dates(conn: Connection, event_ids: Sequence[str]) -> None:
    """Give events the date their story's timeline settled on for their report (a year filled in), and sort
    them by it: the date of the timeline source with the same document and date expression."""
    ev, ts = schema.events, schema.timeline_sources
    settled_date = (select(ts.c.date).where(ts.c.document == ev.c.document, ts.c.timex_start == ev.c.timex_start,
                                            ts.c.timex_end == ev.c.timex_end).limit(1).scalar_subquery())
    for part in _parts(list(event_ids)):
        found = conn.execute(select(ev.c.id, ev.c.date, settled_date.label("settled")).where(ev.c.id.in_(part)))
        changes = []
        for r in found:
            settled = r.settled if r.settled and r.settled != r.date else None
            first, last = rows.day_span(settled or r.date)
            changes.append({"i": r.id, "s": settled, "a": first, "b": last, "k": rows.date_sort(settled or r.date)})
        if changes:
            stmt = update(ev).where(ev.c.id == bindparam("i"))
            conn.execute(stmt.values(story_date=bindparam("s"), start_day=bindparam("a"), end_day=bindparam("b"),
                                     date_sort=bindparam("k")), changes)


def recount_entities(conn: Connection, ids: Iterable[str | None]) -> None:
    """Refresh the quote, role and document counts of these identities (the people list is ranked by them)."""
    e, q, r, de = schema.entities, schema.quotes, schema.roles, schema.document_entities
    counts = {
        "quote_count": select(func.count()).where(q.c.speaker == e.c.id).scalar_subquery(),
        "role_count": select(func.count()).where(r.c.entity == e.c.id).scalar_subquery(),
        "document_count": select(func.count()).where(and_(de.c.entity == e.c.id)).scalar_subquery(),
    }
    for part in _parts(sorted({i for i in ids if i})):
        conn.execute(update(e).where(e.c.id.in_(part)).values(counts))
