"""Re-clustering a story's neighbourhood when stories are refreshed (step 2 of :mod:`storyline.link.stories`).

The documents of the changed stories, and every document within reach of them over edges near the threshold,
are re-scored with the current idf and grouped again by :func:`~storyline.link.story_clusters.average_linkage`,
which depends on the documents and their pair scores only. A story is named after its earliest document
(``story-<id>``), so the same group gets the same id whatever the order of ingest; stories whose documents
went elsewhere are retired. Where the reporter filed a document (``storyline fix story``) wins over the
grouping (:func:`file_pinned`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from storyline.link.stories import (
    STORY_TERMS,
    TWIN,
    Idf,
    StoryBook,
    StoryProfile,
    add_to_centroid,
    cut_names,
    document_keys,
    extend_days,
    linkage_rule,
    own_story_id,
    story_id_for,
    story_vector,
    vectors_of,
    weighted_vector,
)
from storyline.link.story_clusters import Period, Signature, average_linkage
from storyline.link.story_features import OPEN_END, DocumentFeatures, StoryParams, anchor_words, surname

__all__ = ["PairScores", "StoryChange", "file_pinned", "periods_of", "recluster", "regroup", "rescore", "signatures_of"]

MAX_NEIGHBOURHOOD = 600  # documents re-clustered together at most (the strongest-joined first)
NEAR_THRESHOLD = 0.1  # a neighbourhood follows edges this far under the threshold too: a pair near it, scored with
# the idf of when a lone piece was linked, is scored again (a comment piece stale at 0.48 scores 0.78 with its story)


def _named(group: Collection[str], alone: Collection[str]) -> str | None:
    """A document the reporter gave a story of its own keeps that story's name."""
    return own_story_id(next(iter(group))) if len(group) == 1 and next(iter(group)) in alone else None

@dataclass
class StoryChange:
    """What a re-clustering did: stories written anew (or kept), and stories retired."""

    changed: set[str]
    retired: set[str]
    touched: set[str]  # every story id whose documents were re-clustered (old and new)
    storylines: set[str] = field(default_factory=set)  # storylines the re-clustered stories were in
    done: set[str] = field(default_factory=set)  # the dirty stories dealt with (the rest wait for the next call)


def reach(story: StoryProfile, book: StoryBook) -> list[str]:
    """A story's documents and those joined to them over edges at (or ``NEAR_THRESHOLD`` under) the threshold,
    with the whole stories they are in: strongest edges first, until ``MAX_NEIGHBOURHOOD`` documents (a whole component when smaller)."""
    threshold = book.params.threshold - NEAR_THRESHOLD
    seen: set[str] = set()
    added = list(story.documents)
    frontier: dict[str, float] = {}
    while added:
        seen.update(added)
        for links in book.edges(added).values():
            for other, score in links.items():
                if score >= threshold and other not in seen and score > frontier.get(other, 0.0):
                    frontier[other] = score
        for doc_id in added:
            frontier.pop(doc_id, None)
        added = _next_wave(frontier, seen, book) or _filed_with(seen, book)
    return sorted(seen)


def _filed_with(seen: set[str], book: StoryBook) -> list[str]:
    """The linked documents the reporter filed a reached document with, and the whole stories they are in (so
    regrouping can put the document with them)."""
    wanted = sorted({d for pin in book.pins(sorted(seen)).values() for d in pin.get("with", [])} - seen)
    where = book.story_of(wanted)
    stories = book.get(sorted(set(where.values())))
    wave = [d for d in wanted if d in where]
    for profile in stories.values():
        wave += [d for d in profile.documents if d not in seen and d not in wave]
    return wave


def _next_wave(frontier: dict[str, float], seen: set[str], book: StoryBook) -> list[str]:
    """The strongest-joined documents of the frontier, with their whole stories, while room is left."""
    room = MAX_NEIGHBOURHOOD - len(seen)
    if room <= 0 or not frontier:
        return []
    best = sorted(frontier, key=lambda d: (-frontier[d], d))[:room]
    stories = book.get(sorted(set(book.story_of(best).values())))
    wave: list[str] = []
    for doc_id in best:
        for member in [doc_id, *(d for p in stories.values() if doc_id in p.documents for d in p.documents)]:
            if member not in seen and member not in wave:
                wave.append(member)
        if len(wave) >= room:
            break
    return wave


