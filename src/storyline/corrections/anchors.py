"""Stable anchors: made from the rows a reporter sees, found again in the rows after any relink.

* a fact (quote, claim, event, mention) is its document and character span; found again at the same
  span, else at the span of its kind in that document that overlaps it most (at least ``MIN_OVERLAP``
  of the two together), so a re-annotation that moves a quote's edge by a character keeps it;
* an identity is its type, name, surname and up to ``MEMBERS`` (document, local name) pairs: found again
  as the identity of that name (or alias); when several share it, the one holding most of those pairs;
  when none has it any more (linking chose a fuller name), the identity holding most of the pairs,
  if its surname agrees;
* a story is some of its documents: found again as the story holding most of them.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import Connection, Table, and_, func, or_, select, tuple_

from storyline.link.identity import normalise_name, person_name_parts
from storyline.store import schema

__all__ = [
    "fact_anchor", "identity_anchor", "identities_named", "resolve_fact", "resolve_identity", "resolve_story",
    "story_anchor", "surname_of",
]

MEMBERS = 20  # (document, local name) pairs kept per identity anchor
STORY_DOCUMENTS = 10  # documents kept per story anchor
MIN_OVERLAP = 0.6
FACT_TABLES: dict[str, Table] = {"quote": schema.quotes, "claim": schema.claims, "event": schema.events,
                                 "mention": schema.mentions}
e, de, sd = schema.entities, schema.document_entities, schema.story_documents

Anchor = dict[str, Any]


def surname_of(type_: str, name: str) -> str:
    """The key an identity's name is filed under: a person's surname, else the whole normalised name."""
    if type_ == "person":
        tokens, _ = person_name_parts(name)
        return tokens[-1] if tokens else normalise_name(name)
    return normalise_name(name)


# --- identities -----------------------------------------------------------------------------------------


def identity_anchor(conn: Connection, entity_id: str) -> Anchor | None:
    """An identity as the reporter sees it now (None when there is no such identity)."""
    row = conn.execute(select(e.c.id, e.c.type, e.c.name).where(e.c.id == entity_id)).first()
    if row is None:
        return None
    members = conn.execute(select(de.c.document, de.c.name).where(de.c.entity == entity_id).distinct()
                           .order_by(de.c.document, de.c.name).limit(MEMBERS)).all()
    return {"id": row.id, "type": row.type, "name": row.name, "surname": surname_of(row.type, row.name),
            "members": [[m.document, m.name] for m in members]}


def _named(conn: Connection, name: str) -> list[Any]:
    """Identities with this name, else those with it among their aliases."""
    exact = conn.execute(select(e.c.id, e.c.type, e.c.name).where(e.c.name == name).order_by(e.c.id)).all()
    if exact or len(name) > 1_000:  # no alias is longer (and SQLite refuses very long LIKE patterns)
        return list(exact)
    pattern = "%" + json.dumps(name, ensure_ascii=False).replace("%", "").replace("_", "\\_") + "%"
    found = conn.execute(select(e.c.id, e.c.type, e.c.name, e.c.aliases)
                         .where(e.c.aliases.like(pattern, escape="\\")).order_by(e.c.id)).all()
    return [r for r in found if name in json.loads(r.aliases)]


def _member_votes(conn: Connection, anchor: Anchor) -> Counter[str]:
    pairs = [tuple(m) for m in anchor.get("members") or []]
    if not pairs:
        return Counter()
    found = conn.execute(select(de.c.entity).where(tuple_(de.c.document, de.c.name).in_(pairs),
                                                   de.c.entity.is_not(None)))
    return Counter(found.scalars())


def resolve_identity(conn: Connection, anchor: Anchor) -> str | None:
    """The identity an anchor means today (None when it is gone or cannot be told apart)."""
    named = _named(conn, anchor["name"])
    typed = [r for r in named if r.type == anchor["type"]] or named
    if len(typed) == 1:
        return str(typed[0].id)
    votes = _member_votes(conn, anchor)
    if typed:
        ranked = sorted(typed, key=lambda r: (-votes[r.id], r.id))
        return str(ranked[0].id) if votes[ranked[0].id] > votes[ranked[1].id] else None
    for entity_id, _ in votes.most_common():
        row = conn.execute(select(e.c.type, e.c.name).where(e.c.id == entity_id)).first()
        if row is not None and surname_of(row.type, row.name) == anchor.get("surname"):
            return entity_id
    return None


def identities_named(conn: Connection, type_: str, name: str) -> list[str]:
    """Every identity of this type called exactly ``name``."""
    return list(conn.execute(select(e.c.id).where(e.c.type == type_, e.c.name == name)).scalars())


# --- facts ----------------------------------------------------------------------------------------------


def fact_anchor(conn: Connection, kind: str, fact_id: str) -> Anchor | None:
    """A quote, claim or event by its id, as document, span and the words of the source."""
    table, d = FACT_TABLES[kind], schema.documents
    text = func.substr(d.c.text, table.c.start + 1, table.c.end - table.c.start)
    row = conn.execute(select(table.c.id, table.c.document, table.c.start, table.c.end, text.label("words"))
                       .select_from(table.join(d, d.c.id == table.c.document)).where(table.c.id == fact_id)).first()
    if row is None:
        return None
    return {"id": row.id, "document": row.document, "start": row.start, "end": row.end, "text": row.words}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inner = min(a[1], b[1]) - max(a[0], b[0])
    outer = max(a[1], b[1]) - min(a[0], b[0])
    return inner / outer if inner > 0 and outer > 0 else 0.0


def resolve_fact(conn: Connection, kind: str, anchor: Anchor) -> Any | None:
    """The row of this kind at the anchor's span today (or the one overlapping it most), or None."""
    table = FACT_TABLES[kind]
    start, end = anchor["start"], anchor["end"]
    rows = conn.execute(select(table).where(table.c.document == anchor["document"], table.c.start < end,
                                            table.c.end > start)).all()
    scored = sorted(((_overlap((r.start, r.end), (start, end)), r.start, r) for r in rows), key=lambda x: (-x[0], x[1]))
    return scored[0][2] if scored and scored[0][0] >= MIN_OVERLAP else None


# --- stories --------------------------------------------------------------------------------------------


def story_anchor(conn: Connection, story_id: str) -> Anchor | None:
    """A story as some of its documents (and its title, to say which it was)."""
    st = schema.stories
    row = conn.execute(select(st.c.id, st.c.title).where(st.c.id == story_id)).first()
    if row is None:
        return None
    docs = conn.execute(select(sd.c.document).where(sd.c.story == story_id).order_by(sd.c.position)
                        .limit(STORY_DOCUMENTS)).scalars().all()
    return {"id": row.id, "title": row.title, "documents": list(docs)}


def resolve_story(conn: Connection, anchor: Anchor, without: str | None = None) -> str | None:
    """The story holding most of the anchor's documents (``without`` one document: the one being moved)."""
    docs = [d for d in anchor.get("documents") or [] if d != without]
    if not docs:
        return None
    found = Counter(conn.execute(select(sd.c.story).where(sd.c.document.in_(docs))).scalars())
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0]


def document_pairs(conn: Connection, pairs: list[tuple[str, str]]) -> Any:
    """SQL condition: document-local rows of these (document, local id) pairs (helper for appliers)."""
    return or_(*(and_(de.c.document == d, de.c.local_id == local) for d, local in pairs))
