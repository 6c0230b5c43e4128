"""Stories: the list (with filters), and one story's dossier."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, true

from storyline import timex3
from storyline.answers import unanswered_groups
from storyline.store import Store, schema
from storyline.views import base
from storyline.views.claims import group_claims, story_claims
from storyline.views.model import (
    Block,
    EvidenceItem,
    EvidenceSpan,
    SpeakerQuotes,
    CopiedFrom,
    CopiedPassage,
    DiscrepancyRow,
    DocumentSummary,
    EntityRef,
    Page,
    Side,
    StoryDossier,
    StoryClaim,
    StoryPerson,
    StorySummary,
)
from storyline.views.quotes import by_speaker, story_quotes
from storyline.views.timeline import story_timeline

__all__ = ["FULL", "PAGE_LIMITS", "DossierLimits", "StoryFilters", "find_story", "stories", "story_dossier",
           "story_summaries"]

SECTION_LIMIT = 2000  # rows read per section of a dossier (quotes, claims, copied passages)
PEOPLE_SHOWN = 4  # people named per story in lists
st, sl, sd = schema.stories, schema.storylines, schema.story_documents
d, de, e = schema.documents, schema.document_entities, schema.entities


@dataclass(frozen=True)
class StoryFilters:
    """Story list filters: dates (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), a person or organisation (name
    substring or identity id) named in the story, a source (site, host or file name substring)."""

    date_from: str = ""
    date_to: str = ""
    person: str = ""
    organisation: str = ""
    source: str = ""

    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.person, self.organisation, self.source))


def _names(kind: str, wanted: str) -> Any:
    """SQL: the story names an identity of this kind whose id is ``wanted`` or whose name contains it
    (the identities found once, then their stories through the documents naming them)."""
    identities = select(e.c.id).where(e.c.type == kind, or_(e.c.id == wanted, base.contains(e.c.name, wanted)))
    return st.c.id.in_(select(sd.c.story).join(de, de.c.document == sd.c.document)
                       .where(de.c.entity.in_(identities)))


def _filters(f: StoryFilters) -> list[Any]:
    where: list[Any] = []
    if f.date_from:
        span = timex3.interval(f.date_from)
        if span is None:
            raise ValueError(f"unreadable date {f.date_from!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
        where.append(st.c.last_day >= span[0].toordinal())
    if f.date_to:
        span = timex3.interval(f.date_to)
        if span is None:
            raise ValueError(f"unreadable date {f.date_to!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
        where.append(st.c.first_day <= span[1].toordinal())
    if f.person:
        where.append(_names("person", f.person))
    if f.organisation:
        where.append(_names("organisation", f.organisation))
    if f.source:
        sites = select(sd.c.story).join(d, d.c.id == sd.c.document).where(
            base.contains(d.c.site, f.source))
        where.append(st.c.id.in_(sites))
    return where


def story_summaries(conn: Connection, where: Any, limit: int, offset: int = 0, newest_first: bool = False,
                    details: bool = False) -> Page[StorySummary]:
    """Stories matching ``where``: oldest first, or newest (by last date) first; ``details`` adds people and sites."""
    query = select(st, sl.c.title.label("storyline_title")).select_from(st.outerjoin(sl, sl.c.id == st.c.storyline))
    if newest_first:
        latest = func.coalesce(st.c.last_date, st.c.first_date)
        query = query.order_by(latest.is_(None), latest.desc(), st.c.first_date, st.c.id)
    else:
        query = query.order_by(st.c.first_day.is_(None), st.c.first_day, st.c.first_date, st.c.id)
    rows = list(conn.execute(query.where(where).limit(limit + 1).offset(offset)))
    people, sites = _details(conn, [r.id for r in rows[:limit]]) if details else ({}, {})
    items = [StorySummary(r.id, r.title, r.first_date, r.last_date, r.size, r.storyline, r.storyline_title,
                          people.get(r.id, []), sites.get(r.id, [])) for r in rows]
    return base.page(items, offset, limit)


def _details(conn: Connection, ids: Sequence[str]) -> tuple[dict[str, list[EntityRef]], dict[str, list[str]]]:
    """The people most often named in each story, and the sites its documents come from."""
    if not ids:
        return {}, {}
    named = conn.execute(select(sd.c.story, e.c.id, e.c.name, func.count().label("n"))
                         .select_from(sd.join(de, de.c.document == sd.c.document).join(e, e.c.id == de.c.entity))
                         .where(sd.c.story.in_(ids), e.c.type == "person").group_by(sd.c.story, e.c.id, e.c.name))
    people: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for r in named:
        people[r.story].append((-r.n, r.name, r.id))
    site_rows = conn.execute(select(sd.c.story, d.c.site).select_from(sd.join(d, d.c.id == sd.c.document))
                             .where(sd.c.story.in_(ids)).distinct())
    sites: dict[str, set[str]] = defaultdict(set)
    for r in site_rows:
        sites[r.story].add(r.site or "")
    return ({s: [EntityRef(i, n) for _, n, i in sorted(found)[:PEOPLE_SHOWN]] for s, found in people.items()},
            {s: sorted(found) for s, found in sites.items()})


def stories(store: Store, limit: int = 50, offset: int = 0, filters: StoryFilters | None = None,
            newest_first: bool = False, details: bool = False) -> Page[StorySummary]:
    """Stories with their date range, size and storyline (oldest first, or newest first), filtered."""
    where = _filters(filters) if filters else []
    with base.reading(store) as conn:
        page = story_summaries(conn, and_(true(), *where), limit, offset, newest_first, details)
        total = int(conn.execute(select(func.count()).select_from(st).where(*where)).scalar() or 0)
    return Page(page.items, page.offset, page.limit, page.more, total)


def find_story(store: Store, ref: str) -> str | None:
    """A story id from an id or a unique id prefix."""
    with base.reading(store) as conn:
        return base.resolve_prefix(conn, st.c.id, ref)


@dataclass(frozen=True)
class DossierLimits:
    """How many rows of each section a dossier lists (the rest are counted in ``StoryDossier.more``)."""

    people: int = 40
    events: int = 150
    quotes: int = 150
    claims: int = 100
    copied_sources: int = 12  # documents listed as sources of copied passages
    copied_passages: int = 5  # passages listed per source
    discrepancies: int = 40


PAGE_LIMITS = DossierLimits()  # a web page or the terminal: quick to read and to render
FULL = DossierLimits(SECTION_LIMIT, SECTION_LIMIT, SECTION_LIMIT, SECTION_LIMIT, 200, 20, 500)  # reports, JSON API


def story_dossier(store: Store, ref: str, limits: DossierLimits = PAGE_LIMITS) -> StoryDossier | None:
    """Everything about one story (id or unique prefix): bounded by the story's size, never the corpus's,
    and each section by ``limits``."""
    with base.reading(store) as conn:
        story_id = base.resolve_prefix(conn, st.c.id, ref)
        if story_id is None:
            return None
        summary = story_summaries(conn, st.c.id == story_id, 1).items[0]
        documents = _sources(conn, story_id)
        ids = [doc.id for doc in documents]
        order = {doc_id: i for i, doc_id in enumerate(ids)}
        more: dict[str, int] = {}
        people = _story_people(conn, ids, limits.people, more)
        copied, more["copied"] = _copied(conn, ids, order, limits)
        discrepancies, more["discrepancies"] = _discrepancies(conn, story_id, limits.discrepancies)
        timeline = story_timeline(conn, story_id, limit=limits.events + 1)
        claims = group_claims(story_claims(conn, ids, SECTION_LIMIT), order)
        quotes = _first_quotes(by_speaker(story_quotes(conn, story_id, ids, SECTION_LIMIT), order), limits.quotes,
                               more)
        if len(timeline) > limits.events:
            more["events"] = _timeline_size(conn, story_id) - limits.events
        more["claims"] = max(0, len(claims) - limits.claims)
        dossier = StoryDossier(
            story=summary, documents=documents, evidence=_evidence(conn, schema.story_evidence, "story", story_id),
            storyline_evidence=_evidence(conn, schema.storyline_evidence, "storyline", summary.storyline),
            unanswered=_unanswered(conn, ids, claims),
            people=[p for p in people if p.type == "person"],
            organisations=[p for p in people if p.type == "organisation"],
            timeline=timeline[: limits.events], quotes=quotes, claims=claims[: limits.claims], copied=copied,
            discrepancies=discrepancies, storyline_stories=_storyline(conn, summary.storyline),
            more={k: v for k, v in more.items() if v > 0},
        )
        dossier.versions = _versions(conn, ids)
        dossier.blocks = _blocks(conn, _cited(dossier))
        return dossier


def _evidence(conn: Connection, table: Any, owner: str, key: str | None) -> list[EvidenceItem]:
    """Why the members of a story (or storyline) belong together, each shared item with the text of its spans."""
    if key is None:
        return []
    rows = list(conn.execute(select(table).where(table.c[owner] == key).order_by(table.c.position)))
    spans = {r.position: [(s["document"], s["start"], s["end"]) for s in json.loads(r.spans)] for r in rows}
    text = base.excerpts(conn, [x for found in spans.values() for x in found], context=0)
    return [EvidenceItem(r.kind, r.value, r.documents,
                         [EvidenceSpan(doc, start, end, text[(doc, start, end)].span)
                          for doc, start, end in spans[r.position] if (doc, start, end) in text], bool(r.inferred))
            for r in rows]


def _unanswered(conn: Connection, ids: list[str], claims: list[StoryClaim]) -> list[StoryClaim]:
    """The story's claims (kind ``claim``, each once with every document carrying it) that no ``claim-denial``
    discrepancy pairs with a denial: a denial of the claim in one version answers it in all."""
    x, sp = schema.discrepancies, schema.discrepancy_spans
    answered: set[tuple[str, int, int]] = set()
    for part in base.parts(ids):
        found = conn.execute(select(sp.c.document, sp.c.start, sp.c.end).join(x, x.c.id == sp.c.discrepancy)
                             .where(sp.c.document.in_(part), x.c.kind == "claim-denial"))
        answered |= {(r.document, r.start, r.end) for r in found}
    return unanswered_groups(claims, answered)


def _versions(conn: Connection, ids: list[str]) -> list[Any]:
    from storyline.views.versions import story_versions

    return story_versions(conn, ids)


def _cited(d: StoryDossier) -> list[str]:
    """The documents a dossier points into (their layout says which paragraph a span is in)."""
    found = {e.document for e in d.timeline}
    found |= {s.document for c in [*d.claims, *d.unanswered] for s in c.sources}
    found |= {s.document for group in d.quotes for q in group.quotes for s in q.sources}
    found |= {side.document for x in d.discrepancies for side in x.sides}
    found |= {side.document for g in d.copied for p in g.passages for side in (p.copy, p.original)}
    found |= {s.document for p in d.people + d.organisations for r in p.roles for s in r.sources}
    found |= {x for v in d.versions for x in (v.a, v.b)}
    return sorted(found)


def _timeline_size(conn: Connection, story_id: str) -> int:
    t, ev = schema.timeline_entries, schema.events
    merged = conn.execute(select(func.count()).select_from(t).where(t.c.story == story_id)).scalar() or 0
    return int(merged or conn.execute(select(func.count()).select_from(ev).where(ev.c.story == story_id)).scalar() or 0)


def _first_quotes(speakers: list[SpeakerQuotes], limit: int, more: dict[str, int]) -> list[SpeakerQuotes]:
    """The speakers in order with their quotes, up to ``limit`` quotes in all (the rest counted in ``more``)."""
    kept: list[SpeakerQuotes] = []
    room = limit
    for speaker in speakers:
        if room <= 0:
            more["speakers"] = more.get("speakers", 0) + 1
            more["quotes"] = more.get("quotes", 0) + len(speaker.quotes)
            continue
        kept.append(SpeakerQuotes(speaker.name, speaker.speaker, speaker.quotes[:room]))
        more["quotes"] = more.get("quotes", 0) + max(0, len(speaker.quotes) - room)
        room -= len(kept[-1].quotes)
    return kept


def _sources(conn: Connection, story_id: str) -> list[DocumentSummary]:
    query = base.summaries_query().where(sd.c.story == story_id).order_by(d.c.date_sort, d.c.id)
    return [base.summary(r) for r in conn.execute(query)]


def _story_people(conn: Connection, ids: list[str], limit: int, more: dict[str, int]) -> list[StoryPerson]:
    """Who speaks, acts or holds a role in the story's documents: the most quoted there first (then those
    with the most role mentions), ``limit`` of them with their roles in the story."""
    from storyline.views.people import roles_of

    q, a, r = schema.quotes, schema.event_actors, schema.roles
    quoted: Counter[str] = Counter()
    held: Counter[str] = Counter()
    acting: set[str] = set()
    for part in base.parts(ids):
        quoted.update(conn.execute(select(q.c.speaker).where(q.c.document.in_(part), q.c.speaker.is_not(None)))
                      .scalars())
        held.update(dict(conn.execute(select(r.c.entity, func.count()).where(r.c.document.in_(part),
                                                                              r.c.entity.is_not(None))
                                      .group_by(r.c.entity)).all()))
        acting |= set(conn.execute(select(a.c.entity).where(a.c.document.in_(part), a.c.entity.is_not(None))
                                   .distinct()).scalars())
    found = set(quoted) | set(held) | acting
    rows = {x.id: x for x in conn.execute(select(e).where(e.c.id.in_(sorted(found))))}
    ranked = sorted(rows.values(), key=lambda x: (-quoted[x.id], -held[x.id], x.name))
    more["people"] = max(0, len(ranked) - limit)
    chosen = ranked[:limit]
    roles = roles_of(conn, [x.id for x in chosen], ids, sources=20)
    return [StoryPerson(x.id, x.name, x.type, roles.get(x.id, []), quoted[x.id]) for x in chosen]


def _side(doc: DocumentSummary | None, doc_id: str, start: int, end: int, excerpts: dict[Any, Any]) -> Side:
    return Side(doc_id, start, end, doc.title if doc else doc_id, excerpts[(doc_id, start, end)])


def _copied(conn: Connection, ids: list[str], order: dict[str, int], limits: DossierLimits
            ) -> tuple[list[CopiedFrom], int]:
    """Copied passages touching the story, grouped by the document they were copied from (the story's sources
    first, in source order; ``limits`` says how many sources and passages each are listed),
    and how many passages of unlisted sources there are."""
    rows: list[Any] = []
    ru = schema.reuse
    for part in base.parts(ids):
        rows += conn.execute(select(ru).where(or_(ru.c.a.in_(part), ru.c.b.in_(part))).limit(SECTION_LIMIT))
    rows = sorted({r.id: r for r in rows}.values(), key=lambda r: (order.get(r.a, len(order)), r.a, r.a_start,
                                                                   order.get(r.b, len(order)), r.b_start))
    grouped: dict[str, list[Any]] = defaultdict(list)
    for r in rows:
        grouped[r.a].append(r)
    listed = dict(list(grouped.items())[: limits.copied_sources])
    each = limits.copied_passages
    shown = [r for found in listed.values() for r in found[:each]]
    docs = base.summaries(conn, [x for r in shown for x in (r.a, r.b)])
    text = base.excerpts(conn, [(r.a, r.a_start, r.a_end) for r in shown] + [(r.b, r.b_start, r.b_end) for r in shown])
    out = [CopiedFrom(docs[a], [CopiedPassage(_side(docs.get(r.b), r.b, r.b_start, r.b_end, text),
                                              _side(docs.get(r.a), r.a, r.a_start, r.a_end, text), r.similarity)
                                for r in found[:each]], max(0, len(found) - each))
           for a, found in listed.items() if a in docs]
    return out, sum(len(found) for a, found in grouped.items() if a not in listed)


def _discrepancies(conn: Connection, story_id: str, limit: int) -> tuple[list[DiscrepancyRow], int]:
    """A story's discrepancies (at most ``limit``, by kind) and how many more there are."""
    x, sp = schema.discrepancies, schema.discrepancy_spans
    rows = list(conn.execute(select(x).where(x.c.story == story_id).order_by(x.c.kind, x.c.id)
                             .limit(limit + 1)))
    more = 0
    if len(rows) > limit:
        total = conn.execute(select(func.count()).select_from(x).where(x.c.story == story_id)).scalar() or 0
        rows, more = rows[:limit], int(total) - limit
    spans = list(conn.execute(select(sp).where(sp.c.discrepancy.in_([r.id for r in rows]))
                              .order_by(sp.c.discrepancy, sp.c.position)))
    docs = base.summaries(conn, [s.document for s in spans])
    found = base.excerpts(conn, [(s.document, s.start, s.end) for s in spans], context=60)
    sides: dict[str, list[Side]] = defaultdict(list)
    for s in spans:
        sides[s.discrepancy].append(_side(docs.get(s.document), s.document, s.start, s.end, found))
    return [DiscrepancyRow(r.id, r.kind, r.description, sides[r.id]) for r in rows], more


def _storyline(conn: Connection, storyline: str | None) -> list[StorySummary]:
    if storyline is None:
        return []
    ss = schema.storyline_stories
    ids = select(ss.c.story).where(ss.c.storyline == storyline)
    return story_summaries(conn, st.c.id.in_(ids), limit=200).items


def _blocks(conn: Connection, ids: list[str]) -> dict[str, list[Block]]:
    b = schema.blocks
    out: dict[str, list[Block]] = defaultdict(list)
    for part in base.parts(ids):
        for r in conn.execute(select(b).where(b.c.document.in_(part)).order_by(b.c.document, b.c.start)):
            out[r.document].append(Block(r.start, r.end, r.kind, r.paragraph))
    return dict(out)