def recluster(dirty: Collection[str], book: StoryBook, max_documents: int | None = None,
              scored: PairScores | None = None) -> StoryChange:
    """Group again the documents of each ``dirty`` story and the documents within reach of them; stop once
    ``max_documents`` were regrouped (what one transaction holds in memory stays bounded). ``scored``: pair
    scores from earlier calls (see :class:`PairScores`)."""
    total, regrouped = StoryChange(set(), set(), set()), 0
    for story_id in sorted(dirty):
        if max_documents is not None and regrouped >= max_documents:
            break
        total.done.add(story_id)
        story = book.get([story_id]).get(story_id)
        if story is None or story_id in total.touched:
            continue
        docs = reach(story, book)
        regrouped += len(docs)
        part = regroup(docs, book, scored)
        total.changed = (total.changed - part.retired) | part.changed
        total.retired |= part.retired
        total.touched |= part.touched
        total.storylines |= part.storylines
    return total


def regroup(docs: list[str], book: StoryBook, scored: PairScores | None = None) -> StoryChange:
    """Group ``docs`` into stories by average linkage over their (re-scored) pairs, and save the stories."""
    old_story = book.story_of(docs)
    features = book.features(docs)
    scores = rescore(docs, features, book, scored)
    groups = average_linkage(docs, scores, signatures_of(features), linkage_rule(book.params), periods_of(features))
    pins = book.pins(docs)
    groups = file_pinned(groups, pins)
    alone = {d for d, pin in pins.items() if pin.get("new")}
    idf = book.idf({key for f in features.values() for key in document_keys(f)})
    before = book.get(sorted(set(old_story.values())))
    changed: set[str] = set()
    for group in groups:
        profile = build_profile(group, features, idf, book)
        profile.id = _named(group, alone) or profile.id
        previous = before.get(profile.id)
        if previous is None or set(previous.documents) != set(profile.documents):
            changed.add(profile.id)
        _save_rebuilt(profile, previous, book)
        for doc_id in group:
            if old_story.get(doc_id) != profile.id:
                _move_document(doc_id, profile.id, book)
    kept = {_named(g, alone) or story_id_for(_earliest(g, features)) for g in groups}
    retired = set(before) - kept
    for story_id in sorted(retired):
        book.retire(story_id)
    lines = {p.storyline for p in before.values() if p.storyline}
    return StoryChange(changed, retired, set(before) | kept, lines)


def file_pinned(groups: list[list[str]], pins: Mapping[str, Mapping[str, Any]]) -> list[list[str]]:
    """The reporter's story moves over the machine's groups: a pinned document leaves its group for a story of
    its own (``new``) or for the group holding most of the documents it was filed ``with`` (it stays where it
    was when none of them is here)."""
    if not pins:
        return groups
    out = [[d for d in group if d not in pins] for group in groups]
    home = {d: i for i, group in enumerate(groups) for d in group}
    for doc in sorted(d for d in pins if d in home):
        if pins[doc].get("new"):
            out.append([doc])
            continue
        partners = set(pins[doc].get("with", [])) - {doc}
        shared = [(len(partners.intersection(group)), -i) for i, group in enumerate(out)]
        most, at = max(shared, default=(0, 0))
        out[-at if most else home[doc]].append(doc)
    return [sorted(group) for group in out if group]


def signatures_of(features: Mapping[str, DocumentFeatures]) -> dict[str, Signature]:
    """Each document's incident signature: its lead and the telling words of its places and organisations,
    with the people it names and its lead's full name."""
    out = {}
    for doc_id, f in features.items():
        people = sorted(n for n, kind in f.names.items() if kind == "person")
        leads = [(f.salience.get(n, 1.0), n) for n in people if f.lead is not None and surname(n) == f.lead]
        out[doc_id] = Signature(f.lead, frozenset(anchor_words(f.names)), frozenset(people),
                                max(leads, key=lambda t: (t[0], t[1]))[1] if leads else None)
    return out


def periods_of(features: Mapping[str, DocumentFeatures]) -> dict[str, Period]:
    """The period of every dated document (no last day when its date is only a lower bound from its text)."""
    periods = {}
    for doc_id, f in features.items():
        if f.day is not None:
            last = None if f.last_day == OPEN_END else (f.last_day if f.last_day is not None else f.day)
            periods[doc_id] = Period(f.day, last, firm=f.date_dated)
    return periods


