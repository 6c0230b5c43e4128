"""Storylines: the same affair years later joins; a look-alike affair elsewhere does not."""

from __future__ import annotations

from storyline.link.corpus import link_corpus
from tests.test_link_stories import load_fixture, story_of


def test_storylines_follow_up_joins_the_original_affair() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    original, follow_up = story_of(linking.stories, "cb-1"), story_of(linking.stories, "cb-f1")
    assert len(linking.storylines) == 1
    line = linking.storylines[0]
    assert line.stories == [original.id, follow_up.id]  # ordered by first date
    assert original.storyline == follow_up.storyline == line.id
    assert line.title == original.title


def test_storylines_look_alike_affair_elsewhere_is_not_joined() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    wexley = story_of(linking.stories, "wx-1")
    assert wexley.storyline is None
    assert all(wexley.id not in line.stories for line in linking.storylines)


def test_storylines_unrelated_stories_have_none() -> None:
    linking, _ = link_corpus(load_fixture("versions") + load_fixture("press_release"))
    assert linking.storylines == []
    assert all(s.storyline is None for s in linking.stories)


def test_storylines_built_incrementally_match_batch() -> None:
    items = load_fixture("councils")
    batch, _ = link_corpus(items)
    early, state = link_corpus(items[:5])
    assert early.storylines == []  # the follow-up has not arrived yet
    later, _ = link_corpus(items[5:], state)
    assert later.storylines == batch.storylines
