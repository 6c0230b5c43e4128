"""Online story clustering: each document joins the most similar story or starts one.

A story keeps a centroid (the summed term frequencies of its documents' top
terms, and name counts) and the days of its dated documents.  A document's score
against a story mixes text cosine (tf-idf, idf from the documents seen so far)
and name cosine, is multiplied by ``conflict_factor`` when the two share no
identifying name, and is damped by the gap between the document's day and the
story's *nearest* dated document (an unknown date is neutral).  A story is a
burst of coverage: a follow-up after a long silence starts a new story, and
storylines link the two.  Measuring from the nearest document, not from the
story's whole date range, keeps a large story from absorbing everything that
falls inside its years.

Candidates come from the :class:`~storyline.link.index.LinkIndex`, never from
all stories: for a dated document, the stories with a document within the
*horizon* (the gap past which no story can reach the threshold) and the undated
stories sharing a term; for an undated document, the stories sharing its rarer
terms and names.  Features and fitted parameters are in
:mod:`storyline.link.story_features`.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from storyline.link.index import Item, LinkIndex, MemoryIndex
from storyline.link.story_features import (
    DOC_TERMS,
    DocumentFeatures,
    StoryParams,
    document_features,
    key_names,
    story_params,
)
from storyline.model import Story

STORY_TERMS = 250  # terms kept per story centroid
STORY_NAMES = 150  # names kept per story (the most frequent)
MAX_CANDIDATES = 20  # stories scored per document, the best by overlap_weight
MAX_UNDATED_POOL = 200  # stories sharing most keys with an undated document, ranked by overlap_weight
MAX_STORY_POSTINGS = 500  # a term filed under more stories than this cannot single one out
DOCUMENTS_KEY = "#documents"  # the df count under this key is the number of documents seen
WEEK = 7


@dataclass
class StoryProfile:
    """A story's centroid: summed document vectors, name counts and the days of its documents."""

    id: str
    title: str
    documents: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)  # summed term frequencies (idf applied when scoring)
    names: dict[str, int] = field(default_factory=dict)
    name_types: dict[str, str] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)  # sorted, distinct
    first_date: str | None = None
    last_date: str | None = None
    storyline: str | None = None

    @property
    def first_day(self) -> int | None:
        return self.days[0] if self.days else None

    @property
    def last_day(self) -> int | None:
        return self.days[-1] if self.days else None

    def keys(self) -> set[str]:
        """Terms and ``@names``: what the story is filed under."""
        return set(self.terms) | {"@" + n for n in self.names}

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "documents": list(self.documents), "terms": dict(self.terms),
            "names": dict(self.names), "name_types": dict(self.name_types), "days": list(self.days),
            "first_date": self.first_date, "last_date": self.last_date, "storyline": self.storyline,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StoryProfile:
        return cls(
            id=data["id"], title=data["title"], documents=list(data["documents"]), terms=dict(data["terms"]),
            names=dict(data["names"]), name_types=dict(data["name_types"]), days=list(data["days"]),
            first_date=data.get("first_date"), last_date=data.get("last_date"), storyline=data.get("storyline"),
        )

    def as_story(self) -> Story:
        return Story(self.id, self.title, list(self.documents), self.storyline, self.first_date, self.last_date)


@dataclass(frozen=True)
class Idf:
    """Smoothed inverse document frequencies among the documents seen so far.

    ``df`` holds every key it will be asked about (a missing key is a lookup
    that was never made, so it raises rather than pretend the key is unseen).
    """

    documents: int
    df: Mapping[str, int]
    weights: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        total = self.documents + 1
        weights = {key: math.log(total / (n + 1)) + 1.0 for key, n in self.df.items()}
        object.__setattr__(self, "weights", weights)

    def __call__(self, key: str) -> float:
        return self.weights[key]


def document_keys(features: DocumentFeatures) -> list[str]:
    """Terms and ``@names`` of a document (what its df counts and its lookups use)."""
    return list(features.terms) + ["@" + n for n in features.names]


def weighted_vector(features: DocumentFeatures, idf: Idf) -> dict[str, float]:
    """Unit tf-idf vector of a document's top terms."""
    weights = {t: w * idf(t) for t, w in features.terms.items()}
    top = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:DOC_TERMS])
    return _unit(top)


def story_vector(story: StoryProfile, idf: Idf) -> dict[str, float]:
    """The story's summed term frequencies weighted by the current idf."""
    weights = idf.weights
    return {t: w * weights[t] for t, w in story.terms.items()}


def name_vectors(features: DocumentFeatures, story: StoryProfile, idf: Idf) -> tuple[dict[str, float], dict[str, float]]:
    """Document and story name vectors, each name weighted by its idf (common names count less)."""
    doc = {n: idf("@" + n) * features.salience.get(n, 1.0) for n in features.names}
    return doc, {n: c * idf("@" + n) for n, c in story.names.items()}


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


