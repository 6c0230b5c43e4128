"""Online story clustering: each document joins the most similar story or starts one.

A document is a sparse vector of content words (tf-idf with idf from the documents
seen so far, headline words counted twice), a set of names (people, organisations
and places from its annotations; capitalised words when it has none) and a day.
A story keeps a centroid of the same kind plus its date range.  The score of a
document against a story mixes text cosine and name cosine and is damped by how
far the document's date lies outside the story's range (an unknown date is
neutral).  Candidates come from an inverted index of story terms and names, never
from all stories.  Weights and the threshold are fitted on ECB+ train
(``bench/clustering.py --fit``) and kept in ``data/link_story_params.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from storyline.model import Annotations, Document, Story

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of|for|the|de|van|von|upon)?\s*[A-Z][\w'’.-]*)*")
DOC_TERMS = 80  # terms kept per document vector
STORY_TERMS = 250  # terms kept per story centroid
MAX_CANDIDATES = 40
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


@dataclass
class StoryProfile:
    """A story's centroid: summed document vectors, name counts and date range."""

    id: str
    title: str
    documents: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(
        default_factory=dict
    )  # summed term frequencies (idf applied when scoring)
    names: dict[str, int] = field(default_factory=dict)
    name_types: dict[str, str] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None
    first_date: str | None = None
    last_date: str | None = None


@dataclass
class StoryIndex:
    """Incremental clustering state: document frequencies, stories and an inverted index."""

    doc_count: int = 0
    df: dict[str, int] = field(default_factory=dict)
    stories: dict[str, StoryProfile] = field(default_factory=dict)
    assignment: dict[str, str] = field(default_factory=dict)  # document id -> story id
    postings: dict[str, list[str]] = field(default_factory=dict)  # term or name -> story ids


def weighted_vector(features: DocumentFeatures, index: StoryIndex) -> dict[str, float]:
    """Unit tf-idf vector of a document's top terms, idf from the documents seen so far."""
    weights = {t: w * idf(t, index) for t, w in features.terms.items()}
    top = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:DOC_TERMS])
    return _unit(top)


def idf(key: str, index: StoryIndex) -> float:
    """Smoothed inverse document frequency of a term (or ``@name``) among the documents seen so far."""
    return math.log((index.doc_count + 1) / (index.df.get(key, 0) + 1)) + 1.0


def story_vector(story: StoryProfile, index: StoryIndex) -> dict[str, float]:
    """The story's summed term frequencies weighted by the current idf."""
    return {t: w * idf(t, index) for t, w in story.terms.items()}


def name_vectors(
    features: DocumentFeatures, story: StoryProfile, index: StoryIndex
) -> tuple[dict[str, float], dict[str, float]]:
    """Document and story name vectors, each name weighted by its idf (common names count less)."""
    doc = {n: idf("@" + n, index) * features.salience.get(n, 1.0) for n in features.names}
    return doc, {n: c * idf("@" + n, index) for n, c in story.names.items()}


