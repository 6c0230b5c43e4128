"""The corrections log: storylines joined and split, undo, orphaned anchors, and the `storyline fix` commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import api, views
from storyline.cli import main
from storyline.corrections.log import CorrectionError
from storyline.store import Store

from .conftest import ingested_db
from .test_corrections_survive import FIRST, LATER, documents, named, one, quote


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_db(tmp_path_factory, "corrections", FIRST)


@pytest.fixture
def store(corpus: str, tmp_path: Path) -> Store:
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(corpus).read_bytes())
    return Store(str(copy))


def storyline_of(store: Store, doc: str) -> str | None:
    story = views.document(store, doc).summary.story  # type: ignore[union-attr]
    return next(s.storyline for s in views.stories(store, 100) if s.id == story)


def rerun(store: Store, how: str) -> None:
    """What a later run does: re-annotation (which relinks), a full relink, or new coverage of the same people."""
    if how == "annotate":
        api.annotate(store)
        api.link_store(store, rebuild=True)
    elif how == "link --rebuild":
        api.link_store(store, rebuild=True)
    else:
        api.ingest([LATER], store)


@pytest.mark.parametrize("how", ["annotate", "link --rebuild", "ingest a new document"])
def test_corrections_storylines_join_and_split_survive_reruns(store: Store, how: str) -> None:
    docs = documents(store)
    care = views.document(store, docs["01"]).summary.story  # type: ignore[union-attr]
    api.fix_story(docs["04"], "new", store, note="the cabinet vote is news of its own")
    vote = views.document(store, docs["04"]).summary.story  # type: ignore[union-attr]
    assert care and vote and care != vote and storyline_of(store, docs["04"]) is None
    joined = api.fix_storyline_join(care, vote, store, note="but the same affair")
    assert joined.status == "applied"
    rerun(store, how)
    line = storyline_of(store, docs["01"])
    assert line is not None and line == storyline_of(store, docs["04"])
    assert [s.id for s in api.story(care, store).storyline_stories] == [care, vote]
    api.fix_storyline_split(vote, store, note="on reflection, news of its own")
    rerun(store, how)
    assert storyline_of(store, docs["04"]) is None and storyline_of(store, docs["01"]) is None
    assert [c.status for c in api.fix_log(store)] == ["applied", "applied", "applied"]


def test_corrections_storyline_split_of_a_story_in_no_storyline_is_refused(store: Store) -> None:
    docs = documents(store)
    api.fix_story(docs["04"], "new", store, note="the cabinet vote is news of its own")
    vote = views.document(store, docs["04"]).summary.story  # type: ignore[union-attr]
    assert vote and storyline_of(store, docs["04"]) is None
    with pytest.raises(CorrectionError, match="in no storyline"):
        api.fix_storyline_split(vote, store)
    assert [c.kind for c in api.fix_log(store)] == ["story"]


def test_corrections_undo_gives_back_what_the_machine_found(store: Store) -> None:
    docs = documents(store)
    gallery = quote(store, docs["04"], "public gallery")
    assert gallery is not None
    wrong = api.fix_speaker(gallery.id, one(store, "Priya Shah"), store, note="mistaken: it was her husband")
    assert quote(store, docs["04"], "public gallery").speaker_name == "Priya Shah"  # type: ignore[union-attr]
    undone = api.fix_undo(wrong.id, store)
    assert undone.status == "undone"
    assert quote(store, docs["04"], "public gallery").speaker_name == "Ravi"  # type: ignore[union-attr]
    merged = api.fix_merge(one(store, "Dan Okafor"), one(store, "Daniel Okafor"), store)
    assert not named(store, "Dan Okafor")
    api.fix_undo(merged.id, store)  # identities come from linking: relinked
    assert named(store, "Dan Okafor") and named(store, "Daniel Okafor")
    assert [c.status for c in api.fix_log(store)] == ["undone", "undone"]
    with pytest.raises(CorrectionError, match="already undone"):
        api.fix_undo(merged.id, store)


def test_corrections_whose_anchor_is_gone_are_reported_orphaned(store: Store) -> None:
    docs = documents(store)
    gallery = quote(store, docs["04"], "public gallery")
    assert gallery is not None
    speaker = api.fix_speaker(gallery.id, None, store)
    api.fix_reject("quote", gallery.id, store, note="a campaigner's line, not news")
    api.link_store(store, rebuild=True)
    log = {c.id: c for c in api.fix_log(store)}
    assert log[speaker.id].status == "orphaned" and "no quote" in (log[speaker.id].detail or "")
    assert log[speaker.id + 1].status == "applied"


def test_corrections_refuse_what_cannot_be_anchored(store: Store) -> None:
    docs = documents(store)
    with pytest.raises(CorrectionError, match="storyline people"):
        api.fix_merge("nobody", one(store, "Priya Shah"), store)
    with pytest.raises(CorrectionError, match="storyline show DOC"):
        api.fix_speaker(f"{docs['01']}:q99", None, store)
    with pytest.raises(CorrectionError, match="TIMEX3"):
        api.fix_date(f"{docs['02']}:v1", "next Tuesday", store)
    with pytest.raises(CorrectionError, match="cannot be dated to the day"):
        api.fix_date(f"{docs['02']}:v1", "2024", store, precision="day")  # a precision finer than the value
    with pytest.raises(CorrectionError, match="not named in document.*storyline show"):
        api.fix_split(one(store, "Sue Barrow"), docs["01"], store)
    assert api.fix_log(store) == []


def test_corrections_cli_fix_commands(store: Store) -> None:
    db = store.db
    store.close()
    docs = documents(Store(db))
    reader = Store(db)
    dan, daniel = one(reader, "Dan Okafor"), one(reader, "Daniel Okafor")
    gallery = quote(reader, docs["04"], "public gallery")
    reader.close()
    def run(args: list[str]) -> tuple[int, str]:
        """Exit code and output on one line (rich wraps piped output at 120 columns)."""
        result = CliRunner().invoke(main, args)
        return result.exit_code, " ".join(result.output.split())

    code, out = run(["fix", "merge", dan, daniel, "--db", db, "--note", "same leader", "--who", "Helen Marsh"])
    assert code == 0 and "#1 applied" in out and "merge 'Dan Okafor' into 'Daniel Okafor'" in out
    code, out = run(["fix", "speaker", gallery.id, "none", "--db", db])  # type: ignore[union-attr]
    assert code == 0 and "no known speaker" in out
    code, out = run(["fix", "date", f"{docs['02'][:6]}:v2", "2024-01", "--db", db])
    assert code == 0 and "2024-01 (month)" in out
    code, out = run(["fix", "reject", f"{docs['03'][:6]}:q1", "--db", db])
    assert code == 0 and "reject quote" in out
    code, out = run(["fix", "story", docs["04"][:6], "new", "--db", db])
    assert code == 0 and "to a new story" in out
    code, out = run(["fix", "log", "--db", db])
    assert code == 0 and "5 corrections" in out and "Helen Marsh" in out
    code, out = run(["fix", "undo", "2", "--db", db])
    assert code == 0 and "#2 undone" in out and "relinked" not in out  # a fact: its document only
    code, out = run(["fix", "undo", "1", "--db", db])
    assert code == 0 and "#1 undone" in out and "relinked the whole corpus" in out
    code, out = run(["fix", "undo", "--help"])
    assert "relinks the whole corpus" in out
    code, out = run(["fix", "merge", "nobody", daniel, "--db", db])
    assert code == 2 and "storyline people" in out


def test_corrections_merged_identity_speaks_under_its_corrected_name(store: Store) -> None:
    """Merge, then rename: every quote, claim and story group of the identity shows the new name, before and
    after relinking (rename first, then merge, too)."""
    api.fix_rename(one(store, "Daniel Okafor"), "Cllr Daniel Okafor", store)
    api.fix_merge(one(store, "Dan Okafor"), one(store, "Cllr Daniel Okafor"), store)
    for rerun in ("now", "link --rebuild"):
        if rerun != "now":
            api.link_store(store, rebuild=True)
        okafor = one(store, "Cllr Daniel Okafor")
        assert {x.speaker_name for x in api.quotes(store, limit=500).items if x.speaker == okafor} == \
            {"Cllr Daniel Okafor"}, rerun
        names = {g.name for s in api.stories(store, 100).items for g in api.story(s.id, store).quotes
                 if g.speaker == okafor}
        assert names == {"Cllr Daniel Okafor"}, rerun


def test_corrections_story_move_recomputes_why_of_both_stories(store: Store) -> None:
    """After `fix story DOC new`, neither story explains itself by the moved document's words any more (and
    survives relinking)."""
    docs = documents(store)
    care = views.document(store, docs["01"]).summary.story  # type: ignore[union-attr]
    assert care and docs["04"] in {sp.document for e in api.story(care, store).evidence for sp in e.spans}
    api.fix_story(docs["04"], "new", store)
    for rerun in ("now", "link --rebuild"):
        if rerun != "now":
            api.link_store(store, rebuild=True)
        moved = views.document(store, docs["04"]).summary.story  # type: ignore[union-attr]
        assert moved and moved != care, rerun
        cited = {sp.document for e in api.story(care, store).evidence for sp in e.spans}
        assert cited and docs["04"] not in cited, rerun
        own = api.story(moved, store).evidence
        assert own and {sp.document for e in own for sp in e.spans} == {docs["04"]}, rerun


def test_corrections_undone_rejection_does_not_say_the_fact_is_missing(store: Store) -> None:
    """A rejection re-applied by a relink finds its quote's row gone ("no quote shown at ..."); undoing it then
    brings the quote back, and the undone correction no longer carries that line (it read as a failed undo)."""
    docs = documents(store)
    gallery = quote(store, docs["04"], "public gallery")
    assert gallery is not None
    rejected = api.fix_reject("quote", gallery.id, store)
    api.link_store(store, rebuild=True)
    assert "no quote shown" in (api.fix_log(store)[0].detail or "")
    undone = api.fix_undo(rejected.id, store)
    assert quote(store, docs["04"], "public gallery") is not None
    assert undone.detail is None and api.fix_log(store)[0].detail is None
