"""Corrections applied to the fact rows, in the transaction that wrote them.

:func:`apply_corrections` runs after a document's facts are written (``documents``: that document)
and after every link flush (all corrections). It is idempotent: a correction already in effect
changes nothing. Corrections run in three phases, each in log order: who is who (merge, split,
rename, type, reject an entity), what belongs together (story moves, storylines), then single facts
(reject a quote, claim or event; speaker; date), so a fact corrected by hand keeps its value whatever
the identities around it do. Every view, export and report reads the rows, so each shows the
corrections without knowing about them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from storyline.corrections import anchors
from storyline.corrections.claim_denials import name_claim_denials
from storyline.corrections.model import FACT_KINDS, IDENTITY_KINDS, STORY_KINDS, Correction
from storyline.corrections.quote_groups import follow_speaker, settle_quote_groups
from storyline.link.identity import ID_PREFIX
from storyline.store import facts, schema
from storyline.store.outputs import upsert
from storyline.store.rows import date_sort, day_span

__all__ = ["apply_corrections", "load_corrections"]

Outcome = tuple[str, str]  # status, detail
e, de, q, c_, ev = schema.entities, schema.document_entities, schema.quotes, schema.claims, schema.events
t, sd, st = schema.timeline_entries, schema.story_documents, schema.stories
APPLIED, ORPHANED = "applied", "orphaned"


@dataclass
class Pass:
    """One application of the log: the connection, the documents in scope (None: all), what it touched."""

    conn: Connection
    documents: set[str] | None
    touched: set[str | None] = field(default_factory=set)  # identities whose counts change
    stories: set[str] = field(default_factory=set)  # stories whose membership changed
    quote_groups: set[str] = field(default_factory=set)  # quote groups whose speakers changed
    named: set[str] = field(default_factory=set)  # identities merged or renamed: claim-denials say their name


def load_corrections(conn: Connection, include_undone: bool = False) -> list[Correction]:
    """The log, oldest first."""
    k = schema.corrections
    query = select(k).order_by(k.c.id)
    if not include_undone:
        query = query.where(k.c.status != "undone")
    return [Correction(r.id, r.kind, json.loads(r.anchor), json.loads(r.value), r.who, r.created_at, r.note,
                       r.status, r.detail, r.document) for r in conn.execute(query)]


def _phase(c: Correction) -> int:
    return 0 if c.is_identity else 1 if c.is_story else 2


def apply_corrections(conn: Connection, documents: Sequence[str] | None = None) -> list[tuple[int, str, str]]:
    """Apply the log to the rows (every correction, or those that can touch ``documents``); returns
    (id, status, detail) of each correction applied."""
    if conn.execute(select(func.count()).select_from(schema.corrections)).scalar() == 0:
        return []
    scope = set(documents) if documents is not None else None
    found = [c for c in load_corrections(conn) if scope is None or c.document is None or c.document in scope]
    p = Pass(conn, scope)
    results: list[tuple[int, str, str]] = []
    for phase in (0, 1, 2):
        for c in (c for c in found if _phase(c) == phase):
            status, detail = APPLIERS[c.kind if c.kind != "reject" else "reject-" + c.target](p, c)
            results.append((c.id, status, detail))
        if phase == 1 and p.stories:
            refresh_stories(conn, sorted(p.stories))
    if p.quote_groups:
        settle_quote_groups(conn, p.quote_groups)
    for identity in sorted(p.named):  # after story moves, which find their discrepancies again
        name_claim_denials(conn, identity)
    facts.recount_entities(conn, p.touched)
    _record(conn, [(i, s, d) for i, s, d in results if scope is None or _own(found, i, scope)], found)
    return results


def _own(found: list[Correction], correction_id: int, scope: set[str]) -> bool:
    """A pass over some documents says how a correction fares only if its anchor is in them."""
    return next(c.document in scope for c in found if c.id == correction_id)


def _record(conn: Connection, results: list[tuple[int, str, str]], found: list[Correction]) -> None:
    before = {c.id: (c.status, c.detail) for c in found}
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    k = schema.corrections
    for correction_id, status, detail in results:
        if before[correction_id] != (status, detail):
            conn.execute(update(k).where(k.c.id == correction_id).values(status=status, detail=detail, checked_at=now))


# --- identities -----------------------------------------------------------------------------------------


def _entity(conn: Connection, entity_id: str) -> Any:
    return conn.execute(select(e).where(e.c.id == entity_id)).first()


def _replace_actor(conn: Connection, old: str, new: str | None) -> None:
    """Timeline entries list their actors as JSON: swap one identity for another (or drop it)."""
    for r in conn.execute(select(t.c.story, t.c.position, t.c.actors).where(t.c.actors.like(f'%"{old}"%'))).all():
        actors = [new if a == old else a for a in json.loads(r.actors)]
        kept = [a for a in dict.fromkeys(actors) if a]
        conn.execute(update(t).where(t.c.story == r.story, t.c.position == r.position).values(actors=json.dumps(kept)))


def _merge(p: Pass, c: Correction) -> Outcome:
    a, b = (anchors.resolve_identity(p.conn, c.anchor[k]) for k in ("a", "b"))
    if b is None:
        return ORPHANED, f"no identity {c.anchor['b']['name']!r} any more"
    if a is None:
        return ORPHANED, f"no identity {c.anchor['a']['name']!r} any more"
    if a == b:
        _speak_as(p, b)
        return APPLIED, "one identity"
    old, new = _entity(p.conn, a), _entity(p.conn, b)
    facts.remap_identity(p.conn, a, b)
    _replace_actor(p.conn, a, b)
    aliases = [n for n in dict.fromkeys([*json.loads(new.aliases), old.name, *json.loads(old.aliases)])
               if n != new.name]
    p.conn.execute(update(e).where(e.c.id == b).values(aliases=json.dumps(aliases, ensure_ascii=False),
                                                        mentions=new.mentions + old.mentions))
    p.conn.execute(delete(e).where(e.c.id == a))
    p.touched.add(b)
    _speak_as(p, b)
    return APPLIED, f"merged {a} into {b}"


def _speak_as(p: Pass, identity: str) -> None:
    """A merged identity is shown by its own name wherever it speaks, claims or is accused (each document's
    quote keeps its words); its quote groups are settled again (two names for one speaker are no dispute)."""
    name = _entity(p.conn, identity).name
    p.conn.execute(update(q).where(q.c.speaker == identity, q.c.speaker_name.is_distinct_from(name))
                   .values(speaker_name=name))
    p.conn.execute(update(c_).where(c_.c.claimant == identity, c_.c.claimant_name.is_distinct_from(name))
                   .values(claimant_name=name))
    p.conn.execute(update(c_).where(c_.c.target == identity, c_.c.target_name.is_distinct_from(name))
                   .values(target_name=name))
    p.quote_groups.update(g for g in p.conn.execute(select(q.c.quote_group).where(
        q.c.speaker == identity, q.c.quote_group.is_not(None)).distinct()).scalars())
    p.named.add(identity)


def _point_local(conn: Connection, document: str, local: str, entity: str | None) -> None:
    """Every row of one document naming this local entity now names ``entity``."""
    for table, lc, ic in facts.ENTITY_COLUMNS:
        conn.execute(update(table).where(table.c.document == document, table.c[lc] == local).values({ic: entity}))


def split_identity_id(type_: str, document: str, name: str) -> str:
    """The identity a document's mentions are split into: the same id every time the split is applied."""
    digest = hashlib.sha1(f"split|{document}|{name}".encode()).hexdigest()[:9].upper()
    return ID_PREFIX.get(type_, "E") + "X" + digest


