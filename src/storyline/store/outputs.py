"""Link outputs as rows: what corpus linking writes through ``LinkIndex.put_output`` / ``delete_output``.

One writer per kind of output (``entity``, ``story``, ``storyline``, ``reuse``, ``document_link``,
``quote_group``, ``discrepancy``, ``timeline``). Rows that others point at (entities, stories,
storylines, quote groups) are upserted, never deleted and re-inserted, so the facts that name them
keep their references; their child rows (a story's documents, a discrepancy's spans) are replaced.
A payload is a model object or its :func:`~storyline.model.to_dict` form.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update

from storyline.model import to_dict
from storyline.store import facts, rows, schema

__all__ = ["KINDS", "clear_outputs", "delete_output", "write_output"]

Payload = dict[str, Any]


def insert_for(conn: Connection, table: Table) -> Any:
    """An INSERT that can say ON CONFLICT, in the connection's dialect (imported when first needed)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def upsert(conn: Connection, table: Table, values: list[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert rows, updating those whose primary key exists (SQLite and PostgreSQL)."""
    if not values:
        return
    stmt = insert_for(conn, table)
    changed = {c: stmt.excluded[c] for c in values[0] if c not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=changed) if changed
                 else stmt.on_conflict_do_nothing(), values)


def _replace_children(conn: Connection, table: Table, parent: str, key: str, children: list[dict[str, Any]]) -> None:
    conn.execute(delete(table).where(table.c[parent] == key))
    if children:
        conn.execute(insert(table), children)


def _entity(conn: Connection, item: str, p: Payload) -> set[str]:
    row = {"id": item, "type": p["type"], "name": p["name"], "aliases": json.dumps(p.get("aliases") or [],
                                                                                   ensure_ascii=False),
           "mentions": int(p.get("mentions") or len(p.get("members") or []))}
    upsert(conn, schema.entities, [row], ["id"])
    return {item}


def _story(conn: Connection, item: str, p: Payload) -> set[str]:
    sd = schema.story_documents
    docs = list(dict.fromkeys(p.get("documents") or []))
    first, _ = rows.day_span(p.get("first_date"))
    _, last = rows.day_span(p.get("last_date"))
    upsert(conn, schema.stories, [{"id": item, "title": p["title"], "storyline": p.get("storyline"),
                                   "first_date": p.get("first_date"), "last_date": p.get("last_date"),
                                   "first_day": first, "last_day": last, "size": len(docs)}], ["id"])
    before = set(conn.execute(select(sd.c.document).where(sd.c.story == item)).scalars())
    conn.execute(delete(sd).where(sd.c.story == item))
    upsert(conn, sd, [{"document": d, "story": item, "position": i} for i, d in enumerate(docs)], ["document"])
    facts.set_story(conn, item, sorted(set(docs) - before))
    return set()


def _storyline(conn: Connection, item: str, p: Payload) -> set[str]:
    upsert(conn, schema.storylines, [{"id": item, "title": p["title"]}], ["id"])
    _replace_children(conn, schema.storyline_stories, "storyline", item,
                      [{"storyline": item, "position": i, "story": s} for i, s in enumerate(p.get("stories") or [])])
    return set()


def _reuse(conn: Connection, item: str, p: Payload) -> set[str]:
    keys = ("a", "b", "a_start", "a_end", "b_start", "b_end", "similarity")
    upsert(conn, schema.reuse, [{"id": item, **{k: p[k] for k in keys}}], ["id"])
    return set()


def _document_link(conn: Connection, item: str, p: Payload) -> set[str]:
    upsert(conn, schema.document_links, [{"id": item, "a": p["a"], "b": p["b"], "kind": p["kind"],
                                          "similarity": p["similarity"]}], ["id"])
    return set()


def _quote_group(conn: Connection, item: str, p: Payload) -> set[str]:
    q, sources = schema.quotes, p.get("sources") or []
    upsert(conn, schema.quote_groups, [{"id": item, "text": p["text"], "speaker": p.get("speaker"),
                                        "speaker_name": p.get("speaker_name"), "sources": len(sources)}], ["id"])
    _replace_children(conn, schema.quote_group_sources, "quote_group", item,
                      [{"quote_group": item, "position": i, "document": s["document"], "start": s["start"],
                        "end": s["end"]} for i, s in enumerate(sources)])
    conn.execute(update(q).where(q.c.quote_group == item).values(quote_group=None))
    facts.link_quote_groups(conn, sorted({s["document"] for s in sources}))
    return {p["speaker"]} if p.get("speaker") else set()


