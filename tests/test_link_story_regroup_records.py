"""A story's profile and its documents' records stay in step: every linked document's record names the one story
whose profile lists it, whenever copied passages look for a document's story (they read the profile alone), and
after every refresh call: through filing, regrouping in any order and in many calls, and the reporter's moves."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.link import corpus, documents, reuse
from storyline.link.corpus import link_new, refresh
from storyline.link.index import Item, MemoryIndex
from storyline.link.stories import PIN
from storyline.link.story_regroup import PairScores
from storyline.model import Document

from .link_fixtures import intervention
from .test_link_stories import load_fixture


def out_of_step(index: MemoryIndex, filing: str | None = None) -> list[str]:
    """Documents whose record and the story profiles disagree (``filing``: the document being filed, listed by its
    story's profile already and not recorded yet)."""
    listed: dict[str, list[str]] = {}
    for story_id, profile in index.records_["story"].items():
        for doc_id in profile["documents"]:
            listed.setdefault(doc_id, []).append(story_id)
    records = {d: [r["story"]] for d, r in index.records_["doc"].items()}
    if filing is not None:
        records[filing] = listed.get(filing, [])[:1]
    return sorted(d for d in set(listed) | set(records) if listed.get(d) != records.get(d))


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Checks the records whenever a document's copied passages are looked for; yields the documents checked."""
    seen: list[str] = []
    link_reuse = reuse.link_reuse

    def checking(doc: Document, index: Any, story: Any = ()) -> Any:
        assert isinstance(index, MemoryIndex) and out_of_step(index, doc.id) == []
        assert sorted(story) == sorted(next(p["documents"] for p in index.records_["story"].values()
                                            if doc.id in p["documents"]))
        seen.append(doc.id)
        return link_reuse(doc, index, story)

    monkeypatch.setattr(documents.reuse, "link_reuse", checking)
    yield seen


def link_checked(items: list[Item], index: MemoryIndex) -> MemoryIndex:
    """File and refresh as ``link_corpus`` does, checking the records after every refresh call."""
    index.remember(items)
    link_new(items, index)
    scored = PairScores()
    while refresh(index, scored=scored, limit=1):
        assert out_of_step(index) == []
    assert out_of_step(index) == []
    return index


def corpus_items() -> list[Item]:
    return intervention() + load_fixture("councils")


def test_link_story_records_in_step_filing_all_at_once_and_one_at_a_time(checked: list[str]) -> None:
    items = corpus_items()
    link_checked(items, MemoryIndex())
    for seed in range(3):
        order = list(items)
        random.Random(seed).shuffle(order)
        index = MemoryIndex()
        for item in order:  # each new document regroups the stories it joins
            link_checked([item], index)
    assert len(checked) == 4 * len({doc.id for doc, _ in items})


def test_link_story_records_in_step_regrouping_in_many_calls(checked: list[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "REFRESH_DOCUMENTS", 3)
    items = corpus_items()
    index = MemoryIndex()
    for start in range(0, len(items), 4):
        link_checked(items[start : start + 4], index)
    assert len(checked) == len(items)


def test_link_story_records_in_step_with_the_reporters_moves(checked: list[str]) -> None:
    """Pins are read by every regrouping: a document filed in a story of its own, one filed with another story's
    documents, then more documents linked after them."""
    items = corpus_items()
    first, later = items[: len(items) // 2], items[len(items) // 2 :]
    index = link_checked(first, MemoryIndex())
    stories = sorted(index.records_["story"].values(), key=lambda p: (-len(p["documents"]), p["id"]))
    alone, moved = stories[0]["documents"][-1], stories[0]["documents"][0]
    index.put_record(PIN, alone, {"new": True})
    index.put_record(PIN, moved, {"with": stories[1]["documents"][:1]})
    for story in {index.records_["doc"][d]["story"] for d in (alone, moved)}:
        index.put_record(corpus.DIRTY, story, True)
    link_checked([], index)
    link_checked(later, index)
    assert [p["documents"] for p in index.records_["story"].values() if alone in p["documents"]] == [[alone]]
    story_of = {d: r["story"] for d, r in index.records_["doc"].items()}
    assert story_of[moved] == story_of[stories[1]["documents"][0]] != story_of[stories[0]["documents"][1]]
    assert len(checked) == len(items)


def test_link_story_records_in_step_on_look_alike_generated_affairs(checked: list[str]) -> None:
    """120 generated articles on 8 affairs drawn from one pool of councils and names: stories are regrouped,
    split and retired as look-alike affairs arrive, in batches."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import make_article

    from storyline.annotate.pipeline import Pipeline

    pipeline, items = Pipeline(), []
    for i in range(120):
        article = make_article(i, affairs=8)
        doc = Document(f"g{i:04d}", article.body, f"g{i}", url=article.url, title=article.title,
                       published=article.published, site_name=article.site)
        items.append((doc, pipeline(doc)))
    random.Random(3).shuffle(items)
    index = MemoryIndex()
    for start in range(0, len(items), 30):
        link_checked(items[start : start + 30], index)
    assert len(checked) == len(items)