def _split(p: Pass, c: Correction) -> Outcome:
    doc, name = c.anchor["document"], c.anchor["name"]
    into = c.value.get("into") if isinstance(c.value, dict) else None
    target = anchors.resolve_identity(p.conn, into) if into else None
    if into and target is None:
        return ORPHANED, f"no identity {into['name']!r} to split into any more"
    if c.anchor.get("mention"):
        return _split_mention(p, c, target)
    rows = p.conn.execute(select(de).where(de.c.document == doc, de.c.name == name)).all()
    if not rows:
        return ORPHANED, f"no {name!r} in document {doc} any more"
    if target is None:
        target = split_identity_id(rows[0].type, doc, name)
        upsert(p.conn, e, [{"id": target, "type": rows[0].type, "name": name, "aliases": rows[0].aliases,
                            "mentions": len(rows)}], ["id"])
    for row in rows:
        if row.entity != target:
            _point_local(p.conn, doc, row.local_id, target)
            p.touched |= {row.entity, target}
    return APPLIED, f"{name} in {doc} is {target}"


def _split_mention(p: Pass, c: Correction, target: str | None) -> Outcome:
    start, end = c.anchor["mention"]
    doc = c.anchor["document"]
    row = anchors.resolve_fact(p.conn, "mention", {"document": doc, "start": start, "end": end})
    if row is None:
        return ORPHANED, f"no mention at {doc} {start}-{end} any more"
    m = schema.mentions
    if row.entity != target:
        p.conn.execute(update(m).where(m.c.document == doc, m.c.position == row.position).values(entity=target))
        p.touched |= {row.entity, target}
    name = _entity(p.conn, target).name if target else None
    p.conn.execute(update(q).where(q.c.document == doc, q.c.speaker_mention_start == row.start,
                                   q.c.speaker_mention_end == row.end, q.c.speaker.is_distinct_from(target))
                   .values(speaker=target, speaker_name=name, speaker_local=None,
                           speaker_kind="person" if target else None))
    return APPLIED, f"mention {row.text!r} in {doc} is {target or 'nobody known'}"


