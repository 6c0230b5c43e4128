"""A story's timeline: one entry per fact, with every source that reports it, in date order.

Three steps over the dated events of a story's documents:

1. **Years from evidence** (:mod:`storyline.link.event_years`): a date written without its year in an
   undated document gets one only when the same event elsewhere, order cues and the story's dates agree;
   it is then marked ``inferred``.
2. **One event per fact**: reports of the same happening in different documents (versions, copies,
   follow-ups) become one entry. Two reports are the same happening when their sentences are
   near-identical (whatever their dates; a sentence's dates pair in order), or when their dates agree (one may lack the year) and
   their words are similar (or they share an actor and some words), or when they give different full
   dates but their words are very similar and neither document also gives the other's date. The entry
   keeps the earliest source's span, lists every report in ``sources`` and is ``disputed`` when the
   reports give different dates: :func:`date_discrepancies` turns those into the story's discrepancies.
3. **Order**: :func:`storyline.timex3.sort_key` (coarse before fine, unknown years last).

Event ids are prefixed with their document id ("<docid>:v3") so they stay unique across the corpus.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline import timex3
from storyline.link.event_years import (
    agreed_year,
    order_year,
    reference_window,
    story_span,
    window_year,
    with_year,
    year_unknown,
)
from storyline.link.identity import identity_word_lists
from storyline.link.quotes import discrepancy_id, quote_tokens
from storyline.model import Annotations, Discrepancy, Document, Event, EventSource, SpanRef, Story

__all__ = ["date_discrepancies", "date_sort_key", "event_words", "same_happening", "story_timeline"]

Item = tuple[Document, Annotations]

MERGE_JACCARD = 0.3
MERGE_JACCARD_WITH_ACTOR = 0.2
DISPUTE_JACCARD = 0.5  # different dates for one happening need more similar words
DISPUTE_JACCARD_WITH_ACTOR = 0.34
NEAR_IDENTICAL = 0.8  # versions of one sentence: one entry whatever their dates say
MAX_EVENTS_PER_WORD = 40  # a word in more event sentences than this cannot tell two happenings apart


def date_sort_key(value: str | None) -> timex3.SortKey:
    """Order TIMEX3 values as a reader expects (see :func:`storyline.timex3.sort_key`)."""
    return timex3.sort_key(value)


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


@dataclass
class _Report:
    """One document's dated sentence, as the story timeline sees it."""

    doc: Document
    ann: Annotations
    event: Event  # id "<doc>:<local>", corpus actors, date after year inference
    words: set[str]
    rank: int  # the document's place in the story (earliest published first)
    slot: tuple[int, int]  # (place among its sentence's dates, how many dates the sentence has)

    @property
    def single(self) -> bool:
        """The only date of its sentence (a sentence with two dates cannot say which goes with what)."""
        return self.slot[1] == 1


def story_timeline(story: Story, items_by_id: Mapping[str, Item], entity_map: Mapping[str, str]) -> list[Event]:
    """The story's events, one per fact, ordered (actors as corpus entity ids, years filled from evidence)."""
    items = _story_items(story, items_by_id)
    reports = _reports(items, entity_map)
    _fill_years(reports, [doc.published for doc, _ in items])
    merged = [_merged_event(group) for group in _same_events(reports)]
    rank = {doc.id: i for i, (doc, _) in enumerate(items)}
    merged.sort(key=lambda e: (timex3.sort_key(e.date), rank[e.id.rsplit(":", 1)[0]], e.start))
    return merged


def _story_items(story: Story, items_by_id: Mapping[str, Item]) -> list[Item]:
    """The story's documents, earliest published first (then in story order)."""
    present = [items_by_id[d] for d in dict.fromkeys(story.documents) if d in items_by_id]
    order = {doc.id: i for i, (doc, _) in enumerate(present)}
    return sorted(present, key=lambda it: (it[0].published or "9999", order[it[0].id]))


