"""The export's lists (docs/export.md) read from the rows, one bounded batch at a time.

:func:`records` yields the records of one list in the contract's shape, reading at most ``BATCH``
documents (or linked objects) per query, with no connection held between batches: exporting a
corpus of any size runs in the memory of one batch.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, func, select

from storyline import timex3
from storyline.answers import accused_description, speech_line
from storyline.store import Store, schema
from storyline.views import base

__all__ = ["EXPORT_VERSION", "LISTS", "records"]

EXPORT_VERSION = 1
LISTS = (
    "documents", "entities", "quotes", "events", "claims", "stories", "storylines", "reuse", "discrepancies",
    "quote_groups", "document_links", "timelines", "corrections", "versions",
)
BATCH = 500
PARENTS = 50  # stories, quote groups, identities per batch: each carries all its events, sources or roles
Record = dict[str, Any]


def _span(start: int | None, end: int | None) -> dict[str, int] | None:
    return {"start": start, "end": end} if start is not None and end is not None else None


def _scoped(document: str, identity: str | None, local: str | None) -> str | None:
    """A corpus identity, else (before linking) the document-scoped id ``<document>:<local id>``."""
    return identity or (f"{document}:{local}" if local else None)


def _document_batches(store: Store, columns: Sequence[Any] | None = None) -> Iterator[list[Any]]:
    """Documents in ingest order, ``BATCH`` at a time."""
    d = schema.documents
    last = 0
    while True:
        query = select(*(columns or [d])).where(d.c.seq > last).order_by(d.c.seq).limit(BATCH)
        with store.reader.connect() as conn:
            rows = conn.execute(query.add_columns(d.c.seq) if columns else query).all()
        if not rows:
            return
        last = rows[-1].seq
        yield list(rows)


def _keyed_batches(store: Store, table: Table, key: str = "id", size: int = BATCH) -> Iterator[list[Any]]:
    """Rows of a linked-object table in key order, ``size`` at a time."""
    column = table.c[key]
    last: str | None = None
    while True:
        query = select(table).order_by(column).limit(size)
        if last is not None:
            query = query.where(column > last)
        with store.reader.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        last = getattr(rows[-1], key)
        yield list(rows)


def _children(conn: Connection, query: Select[Any], parent: str) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(query):
        grouped[getattr(row, parent)].append(row)
    return grouped


def _owned(conn: Connection, table: Table, owner: str, ids: list[str]) -> dict[str, list[Any]]:
    """The rows of a child table that belong to ``ids`` (its ``owner`` column), each owner's in position order."""
    query = select(table).where(table.c[owner].in_(ids)).order_by(table.c[owner], table.c.position)
    return _children(conn, query, owner)


# --- per-document lists -------------------------------------------------------------------------------


def _documents(store: Store) -> Iterator[Record]:
    for batch in _document_batches(store):
        for d in batch:
            yield {
                "id": d.id, "source": d.source, "url": d.url, "title": d.title, "published": d.published,
                "published_inferred": bool(d.published_inferred), "published_span": _span(d.published_start,
                                                                                           d.published_end),
                "author": d.author, "site_name": d.site_name, "format": d.format, "version_of": d.version_of,
                "duplicate_of": d.duplicate_of, "reuse_share": d.reuse_share or 0.0, "ocr": bool(d.ocr),
                "pages": json.loads(d.pages or "[]"), "attached_to": d.attached_to, "text": d.text,
            }


Shape = Callable[[Connection, list[Any], list[str]], Iterator[Record]]


def _per_document(store: Store, table: Table, shape: Shape) -> Iterator[Record]:
    """Rows of a per-document fact table, documents in ingest order, each document's in annotation order.

    Every query of a batch selects by the batch's document ids, so its statement (and the database's
    prepared form of it) is the same from batch to batch: memory stays flat however many batches run."""
    for batch in _document_batches(store, [schema.documents.c.id]):
        ids = [r.id for r in batch]
        order = {doc_id: i for i, doc_id in enumerate(ids)}
        with store.reader.connect() as conn:
            rows = list(conn.execute(select(table).where(table.c.document.in_(ids))))
            rows.sort(key=lambda r: (order[r.document], r.position))
            yield from shape(conn, rows, ids)


def _accused(conn: Connection, rows: list[Any], docs: list[str]) -> dict[tuple[str, int, int], str]:
    """Who each accusation of these documents accuses: the target of the claim read from the same verb."""
    if not any(q.cue_verb == "accuse" for q in rows):
        return {}
    c = schema.claims
    found = conn.execute(select(c.c.document, c.c.cue_start, c.c.cue_end, c.c.target_name)
                         .where(c.c.document.in_(docs), c.c.target_name.is_not(None)))
    return {(r.document, r.cue_start, r.cue_end): r.target_name for r in found}


