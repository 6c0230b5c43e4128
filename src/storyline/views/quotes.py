"""Quotes with their speakers and sources; a story's quotes, each once."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, Select, and_, case, select

from storyline.answers import accused_description
from storyline.store import Store, schema
from storyline.store.rows import display_title
from storyline.views import base
from storyline.views.model import UNATTRIBUTED, Page, QuoteRow, SpeakerQuotes, StoryQuote

__all__ = ["by_speaker", "quote_query", "quote_row", "quotes"]

q, d, c = schema.quotes, schema.documents, schema.claims


def _accused() -> Any:
    """SQL: who an accusation accuses: the target of the claim read from the same verb (only for "accuse")."""
    target = (select(c.c.target_name).where(c.c.document == q.c.document, c.c.cue_start == q.c.cue_start,
                                            c.c.cue_end == q.c.cue_end, c.c.target_name.is_not(None))
              .limit(1).scalar_subquery())
    return case((q.c.cue_verb == "accuse", target), else_=None)


def _accused_words() -> Any:
    """SQL: for an accusation, the words between its verb and the accused words ("the council's leadership of"),
    which describe who is accused when nobody was identified."""
    words = base.span_text(d, q.c.cue_end, q.c.start)
    return case((and_(q.c.cue_verb == "accuse", q.c.cue_end <= q.c.start), words), else_=None)


def quote_query() -> Select[Any]:
    """Quotes with their document's title, page map and OCR flag (and, for an accusation, who is accused)."""
    return (select(q.c.id, q.c.document, q.c.start, q.c.end, q.c.text, q.c.kind, q.c.speaker, q.c.speaker_name,
                   q.c.stance, q.c.confidence, q.c.published, q.c.story, q.c.quote_group, q.c.position, q.c.cue_verb,
                   q.c.speaker_kind, q.c.speaker_description, d.c.title.label("doc_title"), d.c.source, d.c.ocr,
                   d.c.pages, _accused().label("target_name"), _accused_words().label("accused_words"))
            .select_from(q.join(d, d.c.id == q.c.document)))


def quote_row(row: Any) -> QuoteRow:
    described = None if row.target_name else accused_description(row.cue_verb, row.accused_words)
    return QuoteRow(row.id, row.document, row.start, row.end, row.text, row.kind, row.speaker, row.speaker_name,
                    row.stance, row.confidence, row.published, display_title(row.doc_title, row.source, row.document),
                    row.story, row.quote_group, row.cue_verb, row.speaker_kind, row.speaker_description,
                    bool(row.ocr), base.page_label_of(row.pages, row.start, row.end), row.target_name, described)


def quotes(store: Store, speaker: str | None = None, limit: int = 100, offset: int = 0) -> Page[QuoteRow]:
    """Quotes, oldest document first; with ``speaker``, only those whose speaker name contains it (any case)."""
    query = quote_query().order_by(q.c.date_sort, q.c.document, q.c.position).limit(limit + 1).offset(offset)
    if speaker:
        query = query.where(base.contains(q.c.speaker_name, speaker))
    with base.reading(store) as conn:
        return base.page([quote_row(r) for r in conn.execute(query)], offset, limit)


def story_quotes(conn: Connection, story_id: str, documents: list[str], limit: int) -> list[QuoteRow]:
    """The quotes of a story's documents (at most ``limit``), in document and reading order."""
    rows: list[Any] = []
    for part in base.parts(documents):
        rows.extend(conn.execute(quote_query().where(q.c.document.in_(part)).limit(limit)))
    return [quote_row(r) for r in sorted(rows, key=lambda r: (r.document, r.position))][:limit]


def by_speaker(rows: list[QuoteRow], order: dict[str, int]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker, each quote once with every document carrying it.

    Quotes of one quote group (the same words in several documents) are one quote; its sources
    are listed in the order of ``order`` (the story's sources, earliest first). Speakers with the
    most quotes come first; unattributed quotes last.
    """
    groups: dict[str, list[QuoteRow]] = defaultdict(list)
    for row in sorted(rows, key=lambda x: (order.get(x.document, len(order)), x.start)):
        groups[row.quote_group or row.id].append(row)
    speakers: dict[tuple[str | None, str], list[StoryQuote]] = defaultdict(list)
    for sources in groups.values():
        quote = _one_quote(sources)
        speakers[(quote.speaker, quote.speaker_name or UNATTRIBUTED)].append(quote)
    out = [SpeakerQuotes(name, speaker, found) for (speaker, name), found in speakers.items()]
    return sorted(out, key=lambda s: (s.name == UNATTRIBUTED, -len(s.quotes), s.name))


def _one_quote(sources: list[QuoteRow]) -> StoryQuote:
    """A quote from its sources: the fullest text, and the speaker only if every attributed source agrees."""
    longest = max(sources, key=lambda s: (len(s.text), s.text))
    attributed = [s for s in sources if s.speaker or s.speaker_name]
    keys = {s.speaker or "name:" + " ".join((s.speaker_name or "").lower().split()) for s in attributed}
    if len(keys) != 1:
        return StoryQuote(longest.text, longest.kind, None, None, sources)
    names = Counter(s.speaker_name for s in attributed if s.speaker_name)
    name = max(names, key=lambda n: (names[n], len(n), n)) if names else None
    return StoryQuote(longest.text, longest.kind, attributed[0].speaker, name, sources)
