"""Pair scores kept from one refresh call to the next: the same stories, fewer pairs scored."""

from __future__ import annotations

import pytest

from storyline.link import corpus
from storyline.link.corpus import collect_links, link_new, refresh
from storyline.link.index import MemoryIndex
from storyline.link.stories import StoryBook
from storyline.link.story_regroup import PairScores, rescore
from storyline.model import CorpusLinks
from tests.link_fixtures import intervention
from tests.test_link_stories import load_fixture


def _linked(scored: PairScores | None, monkeypatch: pytest.MonkeyPatch) -> tuple[CorpusLinks, int]:
    """Link the fixtures with a refresh spread over many calls; also how many pairs were scored."""
    calls = []
    rescored = StoryBook.rescored
    monkeypatch.setattr(StoryBook, "rescored", lambda book, a, b: calls.append(1) or rescored(book, a, b))
    monkeypatch.setattr(corpus, "REFRESH_DOCUMENTS", 3)
    items = intervention() + load_fixture("councils")
    index = MemoryIndex()
    index.remember(items)
    link_new(items, index)
    while refresh(index, limit=2, scored=scored):
        pass
    monkeypatch.undo()
    return collect_links(index), len(calls)


def test_refresh_calls_sharing_pair_scores_make_the_same_links(monkeypatch: pytest.MonkeyPatch) -> None:
    alone, scored_alone = _linked(None, monkeypatch)
    shared, scored_shared = _linked(PairScores(), monkeypatch)
    assert shared == alone
    assert len(shared.stories) > 1 and shared.storylines
    assert 0 < scored_shared <= scored_alone


def test_a_neighbourhood_regrouped_again_in_the_next_call_scores_no_pair_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    items = intervention() + load_fixture("councils")
    index = MemoryIndex()
    index.remember(items)
    link_new(items, index)
    docs = sorted(index.records_["doc"])
    scored = PairScores()
    first_book = StoryBook(index)
    first = rescore(docs, first_book.features(docs), first_book, scored)
    calls = []
    rescored = StoryBook.rescored
    monkeypatch.setattr(StoryBook, "rescored", lambda book, a, b: calls.append(1) or rescored(book, a, b))
    next_book = StoryBook(index)  # the next call (transaction) has a book of its own
    again = rescore(docs, next_book.features(docs), next_book, scored)
    assert again == first and len(first) > 10 and calls == []
    assert rescore(docs, next_book.features(docs), StoryBook(index)) == first and len(calls) > 0


def test_pair_scores_are_dropped_when_another_document_is_counted() -> None:
    items = intervention()
    index = MemoryIndex()
    index.remember(items[:-1])
    link_new(items[:-1], index)
    scored = PairScores()
    scored.under(StoryBook(index))[("a", "b")] = 0.5
    assert scored.under(StoryBook(index)) == {("a", "b"): 0.5}
    index.remember(items[-1:])
    link_new(items[-1:], index)
    assert scored.under(StoryBook(index)) == {}


def test_a_neighbourhood_reaches_a_document_joined_just_under_the_threshold() -> None:
    """A lone piece's pair scored with an early idf may sit just under the threshold: the neighbourhood takes the
    piece in, so the pair is scored again with the current idf (it is left out further under)."""
    from storyline.link.story_regroup import NEAR_THRESHOLD, reach

    items = intervention() + load_fixture("councils")
    index = MemoryIndex()
    index.remember(items)
    link_new(items, index)
    book = StoryBook(index)
    story = max(book.get(sorted({s for s in book.story_of(sorted(index.records_["doc"])).values()})).values(),
                key=lambda p: (len(p.documents), p.id))
    outside = sorted(set(index.records_["doc"]) - set(reach(story, book)))
    assert outside
    piece, member = outside[0], story.documents[0]
    edges = index.records_["sedge"]
    for score, reached in ((book.params.threshold - NEAR_THRESHOLD / 2, True),
                           (book.params.threshold - 2 * NEAR_THRESHOLD, False)):
        edges.setdefault(member, {})[piece] = score
        edges.setdefault(piece, {})[member] = score
        assert (piece in reach(story, StoryBook(index))) is reached
