"""Story clustering: incremental, yet the same stories whatever order the documents came in.

Two steps, as in :mod:`storyline.link.corpus`:

1. **Filing** (:func:`add_document`, per new document).  The document is filed
   under its most telling terms and names, and compared with the
   ``COMPARED_DOCUMENTS`` earlier documents sharing the most idf weight with it;
   every compared pair is kept as an *edge* (``sedge`` records, both ways) with
   its pair score (:mod:`storyline.link.story_pairs`).  Candidates come from the
   :class:`~storyline.link.index.LinkIndex`, never from all documents: a document
   dated to the day is compared only with documents within the horizon of its
   day (and undated ones).  It then joins, for now, the story whose compared
   documents it matches best on average (or starts one), so that later documents
   of the same batch find it.
2. **Re-clustering** (:func:`storyline.link.story_regroup.recluster`, when stories are refreshed).  The
   documents of the changed stories, and every document within reach of them over
   edges at the threshold, are re-scored with the current idf and grouped again
   by :func:`~storyline.link.story_clusters.average_linkage`, which depends on the
   documents and their pair scores only.  A story is named after its earliest
   document (``story-<id>``), so the same group gets the same id whatever the
   order of ingest; stories whose documents went elsewhere are retired.

Work per document stays flat as the corpus grows: a bounded number of compared
documents and edges, and a re-clustering that only reaches the documents joined
to the changed ones.  Features and fitted parameters are in
:mod:`storyline.link.story_features`.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from storyline.link.index import LinkIndex
from storyline.link.story_clusters import LinkageRule
from storyline.link.story_features import (
    DOC_TERMS,
    DocumentFeatures,
    StoryParams,
    day_number,
    story_params,
)
from storyline.link.story_pairs import DocVectors, FixedParts, Idf, fixed_parts, pair_score, vectors_at
from storyline.model import Story

__all__ = [
    "PIN", "Idf", "KnownStoryCandidates", "StoryBook", "StoryProfile", "add_document", "filed_by_week",
    "lookup_weeks", "own_story_id", "ranked_candidates", "story_vector",
]

STORY_TERMS = 250  # terms kept per story centroid
STORY_NAMES = 150  # names kept per story (the most frequent)
FILED_TERMS = 15  # a document is filed under its most telling terms ...
FILED_NAMES = 10  # ... and names
COMPARED_DOCUMENTS = 40  # documents a new one is compared with: those sharing the most filing weight
MAX_DOC_POSTINGS = 400  # a key filed under more documents than this cannot single one out ...
MAX_WEEK_POSTINGS = 60  # ... nor one filed under more than this in one week
EDGE_FLOOR = 0.05  # pair scores below this are not kept
TWIN = 1.0  # the score of a document with one it duplicates or rewrites
DOCUMENTS_KEY = "#documents"  # the df count under this key is the number of documents seen
PIN = "spin"  # record kind: where the reporter filed a document (``storyline fix story``), see :func:`file_pinned`
WEEK = 7
FILED_WEEKS = "dwd"  # count kind: documents filed by week, under the week's number
WEEKS_COUNTED_KEY = "weeks-counted"  # meta count, set when the index was started with FILED_WEEKS counts (an index
# filed before has weeks with documents but no count: its weeks are all looked up, as before)


@dataclass
class StoryProfile:
    """A story's centroid: summed document vectors, name counts and the days of its documents."""

    id: str
    title: str
    documents: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)  # summed term frequencies (idf applied when scoring)
    names: dict[str, int] = field(default_factory=dict)
    name_types: dict[str, str] = field(default_factory=dict)
    days: list[int] = field(default_factory=list)  # sorted, distinct days of documents dated to the day
    first_date: str | None = None
    last_date: str | None = None
    storyline: str | None = None
    doc_days: dict[str, int] = field(default_factory=dict)  # document -> day, for documents dated to the day

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
            "doc_days": dict(self.doc_days),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> StoryProfile:
        return cls(
            id=data["id"], title=data["title"], documents=list(data["documents"]), terms=dict(data["terms"]),
            names=dict(data["names"]), name_types=dict(data["name_types"]), days=list(data["days"]),
            first_date=data.get("first_date"), last_date=data.get("last_date"), storyline=data.get("storyline"),
            doc_days=dict(data.get("doc_days", {})),
        )

    def as_story(self) -> Story:
        return Story(self.id, self.title, list(self.documents), self.storyline, self.first_date, self.last_date)


