"""How alike two documents are: the probability that they report the same story.

Pure.  Each document is turned into idf-weighted vectors (words, phrases, names,
places) and sets (people, figures, years, anchors, and the weekdays, days of the
year and months its dates name); a pair of documents gets fifteen features
(:data:`~storyline.link.story_features.PAIR_FEATURES`): the cosines of the vectors,
the overlap of figures, years, weekdays and days, and conflicts (both name years
but none in common; both name people but none in common; both name places or
organisations but share none of their telling words: Harwick and Northfield
against Stanmoor and Beacon; both name figures, weekdays, days or months but
none in common: another quake on the same island struck on another day, with
another magnitude and toll).  A logistic model with
weights fitted on ECB+ train turns them into a probability.  Dates are not part of
it: they decide which documents are compared at all, and which groups may merge
(:mod:`storyline.link.story_clusters`).

Rare words weigh more: the idf comes from the documents linked so far, as counts
in the link index (``df``; names are counted as ``@name``, phrases as ``~phrase``).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat

from storyline.link.story_features import DocumentFeatures, StoryParams, anchor_words

__all__ = [
    "DocVectors", "FixedParts", "Idf", "cosine", "doc_vectors", "feature_keys", "fixed_parts", "pair_features",
    "pair_probability", "pair_score", "period_gap", "vectors_at",
]


class _WeightsByCount(dict[int, float]):
    """Idf weights by document frequency, for one number of documents: keys share a few small counts, so
    each weight is computed once (the same expression, so the same float)."""

    def __init__(self, documents: int) -> None:
        super().__init__()
        self.total = documents + 1

    def __missing__(self, n: int) -> float:
        weight = self[n] = math.log(self.total / (n + 1)) + 1.0
        return weight


@lru_cache(maxsize=4)
def _weights_by_count(documents: int) -> _WeightsByCount:
    return _WeightsByCount(documents)


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
        by_count = _weights_by_count(self.documents)
        object.__setattr__(self, "weights", dict(zip(self.df, map(by_count.__getitem__, self.df.values()))))

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
    weekdays: frozenset[str] = frozenset()  # the days of the week, days of the year and months its dates name
    days: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    norms: tuple[float, float, float, float] = field(init=False, repr=False, compare=False)  # of the four vectors

    def __post_init__(self) -> None:
        object.__setattr__(self, "norms", tuple(_norm(v) for v in (self.words, self.phrases, self.names, self.places)))


@dataclass(frozen=True)
class FixedParts:
    """What a document's vectors take from it whatever the idf: its keys with their weights before the idf
    (log tf of terms and phrases, salience of names), and its sets (a document compared with many others
    over a linking run needs them computed once)."""

    keys: tuple[str, ...]  # :func:`feature_keys`: terms, then ``@names``, then ``~phrases``
    key_weights: tuple[float, ...]  # the weight of each key before the idf
    terms: tuple[str, ...]
    names: tuple[str, ...]
    phrases: tuple[str, ...]
    places: frozenset[str]
    people: frozenset[str]
    numbers: frozenset[str]
    years: frozenset[str]
    anchors: frozenset[str]
    weekdays: frozenset[str]
    days: frozenset[str]
    months: frozenset[str]


def fixed_parts(features: DocumentFeatures) -> FixedParts:
    """The parts of a document's vectors that do not depend on the idf."""
    salience = features.salience
    names = tuple(features.names)
    return FixedParts(
        keys=tuple(feature_keys(features)),
        key_weights=(*features.terms.values(), *(salience.get(n, 1.0) for n in names), *features.phrases.values()),
        terms=tuple(features.terms),
        names=names,
        phrases=tuple(features.phrases),
        places=frozenset(n for n, kind in features.names.items() if kind == "place"),
        people=frozenset(n for n, kind in features.names.items() if kind == "person"),
        numbers=frozenset(features.numbers),
        years=frozenset(features.years),
        anchors=frozenset(anchor_words(features.names)),
        weekdays=frozenset(features.weekdays),
        days=frozenset(features.days),
        months=frozenset(features.months),
    )


