"""Web-specific views over the export object: story filters, person profiles, search facets, overview."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from storyline import views
from storyline.views import date_sort_key

Record = dict[str, Any]


@dataclass
class CorpusIndex:
    """Lookups the pages need, built once per export object."""

    documents: dict[str, Record]
    entities: dict[str, Record]
    stories: dict[str, Record]
    story_of: dict[str, str] = field(default_factory=dict)
    entities_in: dict[str, set[str]] = field(default_factory=dict)  # document id -> entity ids


def build_index(data: Record, entity_map: dict[str, str] | None = None) -> CorpusIndex:
    """Lookups over the export; ``entity_map`` ("doc:e3" -> corpus id) adds every entity a document mentions."""
    index = CorpusIndex(views.index_by_id(data["documents"]), views.index_by_id(data["entities"]),
                        views.index_by_id(data["stories"]))
    index.story_of = {doc: s["id"] for s in data["stories"] for doc in s["documents"]}
    found: dict[str, set[str]] = defaultdict(set)
    for q in data["quotes"]:
        if q.get("speaker"):
            found[q["document"]].add(q["speaker"])
    for c in data["claims"]:
        found[c["document"]].update(x for x in (c.get("claimant"), c.get("target")) if x)
    for ev in data["events"]:
        found[ev["document"]].update(ev.get("actors", []))
    for e in data["entities"]:
        for r in e.get("roles", []):
            found[r["document"]].add(e["id"])
    for key, corpus_id in (entity_map or {}).items():
        found[key.split(":", 1)[0]].add(corpus_id)
    index.entities_in = dict(found)
    return index


def _basename(source: str) -> str:
    """The file name of a path or URL source (``dir/feed.jsonl#line 3`` -> ``feed.jsonl#line 3``)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def site_of(doc: Record) -> str:
    """The publication a document came from: site name, else URL host, else the source file name."""
    if doc.get("site_name"):
        return str(doc["site_name"])
    try:
        host = urlsplit(doc["url"]).hostname if doc.get("url") else None
    except ValueError:
        host = None
    return host or _basename(str(doc.get("source") or "unknown"))


def display_title(doc: Record) -> str:
    """A document's title, else the file name it came from."""
    return str(doc.get("title") or _basename(str(doc.get("source") or doc.get("id", ""))))


def newest_first(records: list[Record], *fields: str) -> list[Record]:
    """Records by their first present date field, newest first, undated last."""
    def when(r: Record) -> str:
        return next((str(r[f]) for f in fields if r.get(f)), "")

    dated = [r for r in records if date_sort_key(when(r))[0] == 0]
    undated = [r for r in records if date_sort_key(when(r))[0] != 0]
    return sorted(dated, key=when, reverse=True) + undated


def story_entities(index: CorpusIndex, story: Record) -> list[Record]:
    ids = set().union(*(index.entities_in.get(d, set()) for d in story["documents"])) if story["documents"] else set()
    return [index.entities[i] for i in sorted(ids) if i in index.entities]


def _matches_entity(entities: list[Record], kind: str, wanted: str) -> bool:
    w = wanted.lower()
    return any(e["type"] == kind and (e["id"] == wanted or w in e["name"].lower()) for e in entities)


@dataclass
class StoryFilters:
    date_from: str = ""
    date_to: str = ""
    person: str = ""
    organisation: str = ""
    source: str = ""

    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.person, self.organisation, self.source))


def _in_range(story: Record, date_from: str, date_to: str) -> bool:
    first = story.get("first_date") or story.get("last_date") or ""
    last = story.get("last_date") or first
    if date_from and (not last or last[: len(date_from)] < date_from[: len(last)]):
        return False
    return not (date_to and (not first or first[: len(date_to)] > date_to[: len(first)]))


def filter_stories(data: Record, index: CorpusIndex, f: StoryFilters) -> list[Record]:
    """Stories (newest first) passing every filter, each with its people, organisations and sources."""
    rows = []
    for story in views.stories(data):
        entities = story_entities(index, story)
        sites = sorted({site_of(index.documents[d]) for d in story["documents"] if d in index.documents})
        if not _in_range(story, f.date_from, f.date_to):
            continue
        if f.person and not _matches_entity(entities, "person", f.person):
            continue
        if f.organisation and not _matches_entity(entities, "organisation", f.organisation):
            continue
        if f.source and not any(f.source.lower() in s.lower() for s in sites):
            continue
        rows.append({**story, "people": [e for e in entities if e["type"] == "person"],
                     "organisations": [e for e in entities if e["type"] == "organisation"], "sites": sites})
    return newest_first(rows, "last_date", "first_date")


