"""Word lists as trie alternations match exactly what the plain alternation, longest word first, matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.word_alternation import alternation

PHRASES = st.text(alphabet="abAB -.", min_size=1, max_size=5).map(lambda w: " ".join(w.split())).filter(bool)
WORDS = st.lists(PHRASES, min_size=1, max_size=8)
TEXTS = st.text(alphabet="abAB -.\n", max_size=30)
SUFFIXES = ("", r"\b", "b", r"\s*$", r"(?!\.)")


def plain(words: list[str], space: str, dotted: list[str], ignore_case: bool = False) -> str:
    """The alternation as the word-list patterns wrote it before: escaped words, longest first.  Ignoring
    case, the words are lower-cased first, as ``alternation`` documents (otherwise "a" listed before a
    dotted "A" would make the plain form's answer depend on the order of two case variants)."""
    if ignore_case:
        words, dotted = [w.lower() for w in words], [d.lower() for d in dotted]
    escaped = [re.escape(w).replace(r"\ ", space) + (r"\.?" if w in dotted else "")
               for w in sorted(set(words) | set(dotted), key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def same_matches(left: str, right: str, text: str, flags: int) -> bool:
    for suffix in SUFFIXES:
        a, b = re.compile(f"({left}){suffix}", flags), re.compile(f"({right}){suffix}", flags)
        for pos in range(len(text) + 1):
            x, y = a.match(text, pos), b.match(text, pos)
            if (x and (x.span(), x.span(1))) != (y and (y.span(), y.span(1))):
                return False
    return True


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXTS)
def test_word_alternation_matches_plain_alternation(words: list[str], text: str) -> None:
    assert same_matches(plain(words, r"\s+", []), "(?:" + alternation(words) + ")", text, 0)


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXTS)
def test_word_alternation_ignoring_case_matches_plain_alternation(words: list[str], text: str) -> None:
    trie = "(?:" + alternation(words, space=r"\ ", ignore_case=True) + ")"
    assert same_matches(plain(words, r"\ ", [], ignore_case=True), trie, text, re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.lists(st.text(alphabet="abAB", min_size=1, max_size=4), max_size=3), TEXTS)
def test_word_alternation_with_dotted_abbreviations(words: list[str], dotted: list[str], text: str) -> None:
    trie = "(?:" + alternation(words, ignore_case=True, dotted=dotted) + ")"
    assert same_matches(plain(words, r"\s+", dotted, ignore_case=True), trie, text, re.IGNORECASE)


def test_word_alternation_factors_common_prefixes() -> None:
    assert alternation(["chief executive", "chief", "mayor"]) == r"(?:chief(?:\s+executive)?|mayor)"
    assert alternation(["Oct", "october"], ignore_case=True, dotted=["oct"]) == r"oct(?:(?:ober|\.))?"
    assert re.fullmatch(alternation(["oct"], dotted=["oct"]), "oct.")


def test_word_alternation_refuses_phrases_with_loose_spaces() -> None:
    import pytest

    for loose in (" mayor", "chief  executive", "mayor ", " "):
        with pytest.raises(ValueError, match="single spaces"):
            alternation(["mayor", loose])
    assert re.fullmatch(alternation([" a"], space=r"\ "), " a")
