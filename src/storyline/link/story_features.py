"""What story clustering reads from one document: words, phrases, names, numbers, a date and a headline.

Pure and cheap.  A document becomes a sparse vector of content words (headline
words counted ``title_weight`` times), its content word pairs (*phrases*), a set
of names (people, organisations and places from its annotations; capitalised
words when it has none) with their salience, its identifying names (people and
places), its *lead* (the surname of the person it is most about), the numbers
and years it mentions, and the period of its date (a day, or a whole month or
year when that is all that is known).  How two documents compare is in
:mod:`storyline.link.story_pairs`; the weights it uses are fitted on ECB+ train
(``bench/clustering.py --fit``) and kept in ``data/link_story_params.json``.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from storyline import timex3
from storyline.ingest.metadata import infer_year_from_body
from storyline.model import Annotations, Document, Timex

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|for|the|de|van|von|upon)?\s*[A-Z][\w'’.-]*)*")
_NUMBER = re.compile(r"(?<![\w.,:/–-])\d+(?:[.,]\d+)*(?=(?:m|bn|k|%)?(?![\w:/–-]))(?![.,]\d)")  # "£4.7m" -> 4.7
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SCORE = re.compile(r"(?<![\w.,:/–-])\d{1,3}[–-]\d{1,3}(?![\w.,:/–-])")  # a result or a tally: "31-24", "11–4"
DOC_TERMS = 80  # terms kept per document vector
STORED_TERMS = 100  # terms a document keeps for later comparisons (the most frequent) ...
STORED_PHRASES = 60  # ... and phrases (what the link index holds per document, and a batch reads)
KEY_NAMES = 5  # identifying names per document or story checked for a conflict
IDENTIFYING_TYPES = frozenset({"person", "place"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})
OPEN_END = date.max.toordinal()  # the last day of a period with no known end
LEAD_MIN_SALIENCE = 1.5  # a lead is named at least twice
PAIR_FEATURES = (
    "words", "phrases", "names", "places", "numbers", "years", "year_conflict", "person_conflict", "anchor_conflict",
    "number_conflict", "weekdays", "weekday_conflict", "days", "day_conflict", "month_conflict",
)


@dataclass(frozen=True)
class StoryParams:
    """Fitted weights of the story model; see ``data/link_story_params.json``.

    Two documents are alike with the probability ``logistic(bias + weights . pair features)``
    (:mod:`storyline.link.story_pairs`); groups of documents merge while the mean probability
    between them is at least ``threshold``, or ``lead_threshold`` when the two groups are about
    different people, and never when their dates are more than ``max_gap_days`` apart (a story is
    a burst of coverage; after a longer silence, coverage is a new story of the same storyline).
    Then a group of at most ``straggler_size`` documents joins the larger group it is most alike
    when one of their pairs is at least ``straggler_pair`` and their mean at least ``straggler_mean``;
    and a lone piece (a group of at most ``lone_size`` documents that found no home so) joins the group of its
    best pair when that pair is at least ``lone_pair`` and beats by ``lone_margin`` its best pair at the
    threshold with any other group, the dates allow it and its own lead and anchors do not tell another incident
    (a brief that repeats one report of a story and little else).
    """

    weights: tuple[float, ...] = (  # one per PAIR_FEATURES
        15.0, 11.0, 2.5, 2.0, 5.0, 2.5, -1.2, -0.9, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    )
    bias: float = -6.5
    threshold: float = 0.4
    lead_threshold: float = 0.6
    missing_weight: float = 0.2  # a pair never compared counts as this share of a zero
    title_weight: float = 2.0
    max_gap_days: float = 38.0
    max_open_gap_days: float = 38.0  # ... between a document written "in year Y or later" and dated coverage
    max_firm_gap_days: float = 1000.0  # ... between groups dated only from full dates in their text
    use_inferred_dates: float = 0.0  # 1: undated documents use the annotator's day-precise reference date
    straggler_size: float = 0.0  # groups of at most this many documents may join a larger group at last ...
    straggler_mean: float = 0.25  # ... when their mean probability with it is at least this ...
    straggler_pair: float = 0.8  # ... and one of their pairs with it at least this
    lone_size: float = 0.0  # groups of at most this many documents may join the group of their best pair ...
    lone_pair: float = 1.01  # ... when that pair is at least this ...
    lone_margin: float = 0.2  # ... and beats their best pair at the threshold with any other group by this much

    def with_weights(self, weights: Mapping[str, float]) -> StoryParams:
        """A copy with the named pair-feature weights (``"bias"`` for the intercept) replaced."""
        values = tuple(float(weights.get(name, w)) for name, w in zip(PAIR_FEATURES, self.weights))
        return replace(self, weights=values, bias=float(weights.get("bias", self.bias)))


@cache
def story_params() -> StoryParams:
    """The fitted parameters shipped with storyline."""
    raw = json.loads(resources.files("storyline.data").joinpath("link_story_params.json").read_text("utf8"))
    return params_from_json(raw["params"])


def params_from_json(data: Mapping[str, Any]) -> StoryParams:
    """Parameters from their JSON form: scalars by name, ``weights`` as ``{feature: weight}``."""
    scalars: dict[str, Any] = {
        k: float(v) for k, v in data.items() if k in StoryParams.__dataclass_fields__ and k != "weights"
    }
    return replace(StoryParams(), **scalars).with_weights(dict(data.get("weights", {})))


def params_to_json(params: StoryParams) -> dict[str, Any]:
    """The JSON form of :func:`params_from_json`."""
    data: dict[str, Any] = {k: getattr(params, k) for k in StoryParams.__dataclass_fields__ if k != "weights"}
    data["weights"] = {name: round(w, 4) for name, w in zip(PAIR_FEATURES, params.weights)}
    data["bias"] = round(params.bias, 4)
    return data


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """Stop words, calendar words and capitalised words that are not names."""
    raw = json.loads(resources.files("storyline.data").joinpath("link_stopwords.json").read_text("utf8"))
    return {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}


def day_number(value: str | None) -> int | None:
    """Day ordinal of an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: the period's first day)."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2] or 1), int(match[3] or 1)).toordinal()
    except ValueError:
        return None


