"""Every story of the demo corpus and of a generated corpus renders as a web page and as HTML, Markdown and PDF.

Written against the public entry points only (the web app, `render_report`, the `storyline report` command), so
it holds whatever the read side becomes. The generated corpus has stories whose timeline axis starts in December
and stories with enough overlapping events to need a tall chart: both used to fail.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline import api
from storyline.cli import main
from storyline.export import build_export
from storyline.report.dossier import render_report
from storyline.web.app import create_app
from storyline.timex3 import is_placeable

from .conftest import REPO

pytest.importorskip("reportlab")
FORMATS = ("html", "md", "pdf")
GENERATED_ARTICLES, GENERATED_AFFAIRS = 100, 10


def _generated(db: str, folder: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    generate.write_corpus(folder, GENERATED_ARTICLES, affairs=GENERATED_AFFAIRS)
    report = api.ingest([str(folder)], db)
    assert len(report.added) == GENERATED_ARTICLES and not report.problems


@pytest.fixture(scope="module", params=["demo", "generated"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    folder = tmp_path_factory.mktemp(request.param)
    db = str(folder / "corpus.db")
    if request.param == "demo":
        from storyline.demo.load import load_demo

        load_demo(db)[1].close()
    else:
        _generated(db, folder / "articles")
    store = api.open_store(db)
    data = build_export(store)
    store.close()
    assert data["stories"]
    yield db, data


def test_every_story_renders_as_a_web_page(corpus: tuple[str, Any]) -> None:
    db, data = corpus
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as client:
        for story in data["stories"]:
            page = client.get(f"/stories/{story['id']}")
            assert page.status_code == 200, (story["id"], page.text[:300])
            timeline = client.get(f"/api/stories/{story['id']}").json()["timeline"]
            placeable = [e for e in timeline if is_placeable(e["date"])]
            assert ('<svg class="timeline"' in page.text) == bool(placeable), story["id"]


def test_every_story_renders_as_html_markdown_and_pdf(corpus: tuple[str, Any]) -> None:
    db, data = corpus
    for story in data["stories"]:
        dossier = api.story(story["id"], db, full=True)
        html, markdown, pdf = (render_report(dossier, fmt) for fmt in FORMATS)  # type: ignore[arg-type]
        assert html.lstrip().lower().startswith(b"<!doctype html") and b"</html>" in html
        assert markdown.startswith(b"# ")
        assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")


def test_every_story_renders_with_storyline_report(corpus: tuple[str, Any], tmp_path: Path) -> None:
    """The command, one format per story in turn (each run reads the whole corpus, so not all three each)."""
    db, data = corpus
    for number, story in enumerate(data["stories"]):
        fmt = FORMATS[number % len(FORMATS)]
        out = tmp_path / f"{number}.{fmt}"
        result = CliRunner().invoke(main, ["--db", db, "report", story["id"], "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, (story["id"], fmt, result.output)
        assert out.stat().st_size > 500
