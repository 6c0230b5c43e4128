"""Issue 21 in every view: "page N" beside the offsets of a paged document, quotes from OCR text marked as
machine-read, and a document page that lists its attachments or the message it was attached to."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from rich.console import Console

from storyline import api
from storyline.cli import main
from storyline.render import terminal
from storyline.report.dossier import render_report

from .display_corpus import STORY



def test_views_pages_quote_rows_carry_page_and_ocr(display_db: str) -> None:
    (quote,) = api.quotes(display_db, speaker="Marsh").items
    assert (quote.page, quote.ocr) == ("page 2", True)
    (other,) = api.quotes(display_db, speaker="Hale").items
    assert (other.page, other.ocr) == (None, False)
    dossier = api.story(STORY, display_db)
    assert dossier.place("a1", quote.start).endswith(", page 2")


def test_views_pages_terminal(display_db: str) -> None:
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(terminal.quotes_table(api.quotes(display_db)))  # the table `storyline quotes` prints
    assert "page 2 (machine-read)" in console.export_text()
    story = " ".join(CliRunner().invoke(main, ["story", STORY, "--db", display_db], env={"COLUMNS": "240"}).output.split())
    assert "page 2] (machine-read)" in story
    shown = CliRunner().invoke(main, ["show", "a1", "--db", display_db], env={"COLUMNS": "240"}).output
    assert "attached to m1" in shown and "machine-read (OCR)" in shown and ", page 2]" in shown
    assert "attachment a1" in CliRunner().invoke(main, ["show", "m1", "--db", display_db]).output


def test_views_pages_web(display_client: TestClient) -> None:
    story = display_client.get(f"/stories/{STORY}").text
    assert "paragraph 1, page 2" in story and "machine-read" in story
    letter = display_client.get("/documents/a1").text
    assert re.search(r'Attached to</dt><dd><a href="/documents/m1">Depot audit row</a>', letter)
    assert "machine-read" in letter and "page 2" in letter
    message = display_client.get("/documents/m1").text
    assert '<a href="/documents/a1">Audit of the Eastgate depot</a>' in message and "2 pages" in message


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_views_pages_reports(display_db: str, fmt: str) -> None:
    body = render_report(api.story(STORY, display_db, full=True), fmt)  # type: ignore[arg-type]
    if fmt == "pdf":
        pytest.importorskip("pypdf")
        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    else:
        text = " ".join(re.sub(r"<[^>]+>|\*", "", body.decode("utf-8")).split())
    assert "page 2" in text and "machine-read" in text
