"""Linking honours a story move itself: the document is filed in the story the reporter chose (its own, or the
one holding the documents it was moved to) in linking's own records, through `link --rebuild` and the ingest
of new related documents, so the correction finds it there and has nothing left to move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from storyline import api, views
from storyline.link.stories import PIN
from storyline.link.story_regroup import file_pinned
from storyline.store import Store, schema
from storyline.store.link_index import STORY_PIN

from .test_corrections_log import corpus  # noqa: F401  (the machine's corpus of four articles)
from .test_corrections_survive import LATER, documents


@pytest.fixture
def store(corpus: str, tmp_path: Path) -> Store:  # noqa: F811
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(corpus).read_bytes())
    return Store(str(copy))


def linked(store: Store, doc: str) -> tuple[str, list[str]]:
    """The story linking's own records file ``doc`` in, and that story's documents in its profile."""
    r = schema.link_records
    with store.reader.connect() as conn:
        story = json.loads(conn.execute(select(r.c.data).where(r.c.kind == "doc", r.c.id == doc)).scalar())["story"]
        profile = json.loads(conn.execute(select(r.c.data).where(r.c.kind == "story", r.c.id == story)).scalar())
    return story, sorted(profile["documents"])


def story_of(store: Store, doc: str) -> str | None:
    return views.document(store, doc).summary.story  # type: ignore[union-attr]


def test_corrections_story_move_new_is_linking_own(store: Store) -> None:
    docs = documents(store)
    care = story_of(store, docs["01"])
    assert care == story_of(store, docs["04"])
    move = api.fix_story(docs["04"], "new", store, note="the cabinet vote is news of its own")
    own = story_of(store, docs["04"])
    for rerun in ("link --rebuild", "new related document"):
        if rerun == "link --rebuild":
            api.link_store(store, rebuild=True)
        else:
            api.ingest([LATER], store)
        docs = documents(store)
        story, members = linked(store, docs["04"])
        assert members == [docs["04"]], rerun  # linking filed it alone ...
        assert story == story_of(store, docs["04"]) == own, rerun  # ... and the rows agree, under the same id
        care_story, care_members = linked(store, docs["01"])
        assert docs["04"] not in care_members and docs["02"] in care_members, rerun
        (log,) = [c for c in api.fix_log(store) if c.id == move.id]
        assert log.status == "applied" and "moved" not in (log.detail or ""), (rerun, log.detail)
    assert docs["05"] in linked(store, docs["05"])[1]


def test_corrections_story_move_into_a_story_is_linking_own(store: Store) -> None:
    docs = documents(store)
    care = story_of(store, docs["01"])
    assert care and story_of(store, docs["03"]) != care
    move = api.fix_story(docs["03"], care, store, note="the striker's deal was part of it (for the test)")
    for rerun in ("link --rebuild", "new related document"):
        if rerun == "link --rebuild":
            api.link_store(store, rebuild=True)
        else:
            api.ingest([LATER], store)
        docs = documents(store)
        story, members = linked(store, docs["03"])
        assert {docs["01"], docs["02"], docs["03"]} <= set(members), rerun
        assert story == story_of(store, docs["03"]) == story_of(store, docs["01"]), rerun
        (log,) = [c for c in api.fix_log(store) if c.id == move.id]
        assert log.status == "applied" and "moved" not in (log.detail or ""), (rerun, log.detail)
    api.fix_undo(move.id, store)  # undone: the machine's grouping again
    assert story_of(store, docs["03"]) != story_of(store, docs["01"])
    assert docs["03"] not in linked(store, docs["01"])[1]


def test_corrections_file_pinned_over_the_machine_groups() -> None:
    assert PIN == STORY_PIN
    groups = [["a", "b", "c"], ["d", "e"]]
    assert file_pinned(groups, {}) is groups
    assert file_pinned(groups, {"c": {"new": True}}) == [["a", "b"], ["d", "e"], ["c"]]
    assert file_pinned(groups, {"c": {"with": ["d", "x"]}}) == [["a", "b"], ["c", "d", "e"]]
    assert file_pinned(groups, {"c": {"with": ["x"]}}) == [["a", "b", "c"], ["d", "e"]]  # nothing to join here
    assert file_pinned([["a"]], {"a": {"new": True}}) == [["a"]]
