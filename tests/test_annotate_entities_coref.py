"""In-document resolution: Mr/Ms/Cllr + surname, bare surnames, role nouns, same-surname people."""

from __future__ import annotations

from storyline.annotate.entities import find_entities
from storyline.annotate.structure import segment
from storyline.model import Entity, Mention


def _run(text: str) -> tuple[list[Mention], list[Entity]]:
    blocks, sentences = segment(text)
    return find_entities(text, blocks, sentences)


def _people(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.text, m.entity, m.kind) for m in mentions if m.type == "person"]


def test_coref_honorific_and_bare_surname_resolve_to_full_name() -> None:
    text = ("Daniel Okafor, the interim chief executive, spoke first. Mr Okafor said the budget was tight. "
            "Okafor's deputy disagreed, but Okafor insisted.")
    mentions, entities = _run(text)
    people = _people(mentions)
    assert ("Daniel Okafor", "e1", "name") in people
    assert ("Mr Okafor", "e1", "title") in people
    assert [p for p in people if p[2] == "surname"] == [("Okafor", "e1", "surname"), ("Okafor", "e1", "surname")]
    assert entities[0].name == "Daniel Okafor"
    assert "Mr Okafor" in entities[0].aliases


def test_coref_councillor_title_resolves() -> None:
    text = "Councillor Priya Shah tabled the motion. Cllr Shah said it was overdue. Ms Shah then left."
    mentions, _ = _run(text)
    assert _people(mentions) == [
        ("Priya Shah", "e1", "name"), ("Cllr Shah", "e1", "title"), ("Ms Shah", "e1", "title"),
    ]


def test_coref_two_people_with_one_surname_are_not_merged() -> None:
    text = ("Priya Shah, the opposition leader, and her brother Ravi Shah, a local landlord, disagree. "
            "Ms Shah said the scheme was flawed. Mr Shah said it was fair. Shah later declined to comment.")
    mentions, entities = _run(text)
    people = _people(mentions)
    priya = next(e.id for e in entities if e.name == "Priya Shah")
    ravi = next(e.id for e in entities if e.name == "Ravi Shah")
    assert priya != ravi
    assert ("Ms Shah", priya, "title") in people
    assert ("Mr Shah", ravi, "title") in people
    assert not any(p[0] == "Shah" for p in people)  # bare "Shah" is ambiguous: no mention at all


def test_coref_ambiguous_honorific_creates_no_mention() -> None:
    text = "Alex Morgan and Sam Morgan run the depot. Dr Morgan said the buses were safe."
    mentions, entities = _run(text)
    assert not any(m.text == "Dr Morgan" for m in mentions)
    assert len([e for e in entities if e.type == "person"]) == 2


def test_coref_role_noun_resolves_to_the_one_holder() -> None:
    text = ("Mayor Grace Hughes opened the meeting. Councillor Tom Reid asked a question. "
            "The mayor said the figures were wrong, and the councillor disagreed.")
    mentions, _ = _run(text)
    roles = [(m.text, m.entity) for m in mentions if m.kind == "role"]
    assert roles == [("The mayor", "e1"), ("the councillor", "e2")]


def test_coref_role_noun_with_two_holders_is_left_alone() -> None:
    text = "Cllr Ann Price and Cllr Bo Lund voted. The councillor who proposed it was absent."
    mentions, _ = _run(text)
    assert not any(m.kind == "role" for m in mentions)


def test_coref_deputy_mayor_is_not_the_mayor() -> None:
    text = "The deputy mayor, Carol Whitcombe, deputised. The mayor was abroad."
    mentions, _ = _run(text)
    assert [(m.text, m.kind) for m in mentions if m.type == "person"] == [
        ("The deputy mayor", "role"), ("Carol Whitcombe", "name"),
    ]


def test_coref_headline_surname_resolves_to_later_full_name() -> None:
    text = "Okafor hits back at critics\n\nDaniel Okafor, the interim chief executive, said the report was unfair."
    mentions, _ = _run(text)
    assert _people(mentions)[:2] == [("Okafor", "e1", "surname"), ("Daniel Okafor", "e1", "name")]


def test_coref_surname_only_person_with_honorific() -> None:
    text = "Mrs Castell wrote to the council. Mrs Castell said nobody replied."
    mentions, entities = _run(text)
    assert _people(mentions) == [("Mrs Castell", "e1", "title"), ("Mrs Castell", "e1", "title")]
    assert entities[0].gender == "female"


