"""How alike two documents are: the probability that they report the same story.

Pure.  Each document is turned into idf-weighted vectors (words, phrases, names,
places) and sets (people, figures, years, anchors); a pair of documents gets nine
features (:data:`~storyline.link.story_features.PAIR_FEATURES`): the cosines of
the vectors, the overlap of figures and years, and three conflicts (both name
years but none in common; both name people but none in common; both name places
or organisations but share none of their telling words: Harwick and Northfield
against Stanmoor and Beacon).  A logistic model with
weights fitted on ECB+ train turns them into a probability.  Dates are not part of
it: they decide which documents are compared at all, and which groups may merge
(:mod:`storyline.link.story_clusters`).

Rare words weigh more: the idf comes from the documents linked so far, as counts
in the link index (``df``; names are counted as ``@name``, phrases as ``~phrase``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from storyline.link.story_features import DocumentFeatures, StoryParams, anchor_words

__all__ = [
    "DocVectors", "Idf", "cosine", "doc_vectors", "feature_keys", "pair_features", "pair_probability",
    "pair_score", "period_gap",
]


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


def feature_keys(features: DocumentFeatures) -> list[str]:
    """The keys a document's df counts and idf lookups use: terms, ``@names`` and ``~phrases``."""
    return [*features.terms, *("@" + n for n in features.names), *("~" + p for p in features.phrases)]


@dataclass(frozen=True)
class DocVectors:
    """A document's weighted vectors and sets, ready to compare with another's."""

    words: dict[str, float]
    phrases: dict[str, float]
    names: dict[str, float]
    places: dict[str, float]
    people: frozenset[str]
    numbers: frozenset[str]
    years: frozenset[str]
    anchors: frozenset[str]  # telling words of its place and organisation names


def doc_vectors(features: DocumentFeatures, idf: Idf) -> DocVectors:
    """Vectors of one document; ``idf`` must cover :func:`feature_keys`.

    A phrase counts only once another document has used it (df 2 or more): a pair of words
    no other document shares says nothing about likeness and would only dilute the cosine.
    """
    names = {n: features.salience.get(n, 1.0) * idf("@" + n) for n in features.names}
    phrases = {p: w * idf("~" + p) for p, w in features.phrases.items() if idf.df.get("~" + p, 0) > 1}
    return DocVectors(
        words={t: w * idf(t) for t, w in features.terms.items()},
        phrases=phrases,
        names=names,
        places={n: w for n, w in names.items() if features.names[n] == "place"},
        people=frozenset(n for n, kind in features.names.items() if kind == "person"),
        numbers=frozenset(features.numbers),
        years=frozenset(features.years),
        anchors=frozenset(anchor_words(features.names)),
    )


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _disjoint(a: frozenset[str], b: frozenset[str]) -> float:
    return 1.0 if a and b and not a & b else 0.0


def pair_features(a: DocVectors, b: DocVectors) -> tuple[float, ...]:
    """The pair features, in the order of ``PAIR_FEATURES``."""
    return (
        cosine(a.words, b.words),
        cosine(a.phrases, b.phrases),
        cosine(a.names, b.names),
        cosine(a.places, b.places),
        _jaccard(a.numbers, b.numbers),
        _jaccard(a.years, b.years),
        _disjoint(a.years, b.years),
        _disjoint(a.people, b.people),
        _disjoint(a.anchors, b.anchors),
    )


def pair_probability(features: Iterable[float], params: StoryParams) -> float:
    """Logistic model of "the same story" over pair features."""
    z = params.bias + sum(w * x for w, x in zip(params.weights, features))
    return 1.0 / (1.0 + math.exp(-z)) if z > -40 else 0.0


def period_gap(a: DocumentFeatures, b: DocumentFeatures) -> int | None:
    """Days between the periods of two documents' dates (0 when they overlap), None when either is undated."""
    if a.day is None or b.day is None:
        return None
    a_end = a.last_day if a.last_day is not None else a.day
    b_end = b.last_day if b.last_day is not None else b.day
    return max(0, a.day - b_end, b.day - a_end)


def pair_score(a: tuple[DocumentFeatures, DocVectors], b: tuple[DocumentFeatures, DocVectors],
               params: StoryParams) -> float:
    """The probability that two documents report the same story."""
    return pair_probability(pair_features(a[1], b[1]), params)
