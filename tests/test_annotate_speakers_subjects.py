"""Subjects before and after a reporting verb (annotate/speakers.py): what is a speaker phrase and what is a clause,
a role around a place or a name, a joint subject, adverbs between the subject and the verb."""

from __future__ import annotations

import pytest

from storyline.annotate.speakers import speaker_before

from .annotated_text import annotated, quote_with

HEADLINE = "Council Report\n\n"


@pytest.mark.parametrize("sentence", [
    "The group is short, said former Pennsylvania governor.",
    "The plan was dead, said a long statement.",
    "Some have said that the messenger is imperfect.",
])
def test_speakers_subjects_a_clause_is_no_subject(sentence: str) -> None:
    """A phrase holding its own copula or auxiliary is a clause ("The group is short"), never the speaker of what
    follows the verb ("The group is short, said former Pennsylvania governor." had given the clause the governor)."""
    verb = sentence.index("said")
    span = speaker_before(sentence, 0, verb)
    assert span is None or sentence[span.start : span.end] not in ("The group is short", "The plan was dead",
                                                                     "Some have")


def test_speakers_subjects_a_relative_clause_may_hold_a_copula() -> None:
    doc, ann = annotated(HEADLINE + "Residents who were evacuated said the water rose fast.")
    q = quote_with(ann, "water rose")
    assert q.speaker_mention is not None
    assert doc.text[q.speaker_mention[0] : q.speaker_mention[1]] == "Residents who were evacuated"


@pytest.mark.parametrize(("paragraph", "words", "speaker", "mention"), [
    ("The group is $9 million short, said former Pennsylvania governor Ed Rendell.", "9 million", "Ed Rendell",
     "former Pennsylvania governor Ed Rendell"),
    ("“These are the darkest days,” said former George W. Bush speechwriter David Frum.",
     "darkest", "David Frum", "former George W. Bush speechwriter David Frum"),
    ("“The administration is constrained by law,” White House press secretary Josh Earnest said Tuesday. Cost "
     "estimates, he added, were “based on a prototype.”", "constrained", "Josh Earnest",
     "White House press secretary Josh Earnest"),
])
def test_speakers_subjects_role_words_around_a_place_or_a_name(paragraph: str, words: str, speaker: str,
                                                               mention: str) -> None:
    """Role words with a place or a name among them ("former George W. Bush speechwriter David Frum": Frum,
    had been George W. Bush), never across a verb ("Josh Earnest said Tuesday")."""
    doc, ann = annotated(HEADLINE + paragraph)
    q = quote_with(ann, words)
    assert q.speaker_name == speaker
    assert q.speaker_mention is not None and doc.text[q.speaker_mention[0] : q.speaker_mention[1]] == mention


@pytest.mark.parametrize(("paragraph", "words", "span"), [
    ("Sanders said on ABC's “This Week” that he would look at such legislation.", "look at",
     "that he would look at such legislation"),
    ("His campaign chairman Paul Manafort said — on Twitter, as it happens — that the campaign raised $4 million.",
     "raised", "that the campaign raised $4 million"),
    ("But he told ABC’s “Good Morning America” that he agrees the plan is a faker's charter.", "agrees",
     "that he agrees the plan is a faker's charter"),
])
def test_speakers_subjects_that_clause_after_a_title_or_a_dash_aside(paragraph: str, words: str, span: str) -> None:
    _, ann = annotated(HEADLINE + paragraph)
    assert quote_with(ann, words).text == span


@pytest.mark.parametrize(("paragraph", "words", "speaker"), [
    ("Both Blocher and the SVP have long argued that the political class ignores the people.", "ignores",
     "both Blocher and the SVP"),
    ("Jane Holt and the GMB union said the plan was dead.", "plan was dead", "Jane Holt and the GMB union"),
    ("Clinton's advisers have long said the primary would become competitive.", "competitive", "clinton's advisers"),
])
def test_speakers_subjects_joint_subjects_and_adverbs(paragraph: str, words: str, speaker: str) -> None:
    """A person and a body together speak as a group, never the body alone; "have long", "has since" are no part
    of the subject."""
    _, ann = annotated(HEADLINE + paragraph)
    q = quote_with(ann, words)
    assert (q.speaker_name, q.speaker_kind) == (speaker, "group")


