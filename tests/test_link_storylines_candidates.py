"""Storyline candidates: a story re-linked reads only the stories that can share enough central names with it,
and finds the same links as when it read every story filed under one of its names."""

from __future__ import annotations

import pytest

from storyline.link.corpus import collect_links, link_corpus, link_new, refresh
from storyline.link.index import MemoryIndex
from storyline.link.stories import StoryBook, StoryProfile
from storyline.link.story_regroup import PairScores
from storyline.link.storylines import _Central, _fresh_links, _may_link, filed_candidates
from tests.link_fixtures import intervention
from tests.test_link_stories import load_fixture

COUNCIL = {"harrowby district council": "organisation", "harrowby": "place", "alan washington": "person"}


def _story(story_id: str, names: dict[str, str]) -> StoryProfile:
    """A story of three documents, each naming every one of ``names`` (name -> type)."""
    return StoryProfile(id=story_id, title=story_id, documents=[f"{story_id}-{i}" for i in range(3)],
                        terms={"parking": 2.0, "fines": 1.0}, names=dict.fromkeys(names, 3),
                        name_types=dict(names))


def _filed(*stories: StoryProfile) -> dict[str, list[str]]:
    """Postings of ``scentral``: each story under its central names."""
    filed: dict[str, list[str]] = {}
    for story in stories:
        for name in _Central.of(story).names:
            filed.setdefault(name, []).append(story.id)
    return filed


def test_storylines_candidates_need_two_names_that_are_more_than_the_locality() -> None:
    mine = _story("s1", {**COUNCIL, "patel parking group": "organisation", "tom mensah": "person"})
    contractor = _story("s2", {"patel parking group": "organisation", "tom mensah": "person"})
    # the leader, the town and its council: one name that is more than the locality, so the pair cannot link
    locality = _story("s3", {"alan washington": "person", "harrowby": "place", "harrowby district council":
                             "organisation"})
    filed = _filed(mine, contractor, locality)
    central = _Central.of(mine)
    assert filed_candidates(central, filed, set()) == ["s2"]
    assert not _may_link(central, _Central.of(locality))
    assert _may_link(central, _Central.of(contractor))


def test_storylines_candidates_keep_stories_changed_since_they_were_filed() -> None:
    """A story waiting for its refresh may have new central names it is not filed under yet: it is read
    whenever it is filed under one of them, as before."""
    mine = _story("s1", {**COUNCIL, "patel parking group": "organisation", "tom mensah": "person"})
    filed = {"tom mensah": ["s1", "s4"], "harrowby": ["s1", "s5"]}
    assert filed_candidates(_Central.of(mine), filed, {"s4"}) == ["s4"]
    assert filed_candidates(_Central.of(mine), filed, None) == ["s4", "s5"]  # (no set given: every story)


@pytest.mark.parametrize("items", [load_fixture("councils"), intervention(False), intervention(True)],
                         ids=["councils", "intervention-dated", "intervention-undated"])
def test_storylines_candidates_give_the_same_links_as_every_filed_story(items: list) -> None:
    _, index = link_corpus(items)
    story_ids = index.record_ids("story")
    assert story_ids
    linked = 0
    for story_id in story_ids:
        every, cut = StoryBook(index.copy()), StoryBook(index.copy())
        story_every, story_cut = every.get([story_id])[story_id], cut.get([story_id])[story_id]
        found = _fresh_links(story_every, every, {}, None)
        assert _fresh_links(story_cut, cut, {}, set()) == found
        linked += bool(found)
    assert linked >= 2  # the fixtures' storylines are found this way too


@pytest.mark.parametrize("undated", [False, True], ids=["dated", "undated"])
def test_storylines_candidates_refreshed_one_story_at_a_time_match_all_at_once(undated: bool) -> None:
    """Refreshed one story per call, every other story waits for its refresh (changed since it was filed under
    its central names) while the first ones are re-linked: the storylines are those of one refresh."""
    items = intervention(undated)
    at_once, _ = link_corpus(items)
    index = MemoryIndex()
    index.remember(items)
    link_new(items, index)
    assert len(index.record_ids("dirty")) > 1
    scored = PairScores()
    while refresh(index, limit=1, scored=scored):
        pass
    one_by_one = collect_links(index)
    assert at_once.storylines
    assert [(line.id, line.stories) for line in one_by_one.storylines] == \
        [(line.id, line.stories) for line in at_once.storylines]
    assert [(s.id, s.storyline) for s in one_by_one.stories] == [(s.id, s.storyline) for s in at_once.stories]
