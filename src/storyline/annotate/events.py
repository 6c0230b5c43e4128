"""Dated events: a sentence that carries a date becomes an :class:`Event` with its actors.

    events = build_events(text, sentences, timexes, mentions, entities, blocks)

One event per (sentence, date value).  Durations, sets and the vague ``PRESENT_REF`` /
``PAST_REF`` / ``FUTURE_REF`` ("now", "recently", "the future") are not dates and make no event;
headlines, captions and other non-paragraph blocks are skipped when blocks are given.

A date that only bounds a range ("since 2017", "until 2019", see ``Timex.anchor``) is not when the
happening took place: in a sentence that also has a point date it makes no event ("In January, a
report revealed that services had deteriorated since 2017" is dated January); alone, it makes an
event that keeps its ``anchor`` so that views say "since 2017" and key dates leave it out.
"""

from __future__ import annotations

from bisect import bisect_left

from storyline import timex3
from storyline.model import Block, Entity, Event, Mention, Sentence, Timex

__all__ = ["build_events", "event_summary"]

SUMMARY_WORDS = 25
_ACTOR_TYPES = ("person", "organisation")
_VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def is_event_date(timex: Timex) -> bool:
    """A DATE or TIME with a calendar value (not a duration, set or vague reference)."""
    return timex.type in ("DATE", "TIME") and timex.value not in _VAGUE_VALUES and not timex.value.startswith("P")


def event_summary(text: str, start: int, end: int, words: int = SUMMARY_WORDS) -> str:
    """The sentence with whitespace collapsed, cut to ``words`` words (with an ellipsis when cut)."""
    tokens = text[start:end].split()
    if len(tokens) <= words:
        return " ".join(tokens)
    return " ".join(tokens[:words]).rstrip(",;:") + "…"


def sentence_actors(sentence: Sentence, mentions: list[Mention], entities: list[Entity]) -> list[str]:
    """Ids of the people and organisations mentioned in the sentence, in order of first mention."""
    types = {e.id: e.type for e in entities}
    actors: list[str] = []
    for mention in mentions:
        if mention.start >= sentence.end or mention.end <= sentence.start:
            continue
        if types.get(mention.entity, mention.type) in _ACTOR_TYPES and mention.entity not in actors:
            actors.append(mention.entity)
    return actors


def _in_paragraph(sentence: Sentence, blocks: list[Block] | None) -> bool:
    if not blocks:
        return True
    return 0 <= sentence.block < len(blocks) and blocks[sentence.block].kind == "paragraph"


def build_events(text: str, sentences: list[Sentence], timexes: list[Timex], mentions: list[Mention],
                 entities: list[Entity], blocks: list[Block] | None = None) -> list[Event]:
    """Events from every paragraph sentence that carries a calendar date; ids "v1", "v2" ... in text order.

    ``inferred`` stays False here: the pipeline marks events whose date was resolved against an
    inferred (not published) reference date.
    """
    dated = sorted((t for t in timexes if is_event_date(t)), key=lambda t: t.start)
    starts = [t.start for t in dated]
    ordered_mentions = sorted(mentions, key=lambda m: m.start)
    mention_starts = [m.start for m in ordered_mentions]
    events: list[Event] = []
    for sentence in sorted(sentences, key=lambda s: s.start):
        if not _in_paragraph(sentence, blocks):
            continue
        inside = dated[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        if not inside:
            continue
        nearby = ordered_mentions[bisect_left(mention_starts, sentence.start - 200):
                                  bisect_left(mention_starts, sentence.end)]
        actors = sentence_actors(sentence, nearby, entities)
        summary = event_summary(text, sentence.start, sentence.end)
        seen: set[str] = set()
        points = [t for t in inside if t.anchor is None]
        for timex in points or inside:
            if timex.value in seen:
                continue
            seen.add(timex.value)
            events.append(Event(
                id=f"v{len(events) + 1}", start=sentence.start, end=sentence.end, date=timex.value,
                precision=timex3.precision(timex.value),
                text=summary, timex=(timex.start, timex.end), actors=list(actors), mod=timex.mod,
                anchor=timex.anchor,
            ))
    return events
