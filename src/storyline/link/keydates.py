"""Key-date timelines: the N most important dates of a set of documents, each with K short sentences.

A journalist's timeline lists the days that mattered, each with a line or two. Importance is measured
from the corpus, starting from DATEWISE (Gholipour Ghalandari & Ifrim 2020, whose supervised ranker reads
how many sentences and documents mention a date, before, on and after it): a day matters when many
documents, from many sources, refer to it, above all when later reports look back to it; a day on which
much was published counts too. Weights live in ``data/keydates_params.json``.

Sentences for a date are the sentences that carry it (never a sentence merely published that day), chosen
greedily to stay close to what is said of that day: the centroid of the word weights of the date's sentences,
with the day's own coverage (the dated sentences published that day, whatever their date) weighing in at half
their mass, as DATEWISE's "PM-Mean" summariser blends mentions and publications. Coverage only steers the
choice: it never dates a sentence. Preferred are dates read from the text over inferred ones, short sentences,
the reporter's account of the day over a preview written before it ("will vote on 14 March") and over someone's words
in the first or second person, a line of a journalist's own chronology ("Aug. 21 - Rebels enter Tripoli") over
other sentences, and different documents; never two near-identical sentences (versions and copies of one report).

Pure functions over :class:`DatedSentence` records; nothing here reads a store.

    >>> picks = key_dates(records, dates=10, sentences=2)
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from storyline import timex3

__all__ = ["DatedSentence", "KeyDate", "date_key", "every_date", "key_dates", "rank_dates", "within"]

_TOKEN = re.compile(r"[^\W\d_]{2,}")
_PERSONAL = re.compile(r"\b(?:I|me|my|My|we|We|us|our|Our|you|You|your|Your)\b")  # first and second person


@dataclass(frozen=True)
class DatedSentence:
    """A sentence that carries a date, with its source span and its document's publication date."""

    date: str  # TIMEX3 value
    inferred: bool
    document: str
    start: int
    end: int
    text: str  # the sentence, whitespace collapsed
    published: str | None = None  # ISO date of the document
    source: str | None = None  # site or source name (falls back to the document)
    anchor: str | None = None  # since, until ...: the date bounds a range, it dates no happening
    url: str | None = None  # the document's URL, when known


@dataclass
class KeyDate:
    """One date of a key-date timeline with its chosen sentences."""

    date: str  # TIMEX3 value: a day ("2011-02-11"), or a coarser period when that is all the sources say
    inferred: bool  # every sentence's date was inferred
    score: float
    documents: int  # how many documents refer to the date
    sources: int  # how many sources (sites) do
    sentences: list[DatedSentence] = field(default_factory=list)
    anchor: str | None = None  # every dated event listed: "since 2017" is its own entry, apart from "2017"


@dataclass(frozen=True)
class Params:
    """Weights of the date score (see ``data/keydates_params.json``)."""

    looking_back: float  # documents published after the date that refer to it
    same_day: float  # documents published on the day that refer to it
    looking_ahead: float  # documents published before the date that refer to it
    sources: float  # distinct sources that refer to it
    published: float  # documents published on the day or the day after (log-scaled)
    sentences: float  # sentences that refer to it (log-scaled)
    coarse: float  # factor for a period coarser than a day
    coverage: float  # weight of the day's own coverage in the centroid (the date's sentences weigh 1)
    redundant: float  # word overlap above which a sentence repeats one already chosen
    short_words: int  # sentences up to this many words are "short"
    max_words: int  # longer sentences are chosen only when nothing shorter is left


@cache
def params() -> Params:
    data: dict[str, Any] = json.loads(resources.files("storyline.data").joinpath("keydates_params.json")
                                      .read_text(encoding="utf-8"))
    return Params(**{k: v for k, v in data.items() if not k.startswith("_")})


@lru_cache(maxsize=65536)
def date_key(value: str) -> str | None:
    """The date a record counts for: its day when it names one (a time of day counts for its day),
    else the value itself when it can be placed on a calendar; None for what cannot be placed."""
    span = timex3.interval(value)
    if span is None:
        return None
    if span[0] == span[1]:
        return span[0].isoformat()
    return value


def within(records: Iterable[DatedSentence], start: date | None, end: date | None) -> list[DatedSentence]:
    """Records whose date lies inside [start, end] (either bound may be open)."""
    out = []
    for record in records:
        span = timex3.interval(record.date)
        if span is None or (start and span[0] < start) or (end and span[1] > end):
            continue
        out.append(record)
    return out


@lru_cache(maxsize=65536)
def _day(value: str | None) -> date | None:
    span = timex3.interval(value[:10]) if value else None
    return span[0] if span is not None and span[0] == span[1] else None


def rank_dates(records: Sequence[DatedSentence], p: Params | None = None) -> list[tuple[str, float]]:
    """Every date the records refer to (anchors left out), most important first, with its score."""
    p = p or params()
    by_date = _by_date(records)
    published = Counter(d for d in (_day(pub) for pub in {r.document: r.published for r in records}.values()) if d)
    scored = [(key, _score(key, group, published, p)) for key, group in by_date.items()]
    return sorted(scored, key=lambda kv: (-kv[1], kv[0]))


