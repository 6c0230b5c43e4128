"""Claims across the versions of one article (three versions of a Harbourside Herald story, the last adding the
council leader's denial): each claim is listed once with every version carrying it (in the dossier's claims and
in its unanswered claims), a denial in one version
answers the claim in all, an accusation of a description reads as a sentence ("Helen Ward accused the council's
leadership: of hiding ..."), and a claim's content stops before a trailing attribution. In every view."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline import api, views
from storyline.cli import main
from storyline.report.dossier import render_report
from storyline.store import Store
from storyline.web.app import create_app

from .conftest import ingested_db

VERSIONS = sorted(str(p) for p in (Path(__file__).parent / "fixtures" / "claims_versions").glob("*.json"))
ACCUSATION = "Helen Ward accused the council's leadership: of hiding the overspend from the scrutiny committee"
UNANSWERED = "Helen Ward against the council's leadership: hiding the overspend from the scrutiny committee"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_db(tmp_path_factory, "claims_versions", VERSIONS)


@pytest.fixture(scope="module")
def story(db: str) -> views.StoryDossier:
    [only] = views.stories(Store(db)).items
    dossier = api.story(only.id, db, full=True)
    assert dossier is not None and len(dossier.documents) == 3
    return dossier


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as c:
        yield c


def test_views_claims_versions_unanswered_once_with_every_version(story: views.StoryDossier) -> None:
    listed = [(c.claimant_name, c.content, [story.source_number(s.document) for s in c.sources])
              for c in story.unanswered]
    assert listed == [("Martin Cole", "the care budget was under control", [1, 2, 3]),
                      ("Helen Ward", "hiding the overspend from the scrutiny committee", [1, 2, 3])]


def test_views_claims_versions_a_denial_in_one_version_answers_the_claim_in_all(story: views.StoryDossier) -> None:
    rewritten = [c for c in story.claims if c.kind == "claim" and "rewritten" in (c.content or "")]
    # the claim is in every version, listed once with all three; only the last carries Mr Cole's denial
    assert [[story.source_number(s.document) for s in c.sources] for c in rewritten] == [[1, 2, 3]]
    assert not any("rewritten" in (c.content or "") for c in story.unanswered)


def test_views_claims_versions_accusation_of_a_description_is_a_sentence(story: views.StoryDossier) -> None:
    lines = {q.line for group in story.quotes for q in group.quotes}
    assert ACCUSATION in lines
    assert not any("accused:" in line for line in lines)
    accusations = [c for c in story.claims if c.content == "hiding the overspend from the scrutiny committee"]
    assert len(accusations) == 1 and len(accusations[0].sources) == 3  # once, with the three versions
    assert all(s.target is None and s.target_name is None for s in accusations[0].sources)  # nobody guessed
    assert {c.against for c in accusations} == {"the council's leadership"}
    assert [c.line for c in story.unanswered][1] == UNANSWERED


def test_views_claims_versions_content_without_trailing_attribution(db: str) -> None:
    data = api.export(db)
    assert data is not None
    texts = {d["id"]: d["text"] for d in data["documents"]}
    claimed = [c for c in data["claims"] if c["claimant_name"] == "Martin Cole" and c["kind"] == "claim"]
    assert len(claimed) == 3
    for c in claimed:
        text = texts[c["document"]]
        assert text[c["content"]["start"]:c["content"]["end"]] == "the care budget was under control"
        assert text[c["start"]:c["end"]].endswith(", according to minutes of the cabinet meeting")  # kept: the source


def test_views_claims_versions_terminal(db: str, story: views.StoryDossier) -> None:
    result = CliRunner().invoke(main, ["story", story.story.id, "--db", db], env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Unanswered claims (2):" in out
    assert (f"{UNANSWERED} [source 1, paragraph 4; source 2, paragraph 4; source 3, paragraph 4]") in out
    assert "accused the council's leadership: “of hiding the overspend" in out and "accused: " not in out
    claims = result.output[result.output.index(" claims"):result.output.index("Unanswered claims")]
    assert claims.count("│ claim ") == 3 and claims.count("│ denial ") == 1  # each once, not once per version


def test_views_claims_versions_web(client: TestClient, story: views.StoryDossier) -> None:
    page = client.get(f"/stories/{story.story.id}").text
    unanswered = page[page.index('id="unanswered"'):].split("</section>")[0]
    assert unanswered.count('class="claim ') == 2 and unanswered.count('data-sources="3"') == 2
    assert "against the council&#39;s leadership" in unanswered and "rewritten" not in unanswered
    assert "Helen Ward accused the council&#39;s leadership:</strong>" in page
    claims = page[page.index('id="claims"'):page.index('id="unanswered"')]
    assert claims.count('class="claim claim-claim"') == 3 and claims.count('data-sources="3"') == 3


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_views_claims_versions_reports(story: views.StoryDossier, fmt: str) -> None:
    body = render_report(story, fmt)  # type: ignore[arg-type]
    if fmt == "pdf":
        pytest.importorskip("pypdf")
        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    else:
        text = " ".join(re.sub(r"<[^>]+>|\*\*|\\", "", body.decode("utf-8")).split()).replace("&#39;", "'")
    unanswered = text[text.index("Claims no one has answered"):text.index("Where sources disagree")]
    claims = text[text.index("Claims and denials"):text.index("Claims no one has answered")]
    assert claims.count("rewritten twice") == 1 and claims.count("under control") == 1  # once, every version
    assert unanswered.count("hiding the overspend") == 1 and "rewritten" not in unanswered
    places = re.sub(r"[()]", "", unanswered)
    assert places.count("source 1, paragraph 4; source 2, paragraph 4; source 3, paragraph 4") == 1
    assert "against the council's leadership" in unanswered
    assert "Helen Ward accused the council's leadership:" in text and "accused:" not in text


def test_views_claims_versions_export(db: str) -> None:
    data = api.export(db)
    assert data is not None
    lines = {q["line"] for q in data["quotes"]}
    assert ACCUSATION in lines and not any("accused:" in line for line in lines)
    described = {c["target_description"] for c in data["claims"] if c["target_name"] is None}
    assert described == {None, "the council's leadership"}