def nearest_gap(day: int, days: list[int]) -> int:
    """Days between ``day`` and the closest of the sorted ``days``."""
    k = bisect.bisect_left(days, day)
    return min(abs(day - days[j]) for j in (k - 1, k) if 0 <= j < len(days))


def time_factor(day: int | None, story: StoryProfile, params: StoryParams) -> float:
    """1 near one of the story's dated documents (or when a date is unknown), falling off with the gap."""
    if day is None or not story.days:
        return 1.0
    gap = nearest_gap(day, story.days) - params.time_grace_days
    return 1.0 if gap <= 0 else 1.0 / (1.0 + (gap / params.time_scale_days) ** 2)


def horizon_days(params: StoryParams) -> int:
    """The gap past which even a perfect match scores below the threshold."""
    if params.threshold <= 0:
        return 10**6
    reach = params.time_scale_days * math.sqrt(max(0.0, 1.0 / min(1.0, params.threshold) - 1.0))
    return int(math.ceil(params.time_grace_days + reach)) + 1


def names_conflict(features: DocumentFeatures, story: StoryProfile) -> bool:
    """True when neither side mentions any of the other's identifying names (people, places)."""
    story_keys = key_names(story.name_types, story.names)
    if not features.keys or not story_keys:
        return False
    return not any(n in story.names for n in features.keys) and not any(n in features.names for n in story_keys)


def story_score(
    vector: Mapping[str, float], features: DocumentFeatures, story: StoryProfile, idf: Idf, params: StoryParams
) -> float:
    """How well a document fits a story, from 0 to 1."""
    text = cosine(vector, story_vector(story, idf))
    names = cosine(*name_vectors(features, story, idf)) if features.names else 0.0
    mixed = (1.0 - params.name_weight) * text + params.name_weight * names
    if names_conflict(features, story):
        mixed *= params.conflict_factor
    return mixed * time_factor(features.day, story, params)


