"""Indirect speech whose subject and verb are kept apart by a party tag or by when it was said, and reported
clauses that open with "much of": the speaker is the subject, the content starts after the verb (or its hearer).
Also what sits around the verb: a role before the name after an inverted verb, "warned" with or without a
hearer, who-clauses and relative pronouns in the subject, a say-verb followed by its own clause."""

from __future__ import annotations

import pytest

from storyline.annotate.entities import find_entities
from storyline.annotate.quotes import find_quotes
from storyline.annotate.structure import segment
from storyline.model import Quote

from .test_annotate_quotes_patterns import Person, quotes_of

LEE: Person = ("Ann Lee", "female", ["Cllr Ann Lee", "Lee"])
WARREN: Person = ("Elizabeth Warren", "female", ["Sen. Elizabeth Warren", "Warren"])
ODUYA: Person = ("Jane Oduya", "female", ["Oduya", "Ms Oduya"])
PRICE: Person = ("Amy Price", "female", ["Councillor Amy Price", "Price"])
ADEL: Person = ("Sheldon Adler", "male", ["Adler", "Mr Adler"])

CASES = [
    ("Cllr Ann Lee (Lab) said the council had failed to act on the warnings.", LEE,
     "the council had failed to act on the warnings"),
    ("Sen. Elizabeth Warren (D-Mass.) said the nominee had been a failure in business.", WARREN,
     "the nominee had been a failure in business"),
    ("Northfield’s mayor, Jane Oduya, on Tuesday said that the depot would stay open until March.", ODUYA,
     "that the depot would stay open until March"),
    ("Ms Oduya last week said the audit had been published in full.", ODUYA,
     "the audit had been published in full"),
    ("Oduya in a statement said the council would appeal against the ruling.", ODUYA,
     "the council would appeal against the ruling"),
    ("Councillor Amy Price told the Echo last week she would stand down in May.", PRICE,
     "she would stand down in May"),
    ("Councillor Amy Price told councillors the savings estimate was conservative.", PRICE,  # a bare plural hearer
     "the savings estimate was conservative"),
    ("Councillor Amy Price told council the controls were inadequate at every step.", PRICE,  # a body as hearer
     "the controls were inadequate at every step"),
    ("Councillor Amy Price told court she had been afraid of the landlord.", PRICE,
     "she had been afraid of the landlord"),
    ("Councillor Amy Price told the court Whitford had sold the drug from a motel room.", PRICE,  # a name opens it
     "Whitford had sold the drug from a motel room"),
    ("Councillor Amy Price told council's public works committee the city had installed shields.", PRICE,
     "the city had installed shields"),  # a possessive hearer
    ("The depot will close in March, Cllr Ann Lee (Lab) said.", LEE,  # a party tag before a trailing verb
     "The depot will close in March"),
    ("Adler said much of his discussion with the minister was about the budget.", ADEL,
     "much of his discussion with the minister was about the budget"),
]


@pytest.mark.parametrize(("text", "person", "content"), CASES)
def test_quotes_speaker_across_tag_or_time(text: str, person: Person, content: str) -> None:
    found = quotes_of(text, [person])
    assert [(q.text, q.kind, q.speaker_name) for q in found] == [(content, "indirect", person[0])]


@pytest.mark.parametrize("text", [
    "He said much of the time.",  # "much of" that opens no clause is not what was said
    "The councillors (Lab) voted to close the depot on Tuesday.",  # a party tag without a reporting verb
])
def test_quotes_no_quote_without_a_reported_clause(text: str) -> None:
    assert quotes_of(text, [ADEL]) == []


HOLLIS: Person = ("Mark Hollis", "male", ["Hollis", "Mr Hollis"])
COMEY: Person = ("James Comey", "male", ["FBI Director James Comey", "Comey"])


@pytest.mark.parametrize(("text", "person", "content"), [
    # the subject of a sentence whose second verb reports speech: past a fronted phrase, to the name in apposition
    ("The council leader, Mark Hollis, defended the plan and said the savings were real.", HOLLIS,
     "the savings were real"),
    ("On Tuesday, the council leader, Mark Hollis, defended the plan and said the savings were real.", HOLLIS,
     "the savings were real"),
    ("Two days later, the mayor, Jane Oduya, hit back, telling the Gazette the figures were wrong.", ODUYA,
     "the figures were wrong"),
    ("Hours later, Oduya returned the compliment, telling reporters “she has been a friend for a long time.”", ODUYA,
     "she has been a friend for a long time."),
    ("Last month, FBI Director James Comey criticized the use of private servers but said no charges were "
     "warranted.", COMEY, "no charges were warranted"),
])
def test_quotes_conjoined_verb_keeps_the_sentence_subject(text: str, person: Person, content: str) -> None:
    found = quotes_of(text, [person])
    assert [(q.text, q.speaker_name) for q in found] == [(content, person[0])]


