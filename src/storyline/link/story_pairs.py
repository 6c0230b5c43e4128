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


class DocVectors:
    """A document's weighted vectors and sets under one df, ready to compare with another's.

    The weights are held as one list in the order of the document's keys (``values``: terms, names, then
    phrases, as :attr:`FixedParts.keys`), and read through the positions its :class:`FixedParts` keeps: a
    candidate's vectors are made anew for every new document (every weight depends on the number of
    documents), and four dictionaries per candidate were half of that. ``words``, ``phrases``, ``names`` and
    ``places`` give each vector as a dictionary (a key to its weight, in the order of the features)."""

    __slots__ = ("parts", "values", "name_values", "place_values", "phrase_values", "shared", "phrase_count", "norms")

    def __init__(self, parts: FixedParts, values: list[float], shared: list[bool]) -> None:
        terms, named = len(parts.terms), len(parts.terms) + len(parts.names)
        self.parts = parts
        self.values = values  # every key's weight, in the order of ``parts.keys``
        self.name_values = names = values[terms:named]
        self.place_values = [names[i] for i in parts.place_positions]
        self.phrase_values = phrases = values[named:]
        self.shared = shared  # which phrases count (another document used them too: df 2 or more)
        self.phrase_count = shared.count(True)
        counted = list(compress(phrases, shared))
        self.norms = (_norm_of(values[:terms]), _norm_of(counted), _norm_of(names), _norm_of(self.place_values))

    @property
    def words(self) -> dict[str, float]:
        return dict(zip(self.parts.terms, self.values))

    @property
    def phrases(self) -> dict[str, float]:
        return dict(zip(compress(self.parts.phrases, self.shared), compress(self.phrase_values, self.shared)))

    @property
    def names(self) -> dict[str, float]:
        return dict(zip(self.parts.names, self.name_values))

    @property
    def places(self) -> dict[str, float]:
        return dict(zip(self.parts.place_names, self.place_values))

    @property
    def people(self) -> frozenset[str]:
        return self.parts.people

    @property
    def numbers(self) -> frozenset[str]:
        return self.parts.numbers

    @property
    def years(self) -> frozenset[str]:
        return self.parts.years

    @property
    def anchors(self) -> frozenset[str]:
        return self.parts.anchors

    def _compared(self) -> tuple[object, ...]:
        p = self.parts
        return (self.words, self.phrases, self.names, self.places, p.people, p.numbers, p.years, p.anchors,
                p.weekdays, p.days, p.months)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocVectors) and self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class FixedParts:
    """What a document's vectors take from it whatever the idf: its keys with their weights before the idf
    (log tf of terms and phrases, salience of names), its sets (a document compared with many others
    over a linking run needs them computed once), and where each key of a vector is among its weights."""

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
    term_at: dict[str, int] = field(default_factory=dict, compare=False)  # a term's position among the terms
    name_at: dict[str, int] = field(default_factory=dict, compare=False)  # a name's among the names
    phrase_at: dict[str, int] = field(default_factory=dict, compare=False)  # a phrase's among the phrases
    place_names: tuple[str, ...] = ()  # the names that are places, in the order of the names
    place_positions: tuple[int, ...] = ()  # their positions among the names
    place_at: dict[str, int] = field(default_factory=dict, compare=False)  # a place's among the places