def document_keys(features: DocumentFeatures) -> list[str]:
    """Terms and ``@names`` of a document (what story lookups use)."""
    return list(features.terms) + ["@" + n for n in features.names]


def weighted_vector(features: DocumentFeatures, idf: Idf) -> dict[str, float]:
    """Unit tf-idf vector of a document's top terms."""
    weights = {t: w * idf(t) for t, w in features.terms.items()}
    top = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:DOC_TERMS])
    norm = math.sqrt(sum(v * v for v in top.values()))
    return {k: v / norm for k, v in top.items()} if norm else top


def story_vector(story: StoryProfile, idf: Idf) -> dict[str, float]:
    """The story's summed term frequencies weighted by the current idf."""
    weights = idf.weights
    return {t: w * weights[t] for t, w in story.terms.items()}


def horizon_days(params: StoryParams) -> int:
    """The longest silence within one story: documents further apart are never compared."""
    return int(params.max_gap_days)


def linkage_rule(params: StoryParams) -> LinkageRule:
    return LinkageRule(params.threshold, params.lead_threshold, params.missing_weight,
                       max_gap=horizon_days(params), max_open_gap=int(params.max_open_gap_days),
                       max_bound_gap=int(params.max_firm_gap_days), straggler_size=int(params.straggler_size),
                       straggler_mean=params.straggler_mean, straggler_pair=params.straggler_pair,
                       lone_size=int(params.lone_size), lone_pair=params.lone_pair, lone_margin=params.lone_margin)


@runtime_checkable
class KnownStoryCandidates(Protocol):
    """A link index that already knows the story candidates of some documents (the Spark job computes every
    document's list before linking: ``storyline.spark.story_candidates``)."""

    def story_candidates(self, features: DocumentFeatures, filing: Sequence[str]) -> list[str] | None:
        """The documents :func:`candidate_documents` would find for this document filed under these keys,
        or None when they must be looked up."""
        ...


