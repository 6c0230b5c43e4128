"""Dated events in order: a story's merged timeline, one document's events, or the corpus."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Select, func, select

from storyline.store import Store, schema
from storyline.store.rows import display_title
from storyline.views import base
from storyline.views.model import EventRow, Page

__all__ = ["document_events", "story_timeline", "timeline"]

ev, t, d, a = schema.events, schema.timeline_entries, schema.documents, schema.event_actors


def _event_query() -> Select[Any]:
    return (select(ev.c.id, ev.c.document, ev.c.start, ev.c.end, func.coalesce(ev.c.story_date, ev.c.date)
                   .label("date"), ev.c.precision, ev.c.inferred, ev.c.story_date, ev.c.text, ev.c.story,
                   d.c.title.label("doc_title"), d.c.source)
            .select_from(ev.join(d, d.c.id == ev.c.document)))


def _event(row: Any, actors: list[str]) -> EventRow:
    inferred = bool(row.inferred) or row.story_date is not None
    return EventRow(row.id, row.document, row.start, row.end, row.date, row.precision, inferred, row.text, row.story,
                    display_title(row.doc_title, row.source, row.document), actors)


def _actors(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in base.parts(ids):
        for row in conn.execute(select(a.c.event, a.c.entity).where(a.c.event.in_(part), a.c.entity.is_not(None))
                                .order_by(a.c.event, a.c.position)):
            out.setdefault(row.event, []).append(row.entity)
    return out


def _events(conn: Connection, query: Select[Any]) -> list[EventRow]:
    rows = list(conn.execute(query))
    actors = _actors(conn, [r.id for r in rows])
    return [_event(r, actors.get(r.id, [])) for r in rows]


def document_events(conn: Connection, doc_id: str) -> list[EventRow]:
    return _events(conn, _event_query().where(ev.c.document == doc_id).order_by(ev.c.date_sort, ev.c.position))


def story_timeline(conn: Connection, story_id: str, limit: int = 1000) -> list[EventRow]:
    """A story's merged timeline (the same happening reported by several documents once), in order;
    before linking has merged one, the events of its documents in date order."""
    query = (select(t, d.c.title.label("doc_title"), d.c.source).select_from(t.join(d, d.c.id == t.c.document))
             .where(t.c.story == story_id).order_by(t.c.position).limit(limit))
    merged = [EventRow(r.event, r.document, r.start, r.end, r.date, r.precision, bool(r.inferred), r.text, story_id,
                       display_title(r.doc_title, r.source, r.document), json.loads(r.actors))
              for r in conn.execute(query)]
    if merged:
        return merged
    return _events(conn, _event_query().where(ev.c.story == story_id)
                   .order_by(ev.c.date_sort, ev.c.document, ev.c.position).limit(limit))


def timeline(store: Store, document: str | None = None, story: str | None = None, limit: int = 100,
             offset: int = 0) -> Page[EventRow]:
    """Dated events in order (mixed precision: "2023" before "2023-03" before "2023-03-14").

    For a story, its merged timeline when linking made one; for a document (id or prefix) its
    events; else the corpus. ``limit`` and ``offset`` page through them.
    """
    with base.reading(store) as conn:
        if story and document is None:
            return base.page(story_timeline(conn, story, limit=offset + limit + 1)[offset:], offset, limit)
        query = _event_query().order_by(ev.c.date_sort, ev.c.document, ev.c.position).limit(limit + 1).offset(offset)
        if document:
            found = base.resolve_prefix(conn, d.c.id, document)
            if found is None:
                raise ValueError(f"no document {document!r}: list ids with `storyline docs`")
            query = query.where(ev.c.document == found)
        if story:
            query = query.where(ev.c.story == story)
        return base.page(_events(conn, query), offset, limit)
