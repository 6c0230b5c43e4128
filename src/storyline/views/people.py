"""Who's who: identities ranked by how often they are quoted, and one identity's page."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, case, func, or_, select

from storyline.store import Store, schema
from storyline.store.rows import date_of_sort
from storyline.views import base
from storyline.views.claims import claim_rows
from storyline.views.model import Page, Person, PersonSummary, QuoteRow, RolePeriod, RoleSource, StorySummary
from storyline.views.quotes import quote_query, quote_row
from storyline.views.stories import story_summaries

__all__ = ["distinct_roles", "people", "person", "role_periods", "roles_of"]

KINDS = ("person", "organisation", "place")
ROLE_SOURCES = 200  # sources listed per identity on its page
e, r = schema.entities, schema.roles


def distinct_roles(names: Iterable[str]) -> list[str]:
    """Role names without repeats: case and apostrophe variants once, a bare word dropped when a fuller role has it.

    ``["Mayor", "mayor", "council leader", "leader"]`` -> ``["council leader", "mayor"]``.
    """
    forms: dict[str, str] = {}
    for role in names:
        name = " ".join(str(role or "").split())
        key = name.lower().replace("’", "'")
        if key and (key not in forms or _form_rank(name) < _form_rank(forms[key])):
            forms[key] = name  # the lower-case form wins: "mayor" over "Mayor"; then the first by code point
    keys = [k for k in forms if not any(o != k and o.endswith(" " + k) for o in forms)]
    return sorted((forms[k] for k in keys), key=str.lower)


def _form_rank(name: str) -> tuple[bool, str]:
    """Which spelling of one role to show, whatever order the rows come in (backends order them differently)."""
    return not name.islower(), name


def people(store: Store, kind: str = "person", limit: int = 50, offset: int = 0) -> Page[PersonSummary]:
    """Identities of one kind, most quoted first (then most roles, then by name), with their role names."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    query = (select(e).where(e.c.type == kind).order_by(e.c.quote_count.desc(), e.c.role_count.desc(), e.c.name)
             .limit(limit + 1).offset(offset))
    with base.reading(store) as conn:
        rows = list(conn.execute(query))
        total = int(conn.execute(select(func.count()).select_from(e).where(e.c.type == kind)).scalar() or 0)
        names = _role_names(conn, [row.id for row in rows[:limit]])
    return base.page([_summary(row, names.get(row.id, [])) for row in rows], offset, limit, total)


def _summary(row: Any, roles: list[str]) -> PersonSummary:
    return PersonSummary(row.id, row.type, row.name, json.loads(row.aliases), roles, row.quote_count, row.mentions,
                         row.document_count)