class StoryBook:
    """Story profiles, document features and edges over a :class:`LinkIndex`, cached for one session.

    Every change to a story goes through :meth:`save`, so the cache never goes stale.
    """

    def __init__(self, index: LinkIndex, params: StoryParams | None = None) -> None:
        self.index = index
        self.known = index if isinstance(index, KnownStoryCandidates) else None
        self.params = params or story_params()
        self.horizon = horizon_days(self.params)
        self._weeks_counted: bool | None = None  # read once: see :meth:`weeks_counted`
        self._profiles: dict[str, StoryProfile] = {}
        self._keys: dict[str, set[str]] = {}
        self._features: dict[str, DocumentFeatures] = {}
        self._fixed: dict[str, FixedParts] = {}
        # the df counts read so far (the number of documents under DOCUMENTS_KEY), kept current as documents
        # are counted (only :meth:`count_document` changes them while the book lives): each key's count is in
        # a slot of ``_df``, and each document's keys are known by their slots (no key is looked up again)
        self._slot: dict[str, int] = {}
        self._df: list[int] = []
        self._slots: dict[str, tuple[int, ...]] = {}  # document -> the slots of its keys (``FixedParts.keys``)
        # under the current df counts (a new document changes them; refreshing does not): each document's
        # vectors, and the rescored pairs (neighbourhoods of the stories one refresh regroups overlap)
        self._vectors: dict[str, DocVectors] = {}
        self._scores: dict[tuple[str, str], float] = {}
        self._edges: dict[str, dict[str, float]] = {}

    def weeks_counted(self) -> bool:
        """Whether the index counts the documents filed in each week (``FILED_WEEKS``) since it was started."""
        if self._weeks_counted is None:
            self._weeks_counted = self.index.counts("meta", [WEEKS_COUNTED_KEY])[WEEKS_COUNTED_KEY] > 0
        return self._weeks_counted

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

    def retire(self, story_id: str) -> None:
        """Forget a story whose documents all went to other stories."""
        self._profiles.pop(story_id, None)
        self._keys.pop(story_id, None)
        self.index.delete_record("story", story_id)

    def idf(self, keys: Collection[str]) -> Idf:
        listed = [*keys, DOCUMENTS_KEY]
        counts = self._counts(listed)
        found = dict(zip(listed, counts))
        return Idf(found.pop(DOCUMENTS_KEY), found)

    def _counts(self, keys: Sequence[str]) -> list[int]:
        """The df count of each key, in order (read from the index once per key while the book lives)."""
        try:
            return list(map(self._df.__getitem__, map(self._slot.__getitem__, keys)))
        except KeyError:
            self._read_df(keys)
            return list(map(self._df.__getitem__, map(self._slot.__getitem__, keys)))

    def _read_df(self, keys: Iterable[str]) -> None:
        """Give a slot to the df counts of the keys not read yet, and of the number of documents."""
        slot, df = self._slot, self._df
        missing = [k for k in dict.fromkeys([*keys, DOCUMENTS_KEY]) if k not in slot]
        for key, count in self.index.counts("df", missing).items():
            slot[key] = len(df)
            df.append(count)

    # --- documents -----------------------------------------------------------------

    def features(self, ids: Iterable[str]) -> dict[str, DocumentFeatures]:
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._features]
        for doc_id, data in self.index.records("sfeat", missing).items():
            self._features[doc_id] = DocumentFeatures.from_json(data)
        return {i: self._features[i] for i in wanted if i in self._features}

    def put_features(self, features: DocumentFeatures) -> None:
        self._features[features.id] = features
        self._fixed.pop(features.id, None)
        self._slots.pop(features.id, None)
        self._vectors.pop(features.id, None)
        self.index.put_record("sfeat", features.id, features.to_json())

    def count_document(self, features: DocumentFeatures) -> None:
        """Count a new document's keys in the df (so every vector and score computed before is stale)."""
        keys = [*self.fixed(features).keys, DOCUMENTS_KEY]
        self.index.add_counts("df", keys)
        slot, df = self._slot, self._df
        for key in keys:  # (a key not read yet is read later with this count)
            at = slot.get(key)
            if at is not None:
                df[at] += 1
        self._vectors.clear()
        self._scores.clear()

    def rescored(self, a: tuple[DocumentFeatures, DocVectors], b: tuple[DocumentFeatures, DocVectors]) -> float:
        """The recorded score of a pair under the current df (once per refresh: story neighbourhoods overlap)."""
        pair = (a[0].id, b[0].id)
        found = self._scores.get(pair)
        if found is None:
            found = self._scores[pair] = _rounded(pair_score(a, b, self.params))
        return found

    def vectors(self, features: Iterable[DocumentFeatures]) -> dict[str, DocVectors]:
        """Vectors of these documents under the current df (each computed once until the df changes)."""
        listed = list(features)
        missing = [(f.id, self.fixed(f)) for f in listed if f.id not in self._vectors]
        unread = [parts.keys for doc_id, parts in missing if doc_id not in self._slots]
        if unread or DOCUMENTS_KEY not in self._slot:
            self._read_df([key for keys in unread for key in keys])
        slot, df = self._slot, self._df
        documents = df[slot[DOCUMENTS_KEY]]
        for doc_id, parts in missing:
            slots = self._slots.get(doc_id)
            if slots is None:
                slots = self._slots[doc_id] = tuple(map(slot.__getitem__, parts.keys))
            self._vectors[doc_id] = vectors_at(parts, documents, list(map(df.__getitem__, slots)))
        return {f.id: self._vectors[f.id] for f in listed}

    def fixed(self, features: DocumentFeatures) -> FixedParts:
        """A document's keys and sets (what its vectors hold whatever the idf), computed once per session."""
        found = self._fixed.get(features.id)
        if found is None:
            found = self._fixed[features.id] = fixed_parts(features)
        return found

    def edges(self, ids: Iterable[str]) -> dict[str, dict[str, float]]:
        """Each document's edges (other document -> pair score)."""
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._edges]
        found = self.index.records("sedge", missing)
        for doc_id in missing:
            self._edges[doc_id] = dict(found.get(doc_id, {}))
        return {i: self._edges[i] for i in wanted}

    def set_edges(self, doc_id: str, scores: Mapping[str, float]) -> None:
        """Record the scores of ``doc_id`` with others, on both sides."""
        mine = self.edges([doc_id, *scores])
        for other, value in scores.items():
            mine[doc_id][other] = value
            theirs = dict(mine[other])
            theirs[doc_id] = value
            self._edges[other] = theirs
            self.index.put_record("sedge", other, theirs)
        self.index.put_record("sedge", doc_id, dict(mine[doc_id]))

    def replace_edges(self, doc_id: str, scores: Mapping[str, float]) -> None:
        """Record new values of some of a document's edges (one side only: the caller updates both)."""
        current = self.edges([doc_id])[doc_id]
        if any(current.get(o) != s for o, s in scores.items()):
            self._edges[doc_id] = {**current, **scores}
            self.index.put_record("sedge", doc_id, self._edges[doc_id])

    def pins(self, doc_ids: Collection[str]) -> dict[str, dict[str, Any]]:
        """Where the reporter filed each of these documents: ``{"new": true}`` (a story of its own) or
        ``{"with": [documents]}`` (the story holding them); a SQL index reads them from the corrections log."""
        return self.index.records(PIN, doc_ids)

    def story_of(self, doc_ids: Collection[str]) -> dict[str, str]:
        """The story each linked document is in."""
        return {d: r["story"] for d, r in self.index.records("doc", doc_ids).items()}


