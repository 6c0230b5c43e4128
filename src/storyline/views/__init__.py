"""Read-only views over the export object: people, quotes, timelines, claims, stories, dossiers.

They work on the dict that :func:`storyline.export.build_export` returns (the
documented contract), so the CLI, the web app and reports show the same thing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyline.link.timeline import date_sort_key as timeline_date_key

Record = dict[str, Any]


def date_sort_key(value: str | None) -> tuple[int, int, int, int, int, str]:
    """Order TIMEX3 values as story timelines do ('2023' < '2023-03' < '2023-03-14', unknown years last)."""
    return timeline_date_key(value or "")


def index_by_id(records: list[Record]) -> dict[str, Record]:
    return {r["id"]: r for r in records}


def distinct_roles(roles: list[Record]) -> list[str]:
    """Role names without repeats: case and apostrophe variants once, a bare word dropped when a fuller role has it.

    ``["Mayor", "mayor", "council leader", "leader"]`` -> ``["council leader", "mayor"]``.
    """
    forms: dict[str, str] = {}
    for role in roles:
        name = " ".join(str(role.get("role") or "").split())
        key = name.lower().replace("’", "'")
        if key and (key not in forms or name.islower()):
            forms[key] = name  # the lower-case form wins: "mayor" over "Mayor"
    keys = [k for k in forms if not any(o != k and o.endswith(" " + k) for o in forms)]
    return sorted((forms[k] for k in keys), key=str.lower)


def people(data: Record, kind: str = "person") -> list[Record]:
    """Entities of one type, most quoted and most mentioned first, with their roles and quote counts."""
    quote_counts = Counter(q["speaker"] for q in data["quotes"] if q.get("speaker"))
    rows = []
    for e in data["entities"]:
        if e["type"] != kind:
            continue
        rows.append({**e, "role_names": distinct_roles(e.get("roles", [])), "quotes": quote_counts.get(e["id"], 0)})
    rows.sort(key=lambda r: (-r["quotes"], -len(r.get("roles", [])), r["name"]))
    return rows


def quotes(data: Record, speaker: str | None = None) -> list[Record]:
    """Quotes, optionally only those whose speaker name contains ``speaker`` (case-insensitive)."""
    docs = index_by_id(data["documents"])
    out = []
    for q in data["quotes"]:
        if speaker and speaker.lower() not in (q.get("speaker_name") or "").lower():
            continue
        doc = docs.get(q["document"], {})
        out.append({**q, "published": doc.get("published"), "title": doc.get("title")})
    out.sort(key=lambda q: (date_sort_key(q["published"]), q["document"], q["start"]))
    return out


def timeline(data: Record, document: str | None = None, story: str | None = None) -> list[Record]:
    """Events ordered by date (mixed precision), for one document, one story, or the corpus.

    A story's timeline is its merged one when linking produced it: an event reported by
    several documents appears once.
    """
    merged = next((t["events"] for t in data.get("timelines", []) if story and t["story"] == story), None)
    if merged is not None and document is None:
        return sorted(merged, key=lambda e: (date_sort_key(e["date"]), e["document"], e["start"]))
    events = [
        e
        for e in data["events"]
        if (document is None or e["document"].startswith(document)) and (story is None or e.get("story") == story)
    ]
    return sorted(events, key=lambda e: (date_sort_key(e["date"]), e["document"], e["start"]))


def claims(data: Record, kind: str | None = None) -> list[Record]:
    return [c for c in data["claims"] if kind is None or c["kind"] == kind]


def stories(data: Record) -> list[Record]:
    """Stories, newest last, with their document counts."""
    out = [{**s, "size": len(s["documents"])} for s in data["stories"]]
    return sorted(out, key=lambda s: (date_sort_key(s.get("first_date")), s["id"]))


@dataclass
class Dossier:
    """Everything about one story, ready to render."""

    story: Record
    documents: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    organisations: list[Record] = field(default_factory=list)
    timeline: list[Record] = field(default_factory=list)
    quotes_by_speaker: dict[str, list[Record]] = field(default_factory=dict)
    claims: list[Record] = field(default_factory=list)
    reuse: list[Record] = field(default_factory=list)
    discrepancies: list[Record] = field(default_factory=list)
    storyline: Record | None = None


def find_story(data: Record, ref: str) -> Record | None:
    """A story by id or unique id prefix."""
    matches = [s for s in data["stories"] if s["id"] == ref] or [
        s for s in data["stories"] if s["id"].startswith(ref)
    ]
    return matches[0] if len(matches) == 1 else None


def dossier(data: Record, story_id: str) -> Dossier | None:
    """Assemble the dossier of one story from the export object."""
    story = find_story(data, story_id)
    if story is None:
        return None
    doc_ids = set(story["documents"])
    docs = [d for d in data["documents"] if d["id"] in doc_ids]
    docs.sort(key=lambda d: (date_sort_key(d.get("published")), d["id"]))
    in_story = [q for q in data["quotes"] if q["document"] in doc_ids]
    entity_ids = {q["speaker"] for q in in_story if q.get("speaker")}
    entity_ids |= {a for e in data["events"] if e["document"] in doc_ids for a in e.get("actors", [])}
    entity_ids |= {r_ent["id"] for r_ent in data["entities"] if any(r["document"] in doc_ids for r in r_ent.get("roles", []))}
    entities = [e for e in data["entities"] if e["id"] in entity_ids]
    by_speaker: dict[str, list[Record]] = defaultdict(list)
    for q in sorted(in_story, key=lambda q: (q["document"], q["start"])):
        by_speaker[q.get("speaker_name") or "(unattributed)"].append(q)
    storyline = next((s for s in data["storylines"] if story["id"] in s["stories"]), None)
    return Dossier(
        story=story,
        documents=docs,
        people=[e for e in entities if e["type"] == "person"],
        organisations=[e for e in entities if e["type"] == "organisation"],
        timeline=timeline(data, story=story["id"]) or [e for e in timeline(data) if e["document"] in doc_ids],
        quotes_by_speaker=dict(sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))),
        claims=[c for c in data["claims"] if c["document"] in doc_ids],
        reuse=[r for r in data["reuse"] if r["a"] in doc_ids or r["b"] in doc_ids],
        discrepancies=[d for d in data["discrepancies"] if d.get("story") == story["id"]],
        storyline=storyline,
    )