def _by_date(records: Iterable[DatedSentence]) -> dict[str, list[DatedSentence]]:
    out: dict[str, list[DatedSentence]] = defaultdict(list)
    for record in records:
        key = date_key(record.date) if record.anchor is None else None
        if key is not None:
            out[key].append(record)
    return out


def _score(key: str, group: list[DatedSentence], published: Counter[date], p: Params) -> float:
    day = _day(key)
    documents = {r.document: _day(r.published) for r in group}
    back = sum(1 for pub in documents.values() if day and pub and pub > day)
    same = sum(1 for pub in documents.values() if day and pub == day)
    ahead = len(documents) - back - same
    sources = len({r.source or r.document for r in group})
    out = p.looking_back * back + p.same_day * same + p.looking_ahead * ahead + p.sources * sources
    out += p.sentences * math.log1p(len(group))
    if day is not None:
        out += p.published * math.log1p(published[day] + published[date.fromordinal(day.toordinal() + 1)])
    else:
        out *= p.coarse
    return out


def key_dates(records: Sequence[DatedSentence], dates: int, sentences: int,
              p: Params | None = None) -> list[KeyDate]:
    """The ``dates`` most important dates, each with up to ``sentences`` sentences, in date order.

    Days come first; a coarser period (a month, a year) is listed only when fewer days than asked for have
    sentences, as a journalist dates what the sources allow.
    """
    p = p or params()
    ranked = rank_dates(records, p)
    days = [kv for kv in ranked if _day(kv[0]) is not None]
    periods = [kv for kv in ranked if _day(kv[0]) is None]
    chosen = (days + periods)[:max(0, dates)]
    by_date = _by_date(records)
    weights = _idf(records)
    several = _several_dates(records)
    coverage = _published_by_day(records)
    out = [_key_date(key, score, by_date[key], sentences, weights, p, several, coverage.get(key, []))
           for key, score in chosen]
    return sorted(out, key=lambda k: timex3.sort_key(k.date))


def every_date(records: Sequence[DatedSentence]) -> list[KeyDate]:
    """Every date the records refer to (anchors included, as their own entries), with all their sentences."""
    by_value: dict[tuple[str, str | None], list[DatedSentence]] = defaultdict(list)
    for record in records:
        by_value[(record.date, record.anchor)].append(record)
    out = [KeyDate(value, all(r.inferred for r in group), 0.0, len({r.document for r in group}),
                   len({r.source or r.document for r in group}), sorted(group, key=_reading_order), anchor)
           for (value, anchor), group in by_value.items()]
    return sorted(out, key=lambda k: timex3.sort_key(k.date))


def _reading_order(record: DatedSentence) -> tuple[str, str, int]:
    return (record.published or "9999", record.document, record.start)


def _several_dates(records: Iterable[DatedSentence]) -> set[tuple[str, int]]:
    """(document, start) of sentences that carry more than one date: a reader cannot tell which is meant."""
    dates: dict[tuple[str, int], set[str]] = defaultdict(set)
    for r in records:
        dates[(r.document, r.start)].add(r.date)
    return {key for key, values in dates.items() if len(values) > 1}


def _published_by_day(records: Iterable[DatedSentence]) -> dict[str, list[DatedSentence]]:
    """The dated sentences of each publication day (ISO day): what was reported that day, whatever its date."""
    out: dict[str, list[DatedSentence]] = defaultdict(list)
    for record in records:
        day = _day(record.published)
        if day is not None:
            out[day.isoformat()].append(record)
    return out


def _key_date(key: str, score: float, group: list[DatedSentence], k: int, weights: dict[str, float],
              p: Params, several: set[tuple[str, int]], coverage: Sequence[DatedSentence]) -> KeyDate:
    picked = pick_sentences(group, k, weights, p, several, coverage)
    return KeyDate(key, all(r.inferred for r in group), round(score, 3), len({r.document for r in group}),
                   len({r.source or r.document for r in group}), picked)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _idf(records: Sequence[DatedSentence]) -> dict[str, float]:
    frequency = Counter(t for r in {r.text: r for r in records}.values() for t in set(_tokens(r.text)))
    total = max(1, len(records))
    return {t: math.log(total / n) for t, n in frequency.items()}


