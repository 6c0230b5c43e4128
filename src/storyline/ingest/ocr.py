"""Tesseract OCR of page images (through pytesseract): one page at a time, each within a time limit.

Every failure is an :class:`OcrError` carrying a Problem reason: ``ocr-unavailable`` (no
``tesseract`` command), ``ocr-language`` (language data missing), ``ocr-timeout`` (a page ran
over ``IngestOptions.ocr_timeout``) or ``ocr-failed``.  A file with a page that could not be
read is reported and not stored, so running the same ingest again (after installing Tesseract,
or with a longer limit) reads it whole.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterable
from typing import Any

from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem

# Pages are read one at a time and files in parallel (--jobs): Tesseract's own threads would
# only compete for the same cores (OCRmyPDF sets the same limit for the same reason).
OMP_THREADS = "1"
SMALL_IMAGE_SIDE = 1200  # images whose longer side is shorter than this are enlarged 2x (screenshots)
MAX_OCR_PIXELS = 60_000_000  # about an A2 sheet at 300 dpi; larger page images are refused
_BLANK_RUNS = re.compile(r"\n{3,}")
# Tesseract sometimes starts a new paragraph in mid-sentence: a line that ends without closing
# punctuation, then a blank line, then a line starting in lower case is one paragraph.
_SPURIOUS_BREAK = re.compile(r"(?<=[\w,;\-–—])\n\n(?=[a-z])")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")

PageImage = Callable[[], Any]  # renders or loads one page image (a PIL image) when called


class OcrError(Exception):
    """A page that could not be read: ``reason`` is a Problem reason, ``detail`` says what happened."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def tesseract_command() -> str:
    """The Tesseract executable pytesseract runs (``tesseract`` on PATH unless configured)."""
    import pytesseract

    return str(pytesseract.pytesseract.tesseract_cmd)


def tesseract_available() -> bool:
    """True when the Tesseract command can be found."""
    return shutil.which(tesseract_command()) is not None


def prepare_page(image: Any) -> Any:
    """A grayscale copy for Tesseract: EXIF rotation applied, transparency on white, small images enlarged."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image.alpha_composite(rgba)
    gray = image.convert("L")
    if max(gray.size) < SMALL_IMAGE_SIDE:
        gray = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS)
    gray.format = None  # pytesseract then hands Tesseract a lossless PNG, never a re-compressed JPEG
    return gray


def clean_ocr_text(text: str) -> str:
    """Tesseract's output without form feeds, trailing spaces, runs of blank lines or mid-sentence paragraph breaks.

        >>> clean_ocr_text("we would rather have fought for\n\nanother six months.\x0c")
        'we would rather have fought for\nanother six months.'
    """
    text = text.replace("\x0c", "\n")
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return _SPURIOUS_BREAK.sub("\n", text).strip()


def ocr_image(image: Any, language: str, timeout: float) -> str:
    """The text Tesseract reads on one page image; raises :class:`OcrError`."""
    import pytesseract

    width, height = image.size
    if width * height > MAX_OCR_PIXELS:
        raise OcrError("too-large", f"the page image is {width}x{height} pixels, over the OCR cap")
    os.environ.setdefault("OMP_THREAD_LIMIT", OMP_THREADS)
    try:
        text = pytesseract.image_to_string(prepare_page(image), lang=language, timeout=timeout)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrError("ocr-unavailable", "Tesseract OCR is not installed (no `tesseract` command found)") from exc
    except pytesseract.TesseractError as exc:
        message = " ".join(str(exc.message).split())[:300]
        if "language" in message.lower() or "traineddata" in message.lower():
            raise OcrError("ocr-language", f"Tesseract has no data for language '{language}' ({message})") from exc
        raise OcrError("ocr-failed", f"Tesseract failed ({message})") from exc
    except RuntimeError as exc:  # pytesseract's own timeout: the process was killed
        if "timeout" not in str(exc).lower():
            raise OcrError("ocr-failed", f"Tesseract failed ({exc})") from exc
        raise OcrError("ocr-timeout", f"OCR took longer than {timeout:g} s") from exc
    return clean_ocr_text(text)


def ocr_pages(pages: Iterable[tuple[int, PageImage]], source: str, options: IngestOptions) -> dict[int, str] | Problem:
    """Text of each (page number, page image) in turn, or one Problem naming the first page that failed."""
    todo = list(pages)
    if todo and not tesseract_available():
        count = f"{len(todo)} page{'s' if len(todo) != 1 else ''}"
        return problem(source, "ocr-unavailable", f"{count} need OCR but Tesseract OCR is not installed")
    texts: dict[int, str] = {}
    for number, load in todo:
        try:
            texts[number] = ocr_image(load(), options.ocr_language, options.ocr_timeout)
        except OcrError as exc:
            return problem(source, exc.reason, f"page {number}: {exc.detail}")
    return texts
