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
    scored.under(StoryBook(index))
    scored.remember(["a", "b"])
    assert scored.under(StoryBook(index)) == {"a": 1, "b": 1}
    index.remember(items[-1:])
    link_new(items[-1:], index)
    assert scored.under(StoryBook(index)) == {}


def test_no_pair_is_scored_twice_however_many_pairs_a_run_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scores were kept in memory up to a bound (500,000 pairs: about 20,000 documents at 55 a day) and dropped
    past it, so later neighbourhoods scored their pairs again; a bound of 5 shows it on the fixtures. Now a pair
    re-scored once keeps its score in its edges, whatever the number of pairs."""
    from storyline.link import story_regroup

    monkeypatch.setattr(story_regroup, "MAX_KEPT_SCORES", 5, raising=False)
    items = intervention() + load_fixture("councils")
    index = MemoryIndex()
    index.remember(items)
    link_new(items, index)
    docs = sorted(index.records_["doc"])
    scored = PairScores()
    book = StoryBook(index)
    first = rescore(docs[: len(docs) * 3 // 4], book.features(docs), book, scored)
    calls: list[tuple[str, str]] = []
    rescored = StoryBook.rescored
    monkeypatch.setattr(StoryBook, "rescored", lambda book, a, b: calls.append((a[0].id, b[0].id)) or rescored(book, a, b))
    book = StoryBook(index)  # the next call
    second = rescore(docs[len(docs) // 4 :], book.features(docs), book, scored)
    shared = {pair: score for pair, score in second.items() if pair in first}
    assert len(first) > 5 and len(shared) > 5 and shared == {pair: first[pair] for pair in shared}
    assert calls and not set(calls) & set(first)
    third = rescore(docs, book.features(docs), StoryBook(index), scored)  # all: pairs across the two are new
    assert {pair: score for pair, score in third.items() if pair in first or pair in second} == {**first, **second}
    assert len(third) > len({**first, **second}) and len(set(calls)) == len(calls)