@dataclass
class PairScores:
    """Which pairs one linking run's refresh calls scored already, so that a pair is scored once: the
    neighbourhoods one call regroups overlap those of the next (and of later calls: stories are refreshed in
    the order of their ids, not of their days). A pair's score, once re-scored, is recorded in both documents'
    edges (:func:`rescore`), so what is kept is only where each document was re-scored: each regrouped
    neighbourhood gets a number, and each document a bit mask of the neighbourhoods it was in. A pair two
    documents share a bit of was re-scored in that neighbourhood, and its edge holds the score. That holds while
    the df counts do: the masks are kept for one number of documents counted (and one set of parameters).

    (The scores themselves were kept before, at most ``500_000``: past about 20,000 documents at 55 a day a
    refresh run has more pairs than that, the dictionary was emptied, and later neighbourhoods scored their
    pairs again: 1.4 ms of re-scoring a document at 10,000 articles, 3 at 30,000.)"""

    documents: int = -1
    params: StoryParams | None = None
    masks: dict[str, int] = field(default_factory=dict)  # document -> bit of each neighbourhood it was in
    neighbourhoods: int = 0

    def under(self, book: StoryBook) -> dict[str, int]:
        """The masks kept under the book's df and parameters (none when either changed)."""
        documents = book.idf(()).documents
        if (documents, book.params) != (self.documents, self.params):
            self.documents, self.params, self.masks, self.neighbourhoods = documents, book.params, {}, 0
        return self.masks

    def remember(self, docs: Collection[str]) -> None:
        """Every pair among ``docs`` was just re-scored under the current df (call :meth:`under` first)."""
        bit = 1 << self.neighbourhoods
        self.neighbourhoods += 1
        masks = self.masks
        for doc_id in docs:
            masks[doc_id] = masks.get(doc_id, 0) | bit


def rescore(docs: Collection[str], features: Mapping[str, DocumentFeatures],
            book: StoryBook, scored: PairScores | None = None) -> dict[tuple[str, str], float]:
    """Scores of every recorded pair among ``docs``, recomputed with the current idf (and recorded); pairs
    scored before under the same df (``scored``) are not scored again."""
    inside = set(docs)
    masks = scored.under(book) if scored is not None else {}
    edges = book.edges(sorted(inside))
    found: dict[tuple[str, str], float | None] = {}
    for a in sorted(inside):
        mine = masks.get(a, 0)
        for b, old in edges[a].items():
            if b in inside and a < b:
                twin = old >= TWIN  # duplicates and versions stay together
                if twin or a not in features or b not in features:
                    found[a, b] = TWIN
                else:  # re-scored in an earlier neighbourhood: its edge holds the score
                    found[a, b] = old if mine & masks.get(b, 0) else None
    vectors = vectors_of((features[d] for d in sorted({d for pair, s in found.items() if s is None for d in pair})),
                         book)
    scores: dict[tuple[str, str], float] = {}
    for (a, b), score in found.items():
        if score is None:
            score = book.rescored(vectors[a], vectors[b])
        scores[a, b] = score
    for a in sorted(inside):
        book.replace_edges(a, {b: scores[min(a, b), max(a, b)] for b in edges[a] if b in inside})
    if scored is not None:
        scored.remember(inside)
    return scores


def _earliest(group: Collection[str], features: Mapping[str, DocumentFeatures]) -> str:
    """The group's earliest document: by day (undated last), then id."""
    def key(doc_id: str) -> tuple[bool, int, str]:
        day = features[doc_id].day if doc_id in features else None
        return (day is None, day or 0, doc_id)
    return min(group, key=key)


def build_profile(group: Collection[str], features: Mapping[str, DocumentFeatures], idf: Idf,
                  book: StoryBook) -> StoryProfile:
    """A story's profile from its documents alone (the same whatever order they came in)."""
    ordered = sorted(group, key=lambda d: (features[d].day is None, features[d].day or 0, d)
                     if d in features else (True, 0, d))
    first = features.get(ordered[0])
    profile = StoryProfile(id=story_id_for(ordered[0]), title=first.title if first else ordered[0])
    for doc_id in ordered:
        doc = features.get(doc_id)
        if doc is not None:
            add_to_centroid(profile, doc, weighted_vector(doc, idf))
            extend_days(profile, doc)
        profile.documents.append(doc_id)
    weights = story_vector(profile, book.idf(profile.terms))
    profile.terms = {t: profile.terms[t] for t in sorted(weights, key=lambda t: (-weights[t], t))[:STORY_TERMS]}
    cut_names(profile)
    if first is not None:
        profile.title = first.title
    return profile


def _save_rebuilt(profile: StoryProfile, previous: StoryProfile | None, book: StoryBook) -> None:
    """Save a rebuilt story, keeping the storyline it was in (storylines are refreshed next)."""
    profile.storyline = previous.storyline if previous is not None else None
    book.save(profile)


def _move_document(doc_id: str, story_id: str, book: StoryBook) -> None:
    record = book.index.records("doc", [doc_id]).get(doc_id)
    if record is not None:
        book.index.put_record("doc", doc_id, {**record, "story": story_id})