def doc_vectors(features: DocumentFeatures, idf: Idf, fixed: FixedParts | None = None) -> DocVectors:
    """Vectors of one document; ``idf`` must cover :func:`feature_keys` (``fixed``: its :func:`fixed_parts`).

    A phrase counts only once another document has used it (df 2 or more): a pair of words
    no other document shares says nothing about likeness and would only dilute the cosine.
    """
    parts = fixed if fixed is not None else fixed_parts(features)
    df, named = idf.df, len(parts.terms) + len(parts.names)
    counts = [*map(df.__getitem__, parts.keys[:named]), *map(df.get, parts.keys[named:], repeat(0))]
    return vectors_at(parts, idf.documents, counts)


def vectors_at(parts: FixedParts, documents: int, counts: Sequence[int]) -> DocVectors:
    """A document's vectors (:func:`doc_vectors`) straight from df counts: the number of ``documents`` and
    the count of each of its keys (``counts``, in the order of ``parts.keys``).  Every weight is the product
    :func:`doc_vectors` takes (log tf, or salience, times the idf of the key's count), and each vector holds
    them in the order of the document's features, so its norms and cosines are the same floats; the
    products are taken in one pass over the document's keys, without a dictionary of weights."""
    values = list(map(operator.mul, parts.key_weights, map(_weights_by_count(documents).__getitem__, counts)))
    terms, named = len(parts.terms), len(parts.terms) + len(parts.names)
    shared = list(map(_SEEN_BEFORE, counts[named:]))  # phrases another document used too (df 2 or more)
    names = dict(zip(parts.names, values[terms:named]))
    places = parts.places
    return DocVectors(
        words=dict(zip(parts.terms, values)),
        phrases=dict(zip(compress(parts.phrases, shared), compress(values[named:], shared))),
        names=names,
        places={n: w for n, w in names.items() if n in places},
        people=parts.people,
        numbers=parts.numbers,
        years=parts.years,
        anchors=parts.anchors,
        weekdays=parts.weekdays,
        days=parts.days,
        months=parts.months,
    )


_SEEN_BEFORE = (1).__lt__  # count > 1


def _norm(a: Mapping[str, float]) -> float:
    values = a.values()
    return math.sqrt(sum(map(operator.mul, values, values)))  # (v * v for each value, summed in order)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors."""
    return _cosine(a, _norm(a), b, _norm(b))


def _cosine(a: Mapping[str, float], a_norm: float, b: Mapping[str, float], b_norm: float) -> float:
    """Cosine of two sparse vectors whose norms are known (a pair's vectors are compared many times)."""
    norm = a_norm * b_norm
    if not norm:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum([v * b[k] for k, v in a.items() if k in b])  # the terms left out are 0.0: the same sum
    return dot / norm


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _disjoint(a: frozenset[str], b: frozenset[str]) -> float:
    return 1.0 if a and b and not a & b else 0.0


def pair_features(a: DocVectors, b: DocVectors) -> tuple[float, ...]:
    """The pair features, in the order of ``PAIR_FEATURES``."""
    return (
        _cosine(a.words, a.norms[0], b.words, b.norms[0]),
        _cosine(a.phrases, a.norms[1], b.phrases, b.norms[1]),
        _cosine(a.names, a.norms[2], b.names, b.norms[2]),
        _cosine(a.places, a.norms[3], b.places, b.norms[3]),
        _jaccard(a.numbers, b.numbers),
        _jaccard(a.years, b.years),
        _disjoint(a.years, b.years),
        _disjoint(a.people, b.people),
        _disjoint(a.anchors, b.anchors),
        _disjoint(a.numbers, b.numbers),
        _jaccard(a.weekdays, b.weekdays),
        _disjoint(a.weekdays, b.weekdays),
        _jaccard(a.days, b.days),
        _disjoint(a.days, b.days),
        _disjoint(a.months, b.months),
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
