"""Storylines: stories linked across months or years by their central people, organisations and issue.

Two stories are linked when they share at least ``MIN_SHARED_NAMES`` of their
central names (at least one a person or place, and not only places),
those shared names are a fair part of both stories' central names (weighted
Jaccard), and their word centroids still agree a little.  Look-alike affairs
with different people and places share only generic bodies (a regulator, a
ministry) and stay apart.  A storyline is a connected group of linked stories,
ordered by first date; stories with no link belong to no storyline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storyline.link.stories import StoryIndex, StoryProfile, cosine
from storyline.model import Storyline

MIN_SHARED_NAMES = 2
MIN_NAME_OVERLAP = 0.2
MIN_TEXT_COSINE = 0.08
CENTRAL_NAMES = 12
CENTRAL_SHARE = 0.34  # a central name is in at least a third of the story's documents
IDENTIFYING = {
    "person",
    "place",
    "name",
}  # generic bodies (a regulator, a ministry) alone do not link affairs
TYPE_WEIGHT = {"person": 1.0, "organisation": 1.0, "name": 1.0, "place": 0.5}


@dataclass(frozen=True)
class StorylineLink:
    a: str
    b: str
    score: float


def central_names(story: StoryProfile) -> dict[str, float]:
    """The story's most frequent names (weighted by type), present in a good share of its documents."""
    floor = max(1.0, CENTRAL_SHARE * len(story.documents))
    ranked = sorted(story.names.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        name: TYPE_WEIGHT.get(story.name_types.get(name, "name"), 1.0)
        for name, count in ranked[:CENTRAL_NAMES]
        if count >= floor
    }


def storyline_score(a: StoryProfile, b: StoryProfile) -> float:
    """Weighted Jaccard of central names, or 0 when the stories do not qualify as one storyline."""
    names_a, names_b = central_names(a), central_names(b)
    shared = set(names_a) & set(names_b)
    if len(shared) < MIN_SHARED_NAMES:
        return 0.0
    types = {a.name_types.get(n, "name") for n in shared}
    if not types & IDENTIFYING or types == {"place"}:
        return 0.0
    union = set(names_a) | set(names_b)
    overlap = sum(names_a[n] for n in shared) / sum(max(names_a.get(n, 0), names_b.get(n, 0)) for n in union)
    if overlap < MIN_NAME_OVERLAP or cosine(a.terms, b.terms) < MIN_TEXT_COSINE:
        return 0.0
    return round(overlap, 3)


def link_stories(touched: Iterable[str], index: StoryIndex) -> list[StorylineLink]:
    """Storyline links of the given stories to any other story sharing one of their central names."""
    by_name: dict[str, list[str]] = {}
    for story in index.stories.values():
        for name in central_names(story):
            by_name.setdefault(name, []).append(story.id)
    links = []
    for story_id in sorted(set(touched)):
        story = index.stories[story_id]
        others = {o for n in central_names(story) for o in by_name.get(n, []) if o != story_id}
        for other in sorted(others):
            score = storyline_score(story, index.stories[other])
            if score > 0:
                a, b = sorted((story_id, other))
                links.append(StorylineLink(a, b, score))
    return links


def update_links(
    old: Iterable[StorylineLink], touched: Iterable[str], index: StoryIndex
) -> list[StorylineLink]:
    """Replace the links of stories that changed in this call by freshly computed ones."""
    touched = set(touched)
    kept = [link for link in old if link.a not in touched and link.b not in touched]
    fresh = {(link.a, link.b): link for link in kept + link_stories(touched, index)}
    return [fresh[k] for k in sorted(fresh)]


def group_storylines(links: Iterable[StorylineLink], index: StoryIndex) -> list[Storyline]:
    """Connected groups of linked stories, each ordered by first date, titled by its earliest story."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[root(link.a)] = root(link.b)
    groups: dict[str, list[str]] = {}
    for story_id in parent:
        groups.setdefault(root(story_id), []).append(story_id)
    storylines = [_storyline(members, index.stories) for members in groups.values() if len(members) > 1]
    return sorted(storylines, key=lambda s: s.id)


def _order_key(story: StoryProfile) -> tuple[bool, int, str]:
    return (story.first_day is None, story.first_day or 0, story.id)


def _storyline(members: list[str], stories: Mapping[str, StoryProfile]) -> Storyline:
    ordered = sorted((stories[m] for m in members), key=_order_key)
    return Storyline(
        id="storyline-" + ordered[0].id.removeprefix("story-"),
        title=ordered[0].title,
        stories=[s.id for s in ordered],
    )


def storyline_of(storylines: Iterable[Storyline]) -> dict[str, str]:
    """Story id -> storyline id."""
    return {story: line.id for line in storylines for story in line.stories}
