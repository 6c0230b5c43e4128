"""A reporting aside inside the clause it reports ("The budget, she said, would protect every library"): the whole
sentence is what was said, and its speaker is the aside's. Not a noun that looks like a verb (", the former
secretary of state, "), not a clause of its own taken for an apposition ("Even if the department closed, some
of its work would go on, said DeSantis, who ..."), and a name in apposition to an object is nobody's subject."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

BUDGET = (
    "Libraries spared in Northfield budget\n\n"
    "Mayor Jane Holt presented the budget on Tuesday. The budget, she said, would protect every library in the city. "
    "Most of the savings, the finance director said, had come from energy contracts.\n\n"
    "Gary Doherty spoke for the opposition. The figures, Mr Doherty said, were built on hope.\n"
)


@pytest.mark.parametrize(("words", "text", "speaker"), [
    ("every library", "The budget, she said, would protect every library in the city", "Jane Holt"),
    ("built on hope", "The figures, Mr Doherty said, were built on hope", "Gary Doherty"),
])
def test_aside_inside_the_clause_reports_the_whole_sentence(words: str, text: str, speaker: str) -> None:
    _, ann = annotated(BUDGET)
    q = quote_with(ann, words)
    assert (q.text, q.kind, q.speaker_name) == (text, "indirect", speaker)


@pytest.mark.parametrize(("sentence", "text"), [
    ("Her son was excluded in March after a fight in which, she says, he was defending a younger pupil.",
     "he was defending a younger pupil"),
    ("Her son was excluded in March because, she says, he had defended a younger pupil.",
     "he had defended a younger pupil"),
])
def test_aside_after_an_open_clause_reports_only_what_follows(sentence: str, text: str) -> None:
    # the part before the aside is the writer's: only the clause the aside opens is what she says
    _, ann = annotated("Exclusions\n\nAmanda Kerr has complained to the school. " + sentence + "\n")
    q = quote_with(ann, "younger pupil")
    assert (q.text, q.speaker_name) == (text, "Amanda Kerr")


HOUSING = (
    "Second homes tax 'will not touch the crisis'\n\n"
    "Councillor Owen Marsh spoke at the housing forum in Penrith on Friday. Tax breaks on second homes, he said, "
    "amount to tinkering around the edges. The council's plans for the old depot, he added, mean fewer homes than "
    "promised.\n\n"
    "Ruth Allonby, a former state party chairman, became a delegate and said she backed the plan.\n"
)


@pytest.mark.parametrize(("words", "text"), [
    ("tinkering", "Tax breaks on second homes, he said, amount to tinkering around the edges"),
    ("fewer homes", "The council's plans for the old depot, he added, mean fewer homes than promised"),
])
def test_aside_before_a_verb_in_the_present_reports_the_whole_sentence(words: str, text: str) -> None:
    # the subject's plural nouns ("breaks", "homes", "plans") had made it a clause of its own: what was said
    _, ann = annotated(HOUSING)
    q = quote_with(ann, words)
    assert (q.text, q.kind, q.speaker_name) == (text, "indirect", "Owen Marsh")


def test_state_before_a_noun_in_an_apposition_is_no_aside() -> None:
    _, ann = annotated(HOUSING)
    q = quote_with(ann, "backed the plan")
    assert (q.text, q.speaker_name) == ("she backed the plan", "Ruth Allonby")


def test_aside_with_a_description_keeps_it() -> None:
    _, ann = annotated(BUDGET)
    q = quote_with(ann, "energy contracts")
    assert q.text == "Most of the savings, the finance director said, had come from energy contracts"
    assert q.speaker_name != "Jane Holt" and q.speaker_name != "Gary Doherty"


def test_secretary_of_state_in_apposition_reports_nothing() -> None:
    _, ann = annotated("Clinton leads in new poll\n\nClinton, the former secretary of state, is part of the "
                       "political establishment and has been for decades.\n")
    assert not ann.quotes


def test_clause_between_commas_is_no_apposition_of_a_speaker() -> None:
    """Nobody said "DeSantis, who was elected ...", and "the department no longer existed" is nobody."""
    text = ("Candidates split on education\n\nEven if the department no longer existed, some of its functions would "
            "be performed by other federal agencies or offices, said DeSantis, who was elected to the House in 2012.\n")
    _, ann = annotated(text)
    assert all("who was elected" not in q.text for q in ann.quotes)
    assert all(q.speaker_description != "the department no longer existed" for q in ann.quotes)


def test_aside_after_the_subject_still_names_the_speaker() -> None:
    _, ann = annotated("Sheriff questioned\n\nSheriff Jerry Sheridan spoke first. Sheridan, asked whether he would "
                       "support an independent audit, said: “Bring it on.”\n")
    assert quote_with(ann, "Bring it on").speaker_name == "Jerry Sheridan"


def test_name_in_apposition_to_an_object_does_not_take_the_pronoun() -> None:
    text = ("Museum opens\n\n“We can float like butterflies,” Mr. Obama said, not even needing to mention the author "
            "of that boast, Muhammad Ali, who died in June. “We are America,” he said.\n")
    _, ann = annotated(text)
    assert quote_with(ann, "We are America").speaker_name in ("Obama", None)


@pytest.mark.parametrize(("text", "words", "content"), [
    # a sentence opening with a subordinate clause or a comparison: the main clause comes after the aside
    ("Though the transition was smooth, Mr Doherty said, replacing the leader now would be much harder.",
     "smooth", "Though the transition was smooth, Mr Doherty said, replacing the leader now would be much harder"),
    ("If the budget passes, Mr Doherty said, every library will stay open until 2030.",
     "budget passes", "If the budget passes, Mr Doherty said, every library will stay open until 2030"),
    # before a quotation, the quotation is what was said, on its own
    ("When the rule takes effect, Mr Doherty added, “it will at least feel like a fair market.”",
     "fair market", "it will at least feel like a fair market."),
])
def test_aside_after_a_subordinate_clause(text: str, words: str, content: str) -> None:
    _, ann = annotated("Budget row\n\nGary Doherty spoke for the opposition.\n\n" + text + "\n")
    q = quote_with(ann, words)
    assert (q.text, q.speaker_name) == (content, "Gary Doherty")


def test_a_participle_between_commas_is_no_aside() -> None:
    # ", largely targeting voters in battleground states, according to ...": "states" is no reporting verb here
    _, ann = annotated("Ad spending\n\nSince June, the campaign has spent more than $7 million on radio advertising, "
                       "largely targeting voters in battleground states, according to the Kantar ad tracker.\n")
    q = quote_with(ann, "radio advertising")
    assert q.speaker_description != "largely targeting voters in battleground" and \
        "largely" not in (q.speaker_name or "")


@pytest.mark.parametrize(("sentence", "text"), [
    ("The money had been set aside for the repairs, she said, and the first crews would start work in April.",
     "The money had been set aside for the repairs, she said, and the first crews would start work in April"),
    ("The money had been set aside for the repairs, she said, and then left the meeting.",
     "The money had been set aside for the repairs"),  # what she did next, not what she said
])
def test_aside_then_a_clause_joined_by_and_goes_on_with_what_was_said(sentence: str, text: str) -> None:
    _, ann = annotated("Repairs\n\nJane Holt said the plan was sound. " + sentence + "\n")
    q = quote_with(ann, "set aside")
    assert (q.text, q.speaker_name) == (text, "Jane Holt")
