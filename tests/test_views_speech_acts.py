"""Issue 15 in every view: a denial reads "X denied: P", an accusation "X accused Y: P" (never X's own words,
never Y's), an unresolved description is said as such, and the claims nobody answered are listed."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from rich.console import Console

from storyline import api
from storyline.cli import main
from storyline.render import terminal
from storyline.report.dossier import render_report

from .display_corpus import STORY

DENIAL = "Tom Hale denied: that the audit had been hidden"
ACCUSATION = "Ann Lee accused Tom Hale: hiding the audit from members"



def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _wide(table: object) -> str:
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(table)
    return " ".join(console.export_text().split())


def test_views_speech_acts_story_quotes_say_what_the_speaker_does(display_db: str) -> None:
    dossier = api.story(STORY, display_db)
    lines = {q.line for group in dossier.quotes for q in group.quotes}
    assert DENIAL in lines and ACCUSATION in lines
    assert "a depot worker (unidentified): the mood at the yard was grim" in lines
    assert [[s.id for s in c.sources] for c in dossier.unanswered] == [["m1:c3"]]  # c1 is answered by its denial


def test_views_speech_acts_terminal(display_db: str) -> None:
    story = _cli("story", STORY, "--db", display_db)
    assert "denied: “that the audit had been hidden”" in story
    assert "accused Tom Hale: “hiding the audit from members”" in story
    assert "Unanswered claims (1): Ann Lee: the depot budget was overspent by two million pounds" in story
    quotes = _wide(terminal.quotes_table(api.quotes(display_db)))  # the table `storyline quotes` prints
    assert "denied: that the audit had been hidden" in quotes
    assert "a depot worker (unidentified)" in quotes
    shown = _cli("show", "m1", "--db", display_db)
    assert DENIAL in shown and ACCUSATION in shown


def test_views_speech_acts_web(display_client: TestClient, display_db: str) -> None:
    page = display_client.get(f"/stories/{STORY}").text
    assert "Tom Hale denied:</strong>" in page and "Ann Lee accused Tom Hale:</strong>" in page
    unanswered = page[page.index('id="unanswered"'):].split("</section>")[0]
    assert "two million pounds" in unanswered and "hiding the audit" not in unanswered
    person = display_client.get("/people/P-hale").text
    assert "Tom Hale denied:</strong>" in person
    assert "a depot worker (unidentified)" in display_client.get("/documents/m1").text


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_views_speech_acts_reports(display_db: str, fmt: str) -> None:
    body = render_report(api.story(STORY, display_db, full=True), fmt)  # type: ignore[arg-type]
    if fmt == "pdf":
        pytest.importorskip("pypdf")
        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    else:
        text = " ".join(re.sub(r"<[^>]+>|\*\*", "", body.decode("utf-8")).split())
    assert "Tom Hale denied:" in text and "Ann Lee accused Tom Hale:" in text
    assert "Claims no one has answered" in text and "two million pounds" in text


def test_views_speech_acts_export_line(display_db: str, tmp_path: Path) -> None:
    data = api.export(display_db)
    assert data is not None
    lines = {q["id"]: q["line"] for q in data["quotes"]}
    assert lines["m1:q2"] == DENIAL and lines["m1:q1"] == ACCUSATION
    assert lines["m1:q3"] == "a depot worker (unidentified): the mood at the yard was grim"
    out = tmp_path / "quotes.csv"
    api.export(display_db, "csv", out, "quotes")
    assert DENIAL in out.read_text(encoding="utf-8")
    assert json.loads(json.dumps(data))["claims"][1]["answers"] == "m1:c1"
