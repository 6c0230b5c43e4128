"""Refreshing in many calls: each storyline explained once, from its stories as they end up."""

from __future__ import annotations

from collections import Counter

import pytest

from storyline.link import corpus
from storyline.link.corpus import LINE_DIRTY, link_corpus
from storyline.link.stories import StoryBook
from storyline.model import GroupingEvidence, Storyline
from tests.link_fixtures import intervention
from tests.test_link_stories import load_fixture


def test_storylines_are_explained_once_when_no_dirty_story_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    items = intervention() + load_fixture("councils")
    whole, _ = link_corpus(items)
    explained: Counter[str] = Counter()
    explain = corpus.explain_storyline

    def counted(line: Storyline, book: StoryBook) -> list[GroupingEvidence]:
        explained[line.id] += 1
        return explain(line, book)

    monkeypatch.setattr(corpus, "explain_storyline", counted)
    monkeypatch.setattr(corpus, "REFRESH_DOCUMENTS", 3)  # one story per call
    spread, index = link_corpus(items)
    assert spread.storylines == whole.storylines and all(line.evidence for line in spread.storylines)
    assert set(explained) == {line.id for line in spread.storylines} and set(explained.values()) == {1}
    assert index.record_ids(LINE_DIRTY) == [] and index.record_ids("dirty") == []


def test_a_storyline_waits_for_its_evidence_until_the_stories_are_done() -> None:
    from storyline.link.corpus import link_new, refresh
    from storyline.link.index import MemoryIndex

    items = intervention()
    index = MemoryIndex()
    index.remember(items)
    link_new(items, index)
    while index.record_ids("qdirty") or index.record_ids("dirty"):
        refresh(index)
    waiting = index.output_payloads("storyline")
    assert waiting and not any(line.evidence for line in waiting) and index.record_ids(LINE_DIRTY)
    assert refresh(index) == len(waiting) and refresh(index) == 0
    assert all(line.evidence for line in index.output_payloads("storyline"))
