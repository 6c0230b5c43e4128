"""Storylines: stories linked across months or years by their central people, organisations and issue.

Two stories are linked when they share the central actors and the same issue:

* at least ``MIN_SHARED_NAMES`` of their central names (at least one a person or
  place, and not only places), making up at least ``MIN_NAME_OVERLAP`` of the
  smaller story's central names (each name weighted by its type and rarity: see
  :func:`name_overlap`), of which at least ``MIN_SHARED_NAMES`` are more than the
  locality (people, and organisations other than the council of a place or a party);
* at least ``MIN_ISSUE_TERMS`` of their ``ISSUE_TERMS`` most distinctive words (the
  words each story uses most, weighted by rarity, names left out): "intervention",
  "placements", "brightpath" on both sides of a takeover and its end years later.

Look-alike affairs with different people and places share only generic bodies
(a regulator, a ministry) and stay apart; two affairs of one council share its
name, its leader and a party, but not their issue.  A storyline is a connected
group of linked stories, ordered by first date; stories with no link belong to
no storyline.

Incremental: only stories that changed are re-linked; candidates are the
stories filed under two of their central names that are more than the locality
(``scentral`` postings; see :func:`filed_candidates`), and each story's links are
kept as a ``slink`` record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.link.stories import Idf, StoryBook, StoryProfile
from storyline.link.story_features import anchor_words
from storyline.model import Storyline

MIN_SHARED_NAMES = 2
MIN_NAME_OVERLAP = 0.4  # share of the smaller story's central-name weight that the shared names make up
ISSUE_TERMS = 30  # a story's most distinctive words ...
MIN_ISSUE_TERMS = 2  # ... of which two stories of one storyline share at least this many
CENTRAL_NAMES = 12
CENTRAL_SHARE = 0.34  # a central name is in at least a third of the story's documents
IDENTIFYING = {
    "person",
    "place",
    "name",
}  # generic bodies (a regulator, a ministry) alone do not link affairs
TYPE_WEIGHT = {"person": 1.0, "organisation": 1.0, "name": 1.0, "place": 0.5}
DIRTY = "dirty"  # record kind of the stories waiting for a refresh (``storyline.link.corpus``)


def central_names(story: StoryProfile) -> dict[str, float]:
    """The story's most frequent names (weighted by type), present in a good share of its documents."""
    floor = max(1.0, CENTRAL_SHARE * len(story.documents))
    ranked = sorted(story.names.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        name: TYPE_WEIGHT.get(story.name_types.get(name, "name"), 1.0)
        for name, count in ranked[:CENTRAL_NAMES]
        if count >= floor
    }


def issue_terms(story: StoryProfile, idf: Idf) -> set[str]:
    """The words a story is most about: its average use of each word times the word's rarity (names left out)."""
    name_words = {word for name in story.names for word in name.split()}
    size = max(1, len(story.documents))
    weights = {t: w / size * idf(t) for t, w in story.terms.items() if t not in name_words}
    return set(sorted(weights, key=lambda t: (-weights[t], t))[:ISSUE_TERMS])


def specific_names(shared: Collection[str], a: StoryProfile, b: StoryProfile) -> set[str]:
    """The shared names that are not just the locality: people, and organisations whose telling words are not
    all place names ("Northfield Care Partnership", not "Harwick Borough Council" when Harwick is a place of
    the stories, nor a party)."""
    kinds = {**b.name_types, **a.name_types}
    place_words = {w for n, kind in kinds.items() if kind == "place" for w in n.split()}
    specific = set()
    for name in shared:
        kind = kinds.get(name, "name")
        anchors = set(anchor_words({name: kind})) if kind == "organisation" else set()
        if kind == "place" or (kind == "organisation" and anchors <= place_words):
            continue
        specific.add(name)
    return specific


def name_overlap(names_a: dict[str, float], names_b: dict[str, float]) -> float:
    """The weight of the names two stories share as a share of the smaller story's names (name -> weight):
    the larger of the two shares.

    It does not fall as the larger story grows: an affair's coverage that gains names over months (a
    director, a campaigner, a second minister) keeps its follow-up years later, whose names are mostly the
    affair's. (A Jaccard of the two, tried before, fell with every name the larger story gained.)"""
    shared = set(names_a) & set(names_b)
    if not shared:
        return 0.0
    return max(sum(names[n] for n in shared) / sum(names.values()) for names in (names_a, names_b))


