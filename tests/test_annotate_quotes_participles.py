"""A participle after a reporting verb (", standing in the car park", ", referring to the two resorts") says what
the speaker did, not what was said; the quote after it is still the speaker's, and the people it names are no
new speakers. A new sentence with someone else in it still ends the scene. Also what else surrounds the verb: an
absolute phrase (", his voice breaking"), a place before "that" ("said outside court that"), a dateline before a
clause reported ahead of its attribution."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

MILL = (
    "The last shift at the Dunmore mill\n\n"
    "Gary Whitlock worked at the Dunmore paper mill for 31 years.\n\n"
    "“When I started, there were 900 of us,” he says, standing in the empty car park. “You knew everybody.”\n\n"
    "“The key to all of this was the market,” Mr Whitlock said, referring to the two Halden mills owned by Carl "
    "Brandt. “I assume they saw the price of pulp falling and got out.”\n\n"
    "“It goes in one ear and out the other,” Tom Ebling said, pointing to one and then the other of his ears. "
    "Betty Ebling shook her head. “Tom is much better about it than I am.”\n\n"
    "“I am sorry every day,” Derek Holling said, his voice breaking.\n\n"
    "Crown prosecutor Lisa Tran said outside court that the sentence “sends a message.”\n"
)


@pytest.mark.parametrize("words", ["standing in the empty car park", "referring to the two", "pointing to one",
                                   "his voice breaking"])
def test_participle_after_the_verb_is_not_what_was_said(words: str) -> None:
    _, ann = annotated(MILL)
    assert not [q.text for q in ann.quotes if words in q.text]


@pytest.mark.parametrize(("words", "speaker"), [
    ("You knew everybody", "Gary Whitlock"),
    ("price of pulp", "Gary Whitlock"),  # Carl Brandt, named in the participle, does not speak
])
def test_quote_after_a_participle_keeps_the_speaker(words: str, speaker: str) -> None:
    _, ann = annotated(MILL)
    assert quote_with(ann, words).speaker_name == speaker


def test_someone_new_in_the_next_sentence_ends_the_scene() -> None:
    _, ann = annotated(MILL)
    q = quote_with(ann, "much better about it")  # Betty, not Tom, but nothing says so: nobody
    assert q.speaker_name is None


@pytest.mark.parametrize(("paragraph", "content", "speaker"), [
    ("“It is over,” Tom Baker said, adding that the shop would close in May.",
     "that the shop would close in May", "Tom Baker"),
    ("“We tried everything,” said Jane Oduya, noting that the council had refused every request.",
     "that the council had refused every request", "Jane Oduya"),
    ("“We will win, I think. Let’s see what happens,” said Jane Oduya, adding that the count was not over.",
     "that the count was not over", "Jane Oduya"),  # the quote's speaker, never "Let’s see what" inside it
    ("Jane Oduya said the shop “would not close,” a former manager recalled, adding that Oduya said of the lease: "
     "“It is signed.”", "that Oduya said of the lease: “It is signed.”", None),  # the manager's, never Oduya's
])
def test_reporting_participle_after_a_quote_is_the_quoted_speakers(paragraph: str, content: str, speaker: str) -> None:
    _, ann = annotated("Shop to close\n\n" + paragraph + "\n")
    q = quote_with(ann, content)
    assert (q.text, q.kind, q.speaker_name) == (content, "indirect", speaker)


def test_said_somewhere_that_reports_the_that_clause() -> None:
    _, ann = annotated(MILL)
    q = quote_with(ann, "sends a message")
    assert (q.text, q.kind, q.speaker_name) == ("that the sentence “sends a message.”", "mixed", "Lisa Tran")


def test_dateline_is_not_part_of_a_clause_reported_before_its_attribution() -> None:
    _, ann = annotated("Gas ban\n\nMONTREAL — Montreal will ban gas heating in new buildings from next year, Mayor "
                       "Valérie Plante announced Thursday.\n")
    q = quote_with(ann, "gas heating")
    assert (q.text, q.speaker_name) == ("Montreal will ban gas heating in new buildings from next year",
                                        "Valérie Plante")


@pytest.mark.parametrize("dateline", ["MILLERSBURG, Ohio (AP) — ", "HALIFAX, N.S. — ", "YARMOUTH, Nova Scotia — "])
def test_dateline_with_its_state_or_province_is_not_part_of_the_clause(dateline: str) -> None:
    _, ann = annotated("Driveway\n\n" + dateline + "A township trustee used a public road crew to pave his driveway, "
                       "according to a complaint filed Monday.\n")
    q = quote_with(ann, "road crew")
    assert q.text == "A township trustee used a public road crew to pave his driveway"


@pytest.mark.parametrize(("sentence", "content"), [
    ("Council leader Andrew Jefferies said the leak had “put taxpayers’ money at risk” and referred the matter to the "
     "monitoring officer.", "the leak had “put taxpayers’ money at risk”"),  # his act, not his words
    ("Council leader Andrew Jefferies said the road was “a death trap” and needed lights.",
     "the road was “a death trap” and needed lights"),  # the road needed them: still what he said
])
def test_act_after_a_closing_quote_mark_is_not_what_was_said(sentence: str, content: str) -> None:
    _, ann = annotated("Leak row\n\n" + sentence + "\n")
    assert quote_with(ann, "“").text == content


def test_quotes_a_participle_after_a_document_inside_a_report_is_the_documents() -> None:
    # "warning that ..." is the email's, not what the councillor said; "adding that ..." stays the speaker's
    _, ann = annotated("Deal\n\nCllr Nadia Brennan said she had seen an email from a senior officer, dated June "
                       "2023, warning that costs had risen sharply. Cllr Robert Kemp said he had read the report, "
                       "adding that it was flawed. The trust said it could not file its annual statement in time, "
                       "warning that it could run out of money.\n")
    assert [(q.text, q.speaker_name or q.speaker_description) for q in ann.quotes] == [
        ("she had seen an email from a senior officer, dated June 2023", "Nadia Brennan"),
        ("he had read the report", "Robert Kemp"), ("that it was flawed", "Robert Kemp"),
        ("it could not file its annual statement in time", "the trust"), ("that it could run out of money", "the trust")]


@pytest.mark.parametrize("told", ["told the Echo", "told reporters on Monday"])
def test_quotes_a_participle_after_a_quote_and_told_with_its_hearer(told: str) -> None:
    # '"…," a spokesperson told the Echo, adding that ...': the spokesperson's too, past the hearer
    text = f'Deal\n\n"We are reviewing the case," Cllr Robert Kemp {told}, adding that staff had been upset.\n'
    _, ann = annotated(text)
    assert [(q.text, q.speaker_name) for q in ann.quotes] == [
        ("We are reviewing the case,", "Robert Kemp"), ("that staff had been upset", "Robert Kemp")]