def _rename(p: Pass, c: Correction) -> Outcome:
    found = anchors.resolve_identity(p.conn, c.anchor)
    if found is None:
        return ORPHANED, f"no identity {c.anchor['name']!r} any more"
    new = c.value["name"]
    row = _entity(p.conn, found)
    if row.name != new:
        aliases = [n for n in dict.fromkeys([*json.loads(row.aliases), row.name]) if n != new]
        p.conn.execute(update(e).where(e.c.id == found).values(name=new, aliases=json.dumps(aliases,
                                                                                            ensure_ascii=False)))
    p.conn.execute(update(q).where(q.c.speaker == found, q.c.speaker_name.is_distinct_from(new))
                   .values(speaker_name=new))
    p.conn.execute(update(c_).where(c_.c.claimant == found).values(claimant_name=new))
    p.conn.execute(update(c_).where(c_.c.target == found).values(target_name=new))
    p.conn.execute(update(schema.quote_groups).where(schema.quote_groups.c.speaker == found).values(speaker_name=new))
    p.named.add(found)
    return APPLIED, f"{found} is {new!r}"


def _retype(p: Pass, c: Correction) -> Outcome:
    """The identity and its mentions change type; each document's own entity keeps the machine's type (so
    re-annotating a document keeps its link to the identity)."""
    found = anchors.resolve_identity(p.conn, c.anchor)
    if found is None:
        return ORPHANED, f"no identity {c.anchor['name']!r} any more"
    new = c.value["type"]
    p.conn.execute(update(e).where(e.c.id == found, e.c.type != new).values(type=new))
    m = schema.mentions
    p.conn.execute(update(m).where(m.c.entity == found, m.c.type != new).values(type=new))
    return APPLIED, f"{found} is {'an' if new == 'organisation' else 'a'} {new}"


def _reject_entity(p: Pass, c: Correction) -> Outcome:
    """Not a person (or not an organisation): every identity and document-local entity of that type and name
    goes, with its mentions, roles and actors; quotes and claims it was credited with lose their speaker."""
    type_, name = c.anchor["type"], c.anchor["name"]
    ids = anchors.identities_named(p.conn, type_, name)
    query = select(de.c.document, de.c.local_id, de.c.entity).where(
        de.c.type == type_, (de.c.name == name) | de.c.entity.in_(ids))
    if p.documents is not None:
        query = query.where(de.c.document.in_(sorted(p.documents)))
    pairs = p.conn.execute(query).all()
    for row in pairs:
        _drop_local(p.conn, row.document, row.local_id)
    for entity_id in ids:
        _replace_actor(p.conn, entity_id, None)
        p.conn.execute(update(schema.quote_groups).where(schema.quote_groups.c.speaker == entity_id)
                       .values(speaker=None, speaker_name=None))
        p.conn.execute(delete(e).where(e.c.id == entity_id))
    p.touched |= {row.entity for row in pairs}
    if not ids and not pairs:
        return APPLIED, f"nothing called {name!r} is a {type_} now"
    return APPLIED, f"{name!r} rejected: {_count(len(ids), 'identity', 'identities')}, " \
        f"{_count(len(pairs), 'document entity', 'document entities')}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _drop_local(conn: Connection, document: str, local: str) -> None:
    speaker = {"speaker": None, "speaker_local": None, "speaker_name": None, "speaker_kind": None,
               "speaker_mention_start": None, "speaker_mention_end": None}
    conn.execute(update(q).where(q.c.document == document, q.c.speaker_local == local).values(speaker))
    conn.execute(update(c_).where(c_.c.document == document, c_.c.claimant_local == local)
                 .values(claimant=None, claimant_local=None, claimant_name=None))
    conn.execute(update(c_).where(c_.c.document == document, c_.c.target_local == local)
                 .values(target=None, target_local=None, target_name=None))
    for table in (schema.roles, schema.event_actors, schema.mentions):
        conn.execute(delete(table).where(table.c.document == document, table.c.entity_local == local))
    conn.execute(delete(de).where(de.c.document == document, de.c.local_id == local))


