"""Dated events in order: a story's merged timeline, one document's events, or the corpus; and the dated
sentences of a scope (a story, storyline, search, document or window) that key-date timelines choose from."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Select, func, select

from storyline import timex3
from storyline.store import Store, schema
from storyline.store.rows import display_title
from storyline.views import base
from storyline.views.model import EventRow, EventSourceRow, Page

if TYPE_CHECKING:
    from storyline.link.keydates import DatedSentence, KeyDate

__all__ = ["ABOUT_LIMIT", "TimelineScope", "dated_sentences", "document_events", "key_dates", "scope_documents",
           "story_timeline", "timeline"]

ev, t, ts, d, a = (schema.events, schema.timeline_entries, schema.timeline_sources, schema.documents,
                   schema.event_actors)
ABOUT_LIMIT = 5000  # documents a search (--about) may bring into a timeline


def _event_query() -> Select[Any]:
    return (select(ev.c.id, ev.c.document, ev.c.start, ev.c.end, func.coalesce(ev.c.story_date, ev.c.date)
                   .label("date"), ev.c.precision, ev.c.inferred, ev.c.story_date, ev.c.text, ev.c.story, ev.c.mod,
                   ev.c.anchor, d.c.title.label("doc_title"), d.c.source, d.c.pages)
            .select_from(ev.join(d, d.c.id == ev.c.document)))


def _event(row: Any, actors: list[str]) -> EventRow:
    inferred = bool(row.inferred) or row.story_date is not None
    return EventRow(row.id, row.document, row.start, row.end, row.date, row.precision, inferred, row.text, row.story,
                    display_title(row.doc_title, row.source, row.document), actors, row.mod, row.anchor,
                    page=base.page_label_of(row.pages, row.start, row.end))


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


def _sources(conn: Connection, story_id: str, entries: list[int]) -> dict[int, list[EventSourceRow]]:
    """Every report of these entries of a story's timeline (only entries with several are returned)."""
    found: dict[int, list[Any]] = defaultdict(list)
    query = (select(ts, d.c.title.label("doc_title"), d.c.source).select_from(ts.join(d, d.c.id == ts.c.document))
             .where(ts.c.story == story_id, ts.c.entry.in_(entries)).order_by(ts.c.entry, ts.c.position))
    for r in conn.execute(query):
        found[r.entry].append(r)
    return {entry: [EventSourceRow(r.document, r.start, r.end, r.date, bool(r.inferred),
                                   display_title(r.doc_title, r.source, r.document)) for r in rows]
            for entry, rows in found.items() if len(rows) > 1}


def story_timeline(conn: Connection, story_id: str, limit: int = 1000) -> list[EventRow]:
    """A story's merged timeline (the same happening reported by several documents once, with every report),
    in order; before linking has merged one, the events of its documents in date order."""
    query = (select(t, d.c.title.label("doc_title"), d.c.source, d.c.pages)
             .select_from(t.join(d, d.c.id == t.c.document))
             .where(t.c.story == story_id).order_by(t.c.position).limit(limit))
    rows = list(conn.execute(query))
    sources = _sources(conn, story_id, [r.position for r in rows]) if rows else {}
    merged = [EventRow(r.event, r.document, r.start, r.end, r.date, r.precision, bool(r.inferred), r.text, story_id,
                       display_title(r.doc_title, r.source, r.document), json.loads(r.actors), r.mod, r.anchor,
                       bool(r.disputed), sources.get(r.position, []), base.page_label_of(r.pages, r.start, r.end))
              for r in rows]
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
                raise ValueError(base.no_document(document))
            query = query.where(ev.c.document == found)
        if story:
            query = query.where(ev.c.story == story)
        return base.page(_events(conn, query), offset, limit)


# --- the dated sentences of a scope (key-date timelines) ------------------------------------------------


@dataclass(frozen=True)
class TimelineScope:
    """Which documents a timeline reads: a story, a storyline, a search, a window, or all of them."""

    story: str | None = None
    storyline: str | None = None
    about: str | None = None
    document: str | None = None  # one document (id or id prefix)
    start: date | None = None  # documents published and events dated on or after this day
    end: date | None = None  # ... and on or before this one


def _narrow(chosen: set[str] | None, found: set[str]) -> set[str]:
    return found if chosen is None else chosen & found


