"""Issue 16 in every view: dates in words (no raw TIMEX3 code reaches a reader), "(inferred)" beside every
inferred date, and the story page's key dates."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline import api
from storyline.cli import main
from storyline.report.dossier import render_report

from .display_corpus import STORY

RAW = re.compile(r"XXXX|WXX|\b2024-03\b")  # the codes of the two event dates



def _visible(html: str) -> str:
    """The text a reader sees: no tags, no attribute values."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_views_dates_in_words_terminal(display_db: str) -> None:
    for args in (["timeline", "--db", display_db], ["story", STORY, "--db", display_db], ["timeline", "--story", STORY, "--db", display_db]):
        out = CliRunner().invoke(main, args, env={"COLUMNS": "240"}).output
        assert "a Monday (date unknown)" in out and "Mar 2024 (inferred)" in out, args
        assert not RAW.search(out), args


def test_views_dates_in_words_web_pages(display_client: TestClient) -> None:
    for url in (f"/stories/{STORY}", "/documents/m1"):
        text = _visible(display_client.get(url).text)
        assert "a Monday (date unknown)" in text and "Mar 2024 (inferred)" in text, url
        assert not RAW.search(text), url


def test_views_dates_in_words_story_page_key_dates(display_client: TestClient) -> None:
    page = display_client.get(f"/stories/{STORY}").text
    key = page[page.index('id="key-dates"'):].split("</section>")[0]
    assert "Key dates" in key and "March 2024 (inferred)" in _visible(key)
    assert 'href="/documents/m1#c' in key  # each sentence links to its source span


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_views_dates_in_words_reports(display_db: str, fmt: str) -> None:
    body = render_report(api.story(STORY, display_db, full=True), fmt)  # type: ignore[arg-type]
    if fmt == "pdf":
        pytest.importorskip("pypdf")
        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    else:
        text = _visible(re.sub(r'title="[^"]*"', "", body.decode("utf-8")))
    assert "a Monday (date unknown)" in text and "March 2024 (inferred)" in text
    assert not RAW.search(text)


def test_views_dates_in_words_export(display_db: str) -> None:
    data = api.export(display_db)
    assert data is not None
    words = {e["id"]: (e["words"], e["inferred"]) for e in data["events"]}
    assert words == {"m1:v1": ("a Monday (date unknown)", False), "m1:v2": ("March 2024 (inferred)", True)}