def _role_names(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if ids:
        for row in conn.execute(select(r.c.entity, r.c.role).where(r.c.entity.in_(ids)).distinct()):
            found.setdefault(row.entity, []).append(row.role)
    return {entity: distinct_roles(names) for entity, names in found.items()}


def role_periods(conn: Connection, entity: str, documents: Sequence[str] | None = None,
                 sources: int = ROLE_SOURCES) -> list[RolePeriod]:
    """Each role of an identity once ("Mayor" and "mayor" are one), with the dates it is reported over,
    its organisations and (up to ``sources``) the spans it was read from; optionally within some documents."""
    return roles_of(conn, [entity], documents, sources).get(entity, [])


def roles_of(conn: Connection, entities: Sequence[str], documents: Sequence[str] | None = None,
             sources: int = ROLE_SOURCES) -> dict[str, list[RolePeriod]]:
    """:func:`role_periods` of several identities at once (``sources`` spans listed per identity)."""
    where = [r.c.entity.in_(list(entities))] + ([r.c.document.in_(list(documents))] if documents is not None else [])
    dated = case((r.c.date.is_not(None), r.c.date_sort))
    grouped = conn.execute(
        select(r.c.entity, r.c.role_key, r.c.role, r.c.organisation, func.count().label("n"),
               func.min(r.c.date_sort).label("first"), func.max(dated).label("last"))
        .where(*where).group_by(r.c.entity, r.c.role_key, r.c.role, r.c.organisation))
    periods: dict[str, dict[str, dict[str, Any]]] = {}
    for row in grouped:
        p = periods.setdefault(row.entity, {}).setdefault(
            row.role_key, {"forms": {}, "orgs": {}, "first": row.first, "last": row.last, "n": 0})
        p["forms"][row.role] = p["forms"].get(row.role, 0) + row.n
        if row.organisation:
            p["orgs"][row.organisation] = p["orgs"].get(row.organisation, 0) + row.n
        p["first"], p["n"] = min(p["first"], row.first), p["n"] + row.n
        p["last"] = max(filter(None, (p["last"], row.last)), default=None)
    spans = _role_sources(conn, where, sources * len(entities), sources)
    return {entity: _periods(found, spans.get(entity, {})) for entity, found in periods.items()}


def _periods(periods: dict[str, dict[str, Any]], spans: dict[str, list[RoleSource]]) -> list[RolePeriod]:
    ordered = sorted(periods.items(), key=lambda kv: (kv[1]["first"], kv[0]))
    return [RolePeriod(_form(p["forms"]), sorted(p["orgs"], key=lambda o: (-p["orgs"][o], o)),
                       date_of_sort(p["first"]), date_of_sort(p["last"]) or date_of_sort(p["first"]), p["n"],
                       spans.get(key, [])) for key, p in ordered]


def _form(forms: dict[str, int]) -> str:
    """The spelling of a role to show: the lower-case one if any, else the most used."""
    lower = [f for f in forms if f.islower()]
    return min(lower or forms, key=lambda f: (-forms[f], f))


def _role_sources(conn: Connection, where: list[Any], limit: int, per_entity: int
                  ) -> dict[str, dict[str, list[RoleSource]]]:
    """Entity -> role key -> the spans it was read from, earliest first (``per_entity`` each, ``limit`` read)."""
    query = (select(r.c.entity, r.c.role_key, r.c.document, r.c.start, r.c.end, r.c.date).where(*where)
             .order_by(r.c.date_sort, r.c.document, r.c.start).limit(limit))
    rows = list(conn.execute(query))
    names = base.titles(conn, [row.document for row in rows])
    out: dict[str, dict[str, list[RoleSource]]] = {}
    taken: dict[str, int] = {}
    for row in rows:
        if taken.get(row.entity, 0) >= per_entity:
            continue
        taken[row.entity] = taken.get(row.entity, 0) + 1
        out.setdefault(row.entity, {}).setdefault(row.role_key, []).append(
            RoleSource(row.document, row.start, row.end, row.date, names.get(row.document)))
    return out


def person(store: Store, entity_id: str, limit: int = 50) -> Person | None:
    """One identity's page: roles, quotes (the first ``limit``), claims by or against it, stories, documents."""
    with base.reading(store) as conn:
        row = conn.execute(select(e).where(e.c.id == entity_id)).first()
        if row is None:
            return None
        quotes = _quotes(conn, entity_id, limit)
        c = schema.claims
        claims = claim_rows(conn, or_(c.c.claimant == entity_id, c.c.target == entity_id), limit=200)
        return Person(_summary(row, _role_names(conn, [entity_id]).get(entity_id, [])),
                      role_periods(conn, entity_id), quotes, claims, _stories(conn, entity_id),
                      _documents(conn, entity_id, limit))


def _quotes(conn: Connection, entity_id: str, limit: int) -> Page[QuoteRow]:
    q = schema.quotes
    rows = conn.execute(quote_query().where(q.c.speaker == entity_id)
                        .order_by(q.c.date_sort, q.c.document, q.c.position).limit(limit + 1))
    return base.page([quote_row(x) for x in rows], 0, limit)


def _stories(conn: Connection, entity_id: str, limit: int = 100) -> list[StorySummary]:
    de, sd, st = schema.document_entities, schema.story_documents, schema.stories
    ids = select(sd.c.story).join(de, de.c.document == sd.c.document).where(de.c.entity == entity_id)
    return story_summaries(conn, st.c.id.in_(ids), limit=limit).items


def _documents(conn: Connection, entity_id: str, limit: int) -> Page[Any]:
    de, d = schema.document_entities, schema.documents
    query = (base.summaries_query().where(d.c.id.in_(select(de.c.document).where(de.c.entity == entity_id)))
             .order_by(d.c.date_sort.desc(), d.c.id).limit(limit + 1))
    return base.page([base.summary(x) for x in conn.execute(query)], 0, limit)
