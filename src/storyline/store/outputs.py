"""Link outputs as rows: what corpus linking writes through ``LinkIndex.put_output`` / ``delete_output``.

One writer per kind of output (``entity``, ``story``, ``storyline``, ``reuse``, ``document_link``,
``quote_group``, ``discrepancy``, ``timeline``), each writing a whole batch with a few statements.
Rows that others point at (entities, stories, storylines, quote groups) are upserted, never deleted
and re-inserted, so the facts that name them keep their references; their child rows (a story's
documents, a discrepancy's spans) are replaced. A payload is a model object or its
:func:`~storyline.model.to_dict` form.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select, update

from storyline.model import to_dict
from storyline.store import facts, rows, schema

__all__ = ["KINDS", "clear_outputs", "delete_outputs", "evidence_rows", "write_outputs"]

Payload = dict[str, Any]
Batch = list[tuple[str, Payload]]  # (id, payload) of one kind
BATCH = 500


def insert_for(conn: Connection, table: Table) -> Any:
    """An INSERT that can say ON CONFLICT, in the connection's dialect (imported when first needed)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


@lru_cache(maxsize=64)
def _upsert_statement(dialect: str, table: str, columns: tuple[str, ...], keys: tuple[str, ...]) -> Any:
    """One statement per table and columns, built once (so SQLAlchemy compiles it once)."""
    stmt: Any
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(schema.metadata.tables[table])
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(schema.metadata.tables[table])
    changed = {c: stmt.excluded[c] for c in columns if c not in keys}
    return stmt.on_conflict_do_update(index_elements=list(keys), set_=changed) if changed else \
        stmt.on_conflict_do_nothing()


