"""Model objects as table rows and back: documents, and the facts of one annotated document.

Pure functions: no connection here. Dates are read through :mod:`storyline.timex3` only; each
dated row gets a ``date_sort`` key so that ``ORDER BY date_sort`` is the order every view shows
("2023" before "2023-03" before "2023-03-14", dates without a year after every placed date, the
undated last).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from storyline import timex3
from storyline.model import Annotations, Document

Row = dict[str, Any]
UNDATED = "9"  # sorts after every date_sort key


def date_sort(value: str | None) -> str:
    """A text key that sorts TIMEX3 values as :func:`storyline.timex3.sort_key` does."""
    if not value:
        return UNDATED
    group, a, b, c, d, raw = timex3.sort_key(value)
    key = f"{group}{a:07d}{b + 50_000_000:08d}{c:02d}{d:02d}"
    assert len(key) == SORT_PREFIX
    return key + raw


SORT_PREFIX = 20  # characters of a date_sort key before the value itself


def date_of_sort(key: str | None) -> str | None:
    """The TIMEX3 value a :func:`date_sort` key was made from (None for the undated)."""
    return key[SORT_PREFIX:] or None if key and key != UNDATED else None


def day_span(value: str | None) -> tuple[int | None, int | None]:
    """First and last day (ordinals) a TIMEX3 value can mean; (None, None) when it cannot be placed."""
    span = timex3.interval(value)
    return (span[0].toordinal(), span[1].toordinal()) if span else (None, None)


def role_key(role: str) -> str:
    """One key for the spellings of a role: "Mayor", "mayor", "Children’s Minister" / "children's minister"."""
    return " ".join(role.replace("’", "'").replace("‘", "'").split()).casefold()


def _basename(source: str) -> str:
    """The file name of a path or URL source (``dir/feed.jsonl#line 3`` -> ``feed.jsonl#line 3``)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


def display_title(title: str | None, source: str | None, fallback: str = "") -> str:
    """A document's title, else the file name it came from."""
    return title or _basename(source or fallback) or fallback


def site_of(site_name: str | None, url: str | None, source: str) -> str:
    """The publication a document came from: site name, else the URL's host, else the source file name."""
    if site_name:
        return site_name
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        host = None
    return host or _basename(source or "unknown")


def document_row(doc: Document) -> Row:
    span = doc.published_span
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "published": doc.published,
        "published_inferred": doc.published_inferred,
        "published_start": span[0] if span else None,
        "published_end": span[1] if span else None,
        "author": doc.author,
        "site_name": doc.site_name,
        "format": doc.format,
        "text": doc.text,
        "version_of": doc.version_of,
        "duplicate_of": doc.duplicate_of,
        "meta": json.dumps(doc.meta),
        "ocr": doc.ocr,
        "pages": json.dumps(doc.pages) if doc.pages else None,
        "attached_to": doc.attached_to,
        "site": site_of(doc.site_name, doc.url, doc.source),
        "date_sort": date_sort(doc.published),
    }


def row_document(row: Any) -> Document:
    span = (row.published_start, row.published_end) if row.published_start is not None else None
    return Document(
        id=row.id,
        text=row.text,
        source=row.source,
        url=row.url,
        title=row.title,
        published=row.published,
        published_inferred=bool(row.published_inferred),
        published_span=span,
        author=row.author,
        site_name=row.site_name,
        format=row.format,
        version_of=row.version_of,
        duplicate_of=row.duplicate_of,
        meta=json.loads(row.meta or "{}"),
        ocr=bool(row.ocr),
        pages=json.loads(row.pages) if row.pages else [],
        attached_to=row.attached_to,
    )


# --- the facts of one document ------------------------------------------------------------------------


def _span(value: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (value[0], value[1]) if value else (None, None)


def entity_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for e in ann.entities:
        yield {"document": doc.id, "local_id": e.id, "type": e.type, "name": e.name,
               "aliases": json.dumps(e.aliases, ensure_ascii=False), "gender": e.gender, "entity": None}


def mention_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for i, m in enumerate(ann.mentions):
        yield {"document": doc.id, "position": i, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
               "kind": m.kind, "entity_local": m.entity, "entity": None}


def role_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    position = 0
    for e in ann.entities:
        for r in e.roles:
            yield {"document": doc.id, "position": position, "entity_local": e.id, "entity": None, "role": r.role,
                   "role_key": role_key(r.role), "organisation": r.organisation, "place": r.place,
                   "start": r.start, "end": r.end, "date": doc.published, "date_sort": date_sort(doc.published)}
            position += 1


def timex_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for i, t in enumerate(ann.timexes):
        yield {"document": doc.id, "position": i, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
               "value": t.value, "relative": t.relative, "mod": t.mod, "anchor": t.anchor}


def block_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    paragraph = 0
    for i, b in enumerate(ann.blocks):
        paragraph += b.kind == "paragraph"
        yield {"document": doc.id, "position": i, "kind": b.kind, "start": b.start, "end": b.end,
               "paragraph": paragraph if b.kind == "paragraph" else None}


def quote_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for i, q in enumerate(ann.quotes):
        mention, cue = _span(q.speaker_mention), _span(q.cue)
        yield {
            "id": f"{doc.id}:{q.id}", "document": doc.id, "position": i, "start": q.start, "end": q.end,
            "text": q.text, "kind": q.kind, "speaker": None, "speaker_local": q.speaker,
            "speaker_name": q.speaker_name, "speaker_mention_start": mention[0], "speaker_mention_end": mention[1],
            "cue_start": cue[0], "cue_end": cue[1], "confidence": round(q.confidence, 3), "stance": q.stance,
            "cue_verb": q.cue_verb, "speaker_kind": q.speaker_kind, "speaker_description": q.speaker_description,
            "speaker_members": json.dumps(q.speaker_members), "quote_group": None, "story": None,
            "published": doc.published, "date_sort": date_sort(doc.published),
        }


def event_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for i, ev in enumerate(ann.events):
        first, last = day_span(ev.date)
        timex = _span(ev.timex)
        yield {
            "id": f"{doc.id}:{ev.id}", "document": doc.id, "position": i, "start": ev.start, "end": ev.end,
            "date": ev.date, "precision": ev.precision, "inferred": ev.inferred, "text": ev.text,
            "timex_start": timex[0], "timex_end": timex[1], "story": None, "story_date": None,
            "start_day": first, "end_day": last, "date_sort": date_sort(ev.date), "mod": ev.mod, "anchor": ev.anchor,
        }


def event_actor_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for ev in ann.events:
        for i, actor in enumerate(dict.fromkeys(ev.actors)):
            yield {"event": f"{doc.id}:{ev.id}", "position": i, "document": doc.id, "entity_local": actor,
                   "entity": None}


def claim_rows(doc: Document, ann: Annotations) -> Iterator[Row]:
    for i, c in enumerate(ann.claims):
        content, cue = _span(c.content), _span(c.cue)
        yield {
            "id": f"{doc.id}:{c.id}", "document": doc.id, "position": i, "start": c.start, "end": c.end,
            "kind": c.kind, "claimant": None, "claimant_local": c.claimant, "claimant_name": c.claimant_name,
            "target": None, "target_local": c.target, "target_name": c.target_name, "content_start": content[0],
            "content_end": content[1], "cue_start": cue[0], "cue_end": cue[1], "story": None,
            "answers": f"{doc.id}:{c.answers}" if c.answers else None,
            "published": doc.published, "date_sort": date_sort(doc.published),
        }
