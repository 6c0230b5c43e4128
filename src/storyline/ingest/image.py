"""Image reader: PNG, JPEG and TIFF (every frame of a multi-page TIFF is a page), read by OCR."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from functools import partial
from typing import Any

from storyline.ingest.normalize import make_document
from storyline.ingest.ocr import ocr_pages
from storyline.ingest.options import IngestOptions
from storyline.ingest.pages import join_parts
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

IMAGE_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, SyntaxError, EOFError, TypeError)


def _open(data: bytes, source: str) -> Any:
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            return problem(source, "too-large", f"the image is too large to read safely ({exc})")
        except IMAGE_ERRORS as exc:
            return problem(source, "malformed-image", f"the image could not be read ({type(exc).__name__}: {exc})")
    return image


def _frame(image: Any, index: int) -> Any:
    image.seek(index)
    return image.copy()


def read_image(
    data: bytes, source: str, options: IngestOptions, url: str | None = None
) -> Iterator[Document | Problem]:
    """One Document from an image file by OCR; a multi-page TIFF keeps a page map."""
    image = _open(data, source)
    if isinstance(image, Problem):
        yield image
        return
    count = int(getattr(image, "n_frames", 1) or 1)
    if count > options.max_pages:
        yield problem(source, "too-many-pages", f"{count:,} pages is over the {options.max_pages:,}-page cap")
        return
    try:
        texts = ocr_pages(((i + 1, partial(_frame, image, i)) for i in range(count)), source, options)
    except IMAGE_ERRORS as exc:
        yield problem(source, "malformed-image", f"a page could not be decoded ({type(exc).__name__}: {exc})")
        return
    if isinstance(texts, Problem):
        yield texts
        return
    text, starts = join_parts([texts[i + 1] for i in range(count)])
    meta = {"page_count": count, "ocr_pages": list(range(1, count + 1)), "ocr_language": options.ocr_language,
            "image_format": image.format}
    yield make_document(text, source=source, url=url, format="image", meta=meta, pages=starts, ocr=True)
