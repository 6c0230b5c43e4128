"""Version diffs in facts: two rewritten versions of one article (tests/fixtures/versions: v2 adds a
freedom-of-information finding and a councillor's quote and moves a date), and a pure re-wording that
changes nothing; `storyline diff`, the story page, the report and the export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline import api, views
from storyline.cli import main
from storyline.store import Store
from storyline.versions import ClaimFact, DocumentFacts, Figure, Named, Quote, diff_documents
from storyline.web.app import create_app

from .conftest import FIXTURES, ingested_db

VERSIONS = FIXTURES / "versions"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_db(tmp_path_factory, "versions", sorted(str(p) for p in VERSIONS.glob("*.json")))


@pytest.fixture(scope="module")
def docs(db: str) -> dict[str, str]:
    with Store(db) as store:
        found = {(d.title, d.published): d.id for d in views.documents(store, 10)}
    title = "Eastgate bus depot to close with loss of 120 jobs"
    return {"v1": found[(title, "2024-05-01")], "v2": found[(title, "2024-05-02")],
            "reworded": found[("Eastgate bus depot to shut this autumn", "2024-05-01")]}


def test_versions_diff_finds_exactly_what_v2_changed(db: str, docs: dict[str, str]) -> None:
    with Store(db) as store:
        text = {k: store.get_document(v).text for k, v in docs.items()}  # type: ignore[union-attr]
    found = api.diff(docs["v1"], docs["v2"], db)
    assert found.link == "version" and (found.a, found.b) == (docs["v1"], docs["v2"])
    assert sorted((c.kind, c.change) for c in found.changes) == [
        ("date", "added"), ("date", "changed"), ("person", "added"), ("quote", "added")]
    for c in found.changes:  # every span is the document's own text
        for side, key in ((c.before, "v1"), (c.after, "v2")):
            if side is not None:
                assert side.document == docs[key] and text[key][side.start : side.end] == side.text
    (quote,) = found.of("quote")
    assert quote.before is None and quote.after is not None
    assert quote.after.text == "If the council knew in January, residents deserved to know in January."
    assert "Amira Haq" in quote.description
    (person,) = found.of("person")
    assert person.after is not None and person.after.text == "Amira Haq"
    changed = next(c for c in found.of("date") if c.change == "changed")
    assert (changed.old, changed.new) == ("2024-09-02", "2024-09-16")
    assert changed.before and changed.after and (changed.before.text, changed.after.text) == (
        "2 September 2024", "16 September 2024")
    foi = next(c for c in found.of("date") if c.change == "added")
    assert foi.after and "Freedom of Information Act" in foi.after.text and foi.new == "2024-01-11"


def test_versions_pure_rewording_changes_nothing(db: str, docs: dict[str, str]) -> None:
    """The same facts in other words, quotes moved after their speakers, curly quotes kept: no change."""
    found = api.diff(docs["v1"], docs["reworded"], db)
    assert found.of("quote") == [] and found.changes == [], [c.description for c in found.changes]
    assert found.summary == "no change in the facts"
    assert [c.kind for c in api.diff(docs["reworded"], docs["v2"], db).changes] == ["quote", "person", "date", "date"]


def _facts(doc: str, text: str, quotes: list[Quote] | None = None, figures: list[Figure] | None = None,
           headline: tuple[int, int] | None = None) -> DocumentFacts:
    return DocumentFacts(doc, text, headline, quotes or [], [], [], [], figures or [])


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_versions_speaker_figure_and_headline_changes() -> None:
    a_text = "Depot row deepens\n\n“We were misled,” said Gary Holt. The overspend of £1.2m was confirmed."
    b_text = "Depot row grows\n\n“We were misled,” said Claire Dunmore. The overspend of £1.4m was confirmed."
    qa, qb = _at(a_text, "We were misled,"), _at(b_text, "We were misled,")
    a = _facts("a", a_text, [Quote("a:q1", *qa, "We were misled,", "direct", "P1", "Gary Holt")],
               [Figure(*_at(a_text, "£1.2m"), "£1.2m", "GBP", "overspend", 1.2e6)], _at(a_text, "Depot row deepens"))
    b = _facts("b", b_text, [Quote("b:q1", *qb, "We were misled,", "direct", "P2", "Claire Dunmore")],
               [Figure(*_at(b_text, "£1.4m"), "£1.4m", "GBP", "overspend", 1.4e6)], _at(b_text, "Depot row grows"))
    found = diff_documents(a, b)
    assert [(c.kind, c.what, c.old, c.new) for c in found.changes] == [
        ("headline", "text", "Depot row deepens", "Depot row grows"),
        ("quote", "speaker", "Gary Holt", "Claire Dunmore"),
        ("figure", "value", "£1.2m", "£1.4m")]
    unnamed = _facts("b", b_text, [Quote("b:q1", *qb, "We were misled,", "direct", None, None)])
    assert diff_documents(_facts("a", a_text, a.quotes), unnamed).changes == []  # no speaker is not another one


def test_versions_direct_quote_reworded_and_claims() -> None:
    a_text = "“The figures were shared with every councillor,” she said. The council denied any cover-up."
    b_text = "“The figures were shared with most councillors,” she said."
    a = DocumentFacts("a", a_text, None, [Quote("a:q1", 1, 48, a_text[1:48], "direct", None, "Amira Haq")],
                      [Named("amira haq", "Amira Haq", "person", 0, 0)], [],
                      [ClaimFact("a:c1", *_at(a_text, "The council denied any cover-up"), "denial", None)], [])
    b = DocumentFacts("b", b_text, None, [Quote("b:q1", 1, 47, b_text[1:47], "direct", None, "Amira Haq")],
                      [Named("amira haq", "Amira Haq", "person", 0, 0)], [], [], [])
    found = diff_documents(a, b)
    assert [(c.kind, c.change, c.what) for c in found.changes] == [("quote", "changed", "text"),
                                                                    ("claim", "removed", "")]


def test_versions_cli_diff_text_and_json(db: str, docs: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["diff", docs["v1"][:6], docs["v2"][:6], "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["link"] == "version" and record["summary"] == "1 quote added, 1 person added, 1 date changed, " \
        "1 date added"
    assert {(c["kind"], c["change"]) for c in record["changes"]} == {("quote", "added"), ("person", "added"),
                                                                     ("date", "changed"), ("date", "added")}
    text = CliRunner().invoke(main, ["diff", docs["v1"], docs["v2"], "--db", db])
    assert text.exit_code == 0 and "16 September 2024" in text.output and "Amira Haq" in text.output
    missing = CliRunner().invoke(main, ["diff", "zzzz", docs["v2"], "--db", db])
    assert missing.exit_code == 2 and "storyline docs" in missing.output


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_versions_story_page_report_and_export_say_what_changed(db: str, docs: dict[str, str], client: TestClient,
                                                                 tmp_path: Path) -> None:
    story = api.show(docs["v2"], db).summary.story
    assert story is not None
    dossier = api.story(story, db)
    assert [(v.a, v.b, v.summary) for v in dossier.versions] == [
        (docs["v1"], docs["v2"], "1 quote added, 1 person added, 1 date changed, 1 date added")]
    page = client.get(f"/stories/{story}").text
    assert "What changed" in page and "residents deserved to know in January" in page
    report = api.report(story, db, format="md").decode()
    assert "## What changed" in report and "2 September 2024 → 16 September 2024" in report
    exported = api.export(db)
    assert exported is not None and [(v["a"], v["b"]) for v in exported["versions"]] == [(docs["v1"], docs["v2"])]


def test_versions_diff_same_words_other_day_reads_both_dates() -> None:
    """"Tuesday" in copies published a week apart means two days: the change names them, not "Tuesday → Tuesday"."""
    from storyline.versions import Dated, DocumentFacts, diff_documents

    text = "The finance director said on Tuesday that the budget gap had grown to £4.2m."
    at = text.index("Tuesday")
    a = DocumentFacts("a", text, None, [], [], [Dated("a:v1", 0, len(text), "2024-03-05", (at, at + 7))], [], [])
    b = DocumentFacts("b", text, None, [], [], [Dated("b:v1", 0, len(text), "2024-03-12", (at, at + 7))], [], [])
    (change,) = diff_documents(a, b).changes
    assert change.description.startswith("date changed: Tuesday (5 March 2024) → Tuesday (12 March 2024)")
