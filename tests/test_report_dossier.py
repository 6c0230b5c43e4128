"""Story dossiers as self-contained HTML, Markdown and PDF."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest

from storyline import views
from storyline.export import build_export
from storyline.report.dossier import build_report_model, render_report
from storyline.web.timeline_svg import placeable

from .test_web_corpus import DOC_IDS, ECHO, STORY_2023, STORY_2024, corpus_store, span


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return build_export(corpus_store())


def test_report_dossier_html_is_self_contained(data: dict[str, Any]) -> None:
    html = render_report(data, STORY_2024, "html").decode("utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html.replace(
        'href="https://echo.example/news/overspend"', "").replace(
        'href="https://northgate.example/2024/09/leader-rejects"', "").replace('xmlns="http://www.w3.org/2000/svg"', ""))
    assert 'src="http' not in html and '<link href="http' not in html and "<link" not in html
    assert "<script" not in html


def test_report_dossier_html_timeline_marks(data: dict[str, Any]) -> None:
    html = render_report(data, STORY_2024, "html").decode("utf-8")
    expected = placeable(views.timeline(data, story=STORY_2024))
    marks = re.findall(r'<g class="tl-event [^"]+" data-event="([^"]+)"', html)
    assert len(marks) == len(expected) == 5
    assert marks == [e["id"] for e in expected]


def test_report_dossier_html_sections_and_provenance(data: dict[str, Any]) -> None:
    html = render_report(data, STORY_2024, "html").decode("utf-8")
    assert "<h1>Brackendale overspend row</h1>" in html and "2024-09-13 – 2024-10" in html
    for section in ("timeline", "people", "quotes", "claims", "discrepancies", "reuse", "sources"):
        assert f'<section id="{section}">' in html
    start, end = span(ECHO, "We were told the budget was under control when it plainly was not")
    assert f"[1:{start}-{end}]" in html  # source 1 is the Echo (earliest), with the exact offsets
    assert "chair of the scrutiny committee" in html
    assert '<a href="https://echo.example/news/overspend"' in html


def test_report_dossier_markdown_sections(data: dict[str, Any]) -> None:
    md = render_report(data, STORY_2024, "md").decode("utf-8")
    assert md.startswith("# Brackendale overspend row\n")
    for heading in ("## Timeline", "## Who's who", "## Quotes by speaker", "## Claims and denials",
                    "## Where sources disagree", "## Copied passages", "## Sources"):
        assert f"\n{heading}\n" in md
    assert "### Priya Shah" in md and "| 2 | 2024-09-12 |" in md
    assert "[Council leader denies misleading scrutiny panel](<https://echo.example/news/overspend>)" in md
    assert DOC_IDS["obs"] in md


def test_report_dossier_markdown_escapes_markup() -> None:
    from storyline.report.markdown import md_escape, md_link

    assert md_escape("<script>alert(1)</script> *bold* [x](javascript:y)") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](javascript:y)")
    assert md_link("t", None) == "t"


def test_report_dossier_pdf(data: dict[str, Any]) -> None:
    pytest.importorskip("reportlab")
    pdf = render_report(data, STORY_2024, "pdf")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_report_dossier_pdf_without_reportlab_says_how_to_install(data: dict[str, Any],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "reportlab", None)
    with pytest.raises(RuntimeError, match=r"pip install 'storyline\[pdf\]'"):
        render_report(data, STORY_2024, "pdf")


def test_report_dossier_story_without_extras(data: dict[str, Any]) -> None:
    model = build_report_model(data, STORY_2023)
    assert model.date_range == "2023-03-21" and model.reuse == [] and model.discrepancies == []
    assert b"No discrepancies found." in render_report(data, STORY_2023, "html")
    with pytest.raises(ValueError, match="no story"):
        render_report(data, "missing", "html")