def _resolve(conn: Connection, column: Any, ref: str, noun: str, listing: str) -> str:
    found = base.resolve_prefix(conn, column, ref)
    if found is None:
        raise ValueError(f"no {noun} {ref!r}: list them with `{listing}`")
    return found


def scope_documents(store: Store, scope: TimelineScope) -> list[str] | None:
    """Ids of the documents in scope, published inside the window when one is given; None for all."""
    sd, ss = schema.story_documents, schema.storyline_stories
    chosen: set[str] | None = None
    with base.reading(store) as conn:
        if scope.story:
            story = _resolve(conn, schema.stories.c.id, scope.story, "story", "storyline stories")
            chosen = set(conn.execute(select(sd.c.document).where(sd.c.story == story)).scalars())
        if scope.storyline:
            line = _resolve(conn, schema.storylines.c.id, scope.storyline, "storyline",
                            "storyline stories (storyline column)")
            stories = select(ss.c.story).where(ss.c.storyline == line)
            chosen = _narrow(chosen, set(conn.execute(select(sd.c.document).where(sd.c.story.in_(stories)))
                                         .scalars()))
        if scope.document:
            found = base.resolve_prefix(conn, d.c.id, scope.document)
            chosen = _narrow(chosen, {found} if found else set())
        if scope.start or scope.end:
            chosen = _narrow(chosen, _published_between(conn, scope.start, scope.end))
    if scope.about is not None:
        chosen = _narrow(chosen, {hit.doc_id for hit in store.search(scope.about, ABOUT_LIMIT)})
    return sorted(chosen) if chosen is not None else None


def _published_between(conn: Connection, start: date | None, end: date | None) -> set[str]:
    """Documents whose publication date lies wholly inside [start, end] (the undated cannot be shown to)."""
    query = select(d.c.id, d.c.published).where(d.c.published.is_not(None))
    if start:
        query = query.where(d.c.published >= str(start.year))
    if end:
        query = query.where(d.c.published < str(end.year + 1))
    out = set()
    for r in conn.execute(query):
        span = timex3.interval(r.published[:10])
        if span is not None and (start is None or span[0] >= start) and (end is None or span[1] <= end):
            out.add(r.id)
    return out


def _site(site_name: str | None, url: str | None) -> str | None:
    """The outlet a document came from: its site name, else its URL's host."""
    if site_name:
        return site_name
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _dated_rows(conn: Connection, documents: Sequence[str] | None) -> Iterator[Any]:
    sentence = base.span_text(d, ev.c.start, ev.c.end)
    query = (select(ev.c.document, ev.c.start, ev.c.end, func.coalesce(ev.c.story_date, ev.c.date).label("date"),
                    ev.c.inferred, ev.c.story_date, ev.c.anchor, sentence.label("sentence"), d.c.published,
                    d.c.site_name, d.c.url)
             .select_from(ev.join(d, d.c.id == ev.c.document)))
    if documents is None:
        yield from conn.execute(query.order_by(d.c.seq, ev.c.position))
        return
    for part in base.parts(list(documents)):
        yield from conn.execute(query.where(ev.c.document.in_(part)).order_by(d.c.seq, ev.c.position))


def dated_sentences(store: Store, documents: Sequence[str] | None = None) -> list[DatedSentence]:
    """Every dated sentence of the corpus (or of ``documents``), as key-date selection reads it: dates as the
    story timelines settled them (years filled from the story's evidence: inferred), with source spans."""
    from storyline.link.keydates import DatedSentence

    with base.reading(store) as conn:
        return [DatedSentence(r.date, bool(r.inferred) or r.story_date is not None, r.document, r.start, r.end,
                              " ".join((r.sentence or "").split()), r.published, _site(r.site_name, r.url), r.anchor,
                              r.url)
                for r in _dated_rows(conn, documents)]


def key_dates(store: Store, scope: TimelineScope, dates: int | None = None, sentences: int = 2) -> list[KeyDate]:
    """The ``dates`` most important dates of the scope, ``sentences`` sentences each (every dated event, grouped
    by date, without ``dates``), ascending (:mod:`storyline.link.keydates` chooses; the rows are read here)."""
    from storyline.link.keydates import every_date, key_dates as choose, within

    records = within(dated_sentences(store, scope_documents(store, scope)), scope.start, scope.end)
    return choose(records, dates, sentences) if dates is not None else every_date(records)
