"""The speakers found across relative clauses and asides (annotate/relative_subjects.py), called directly: the
person a who-clause is about, a described subject with its own clause, and a name before asides."""

from __future__ import annotations

import pytest

from storyline.annotate.relative_subjects import name_before_asides, restrictive_who_speaker, who_speaker
from storyline.annotate.speakers import SpeakerSpan


def _span(text: str, found: SpeakerSpan | None) -> str | None:
    return None if found is None else text[found.start : found.end]


@pytest.mark.parametrize(("text", "subject"), [
    ("Cllr Meera Joshi (Lab), who said", "Cllr Meera Joshi"),
    ("A friend of the coach, who said", "A friend of the coach"),
    ("said a spokesperson for the Rink Users’ Union, who added", "a spokesperson for the Rink Users’ Union"),
    ("won the help of the coach's two sons, who believed", None),  # "help" names no person
    ("The remark worried some parents, who said", None),  # a phrase with a verb in it
])
def test_who_speaker_is_the_person_the_clause_is_about(text: str, subject: str | None) -> None:
    assert _span(text, who_speaker(text, 0, text.rindex(" ") + 1)) == subject


@pytest.mark.parametrize(("text", "subject"), [
    ("Tenants who live near the depot say", "Tenants who live near the depot"),
    ("A man whose car was damaged at the rink said", "A man whose car was damaged at the rink"),
    ("The coach whose letter first revealed", None),  # the whose-clause has no verb of its own
])
def test_restrictive_who_speaker_is_the_described_subject(text: str, subject: str | None) -> None:
    assert _span(text, restrictive_who_speaker(text, 0, text.rindex(" ") + 1)) == subject


@pytest.mark.parametrize(("text", "subject"), [
    ("Councillor Dana Pryor (who chairs the trust) said", "Councillor Dana Pryor"),
    ("Sen. Amy Grassick, facing a challenge in Iowa, a swing state, said", "Sen. Amy Grassick"),
    ("Kasich, Rubio and Cruz said", None),  # a list of names
    ("Obama, Trump said,", None),  # the aside is the speaker
    ("Rather, he said, continued", None),  # an aside that reports
])
def test_name_before_asides(text: str, subject: str | None) -> None:
    verb = text.rindex(" ") + 1
    assert _span(text, name_before_asides(text, 0, verb)) == subject