def test_speakers_subjects_a_pronoun_and_its_verb_open_no_joint_subject() -> None:
    _, ann = annotated(HEADLINE + "He met Jane Holt and Tom Hale said the plan was dead.")
    assert all("He met" not in (q.speaker_name or "") for q in ann.quotes)
    assert all(q.speaker_mention is None or not ann.quotes for q in ann.quotes if "He met" in q.text)


@pytest.mark.parametrize(("paragraph", "words", "mention"), [
    ("Some activists even said that Sanders may yet win California.", "California", "Some activists"),
    ("The council has since said that the depot will close.", "depot", "The council"),
    ("Germany's president and foreign and defence ministers all urged a larger role for the country.",
     "larger role", "foreign and defence ministers"),
    ("Councillor Ray Dunn however said the depot would stay open.", "stay open", "Councillor Ray Dunn"),
    ("Councillor Ray Dunn in a Facebook post said the depot would stay open.", "stay open", "Councillor Ray Dunn"),
])
def test_speakers_subjects_adverbs_between_subject_and_verb(paragraph: str, words: str, mention: str) -> None:
    doc, ann = annotated(HEADLINE + paragraph)
    q = quote_with(ann, words)
    assert q.speaker_mention is not None and doc.text[q.speaker_mention[0] : q.speaker_mention[1]] == mention


@pytest.mark.parametrize("paragraph", [
    "Sens. Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all suggested that the claims "
    "could be grounds for a fraud case.",  # the three together: never Menendez alone
    "The nominee complained about his microphone the morning after the debate, even suggesting he may have been "
    "sabotaged.",  # a participle after "even": never "the debate"
])
def test_speakers_subjects_no_one_of_many_and_no_noun_before_a_participle(paragraph: str) -> None:
    _, ann = annotated(HEADLINE + paragraph)
    assert all(q.speaker_name not in ("Robert Menendez", "the debate") for q in ann.quotes)
    assert all(q.speaker_description != "the debate" for q in ann.quotes)


def test_speakers_subjects_a_noun_like_a_verb_before_a_reporting_aside() -> None:
    """ "Cost estimates, he added, were “based on ...”": "estimates" is a noun, and "Cost" no speaker; the aside is
    the report."""
    _, ann = annotated(HEADLINE + "“The plan is sound,” said Tom Baker. Cost estimates, he added, were “based on a "
                       "prototype detention facility.”")
    assert all(not q.text.startswith("he added") for q in ann.quotes)
    assert all(q.speaker_description != "Cost" and q.speaker_name != "Cost" for q in ann.quotes)


def test_speakers_subjects_a_verb_conjoined_inside_a_subordinate_clause_is_its_subjects() -> None:
    # "Mayor Holt's eyes welled with tears as she spoke ... and urged ...": she urged, not "Mayor Holt's eyes"
    _, ann = annotated(HEADLINE + "Mayor Jane Holt's eyes welled with tears as she spoke of the flood and urged "
                       "residents to rebuild together.")
    q = quote_with(ann, "rebuild")
    assert q.speaker_name == "Jane Holt"


def test_speakers_subjects_a_pronoun_opening_a_subordinate_clause_is_the_main_clauses_subject() -> None:
    # "Even as he accused ..., Rudy Giuliani declined ...": Giuliani accused, not the man named before; what he
    # accused them of ends at the comma
    _, ann = annotated(HEADLINE + "Steven Aftergood said the rules were clear. Even as he accused the department of "
                       "giving Clinton special treatment, Rudy Giuliani declined to speculate about the motives.")
    q = quote_with(ann, "special treatment")
    assert (q.text, q.speaker_name) == ("of giving Clinton special treatment", "Rudy Giuliani")