# --- single facts ---------------------------------------------------------------------------------------


def _document_exists(conn: Connection, doc: str) -> bool:
    return conn.execute(select(schema.documents.c.id).where(schema.documents.c.id == doc)).first() is not None


def _drop_disputes(conn: Connection, document: str, start: int, end: int) -> None:
    """Discrepancies with a side inside a rejected fact go with it."""
    sp, x = schema.discrepancy_spans, schema.discrepancies
    ids = conn.execute(select(sp.c.discrepancy).where(sp.c.document == document, sp.c.start >= start,
                                                      sp.c.end <= end).distinct()).scalars().all()
    if ids:
        conn.execute(delete(x).where(x.c.id.in_(ids)))


def _reject_fact(kind: str) -> Callable[[Pass, Correction], Outcome]:
    def reject(p: Pass, c: Correction) -> Outcome:
        row = anchors.resolve_fact(p.conn, kind, c.anchor)
        doc = c.anchor["document"]
        spans = {(c.anchor["start"], c.anchor["end"])} | ({(row.start, row.end)} if row is not None else set())
        for start, end in spans:  # what linking made of it (written again by every relink) goes too
            _drop_linked(p.conn, kind, doc, start, end)
        if row is None:
            if _document_exists(p.conn, doc):
                return APPLIED, f"no {kind} shown at {doc} {c.anchor['start']}-{c.anchor['end']}"
            return ORPHANED, f"document {doc} is gone"
        if kind == "quote":
            p.touched.add(row.speaker)
        if kind == "event" and row.timex_start is not None:
            ts = schema.timeline_sources
            p.conn.execute(delete(ts).where(ts.c.document == doc, ts.c.timex_start == row.timex_start,
                                            ts.c.timex_end == row.timex_end))
        if kind == "claim":
            p.touched |= {row.claimant, row.target}
        table = anchors.FACT_TABLES[kind]
        p.conn.execute(delete(table).where(table.c.id == row.id))
        return APPLIED, f"{kind} {row.id} rejected"

    return reject


def _drop_linked(conn: Connection, kind: str, document: str, start: int, end: int) -> None:
    """The rows linking made of a rejected fact: its timeline entry and sources, its quote-group source, the
    discrepancies it is a side of."""
    if kind == "quote":
        _drop_quote_source(conn, document, start, end)
    if kind == "event":
        ts = schema.timeline_sources
        conn.execute(delete(ts).where(ts.c.document == document, ts.c.start == start, ts.c.end == end))
        conn.execute(delete(t).where(t.c.document == document, t.c.start == start, t.c.end == end))
    _drop_disputes(conn, document, start, end)


def _drop_quote_source(conn: Connection, document: str, start: int, end: int) -> None:
    g, s = schema.quote_groups, schema.quote_group_sources
    at = (s.c.document == document, s.c.start == start, s.c.end == end)
    groups = conn.execute(select(s.c.quote_group).where(*at)).scalars().all()
    if not groups:
        return
    conn.execute(delete(s).where(*at))
    for group in groups:
        left = conn.execute(select(func.count()).select_from(s).where(s.c.quote_group == group)).scalar() or 0
        conn.execute(update(g).where(g.c.id == group).values(sources=left))


