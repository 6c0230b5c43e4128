"""What story clustering reads from one document: content terms, names, a day and a headline.

Pure and cheap.  A document becomes a sparse vector of content words (headline
words counted ``title_weight`` times), a set of names (people, organisations and
places from its annotations; capitalised words when it has none) with their
salience, its identifying names (people and places) and its day.  The weights
and the threshold that scoring uses are fitted on ECB+ train
(``bench/clustering.py --fit``) and kept in ``data/link_story_params.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from storyline.model import Annotations, Document

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|for|the|de|van|von|upon)?\s*[A-Z][\w'’.-]*)*")
DOC_TERMS = 80  # terms kept per document vector
KEY_NAMES = 5  # identifying names per document or story checked for a conflict
IDENTIFYING_TYPES = frozenset({"person", "place"})


@dataclass(frozen=True)
class StoryParams:
    """Fitted weights of the story score; see ``data/link_story_params.json``."""

    threshold: float = 0.3
    name_weight: float = 0.3
    title_weight: float = 2.0
    time_grace_days: float = 3.0
    time_scale_days: float = 30.0
    conflict_factor: float = 1.0  # score multiplier when document and story share no identifying name
    use_inferred_dates: float = 1.0  # 1: undated documents use the annotator's day-precise reference date


@cache
def story_params() -> StoryParams:
    """The fitted parameters shipped with storyline."""
    raw = json.loads(resources.files("storyline.data").joinpath("link_story_params.json").read_text("utf8"))
    return StoryParams(
        **{k: float(v) for k, v in raw["params"].items() if k in StoryParams.__dataclass_fields__}
    )


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


@dataclass
class DocumentFeatures:
    """What clustering reads from one document."""

    id: str
    terms: dict[str, float]  # raw term weights (log tf), idf applied at scoring time
    names: dict[str, str]  # normalised name -> type ("person", "organisation", "place" or "name")
    day: int | None
    date: str | None
    title: str
    keys: list[str] = field(default_factory=list)  # identifying names: people and places, else the commonest
    salience: dict[str, float] = field(default_factory=dict)  # name -> 1 + log(mentions), when counted


def content_terms(text: str, title: str | None, title_weight: float) -> dict[str, float]:
    """Sublinear term frequencies of content words, headline words weighted up."""
    stop = word_lists()["stopwords"]
    counts: dict[str, float] = {}
    for source, weight in ((text, 1.0), (title or "", title_weight)):
        for match in _WORD.finditer(source):
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


def document_features(doc: Document, annotations: Annotations, params: StoryParams) -> DocumentFeatures:
    """Features of one document (pure, cheap)."""
    published = doc.published or inferred_date(annotations, params)
    names = annotation_names(annotations)
    counts = _mention_counts(annotations)
    if not names:
        counts = fallback_names(doc.text)
        names = {n: "name" for n in counts}
    return DocumentFeatures(
        id=doc.id,
        terms=content_terms(doc.text, doc.title, params.title_weight),
        names=names,
        day=day_number(published),
        date=published,
        title=headline(doc),
        keys=key_names(names, counts),
        salience={n: 1.0 + math.log(c) for n, c in counts.items() if c > 0 and n in names},
    )
