"""Indirect speech whose subject and verb are kept apart by a party tag or by when it was said, and reported
clauses that open with "much of": the speaker is the subject, the content starts after the verb (or its hearer)."""

from __future__ import annotations

import pytest

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