def _accused_words(conn: Connection, rows: list[Any]) -> dict[str, str]:
    """For each accusation, the words between its verb and what it accuses of: who is accused, as described."""
    ids = [q.id for q in rows if q.cue_verb == "accuse" and q.cue_end is not None and q.cue_end <= q.start]
    if not ids:
        return {}
    q, d = schema.quotes, schema.documents
    found = conn.execute(select(q.c.id, base.span_text(d, q.c.cue_end, q.c.start).label("words"))
                         .join(d, d.c.id == q.c.document).where(q.c.id.in_(ids)))
    return {r.id: r.words for r in found}


def _quote_shape(conn: Connection, rows: list[Any], docs: list[str]) -> Iterator[Record]:
    members = _member_identities(conn, rows, docs)
    accused, words = _accused(conn, rows, docs), _accused_words(conn, rows)
    for q in rows:
        record: Record = {
            "id": q.id, "document": q.document, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
            "speaker": _scoped(q.document, q.speaker, q.speaker_local), "speaker_name": q.speaker_name,
            "speaker_mention": _span(q.speaker_mention_start, q.speaker_mention_end), "cue": _span(q.cue_start,
                                                                                                   q.cue_end),
            "confidence": q.confidence, "stance": q.stance, "cue_verb": q.cue_verb, "speaker_kind": q.speaker_kind,
            "speaker_description": q.speaker_description,
            "speaker_members": [members.get((q.document, m), f"{q.document}:{m}")
                                for m in json.loads(q.speaker_members or "[]")],
            "quote_group": q.quote_group, "story": q.story,
        }
        target = accused.get((q.document, q.cue_start, q.cue_end))
        line = {**record, "target_name": target,
                "target_description": None if target else accused_description(q.cue_verb, words.get(q.id))}
        record["line"] = speech_line(line)
        yield record


def _member_identities(conn: Connection, rows: list[Any], docs: list[str]) -> dict[tuple[str, str], str]:
    if not any(q.speaker_members not in (None, "[]") for q in rows):
        return {}
    de = schema.document_entities
    found = conn.execute(select(de.c.document, de.c.local_id, de.c.entity)
                         .where(de.c.document.in_(docs), de.c.entity.is_not(None)))
    return {(r.document, r.local_id): r.entity for r in found}


def _actors(conn: Connection, docs: list[str]) -> dict[str, list[str]]:
    a = schema.event_actors
    found = conn.execute(select(a).where(a.c.document.in_(docs)).order_by(a.c.event, a.c.position))
    out: dict[str, list[str]] = defaultdict(list)
    for r in found:
        actor = _scoped(r.document, r.entity, r.entity_local)
        if actor and actor not in out[r.event]:
            out[r.event].append(actor)
    return out


def event_record(ev: Any, *, date: str, inferred: bool, actors: list[str], story: str | None) -> Record:
    """One event in the export's shape (document events and story timelines alike)."""
    return {
        "id": ev.id if hasattr(ev, "id") else ev.event, "document": ev.document, "start": ev.start, "end": ev.end,
        "date": date, "precision": ev.precision, "inferred": bool(inferred), "text": ev.text,
        "timex": _span(ev.timex_start, ev.timex_end), "actors": actors, "story": story, "mod": ev.mod,
        "anchor": ev.anchor, "words": timex3.words(date, mod=ev.mod, inferred=bool(inferred), anchor=ev.anchor),
    }


def _event_shape(conn: Connection, rows: list[Any], docs: list[str]) -> Iterator[Record]:
    """Events with the date their story's timeline settled for them (a year filled in: inferred)."""
    actors = _actors(conn, docs)
    for e in rows:
        yield event_record(e, date=e.story_date or e.date, inferred=bool(e.inferred) or e.story_date is not None,
                           actors=actors.get(e.id, []), story=e.story)


def _described_targets(conn: Connection, rows: list[Any]) -> dict[str, str]:
    """Accusations of someone nobody identified: the words that describe who is accused, by claim id."""
    ids = [c.id for c in rows if c.target_name is None and c.cue_end is not None and c.content_start is not None
           and c.cue_end <= c.content_start]
    if not ids:
        return {}
    c_, d = schema.claims, schema.documents
    found = conn.execute(select(c_.c.id, base.span_text(d, c_.c.cue_start, c_.c.cue_end).label("cue"),
                                base.span_text(d, c_.c.cue_end, c_.c.content_start).label("words"))
                         .join(d, d.c.id == c_.c.document).where(c_.c.id.in_(ids)))
    described = {r.id: accused_description(r.cue, r.words) for r in found}
    return {k: v for k, v in described.items() if v}


