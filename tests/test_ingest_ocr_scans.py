"""OCR readers: a letter rendered to an image and saved as a scanned PDF, a mixed PDF, image files.

Fixtures are made at test time (tests/scans.py); tests that run Tesseract are skipped when it is absent.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, Problem, read_bytes
from storyline.ingest.scan import thin_pages
from storyline.model import Document
from storyline.pagemap import page_of
from tests.scans import mixed_pdf, needs_tesseract, page_image, png_bytes, scanned_pdf, text_pdf

LETTER = [
    "CASTLEWICK BOROUGH COUNCIL",
    "Office of the Chief Executive",
    "",
    "21 November 2022",
    "",
    "Dear Minister,",
    "",
    "Thank you for your letter of 8 November. The council will comply with the",
    "direction in full. As the mayor put it to me, \u201cwe would rather have fought for",
    "another six months, but the children cannot wait.\u201d",
    "",
    "Yours sincerely,",
    "Margaret Ellery",
]
COVER = [
    "Freedom of Information request FOI-2023-0417",
    "Document 2 of 2: the interim chief executive's reply, released 10 March 2023.",
]


def _items(data: bytes, name: str, options: IngestOptions | None = None) -> list[Document | Problem]:
    return list(read_bytes(data, name, options or IngestOptions(), name=name))


def _one(data: bytes, name: str, options: IngestOptions | None = None) -> Document:
    items = _items(data, name, options)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


@pytest.fixture(scope="module")
def letter_image():  # type: ignore[no-untyped-def]
    return page_image(LETTER, skew=0.4)


@needs_tesseract
def test_ocr_scanned_pdf_reads_the_letter(letter_image) -> None:  # type: ignore[no-untyped-def]
    doc = _one(scanned_pdf([letter_image]), "foi-reply-scan.pdf")
    assert doc.format == "pdf" and doc.ocr
    assert doc.pages == [0] and doc.meta["ocr_pages"] == [1]
    assert "Thank you for your letter of 8 November." in doc.text
    assert "\u201cwe would rather have fought for" in doc.text  # curly quotes survive OCR
    assert doc.text.endswith("Margaret Ellery")
    # a scan's creation date is when it was scanned: the date comes from the letter itself, marked inferred
    assert doc.published == "2022-11-21" and doc.published_inferred
    assert "scanned" in doc.meta


@needs_tesseract
def test_ocr_mixed_pdf_uses_text_layer_and_ocr_with_a_page_map(letter_image) -> None:  # type: ignore[no-untyped-def]
    doc = _one(mixed_pdf(COVER, letter_image), "foi-bundle.pdf")
    assert doc.ocr and doc.meta["ocr_pages"] == [2] and doc.meta["page_count"] == 2
    assert doc.text.startswith("Freedom of Information request FOI-2023-0417\nDocument 2 of 2")
    quote = doc.text.index("the children cannot wait")
    assert page_of(doc.pages, quote) == 2
    assert page_of(doc.pages, doc.text.index("FOI-2023-0417")) == 1
    assert doc.text[doc.pages[1]:].startswith("CASTLEWICK BOROUGH COUNCIL")


@needs_tesseract
def test_ocr_png_and_multipage_tiff(letter_image) -> None:  # type: ignore[no-untyped-def]
    doc = _one(png_bytes(letter_image), "letter.png")
    assert doc.format == "image" and doc.ocr and doc.pages == [0]
    assert "comply with the" in doc.text
    second = page_image(["Annex A: timetable", "Transfer to the trust no later than 1 January 2023."])
    tiff = io.BytesIO()
    letter_image.save(tiff, "TIFF", save_all=True, append_images=[second])
    doc = _one(tiff.getvalue(), "bundle.tif")
    assert doc.meta["page_count"] == 2 and len(doc.pages) == 2
    assert page_of(doc.pages, doc.text.index("1 January 2023")) == 2


def test_ocr_text_pdf_needs_no_ocr_even_without_tesseract(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract anywhere
    doc = _one(text_pdf([COVER, [], ["Page three of the bundle, with a text layer."]]), "bundle.pdf")
    assert not doc.ocr and "ocr_pages" not in doc.meta
    assert len(doc.pages) == 3 and doc.pages[1] == doc.pages[2]  # the blank page 2 starts where page 3 does
    assert page_of(doc.pages, doc.text.index("Page three")) == 3


def test_ocr_absent_tesseract_is_one_clear_problem(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    image = page_image(["A scanned page."], dpi=72)
    monkeypatch.setenv("PATH", str(tmp_path))
    (item,) = _items(scanned_pdf([image], dpi=72), "scan.pdf")
    assert isinstance(item, Problem) and item.reason == "ocr-unavailable"
    assert "1 page need OCR but Tesseract OCR is not installed" in item.message
    assert "apt-get install tesseract-ocr" in item.message and "ingest the file again" in item.message


@needs_tesseract
def test_ocr_page_over_the_time_limit_is_a_problem(letter_image) -> None:  # type: ignore[no-untyped-def]
    (item,) = _items(scanned_pdf([letter_image]), "slow.pdf", IngestOptions(ocr_timeout=0.001))
    assert isinstance(item, Problem) and item.reason == "ocr-timeout"
    assert item.message.startswith("slow.pdf: page 1: OCR took longer than 0.001 s")
    assert "--ocr-timeout" in item.message


@needs_tesseract
def test_ocr_missing_language_data_says_what_to_install(letter_image) -> None:  # type: ignore[no-untyped-def]
    (item,) = _items(png_bytes(letter_image), "letter.png", IngestOptions(ocr_language="zzz"))
    assert isinstance(item, Problem) and item.reason == "ocr-language"
    assert "tesseract-ocr-<lang>" in item.message


def test_ocr_page_cap() -> None:
    (item,) = _items(text_pdf([COVER, COVER, COVER]), "long.pdf", IngestOptions(max_pages=2))
    assert isinstance(item, Problem) and item.reason == "too-many-pages"
    assert "3 pages is over the 2-page cap" in item.message


def test_ocr_damaged_image_is_one_problem() -> None:
    (item,) = _items(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "broken.png")
    assert isinstance(item, Problem) and item.reason == "malformed-image"


def test_ocr_thin_pages_are_candidates_for_ocr() -> None:
    stamp = "RELEASED UNDER THE FREEDOM OF INFORMATION ACT 2000"
    body = "The council will comply with the direction in full and within the timetable set. " * 4
    assert thin_pages(["", stamp, body]) == [0, 1]


@needs_tesseract
def test_ocr_quote_found_by_the_pipeline_has_its_page(letter_image) -> None:  # type: ignore[no-untyped-def]
    from storyline.annotate.pipeline import make_pipeline

    doc = _one(mixed_pdf(COVER, letter_image), "foi-bundle.pdf")
    quotes = make_pipeline(None)(doc).quotes
    (quote,) = [q for q in quotes if "children cannot wait" in q.text]
    assert quote.text.startswith("we would rather have fought for")
    assert page_of(doc.pages, quote.start) == 2


def test_ocr_text_page_with_a_small_logo_is_not_ocr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(page_image(["CBC"], dpi=20)), 450, 760, width=60, height=60)
    canvas.drawString(72, 700, "Castlewick Borough Council: agenda for 6 June 2023.")
    canvas.showPage()
    canvas.save()
    monkeypatch.setenv("PATH", str(tmp_path))  # would be a problem if the page were sent to OCR
    doc = _one(out.getvalue(), "agenda.pdf")
    assert not doc.ocr and doc.text == "Castlewick Borough Council: agenda for 6 June 2023."


def test_ocr_output_cleaned_without_joining_real_paragraphs() -> None:
    from storyline.ingest.ocr import clean_ocr_text

    raw = "Dear Minister,  \n\n\n\nAs the mayor put it, \u201cwe would rather have fought for\n\nanother six months.\u201d\n\nYours sincerely,\n\x0c"
    assert clean_ocr_text(raw) == (
        "Dear Minister,\n\nAs the mayor put it, \u201cwe would rather have fought for\nanother six months.\u201d"
        "\n\nYours sincerely,"
    )
