"""A story's rows made again after the reporter moved documents in or out of it.

The size and dates come from its documents; the merged timeline and the discrepancies are made by
the linking code itself (:func:`storyline.link.timeline.story_timeline`,
:func:`storyline.link.discrepancies.find_discrepancies`) over the documents the story holds now,
and written as linking writes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from storyline import timex3
from storyline.link.discrepancies import find_discrepancies
from storyline.link.quotes import document_quote_groups
from storyline.link.story_evidence import found_in_documents, story_evidence
from storyline.link.timeline import story_timeline
from storyline.model import Story, Timeline, to_dict
from storyline.store import outputs, schema
from storyline.store.link_index import SqlLinkIndex
from storyline.store.rows import day_span

__all__ = ["refresh_story_rows"]

st, sd, d = schema.stories, schema.story_documents, schema.documents


def renumber_storyline(conn: Connection, line: str) -> None:
    from storyline.corrections.apply import renumber_storyline as renumber

    renumber(conn, line)


def refresh_story_rows(conn: Connection, ids: Sequence[str]) -> None:
    """Size, dates, merged timeline and discrepancies of each story, from its documents now."""
    index = SqlLinkIndex(conn)
    for story_id in ids:
        members = conn.execute(select(sd.c.document, d.c.published).select_from(sd.join(d, d.c.id == sd.c.document))
                               .where(sd.c.story == story_id).order_by(sd.c.position)).all()
        x = schema.discrepancies
        conn.execute(delete(x).where(x.c.story == story_id))
        if not members:
            line = conn.execute(select(st.c.storyline).where(st.c.id == story_id)).scalar()
            conn.execute(delete(st).where(st.c.id == story_id))
            if line is not None:
                renumber_storyline(conn, line)
            continue
        dates = sorted((r.published for r in members if timex3.day_number(r.published) is not None),
                       key=lambda v: timex3.day_number(v) or 0)
        first, last = (dates[0], dates[-1]) if dates else (None, None)
        conn.execute(update(st).where(st.c.id == story_id).values(
            size=len(members), first_date=first, last_date=last, first_day=day_span(first)[0],
            last_day=day_span(last)[1]))
        story = Story(story_id, "", [r.document for r in members], None, first, last)
        items = index.annotated(story.documents)
        entity_map = index.entity_map(story.documents)
        events = story_timeline(story, items, entity_map)
        found = find_discrepancies(story, items, entity_map, document_quote_groups(story.documents, index), events)
        outputs.write_outputs(conn, [("timeline", story_id, Timeline(story_id, events))]
                              + [("discrepancy", disc.id, disc) for disc in found])
        _write_evidence(conn, story_id, [items[doc] for doc in story.documents if doc in items], entity_map)


def _write_evidence(conn: Connection, story_id: str, ordered: list[Any], entity_map: Mapping[str, str]) -> None:
    """Why the story's documents belong together, found again by the linking code over its documents now
    (ranked without the corpus-wide rarity weights linking uses, which a correction does not recompute)."""
    ev = schema.story_evidence
    found = story_evidence(ordered, found_in_documents(ordered, entity_map))
    conn.execute(delete(ev).where(ev.c.story == story_id))
    rows = outputs.evidence_rows("story", story_id, {"evidence": to_dict(found)})
    if rows:
        conn.execute(insert(ev), rows)
