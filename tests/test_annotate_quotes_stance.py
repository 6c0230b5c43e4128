"""Denials read as denials, accusations as the accuser's words, and narration, titles and captions as nobody's."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

ROW = (
    "Mayor 'Misled' Councillors, Says Rival\n\n"
    "By Megan Pryor\n\n"
    "Cllr Priya Patel accused the mayor, Jane Oduya, of hiding the true cost of the harbour scheme.\n\n"
    "Ms Oduya denied that councillors had been misled. She rejected claims that officers had been told to stay "
    "silent, rejecting Cllr Patel's claim outright.\n\n"
    "The deputy mayor, Tom Hale, asked whether the audit could be published before the vote.\n\n"
    "In a press release headlined \"A Fresh Start For Harbour Homes\", issued on 25 October, Mr Hale did not "
    "reveal how much the scheme had cost.\n\n"
    "Jane Oduya at the harbour on Monday. Photograph: Daniel Roe\n"
)




@pytest.mark.parametrize(("words", "span", "speaker", "stance", "verb"), [
    ("misled", "that councillors had been misled", "Jane Oduya", "denies", "deny"),
    ("stay silent", "that officers had been told to stay silent", "Jane Oduya", "denies", "reject"),
    ("audit", "whether the audit could be published before the vote", "Tom Hale", "questions", "ask"),
    ("hiding", "of hiding the true cost of the harbour scheme", "Priya Patel", "asserts", "accuse"),
])
def test_quotes_stance_and_cue_verb(words: str, span: str, speaker: str, stance: str, verb: str) -> None:
    _, ann = annotated(ROW)
    q = quote_with(ann, words)
    assert (q.text, q.speaker_name, q.stance, q.cue_verb) == (span, speaker, stance, verb)


def test_quotes_stance_accusation_is_never_the_accused_quote() -> None:
    _, ann = annotated(ROW)
    accusation = quote_with(ann, "hiding")
    assert accusation.speaker_name == "Priya Patel"
    assert all(q.speaker_name != "Jane Oduya" for q in ann.quotes if "hiding" in q.text)
    claim = next(c for c in ann.claims if c.cue == accusation.cue)
    assert (claim.kind, claim.claimant_name, claim.target_name) == ("claim", "Priya Patel", "Jane Oduya")


def test_quotes_stance_narration_about_a_document_is_not_a_quote() -> None:
    _, ann = annotated(ROW)
    texts = [q.text for q in ann.quotes]
    assert not any("Fresh Start" in t or "how much the scheme" in t for t in texts), texts


def test_quotes_stance_headlines_titles_and_captions_are_never_people() -> None:
    _, ann = annotated(ROW)
    names = {e.name for e in ann.entities}
    assert names == {"Megan Pryor", "Priya Patel", "Jane Oduya", "Tom Hale"}  # no "Fresh Start For Harbour Homes"
    assert all(q.speaker_name not in ("Megan Pryor", "Daniel Roe") for q in ann.quotes)


def test_quotes_stance_reported_denial_stops_before_a_second_act() -> None:
    _, ann = annotated(ROW)
    q = quote_with(ann, "stay silent")
    assert not q.text.endswith("outright") and "rejecting" not in q.text


FRONTED = (
    "Harbour Row Deepens\n\n"
    "In a statement issued on Wednesday evening, Mr Hale denied misleading the harbour board.\n\n"
    "Speaking at the town hall after the vote, Jane Oduya insisted that the figures had been published.\n\n"
    "The scheme will cost more than planned, Mr Hale said on Tuesday.\n"
)


@pytest.mark.parametrize(("opening", "said"), [
    ("In a statement issued", "misleading the harbour board"),
    ("Speaking at the town hall", "that the figures had been published"),
])
def test_a_fronted_phrase_is_never_what_was_said(opening: str, said: str) -> None:
    """A phrase before the speaker is not reported content when the verb has what was said after it."""
    doc, ann = annotated(FRONTED)
    assert not [q for q in ann.quotes if opening in q.text]
    assert said in quote_with(ann, said.split()[-1]).text


def test_a_trailing_attribution_with_an_adjunct_keeps_what_came_before() -> None:
    _, ann = annotated(FRONTED)
    quote = quote_with(ann, "cost more than planned")
    assert (quote.text, quote.speaker_name) == ("The scheme will cost more than planned", "Hale")


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("Fire Chief Raymond Castillo disputed the audit's conclusion that overtime had been poorly managed.",
     "that overtime had been poorly managed", "Raymond Castillo"),
    ("Fire Chief Raymond Castillo rejected Labour's claims that the budget was unbalanced.",
     "that the budget was unbalanced", "Raymond Castillo"),
])
def test_denial_of_someones_claim_is_a_denial_of_its_content(sentence: str, content: str, speaker: str) -> None:
    """ "disputed the audit's conclusion that ...": a possessive before the claim noun still leaves its content."""
    _, ann = annotated("Overtime row\n\n" + sentence + "\n")
    q = quote_with(ann, content)
    assert (q.text, q.speaker_name, q.stance) == (content, speaker, "denies")


@pytest.mark.parametrize(("paragraph", "words", "span"), [
    ("Cllr Natalie Greaves has accused the leader of Ashdown Borough Council of misleading cabinet colleagues about "
     "the cost.", "misleading", "of misleading cabinet colleagues about the cost"),
    ("Cllr Priya Sandhu accused Ms Greaves of “rewriting history” in a letter to members.", "rewriting",
     "of “rewriting history” in a letter to members"),
    ("Cllr Priya Sandhu accused him of fraud and of misleading the council over the depot.", "fraud",
     "of fraud and of misleading the council over the depot"),
])
def test_quotes_stance_accusation_starts_at_its_own_of(paragraph: str, words: str, span: str) -> None:
    """The accusation's "of" comes before a gerund or a quote, past an "of" in the name of the accused, but a list
    of accusations is one accusation from its first "of"."""
    _, ann = annotated("Council Row\n\n" + paragraph)
    q = quote_with(ann, words)
    assert (q.text, q.cue_verb) == (span, "accuse")


@pytest.mark.parametrize("sentence", [
    "Cllr Tom Hale dismissed as “nonsense” suggestions that he had misled the council.",
    "Cllr Tom Hale rejected as untrue claims that he had misled the council.",
])
def test_quotes_stance_a_denial_with_its_verdict_first_is_a_denial(sentence: str) -> None:
    # what he dismissed is never shown as his words: a denial of the claim, his
    _, ann = annotated("Leader hits back\n\n" + sentence + "\n")
    q = quote_with(ann, "misled the council")
    assert (q.text, q.speaker_name, q.stance) == ("that he had misled the council", "Tom Hale", "denies")


@pytest.mark.parametrize(("sentence", "denied"), [
    ("Cllr Tom Hale denied he had “any knowledge” of the payments.", "he had “any knowledge” of the payments"),
    ("Cllr Tom Hale denied the council had been misled.", "the council had been misled"),
    ("Cllr Tom Hale denied it was a cover-up.", "it was a cover-up"),
    ("Cllr Tom Hale has rejected the idea he should resign.", "he should resign"),
    ("Cllr Tom Hale rejected suggestions he had been warned in advance.", "he had been warned in advance"),
])
def test_quotes_stance_a_clause_denied_without_that_is_a_denial(sentence: str, denied: str) -> None:
    _, ann = annotated("Leader hits back\n\n" + sentence + "\n")
    q = quote_with(ann, denied.split()[1])
    assert (q.text, q.speaker_name, q.stance) == (denied, "Tom Hale", "denies")


def test_quotes_stance_a_thing_denied_is_no_clause() -> None:
    _, ann = annotated("Leader hits back\n\nCllr Tom Hale denied the allegation.\n")
    assert ann.quotes == []


@pytest.mark.parametrize("sentence", [
    "Although the mayor backed the scheme for years, the council rejected it on Tuesday.",
    "Whatever the mayor says, the council rejected the plan.",
])
def test_quotes_stance_a_denial_with_its_own_object_denies_nothing_before_it(sentence: str) -> None:
    # what the council rejected is "it" or "the plan", never the clause before the comma
    _, ann = annotated("Scheme voted down\n\n" + sentence + "\n")
    assert [q for q in ann.quotes if q.stance == "denies"] == []