def day_range(value: str | None) -> tuple[int, int] | None:
    """First and last day ordinals of the period an ISO date names (one day, a month or a year)."""
    first = day_number(value)
    if first is None or value is None:
        return None
    parts = value[:10].split("-")
    if len(parts) >= 3:
        return first, first
    year = int(parts[0])
    if len(parts) == 2:
        return first, first + calendar.monthrange(year, int(parts[1]))[1] - 1
    return first, date(year, 12, 31).toordinal()


@dataclass
class DocumentFeatures:
    """What clustering reads from one document."""

    id: str
    terms: dict[str, float]  # raw term weights (log tf), idf applied at scoring time
    names: dict[str, str]  # normalised name -> type ("person", "organisation", "place" or "name")
    day: int | None  # first day of the document's date (None when undated)
    date: str | None
    title: str
    keys: list[str] = field(default_factory=list)  # identifying names: people and places, else the commonest
    salience: dict[str, float] = field(default_factory=dict)  # name -> 1 + log(mentions), when counted
    last_day: int | None = None  # last day of its date's period (a month, a year), ``day`` when precise
    phrases: dict[str, float] = field(default_factory=dict)  # content word pairs, log tf
    numbers: list[str] = field(default_factory=list)  # figures it mentions (not years)
    years: list[str] = field(default_factory=list)  # years it mentions
    lead: str | None = None  # surname of the person the document is most about
    date_span: list[int] | None = None  # where the text names the year its date was inferred from
    date_dated: bool = False  # that year was named in a full date ("on 3 May 2007"), not only "in 2007"
    weekdays: list[str] = field(default_factory=list)  # days of the week its dates name ("4": a Thursday)
    days: list[str] = field(default_factory=list)  # days of the year its dates name ("12-11": 11 December)
    months: list[str] = field(default_factory=list)  # months its dates name ("12")

    @property
    def precise(self) -> bool:
        """Dated to the day (a month or a year is too coarse to place it among a story's days)."""
        return self.day is not None and (self.last_day is None or self.last_day == self.day)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "terms": self.terms, "names": self.names, "day": self.day, "date": self.date,
            "title": self.title, "keys": self.keys, "salience": self.salience, "last_day": self.last_day,
            "phrases": self.phrases, "numbers": self.numbers, "years": self.years, "lead": self.lead,
            "date_span": self.date_span, "date_dated": self.date_dated, "weekdays": self.weekdays,
            "days": self.days, "months": self.months,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DocumentFeatures:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def content_terms(text: str, title: str | None, title_weight: float) -> dict[str, float]:
    """Sublinear term frequencies of content words, headline words weighted up."""
    stop = word_lists()["stopwords"]
    counts: dict[str, float] = {}
    for source, weight in ((text, 1.0), (title or "", title_weight)):
        for match in WORD_RE.finditer(source):
            word = match.group().lower().replace("’", "'")
            if len(word) > 2 and word not in stop and not (word.isdigit() and len(word) != 4):
                counts[word] = counts.get(word, 0.0) + weight
    return {w: 1.0 + math.log(c) if c >= 1 else c for w, c in counts.items()}


