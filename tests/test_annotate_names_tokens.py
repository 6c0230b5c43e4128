"""Tokens for every sentence from one pass over the document: the same tokens as tokenizing each span."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.names import tokenize, tokenize_spans
from storyline.annotate.structure import segment

TEXT = ("Mr. O'Brien's firm, Hale & Co. Ltd., paid £1,000.50 to the U.S. office on 3.4.2024... "
        "Cllr. J. Okafor-Reid (Lab.) said: “Don't.” Ms Shah’s reply came at 9 p.m. St. Albans' view?\n\n"
        "Sen. Warren, D-Mass., and Dr.Bell—the ex-mayor—met Sgt. Day. Obama's aides' 1990s’ rock-n-roll")


def test_tokenize_spans_gives_each_sentence_its_tokens() -> None:
    _, sentences = segment(TEXT)
    spans = [(s.start, s.end) for s in sentences]
    assert tokenize_spans(TEXT, spans) == [tokenize(TEXT, s, e) for s, e in spans]


def test_tokenize_spans_keeps_an_abbreviation_cut_from_its_period() -> None:
    end = TEXT.index("Mr.") + 2  # "Mr" without its period
    assert tokenize_spans(TEXT, [(0, end)]) == [tokenize(TEXT, 0, end)]
    assert tokenize_spans(TEXT, [(0, end)])[0][-1].text == "Mr"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 80)), max_size=6))
def test_tokenize_spans_any_span(cuts: list[tuple[int, int]]) -> None:
    spans = [(start, min(len(TEXT), start + width)) for start, width in cuts]
    assert tokenize_spans(TEXT, spans) == [tokenize(TEXT, s, e) for s, e in spans]
