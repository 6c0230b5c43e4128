"""The cheap tests run before the trailing and parenthetical attribution patterns never skip a match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.quote_indirect import _verb_near_end, who_speaker
from storyline.annotate.speakers import lexicon

PIECES = st.sampled_from(["The council", "had spent", "£4m", ",", ", ", " said", " says", " Ms Shah", " the mayor",
                          " officials", " quoted as saying", " on Tuesday", " told reporters", " added", " later",
                          " a Labour councillor", ".", "?", " ", "\n", "“", "”", " and", " who", " reportedly",
                          " Jane Oduya", " in a statement", " pointed out", " last week"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=16).map("".join))
def test_trailing_precheck_never_skips_a_match(sentence: str) -> None:
    lex = lexicon()
    if lex.trailing_re.search(sentence, 0, len(sentence)) is not None:
        assert _verb_near_end(sentence, 0, len(sentence))
    if lex.parenthetical_re.search(sentence, 0, len(sentence)) is not None:
        assert lex.parenthetical_verb_re.search(sentence, 0, len(sentence)) is not None


def test_trailing_precheck_finds_the_verb_among_the_last_words() -> None:
    sentence = "The council had overspent by £4m on agency staff, said Cllr Jane Oduya, the leader."
    assert lexicon().trailing_re.search(sentence) is None  # inverted: left to trailing_inverted_re
    assert _verb_near_end("Staff were misled, the council's own auditors said on Tuesday.", 0, 62)
    assert not _verb_near_end("Ms Shah said the council had spent far too much on agency staff last year.", 0, 75)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=16).map("".join))
def test_who_precheck_never_skips_a_match(sentence: str) -> None:
    """``who_speaker`` searches its pattern only where "who" occurs: every match holds the word."""
    found = lexicon().who_re.search(sentence, 0, len(sentence))
    if found is not None:
        assert "who" in sentence[found.start() : found.end()]


def test_who_speaker_reads_the_clause_and_skips_a_window_without_who() -> None:
    sentence = "Cllr Meera Joshi (Lab), who said the budget was sound, voted against it."
    speaker = who_speaker(sentence, 0, sentence.index("said"))
    assert speaker is not None and sentence[speaker.start : speaker.end] == "Cllr Meera Joshi"
    assert who_speaker("The mayor said the budget was sound.", 0, 10) is None
