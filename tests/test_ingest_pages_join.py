"""ingest.pages: page texts joined with exact start offsets in the normalised text."""

from __future__ import annotations

from storyline.ingest.normalize import normalize_text
from storyline.ingest.pages import join_part_spans, join_parts
from storyline.pagemap import page_of


def test_pages_join_offsets_point_at_each_page() -> None:
    pages = ["Dear Minister,\r\nThank you for your letter.  ", "  Yours sincerely,\nMargaret Ellery\n"]
    text, starts = join_parts(pages)
    assert text == "Dear Minister,\nThank you for your letter.\n\nYours sincerely,\nMargaret Ellery"
    assert starts == [0, text.index("Yours")]
    assert normalize_text(text) == text  # make_document's normalisation keeps the offsets


def test_pages_join_blank_pages_keep_page_numbers() -> None:
    text, starts = join_parts(["", "Page two.", "   ", "Page four.", ""])
    assert text == "Page two.\n\nPage four."
    assert starts == [0, 0, 11, 11, 21]
    assert page_of(starts, text.index("four")) == 4
    assert page_of(starts, 0) == 2


def test_pages_join_spans_are_exact_after_normalisation() -> None:
    # "Cafe\u0301" is NFC-normalised to "Café" (one character shorter); mojibake is repaired
    text, spans = join_part_spans(["Cafe\u0301 society", "", "The councilâ€™s reply"])
    assert [text[s:e] for s, e in spans] == ["Café society", "", "The council’s reply"]
