"""One test per input format, on original fixtures (British and American styles)."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source
from storyline.model import Document
from tests.fixtures.ingest.make_fixtures import gzip_bytes, make_pdf, make_warc

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
OPTIONS = IngestOptions()


def _read(path: Path, options: IngestOptions = OPTIONS) -> list[Document | Problem]:
    return list(read_source(SourceRef(str(path), "file", str(path)), options))


def _docs(path: Path) -> list[Document]:
    items = _read(path)
    return [i for i in items if isinstance(i, Document)]


def test_formats_plain_text_with_dateline() -> None:
    (doc,) = _docs(FIXTURES / "council_budget.txt")
    assert doc.format == "text"
    assert doc.title == "Harrowgate council sets out £4m savings plan"
    assert doc.published == "2023-03-14" and doc.published_inferred
    assert "The council’s finance chief" in doc.text and "“no good options left”" in doc.text
    assert '"This is managed decline,"' in doc.text
    assert "\n\nA final vote is expected on 29 March." in doc.text


def test_formats_text_without_dateline_has_no_date() -> None:
    (doc,) = _docs(FIXTURES / "deep_date.txt")
    assert doc.published is None and not doc.published_inferred
    assert doc.title == "Ferry operator faces questions over delays"


def test_formats_markdown_strips_syntax_and_keeps_title() -> None:
    (doc,) = _docs(FIXTURES / "springfield_water.md")
    assert doc.format == "markdown"
    assert doc.title == "Springfield water rates to rise 9%"
    assert doc.text.startswith("Springfield water rates to rise 9%\n\nSPRINGFIELD, Ill.")
    assert "approved a 9 percent increase" in doc.text
    assert "Read the full ordinance on the city's website." in doc.text
    assert "\n\nWhat happens next\n\nResidents will see the change on their January bills." in doc.text
    assert "#" not in doc.text and "*" not in doc.text and "](" not in doc.text
    assert doc.published == "2024-10-03" and doc.published_inferred


def test_formats_html_main_text_and_metadata() -> None:
    (doc,) = _docs(FIXTURES / "gazette_article.html")
    assert doc.format == "html"
    assert doc.title == "Bridge repairs delayed again"
    assert doc.author == "Eleanor Marsh"
    assert doc.site_name == "The Harrowgate Gazette"
    assert doc.published == "2023-06-02" and not doc.published_inferred
    assert doc.url == "https://gazette.example/news/2023/06/bridge-repairs-delayed"
    assert "“more corrosion than anyone expected”" in doc.text
    assert '\n\n"We would rather do this properly' in doc.text
    for boilerplate in ("Most read", "All rights reserved", "analytics", "font-family", "Sport"):
        assert boilerplate not in doc.text


def test_formats_html_tag_soup_still_yields_text() -> None:
    (doc,) = _docs(FIXTURES / "tag_soup.html")
    assert "School governors in Brackley voted on Monday to merge the two primary schools" in doc.text
    assert '"It was not an easy decision."' in doc.text
    assert "The merged school will open in September." in doc.text


def test_formats_json_list_and_wrapped(tmp_path: Path) -> None:
    articles = [
        {"headline": "Tram extension approved", "content": "The tram line will reach the airport by 2027.",
         "publication_date": "2024-02-19", "canonical_url": "https://metro.example/tram", "site": "Metro Times",
         "authors": [{"name": "Lee Park"}, {"name": "Ana Ruiz"}]},
        {"title": "No text here"},
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    items = _read(path)
    doc, bad = items
    assert isinstance(doc, Document) and isinstance(bad, Problem)
    assert (doc.title, doc.published, doc.url, doc.site_name) == (
        "Tram extension approved", "2024-02-19", "https://metro.example/tram", "Metro Times",
    )
    assert doc.author == "Lee Park, Ana Ruiz"
    assert doc.source == f"{path}#item 1" and doc.format == "json"
    assert bad.reason == "missing-text-field" and bad.source == f"{path}#item 2"


def test_formats_json_lines_bad_line_does_not_stop_the_file() -> None:
    path = FIXTURES / "wire_records.jsonl"
    first, bad, third = _read(path)
    assert isinstance(first, Document) and isinstance(third, Document) and isinstance(bad, Problem)
    assert first.title == "Port strike ends after pay deal" and first.published == "2024-09-27"
    assert (first.author, first.site_name) == ("Jordan Reyes", "Continental Press")
    assert '\n\n"This deal respects the work we do," said union steward Carla Mendes.' in first.text
    assert bad.reason == "malformed-json" and bad.source == f"{path}#line 2"
    assert third.text.startswith("Eastfield's three branch libraries will close on Mondays")
    assert "<p>" not in third.text and third.published == "2024-10-01"


def test_formats_csv_rows_and_bad_row() -> None:
    path = FIXTURES / "council_records.csv"
    first, bad, third = _read(path)
    assert isinstance(first, Document) and isinstance(third, Document) and isinstance(bad, Problem)
    assert first.title == "Recycling collections move to fortnightly"
    assert first.text.endswith("\n\nCllr Jo Patel said the change would save £310,000 a year.")
    assert (first.published, first.site_name, first.format) == ("2023-04-11", "Harrowgate Gazette", "csv")
    assert bad.reason == "malformed-csv" and bad.source == f"{path}#row 3"
    assert third.published == "2023-04-12" and third.source == f"{path}#row 4"


def test_formats_tsv_without_extension_hint(tmp_path: Path) -> None:
    path = tmp_path / "dump"
    path.write_text("headline\tbody\tdate\nGritters out early\tCrews were out before dawn.\t2023-01-17\n")
    (doc,) = _docs(path)
    assert (doc.format, doc.title, doc.text, doc.published) == (
        "csv", "Gritters out early", "Crews were out before dawn.", "2023-01-17",
    )


def test_formats_pdf_text_and_metadata(tmp_path: Path) -> None:
    (doc,) = _docs(make_pdf(tmp_path / "minutes.pdf"))
    assert doc.format == "pdf"
    assert doc.title == "Planning Committee minutes" and doc.author == "Democratic Services"
    assert doc.published == "2023-02-08" and not doc.published_inferred
    assert "Cllr Ayesha Rahman moved that the application be refused." in doc.text
    assert '"too tall for the conservation area"' in doc.text
    assert doc.meta["page_count"] == 2


def test_formats_pdf_detected_by_content_not_extension(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "minutes.pdf")
    renamed = tmp_path / "minutes.txt"
    renamed.write_bytes(pdf.read_bytes())
    (doc,) = _docs(renamed)
    assert doc.format == "pdf"


def test_formats_warc_gz_html_responses_only(tmp_path: Path) -> None:
    path = make_warc(tmp_path / "crawl.warc.gz")
    docs = _read(path)
    assert len(docs) == 1
    (doc,) = docs
    assert isinstance(doc, Document)
    assert doc.url == "https://porttimes.example/news/harbour-wall"
    assert doc.published == "2022-11-30"
    assert doc.meta["crawled"] == "2024-01-05"
    assert "Board chair Morag Innes said" in doc.text and doc.format == "warc"


def test_formats_plain_warc(tmp_path: Path) -> None:
    (doc,) = _docs(make_warc(tmp_path / "crawl.warc", compress=False))
    assert doc.title == "Harbour wall to be rebuilt"


def test_formats_feed_file_one_document_per_entry() -> None:
    first, second = _docs(FIXTURES / "council_feed.xml")
    assert first.format == "feed"
    assert (first.title, first.published, first.url) == (
        "Swimming pool to reopen in May", "2023-03-15", "https://gazette.example/news/pool-reopens",
    )
    assert first.author == "Priya Shah" and first.site_name == "Harrowgate Gazette – News"
    assert first.text == "The Riverside pool will reopen in May after a £1.2m refit, the council said on Tuesday."
    assert second.published == "2023-03-16" and second.author is None


def test_formats_gzip_of_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip_bytes((FIXTURES / "wire_records.jsonl").read_bytes()))
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Document"]
    assert isinstance(items[0], Document) and items[0].format == "jsonl"


def test_formats_gzip_detected_by_magic_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download.bin"
    path.write_bytes(gzip_bytes((FIXTURES / "council_budget.txt").read_bytes()))
    (doc,) = _docs(path)
    assert doc.title == "Harrowgate council sets out £4m savings plan"


def test_formats_windows_1252_and_utf16_text_decode(tmp_path: Path) -> None:
    text = "Caf\u00e9 owner says \u201cenough is enough\u201d \u2013 rates up 12%"
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    assert _docs(tmp_path / "legacy.txt")[0].text == text
    assert _docs(tmp_path / "wide.txt")[0].text == text


def test_formats_json_html_fragment_and_paragraph_list(tmp_path: Path) -> None:
    records = [
        {"title": "Depot plan", "body": "<p>The bus depot will move to Cole Road.</p><p>Work starts in May.</p>"},
        {"title": "Depot plan, day two", "full_text": ["Objectors met on Monday.", "They plan a petition."]},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    first, second = _docs(path)
    assert first.text == "The bus depot will move to Cole Road.\n\nWork starts in May."
    assert first.meta["extractor"] == "fragment"
    assert second.text == "Objectors met on Monday.\n\nThey plan a petition."


def test_formats_csv_apostrophes_do_not_fool_quote_detection(tmp_path: Path) -> None:
    path = tmp_path / "digest.csv"
    path.write_text(
        "headline,body,date,site\n"
        "Mayor: 'I never hid the minister's role',\"The mayor, Gordon Pryce, spoke.\n\n"
        "\"\"No,\"\" he said, \"\"I did not.\"\"\",2023-06-07,Castlewick Gazette\n"
        "Review finds 'over-optimistic' forecasts,\"Councillors weren't told, the review found.\",2025-01-30,Echo\n",
        encoding="utf-8",
    )
    first, second = _docs(path)
    assert first.title == "Mayor: 'I never hid the minister's role'"
    assert first.text == 'The mayor, Gordon Pryce, spoke.\n\n"No," he said, "I did not."'
    assert (first.published, first.site_name) == ("2023-06-07", "Castlewick Gazette")
    assert second.text == "Councillors weren't told, the review found." and second.source == f"{path}#row 3"


def test_formats_pdf_placeholder_creation_date_is_ignored(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "report.pdf", pages=["Scrutiny Committee - 6 June 2023\n\nReport text."])
    path.write_bytes(path.read_bytes().replace(b"D:20230208101500", b"D:20000101000000"))
    (doc,) = _docs(path)
    assert doc.published == "2023-06-06" and doc.published_inferred