def _speaker(p: Pass, c: Correction) -> Outcome:
    row = anchors.resolve_fact(p.conn, "quote", c.anchor)
    if row is None:
        return ORPHANED, f"no quote at {c.anchor['document']} {c.anchor['start']}-{c.anchor['end']} any more"
    who = c.value.get("speaker")
    values: dict[str, Any] = {"speaker": None, "speaker_local": None, "speaker_name": None, "speaker_kind": None,
                              "speaker_mention_start": None, "speaker_mention_end": None,
                              "speaker_description": None, "speaker_members": "[]"}
    if who is not None:
        found = anchors.resolve_identity(p.conn, who)
        if found is None:
            return ORPHANED, f"no identity {who['name']!r} any more"
        entity = _entity(p.conn, found)
        local = p.conn.execute(select(de.c.local_id).where(de.c.document == row.document, de.c.entity == found)
                               .order_by(de.c.local_id).limit(1)).scalar()
        values.update(speaker=found, speaker_local=local, speaker_name=entity.name, speaker_kind=entity.type,
                      confidence=1.0)
    if any(getattr(row, k) != v for k, v in values.items()):
        p.conn.execute(update(q).where(q.c.id == row.id).values(values))
        p.touched |= {row.speaker, values["speaker"]}
    p.touched |= follow_speaker(p.conn, row.id, row.quote_group, values)
    if row.quote_group is not None:
        p.quote_groups.add(row.quote_group)
    return APPLIED, f"{row.id} said by {values['speaker_name'] or 'nobody known'}"


def _date(p: Pass, c: Correction) -> Outcome:
    row = anchors.resolve_fact(p.conn, "event", c.anchor)
    if row is None:
        return ORPHANED, f"no event at {c.anchor['document']} {c.anchor['start']}-{c.anchor['end']} any more"
    value, precision = c.value["date"], c.value["precision"]
    first, last = day_span(value)
    dated = {"date": value, "precision": precision, "inferred": False, "start_day": first, "end_day": last,
             "date_sort": date_sort(value)}
    if (row.date, row.precision, bool(row.inferred), row.story_date) != (value, precision, False, None):
        p.conn.execute(update(ev).where(ev.c.id == row.id).values(**dated, story_date=None))
    ts = schema.timeline_sources
    p.conn.execute(update(ts).where(ts.c.document == row.document, ts.c.timex_start == row.timex_start,
                                    ts.c.timex_end == row.timex_end, (ts.c.date != value) | ts.c.inferred)
                   .values(date=value, inferred=False))
    entries = p.conn.execute(select(t.c.story, t.c.date, t.c.precision, t.c.inferred).where(t.c.event == row.id)).all()
    for entry in entries:
        if (entry.date, entry.precision, bool(entry.inferred)) != (value, precision, False):
            p.conn.execute(update(t).where(t.c.event == row.id).values(**dated))
            renumber_timeline(p.conn, entry.story)
    return APPLIED, f"{row.id} dated {value} ({precision})"


def renumber_timeline(conn: Connection, story: str) -> None:
    """Put a story's merged timeline back in date order after a date changed (its sources follow their entry)."""
    ts = schema.timeline_sources
    entries = [dict(r._mapping) for r in conn.execute(select(t).where(t.c.story == story)
                                                      .order_by(t.c.date_sort, t.c.position))]
    moved = {entry["position"]: i for i, entry in enumerate(entries)}
    sources = [dict(r._mapping) for r in conn.execute(select(ts).where(ts.c.story == story))]
    conn.execute(delete(ts).where(ts.c.story == story))
    conn.execute(delete(t).where(t.c.story == story))
    if entries:
        conn.execute(insert(t), [{**r, "position": moved[r["position"]]} for r in entries])
    if sources:
        conn.execute(insert(ts), [{**r, "entry": moved[r["entry"]]} for r in sources])


# --- stories and storylines -------------------------------------------------------------------------------


def new_story_id(document: str) -> str:
    """The name linking gives the story of its own too (so it stays the same through relinking)."""
    from storyline.link.stories import own_story_id

    return own_story_id(document)


def _move(p: Pass, c: Correction) -> Outcome:
    doc = c.anchor["document"]
    title = p.conn.execute(select(schema.documents.c.title).where(schema.documents.c.id == doc)).first()
    if title is None:
        return ORPHANED, f"document {doc} is gone"
    if c.value.get("new"):
        target: str | None = new_story_id(doc)
    else:
        target = anchors.resolve_story(p.conn, c.value["story"], without=doc)
        if target is None:
            return ORPHANED, f"no story with the documents of {c.value['story']['title']!r} any more"
    current = p.conn.execute(select(sd.c.story).where(sd.c.document == doc)).scalar()
    if current == target:  # linking filed it there itself (storyline.link.stories.file_pinned)
        return APPLIED, f"{doc} is in {target}"
    if p.conn.execute(select(st.c.id).where(st.c.id == target)).first() is None:
        p.conn.execute(insert(st).values(id=target, title=title.title or doc, size=0))
    p.conn.execute(delete(sd).where(sd.c.document == doc))
    last = p.conn.execute(select(func.max(sd.c.position)).where(sd.c.story == target)).scalar()
    p.conn.execute(insert(sd).values(document=doc, story=target, position=(last if last is not None else -1) + 1))
    facts.set_story(p.conn, target, [doc])
    p.stories |= {s for s in (current, target) if s}
    return APPLIED, f"{doc} moved to {target}"


