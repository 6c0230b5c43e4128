"""Speakers named by their place in a pair ("the former", "the latter") and by an inverted "asked" after a question:
the person the text means, or nobody when it does not say."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

PETITION = (
    "Bus lane petition tops 4,000\n\n"
    "The petition was organized by Sandra Kirk, who owns a bakery on the street, and Tom Beaudoin, a retired teacher. "
    "The former said deliveries would become impossible; the latter said the plan would kill foot traffic.\n\n"
    "Kirk spoke at the meeting on Monday. The latter said the council had not listened.\n"
)


@pytest.mark.parametrize(("words", "speaker"), [
    ("deliveries", "Sandra Kirk"),
    ("foot traffic", "Tom Beaudoin"),
    ("not listened", None),  # the sentence before names one person: "the latter" of whom?
])
def test_former_and_latter_are_the_first_and_last_of_two_named_before(words: str, speaker: str | None) -> None:
    _, ann = annotated(PETITION)
    assert quote_with(ann, words).speaker_name == speaker


@pytest.mark.parametrize(("sentence", "speaker", "kind"), [
    ("“What happens if there's a lockdown?” asked Priya Nair, whose son is in Year 8.", "Priya Nair", "person"),
    ("“What happens if there's a lockdown?” asked one mother, whose son is in Year 8.", None, "description"),
])
def test_question_then_asked_names_the_one_who_asked(sentence: str, speaker: str | None, kind: str) -> None:
    _, ann = annotated("Phone ban worries parents\n\n" + sentence + "\n")
    q = quote_with(ann, "lockdown")
    assert (q.speaker_name, q.speaker_kind, q.stance) == (speaker, kind, "questions")


def test_asked_after_a_clause_is_no_inverted_speaker() -> None:
    """ "The young woman who escorted her, Ms. Kostrzewa recalled, asked her what she did": "her" asked nothing."""
    _, ann = annotated("Donors\n\nTheresa Kostrzewa described the gathering. The young woman who escorted her to her "
                       "room, Ms. Kostrzewa recalled, asked her what she did on the staff.\n")
    assert all(q.cue_verb != "ask" or q.speaker_name is not None for q in ann.quotes)