def upsert(conn: Connection, table: Table, values: list[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert rows, updating those whose key exists (SQLite and PostgreSQL); the last of equal keys wins."""
    if not values:
        return
    unique = list({tuple(v[k] for k in keys): v for v in values}.values())
    stmt = _upsert_statement(conn.dialect.name, table.name, tuple(unique[0]), tuple(keys))
    conn.execute(stmt, unique)


def _parts(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), BATCH):
        yield values[i : i + BATCH]


def _replace_children(conn: Connection, table: Table, parent: str, keys: list[str], children: list[dict[str, Any]]
                      ) -> None:
    for part in _parts(keys):
        conn.execute(delete(table).where(table.c[parent].in_(part)))
    if children:
        conn.execute(insert(table), children)


def _entities(conn: Connection, batch: Batch) -> set[str]:
    upsert(conn, schema.entities, [
        {"id": item, "type": p["type"], "name": p["name"], "aliases": json.dumps(p.get("aliases") or [],
                                                                                 ensure_ascii=False),
         "mentions": int(p.get("mentions") or len(p.get("members") or []))} for item, p in batch], ["id"])
    return {item for item, _ in batch}


def _story_row(item: str, p: Payload) -> dict[str, Any]:
    first, _ = rows.day_span(p.get("first_date"))
    _, last = rows.day_span(p.get("last_date"))
    return {"id": item, "title": p["title"], "storyline": p.get("storyline"), "first_date": p.get("first_date"),
            "last_date": p.get("last_date"), "first_day": first, "last_day": last,
            "size": len(set(p.get("documents") or []))}


def evidence_rows(owner: str, item: str, p: Payload) -> list[dict[str, Any]]:
    """A story's (or storyline's) grouping evidence as rows, spans as JSON."""
    return [{owner: item, "position": i, "kind": ev["kind"], "value": ev["value"], "documents": int(ev["documents"]),
             "inferred": bool(ev.get("inferred")),
             "spans": json.dumps([{"document": sp["document"], "start": sp["start"], "end": sp["end"]}
                                  for sp in ev.get("spans") or []])}
            for i, ev in enumerate(p.get("evidence") or [])]


def _stories(conn: Connection, batch: Batch) -> set[str]:
    sd = schema.story_documents
    upsert(conn, schema.stories, [_story_row(item, p) for item, p in batch], ["id"])
    _replace_children(conn, schema.story_evidence, "story", [item for item, _ in batch],
                      [row for item, p in batch for row in evidence_rows("story", item, p)])
    ids = [item for item, _ in batch]
    before: dict[str, set[str]] = defaultdict(set)
    for part in _parts(ids):
        for r in conn.execute(select(sd.c.story, sd.c.document).where(sd.c.story.in_(part))):
            before[r.story].add(r.document)
    members = {item: list(dict.fromkeys(p.get("documents") or [])) for item, p in batch}
    _replace_children(conn, sd, "story", ids, [])
    upsert(conn, sd, [{"document": d, "story": item, "position": i} for item, docs in members.items()
                      for i, d in enumerate(docs)], ["document"])
    for item, docs in members.items():
        facts.set_story(conn, item, sorted(set(docs) - before[item]))
    return set()


def _storylines(conn: Connection, batch: Batch) -> set[str]:
    upsert(conn, schema.storylines, [{"id": item, "title": p["title"]} for item, p in batch], ["id"])
    _replace_children(conn, schema.storyline_stories, "storyline", [item for item, _ in batch],
                      [{"storyline": item, "position": i, "story": s} for item, p in batch
                       for i, s in enumerate(p.get("stories") or [])])
    _replace_children(conn, schema.storyline_evidence, "storyline", [item for item, _ in batch],
                      [row for item, p in batch for row in evidence_rows("storyline", item, p)])
    return set()


def _reuse(conn: Connection, batch: Batch) -> set[str]:
    keys = ("a", "b", "a_start", "a_end", "b_start", "b_end", "similarity")
    upsert(conn, schema.reuse, [{"id": item, **{k: p[k] for k in keys}} for item, p in batch], ["id"])
    return set()


def _document_links(conn: Connection, batch: Batch) -> set[str]:
    upsert(conn, schema.document_links, [{"id": item, "a": p["a"], "b": p["b"], "kind": p["kind"],
                                          "similarity": p["similarity"]} for item, p in batch], ["id"])
    return set()


def _quote_groups(conn: Connection, batch: Batch) -> set[str]:
    q = schema.quotes
    upsert(conn, schema.quote_groups, [{"id": item, "text": p["text"], "speaker": p.get("speaker"),
                                        "speaker_name": p.get("speaker_name"), "sources": len(p.get("sources") or [])}
                                       for item, p in batch], ["id"])
    ids = [item for item, _ in batch]
    _replace_children(conn, schema.quote_group_sources, "quote_group", ids,
                      [{"quote_group": item, "position": i, "document": s["document"], "start": s["start"],
                        "end": s["end"]} for item, p in batch for i, s in enumerate(p.get("sources") or [])])
    for part in _parts(ids):
        conn.execute(update(q).where(q.c.quote_group.in_(part)).values(quote_group=None))
    facts.link_quote_groups(conn, sorted({s["document"] for _, p in batch for s in p.get("sources") or []}))
    return {p["speaker"] for _, p in batch if p.get("speaker")}


def _discrepancies(conn: Connection, batch: Batch) -> set[str]:
    upsert(conn, schema.discrepancies, [{"id": item, "story": p.get("story"), "kind": p["kind"],
                                         "description": p["description"]} for item, p in batch], ["id"])
    _replace_children(conn, schema.discrepancy_spans, "discrepancy", [item for item, _ in batch],
                      [{"discrepancy": item, "position": i, "document": s["document"], "start": s["start"],
                        "end": s["end"]} for item, p in batch for i, s in enumerate(p.get("spans") or [])])
    return set()


def _timex(value: Any) -> tuple[int | None, int | None]:
    """A span given as [start, end], {start, end} or None."""
    if isinstance(value, dict):
        return value.get("start"), value.get("end")
    return (value[0], value[1]) if value else (None, None)


def _timeline_row(story: str, position: int, ev: Payload) -> dict[str, Any]:
    first, last = rows.day_span(ev["date"])
    timex = _timex(ev.get("timex"))
    return {"story": story, "position": position, "event": ev["id"], "document": ev["id"].rsplit(":", 1)[0],
            "start": ev["start"], "end": ev["end"], "date": ev["date"], "precision": ev["precision"],
            "inferred": bool(ev.get("inferred")), "text": ev["text"], "timex_start": timex[0], "timex_end": timex[1],
            "actors": json.dumps(list(ev.get("actors") or [])), "start_day": first, "end_day": last,
            "date_sort": rows.date_sort(ev["date"]), "mod": ev.get("mod"), "anchor": ev.get("anchor"),
            "disputed": bool(ev.get("disputed"))}


def _source_rows(story: str, entry: int, ev: Payload) -> list[dict[str, Any]]:
    """Every report of a timeline entry (the entry's own first); an entry of one report is its own source."""
    reports = ev.get("sources") or [{**ev, "document": ev["id"].rsplit(":", 1)[0]}]
    out = []
    for i, r in enumerate(reports):
        timex = _timex(r.get("timex"))
        out.append({"story": story, "entry": entry, "position": i, "document": r["document"], "start": r["start"],
                    "end": r["end"], "date": r["date"], "inferred": bool(r.get("inferred")), "timex_start": timex[0],
                    "timex_end": timex[1]})
    return out


def _timelines(conn: Connection, batch: Batch) -> set[str]:
    t, ts = schema.timeline_entries, schema.timeline_sources
    ids = [item for item, _ in batch]
    before: set[tuple[str, int | None, int | None]] = set()
    for part in _parts(ids):
        before |= {tuple(r) for r in conn.execute(select(ts.c.document, ts.c.timex_start, ts.c.timex_end)
                                                  .where(ts.c.story.in_(part)))}  # type: ignore[misc]
    events = [(item, i, ev) for item, p in batch for i, ev in enumerate(p.get("events") or [])]
    sources = [row for item, i, ev in events for row in _source_rows(item, i, ev)]
    _replace_children(conn, ts, "story", ids, [])
    _replace_children(conn, t, "story", ids, [_timeline_row(item, i, ev) for item, i, ev in events])
    if sources:
        conn.execute(insert(ts), sources)
    reports = before | {(r["document"], r["timex_start"], r["timex_end"]) for r in sources}
    facts.apply_story_dates(conn, facts.events_at(conn, reports))
    return set()


Writer = Callable[[Connection, Batch], set[str]]
KINDS: dict[str, Writer] = {  # in the order they are written
    "entity": _entities, "storyline": _storylines, "story": _stories, "reuse": _reuse,
    "document_link": _document_links, "quote_group": _quote_groups, "discrepancy": _discrepancies,
    "timeline": _timelines,
}
TABLES: dict[str, Table] = {
    "entity": schema.entities, "storyline": schema.storylines, "story": schema.stories, "reuse": schema.reuse,
    "document_link": schema.document_links, "quote_group": schema.quote_groups,
    "discrepancy": schema.discrepancies, "timeline": schema.timeline_entries,
}


def write_outputs(conn: Connection, outputs: Iterable[tuple[str, str, Any]], plain: bool = False) -> set[str]:
    """Write link outputs ``(kind, id, payload)``, a batch per kind; returns the identities whose counts
    may have changed. ``plain``: the payloads are :func:`~storyline.model.to_dict` output already."""
    by_kind: dict[str, Batch] = defaultdict(list)
    for kind, item, payload in outputs:
        if kind not in KINDS:
            raise ValueError(f"unknown kind of link output {kind!r}; known: {', '.join(KINDS)}")
        by_kind[kind].append((item, payload if plain else to_dict(payload)))
    touched: set[str] = set()
    for kind, writer in KINDS.items():
        for part in _parts(by_kind.get(kind, [])):
            touched |= writer(conn, list(part))
    return touched


def delete_outputs(conn: Connection, outputs: Iterable[tuple[str, str]]) -> None:
    """Delete link outputs ``(kind, id)`` (rows naming them lose the reference; their child rows go too)."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, item in outputs:
        by_kind[kind].append(item)
    for kind, items in by_kind.items():
        table = TABLES[kind]
        key = table.c.story if kind == "timeline" else table.c.id
        for part in _parts(items):
            events = _timeline_events(conn, part) if kind == "timeline" else []
            if kind == "timeline":
                conn.execute(delete(schema.timeline_sources).where(schema.timeline_sources.c.story.in_(part)))
            conn.execute(delete(table).where(key.in_(part)))
            facts.apply_story_dates(conn, events)


def _timeline_events(conn: Connection, stories: Sequence[str]) -> list[str]:
    """The events reported in these stories' timelines."""
    ts = schema.timeline_sources
    found = conn.execute(select(ts.c.document, ts.c.timex_start, ts.c.timex_end).where(ts.c.story.in_(stories)))
    return facts.events_at(conn, {tuple(r) for r in found})  # type: ignore[misc]


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
    "story": (schema.story_documents, schema.story_evidence),
    "storyline": (schema.storyline_stories, schema.storyline_evidence), "timeline": (schema.timeline_sources,),
    "quote_group": (schema.quote_group_sources,), "discrepancy": (schema.discrepancy_spans,),
}