def pick_sentences(group: Sequence[DatedSentence], k: int, weights: dict[str, float], p: Params | None = None,
                   several: AbstractSet[tuple[str, int]] = frozenset(),
                   coverage: Sequence[DatedSentence] = ()) -> list[DatedSentence]:
    """Up to ``k`` sentences that together stay closest to what the date's sentences, and ``coverage`` (the
    sentences published on the date, only weighing in, never chosen), say.

    A sentence that is little more than a timestamp ("January 31, 2011 at 2:59 pm | U.S.", "(Update 8:14
    a.m. Tuesday)") says nothing and is never chosen; one that carries other dates too, a preview published before
    its date and one in the first or second person (a quote, the reader addressed) come after the others; a line of a
    chronology (it opens with its day: "March 14 - Councillors vote ...") comes first.
    """
    p = p or params()
    unique: dict[str, DatedSentence] = {}
    for r in sorted(group, key=lambda r: (r.inferred, (r.document, r.start) in several, _reading_order(r))):
        if _says_something(r.text):
            unique.setdefault(" ".join(_tokens(r.text)), r)  # one copy of a repeated sentence: read, earliest
    candidates = list(unique.values())
    vectors = [_vector(r.text, weights) for r in candidates]
    return _greedy(candidates, vectors, k, p, several, _centroid(vectors, coverage, weights, p))


def _says_something(text: str) -> bool:
    """At least four words besides date and time words."""
    return sum(1 for t in _tokens(text) if t not in _time_words()) >= 4


@cache
def _time_words() -> frozenset[str]:
    words = {m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:] + calendar.day_name[:]}
    return frozenset(words | {"am", "pm", "et", "gmt", "bst", "utc", "update", "updated", "posted", "at"})


def _centroid(vectors: Sequence[Counter[str]], coverage: Sequence[DatedSentence], weights: dict[str, float],
              p: Params) -> Counter[str]:
    """The word weights of the date's sentences, plus the day's coverage scaled to ``p.coverage`` of their mass."""
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    share = p.coverage * len(vectors) / len(coverage) if coverage else 0.0
    for record in coverage:
        for token, weight in _vector(record.text, weights).items():
            centroid[token] += share * weight  # type: ignore[assignment]  # float weights in a Counter
    return centroid


def _greedy(unique: list[DatedSentence], vectors: list[Counter[str]], k: int, p: Params,
            several: AbstractSet[tuple[str, int]], centroid: Counter[str]) -> list[DatedSentence]:
    c_norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    to_centroid = [_dot(v, centroid) for v in vectors]
    norms = [_dot(v, v) for v in vectors]
    words = [len(r.text.split()) for r in unique]
    penalties = [_length_class(n, p) + int(r.inferred) + _not_an_account(r)
                 + (1 if (r.document, r.start) in several else -int(_chronology_line().match(r.text) is not None))
                 for r, n in zip(unique, words, strict=True)]
    chosen: list[int] = []
    summary: Counter[str] = Counter()
    s_dot, s_norm = 0.0, 0.0  # summary . centroid, |summary|^2
    while len(chosen) < k:
        documents = {unique[i].document for i in chosen}
        best: tuple[tuple[int, int, float], int] | None = None
        for i, record in enumerate(unique):
            if i in chosen or words[i] < 4 or any(_overlap(vectors[i], vectors[j]) > p.redundant for j in chosen):
                continue
            norm = math.sqrt(s_norm + 2 * _dot(vectors[i], summary) + norms[i]) or 1.0
            rank = (penalties[i], int(record.document in documents),
                    -(s_dot + to_centroid[i]) / (norm * c_norm))
            if best is None or rank < best[0]:
                best = (rank, i)
        if best is None:
            break
        i = best[1]
        s_norm += 2 * _dot(vectors[i], summary) + norms[i]
        s_dot += to_centroid[i]
        summary.update(vectors[i])
        chosen.append(i)
    return [unique[i] for i in chosen]


def _length_class(words: int, p: Params) -> int:
    return 0 if words <= p.short_words else 1 if words <= p.max_words else 2


def _not_an_account(record: DatedSentence) -> int:
    """How far a sentence is from the reporter's account of what happened on its date: 1 for a preview, written
    before the day ("He will be sentenced on 29 April"), 1 for words in the first or second person (someone's own
    words, "We will not leave until he goes", or the reader addressed)."""
    day, published = _day(record.date), _day(record.published)
    preview = day is not None and published is not None and published < day
    return int(preview) + int(_PERSONAL.search(record.text) is not None)


@cache
def _chronology_line() -> re.Pattern[str]:
    """A line of a journalist's own chronology: it opens with its day and a dash or colon ("Aug. 21 - Rebels enter
    Tripoli", "Friday 2 July: ..."), and no clock time follows ("12th August 2011 - 23:07 This comment ...")."""
    month = rf"(?:{'|'.join(calendar.month_abbr[1:])})[a-z]*\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    weekday = "|".join(calendar.day_name)
    return re.compile(rf"^\W*(?:(?:{weekday}),? )?(?:{day} {month}|{month} {day})(?:,? \d{{4}})?\s*[-–—:](?!\s*\d)")


def _dot(a: Counter[str], b: Counter[str]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return float(sum(v * b.get(t, 0.0) for t, v in a.items()))


def _vector(text: str, weights: dict[str, float]) -> Counter[str]:
    out: Counter[str] = Counter()
    for token in _tokens(text):
        out[token] += weights.get(token, 0.0)  # type: ignore[assignment]  # float weights in a Counter
    return out


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0