def _claim_shape(conn: Connection, rows: list[Any], docs: list[str]) -> Iterator[Record]:
    described = _described_targets(conn, rows)
    for c in rows:
        yield {
            "id": c.id, "document": c.document, "start": c.start, "end": c.end, "kind": c.kind,
            "claimant": _scoped(c.document, c.claimant, c.claimant_local), "claimant_name": c.claimant_name,
            "target": _scoped(c.document, c.target, c.target_local), "target_name": c.target_name,
            "target_description": described.get(c.id), "content": _span(c.content_start, c.content_end),
            "cue": _span(c.cue_start, c.cue_end),
            "answers": c.answers, "story": c.story,
        }


# --- identities -----------------------------------------------------------------------------------------


def _role_record(r: Any) -> Record:
    return {"role": r.role, "document": r.document, "start": r.start, "end": r.end, "organisation": r.organisation,
            "date": r.date}


def _entities(store: Store) -> Iterator[Record]:
    with store.reader.connect() as conn:
        linked = conn.execute(select(func.count()).select_from(schema.entities)).scalar()
    yield from (_linked_entities(store) if linked else _local_entities(store))


def _linked_entities(store: Store) -> Iterator[Record]:
    r = schema.roles
    for batch in _keyed_batches(store, schema.entities, size=PARENTS):
        ids = [e.id for e in batch]
        query = select(r).where(r.c.entity.in_(ids)).order_by(r.c.entity, func.coalesce(r.c.date, ""), r.c.document,
                                                              r.c.start)
        with store.reader.connect() as conn:
            roles = _children(conn, query, "entity")
        for e in batch:
            yield {"id": e.id, "type": e.type, "name": e.name, "aliases": json.loads(e.aliases),
                   "mentions": e.mentions, "roles": [_role_record(x) for x in roles.get(e.id, [])]}


def _local_entities(store: Store) -> Iterator[Record]:
    """Before linking: each document's entities, with document-scoped ids."""
    de, r = schema.document_entities, schema.roles
    for batch in _document_batches(store, [schema.documents.c.id]):
        ids = [b.id for b in batch]
        order = {doc_id: i for i, doc_id in enumerate(ids)}
        with store.reader.connect() as conn:
            entities = list(conn.execute(select(de).where(de.c.document.in_(ids))))
            roles = conn.execute(select(r).where(r.c.document.in_(ids)).order_by(r.c.document, r.c.position)).all()
        by_entity: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for role in roles:
            by_entity[(role.document, role.entity_local)].append(role)
        entities.sort(key=lambda e: (order[e.document], _local_order(e.local_id)))
        for e in entities:
            yield {"id": f"{e.document}:{e.local_id}", "type": e.type, "name": e.name,
                   "aliases": json.loads(e.aliases), "roles": [_role_record(x) for x in by_entity[(e.document,
                                                                                                   e.local_id)]]}


def _local_order(local_id: str) -> tuple[int, str]:
    digits = "".join(c for c in local_id if c.isdigit())
    return (int(digits) if digits else 0, local_id)


# --- linked objects ---------------------------------------------------------------------------------------


def evidence_record(row: Any) -> Record:
    """One item of grouping evidence in the export's shape."""
    return {"kind": row.kind, "value": row.value, "documents": row.documents, "spans": json.loads(row.spans),
            "inferred": bool(row.inferred)}


def _evidence(conn: Connection, table: Table, owner: str, ids: list[str]) -> dict[str, list[Record]]:
    found = _owned(conn, table, owner, ids)
    return {key: [evidence_record(r) for r in items] for key, items in found.items()}


def _stories(store: Store) -> Iterator[Record]:
    for batch in _keyed_batches(store, schema.stories, size=PARENTS):
        ids = [s.id for s in batch]
        with store.reader.connect() as conn:
            docs = _owned(conn, schema.story_documents, "story", ids)
            why = _evidence(conn, schema.story_evidence, "story", ids)
        for s in batch:
            yield {"id": s.id, "title": s.title, "documents": [d.document for d in docs.get(s.id, [])],
                   "storyline": s.storyline, "first_date": s.first_date, "last_date": s.last_date,
                   "evidence": why.get(s.id, [])}


