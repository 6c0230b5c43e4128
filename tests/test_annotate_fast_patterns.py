"""Patterns rewritten for speed (so the regex engine can skip to their first character) find exactly what their
plain forms find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.coref import _role_noun_pattern
from storyline.annotate.entity_lexicon import lexicon
from storyline.annotate.quote_marks import DOUBLE_RE, SENTENCE_OPENER_RE, SINGLE_OPENER_RE, _sentence_openers
from storyline.annotate.structure import _CANDIDATE, gapped_matches
from storyline.annotate.timex_detect import _word_spans
from storyline.annotate.timex_normalize import _YEAR, _years
from storyline.annotate.word_alternation import alternation

PLAIN_CANDIDATE = re.compile(r"(\.{2,}|…|[.!?]+)([\"”’'\)\]»]*)(\s+)(?=\S)")
PLAIN_DOUBLE = re.compile(r"''(?!')|[“”„\"«»]")
PLAIN_SINGLE_OPENER = re.compile(r"(?:^|\s)'\w")
GAPPED_WORD = re.compile(r"([\W_]*)([^\W\d_]+|\d+)")  # (characters between words, a word)


def plain_role_nouns() -> re.Pattern[str]:
    nouns = alternation(lexicon().resolvable_roles, space=r"\ ", ignore_case=True)
    return re.compile(rf"\b[Tt]he\s+(?P<role>(?:[\w'’-]+\s+){{0,2}}?(?:{nouns}))\b(?!-)", re.IGNORECASE)


TEXTS = st.lists(st.sampled_from([
    "a", "Mr", "x", " ", "  ", "\n", ".", "..", "…", "!", "?", "?!", "'", "''", "'''", "\"", "“", "”", "„", "«", "»",
    "’", ")", "]", "the", "The", "THE", "mayor", "Mayor", "chief executive", "other", "-", "ſ", "Ex", "at",
    ":", ": ", ":\u2003", "‘", "A", "1", "2", "19", "20", "2019", "1850", "1499", "0", ",", "$", "£", "_", "²", "5pm",
]), max_size=30).map("".join)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in pattern.finditer(text)]


def assert_same_matches(text: str) -> None:
    assert spans(_CANDIDATE, text) == spans(PLAIN_CANDIDATE, text)
    assert spans(DOUBLE_RE, text) == spans(PLAIN_DOUBLE, text)
    assert len(SINGLE_OPENER_RE.findall(text)) == len(PLAIN_SINGLE_OPENER.findall(text))
    assert spans(_role_noun_pattern(), text) == spans(plain_role_nouns(), text)
    found = SENTENCE_OPENER_RE.findall(text)
    singles = sum(1 for mark in found if mark in "‘'")
    assert _sentence_openers(text) == (singles, len(found) - singles)
    assert _years(text) == _YEAR.findall(text)
    lower = text.lower()
    stop = len(lower.rstrip())
    while stop and not lower[stop - 1].isalnum():
        stop -= 1
    starts, ends, words = _word_spans(lower)
    assert list(zip(starts, ends, words)) == list(gapped_matches(GAPPED_WORD, lower, 0, stop))


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_fast_patterns_match_their_plain_forms(text: str) -> None:
    assert_same_matches(text)


def test_fast_patterns_on_a_paragraph() -> None:
    text = ("'Not now,' said THE Mayor. The chief executive... agreed?! “Yes.” The other mayor (the deputy mayor) "
            "left at 9 p.m.… Then 'they' went.")
    assert_same_matches(text)
    assert [m.group("role") for m in _role_noun_pattern().finditer(text)][:2] == ["Mayor", "chief executive"]


def test_fast_forms_on_lines_with_openers_years_and_numbers() -> None:
    text = "“We will.” she said:\n'Never in 1999,' he wrote in 2019: “Not by 5pm on 12,2020 or in 20190.”\n''Yes''"
    assert_same_matches(text)
    assert _sentence_openers(text) == (1, 3)
    assert _years(text) == ["1999", "2019"]
    assert _word_spans("in 2019: 5pm")[2] == ["in", "2019", "5", "pm"]