def storyline_score(a: StoryProfile, b: StoryProfile, idf: Idf) -> float:
    """The overlap of central names (:func:`name_overlap`), or 0 when the stories do not qualify as one
    storyline."""
    return _score(_Central.of(a), _Central.of(b), idf)


@dataclass
class _Central:
    """A story with its central names (computed once: a story is scored against many candidates)."""

    story: StoryProfile
    names: dict[str, float]

    @classmethod
    def of(cls, story: StoryProfile) -> _Central:
        return cls(story, central_names(story))

    def keys(self) -> list[str]:
        """The idf keys scoring this story needs: its terms and its central names."""
        return [*self.story.terms, *("@" + n for n in self.names)]


def _may_link(a: _Central, b: _Central) -> bool:
    """The tests that need no idf: enough shared central names, of identifying kinds, more than the locality."""
    shared = set(a.names) & set(b.names)
    if len(shared) < MIN_SHARED_NAMES:
        return False
    types = {a.story.name_types.get(n, "name") for n in shared}
    return bool(types & IDENTIFYING) and types != {"place"} and \
        len(specific_names(shared, a.story, b.story)) >= MIN_SHARED_NAMES


def _score(a: _Central, b: _Central, idf: Idf, a_issue: set[str] | None = None) -> float:
    """:func:`storyline_score` of two stories with their central names (``a_issue``: ``a``'s issue terms)."""
    if not _may_link(a, b):
        return 0.0
    # central names weighted by type and rarity: a party or a ministry in every story counts for little
    names_a = {name: weight * idf("@" + name) for name, weight in a.names.items()}
    names_b = {name: weight * idf("@" + name) for name, weight in b.names.items()}
    overlap = name_overlap(names_a, names_b)
    if overlap < MIN_NAME_OVERLAP:
        return 0.0
    mine = a_issue if a_issue is not None else issue_terms(a.story, idf)
    if len(mine & issue_terms(b.story, idf)) < MIN_ISSUE_TERMS:
        return 0.0
    return round(overlap, 3)


@dataclass
class StorylineChange:
    """Stories whose storyline may have changed, and the storylines they now form."""

    stories: set[str]
    storylines: list[Storyline]
    retired: set[str]  # storyline ids no longer in use


def _neighbours(book: StoryBook, story_ids: Collection[str]) -> dict[str, dict[str, float]]:
    found = book.index.records("slink", list(story_ids))
    return {s: dict(found.get(s, {})) for s in story_ids}


def _component(book: StoryBook, start: Iterable[str]) -> set[str]:
    """Every story reachable from ``start`` over storyline links."""
    seen: set[str] = set()
    frontier = set(start)
    while frontier:
        seen |= frontier
        links = _neighbours(book, sorted(frontier))
        frontier = {o for others in links.values() for o in others} - seen
    return seen


def relink(story_id: str, book: StoryBook, centrals: dict[str, _Central] | None = None,
           unfiled: Collection[str] | None = None) -> None:
    """Recompute one story's storyline links (both sides of each link are kept in step); a story that
    no longer exists loses them all. ``centrals``: stories with their central names, kept by the caller
    while the stories stay as they are. ``unfiled``: the stories that may have changed since they were last
    filed under their central names (None: any story may have; see :func:`filed_candidates`)."""
    story = book.get([story_id]).get(story_id)
    fresh = _fresh_links(story, book, {} if centrals is None else centrals, unfiled) if story is not None else {}
    old = _neighbours(book, [story_id])[story_id]
    for other in set(old) | set(fresh):
        theirs = _neighbours(book, [other])[other]
        if other in fresh:
            theirs[story_id] = fresh[other]
        else:
            theirs.pop(story_id, None)
        book.index.put_record("slink", other, theirs)
    if story is None:
        book.index.delete_record("slink", story_id)
    else:
        book.index.put_record("slink", story_id, fresh)