def document_filing_keys(features: DocumentFeatures, idf: Idf) -> list[str]:
    """The keys a document is filed under for later comparisons: its rarest-weighted terms and names."""
    terms = weighted_vector(features, idf)
    names = {"@" + n: features.salience.get(n, 1.0) * idf("@" + n) for n in features.names}
    top_terms = sorted(terms, key=lambda t: (-terms[t], t))[:FILED_TERMS]
    top_names = sorted(names, key=lambda n: (-names[n], n))[:FILED_NAMES]
    return sorted(top_terms + top_names)


def lookup_weeks(day: int, horizon: int) -> list[int]:
    """The weeks whose documents a document of this day is compared with."""
    return list(range((day - horizon) // WEEK, (day + horizon) // WEEK + 1))


def filled_weeks(weeks: list[int], book: StoryBook) -> list[int]:
    """The weeks among ``weeks`` some document was filed in (all of them when the index does not count them):
    a week nothing was filed in has no ``key|week`` posting, and at 55 articles a day two thirds of the
    ``key|week`` counts a document asked for were in such weeks (those after the latest document filed)."""
    if not book.weeks_counted():
        return weeks
    filed = book.index.counts(FILED_WEEKS, [str(w) for w in weeks])
    return [w for w in weeks if filed[str(w)]]


def filed_by_week(features: DocumentFeatures) -> bool:
    """Whether a document is filed (and looks candidates up) by week: when it is dated to the day."""
    return features.precise and features.day is not None


def file_document(features: DocumentFeatures, keys: Collection[str], book: StoryBook) -> None:
    """File a document under its keys: all time (``dk``), and by week when dated to the day (``dw``),
    else among the documents any dated one may compare with (``du``)."""
    book.index.add_postings("dk", features.id, keys)
    book.index.add_counts("dkn", keys)
    if filed_by_week(features):
        assert features.day is not None
        week = features.day // WEEK
        dated = [f"{k}|{week}" for k in keys]
        book.index.add_postings("dw", features.id, dated)
        book.index.add_counts("dwn", dated)
        book.index.add_counts(FILED_WEEKS, [str(week)])
    else:
        book.index.add_postings("du", features.id, keys)


def candidate_documents(features: DocumentFeatures, keys: Collection[str], book: StoryBook,
                        idf: Idf) -> list[str]:
    """Documents worth comparing with: sharing its filing keys (within the horizon of its day when it is
    dated to the day), the ``COMPARED_DOCUMENTS`` sharing the most idf weight.  A key filed under very many
    documents (in a week, or at all) cannot single one out and is skipped.  An index that already knows the
    list (:class:`KnownStoryCandidates`) gives it instead of the lookups."""
    if book.known is not None and (known := book.known.story_candidates(features, sorted(keys))) is not None:
        return known
    return ranked_candidates(features.id, _postings_by_key(features, keys, book), idf, COMPARED_DOCUMENTS)


def ranked_candidates(doc_id: str, found: Iterable[Mapping[str, Sequence[str]]], idf: Idf, limit: int) -> list[str]:
    """The ``limit`` documents sharing the most idf weight with ``doc_id`` among postings found under its keys
    (``key`` or ``key|week``), summed key by key in the order given."""
    shared: dict[str, float] = {}
    for postings in found:
        for key, ids in postings.items():
            weight = idf(key.rsplit("|", 1)[0])
            for other in ids:
                if other != doc_id:
                    shared[other] = shared.get(other, 0.0) + weight
    return _top(shared, limit)


def _postings_by_key(features: DocumentFeatures, keys: Collection[str], book: StoryBook) -> list[dict[str, list[str]]]:
    sizes = book.index.counts("dkn", keys)
    if filed_by_week(features):
        assert features.day is not None
        filed = [k for k in keys if sizes[k]]  # a key no document was filed under has no week to look up
        weeks = filled_weeks(lookup_weeks(features.day, book.horizon), book)
        dated = [f"{k}|{w}" for k in filed for w in weeks]
        week_sizes = book.index.counts("dwn", dated)
        telling = [k for k in dated if 0 < week_sizes[k] <= MAX_WEEK_POSTINGS]
        return [book.index.postings("dw", telling), book.index.postings("du", filed)]
    telling = [k for k in keys if 0 < sizes[k] <= MAX_DOC_POSTINGS]
    return [book.index.postings("dk", telling)]


def _top(scores: Mapping[str, float], n: int) -> list[str]:
    """The ``n`` ids with the highest positive scores (ties by id)."""
    ranked = heapq.nsmallest(n, (kv for kv in scores.items() if kv[1] > 0), key=lambda kv: (-kv[1], kv[0]))
    return [key for key, _ in ranked]


def compare_with_candidates(features: DocumentFeatures, book: StoryBook) -> dict[str, float]:
    """File a new document and score it with its candidate documents."""
    idf = book.idf(book.fixed(features).keys)
    filing = document_filing_keys(features, idf)
    others = book.features(candidate_documents(features, filing, book, idf))
    file_document(features, filing, book)
    if not others:
        return {}
    vectors = vectors_of([features, *others.values()], book)
    mine = vectors[features.id]
    return {d: _rounded(pair_score(mine, vectors[d], book.params)) for d in sorted(others)}


def _rounded(score: float) -> float:
    """A pair score as recorded: four decimals, below :data:`TWIN` (which only duplicates and versions get)."""
    return min(round(score, 4), 0.9999)


def vectors_of(features: Iterable[DocumentFeatures], book: StoryBook) -> dict[str, tuple[DocumentFeatures, DocVectors]]:
    """Each document's features and vectors, weighted with one idf."""
    listed = list(features)
    vectors = book.vectors(listed)
    return {f.id: (f, vectors[f.id]) for f in listed}


def add_document(features: DocumentFeatures, book: StoryBook, twin: str | None = None) -> str:
    """File one document: its features, its edges, and the story it joins for now (that of ``twin``, a
    document it duplicates or rewrites, when given); returns the story id."""
    book.put_features(features)
    book.count_document(features)
    scores = compare_with_candidates(features, book)
    if twin is not None:
        scores[twin] = TWIN
    edges = {d: s for d, s in scores.items() if s >= EDGE_FLOOR}
    book.set_edges(features.id, edges)
    story = _provisional_story(edges, book, twin)
    if story is None:
        story = StoryProfile(id=story_id_for(features.id), title=features.title)
    idf = book.idf(set(document_keys(features)) | book.keys_of(story))
    absorb(story, features, idf, book)
    return story.id


def story_id_for(doc_id: str) -> str:
    """A story is named after its earliest document."""
    return "story-" + doc_id[:16]


def own_story_id(doc_id: str) -> str:
    """The story of its own the reporter moved a document to (``storyline fix story DOC new``)."""
    return "story-x" + doc_id[:16]


def _provisional_story(edges: Mapping[str, float], book: StoryBook, twin: str | None) -> StoryProfile | None:
    """The story whose compared documents the new one matches best on average, if at the threshold."""
    where = book.story_of(sorted(edges))
    if twin is not None and twin in where:
        return book.get([where[twin]]).get(where[twin])
    totals: dict[str, list[float]] = {}
    for doc_id, score in edges.items():
        if doc_id in where:
            entry = totals.setdefault(where[doc_id], [0.0, 0.0])
            entry[0] += score
            entry[1] += 1
    means = {s: total / count for s, (total, count) in totals.items()}
    best = _top(means, 1)
    if not best or means[best[0]] < book.params.threshold:
        return None
    return book.get(best).get(best[0])


def absorb(story: StoryProfile, features: DocumentFeatures, idf: Idf, book: StoryBook) -> None:
    """Add a document to a story's centroid, days and postings, and save it."""
    add_to_centroid(story, features, weighted_vector(features, idf))
    weights = story_vector(story, book.idf(story.terms))
    story.terms = {t: story.terms[t] for t in sorted(weights, key=lambda t: (-weights[t], t))[:STORY_TERMS]}
    cut_names(story)
    story.documents.append(features.id)
    extend_days(story, features)
    book.save(story)


def add_to_centroid(story: StoryProfile, features: DocumentFeatures, vector: Mapping[str, float]) -> None:
    for term in vector:
        story.terms[term] = story.terms.get(term, 0.0) + features.terms[term]
    for name, kind in features.names.items():
        story.names[name] = story.names.get(name, 0) + 1
        story.name_types.setdefault(name, kind)


def cut_names(story: StoryProfile) -> None:
    if len(story.names) > STORY_NAMES:
        kept = sorted(story.names, key=lambda n: (-story.names[n], n))[:STORY_NAMES]
        story.names = {n: story.names[n] for n in kept}
        story.name_types = {n: story.name_types[n] for n in kept}


def extend_days(story: StoryProfile, features: DocumentFeatures) -> None:
    """Add the document's date to the story's first and last dates, and its day when dated to the day."""
    day = features.day
    if day is None:
        return
    if story.first_date is None or day < (day_number(story.first_date) or day):
        story.first_date = features.date
        if len(story.documents) > 1:
            story.title = features.title
    if story.last_date is None or day > (day_number(story.last_date) or day):
        story.last_date = features.date
    if features.precise:
        story.doc_days[features.id] = day
        if day not in story.days:
            bisect.insort(story.days, day)
