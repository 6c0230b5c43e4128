"""OCR measurements for bench/ingest.py: scanned pages rendered from known text, read back, compared.

The source text is the demo corpus's own letters and articles (written for this project), wrapped
and typeset on A4 pages with reportlab, rendered with pypdfium2 and saved as an image-only PDF,
as a scanner would: at 300 dpi in grayscale, and at 200 dpi in black and white turned 0.35 degrees.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import textwrap
import time
from typing import Any

from storyline.demo.load import demo_corpus_path
from storyline.ingest import IngestOptions, read_bytes
from storyline.ingest.text import strip_markdown
from storyline.model import Document

LINES_PER_PAGE = 44
WRAP = 84
CONDITIONS = {"300dpi_gray": (300, 0.0, False), "200dpi_bw_skewed": (200, 0.35, True)}


def source_pages(count: int) -> list[list[str]]:
    """``count`` pages of wrapped lines from the demo corpus's plain-text and Markdown files."""
    lines: list[str] = []
    for path in sorted(demo_corpus_path().glob("*")):
        if path.suffix in (".txt", ".md") and "mojibake" not in path.name and "cp1252" not in path.name:
            for paragraph in strip_markdown(path.read_text(encoding="utf-8")).split("\n\n"):
                lines.extend(textwrap.wrap(" ".join(paragraph.split()), WRAP) + [""])
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    return (pages * (count // max(len(pages), 1) + 1))[:count]


def typeset(pages: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    for lines in pages:
        y = 790
        for line in lines:
            canvas.setFont("Times-Roman", 11)
            canvas.drawString(60, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def scan(pdf_bytes: bytes, dpi: int, skew: float, black_and_white: bool) -> bytes:
    """An image-only PDF of every page, as a document scanner would save it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    images = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil()
        if skew:
            image = image.rotate(skew, fillcolor=255)
        images.append(image.point(lambda v: 255 if v > 150 else 0).convert("1") if black_and_white else image)
    pdf.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), two rows at a time."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def char_accuracy(read: str, source: str) -> float:
    """1 - edit distance / source length, page by page, with whitespace collapsed on both sides."""
    a, b = " ".join(read.split()), " ".join(source.split())
    return 1 - edit_distance(a, b) / max(len(b), 1)


def _page_texts(doc: Document) -> list[str]:
    bounds = [*doc.pages, len(doc.text)]
    return [doc.text[bounds[i]:bounds[i + 1]] for i in range(len(doc.pages))]


def measure(pages: list[list[str]], dpi: int, skew: float, black_and_white: bool) -> tuple[float, float]:
    """(pages per second, mean character accuracy) for one scanning condition."""
    data = scan(typeset(pages), dpi, skew, black_and_white)
    start = time.perf_counter()
    (doc,) = list(read_bytes(data, "bench-scan.pdf", IngestOptions(ocr_timeout=300), name="bench-scan.pdf"))
    seconds = time.perf_counter() - start
    if not isinstance(doc, Document):
        raise SystemExit(f"OCR failed: {doc.message}")
    scores = [char_accuracy(read, "\n".join(lines)) for read, lines in zip(_page_texts(doc), pages)]
    return len(pages) / seconds, sum(scores) / len(scores)


def tesseract_version() -> str:
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=False)
    found = re.search(r"tesseract\s+v?(\S+)", out.stdout + out.stderr)
    return found.group(1) if found else "unknown"


def ocr_figures(count: int) -> dict[str, Any]:
    """Pages/s and character accuracy per condition, for the JSON line."""
    if shutil.which("tesseract") is None:
        raise SystemExit("Tesseract is not installed: sudo apt-get install tesseract-ocr (or pass --ocr-pages 0)")
    pages = source_pages(count)
    figures: dict[str, Any] = {"tesseract": tesseract_version(), "ocr_pages": count}
    for name, (dpi, skew, bw) in CONDITIONS.items():
        speed, accuracy = measure(pages, dpi, skew, bw)
        figures[f"ocr_pages_per_s_{name}"] = round(speed, 2)
        figures[f"ocr_char_accuracy_{name}"] = round(accuracy, 4)
    return figures
