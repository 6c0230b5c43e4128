"""Scanned PDF pages: which pages are images of text, and their text by OCR (rendered with pypdfium2).

A page is scanned when its text layer is thin (fewer than ``THIN_TEXT`` letters and digits:
nothing, or only a stamp such as "RELEASED UNDER FOI" laid over the scan) and images cover at
least ``IMAGE_COVER`` of it.  A page with no text and no image is blank, not scanned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any

from storyline.ingest.ocr import MAX_OCR_PIXELS, ocr_pages
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem

THIN_TEXT = 200
IMAGE_COVER = 0.3
RENDER_DPI = 300
_WORD_CHAR = re.compile(r"\w")
_PDFIUM_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, RuntimeError, KeyError)


def thin_pages(texts: Sequence[str]) -> list[int]:
    """Indexes of pages whose text layer is too thin to be the whole page."""
    return [i for i, text in enumerate(texts) if len(_WORD_CHAR.findall(text)) < THIN_TEXT]


def image_cover(page: Any) -> float:
    """Share of the page area covered by image objects (overlaps counted twice, capped at 1)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    covered = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return min(1.0, covered / (width * height))


def render_page(page: Any, dpi: int = RENDER_DPI) -> Any:
    """A grayscale PIL image of the page, at ``dpi`` or less for a very large page."""
    width, height = page.get_size()
    scale = dpi / 72
    pixels = width * scale * height * scale
    if pixels > MAX_OCR_PIXELS:
        scale *= (MAX_OCR_PIXELS / pixels) ** 0.5
    return page.render(scale=scale, grayscale=True).to_pil()


def _render(pdf: Any, index: int) -> Any:
    page = pdf[index]
    try:
        return render_page(page)
    finally:
        page.close()


def scanned_page_texts(
    data: bytes, texts: Sequence[str], source: str, options: IngestOptions
) -> tuple[dict[int, str], list[int]] | Problem:
    """({page index: OCR text}, scanned page indexes) for the scanned pages of a PDF; a Problem when one fails."""
    candidates = thin_pages(texts)
    if not candidates:
        return {}, []
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except _PDFIUM_ERRORS as exc:
        return problem(source, "malformed-pdf", f"the PDF pages could not be rendered ({type(exc).__name__}: {exc})")
    try:
        return _ocr_scanned(pdf, candidates, source, options)
    except _PDFIUM_ERRORS as exc:
        return problem(source, "malformed-pdf", f"a page could not be rendered ({type(exc).__name__}: {exc})")
    finally:
        pdf.close()


def _ocr_scanned(
    pdf: Any, candidates: list[int], source: str, options: IngestOptions
) -> tuple[dict[int, str], list[int]] | Problem:
    scanned = [i for i in candidates if i < len(pdf) and image_cover(pdf[i]) >= IMAGE_COVER]
    texts = ocr_pages(((i + 1, partial(_render, pdf, i)) for i in scanned), source, options)
    if isinstance(texts, Problem):
        return texts
    return {number - 1: text for number, text in texts.items()}, scanned