def test_coref_initial_and_full_first_name_merge() -> None:
    text = "J. Hargreaves signed the letter. James Hargreaves later confirmed it."
    mentions, entities = _run(text)
    assert len({m.entity for m in mentions if m.type == "person"}) == 1
    assert entities[0].name == "James Hargreaves"


def test_coref_entity_ids_follow_first_mention() -> None:
    text = "Ofsted inspected Brackendale. Priya Shah responded for Brackendale Borough Council."
    mentions, entities = _run(text)
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    first_seen = []
    for m in mentions:
        if m.entity not in first_seen:
            first_seen.append(m.entity)
    assert first_seen == [e.id for e in entities]


def test_coref_role_noun_reaches_the_minister_named_earlier() -> None:
    text = ("Records show that the Children’s Minister, Rosalind Ferrier, issued a direction. "
            "Owen Maddox has written to the minister about it.")
    mentions, entities = _run(text)
    ferrier = next(e.id for e in entities if e.name == "Rosalind Ferrier")
    assert ("the minister", ferrier, "role") in _people(mentions)


def test_coref_a_given_name_alone_is_the_person_named_in_full_when_no_one_else_bears_it() -> None:
    # a feature names ordinary people by their given names: "Agnes said ..." is Agnes Reilly
    text = ("Mill closes\n\nAgnes Reilly worked at the mill for 41 years. Her husband, Tom, was a mechanic. "
            "The union's ‘Little Agnes’ banner hung in the canteen.\n\nAgnes said she would miss the noise. "
            "In May the firm announced the closure.\n")
    blocks, sentences = segment(text)
    mentions, entities = find_entities(text, blocks, sentences)
    agnes = next(e for e in entities if e.name == "Agnes Reilly")
    found = [text[m.start : m.end] for m in mentions if m.entity == agnes.id]
    assert found == ["Agnes Reilly", "Agnes"]  # the subject, not the banner's name inside quotation marks
    assert not [e for e in entities if e.name == "May"]


def test_coref_a_given_name_that_is_a_place_is_never_the_person_alone() -> None:
    text = "Gala\n\nThe gala opened at six. Jordan Weir sang.\n\nJordan said the night raised 4,000 pounds.\n"
    blocks, sentences = segment(text)
    mentions, entities = find_entities(text, blocks, sentences)
    weir = next(e for e in entities if e.name == "Jordan Weir")
    assert [text[m.start : m.end] for m in mentions if m.entity == weir.id] == ["Jordan Weir"]


def test_coref_a_shared_surname_is_the_person_named_before_it() -> None:
    """Two people share a surname: before the second is named, the bare surname can only be the first ("Colleen
    Marsh ... Marsh said ... Her husband, Ben Marsh"); once both are named it is nobody's."""
    text = ("Strike\n\nColleen Marsh leads the nurses. \"We are asking to go home in one piece,\" Marsh said. Her "
            "husband, Ben Marsh, is a paramedic. Marsh said the union would wait.\n")
    mentions, entities = _run(text)
    names = {e.id: e.name for e in entities}
    surnames = [(m.start, names[m.entity]) for m in mentions if text[m.start : m.end] == "Marsh"]
    first = text.index("Marsh said")
    assert surnames == [(first, "Colleen Marsh")]


def test_coref_a_relative_named_by_a_given_name_is_the_person_later_named_in_full() -> None:
    """ "Colleen Marsh and her husband, Ben, ..." then "Ben Marsh says": one Ben, who holds the role; his given name
    gives no surname, so "says Marsh" before his full name is still Colleen's."""
    text = ("Strike\n\nColleen Marsh and her husband, Ben, both work at the hospital. \"We are tired,\" says Marsh, a "
            "nurse on the cardiac ward. Ben Marsh says the union will wait.\n")
    mentions, entities = _run(text)
    names = {e.id: e.name for e in entities}
    ben = next(e for e in entities if e.name == "Ben Marsh")
    assert [r.role for r in ben.roles] == ["husband"]
    assert "Ben" not in names.values()
    says = text.index("Marsh, a")
    assert [names[m.entity] for m in mentions if m.start == says] == ["Colleen Marsh"]