def _reports(items: Sequence[Item], entity_map: Mapping[str, str]) -> list[_Report]:
    out: list[_Report] = []
    for rank, (doc, ann) in enumerate(items):
        per_sentence = Counter((e.start, e.end) for e in ann.events)
        seen: Counter[tuple[int, int]] = Counter()
        for event in ann.events:
            actors = [entity_map[f"{doc.id}:{a}"] for a in event.actors if f"{doc.id}:{a}" in entity_map]
            merged = dataclasses.replace(event, id=f"{doc.id}:{event.id}", actors=list(dict.fromkeys(actors)),
                                         sources=[], disputed=False)
            sentence = (event.start, event.end)
            out.append(_Report(doc, ann, merged, event_words(doc, event), rank,
                               (seen[sentence], per_sentence[sentence])))
            seen[sentence] += 1
    return out


# --- 1. years from evidence ---------------------------------------------------------------------


def _fill_years(reports: list[_Report], published: Iterable[str | None]) -> None:
    """Give a year to each yearless date the story's evidence agrees on (marked inferred)."""
    told: dict[tuple[int, int | None], list[_Report]] = defaultdict(list)
    for report in reports:
        parsed = _parsed(report.event.date)
        if parsed is not None and parsed.year is not None and parsed.month is not None and not report.event.inferred \
                and parsed.precision in ("day", "month", "time"):
            told[(parsed.month, parsed.day)].append(report)
    days = story_span(published)
    for report in reports:
        yearless = year_unknown(report.event.date)
        if yearless is None:
            continue
        year = agreed_year([*_same_event_years(report, told[yearless]), *_context_years(report, yearless, days)])
        if year is not None:
            report.event = dataclasses.replace(report.event, date=with_year(report.event.date, year), inferred=True)


def _same_event_years(report: _Report, candidates: Iterable[_Report]) -> list[int | None]:
    """Years other documents give the same happening on the same day and month."""
    return [_parsed(other.event.date).year for other in candidates  # type: ignore[union-attr]
            if other.doc.id != report.doc.id and _same_fact(report, other)]


def _context_years(report: _Report, yearless: tuple[int, int | None], story_days: list[str]) -> list[int | None]:
    """What order cues in the document and the days the story's documents appeared say."""
    doc, ann, event = report.doc, report.ann, report.event
    order = order_year(doc.text, ann.timexes, event.timex, *yearless)
    named = ann.reference_date if doc.published is None else None
    window = reference_window(doc.published, named, story_days)
    in_window = window_year(doc.text, event.timex, *yearless, window) if window else None
    return [order, in_window]


# --- 2. one event per fact ----------------------------------------------------------------------


def _same_fact(a: _Report, b: _Report) -> bool:
    return _jaccard(a.words, b.words) >= NEAR_IDENTICAL or same_happening(a.words, a.event.actors, b.words,
                                                                          b.event.actors)


def _compatible(a: str, b: str) -> bool:
    """Same date, or the same day and month with one year unknown."""
    return a == b or ((a.startswith("XXXX") or b.startswith("XXXX")) and a[4:] == b[4:] and len(a) > 4)


@lru_cache(maxsize=8192)
def _parsed(value: str) -> timex3.TimexValue | None:
    """:func:`storyline.timex3.parse`, once per value (a story's reports are compared pair by pair)."""
    return timex3.parse(value)


@lru_cache(maxsize=8192)
def _full_day(value: str) -> bool:
    parsed = _parsed(value)
    return parsed is not None and parsed.year is not None and parsed.precision in ("day", "time")


def _same_event(a: _Report, b: _Report, dates_in: Mapping[str, set[str]]) -> bool:
    if a.doc.id == b.doc.id:
        return False
    da, db = a.event.date, b.event.date
    if _compatible(da, db):
        return same_happening(a.words, a.event.actors, b.words, b.event.actors)
    if a.slot == b.slot and _jaccard(a.words, b.words) >= NEAR_IDENTICAL:
        return True  # one sentence in two versions: one entry, whatever their dates (date by date, in order)
    if not (a.single and b.single and _full_day(da) and _full_day(db)) or a.event.inferred or b.event.inferred:
        return False
    if da[:10] in dates_in[b.doc.id] or db[:10] in dates_in[a.doc.id]:
        return False  # each document also gives the other's date: two happenings, not a conflict
    return same_happening(a.words, a.event.actors, b.words, b.event.actors,
                          DISPUTE_JACCARD_WITH_ACTOR, DISPUTE_JACCARD)


