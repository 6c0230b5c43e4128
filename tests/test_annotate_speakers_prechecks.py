"""The cheap tests run before costly subject patterns never skip a match, and the pattern with fewer subject
branches finds exactly what ``before_re`` finds where the dropped branches cannot match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.speaker_phrases import SPEAKER_CLAUSE_RE
from storyline.annotate.speakers import (
    ADVERB_END_RE,
    CLAUSE_END_RE,
    ORG_OF,
    POSSESSIVE,
    lexicon,
    speaker_before,
    subject_before_re,
)

PIECES = st.sampled_from(["Ms Shah", "Ms Shah's", " spokesman", "’s", "'", " Local 1187", " of", " of the", " for",
                          " Amalgamated Transit Union", "The", " the", " mayor", " council", " officials", " residents",
                          ",", ", ", " ", "\n", " who", " 54", " a retired teacher", " (Lab)", " on Tuesday",
                          " reportedly", " quickly", " later", " published", " the report that", "Both", " and",
                          " Jane Oduya", " Bank of England governor Andrew Bailey", " Six in 10 voters", " He"])


def regs(match: object) -> object:
    return None if match is None else match.regs  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_subject_pattern_without_impossible_branches_matches_as_before_re(window: str) -> None:
    text = window + " said"
    end = len(window)
    pattern = subject_before_re("’" in window or "'" in window, "of" in window)
    for start in range(end):
        assert regs(pattern.match(text, start, end)) == regs(lexicon().before_re.match(text, start, end))


def test_subject_pattern_drops_only_the_branches_a_window_cannot_match() -> None:
    full = lexicon().before_re
    assert subject_before_re(True, True) is full
    assert f"|{POSSESSIVE}|" not in subject_before_re(False, True).pattern
    assert f"|{ORG_OF}|" not in subject_before_re(True, False).pattern
    assert len(subject_before_re(False, False).pattern) < len(subject_before_re(False, True).pattern) \
        < len(full.pattern)  # both branches are still written in the subject (the precheck is in force)
    text = "Local 1187 of the Amalgamated Transit Union said"
    speaker = speaker_before(text, 0, text.index("said"))
    assert speaker is not None and text[speaker.start : speaker.end] == "Local 1187 of the Amalgamated Transit Union"
    text = "Ms Shah's spokesman said"
    speaker = speaker_before(text, 0, text.index("said"))
    assert speaker is not None and text[speaker.start : speaker.end] == "Ms Shah's spokesman"


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=12).map("".join))
def test_ending_prechecks_never_skip_a_match(phrase: str) -> None:
    ending = phrase.rstrip()[-2:]
    if ADVERB_END_RE.search(phrase) is not None:
        assert ending == "ly"
    if CLAUSE_END_RE.search(phrase) is not None:
        assert ending == "ed"
    if SPEAKER_CLAUSE_RE.search(phrase) is not None:
        assert "ed" in phrase