def _line_of(conn: Connection, story: str) -> str | None:
    return conn.execute(select(st.c.storyline).where(st.c.id == story)).scalar()


def renumber_storyline(conn: Connection, line: str) -> None:
    """A storyline's stories in date order; a storyline left with fewer than two stories goes."""
    ss, sl = schema.storyline_stories, schema.storylines
    members = conn.execute(select(st.c.id).where(st.c.storyline == line)
                           .order_by(st.c.first_day.is_(None), st.c.first_day, st.c.id)).scalars().all()
    conn.execute(delete(ss).where(ss.c.storyline == line))
    if len(members) < 2:
        conn.execute(update(st).where(st.c.storyline == line).values(storyline=None))
        conn.execute(delete(sl).where(sl.c.id == line))
        return
    conn.execute(insert(ss), [{"storyline": line, "position": i, "story": s} for i, s in enumerate(members)])


def _join(p: Pass, c: Correction) -> Outcome:
    a, b = (anchors.resolve_story(p.conn, c.anchor[k]) for k in ("a", "b"))
    if a is None or b is None:
        gone = c.anchor["a"] if a is None else c.anchor["b"]
        return ORPHANED, f"no story with the documents of {gone['title']!r} any more"
    la, lb = _line_of(p.conn, a), _line_of(p.conn, b)
    if la is not None and la == lb:
        return APPLIED, f"{a} and {b} are in {la}"
    sl = schema.storylines
    target = la or lb or "line-x" + hashlib.sha1("|".join(sorted((a, b))).encode()).hexdigest()[:12]
    if p.conn.execute(select(sl.c.id).where(sl.c.id == target)).first() is None:
        title = p.conn.execute(select(st.c.title).where(st.c.id == a)).scalar()
        p.conn.execute(insert(sl).values(id=target, title=title or a))
    moving = {a, b} | set(p.conn.execute(select(st.c.id).where(st.c.storyline.in_([x for x in (la, lb) if x])))
                          .scalars())
    p.conn.execute(update(st).where(st.c.id.in_(sorted(moving))).values(storyline=target))
    for line in {la, lb} - {None, target}:
        p.conn.execute(delete(sl).where(sl.c.id == line))
    renumber_storyline(p.conn, target)
    return APPLIED, f"{a} and {b} are in {target}"


def _unjoin(p: Pass, c: Correction) -> Outcome:
    story = anchors.resolve_story(p.conn, c.anchor["story"])
    if story is None:
        return ORPHANED, f"no story with the documents of {c.anchor['story']['title']!r} any more"
    line = _line_of(p.conn, story)
    if line is None:
        return APPLIED, f"{story} is in no storyline"
    p.conn.execute(update(st).where(st.c.id == story).values(storyline=None))
    renumber_storyline(p.conn, line)
    return APPLIED, f"{story} taken out of {line}"


def refresh_stories(conn: Connection, ids: Sequence[str]) -> None:
    """After documents moved: each story's size and dates, its merged timeline and its discrepancies, made
    by the linking code from its documents as they are now (a story left empty goes)."""
    from storyline.corrections.stories import refresh_story_rows

    refresh_story_rows(conn, ids)


APPLIERS: dict[str, Callable[[Pass, Correction], Outcome]] = {
    "merge": _merge, "split": _split, "rename": _rename, "type": _retype, "reject-entity": _reject_entity,
    "reject-quote": _reject_fact("quote"), "reject-claim": _reject_fact("claim"), "reject-event": _reject_fact("event"),
    "speaker": _speaker, "date": _date, "story": _move, "storyline-join": _join, "storyline-split": _unjoin,
}
assert set(IDENTITY_KINDS) | set(FACT_KINDS) | set(STORY_KINDS) <= set(APPLIERS)
