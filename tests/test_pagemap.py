"""storyline.pagemap: the page of an offset, for every view that shows "page 3" beside a span."""

from __future__ import annotations

import pytest

from storyline.pagemap import page_label, page_of, page_span

# Three pages: "Page one." (0-9), blank line, "Page two." (11-20), blank line, "Page three." (22-33)
PAGES = [0, 11, 22]


@pytest.mark.parametrize(
    ("offset", "page"),
    [(0, 1), (8, 1), (9, 1), (10, 1), (11, 2), (21, 2), (22, 3), (500, 3)],
)
def test_pagemap_page_of_each_offset(offset: int, page: int) -> None:
    assert page_of(PAGES, offset) == page


def test_pagemap_no_map_or_negative_offset_has_no_page() -> None:
    assert page_of([], 5) is None
    assert page_of(PAGES, -1) is None


def test_pagemap_an_empty_page_gives_its_offsets_to_the_page_after_it() -> None:
    # page 2 is blank (a scanned separator sheet): it starts where page 3 does
    pages = [0, 11, 11]
    assert page_of(pages, 11) == 3
    assert page_of(pages, 10) == 1


def test_pagemap_span_and_label_across_pages() -> None:
    assert page_span(PAGES, 2, 8) == (1, 1)
    assert page_span(PAGES, 5, 15) == (1, 2)
    assert page_span(PAGES, 11, 22) == (2, 2)  # end is exclusive: offset 22 is not part of the span
    assert page_label(PAGES, 23, 30) == "page 3"
    assert page_label(PAGES, 5, 30) == "pages 1-3"
    assert page_label([], 0, 3) is None