def fixed_parts(features: DocumentFeatures) -> FixedParts:
    """The parts of a document's vectors that do not depend on the idf."""
    salience = features.salience
    names = tuple(features.names)
    places = frozenset(n for n, kind in features.names.items() if kind == "place")
    place_positions = tuple(i for i, n in enumerate(names) if n in places)
    place_names = tuple(names[i] for i in place_positions)
    return FixedParts(
        keys=tuple(feature_keys(features)),
        key_weights=(*features.terms.values(), *(salience.get(n, 1.0) for n in names), *features.phrases.values()),
        terms=tuple(features.terms),
        names=names,
        phrases=tuple(features.phrases),
        places=places,
        people=frozenset(n for n, kind in features.names.items() if kind == "person"),
        numbers=frozenset(features.numbers),
        years=frozenset(features.years),
        anchors=frozenset(anchor_words(features.names)),
        weekdays=frozenset(features.weekdays),
        days=frozenset(features.days),
        months=frozenset(features.months),
        term_at={t: i for i, t in enumerate(features.terms)},
        name_at={n: i for i, n in enumerate(names)},
        phrase_at={p: i for i, p in enumerate(features.phrases)},
        place_names=place_names,
        place_positions=place_positions,
        place_at={n: i for i, n in enumerate(place_names)},
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
    named = len(parts.terms) + len(parts.names)
    return DocVectors(parts, values, [count > 1 for count in counts[named:]])  # phrases another document used too


def _norm(a: Mapping[str, float]) -> float:
    values = a.values()
    return math.sqrt(sum(map(operator.mul, values, values)))  # (v * v for each value, summed in order)


def _norm_of(values: Sequence[float]) -> float:
    return math.sqrt(sum(map(operator.mul, values, values)))  # the same sum as :func:`_norm` of a vector in order


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


def _words(a: DocVectors, b: DocVectors) -> float:
    """:func:`_cosine` of the word vectors, read through positions: the products of the shared keys' weights,
    summed in the order of the smaller vector (the first on a tie), as the dictionaries give it."""
    norm = a.norms[0] * b.norms[0]
    if not norm:
        return 0.0
    if len(a.parts.terms) > len(b.parts.terms):
        a, b = b, a
    at, values = b.parts.term_at, b.values
    return sum([v * values[at[k]] for k, v in zip(a.parts.terms, a.values) if k in at]) / norm


def _names(a: DocVectors, b: DocVectors) -> float:
    norm = a.norms[2] * b.norms[2]
    if not norm:
        return 0.0
    if len(a.name_values) > len(b.name_values):
        a, b = b, a
    at, values = b.parts.name_at, b.name_values
    return sum([v * values[at[k]] for k, v in zip(a.parts.names, a.name_values) if k in at]) / norm


def _places(a: DocVectors, b: DocVectors) -> float:
    norm = a.norms[3] * b.norms[3]
    if not norm:
        return 0.0
    if len(a.place_values) > len(b.place_values):
        a, b = b, a
    at, values = b.parts.place_at, b.place_values
    return sum([v * values[at[k]] for k, v in zip(a.parts.place_names, a.place_values) if k in at]) / norm


def _phrases(a: DocVectors, b: DocVectors) -> float:
    """The phrase cosine: only the phrases each side counts (``shared``) are in its vector."""
    norm = a.norms[1] * b.norms[1]
    if not norm:
        return 0.0
    if a.phrase_count > b.phrase_count:
        a, b = b, a
    b_at, b_values, b_shared = b.parts.phrase_at, b.phrase_values, b.shared
    return sum([v * b_values[b_at[k]] for k, v, s in zip(a.parts.phrases, a.phrase_values, a.shared)
                if s and k in b_at and b_shared[b_at[k]]]) / norm


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _disjoint(a: frozenset[str], b: frozenset[str]) -> float:
    return 1.0 if a and b and not a & b else 0.0


def pair_features(a: DocVectors, b: DocVectors) -> tuple[float, ...]:
    """The pair features, in the order of ``PAIR_FEATURES``."""
    p, q = a.parts, b.parts
    return (
        _words(a, b),
        _phrases(a, b),
        _names(a, b),
        _places(a, b),
        _jaccard(p.numbers, q.numbers),
        _jaccard(p.years, q.years),
        _disjoint(p.years, q.years),
        _disjoint(p.people, q.people),
        _disjoint(p.anchors, q.anchors),
        _disjoint(p.numbers, q.numbers),
        _jaccard(p.weekdays, q.weekdays),
        _disjoint(p.weekdays, q.weekdays),
        _jaccard(p.days, q.days),
        _disjoint(p.days, q.days),
        _disjoint(p.months, q.months),
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