def test_quotes_description_subject_is_not_cut_before_its_head_noun() -> None:
    text = "The union representative disputed the figures, saying the repairs had improved since March."
    found = quotes_of(text)
    assert [q.text for q in found] == ["the repairs had improved since March"]
    assert found[0].speaker_kind != "person" and "representative" in (found[0].speaker_name or
                                                                        found[0].speaker_description or "")


CRUZ: Person = ("Ted Cruz", "male", ["Senator Ted Cruz", "Cruz"])
TRUMP: Person = ("Donald Trump", "male", ["Mr. Trump", "Trump"])
LASCHET: Person = ("Armin Laschet", "male", ["Laschet"])
SLINKER: Person = ("Dan Slinker", "male", ["Mr. Slinker"])


@pytest.mark.parametrize(("text", "people", "wrong"), [
    # a verb phrase is not a role before a name: not Trump's words
    ("Senator Ted Cruz of Texas stuck to policy at first but gradually turned tougher against Donald Trump, "
     "eventually saying he would not support him.", [CRUZ, TRUMP], "Trump"),
    # "who" after a place that ends a longer phrase is not the place's
    ("Armin Laschet, the leader of the opposition in North-Rhine Westphalia, who suggested that the minister should keep "
     "quiet, was applauded.", [LASCHET], "Westphalia"),
    # ", uses big data ...," is a clause, not an apposition of "Paradata"
    ("Dan Slinker, whose latest start-up, Paradata, uses big data to help brands, said Donald Trump was a candidate "
     "in the spirit of Silicon Valley.", [SLINKER, TRUMP], "Paradata"),
])
def test_quotes_never_the_wrong_speaker(text: str, people: list[Person], wrong: str) -> None:
    assert all(wrong not in (q.speaker_name or "") for q in quotes_of(text, people))
    assert all(wrong not in (q.speaker_name or "") for q in pipeline_quotes(text))  # real sentences and entities


def pipeline_quotes(text: str) -> list[Quote]:
    """Quotes as the pipeline finds them: its own sentences ("Mr." ends none) and entities."""
    blocks, sentences = segment(text)
    mentions, entities = find_entities(text, blocks, sentences)
    return find_quotes(text, blocks, sentences, mentions, entities)


@pytest.mark.parametrize(("text", "person"), [
    ("The recently appointed director Ann Lee said the audit was complete.", LEE),
    ("Ann Lee, who chairs the panel, said the audit was complete.", LEE),
    ("Ann Lee, 79, said the bus never came to the estate.", LEE),
    ("Ann Lee, his wife, said she had not been told about the closure.", LEE),  # "his ..." is an apposition
])
def test_quotes_roles_and_appositions_still_name_the_speaker(text: str, person: Person) -> None:
    assert [q.speaker_name for q in quotes_of(text, [person])] == [person[0]]


@pytest.mark.parametrize(("text", "kind"), [
    ("Save Elm Lodge, the campaign set up by relatives, said the home had been run down on purpose.", "organisation"),
    ("Northfield Against Cuts, a coalition of residents, said the decision was unfair.", "organisation"),
    ("Sam Odell, the union rep, said members would strike in March.", "person"),
    ("Rita Moss, the party’s candidate, said she would win the seat.", "person"),
    # the body before the name: "The company, First Student Canada, said" (a name no entity stands for)
    ("The company, First Student Canada, said it was disappointed by the vote.", "organisation"),
    ("The bus operator, First Student Canada, said it was disappointed by the vote.", "organisation"),
    ("Her husband, Derek Moss, said the family felt abandoned.", "person"),
])
def test_quotes_name_the_apposition_calls_a_body_is_not_a_person(text: str, kind: str) -> None:
    [found] = pipeline_quotes(text)
    assert found.speaker_kind == kind


@pytest.mark.parametrize(("text", "speaker"), [
    # a lowercase role before the name after an inverted verb, the sentence's full stop right after the name
    ("“Our members will not accept layoffs,” said local president Dave Pelletier.", "Dave Pelletier"),
    ('"The freeze has to be paid for somewhere," said city treasurer Linda Evans.', "Linda Evans"),
    ("‘We will be in touch with every family,’ said headteacher Joan Pike.", "Joan Pike"),
    ('"We recognise that our record has not been good enough," said the mayor.', "Rhys Washington"),
])
def test_quotes_inverted_role_then_name_at_the_end_of_the_sentence(text: str, speaker: str) -> None:
    text = "Rhys Washington, the mayor of Birchmere, spoke at the meeting. " + text
    assert [q.speaker_name for q in pipeline_quotes(text)] == [speaker]


