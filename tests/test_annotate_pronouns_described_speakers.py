"""A pronoun after the quote of someone described, not named ("A council spokeswoman said ... '…,' she added"):
the description is carried, never the name of someone quoted earlier; a description of the other gender ends the
scene; a question's asker is not who answers it. Also words that look like a speaker or a quote and are not:
"said the same", a reporting verb used as a noun, a plea in court, a signed quote after a role."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

BRIDGE = (
    "Bridge closure will leave village stranded, residents say\n\n"
    "“Nobody asked us,” said Margaret Oduya, 71, who has lived in the village for forty years.\n\n"
    "A council spokesperson said the work could not be delayed any further. “The deck has reached the end of its "
    "safe life,” she said.\n\n"
    "Margaret Oduya said the shuttle bus was too little, too late. A county council spokeswoman said the bus would "
    "run every hour. “We have listened to every complaint,” she added.\n\n"
    "Tom Baker said the diversion was dangerous. A police spokesman said officers would patrol the lanes. “We will be "
    "visible every night,” he said.\n\n"
    "Tom Baker said the council had ignored the parish. A police spokeswoman said extra patrols were planned. "
    "“Nobody listens to the village,” he said.\n\n"
    "A reporter for the Mercury asked Ms Oduya whether she would move away. “I was born here and I will die here,” "
    "she replied.\n"
)


@pytest.mark.parametrize(("words", "description"), [
    ("end of its safe life", "a council spokesperson"),  # not Margaret Oduya, quoted in the paragraph before
    ("every complaint", "a county council spokeswoman"),  # not Oduya, named in the same paragraph
    ("visible every night", "a police spokesman"),  # not Tom Baker
])
def test_pronoun_after_a_described_speaker_carries_the_description(words: str, description: str) -> None:
    _, ann = annotated(BRIDGE)
    q = quote_with(ann, words)
    assert q.speaker_name == description and q.speaker_kind == "organisation"
    assert q.speaker is None or ann.entity(q.speaker).type == "organisation"  # type: ignore[union-attr]


def test_pronoun_after_a_described_speaker_of_the_other_gender_is_nobody() -> None:
    _, ann = annotated(BRIDGE)
    q = quote_with(ann, "Nobody listens")  # "he": not the spokeswoman; Tom Baker is out of the scene, so nobody
    assert q.speaker_name is None and q.speaker is None


def test_pronoun_answering_a_question_is_the_one_asked() -> None:
    _, ann = annotated(BRIDGE)
    q = quote_with(ann, "born here")
    assert (q.speaker_name, q.speaker_kind) == ("Margaret Oduya", "person")


def test_pronoun_after_a_definite_description_still_reaches_the_named_speaker() -> None:
    _, ann = annotated(
        "Campaign trail\n\nDonna Trent says she has “big plans” for the final month.\n\n"
        "The Republican nominee noted on Friday that her campaign had spent little on television. She said she "
        "would put the money she raised to good use.\n")
    q = quote_with(ann, "good use")
    assert (q.speaker_name, q.speaker_kind) == ("Donna Trent", "person")


def test_a_described_speaker_is_carried_by_a_new_person_description() -> None:
    _, ann = annotated(
        "Strike vote\n\nMayor Scott Gillingham said he remained hopeful of a deal.\n\n"
        "A bus driver who did not want to be named said morale had never been lower. “We are running on empty,” "
        "he said.\n")
    q = quote_with(ann, "running on empty")
    assert q.speaker is None and q.speaker_name is None
    assert q.speaker_kind == "description" and q.speaker_description is not None
    assert q.speaker_description.lower().startswith("a bus driver")


@pytest.mark.parametrize("text", [
    "Her friend, who did not want to be named, said the same.",  # "the same" is what was said, not who said it
    "His brother, who lives in Leeds and visits every weekend, said much the same thing.",
    "Graham Pettifer, 61, of Wilmslow Road, admitted 11 offences under the Housing Act at Manchester "
    "Magistrates’ Court.",  # a plea, not speech
    "She admitted two counts of fraud at Leeds Crown Court.",
    "Trump’s promises to cut taxes for the rich notwithstanding, analysts agree the top 1 per cent would gain.",
])
def test_no_quote_from_words_that_only_look_like_one(text: str) -> None:
    _, ann = annotated("Court and council\n\n" + text + "\n")
    assert [q.text for q in ann.quotes] == []


def test_a_plea_is_no_quote_but_an_admission_in_words_is() -> None:
    _, ann = annotated("Council apology\n\nThe minister admitted the scheme had been a failure.\n")
    assert [q.text for q in ann.quotes] == ["the scheme had been a failure"]


@pytest.mark.parametrize(("line", "speaker"), [
    ("“Nobody came to look at the bridge before they shut it” – Ashby Parva resident Sue Baines", "Sue Baines"),
    ("‘The new timetable is a sticking plaster’ – parish council chairman Derek Holt", "Derek Holt"),
])
def test_signed_quote_after_a_role_names_the_person(line: str, speaker: str) -> None:
    _, ann = annotated("Bridge row\n\nResidents met on Tuesday to discuss the closure.\n\n" + line + "\n")
    (q,) = ann.quotes
    assert (q.speaker_name, q.speaker_kind) == (speaker, "person")


def test_signed_quote_is_not_given_to_a_name_joined_by_and() -> None:
    _, ann = annotated(
        "Tax returns\n\nA chorus of Republicans has said the same, including Mitt Ronson -- ''It is disqualifying "
        "for a nominee to refuse to release tax returns'' -- and Fred Goldman, a former tax commissioner.\n")
    q = quote_with(ann, "disqualifying")
    assert q.speaker_name != "Fred Goldman"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # the last speaker, named again as a subject after someone else
    ("Climate talks\n\n“From day one, climate was my priority,” said Ben Kiran, the outgoing secretary general.\n\n"
     "Asked whether Donald Trump, who has called warming a hoax, could win, Kiran demurred. “There is just one "
     "science,” he said.\n", "one science", "Ben Kiran"),
    # someone seen is no rival subject
    ("Mosque leader speaks\n\n“We are horrified,” Adel Nafzi said.\n\nNafzi sat in the room where he saw Omar Mateo "
     "for the last time on Friday. He said that about 120 others were there for evening prayers.\n",
     "evening prayers", "Adel Nafzi"),
])
def test_pronoun_keeps_the_last_speaker_against_people_named_in_passing(text: str, words: str, speaker: str) -> None:
    _, ann = annotated(text)
    assert quote_with(ann, words).speaker_name == speaker


def test_pronoun_ending_a_quote_over_paragraphs_reaches_before_its_first() -> None:
    _, ann = annotated(
        "Estate rejected\n\nSpeaking at the meeting, resident Joan Pritchard told the committee the lane flooded "
        "twice a year.\n\n“Put 400 more homes up there and where does the water go? Into my kitchen.\n\n"
        "“I’ve lived here 52 years. I’ve never seen it this bad,” she said.\n")
    assert [quote_with(ann, words).speaker_name for words in ("my kitchen", "52 years")] == ["Joan Pritchard"] * 2


def test_a_described_subject_with_a_who_clause_says_what_follows() -> None:
    """ "His neighbour, who did not want to be named, said the droppings covered her car every day": the
    neighbour said it (the who-clause had been taken for the quote and the droppings for its speaker)."""
    _, ann = annotated("Pigeons\n\nHis neighbour, who did not want to be named, said the droppings covered her car "
                       "every day.\n")
    assert [(q.text, q.speaker_description) for q in ann.quotes] == [
        ("the droppings covered her car every day", "his neighbour")]
