"""A story's timeline: the dated events of all its documents, merged and ordered.

Events with the same date and similar text (or a shared actor and some shared
words) become one event that keeps the earliest source's span.  Dates of mixed
precision sort coarse before fine ("2023" < "2023-03" < "2023-03-14"); dates
without a year ("XXXX-10-19") get the story's year when every other dated
event of the story falls in that one year (marked ``inferred``), and otherwise
sort last.  Event ids are prefixed with their document id ("<docid>:v3") so
they stay unique across the corpus.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date as Date
from functools import lru_cache

from storyline.link.identity import identity_word_lists
from storyline.link.quotes import quote_tokens
from storyline.model import Annotations, Document, Event, Story

__all__ = ["date_sort_key", "event_words", "fill_missing_year", "same_happening", "story_timeline"]

Item = tuple[Document, Annotations]

MERGE_JACCARD = 0.3
MERGE_JACCARD_WITH_ACTOR = 0.2
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=1)
def _ignored_words() -> frozenset[str]:
    from storyline.link.story_features import word_lists

    return frozenset(word_lists()["stopwords"]) | frozenset(identity_word_lists()["month_words"])


def event_words(doc: Document, event: Event) -> set[str]:
    """Content words of an event's sentence (or summary), without its date expression, numbers or stopwords."""
    text = doc.text[event.start : event.end] if event.end > event.start else event.text
    if event.start <= event.timex[0] and event.timex[1] <= event.end:
        a, b = event.timex[0] - event.start, event.timex[1] - event.start
        text = text[:a] + " " + text[b:]
    ignored = _ignored_words()
    return {t for t in quote_tokens(text or event.text) if t not in ignored and not t.isdigit() and len(t) > 1}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_happening(words_a: set[str], actors_a: Iterable[str], words_b: set[str], actors_b: Iterable[str],
                   loose: float = MERGE_JACCARD_WITH_ACTOR, strict: float = MERGE_JACCARD) -> bool:
    """Whether two events describe one happening: similar words, or a shared actor and some similar words."""
    score = _jaccard(words_a, words_b)
    if score >= strict:
        return True
    return bool(set(actors_a) & set(actors_b)) and score >= loose


def date_sort_key(value: str) -> tuple[int, int, int, int, int, str]:
    """Order TIMEX3 values: known years first, coarse before fine, then unknown years and other values."""
    m = re.match(r"^(\d{3})X$|^(\d{4})(?:-(\d{2})|-(Q[1-4])|-(SP|SU|FA|AU|WI)|-W(\d{2}))?(?:-(\d{2}))?(.*)$", value)
    if not m:
        partial = re.match(r"^XXXX-(\d{2})(?:-(\d{2}))?", value)
        if partial:
            return (1, 0, int(partial.group(1)), 1, int(partial.group(2) or 0), value)
        return (2, 0, 0, 0, 0, value)
    if m.group(1):
        return (0, int(m.group(1)) * 10, 0, 0, 0, value)
    year = int(m.group(2))
    month, fine, day = 0, 0, 0
    if m.group(3):
        month, fine, day = int(m.group(3)), 1, int(m.group(7) or 0)
    elif m.group(4):
        month, fine = (int(m.group(4)[1]) - 1) * 3 + 1, 0
    elif m.group(5):
        month, fine = SEASON_MONTH[m.group(5)], 0
    elif m.group(6):
        iso = Date.fromisocalendar(year, max(1, min(52, int(m.group(6)))), 1)
        month, fine, day = iso.month, 1, iso.day
    return (0, year, month, fine, day, value)


def fill_missing_year(events: list[Event], published: Iterable[str | None] = ()) -> list[Event]:
    """Give "XXXX-MM..." events the story's year when the story's span lies in one year; mark them inferred.

    The story's span is given by its documents' publication dates and its
    fully dated (day) events; year-only or month-only mentions of the past
    ("created in 1974") do not count against it.
    """
    years = {e.date[:4] for e in events if FULL_DATE.match(e.date)}
    years |= {p[:4] for p in published if p and re.match(r"^\d{4}", p)}
    if len(years) != 1:
        return events
    year = next(iter(years))
    out = []
    for event in events:
        if re.match(r"^XXXX-\d{2}", event.date):
            event = dataclasses.replace(event, date=year + event.date[4:], inferred=True)
        out.append(event)
    return out


def _document_events(doc: Document, ann: Annotations, entity_map: Mapping[str, str]) -> list[Event]:
    out = []
    for event in ann.events:
        actors = [entity_map[f"{doc.id}:{a}"] for a in event.actors if f"{doc.id}:{a}" in entity_map]
        out.append(dataclasses.replace(event, id=f"{doc.id}:{event.id}", actors=list(dict.fromkeys(actors))))
    return out


def _story_items(story: Story, items_by_id: Mapping[str, Item]) -> list[Item]:
    """The story's documents, earliest published first (then in story order)."""
    present = [items_by_id[d] for d in dict.fromkeys(story.documents) if d in items_by_id]
    order = {doc.id: i for i, (doc, _) in enumerate(present)}
    return sorted(present, key=lambda it: (it[0].published or "9999", order[it[0].id]))


def _merge_same_date(events: list[tuple[Event, set[str]]]) -> list[Event]:
    """Collapse events of one date that describe one happening; the first (earliest source) keeps its span."""
    kept: list[tuple[Event, set[str]]] = []
    for event, words in events:
        match = next((k for k in kept if k[0].id.rsplit(":", 1)[0] != event.id.rsplit(":", 1)[0]
                      and same_happening(k[1], k[0].actors, words, event.actors)), None)
        if match is None:
            kept.append((event, set(words)))
            continue
        match[0].actors.extend(a for a in event.actors if a not in match[0].actors)
        match[1].update(words)
    return [e for e, _ in kept]


def story_timeline(story: Story, items_by_id: Mapping[str, Item], entity_map: dict[str, str]) -> list[Event]:
    """The merged, ordered events of every document of ``story`` (actors as corpus entity ids)."""
    items = _story_items(story, items_by_id)
    words: dict[str, set[str]] = {}
    events: list[Event] = []
    for doc, ann in items:
        for event, original in zip(_document_events(doc, ann, entity_map), ann.events):
            words[event.id] = event_words(doc, original)
            events.append(event)
    events = fill_missing_year(events, (doc.published for doc, _ in items))
    by_date: dict[str, list[tuple[Event, set[str]]]] = defaultdict(list)
    for event in events:
        by_date[event.date].append((event, words[event.id]))
    merged = [e for group in by_date.values() for e in _merge_same_date(group)]
    rank = {doc.id: i for i, (doc, _) in enumerate(items)}
    merged.sort(key=lambda e: (date_sort_key(e.date), rank[e.id.rsplit(":", 1)[0]], e.start))
    return merged
