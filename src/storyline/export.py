"""The JSON export contract (docs/export.md) and its JSON Lines and CSV renderings."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TextIO

from storyline.link.identity import role_order
from storyline.link.identity_updates import identity_roles
from storyline.model import Annotations, CorpusRole, Document, Event, Timeline, from_dict, to_dict
from storyline.store import Store

EXPORT_VERSION = 1
LISTS = (
    "documents",
    "entities",
    "quotes",
    "events",
    "claims",
    "stories",
    "storylines",
    "reuse",
    "discrepancies",
    "quote_groups",
    "document_links",
    "timelines",
)
FORMATS = ("json", "jsonl", "csv")
LINK_KINDS = {  # export list -> kind in the store's links table
    "storylines": "storyline",
    "reuse": "reuse",
    "discrepancies": "discrepancy",
    "quote_groups": "quote_group",
    "document_links": "document_link",
    "timelines": "timeline",
}


def _span(span: Any) -> dict[str, int] | None:
    return {"start": int(span[0]), "end": int(span[1])} if span else None


class _Ids:
    """Maps document-local entity ids to corpus identities (or doc-scoped ids before linking)."""

    def __init__(self, entity_map: dict[str, str]) -> None:
        self.entity_map = entity_map

    def entity(self, doc_id: str, local: str | None) -> str | None:
        if local is None:
            return None
        key = f"{doc_id}:{local}"
        return self.entity_map.get(key, key)


def build_export(store: Store) -> dict[str, Any]:
    """The whole corpus as one JSON-ready object following docs/export.md."""
    ids = _Ids(store.entity_map())
    stories = store.links("story")
    story_of = {doc: s["id"] for s in stories for doc in s["documents"]}
    timelines = [timeline_record(from_dict(Timeline, t)) for t in store.links("timeline")]
    timeline_dates = _timeline_dates(timelines)
    shares = store.reuse_shares()
    out: dict[str, Any] = {name: [] for name in LISTS}
    out["export_version"] = EXPORT_VERSION
    linked_entities = store.links("entity")
    roles: dict[str, list[CorpusRole]] = defaultdict(list)
    for doc, ann in store.iter_annotated():
        out["documents"].append(document_record(doc, shares.get(doc.id)))
        if not linked_entities:
            out["entities"].extend(local_entity_records(doc, ann))
        for corpus_id, found in identity_roles([(doc, ann)], ids.entity_map).items():
            roles[corpus_id].extend(found)
        out["quotes"].extend(quote_records(doc, ann, ids))
        out["events"].extend(event_records(doc, ann, ids, story_of.get(doc.id), timeline_dates))
        out["claims"].extend(claim_records(doc, ann, ids))
    out["entities"].extend(with_roles(e, roles.get(e["id"], [])) for e in linked_entities)
    out["stories"] = stories
    for name, kind in LINK_KINDS.items():
        out[name] = timelines if name == "timelines" else store.links(kind)
    return out


def with_roles(entity: dict[str, Any], roles: list[CorpusRole]) -> dict[str, Any]:
    """A linked identity with the roles its mentions have (kept as stored if linking gave them already)."""
    if "roles" in entity:
        return entity
    return {**entity, "roles": [to_dict(r) for r in sorted(roles, key=role_order)]}


def document_record(doc: Document, reuse_share: float | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "published_inferred": doc.published_inferred,
        "published_span": _span(doc.published_span),
        "author": doc.author,
        "site_name": doc.site_name,
        "format": doc.format,
        "version_of": doc.version_of,
        "duplicate_of": doc.duplicate_of,
        "reuse_share": reuse_share or 0.0,
        "ocr": doc.ocr,
        "pages": list(doc.pages),
        "attached_to": doc.attached_to,
        "text": doc.text,
    }


def local_entity_records(doc: Document, ann: Annotations) -> Iterator[dict[str, Any]]:
    """Entities of one document, used before corpus linking has run."""
    for e in ann.entities:
        yield {
            "id": f"{doc.id}:{e.id}",
            "type": e.type,
            "name": e.name,
            "aliases": e.aliases,
            "roles": [
                {"role": r.role, "organisation": r.organisation, "document": doc.id, "start": r.start, "end": r.end,
                 "date": doc.published}
                for r in e.roles
            ],
        }


def quote_records(doc: Document, ann: Annotations, ids: _Ids) -> Iterator[dict[str, Any]]:
    for q in ann.quotes:
        yield {
            "id": f"{doc.id}:{q.id}",
            "document": doc.id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "kind": q.kind,
            "speaker": ids.entity(doc.id, q.speaker),
            "speaker_name": q.speaker_name,
            "speaker_mention": _span(q.speaker_mention),
            "cue": _span(q.cue),
            "confidence": round(q.confidence, 3),
            "stance": q.stance,
            "cue_verb": q.cue_verb,
            "speaker_kind": q.speaker_kind,
            "speaker_description": q.speaker_description,
            "speaker_members": [m for m in (ids.entity(doc.id, x) for x in q.speaker_members) if m],
        }


def event_records(
    doc: Document, ann: Annotations, ids: _Ids, story: str | None, filled: dict[tuple[str, int, int], tuple[str, bool]]
) -> Iterator[dict[str, Any]]:
    for ev in ann.events:
        event_id = f"{doc.id}:{ev.id}"
        date, inferred = filled.get((doc.id, *ev.timex), (ev.date, ev.inferred))  # type: ignore[arg-type]
        actors = [a for a in (ids.entity(doc.id, x) for x in ev.actors) if a]
        yield _event_record(ev, event_id, doc.id, story, date=date, inferred=inferred, actors=actors)


def _event_record(
    ev: Event, event_id: str, document: str, story: str | None, *, date: str, inferred: bool, actors: list[str]
) -> dict[str, Any]:
    """One event in the export's shape (shared by document events and merged story timelines)."""
    return {
        "id": event_id,
        "document": document,
        "start": ev.start,
        "end": ev.end,
        "date": date,
        "precision": ev.precision,
        "inferred": inferred,
        "text": ev.text,
        "timex": _span(ev.timex),
        "actors": actors,
        "story": story,
        "mod": ev.mod,
        "anchor": ev.anchor,
    }