EVANS: Person = ("Linda Evans", "female", ["city treasurer Linda Evans", "Evans", "Ms Evans"])


@pytest.mark.parametrize(("text", "content"), [
    # "warned" with no hearer: the noun phrase after it is the reported clause's subject
    ("But city treasurer Linda Evans warned the freeze would have to be paid for somewhere.",
     "the freeze would have to be paid for somewhere"),
    ("Ms Evans warned residents would face higher bills next year.", "residents would face higher bills next year"),
    # with a hearer, what follows it
    ("Ms Evans warned the council it would face a legal challenge.", "it would face a legal challenge"),
])
def test_quotes_warned_with_or_without_a_hearer(text: str, content: str) -> None:
    assert [(q.text, q.speaker_name) for q in quotes_of(text, [EVANS])] == [(content, "Linda Evans")]


@pytest.mark.parametrize("text", [
    "Ms Evans warned the public to stay away from the river.",  # an order to the public, not a reported clause
    "Ms Evans warned of delays on the ring road.",
])
def test_quotes_warned_without_a_clause_reports_nothing(text: str) -> None:
    assert [q.text for q in quotes_of(text, [EVANS]) if q.kind == "indirect"] == []


@pytest.mark.parametrize("text", [
    'A resident who attended the meeting said: "I just want my bin emptied."',
    'A resident who attended the meeting, who asked not to be named, said: "I just want my bin emptied."',
])
def test_quotes_a_described_speaker_with_a_who_clause_is_a_description(text: str) -> None:
    [found] = pipeline_quotes(text)
    assert (found.speaker_name, found.speaker_description) == (None, "a resident who attended the meeting")


def test_quotes_a_reporting_verb_inside_a_relative_clause_reports_nothing_of_its_own() -> None:
    # "wrote" belongs to "The officer who wrote the report": "the report said ..." is no quote of "The officer who";
    # the sentence's own "said" reports, for the officer as described (a person, not a document)
    text = "The officer who wrote the report said the road was unsafe."
    [found] = pipeline_quotes(text)
    assert (found.text, found.speaker_name, found.speaker_description, found.speaker_kind) == (
        "the road was unsafe", None, "the officer who wrote the report", "description")


def test_quotes_many_of_whom_say_is_still_reported() -> None:
    text = "The decision has not gone down well with relatives, many of whom say the council ignored their letters."
    assert [(q.text, q.speaker_description) for q in pipeline_quotes(text)] == [
        ("the council ignored their letters", "many of whom")]


SIDDIQUI: Person = ("Omar Siddiqui", "male", ["Cllr Omar Siddiqui", "Siddiqui", "Councillor Omar Siddiqui"])


@pytest.mark.parametrize("text", [
    # a party tag with the councillor's ward or division, before the verb, after it, and after the quote
    "Cllr Omar Siddiqui (Lab, Stanmore) wrote on Facebook that the closure was a scandal.",
    "Councillor Omar Siddiqui (Labour, Stanmore ward) said the closure was a scandal.",
    "“The closure is a scandal,” said Cllr Omar Siddiqui (Lab, Stanmore).",
    '"The closure is a scandal," Cllr Omar Siddiqui (Lib Dem, St Mary’s and Holt) said.',
    "Cllr Omar Siddiqui (UKIP, Stanmore North) said the closure was a scandal.",
    "“The closure is a scandal,” said Sen. Omar Siddiqui (D-Ohio), who chairs the panel.",
])
def test_quotes_party_tag_with_a_ward(text: str) -> None:
    assert [q.speaker_name for q in quotes_of(text, [SIDDIQUI])] == ["Omar Siddiqui"]


@pytest.mark.parametrize(("text", "speaker"), [
    # an organisation's name, a title and the person's name: seven and eight capitalised words in a row
    ("Waterloo Regional Police Staff Sgt. Mark Hahn said officers were called to the house.", "Mark Hahn"),
    ("“She has all of these weapons,” said South Carolina Democratic Party Chairman Jaime Harrison.", "Jaime Harrison"),
    # a councillor's ward number before the title (Canadian style)
    ('"We need more buses," said Ward 3 Coun. Amanda Lee.', "Amanda Lee"),
    ("Ward 3 Coun. Amanda Lee said the city needed more buses.", "Amanda Lee"),
])
def test_quotes_long_run_of_capitalised_words_before_the_name(text: str, speaker: str) -> None:
    assert [q.speaker_name for q in pipeline_quotes(text)] == [speaker]
