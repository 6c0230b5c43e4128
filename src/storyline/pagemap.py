"""Page maps: which page of the original file a character offset falls on.

A document read from a paged source (a PDF, a multi-page TIFF) keeps ``Document.pages``:
the character offset where each page starts, page 1 first.  Every view that shows
"page 3" beside a quote's offsets asks :func:`page_of`; nothing else reads the map.

    >>> page_of([0, 120, 340], 200)
    2
    >>> page_span([0, 120, 340], 100, 350)
    (1, 3)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["page_label", "page_of", "page_span"]


def page_of(pages: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding character ``offset``, or None without a page map (or a negative offset).

    A page with no text starts where the next one does; an offset there belongs to the
    later page, the one whose text it is.  The blank line between two pages counts
    with the page before it.
    """
    if not pages or offset < 0 or offset < pages[0]:
        return None
    return bisect_right(pages, offset)


def page_span(pages: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """First and last page of the span ``start:end`` (``end`` exclusive), or None without a page map."""
    first = page_of(pages, start)
    if first is None:
        return None
    last = page_of(pages, max(start, end - 1))
    return first, last if last is not None else first


def page_label(pages: Sequence[int], start: int, end: int) -> str | None:
    """"page 3" or "pages 3-4" for a span, or None without a page map."""
    span = page_span(pages, start, end)
    if span is None:
        return None
    first, last = span
    return f"page {first}" if first == last else f"pages {first}-{last}"
