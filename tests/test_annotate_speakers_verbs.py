"""Reporting verbs found once per document: any span gets exactly the verbs a search bounded to it finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.speakers import lexicon, verbs_between

TEXT = ("Ms Shah said the council pointed out that staff were misled. “No,” he says, sayings aside. "
        "The mayor went on to deny it; officials said. It went\non: the report, she added, was wrong. "
        "Critics alleged, admitted and warned; told reporters. Saysay said-so unsaid.")
PIECES = st.sampled_from(["said", "say", "says", "pointed", "out", "went", "on", "told", " ", "\n", ",", ".",
                          "x", "un", "ing", "-", "’"])


def bounded(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in lexicon().verb_re.finditer(text, lo, hi)]


def shared(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in verbs_between(text, lo, hi)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(TEXT)), st.integers(0, len(TEXT)))
def test_verbs_between_matches_a_bounded_search(lo: int, hi: int) -> None:
    assert shared(TEXT, lo, hi) == bounded(TEXT, lo, hi)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_verbs_between_any_text(text: str, lo: int, hi: int) -> None:
    assert shared(text, lo, hi) == bounded(text, lo, hi)


def test_verbs_between_cut_inside_a_word() -> None:
    end = TEXT.index("sayings") + 3  # "say" of "sayings": a bounded search sees a word end there
    assert shared(TEXT, 0, end)[-1][2] == "say"
