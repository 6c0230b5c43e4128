"""A speaker fix reaches what linking made of the quote: the quote group's speaker and the "speaker"
discrepancy are derived again from the corrected rows, so no view shows the machine's speaker beside the
reporter's. Two local papers report Councillor Helen Ward's words about a pool; the second gives them to
the council leader (tests/fixtures/corrections/quoted-twice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline import api, views
from storyline.store import Store

from .conftest import FIXTURES

POOL = sorted(str(p) for p in (FIXTURES / "corrections" / "quoted-twice").glob("*.json"))
WORDS = "We are not closing the pool this year"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(str(tmp_path / "pool.db"))
    api.ingest(POOL, store)
    return store


def pool_quotes(store: Store) -> list[views.QuoteRow]:
    return [q for q in api.quotes(store, limit=100).items if q.text.startswith(WORDS)]


def shown(store: Store) -> dict[str, Any]:
    """What the story's dossier, report and export say about the pool quote."""
    story = pool_quotes(store)[0].story
    assert story is not None
    d = api.story(story, store, full=True)
    export: Any = api.export(store)
    return {
        "speakers": [g.name for g in d.quotes for sq in g.quotes if sq.text.startswith(WORDS)],
        "disputes": [x.description for x in d.discrepancies if x.kind == "speaker"],
        "report": api.report(story, store, format="md").decode(),
        "group": [(g["speaker_name"], len(g["sources"])) for g in export["quote_groups"]
                  if g["text"].startswith(WORDS)],
    }


def section(report: str, heading: str, following: str) -> str:
    return report.split(heading, 1)[1].split(following, 1)[0]


def ward_and_okafor(store: Store) -> tuple[str, str]:
    people = {p.name: p.id for p in api.people(store, limit=100).items}
    return people["Helen Ward"], people["Dan Okafor"]


def test_corrections_speaker_fix_settles_the_quote_group_and_its_discrepancy(store: Store) -> None:
    before = shown(store)
    assert before["speakers"] == ["(unattributed)"] and len(before["disputes"]) == 1  # the machine's view
    ward, _ = ward_and_okafor(store)
    ledger = next(q for q in pool_quotes(store) if q.speaker_name == "Dan Okafor")
    api.fix_speaker(ledger.id, ward, store, note="the Gazette heard her say it")
    for rerun in ("now", "link --rebuild"):
        if rerun == "link --rebuild":
            api.link_store(store, rebuild=True)
        after = shown(store)
        assert after["speakers"] == ["Helen Ward"], rerun
        assert after["disputes"] == [], rerun
        assert after["group"] == [("Helen Ward", 2)], rerun
        quoted = section(after["report"], "## Quotes by speaker", "## Claims")
        assert "### Helen Ward" in quoted and "Okafor" not in quoted, rerun
        assert "**speaker**" not in section(after["report"], "## Where sources disagree", "## What changed"), rerun
        assert {q.speaker_name for q in pool_quotes(store)} == {"Helen Ward"}, rerun


def test_corrections_speaker_cleared_on_one_source_leaves_the_others(store: Store) -> None:
    ledger = next(q for q in pool_quotes(store) if q.speaker_name == "Dan Okafor")
    api.fix_speaker(ledger.id, None, store, note="the Ledger got the speaker wrong")
    after = shown(store)
    assert after["speakers"] == ["Helen Ward"] and after["disputes"] == []
    assert after["group"] == [("Helen Ward", 2)]
    assert sorted((q.speaker_name or "") for q in pool_quotes(store)) == ["", "Helen Ward"]


def test_corrections_speaker_fix_is_followed_by_every_source_naming_someone_else(store: Store) -> None:
    """The reporter says who said these words: every source that named someone else follows (here neither
    paper had it right), and undoing the fix gives each source back what its document says."""
    before = shown(store)
    pritchard = next(p.id for p in api.people(store, limit=100).items if p.name == "Owen Pritchard")
    ledger = next(q for q in pool_quotes(store) if q.speaker_name == "Dan Okafor")
    fixed = api.fix_speaker(ledger.id, pritchard, store)
    after = shown(store)
    assert after["speakers"] == ["Owen Pritchard"] and after["disputes"] == []
    assert after["group"] == [("Owen Pritchard", 2)]
    assert {q.speaker_name for q in pool_quotes(store)} == {"Owen Pritchard"}
    api.fix_undo(fixed.id, store)
    assert shown(store) == before
    assert sorted(q.speaker_name or "" for q in pool_quotes(store)) == ["Dan Okafor", "Helen Ward"]
