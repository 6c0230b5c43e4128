"""Fixtures made at test time: letters rendered to page images, scanned and mixed PDFs, emails, Word files.

Text is drawn with reportlab (Times, 12 pt), rendered with pypdfium2 at ``dpi`` and saved as an
image-only PDF with Pillow, which is what a scanner produces: no text layer at all.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pytest

F = TypeVar("F", bound=Callable[..., Any])
_SKIP_WITHOUT_TESSERACT = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")


def needs_tesseract(test: F) -> F:
    """Mark a test ``ocr`` and skip it cleanly when the ``tesseract`` command is absent."""
    return pytest.mark.ocr(_SKIP_WITHOUT_TESSERACT(test))
LEFT, TOP, LEADING = 72, 770, 18


def _draw_lines(canvas: Any, lines: Sequence[str]) -> None:
    y = TOP
    for line in lines:
        canvas.setFont("Times-Roman", 12)
        canvas.drawString(LEFT, y, line)
        y -= LEADING


def text_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with a text layer, one list of lines per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    for lines in pages:
        _draw_lines(canvas, lines)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def page_image(lines: Sequence[str], dpi: int = 200, skew: float = 0.0) -> Any:
    """A grayscale page image of ``lines`` as a flatbed scanner would produce it (optionally a little skewed)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(text_pdf([lines]))
    image = pdf[0].render(scale=dpi / 72, grayscale=True).to_pil()
    pdf.close()
    if skew:
        image = image.rotate(skew, fillcolor=255, expand=False)
    return image


def scanned_pdf(images: Sequence[Any], dpi: int = 200) -> bytes:
    """An image-only PDF (no text layer), one page per image, black and white like a document scanner."""
    out = io.BytesIO()
    first, *rest = [image.convert("1") for image in images]
    first.save(out, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return out.getvalue()


def mixed_pdf(text_lines: Sequence[str], scanned: Any) -> bytes:
    """Page 1 with a text layer, page 2 a scanned image filling the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    _draw_lines(canvas, text_lines)
    canvas.showPage()
    canvas.drawImage(ImageReader(scanned.convert("L")), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def png_bytes(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
