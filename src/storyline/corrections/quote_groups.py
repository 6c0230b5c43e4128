"""What linking made of a quote, made again from the quote rows after the reporter corrected who said it.

Linking gives a quote found in several documents (a quote group) one speaker when its sources agree,
and a ``speaker`` discrepancy when they do not, from the speakers the machine found. After a speaker
fix or a merge of two identities, the rows are right and those outputs are not: :func:`settle_quote_groups`
derives them again from the rows, with the linking code's own rules (:func:`storyline.link.quotes.merged_quote`,
:func:`storyline.link.quotes.speaker_discrepancy`), so no view shows the machine's speaker beside the
reporter's.

:func:`follow_speaker` is the rule of a speaker fix: the reporter says who said these words, so every other
source of the same quote that names someone else takes the reporter's speaker too (a source that names
nobody stays as its document has it). Clearing a speaker (``none``) touches only the quote corrected: its
document got it wrong, the others may not have.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, delete, select, update

from storyline.link.quotes import QuoteSource, merged_quote, quote_tokens, speaker_discrepancy, unify_speakers
from storyline.model import Quote
from storyline.store import outputs, schema

__all__ = ["follow_speaker", "settle_quote_groups"]

q, g, s = schema.quotes, schema.quote_groups, schema.quote_group_sources
x, xs = schema.discrepancies, schema.discrepancy_spans


def follow_speaker(conn: Connection, quote_id: str, group: str | None, values: dict[str, Any]) -> set[str | None]:
    """Every other source of ``group`` naming another speaker takes the corrected one (``values``: the
    speaker columns of the corrected quote); returns the identities whose counts change."""
    if group is None or values.get("speaker") is None:
        return set()
    others = conn.execute(select(q.c.id, q.c.document, q.c.speaker, q.c.speaker_name).where(
        q.c.quote_group == group, q.c.id != quote_id,
        (q.c.speaker.is_not(None) | q.c.speaker_name.is_not(None)))).all()
    touched: set[str | None] = set()
    de = schema.document_entities
    for row in others:
        if (row.speaker, row.speaker_name) == (values["speaker"], values["speaker_name"]):
            continue
        local = conn.execute(select(de.c.local_id).where(de.c.document == row.document,
                                                         de.c.entity == values["speaker"])
                             .order_by(de.c.local_id).limit(1)).scalar()
        conn.execute(update(q).where(q.c.id == row.id).values(
            speaker=values["speaker"], speaker_local=local, speaker_name=values["speaker_name"],
            speaker_kind=values["speaker_kind"], speaker_mention_start=None, speaker_mention_end=None,
            speaker_description=None, speaker_members="[]"))
        touched |= {row.speaker, values["speaker"]}
    return touched


def _source(row: Any) -> QuoteSource:
    """A quote row as linking sees a source: its identity, or its speaker's name when only that is known."""
    speaker = row.speaker or ("name:" + " ".join(quote_tokens(row.speaker_name)) if row.speaker_name else None)
    quote = Quote(row.id.rsplit(":", 1)[1], row.start, row.end, row.text, speaker=row.speaker,
                  speaker_name=row.speaker_name)
    return QuoteSource(row.document, row.published or "", quote, speaker, row.speaker_name, quote_tokens(row.text))


def settle_quote_groups(conn: Connection, groups: Collection[str]) -> None:
    """Each group's speaker, and the speaker discrepancies over its sources, derived again from its quote rows."""
    for group in sorted(groups):
        rows = conn.execute(select(q.c.id, q.c.document, q.c.start, q.c.end, q.c.text, q.c.speaker,
                                   q.c.speaker_name, q.c.published, q.c.story).where(q.c.quote_group == group)).all()
        sources = [_source(r) for r in rows]
        merged = merged_quote(sources)
        if merged is not None:
            conn.execute(update(g).where(g.c.id == group).values(speaker=merged.speaker,
                                                                  speaker_name=merged.speaker_name))
        _drop_speaker_disputes(conn, [(r.document, r.start, r.end) for r in rows])
        by_story: dict[str | None, list[QuoteSource]] = defaultdict(list)
        for row, source in zip(rows, sources):
            by_story[row.story].append(source)
        found = [speaker_discrepancy(unify_speakers(members), story)
                 for story, members in by_story.items() if story is not None and len(members) > 1]
        outputs.write_outputs(conn, [("discrepancy", d.id, d) for d in found if d is not None])


def _drop_speaker_disputes(conn: Connection, spans: list[tuple[str, int, int]]) -> None:
    ids: set[str] = set()
    for document, start, end in spans:
        ids.update(conn.execute(select(xs.c.discrepancy).join(x, x.c.id == xs.c.discrepancy).where(
            x.c.kind == "speaker", xs.c.document == document, xs.c.start == start, xs.c.end == end)).scalars())
    if ids:
        conn.execute(delete(x).where(x.c.id.in_(sorted(ids))))