def _same_events(reports: list[_Report]) -> list[list[_Report]]:
    """Reports grouped by fact (union of every pair found the same), in the order of their first report."""
    parent = list(range(len(reports)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dates_in: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        dates_in[r.doc.id].add(r.event.date[:10])
    for i, j in _candidate_pairs(reports):
        if root(i) != root(j) and _same_event(reports[i], reports[j], dates_in):
            parent[root(j)] = root(i)
    groups: dict[int, list[_Report]] = defaultdict(list)
    for i, report in enumerate(reports):
        groups[root(i)].append(report)
    return list(groups.values())


def _candidate_pairs(reports: list[_Report]) -> list[tuple[int, int]]:
    """Pairs worth comparing: same day and month, or a shared word that few event sentences use; never two
    reports of one document (:func:`_same_event` refuses them), so a long document that repeats one date
    thousands of times makes no pairs of its own."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        value = report.event.date
        buckets["@" + (value[4:] if value[4:5] == "-" else value)].append(i)  # the day and month, year aside
        for word in report.words:
            buckets[word].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in buckets.items():
        if not key.startswith("@") and len(members) > MAX_EVENTS_PER_WORD:
            continue
        pairs.update(_across_documents(members, reports))
    return sorted(pairs)


def _across_documents(members: list[int], reports: list[_Report]) -> Iterator[tuple[int, int]]:
    """Every pair (lower index first) of ``members`` whose reports come from two documents."""
    by_document: dict[str, list[int]] = defaultdict(list)
    for i in members:
        by_document[reports[i].doc.id].append(i)
    parts = list(by_document.values())
    for n, left in enumerate(parts):
        for right in parts[n + 1:]:
            yield from ((a, b) if a < b else (b, a) for a in left for b in right)


def _merged_event(group: list[_Report]) -> Event:
    """One entry for a fact: the date most reports read from their text (the earliest source on a tie),
    the earliest such report's span, every report as a source, and whether their dates differ."""
    group = sorted(group, key=lambda r: (r.rank, r.event.start))
    read = Counter(r.event.date for r in group if not r.event.inferred and not r.event.date.startswith("XXXX"))
    chosen = max(read, key=lambda d: (read[d], -next(i for i, r in enumerate(group) if r.event.date == d))) \
        if read else group[0].event.date
    lead = next(r for r in group if r.event.date == chosen)
    sources = [_source(lead)] + [_source(r) for r in group if r is not lead]
    actors = list(dict.fromkeys(a for r in [lead, *group] for a in r.event.actors))
    inferred = all(r.event.inferred for r in group if r.event.date == chosen)
    disputed = len({r.event.date[:10] for r in group if _full_day(r.event.date) and not r.event.inferred}) > 1
    return dataclasses.replace(lead.event, actors=actors, sources=sources if len(group) > 1 else [],
                               inferred=inferred, disputed=disputed)


def _source(report: _Report) -> EventSource:
    e = report.event
    return EventSource(report.doc.id, e.start, e.end, e.date, tuple(e.timex), e.inferred)  # type: ignore[arg-type]


def date_discrepancies(story: Story, timeline: Iterable[Event]) -> list[Discrepancy]:
    """One discrepancy per disputed entry of a story timeline, with the first report of each date."""
    out = []
    for event in timeline:
        if not event.disputed:
            continue
        first: dict[str, EventSource] = {}
        for source in event.sources:
            if _full_day(source.date) and not source.inferred:
                first.setdefault(source.date[:10], source)
        spans = [SpanRef(s.document, *s.timex) for s in first.values()]
        told = " but ".join(f"{timex3.words(d)} in {s.document}" for d, s in first.items())
        out.append(Discrepancy(discrepancy_id("date", spans), story.id, "date", f"“{event.text}” is dated {told}.",
                               spans))
    return out