def person_profile(data: Record, index: CorpusIndex, entity_id: str) -> Record | None:
    """Roles over time (with sources), quotes, claims and stories of one corpus identity."""
    entity = index.entities.get(entity_id)
    if entity is None:
        return None
    roles = sorted(entity.get("roles", []), key=lambda r: (date_sort_key(r.get("date")), r["document"], r["start"]))
    roles = [{**r, "title": display_title(index.documents[r["document"]]) if r["document"] in index.documents else None}
             for r in roles]
    quotes = [q for q in views.quotes(data) if q.get("speaker") == entity_id]
    claims = [c for c in data["claims"] if entity_id in (c.get("claimant"), c.get("target"))]
    docs = {d for d, ids in index.entities_in.items() if entity_id in ids}
    stories = [s for s in views.stories(data) if docs & set(s["documents"])]
    return {"entity": entity, "roles": roles, "periods": role_periods(roles), "quotes": quotes, "claims": claims, "stories": stories,
            "documents": [index.documents[d] for d in sorted(docs) if d in index.documents]}


def role_periods(roles: list[Record]) -> list[Record]:
    """Consecutive mentions of the same role (and organisation) merged into one period with all its sources."""
    periods: list[Record] = []
    for r in roles:
        key = (r["role"].lower(), (r.get("organisation") or "").lower())
        if periods and periods[-1]["key"] == key:
            periods[-1]["last"] = r.get("date") or periods[-1]["last"]
            periods[-1]["sources"].append(r)
        else:
            periods.append({"key": key, "role": r["role"], "organisation": r.get("organisation"),
                            "first": r.get("date"), "last": r.get("date"), "sources": [r]})
    return periods


def search_facets(hits: list[Record], index: CorpusIndex) -> dict[str, list[tuple[str, str, int]]]:
    """Facet values (value, label, count) by site, year and story for the hits."""
    sites: Counter[str] = Counter()
    years: Counter[str] = Counter()
    stories: Counter[str] = Counter()
    for hit in hits:
        sites[hit["site"]] += 1
        years[hit["year"] or "undated"] += 1
        if hit["story"]:
            stories[hit["story"]] += 1
    story_label = {k: index.stories[k]["title"] for k in stories if k in index.stories}
    return {
        "site": [(k, k, n) for k, n in sorted(sites.items(), key=lambda kv: (-kv[1], kv[0]))],
        "year": [(k, k, n) for k, n in sorted(years.items(), reverse=True)],
        "story": [(k, story_label.get(k, k), n) for k, n in sorted(stories.items(), key=lambda kv: -kv[1])],
    }


def enrich_hits(raw: list[Any], index: CorpusIndex) -> list[Record]:
    """Store search hits with the site, year and story each facet needs."""
    out = []
    for h in raw:
        doc = index.documents.get(h.doc_id, {})
        published = doc.get("published") or ""
        out.append({"doc_id": h.doc_id, "title": h.title or (display_title(doc) if doc else None), "snippet": h.snippet,
                    "score": h.score, "site": site_of(doc) if doc else "unknown", "year": published[:4],
                    "published": published, "story": index.story_of.get(h.doc_id)})
    return out


def filter_hits(hits: list[Record], site: str, year: str, story: str) -> list[Record]:
    return [h for h in hits if (not site or h["site"] == site) and (not year or (h["year"] or "undated") == year)
            and (not story or h["story"] == story)]


def overview(data: Record) -> Record:
    """Counts and the most recent stories for the front page."""
    counts = {
        "documents": len(data["documents"]), "stories": len(data["stories"]),
        "people": sum(1 for e in data["entities"] if e["type"] == "person"),
        "organisations": sum(1 for e in data["entities"] if e["type"] == "organisation"),
        "quotes": len(data["quotes"]), "events": len(data["events"]), "claims": len(data["claims"]),
        "copied passages": len(data["reuse"]), "discrepancies": len(data["discrepancies"]),
    }
    latest = newest_first(views.stories(data), "last_date", "first_date")[:8]
    return {"counts": counts, "latest": latest}


def split_claims(claims: list[Record]) -> tuple[list[Record], list[Record]]:
    """Claims and promises on one side, denials and admissions on the other."""
    left = [c for c in claims if c["kind"] in ("claim", "promise")]
    right = [c for c in claims if c["kind"] not in ("claim", "promise")]
    return left, right


def with_source_text(records: list[Record], documents: dict[str, Record]) -> list[Record]:
    """Records with the text of their span and the title of their document, for display."""
    out = []
    for r in records:
        doc = documents.get(r["document"], {})
        text = str(doc.get("text", ""))
        out.append({**r, "span_text": text[r["start"]:r["end"]], "source_title": display_title(doc) if doc else None})
    return out