def fallback_names(text: str) -> Counter[str]:
    """Capitalised word runs that are not sentence openers or calendar words, counted (no annotations at hand)."""
    lists = word_lists()
    skip = lists["calendar"] | lists["capitalised_stop"]
    names: Counter[str] = Counter()
    for match in _CAPITALISED.finditer(text):
        words = [w for w in match.group().split() if w.lower().strip(".'’") not in skip]
        if not words or (len(words) == 1 and len(words[0]) < 3):
            continue
        if len(words) == 1 and _opens_sentence(text, match.start()):
            continue
        names[" ".join(words).lower()] += 1
    return names


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def annotation_names(annotations: Annotations) -> dict[str, str]:
    """Entity names of the document, lower-cased, with their types."""
    return {e.name.strip().lower(): e.type for e in annotations.entities if e.name.strip()}


def headline(doc: Document) -> str:
    """The document's title, else its first line of prose (salutations like "Sir," skipped), cut to 100 characters."""
    if doc.title and doc.title.strip():
        return doc.title.strip()
    lines = (line.strip() for line in doc.text.splitlines())
    first = next((line for line in lines if line and not _salutation(line)), doc.id)
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _salutation(line: str) -> bool:
    return line.endswith(",") and len(line.split()) <= 4


def inferred_date(annotations: Annotations, params: StoryParams) -> str | None:
    """The annotator's reference date, when trusted and precise to the day (a bare year says too little)."""
    value = annotations.reference_date
    if not params.use_inferred_dates or not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return value


def key_names(names: Mapping[str, str], counts: Mapping[str, float], limit: int = KEY_NAMES) -> list[str]:
    """Names that identify an affair: its people and places when typed, else the most frequent names."""
    typed = [n for n in names if names[n] in IDENTIFYING_TYPES]
    pool = typed if typed else [n for n in names if names[n] == "name"]
    return sorted(pool, key=lambda n: (-counts.get(n, 0), n))[:limit]


def _mention_counts(annotations: Annotations) -> Counter[str]:
    by_id = {e.id: e.name.strip().lower() for e in annotations.entities}
    return Counter(by_id[m.entity] for m in annotations.mentions if m.entity in by_id)


def content_pairs(text: str) -> list[str]:
    """Adjacent content-word pairs ("jewellery heist", "injured reserve"), in text order, each word judged once."""
    stop = word_lists()["stopwords"]
    words = [w.lower() for w in WORD_RE.findall(text)]
    if "’" in text:
        words = [w.replace("’", "'") for w in words]
    content = [_content_word(w, stop) for w in words]
    return [f"{words[i]} {words[i + 1]}" for i in range(len(words) - 1) if content[i] and content[i + 1]]


def content_phrases(text: str) -> dict[str, float]:
    """Sublinear counts of adjacent content-word pairs (:func:`content_pairs`)."""
    return {p: 1.0 + math.log(c) for p, c in Counter(content_pairs(text)).items()}


def _content_word(word: str, stop: frozenset[str]) -> bool:
    return len(word) > 2 and word not in stop and not word.isdigit()


def mentioned_numbers(text: str) -> list[str]:
    """Figures a text mentions (a toll, a score, a sum), years and the numbers 0 and 1 left out."""
    found = {m.group().replace(",", "") for m in _NUMBER.finditer(text)}
    found.update(m.group().replace("–", "-") for m in _SCORE.finditer(text))
    return sorted(n for n in found if n not in ("0", "1") and not _YEAR.fullmatch(n))