def _unit(vector: Mapping[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else dict(vector)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def time_factor(day: int | None, story: StoryProfile, params: StoryParams) -> float:
    """1 inside the story's date range (or when a date is unknown), falling off outside it."""
    if day is None or story.first_day is None or story.last_day is None:
        return 1.0
    gap = max(story.first_day - day, day - story.last_day, 0) - params.time_grace_days
    return 1.0 if gap <= 0 else 1.0 / (1.0 + (gap / params.time_scale_days) ** 2)


def story_score(
    vector: Mapping[str, float],
    features: DocumentFeatures,
    story: StoryProfile,
    index: StoryIndex,
    params: StoryParams,
) -> float:
    """How well a document fits a story, from 0 to 1."""
    text = cosine(vector, story_vector(story, index))
    names = cosine(*name_vectors(features, story, index)) if features.names else 0.0
    mixed = (1.0 - params.name_weight) * text + params.name_weight * names
    if names_conflict(features, story):
        mixed *= params.conflict_factor
    return mixed * time_factor(features.day, story, params)


def names_conflict(features: DocumentFeatures, story: StoryProfile) -> bool:
    """True when neither side mentions any of the other's identifying names (people, places)."""
    story_keys = key_names(story.name_types, story.names)
    if not features.keys or not story_keys:
        return False
    return not any(n in story.names for n in features.keys) and not any(
        n in features.names for n in story_keys
    )


def candidate_stories(
    vector: Mapping[str, float], features: DocumentFeatures, index: StoryIndex
) -> list[str]:
    """Stories sharing the most terms or names with the document."""
    shared: Counter[str] = Counter()
    for key in list(vector) + ["@" + n for n in features.names]:
        shared.update(index.postings.get(key, []))
    return [s for s, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]]


def best_story(
    features: DocumentFeatures, index: StoryIndex, params: StoryParams
) -> tuple[str | None, float]:
    """The best-fitting existing story and its score (None when no story passes the threshold)."""
    vector = weighted_vector(features, index)
    best, best_score = None, 0.0
    for story_id in candidate_stories(vector, features, index):
        score = story_score(vector, features, index.stories[story_id], index, params)
        if score > best_score:
            best, best_score = story_id, score
    return (best, best_score) if best_score >= params.threshold else (None, best_score)


def add_document(
    features: DocumentFeatures, index: StoryIndex, params: StoryParams, forced_story: str | None = None
) -> str:
    """Assign one document to a story (``forced_story`` for duplicates and versions); returns the story id."""
    index.doc_count += 1
    for key in list(features.terms) + ["@" + n for n in features.names]:
        index.df[key] = index.df.get(key, 0) + 1
    story_id = forced_story if forced_story in index.stories else best_story(features, index, params)[0]
    if story_id is None:
        story_id = "story-" + features.id[:16]
        index.stories[story_id] = StoryProfile(id=story_id, title=features.title)
    _absorb(index, index.stories[story_id], features)
    index.assignment[features.id] = story_id
    return story_id


def _absorb(index: StoryIndex, story: StoryProfile, features: DocumentFeatures) -> None:
    old_keys = set(story.terms) | {"@" + n for n in story.names}
    for term in weighted_vector(features, index):
        story.terms[term] = story.terms.get(term, 0.0) + features.terms[term]
    weights = story_vector(story, index)
    story.terms = {t: story.terms[t] for t in sorted(weights, key=lambda t: (-weights[t], t))[:STORY_TERMS]}
    for name, kind in features.names.items():
        story.names[name] = story.names.get(name, 0) + 1
        story.name_types.setdefault(name, kind)
    story.documents.append(features.id)
    _extend_dates(story, features)
    for key in (set(story.terms) | {"@" + n for n in story.names}) - old_keys:
        index.postings.setdefault(key, []).append(story.id)


def _extend_dates(story: StoryProfile, features: DocumentFeatures) -> None:
    if features.day is None:
        return
    if story.first_day is None or features.day < story.first_day:
        story.first_day, story.first_date = features.day, features.date
        if len(story.documents) > 1:
            story.title = features.title
    if story.last_day is None or features.day > story.last_day:
        story.last_day, story.last_date = features.day, features.date


def cluster_stories(
    items: Iterable[tuple[Document, Annotations]],
    params: StoryParams | None = None,
    index: StoryIndex | None = None,
) -> StoryIndex:
    """Cluster documents (already in publication order) into stories, continuing ``index``."""
    params = params or story_params()
    index = index or StoryIndex()
    for doc, ann in items:
        if doc.id not in index.assignment:
            add_document(document_features(doc, ann, params), index, params)
    return index


def stories_of(index: StoryIndex, storyline_of: Mapping[str, str] | None = None) -> list[Story]:
    """The stories as model objects, in order of first date (undated last)."""
    storyline_of = storyline_of or {}
    profiles = sorted(index.stories.values(), key=lambda s: (s.first_day is None, s.first_day or 0, s.id))
    return [
        Story(
            id=s.id,
            title=s.title,
            documents=list(s.documents),
            storyline=storyline_of.get(s.id),
            first_date=s.first_date,
            last_date=s.last_date,
        )
        for s in profiles
    ]


def index_to_json(index: StoryIndex) -> dict[str, Any]:
    return {
        "doc_count": index.doc_count,
        "df": index.df,
        "stories": [dict(s.__dict__) for s in index.stories.values()],
        "assignment": index.assignment,
        "postings": index.postings,
    }


def index_from_json(data: Mapping[str, Any]) -> StoryIndex:
    stories = [StoryProfile(**s) for s in data.get("stories", [])]
    return StoryIndex(
        doc_count=int(data.get("doc_count", 0)),
        df=dict(data.get("df", {})),
        stories={s.id: s for s in stories},
        assignment=dict(data.get("assignment", {})),
        postings={k: list(v) for k, v in data.get("postings", {}).items()},
    )
