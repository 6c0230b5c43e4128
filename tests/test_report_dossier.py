"""Story dossiers as self-contained HTML, Markdown and PDF, rendered from the one dossier view."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from storyline import views
from storyline.render.timeline_svg import placeable
from storyline.report.dossier import render_report
from storyline.views.model import StoryDossier

from .test_web_corpus import DOC_IDS, ECHO, STORY_2023, STORY_2024, corpus_store, span


@pytest.fixture(scope="module")
def dossier() -> StoryDossier:
    found = views.story_dossier(corpus_store(), STORY_2024)
    assert found is not None
    return found


def test_report_dossier_html_is_self_contained(dossier: StoryDossier) -> None:
    html = render_report(dossier, "html").decode("utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html.replace(
        'href="https://echo.example/news/overspend"', "").replace(
        'href="https://northgate.example/2024/09/leader-rejects"', "").replace('xmlns="http://www.w3.org/2000/svg"', ""))
    assert 'src="http' not in html and '<link href="http' not in html and "<link" not in html
    assert "<script" not in html


def test_report_dossier_html_timeline_marks(dossier: StoryDossier) -> None:
    html = render_report(dossier, "html").decode("utf-8")
    marks = re.findall(r'<g class="tl-event [^"]+" data-event="([^"]+)"', html)
    assert marks == [e.id for e in placeable(dossier.timeline)] and len(marks) == 5


def test_report_dossier_opens_with_summary_key_people_sources_then_timeline(dossier: StoryDossier) -> None:
    html = render_report(dossier, "html").decode("utf-8")
    order = [html.index(marker) for marker in ('class="lead summary"', 'id="key-people"', 'id="sources"',
                                               'id="timeline"', 'id="quotes"')]
    assert order == sorted(order)
    assert "2024-09-13 – 2024-10: 3 sources from 3 outlets; 3 quotes by 2 speakers" in html
    md = render_report(dossier, "md").decode("utf-8")
    order = [md.index(h) for h in ("*2024-09-13", "## Key people", "## Sources", "## Timeline", "## Quotes")]
    assert order == sorted(order)


def test_report_dossier_references_name_source_and_paragraph(dossier: StoryDossier) -> None:
    html = render_report(dossier, "html").decode("utf-8")
    start, end = span(ECHO, "We were told the budget was under control when it plainly was not")
    assert f'title="characters {start}–{end} of document {DOC_IDS["echo"]}">source 1, paragraph 2</span>' in html
    md = render_report(dossier, "md").decode("utf-8")
    assert "(source 1, paragraph 3); (source 2, paragraph 1)" in md  # one quote, both sources that carry it
    assert f"[{start}" not in md and f"{start}-{end}" not in md  # no character offsets for the editor


def test_report_dossier_html_sections_and_people(dossier: StoryDossier) -> None:
    html = render_report(dossier, "html").decode("utf-8")
    assert "<h1>Brackendale overspend row</h1>" in html
    for section in ("timeline", "people", "quotes", "claims", "discrepancies", "reuse", "sources"):
        assert f'<section id="{section}">' in html
    assert "chair of the scrutiny committee" in html
    assert '<a href="https://echo.example/news/overspend"' in html
    quotes = html[html.index('<section id="quotes">'):].split("</section>")[0]
    assert quotes.count("Every figure we gave was accurate at the time") == 1  # carried twice, shown once


def test_report_dossier_markdown_sections(dossier: StoryDossier) -> None:
    md = render_report(dossier, "md").decode("utf-8")
    assert md.startswith("# Brackendale overspend row\n")
    for heading in ("## Key people", "## Sources", "## Timeline", "## Who's who", "## Quotes by speaker",
                    "## Claims and denials", "## Where sources disagree", "## Copied passages"):
        assert f"\n{heading}\n" in md
    assert "### Priya Shah" in md and "| 2 | 12 September 2024 |" in md
    assert "[Council leader denies misleading scrutiny panel](<https://echo.example/news/overspend>)" in md
    assert DOC_IDS["obs"] in md


def test_report_dossier_markdown_escapes_markup() -> None:
    from storyline.report.markdown import md_escape, md_link

    assert md_escape("<script>alert(1)</script> *bold* [x](javascript:y)") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](javascript:y)")
    assert md_link("t", None) == "t"


def test_report_dossier_pdf(dossier: StoryDossier) -> None:
    pytest.importorskip("reportlab")
    pdf = render_report(dossier, "pdf")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_report_dossier_pdf_opens_for_an_editor(dossier: StoryDossier) -> None:
    pytest.importorskip("reportlab")
    pypdf = pytest.importorskip("pypdf")
    import io

    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(render_report(dossier, "pdf"))).pages)
    text = " ".join(text.split())
    order = [text.index(s) for s in ("Brackendale overspend row", "3 sources from 3 outlets", "Key people",
                                     "Sources", "Timeline", "Quotes by speaker")]
    assert order == sorted(order)
    assert "source 1, paragraph 2" in text
    start, end = span(ECHO, "We were told the budget was under control when it plainly was not")
    assert f"{start}-{end}" not in text


def test_report_dossier_pdf_without_reportlab_says_how_to_install(dossier: StoryDossier,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "reportlab", None)
    with pytest.raises(RuntimeError, match=r"pip install 'storyline\[pdf\]'"):
        render_report(dossier, "pdf")


def test_report_dossier_story_without_extras() -> None:
    found = views.story_dossier(corpus_store(), STORY_2023)
    assert found is not None and found.copied == [] and found.discrepancies == []
    assert found.story.dates == "2023-03-21"
    assert b"No discrepancies found." in render_report(found, "html")
    with pytest.raises(ValueError, match="choose html, md or pdf"):
        render_report(found, "xls")  # type: ignore[arg-type]


def test_report_dossier_does_not_import_the_web_app() -> None:
    code = ("import sys, storyline.report.dossier, storyline.report.markdown, storyline.report.pdf; "
            "print(sorted(m for m in sys.modules if m.startswith(('storyline.web', 'fastapi', 'starlette'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
