"""The server-rendered pages on a hand-filled store: every page renders, filters, person roles, anchors, search."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app

from .test_web_corpus import DOC_IDS, ECHO, STORY_2023, STORY_2024, corpus_store, span


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("web") / "web.db")
    corpus_store(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        yield c


def _story_ids(html: str) -> list[str]:
    return re.findall(r'data-story="([^"]+)"', html)


@pytest.mark.parametrize("url", [
    "/", "/stories", f"/stories/{STORY_2024}", f"/stories/{STORY_2023}", "/documents", f"/documents/{DOC_IDS['echo']}",
    "/people", "/people?kind=organisation", "/people/P-hughes", "/people/O-council", "/search", "/search?q=misled",
    "/ingest", "/api/docs",
])
def test_web_pages_render(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>" not in response.text.replace('<script src="/static/storyline.js" defer></script>', "")


def test_web_pages_overview_shows_counts_stories_and_errors(client: TestClient) -> None:
    html = client.get("/").text
    assert "Brackendale overspend row" in html and "Castlewick takeover letters" in html
    assert "broken-feed.xml" in html and "malformed-xml" in html
    assert re.search(r'<span class="n">4</span><span class="label">documents</span>', html)


def test_web_pages_unknown_story_is_404_page(client: TestClient) -> None:
    response = client.get("/stories/nope")
    assert response.status_code == 404
    assert "No story with id" in response.text and "<html" in response.text


@pytest.mark.parametrize(("query", "expected"), [
    ("", [STORY_2024, STORY_2023]),
    ("?date_from=2024-01", [STORY_2024]),
    ("?date_to=2023-12-31", [STORY_2023]),
    ("?date_from=2023-03&date_to=2023-03", [STORY_2023]),
    ("?person=Priya", [STORY_2024]),
    ("?person=P-hughes", [STORY_2024, STORY_2023]),
    ("?organisation=Brackendale+Borough", [STORY_2024]),
    ("?source=gazette", [STORY_2023]),
    ("?source=northgate&person=shah", [STORY_2024]),
    ("?person=Nobody", []),
])
def test_web_pages_story_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert _story_ids(client.get("/stories" + query).text) == expected


def test_web_pages_story_timeline_has_one_mark_per_event(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY_2024}").text
    marks = re.findall(r'<g class="tl-event (tl-day|tl-range)" data-event="([^"]+)"', html)
    assert len(marks) == 5
    kinds = {event: kind for kind, event in marks}
    assert kinds[f"{DOC_IDS['echo']}:v1"] == "tl-day"
    assert kinds[f"{DOC_IDS['echo']}:v2"] == "tl-range"  # March 2024: month precision drawn as a range
    assert kinds[f"{DOC_IDS['obs']}:v1"] == "tl-range"  # 2025: a year


def test_web_pages_story_sections(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY_2024}").text
    for section in ("timeline", "people", "sources", "quotes", "claims", "discrepancies", "reuse"):
        assert f'id="{section}"' in html
    assert "We were told the budget was under control" in html
    assert 'class="badge badge-denial"' in html and 'class="badge badge-claim"' in html
    assert "The overspend is £4.2m in one source and $4.5m in another" in html
    assert html.count("<mark>denied that the committee had been misled.</mark>") == 2  # both sides of the copy
    assert 'href="https://echo.example/news/overspend"' in html


def test_web_pages_quote_links_reach_wrapped_span(client: TestClient) -> None:
    story = client.get(f"/stories/{STORY_2024}").text
    start, end = span(ECHO, "We were told the budget was under control when it plainly was not")
    link = f"/documents/{DOC_IDS['echo']}#c{start}-{end}"
    assert f'href="{link}"' in story
    doc = client.get(link.split("#")[0]).text
    element = re.search(rf'<span class="hl-quote"[^>]*id="c{start}-{end}"[^>]*>(.*?)</span>', doc)
    assert element is not None
    assert re.sub(r"<[^>]+>", "", element.group(1)) == ECHO[start:end]


def test_web_pages_document_marks_people_and_dates(client: TestClient) -> None:
    html = client.get(f"/documents/{DOC_IDS['echo']}").text
    assert '<a class="hl-mention hl-person" href="/people/P-shah"' in html
    assert 'class="hl-date"' in html and "12 September 2024" in html
    start, end = span(ECHO, "Every figure we gave was accurate at the time")
    assert f'id="c{start}-{end}"' in html


def test_web_pages_document_by_prefix_and_missing(client: TestClient) -> None:
    assert client.get(f"/documents/{DOC_IDS['echo'][:8]}").status_code == 200
    assert client.get("/documents/ffffffff").status_code == 404


def test_web_pages_person_lists_each_role_once(client: TestClient) -> None:
    html = client.get("/people/P-hughes").text
    rows = re.findall(r'<tr class="role-row"><td class="role">([^<]+)</td><td class="nowrap">([^<]+)</td>', html)
    assert rows == [("Councillor", "2023-03-21"), ("council leader", "2024-09-13"), ("leader", "2024-09-14")]
    assert f"/documents/{DOC_IDS['gaz']}#c" in html
    assert "This confirms what we suspected all along." in html
    assert "Brackendale overspend row" in html and "Castlewick takeover letters" in html


def test_web_pages_search_facets_filter_hits(client: TestClient) -> None:
    html = client.get("/search?q=misled").text
    assert "2 of 2 results" in html
    assert "<mark>" in html
    assert "Brackendale Echo" in html and "Northgate News" in html
    narrowed = client.get("/search?q=misled&site=Northgate+News").text
    assert "1 of 2 results" in narrowed and f"/documents/{DOC_IDS['north']}" in narrowed
    by_year = client.get("/search?q=Hughes&year=2023").text
    assert "1 of" in by_year and f"/documents/{DOC_IDS['gaz']}" in by_year
    by_story = client.get(f"/search?q=Hughes&story={STORY_2024}").text
    assert f"/documents/{DOC_IDS['gaz']}\"" not in by_story


def test_web_pages_report_downloads(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY_2024}/report.html")
    assert html.status_code == 200 and "attachment" in html.headers["content-disposition"]
    assert client.get(f"/stories/{STORY_2024}/report.md").text.startswith("# Brackendale overspend row")
    assert client.get(f"/stories/{STORY_2024}/report.xls").status_code == 422


def test_web_pages_story_lists_each_quote_once_with_its_sources(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY_2024}").text
    quotes = html[html.index('<section id="quotes">'):].split("</section>")[0]
    assert quotes.count("Every figure we gave was accurate at the time") == 1
    assert 'data-sources="2"' in quotes and "in 2 sources: " in quotes
    assert "source 1, paragraph 3</a>; " in quotes and "source 2, paragraph 1</a>" in quotes


def test_web_pages_story_copied_passages_grouped_by_source(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY_2024}").text
    reuse = html[html.index('<section id="reuse">'):].split("</section>")[0]
    assert reuse.count('class="reuse-group"') == 1
    assert re.search(r"<h3>From <a href=\"/documents/" + DOC_IDS["echo"], reuse)
    assert "copied into <a class=\"fact\"" in reuse and "Brackendale leader rejects" in reuse


def test_web_pages_lists_page_through(client: TestClient) -> None:
    html = client.get("/documents").text
    assert 'rel="next"' not in html  # four documents fit on one page
    assert client.get("/documents?offset=2").text.count('class="doc-row"') == 2
    assert 'rel="prev" href="/documents"' in client.get("/documents?offset=2").text
    assert client.get("/stories?date_from=yesterday").status_code == 400


def test_web_pages_story_says_why_its_documents_belong_together(client: TestClient) -> None:
    html = client.get(f"/stories/{STORY_2024}").text
    why = html[html.index('id="why"'):html.index('id="timeline"')]
    assert "Why these belong together" in why and "Grace Hughes" in why and "in 2 documents" in why
    start, end = span(ECHO, "Grace Hughes")
    assert f'href="/documents/{DOC_IDS["echo"]}#c{start}-{end}"' in why


@pytest.mark.parametrize("url", ["/stories", "/documents", "/people", "/api/documents", "/api/stories", "/api/people",
                                 "/api/quotes"])
def test_web_pages_huge_offset_is_refused_not_a_server_error(client: TestClient, url: str) -> None:
    """An offset past 2**63 answered 500 (OverflowError in the database driver)."""
    assert client.get(f"{url}?offset=99999999999999999999").status_code == 422
