"""A claim paired with its denial names the identity as corrected: after a merge (and a rename), the denial is
the merged identity's, now, after `link --rebuild` and after a story move found the story's discrepancies again."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline import api, views
from storyline.store import Store

from .conftest import ingested_db
from .test_corrections_survive import FIRST, LATER, documents, one


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_db(tmp_path_factory, "denials", [*FIRST, LATER])


@pytest.fixture
def store(corpus: str, tmp_path: Path) -> Store:
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(corpus).read_bytes())
    return Store(str(copy))


def denials(store: Store) -> list[str]:
    return [d.description for s in views.stories(store, 100) for d in api.story(s.id, store).discrepancies
            if d.kind == "claim-denial"]


def test_corrections_claim_denial_names_the_merged_identity(store: Store) -> None:
    found = denials(store)
    assert len(found) == 1 and "Dan Okafor denies it" in found[0] and "Priya Shah claims" in found[0]
    api.fix_merge(one(store, "Dan Okafor"), one(store, "Daniel Okafor"), store, note="same council leader")
    for rerun in ("now", "link --rebuild", "story move"):
        if rerun == "link --rebuild":
            api.link_store(store, rebuild=True)
        if rerun == "story move":
            api.fix_story(documents(store)["03"], "new", store)
        found = denials(store)
        assert len(found) == 1, rerun
        assert "Daniel Okafor denies it" in found[0] and "Dan Okafor" not in found[0], rerun
        assert "“Mr Okafor denied the claim”" in found[0], rerun  # the document's own words stay


def test_corrections_claim_denial_names_the_renamed_identity(store: Store) -> None:
    api.fix_rename(one(store, "Priya Shah"), "Cllr Priya Shah", store)
    api.fix_merge(one(store, "Dan Okafor"), one(store, "Daniel Okafor"), store)
    api.link_store(store, rebuild=True)
    [found] = denials(store)
    assert found.startswith("Cllr Priya Shah claims") and "Daniel Okafor denies it" in found
