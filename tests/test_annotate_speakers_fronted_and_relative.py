"""Subjects that do not start their clause: after a time phrase fronted inside the sentence ("..., but on Tuesday
she said"), after a day with no comma ("On Tuesday Holt said": the speaker is Holt, not "Tuesday Holt"), and a
described subject qualified by a relative clause without commas ("Tenants who live near the depot say ...")."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

RINK = (
    "Rink roof repairs slip to spring\n\n"
    "Councillor Dana Pryor had long backed the contractor, but on Tuesday she said the city had been let down. "
    "Mayor Joan Holt met the firm, Rinkline, last month. On Tuesday Holt said the roof would be fixed by spring.\n\n"
    "Councillor Ray Dunn asked for an audit. Last week Dunn told reporters the rink had lost its winter bookings.\n\n"
    "Parents who book the ice for youth hockey say the club has lost half its players. Though skaters who use "
    "the rink on weekends say they will wait, they want a date. Volunteers who had already been told stayed home.\n"
)


def _mention(text: str, quote_words: str) -> str:
    _, ann = annotated(text)
    q = quote_with(ann, quote_words)
    assert q.speaker_mention is not None
    return text[q.speaker_mention[0] : q.speaker_mention[1]]


TRUST = (
    "Council denies it was forced into trust\n\n"
    "Councillor Mark Ellis took the trust deal to cabinet in April. A fortnight later Ellis announced that the "
    "council had chosen to work with Northgate Trust. Two days later Ellis said the minister had played no part.\n\n"
    "Ellis denied misleading anyone. In a statement he said: \u201cThe final decision was taken by cabinet.\u201d\n\n"
    "His deputy, Nadia Rowe, backed him. In an interview she said that the minutes were clear.\n"
)


@pytest.mark.parametrize(("words", "mention", "speaker"), [
    ("chosen to work", "Ellis", "Mark Ellis"),  # not "A fortnight later Ellis"
    ("no part", "Ellis", "Mark Ellis"),
    ("taken by cabinet", "he", "Mark Ellis"),  # "In a statement he said:": not a speaker "a statement he"
    ("minutes were clear", "she", "Nadia Rowe"),
])
def test_a_fronted_phrase_with_no_comma_is_no_part_of_the_speaker(words: str, mention: str, speaker: str) -> None:
    _, ann = annotated(TRUST)
    assert quote_with(ann, words).speaker_name == speaker
    assert _mention(TRUST, words) == mention


LETTER = (
    "Village school faces closure\n\n"
    "Principal Joanne Reeve would not be interviewed, but in a letter to families seen by the Herald she wrote that "
    "teachers were “heartbroken” by the plan.\n\n"
    "“We will fight for every one of these children,” the letter said.\n"
)


def test_subject_after_a_phrase_opening_a_clause_inside_the_sentence() -> None:
    _, ann = annotated(LETTER)
    assert quote_with(ann, "heartbroken").speaker_name == "Joanne Reeve"
    assert _mention(LETTER, "heartbroken") == "she"


def test_the_document_a_person_wrote_in_speaks_for_them() -> None:
    # "in a letter ... she wrote that ...", then "“…,” the letter said": her letter, not the Herald's
    _, ann = annotated(LETTER)
    assert quote_with(ann, "every one of these").speaker_name == "Joanne Reeve"


def test_subject_after_a_time_phrase_inside_the_sentence() -> None:
    _, ann = annotated(RINK)
    q = quote_with(ann, "let down")
    assert (q.text, q.speaker_name) == ("the city had been let down", "Dana Pryor")


@pytest.mark.parametrize(("words", "mention", "speaker"), [
    ("fixed by spring", "Holt", "Joan Holt"),
    ("winter bookings", "Dunn", "Ray Dunn"),
])
def test_a_day_before_a_name_is_no_part_of_the_speaker(words: str, mention: str, speaker: str) -> None:
    _, ann = annotated(RINK)
    assert quote_with(ann, words).speaker_name == speaker
    assert _mention(RINK, words) == mention


@pytest.mark.parametrize(("words", "mention", "text"), [
    ("half its players", "Parents who book the ice for youth hockey", "the club has lost half its players"),
    ("will wait", "skaters who use the rink on weekends", "they will wait"),
])
def test_a_described_subject_with_a_relative_clause_is_the_speaker(words: str, mention: str, text: str) -> None:
    _, ann = annotated(RINK)
    q = quote_with(ann, words)
    assert q.text == text
    assert _mention(RINK, words) == mention


def test_a_relative_clause_of_auxiliaries_only_has_no_subject_of_its_own() -> None:
    # "Volunteers who had already been told stayed home": "told" is the relative clause's own verb
    _, ann = annotated(RINK)
    assert not [q for q in ann.quotes if "stayed home" in q.text or "Volunteers" in q.text]


def test_a_names_relative_clause_with_its_own_reporting_verb_gives_no_description() -> None:
    doc, ann = annotated("Rink reopens\n\nThe vote was close. Evans, who backed the plan and said it would pass, "
                         "did not vote. Holmes, who endorsed Carver in late May and said he would campaign with him, "
                         "ultimately did not show up.\n")
    for q in ann.quotes:
        assert q.speaker_mention is not None
        assert "who" not in doc.text[q.speaker_mention[0] : q.speaker_mention[1]]


@pytest.mark.parametrize(("text", "name", "description", "members"), [
    ("Executives who have worked with Lachlan Barr say he shares his father's views.",
     "executives who have worked with Lachlan Barr", None, []),  # a group; Barr is no member of it
    ("The inspector who wrote the report said the rink was unsafe.",
     None, "the inspector who wrote the report", []),  # a person described, not the report
])
def test_a_subject_with_a_relative_clause_is_a_group_or_a_description(
        text: str, name: str | None, description: str | None, members: list[str]) -> None:
    _, ann = annotated("Rink\n\nCouncillor Ray Dunn asked for an audit. " + text + "\n")
    [q] = [q for q in ann.quotes if q.speaker_name != "Ray Dunn"]
    assert (q.speaker_name, q.speaker_description, q.speaker_members) == (name, description, members)


def test_an_adverb_before_an_adjective_ends_no_subject() -> None:
    # "charged" is an adjective here: "Britain's emotionally" had been a speaker
    _, ann = annotated("Vote\n\nFor the mayor, Ashford's emotionally charged revolt against the council is the sort "
                       "of victory she fears in May.\n")
    assert ann.quotes == []


@pytest.mark.parametrize(("text", "mention"), [
    ("Later in the broadcast, Pastor Ray Swann praised campaigner Franklin Gale, who has publicly vowed not to "
     "use the rink again.", "Franklin Gale"),
    ("The vote was close. One such critic was Councillor Franklin Gale, who claimed the rink was losing money.",
     "Councillor Franklin Gale"),
    ("Ah, friends once more: Mayor Ray Dunn endorses Franklin Gale, who claimed the rink was losing money.",
     "Franklin Gale"),
])
def test_the_person_a_who_clause_is_about_is_named_without_the_words_before(text: str, mention: str) -> None:
    assert _mention("Rink\n\n" + text + "\n", "rink again" if "vowed" in text else "losing money") == mention


def test_what_a_who_clause_reports_ends_before_the_main_clause() -> None:
    # "..., who claimed the rink was losing money, voted no": "voted no" is what Gale did, not what was said
    _, ann = annotated("Rink\n\nThe vote was close. Councillor Franklin Gale, who claimed the rink was losing "
                       "money, voted no. Councillor Amy Roe, who said the rink, which opened in 1990, was safe, "
                       "abstained.\n")
    assert [q.text for q in ann.quotes] == ["the rink was losing money", "the rink, which opened in 1990, was safe"]


def test_a_sentence_adverb_before_the_subject_is_no_part_of_it() -> None:
    text = ("Rink\n\nThe audit was short. Instead, Councillor Ray Dunn and Councillor Amy Roe argued that the rink "
            "should close.\n")
    assert _mention(text, "should close") == "Councillor Ray Dunn and Councillor Amy Roe"


@pytest.mark.parametrize(("sentence", "mention"), [
    ("The head of the company that runs the rink told councillors on Tuesday that the audit was wrong.",
     "The head of the company that runs the rink"),
    ("The report that the council published says the roof is unsafe.", "The report that the council published"),
])
def test_a_described_subject_with_a_that_clause_is_the_speaker(sentence: str, mention: str) -> None:
    # "the council published" had been the speaker of the second
    text = "Rink\n\nThe audit was short. " + sentence + "\n"
    assert _mention(text, "audit was wrong" if "audit" in sentence else "roof is unsafe") == mention


def test_the_end_of_a_relative_clause_is_no_subject_of_the_main_verb() -> None:
    # "..., which is made up of investors and developers, said ...": the developers said nothing
    _, ann = annotated("Visa scheme\n\nRuth Oakes, a Leeds-based developer and spokeswoman for the Housing "
                       "Investment Coalition, which is made up of investors and developers, said many of the examples "
                       "that critics point to were misleading.\n")
    assert not [q for q in ann.quotes if q.speaker_name == "developers" or q.speaker_description == "developers"]


@pytest.mark.parametrize(("sentence", "content", "mention"), [
    ("The Red River approaches a crest that forecasters say could rival the flood of 2011.",
     "could rival the flood of 2011", "forecasters"),
    ("Councillors backed a plan that critics say will raise taxes by 9 per cent.",
     "will raise taxes by 9 per cent", "critics"),
])
def test_a_report_inside_a_relative_clause_says_what_follows_of_the_noun(
        sentence: str, content: str, mention: str) -> None:
    text = "Rink\n\nThe audit was short. " + sentence + "\n"
    _, ann = annotated(text)
    assert [q.text for q in ann.quotes] == [content]
    assert _mention(text, content) == mention


def test_a_relative_clause_holding_a_report_is_no_described_subject() -> None:
    # "The report that MPs say confirms the failures was published": no speaker "The report that MPs say"
    _, ann = annotated("Rink\n\nThe audit was short. The report that MPs say confirms the failures was published "
                       "on Monday.\n")
    assert ann.quotes == []


@pytest.mark.parametrize(("sentence", "content", "mention"), [
    ("Council approved the fare rise despite objections from riders who say the service is already unreliable.",
     "the service is already unreliable", "riders"),
    ("The plan drew support from residents who said they wanted the park kept open.",
     "they wanted the park kept open", "residents"),  # had been "The plan drew support from residents who"
])
def test_a_group_saying_something_in_a_relative_clause_at_the_end_of_the_sentence(
        sentence: str, content: str, mention: str) -> None:
    text = "Ferry\n\nThe vote was close. " + sentence + "\n"
    assert _mention(text, content) == mention


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Holt criticised Councillor Ray Dunn and Councillor Amy Roe, who say the rink is losing money.", None),  # both
    ("Holt criticised Councillor Ray Dunn and Councillor Amy Roe, who says the rink is losing money.", "Amy Roe"),
])
def test_a_who_clause_after_two_people_agrees_in_number(sentence: str, speaker: str | None) -> None:
    _, ann = annotated("Rink\n\nMayor Jane Holt spoke on Tuesday. " + sentence + "\n")
    assert [q.speaker_name for q in ann.quotes if "losing money" in q.text] in ([speaker], [] if speaker is None else 0)


def test_the_subject_before_a_relative_clause_speaks_the_main_clause() -> None:
    # "Gale, who said ..., said ...": the main clause's report had been lost (and, under a one-word title line,
    # the who-clause's too: "Rink" had read as the end of a longer name); "The trust, which runs ..., said":
    # the trust's, where it had been nobody's
    _, ann = annotated("Rink\n\nCouncillor Franklin Gale, who said he had skated there as a boy, said the rink "
                       "should stay open. The Ridgeway Trust, which runs the pool and the library, said the roof "
                       "was its first concern. Councillor Amy Roe, who says the audit was rushed, said Ridgeway "
                       "families deserve better.\n")
    assert [(q.text, q.speaker_name) for q in ann.quotes] == [
        ("he had skated there as a boy", "Franklin Gale"),
        ("the rink should stay open", "Franklin Gale"),
        ("the roof was its first concern", "the Ridgeway Trust"),
        ("the audit was rushed", "Amy Roe"),  # not "the audit was rushed, said Ridgeway families deserve better"
        ("Ridgeway families deserve better", "Amy Roe"),
    ]


@pytest.mark.parametrize("before", ["support from", "a letter signed by", "a meeting with"])
def test_a_who_clause_after_from_by_or_with_is_about_the_name(before: str) -> None:
    text = f"Rink\n\nThe plan won {before} Councillor Amy Roe, who said the rink was losing money.\n"
    assert _mention(text, "losing money") == "Councillor Amy Roe"


@pytest.mark.parametrize(("sentence", "mention"), [
    # a relative clause after an apposition: the name, not the description nor the noun of the relative clause
    ("Councillor Dana Pryor, a former chair of the rink trust, whose roots are in the old mill town, said the roof "
     "had to be fixed.", "Councillor Dana Pryor"),
    ("Ruth Oakes, a spokeswoman for the Rink Users Coalition, which is made up of clubs and parents, said the roof "
     "had to be fixed.", "Ruth Oakes"),
])
def test_a_relative_clause_after_an_apposition_leaves_the_name_as_the_speaker(sentence: str, mention: str) -> None:
    assert _mention("Rink\n\n" + sentence + "\n", "roof had to be fixed") == mention


@pytest.mark.parametrize(("sentence", "mention"), [
    # "who" after "a spokesperson for the ...": the described person, never the organisation at the end
    ("“Publishing orders is good,” said a spokesperson for the Ridgeway Tenants’ Union, who added that the rink "
     "had been losing money.", "a spokesperson for the Ridgeway Tenants’ Union"),
    # a described person with a who-clause that reports, before the main clause
    ("A friend of the coach, who said the rink had been losing money for years, described him as gentle.",
     "A friend of the coach"),
    ("The director of the Ridgeway home, who said the rink had been losing money, refused to comment further.",
     "The director of the Ridgeway home"),
])
def test_a_who_clause_after_a_description_is_about_the_described_person(sentence: str, mention: str) -> None:
    assert _mention("Rink\n\n" + sentence + "\n", "losing money") == mention


@pytest.mark.parametrize("sentence", [
    "Mayor Joan Holt said she had spoken with Councillor Amy Roe, who promised to keep the rink open all winter.",
    "Mayor Joan Holt said she had met a friend of the coach, who said the rink would stay open all winter.",
])
def test_a_who_clause_inside_a_report_is_part_of_it(sentence: str) -> None:
    # what the mayor said runs to the end: the report of the person she spoke to is inside hers, not a cut in it
    _, ann = annotated("Rink\n\n" + sentence + "\n")
    q = quote_with(ann, "she had")
    assert (q.text, q.speaker_name) == (sentence[sentence.index("she had") : -1], "Joan Holt")


def test_a_who_clause_report_inside_a_report_is_kept_as_its_own() -> None:
    _, ann = annotated("Rink\n\nMayor Joan Holt said she had spoken with Councillor Amy Roe, who promised to keep "
                       "the rink open all winter.\n")
    assert [(q.text, q.speaker_name) for q in ann.quotes][1] == ("to keep the rink open all winter", "Amy Roe")


@pytest.mark.parametrize(("sentence", "mention"), [
    # a restrictive "whose" clause describes the subject as "who" does: the person or group it singles out
    ("A man whose car was damaged at the rink said the club should pay.", "A man whose car was damaged at the rink"),
    ("Parents whose children skated on Sundays say the club should pay.", "Parents whose children skated on Sundays"),
])
def test_a_described_subject_with_a_whose_clause_is_the_speaker(sentence: str, mention: str) -> None:
    text = "Rink\n\n" + sentence + "\n"
    _, ann = annotated(text)
    q = quote_with(ann, "club should pay")
    assert text[q.speaker_mention[0] : q.speaker_mention[1]] == mention  # type: ignore[index]
    if mention.startswith("A "):  # one person described, unresolved
        assert (q.speaker_kind, q.speaker_name, q.speaker_description) == ("description", None, mention.lower())
    else:
        assert (q.speaker_kind, q.speaker_name) == ("group", mention[0].lower() + mention[1:])


def test_a_whose_clause_without_a_verb_of_its_own_is_the_reports_subject() -> None:
    # "The coach whose letter first revealed that ...": the letter reveals; "the coach whose letter first" is nobody
    _, ann = annotated("Rink\n\nThe coach whose letter first revealed that the club had lost money resigned on "
                       "Monday.\n")
    assert all(q.speaker_description != "the coach whose letter first" for q in ann.quotes)


def test_a_described_subject_with_its_clause_and_a_who_aside_is_the_speaker() -> None:
    # "A mother whose two sons skate there, who asked not to be named, told the Echo ...": the mother
    text = ("Rink\n\nA mother whose two sons skated there, who asked not to be named, told the Echo the rink had been "
            "losing money.\n")
    assert _mention(text, "losing money") == "A mother whose two sons skated there"