class StoryBook:
    """Story profiles and story lookups over a :class:`LinkIndex`, cached for one linking session.

    Every change to a story goes through :meth:`save`, so the cache never goes stale.
    """

    def __init__(self, index: LinkIndex, params: StoryParams | None = None) -> None:
        self.index = index
        self.params = params or story_params()
        self.horizon = horizon_days(self.params)
        self._profiles: dict[str, StoryProfile] = {}
        self._keys: dict[str, set[str]] = {}

    def get(self, ids: Iterable[str]) -> dict[str, StoryProfile]:
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._profiles]
        for story_id, data in self.index.records("story", missing).items():
            self._profiles[story_id] = StoryProfile.from_json(data)
        return {i: self._profiles[i] for i in wanted if i in self._profiles}

    def keys_of(self, story: StoryProfile) -> set[str]:
        if story.id not in self._keys:
            self._keys[story.id] = story.keys()
        return self._keys[story.id]

    def save(self, story: StoryProfile) -> None:
        self._profiles[story.id] = story
        self._keys.pop(story.id, None)
        self.index.put_record("story", story.id, story.to_json())

    def idf(self, keys: Collection[str]) -> Idf:
        found = self.index.counts("df", [*keys, DOCUMENTS_KEY])
        return Idf(found.pop(DOCUMENTS_KEY), found)

    def active(self, day: int) -> set[str]:
        """Stories with a dated document within the horizon of ``day``."""
        weeks = [str(w) for w in range((day - self.horizon) // WEEK, (day + self.horizon) // WEEK + 1)]
        return {s for ids in self.index.postings("sweek", weeks).values() for s in ids}

    def sharing(self, kind: str, keys: Collection[str]) -> Counter[str]:
        """Stories filed under each key of ``keys`` (keys filed under very many stories left out), counted."""
        sizes = self.index.counts(kind + "n", keys)
        telling = [k for k in keys if 0 < sizes[k] <= MAX_STORY_POSTINGS]
        shared: Counter[str] = Counter()
        for ids in self.index.postings(kind, telling).values():
            shared.update(ids)
        return shared

    def file_under(self, kind: str, story_id: str, keys: Collection[str]) -> None:
        if keys:
            self.index.add_postings(kind, story_id, keys)
            self.index.add_counts(kind + "n", keys)


def overlap_weight(keys: Collection[str], story: StoryProfile, idf: Idf) -> float:
    """A cheap stand-in for the score, to rank candidates: the keys shared with the story, each weighted by
    its idf and by how often the story's documents use it on average (a big story does not win on size)."""
    total = 0.0
    for key in keys:
        weight = story.names.get(key[1:], 0) if key[0] == "@" else story.terms.get(key, 0.0)
        if weight:
            total += idf(key) * weight
    return total / max(1, len(story.documents))


def candidate_stories(features: DocumentFeatures, keys: set[str], book: StoryBook, idf: Idf) -> list[str]:
    """Stories worth scoring: active around the document's day (or sharing its rarer keys when undated),
    the ``MAX_CANDIDATES`` with the most :func:`overlap_weight` (``idf`` covers ``keys``)."""
    if features.day is None:
        pool = _top(book.sharing("st", keys), MAX_UNDATED_POOL)
    else:
        pool = sorted(book.active(features.day) | set(book.sharing("sund", keys)))
    return _top({sid: overlap_weight(keys, p, idf) for sid, p in book.get(pool).items()}, MAX_CANDIDATES)


def _top(scores: Mapping[str, float], n: int) -> list[str]:
    """The ``n`` ids with the highest positive scores (ties by id)."""
    ranked = heapq.nsmallest(n, (kv for kv in scores.items() if kv[1] > 0), key=lambda kv: (-kv[1], kv[0]))
    return [key for key, _ in ranked]


def best_story(features: DocumentFeatures, book: StoryBook) -> tuple[StoryProfile | None, float, Idf]:
    """The best-fitting story (None when none passes the threshold), its score, and the idf used."""
    keys = set(document_keys(features))
    doc_idf = book.idf(keys)
    vector = weighted_vector(features, doc_idf)
    lookup = set(vector) | {"@" + n for n in features.names}
    candidates = book.get(candidate_stories(features, lookup, book, doc_idf))
    idf = book.idf(keys.union(*(book.keys_of(p) for p in candidates.values())))
    best, best_score = None, 0.0
    for story_id in sorted(candidates):
        score = story_score(vector, features, candidates[story_id], idf, book.params)
        if score > best_score:
            best, best_score = candidates[story_id], score
    return (best, best_score, idf) if best_score >= book.params.threshold else (None, best_score, idf)


def add_document(features: DocumentFeatures, book: StoryBook, forced_story: str | None = None) -> str:
    """Assign one document to a story (``forced_story`` for duplicates and versions); returns the story id."""
    book.index.add_counts("df", [*document_keys(features), DOCUMENTS_KEY])
    story = book.get([forced_story]).get(forced_story) if forced_story else None
    if story is None:
        story, _, idf = best_story(features, book)
    else:
        idf = book.idf(set(document_keys(features)) | book.keys_of(story))
    if story is None:
        story = StoryProfile(id="story-" + features.id[:16], title=features.title)
    absorb(story, features, idf, book)
    return story.id


def absorb(story: StoryProfile, features: DocumentFeatures, idf: Idf, book: StoryBook) -> None:
    """Add a document to a story's centroid, days and postings, and save it."""
    old_keys = set(book.keys_of(story)) if story.documents else set()
    was_undated = not story.days
    for term in weighted_vector(features, idf):
        story.terms[term] = story.terms.get(term, 0.0) + features.terms[term]
    weights = story_vector(story, book.idf(story.terms))
    story.terms = {t: story.terms[t] for t in sorted(weights, key=lambda t: (-weights[t], t))[:STORY_TERMS]}
    for name, kind in features.names.items():
        story.names[name] = story.names.get(name, 0) + 1
        story.name_types.setdefault(name, kind)
    if len(story.names) > STORY_NAMES:
        kept = sorted(story.names, key=lambda n: (-story.names[n], n))[:STORY_NAMES]
        story.names = {n: story.names[n] for n in kept}
        story.name_types = {n: story.name_types[n] for n in kept}
    story.documents.append(features.id)
    new_week = _extend_days(story, features)
    new_keys = story.keys() - old_keys
    book.file_under("st", story.id, new_keys)
    if was_undated and not story.days:
        book.file_under("sund", story.id, new_keys)
    if new_week is not None:
        book.index.add_postings("sweek", story.id, [str(new_week)])
    book.save(story)


def _extend_days(story: StoryProfile, features: DocumentFeatures) -> int | None:
    """Add the document's day; returns its week when the story had no document that week."""
    day = features.day
    if day is None:
        return None
    new_week = all(d // WEEK != day // WEEK for d in story.days)
    if story.first_day is None or day < story.first_day:
        story.first_date = features.date
        if len(story.documents) > 1:
            story.title = features.title
    if story.last_day is None or day > story.last_day:
        story.last_date = features.date
    if day not in story.days:
        bisect.insort(story.days, day)
    return day // WEEK if new_week else None


def cluster_stories(items: Iterable[Item], params: StoryParams | None = None) -> dict[str, str]:
    """Cluster documents (already in publication order) into stories; returns document id -> story id."""
    book = StoryBook(MemoryIndex(), params)
    params = book.params
    return {doc.id: add_document(document_features(doc, ann, params), book) for doc, ann in items}


def stories_of(profiles: Iterable[StoryProfile]) -> list[Story]:
    """Stories as model objects, in order of first date (undated last)."""
    ordered = sorted(profiles, key=lambda s: (s.first_day is None, s.first_day or 0, s.id))
    return [p.as_story() for p in ordered]