def _fresh_links(story: StoryProfile, book: StoryBook, centrals: dict[str, _Central],
                 unfiled: Collection[str] | None = None) -> dict[str, float]:
    """Scores of a story with every story filed under one of its central names (those that qualify).

    A central name shared by many stories (a council, a party) files thousands of candidates at scale: only
    those that can share enough names are read (:func:`filed_candidates`), the tests that need no idf come
    first, and each story's central names (``centrals``, kept by the caller) and issue terms are computed once."""
    mine = _central(story, centrals)
    book.index.add_postings("scentral", story.id, mine.names)
    filed = book.index.postings("scentral", list(mine.names))
    others = book.get(filed_candidates(mine, filed, unfiled))
    plausible = {o: c for o, p in others.items() if _may_link(mine, c := _central(p, centrals))}
    if not plausible:
        return {}
    idf = book.idf({key for c in [mine, *plausible.values()] for key in c.keys()})
    issue = issue_terms(story, idf)
    return {o: score for o, c in plausible.items() if (score := _score(mine, c, idf, issue)) > 0}


def filed_candidates(mine: _Central, filed: Mapping[str, Sequence[str]],
                     unfiled: Collection[str] | None = None) -> list[str]:
    """The stories filed under ``mine``'s central names (``filed``: name -> stories) that may pass
    :func:`_may_link`, in id order.

    A story is filed under every name that was central when it was last re-linked, so one whose profile has
    not changed since is filed under all its central names now. It can link only if it shares
    ``MIN_SHARED_NAMES`` names that are more than the locality (:func:`specific_names`), and a name that is
    not more than the locality of ``mine`` alone (a place, or a council named after one of its places) is not
    with any other story either (the other's places only add place words): so it is filed under that many of
    ``mine``'s specific central names. Stories that may have changed since they were last filed (``unfiled``:
    None for any) are kept when filed under any of its names, as before. The same stories pass
    :func:`_may_link` as among all those filed; only the ones that cannot are never read (a council or a party
    is central to ever more stories as the corpus grows)."""
    everyone = {o for ids in filed.values() for o in ids if o != mine.story.id}
    if unfiled is None:
        return sorted(everyone)
    specific = specific_names(mine.names, mine.story, mine.story)
    times: Counter[str] = Counter(o for name, ids in filed.items() if name in specific for o in ids)
    return sorted(o for o in everyone if times[o] >= MIN_SHARED_NAMES or o in unfiled)


def _central(story: StoryProfile, centrals: dict[str, _Central]) -> _Central:
    """The story with its central names, computed once per caller (``centrals``) while it stays as it is."""
    found = centrals.get(story.id)
    if found is None or found.story is not story:
        found = centrals[story.id] = _Central.of(story)
    return found


def update_storylines(changed: Collection[str], book: StoryBook) -> StorylineChange:
    """Re-link the changed stories and regroup every storyline they were or are part of."""
    before = _component(book, changed)
    centrals: dict[str, _Central] = {}  # stories do not change while they are re-linked
    # stories changed since they were last filed under their central names: those waiting for a refresh, and
    # the changed ones until each is re-linked (re-linking files it under its central names)
    unfiled = set(book.index.record_ids(DIRTY)) | set(changed)
    for story_id in sorted(changed):
        relink(story_id, book, centrals, unfiled)
        unfiled.discard(story_id)
    after = {s for s in _component(book, before) if book.get([s])}
    profiles = book.get(sorted(after))
    old_ids = {p.storyline for p in profiles.values() if p.storyline}
    lines = group_storylines(after, book)
    return StorylineChange(after, lines, old_ids - {line.id for line in lines})


def group_storylines(story_ids: Collection[str], book: StoryBook) -> list[Storyline]:
    """Connected groups of linked stories among ``story_ids``, each ordered by first date."""
    remaining = set(story_ids)
    lines = []
    while remaining:
        group = _component(book, [min(remaining)])
        remaining -= group
        if len(group) > 1:
            lines.append(_storyline(list(book.get(sorted(group)).values())))
    return sorted(lines, key=lambda s: s.id)


def _order_key(story: StoryProfile) -> tuple[bool, int, str]:
    return (story.first_day is None, story.first_day or 0, story.id)


def _storyline(members: list[StoryProfile]) -> Storyline:
    ordered = sorted(members, key=_order_key)
    return Storyline(
        id="storyline-" + ordered[0].id.removeprefix("story-"),
        title=ordered[0].title,
        stories=[s.id for s in ordered],
    )