def claim_records(doc: Document, ann: Annotations, ids: _Ids) -> Iterator[dict[str, Any]]:
    for c in ann.claims:
        yield {
            "id": f"{doc.id}:{c.id}",
            "document": doc.id,
            "start": c.start,
            "end": c.end,
            "kind": c.kind,
            "claimant": ids.entity(doc.id, c.claimant),
            "claimant_name": c.claimant_name,
            "target": ids.entity(doc.id, c.target),
            "target_name": c.target_name,
            "content": _span(c.content),
            "cue": _span(c.cue),
            "answers": f"{doc.id}:{c.answers}" if c.answers else None,
        }


def _timeline_dates(timelines: list[dict[str, Any]]) -> dict[tuple[str, int, int], tuple[str, bool]]:
    """(document, timex start, timex end) -> (date, inferred) as the story timelines settled them, for every
    report of every entry (years filled from the story's evidence)."""
    out: dict[tuple[str, int, int], tuple[str, bool]] = {}
    for timeline in timelines:
        for ev in timeline.get("events", []):
            for source in ev.get("sources") or [ev]:
                span = source.get("timex") or {}
                key = (source["document"], int(span.get("start", -1)), int(span.get("end", -1)))
                out[key] = (source["date"], bool(source.get("inferred")))
    return out


def write_export(data: dict[str, Any], fmt: str, out: TextIO, table: str = "quotes") -> None:
    """Write the export as one JSON object, JSON Lines (one record per line) or one CSV table."""
    if fmt == "json":
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for name in LISTS:
            out.writelines(json.dumps({"type": name, **record}, ensure_ascii=False) + "\n" for record in data.get(name, []))
    elif fmt == "csv":
        write_csv(data.get(table, []), out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_csv(records: list[dict[str, Any]], out: TextIO) -> None:
    """One row per record; nested values (spans, lists) are JSON in their cell."""
    columns: list[str] = []
    for record in records:
        columns.extend(k for k in record if k not in columns)
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({k: _cell(v) for k, v in record.items()})


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def export_text(store: Store, fmt: str = "json", table: str = "quotes") -> str:
    buf = io.StringIO()
    write_export(build_export(store), fmt, buf, table)
    return buf.getvalue()


def timeline_record(timeline: Timeline) -> dict[str, Any]:
    """A story's merged timeline in the export's shape (events as in ``events``, ids ``<document>:<local>``)."""
    events = []
    for ev in timeline.events:
        record = _event_record(ev, ev.id, ev.id.split(":", 1)[0], timeline.story, date=ev.date,
                               inferred=ev.inferred, actors=list(ev.actors))
        record["sources"] = [
            {"document": s.document, "start": s.start, "end": s.end, "date": s.date, "inferred": s.inferred,
             "timex": _span(s.timex)}
            for s in ev.sources
        ]
        record["disputed"] = ev.disputed
        events.append(record)
    return {"story": timeline.story, "events": events}