def _discrepancy(conn: Connection, item: str, p: Payload) -> set[str]:
    upsert(conn, schema.discrepancies, [{"id": item, "story": p.get("story"), "kind": p["kind"],
                                         "description": p["description"]}], ["id"])
    _replace_children(conn, schema.discrepancy_spans, "discrepancy", item,
                      [{"discrepancy": item, "position": i, "document": s["document"], "start": s["start"],
                        "end": s["end"]} for i, s in enumerate(p.get("spans") or [])])
    return set()


def _timeline_row(story: str, position: int, ev: Payload) -> dict[str, Any]:
    first, last = rows.day_span(ev["date"])
    timex = ev.get("timex") or (None, None)
    return {"story": story, "position": position, "event": ev["id"], "document": ev["id"].rsplit(":", 1)[0],
            "start": ev["start"], "end": ev["end"], "date": ev["date"], "precision": ev["precision"],
            "inferred": bool(ev.get("inferred")), "text": ev["text"], "timex_start": timex[0], "timex_end": timex[1],
            "actors": json.dumps(list(ev.get("actors") or [])), "start_day": first, "end_day": last,
            "date_sort": rows.date_sort(ev["date"])}


def _timeline(conn: Connection, item: str, p: Payload) -> set[str]:
    t = schema.timeline_entries
    before = list(conn.execute(select(t.c.event).where(t.c.story == item)).scalars())
    entries = [_timeline_row(item, i, ev) for i, ev in enumerate(p.get("events") or [])]
    _replace_children(conn, t, "story", item, entries)
    facts.apply_story_dates(conn, sorted(set(before) | {e["event"] for e in entries}))
    return set()


Writer = Callable[[Connection, str, Payload], set[str]]
KINDS: dict[str, Writer] = {
    "entity": _entity, "storyline": _storyline, "story": _story, "reuse": _reuse, "document_link": _document_link,
    "quote_group": _quote_group, "discrepancy": _discrepancy, "timeline": _timeline,
}
TABLES: dict[str, Table] = {
    "entity": schema.entities, "storyline": schema.storylines, "story": schema.stories, "reuse": schema.reuse,
    "document_link": schema.document_links, "quote_group": schema.quote_groups,
    "discrepancy": schema.discrepancies, "timeline": schema.timeline_entries,
}


def write_output(conn: Connection, kind: str, item: str, payload: Any) -> set[str]:
    """Write one link output; returns the identities whose counts may have changed."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of link output {kind!r}; known: {', '.join(KINDS)}")
    data = to_dict(payload)
    return KINDS[kind](conn, item, data)


def delete_output(conn: Connection, kind: str, item: str) -> None:
    """Delete one link output (rows naming it lose the reference; its child rows go with it)."""
    table = TABLES[kind]
    key = table.c.story if kind == "timeline" else table.c.id
    if kind == "timeline":
        events = list(conn.execute(select(table.c.event).where(key == item)).scalars())
        conn.execute(delete(table).where(key == item))
        facts.apply_story_dates(conn, events)
        return
    conn.execute(delete(table).where(key == item))


def clear_outputs(conn: Connection, kinds: Iterable[str] | None = None) -> None:
    """Delete every output of the given kinds (all by default), and every fact's link to them."""
    chosen = list(kinds) if kinds is not None else list(KINDS)
    ev = schema.events
    settled = list(conn.execute(select(ev.c.id).where(ev.c.story_date.is_not(None))).scalars())
    for kind in chosen:
        for child in _CHILDREN.get(kind, ()):
            conn.execute(delete(child))
        conn.execute(delete(TABLES[kind]))
    if "timeline" in chosen:
        facts.apply_story_dates(conn, settled)


_CHILDREN: dict[str, tuple[Table, ...]] = {
    "story": (schema.story_documents,), "storyline": (schema.storyline_stories,),
    "quote_group": (schema.quote_group_sources,), "discrepancy": (schema.discrepancy_spans,),
}