def _storylines(store: Store) -> Iterator[Record]:
    for batch in _keyed_batches(store, schema.storylines, size=PARENTS):
        ids = [s.id for s in batch]
        with store.reader.connect() as conn:
            stories = _owned(conn, schema.storyline_stories, "storyline", ids)
            why = _evidence(conn, schema.storyline_evidence, "storyline", ids)
        for line in batch:
            yield {"id": line.id, "title": line.title, "stories": [s.story for s in stories.get(line.id, [])],
                   "evidence": why.get(line.id, [])}


def _reuse(store: Store) -> Iterator[Record]:
    for batch in _keyed_batches(store, schema.reuse):
        for r in batch:
            yield {"a": r.a, "b": r.b, "a_start": r.a_start, "a_end": r.a_end, "b_start": r.b_start,
                   "b_end": r.b_end, "similarity": r.similarity}


def _spans(rows: list[Any]) -> list[Record]:
    return [{"document": s.document, "start": s.start, "end": s.end} for s in rows]


def _discrepancies(store: Store) -> Iterator[Record]:
    for batch in _keyed_batches(store, schema.discrepancies, size=PARENTS):
        with store.reader.connect() as conn:
            spans = _owned(conn, schema.discrepancy_spans, "discrepancy", [d.id for d in batch])
        for d in batch:
            yield {"id": d.id, "story": d.story, "kind": d.kind, "description": d.description,
                   "spans": _spans(spans.get(d.id, []))}


def _quote_groups(store: Store) -> Iterator[Record]:
    for batch in _keyed_batches(store, schema.quote_groups, size=PARENTS):
        with store.reader.connect() as conn:
            sources = _owned(conn, schema.quote_group_sources, "quote_group", [g.id for g in batch])
        for g in batch:
            yield {"id": g.id, "text": g.text, "speaker": g.speaker, "speaker_name": g.speaker_name,
                   "sources": _spans(sources.get(g.id, []))}


def _document_links(store: Store) -> Iterator[Record]:
    for batch in _keyed_batches(store, schema.document_links):
        for link in batch:
            yield {"a": link.a, "b": link.b, "kind": link.kind, "similarity": link.similarity}


def source_record(r: Any) -> Record:
    """One report of a timeline entry in the export's shape."""
    return {"document": r.document, "start": r.start, "end": r.end, "date": r.date, "inferred": bool(r.inferred),
            "timex": _span(r.timex_start, r.timex_end)}


def timeline_entry_record(e: Any, sources: list[Any], story: str) -> Record:
    """A merged timeline entry: an event with every report of it (none listed when only one) and ``disputed``."""
    record = event_record(e, date=e.date, inferred=e.inferred, actors=json.loads(e.actors), story=story)
    record["sources"] = [source_record(r) for r in sources] if len(sources) > 1 else []
    record["disputed"] = bool(e.disputed)
    return record


def _timelines(store: Store) -> Iterator[Record]:
    t, ts = schema.timeline_entries, schema.timeline_sources
    for batch in _keyed_batches(store, schema.stories, size=PARENTS):
        ids = [s.id for s in batch]
        with store.reader.connect() as conn:
            entries = _owned(conn, t, "story", ids)
            reports: dict[tuple[str, int], list[Any]] = defaultdict(list)
            for r in conn.execute(select(ts).where(ts.c.story.in_(ids)).order_by(ts.c.story, ts.c.entry,
                                                                                ts.c.position)):
                reports[(r.story, r.entry)].append(r)
        for s in batch:
            if s.id in entries:
                yield {"story": s.id, "events": [timeline_entry_record(e, reports[(s.id, e.position)], s.id)
                                                 for e in entries[s.id]]}


def _corrections(store: Store) -> Iterator[Record]:
    from storyline.views.corrections import correction_records

    return correction_records(store)


def _versions(store: Store) -> Iterator[Record]:
    from storyline.views.versions import version_records

    return version_records(store)


READERS: dict[str, Callable[[Store], Iterator[Record]]] = {
    "documents": _documents,
    "entities": _entities,
    "quotes": lambda store: _per_document(store, schema.quotes, _quote_shape),
    "events": lambda store: _per_document(store, schema.events, _event_shape),
    "claims": lambda store: _per_document(store, schema.claims, _claim_shape),
    "stories": _stories,
    "storylines": _storylines,
    "reuse": _reuse,
    "discrepancies": _discrepancies,
    "quote_groups": _quote_groups,
    "document_links": _document_links,
    "timelines": _timelines,
    "corrections": _corrections,
    "versions": _versions,
}


def records(store: Store, name: str) -> Iterator[Record]:
    """The records of one export list, streamed in bounded batches."""
    if name not in READERS:
        raise ValueError(f"unknown export list {name!r}; choose one of {', '.join(LISTS)}")
    return READERS[name](store)