def mentioned_years(text: str) -> list[str]:
    """Years from 1900 to 2099 a text mentions."""
    return sorted(set(_YEAR.findall(text)))


def calendar_mentions(timexes: Iterable[Timex]) -> tuple[list[str], list[str], list[str]]:
    """The weekdays ("4"), days of the year ("12-11") and months ("12") a document's dates and times name.

    What happened on "Thursday", on "Dec. 11", in "December": the same incident is told with the same days,
    while a look-alike incident (another earthquake, another heist) happened on other ones.  A weekday is read
    from "Thursday" and from a full date; durations, sets and vague references name no day.
    """
    weekdays: set[str] = set()
    days: set[str] = set()
    months: set[str] = set()
    for timex in timexes:
        value = timex3.parse(timex.value) if timex.type in ("DATE", "TIME") else None
        if value is None or value.kind != "date":
            continue
        if value.weekday is not None:
            weekdays.add(str(value.weekday))
        if value.month is None:
            continue
        months.add(f"{value.month:02d}")
        if value.day is not None:
            days.add(f"{value.month:02d}-{value.day:02d}")
            if value.year is not None:
                weekdays.add(str(date(value.year, value.month, value.day).isoweekday()))
    return sorted(weekdays), sorted(days), sorted(months)


def surname(name: str) -> str:
    """The last word of a person's name, suffixes such as "Jr." left out."""
    words = [w for w in name.split() if w not in NAME_SUFFIXES]
    return words[-1] if words else name


def anchor_words(names: Mapping[str, str]) -> list[str]:
    """The telling words of a document's place and organisation names: "harwick", "northfield" (not
    "borough", "council" or "partnership", which every council and trust has)."""
    lists = word_lists()
    generic = lists["generic_name_words"] | lists["stopwords"]
    words = {w for n, kind in names.items() if kind in ("place", "organisation") for w in WORD_RE.findall(n)}
    return sorted(w for w in words if len(w) > 2 and w not in generic and not w.isdigit())


def lead_person(names: Mapping[str, str], salience: Mapping[str, float]) -> str | None:
    """Surname of the person a document is most about: named most often, at least twice, and alone at the top."""
    people = sorted(((salience.get(n, 1.0), n) for n, kind in names.items() if kind == "person"), reverse=True)
    if not people or people[0][0] < LEAD_MIN_SALIENCE:
        return None
    lead = surname(people[0][1])
    if len(people) > 1 and people[1][0] >= people[0][0] and surname(people[1][1]) != lead:
        return None
    return lead


def _most(weights: Mapping[str, float], limit: int) -> dict[str, float]:
    """The ``limit`` heaviest entries (ties by key)."""
    if len(weights) <= limit:
        return dict(weights)
    return dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def document_features(doc: Document, annotations: Annotations, params: StoryParams) -> DocumentFeatures:
    """Features of one document (pure, cheap)."""
    published = doc.published or inferred_date(annotations, params)
    names = annotation_names(annotations)
    counts = _mention_counts(annotations)
    if not names:
        counts = fallback_names(doc.text)
        names = {n: "name" for n in counts}
    salience = {n: 1.0 + math.log(c) for n, c in counts.items() if c > 0 and n in names}
    period, span, dated = day_range(published), None, False
    weekdays, days, months = calendar_mentions(annotations.timexes)
    if published is None and (found := infer_year_from_body(doc.text)):
        published, span, dated = found.year, list(found.span), found.dated
        period = year_after(int(published))
    return DocumentFeatures(
        id=doc.id,
        terms=_most(content_terms(doc.text, doc.title, params.title_weight), STORED_TERMS),
        names=names,
        day=period[0] if period else None,
        date=published,
        title=headline(doc),
        keys=key_names(names, counts),
        salience=salience,
        last_day=period[1] if period else None,
        phrases=_most(content_phrases(doc.text), STORED_PHRASES),
        numbers=mentioned_numbers(doc.text),
        years=mentioned_years(doc.text),
        lead=lead_person(names, salience),
        date_span=span,
        date_dated=dated,
        weekdays=weekdays,
        days=days,
        months=months,
    )


def year_after(year: int) -> tuple[int, int]:
    """The period a text that reports ``year`` as past was written in: that year or any later one."""
    return date(year, 1, 1).toordinal(), OPEN_END
