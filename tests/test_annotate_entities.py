"""People, organisations and places: what counts as a name, and what never does."""

from __future__ import annotations

import pytest

from storyline.annotate.entities import find_entities, person_gender
from storyline.annotate.structure import segment
from storyline.model import Entity, Mention


def _run(text: str) -> tuple[list[Mention], list[Entity]]:
    blocks, sentences = segment(text)
    return find_entities(text, blocks, sentences)


def _spans(text: str, mentions: list[Mention], kind: str) -> list[str]:
    """Named mentions of one type (role-noun mentions such as "the mayor" left out)."""
    return [text[m.start : m.end] for m in mentions if m.type == kind and m.kind != "role"]


def test_entities_honorifics_and_titles_mark_people() -> None:
    text = ("Councillor Priya Shah and Dr. Helen Marsh met Mayor Dan Wright on Tuesday. "
            "Sen. Maria Lopez and Professor Kwame Asante were not invited.")
    mentions, entities = _run(text)
    assert _spans(text, mentions, "person") == ["Priya Shah", "Helen Marsh", "Dan Wright", "Maria Lopez", "Kwame Asante"]
    shah = mentions[0]
    assert (shah.start, shah.end) == (text.index("Priya"), text.index("Priya") + len("Priya Shah"))
    assert [e.id for e in entities] == ["e1", "e2", "e3", "e4", "e5"]


def test_entities_accented_given_names_are_known_with_their_gender() -> None:
    """ "Lucía", "Zoë", "Réjean": found as "Lucia", "Zoe", "Rejean"; a name we know gives a person and a gender."""
    text = ("Lucía Ortega read a statement in court. Zoë Brandt and Réjean Lavoie sat behind her. "
            "Søren Holm did not attend.")
    mentions, entities = _run(text)
    assert _spans(text, mentions, "person")[:3] == ["Lucía Ortega", "Zoë Brandt", "Réjean Lavoie"]
    genders = {e.name: person_gender(e) for e in entities}
    assert (genders["Lucía Ortega"], genders["Zoë Brandt"], genders["Réjean Lavoie"]) == ("female", "female", "male")


def test_entities_speech_verb_and_apposition_are_evidence() -> None:
    text = ("Okonkwo Baptiste said the report was late. Ezinne Adaobi, 54, agreed. "
            "Harrow Mendel, the trust's finance director, declined to comment.")
    mentions, _ = _run(text)
    assert _spans(text, mentions, "person") == ["Okonkwo Baptiste", "Ezinne Adaobi", "Harrow Mendel"]


def test_entities_capitalised_words_without_evidence_are_not_people() -> None:
    text = ("However, Yesterday's Meeting was cancelled. On Monday the Council said nothing. "
            "They met in March. Scrutiny Panel Notes were published. He, She and They left.")
    mentions, _ = _run(text)
    assert _spans(text, mentions, "person") == []


def test_entities_organisations() -> None:
    text = ("Harrowgate Borough Council wrote to the Department for Education and the Home Office. "
            "Acme Transit Inc. and Brightpath Children's Trust replied, as did the BBC and Ofsted. "
            "Labour and the Liberal Democrats objected; the Green Party did not.")
    mentions, entities = _run(text)
    assert _spans(text, mentions, "organisation") == [
        "Harrowgate Borough Council", "Department for Education", "Home Office", "Acme Transit Inc.",
        "Brightpath Children's Trust", "BBC", "Ofsted", "Labour", "Liberal Democrats", "Green Party",
    ]
    assert _spans(text, mentions, "person") == []
    assert {e.name for e in entities} >= {"Liberal Democrats", "Labour"}


def test_entities_acronyms_that_are_not_organisations() -> None:
    text = "The FOI request reached the CEO at 9 a.m. on Friday, the MP said, and the UK was told."
    mentions, _ = _run(text)
    assert _spans(text, mentions, "organisation") == []
    assert _spans(text, mentions, "place") == ["UK"]


def test_entities_acronym_defined_after_organisation_is_the_same_entity() -> None:
    text = "The Care Quality Commission (CQC) visited in May. The CQC found failings."
    mentions, entities = _run(text)
    orgs = [m for m in mentions if m.type == "organisation"]
    assert [m.text for m in orgs] == ["Care Quality Commission", "CQC", "CQC"]
    assert len({m.entity for m in orgs}) == 1
    assert entities[0].aliases == ["CQC"]


def test_entities_places() -> None:
    text = ("The firm moved from London to Springfield, Ill., last year. Protests spread across Texas "
            "and in Brackendale, while Downing Street stayed silent.")
    mentions, _ = _run(text)
    places = _spans(text, mentions, "place")
    assert places == ["London", "Springfield", "Ill.", "Texas", "Brackendale"]
    assert "Downing Street" in _spans(text, mentions, "organisation")


def test_entities_saints_highways_and_trails_are_places() -> None:
    """ "Ste. Anne, Man." is one place (no sentence ends at "Ste."), "St. Albert Trail" no man called Albert Trail;
    "St Mary's Primary" stays a school's name, not a place."""
    text = ("Two people were found dead near Ste. Anne, Man., on Saturday. Ste. Anne Mayor Richard Pelletier said the "
            "town was in shock. The crash closed St. Albert Trail and Pembina Highway in St Albans. Pupils at St "
            "Mary's Primary were sent home.")
    blocks, sentences = segment(text)
    assert len(sentences) == 4
    mentions, entities = _run(text)
    assert _spans(text, mentions, "place") == ["Ste. Anne", "Man.", "Ste. Anne", "St. Albert Trail",
                                               "Pembina Highway", "St Albans"]
    assert [e.name for e in entities if e.type == "person"] == ["Richard Pelletier"]


def test_entities_a_role_before_a_name_that_is_also_a_place() -> None:
    """ "health critic France Gélinas" is a person (not the country and a stray surname); "a critic of the contract"
    is no role; "Hertfordshire Fire and Rescue Service" is one body, "the Metropolitan Police and Surrey Police"
    two; "Chelsea Bridge" is a place."""
    text = ("Ontario NDP health critic France Gélinas said the province had ignored warnings. Hertfordshire Fire and "
            "Rescue Service sent crews. The Metropolitan Police and Surrey Police were called. Traffic on Chelsea "
            "Bridge stopped. Samuel Crowther, a council member and frequent critic of the contract, spoke.")
    _, entities = _run(text)
    people = {e.name: e for e in entities if e.type == "person"}
    assert set(people) == {"France Gélinas", "Samuel Crowther"}
    assert [r.role for r in people["France Gélinas"].roles] == ["health critic"]
    assert [r.role for r in people["Samuel Crowther"].roles] == ["council member"]
    assert {e.name for e in entities if e.type == "organisation"} >= {
        "Hertfordshire Fire and Rescue Service", "Metropolitan Police", "Surrey Police"}
    assert "Chelsea Bridge" in {e.name for e in entities if e.type == "place"}


def test_entities_departments_named_by_their_portfolios_and_a_judge_of_the_kings_bench() -> None:
    """ "the Ministry of Housing, Communities and Local Government" is one body (not "Ministry of Housing" and
    nobody), "the Department of Health, Ottawa and Toronto" a body and two places; "Court of King's Bench Justice
    Janet McCreary" is no king: her given name tells her gender."""
    text = ("A spokesman for the Ministry of Housing, Communities and Local Government said no. The Department for "
            "Digital, Culture, Media and Sport agreed. Officials from the Department of Health, Ottawa and Toronto "
            "met. Court of King's Bench Justice Janet McCreary will sentence him.")
    _, entities = _run(text)
    assert [e.name for e in entities if e.type == "organisation"] == [
        "Ministry of Housing, Communities and Local Government", "Department for Digital, Culture, Media and Sport",
        "Department of Health", "Court of King's Bench"]
    judge = next(e for e in entities if e.name == "Janet McCreary")
    assert person_gender(judge) == "female"


def test_entities_a_person_in_apposition_after_a_department_is_no_portfolio() -> None:
    text = "A spokesperson for the Department of Social Development, Jeremy Trevors, said the beds would open."
    mentions, entities = _run(text)
    assert [(e.name, e.type) for e in entities] == [("Department of Social Development", "organisation"),
                                                    ("Jeremy Trevors", "person")]
    assert "Department of Social Development" in _spans(text, mentions, "organisation")


@pytest.mark.parametrize("text", [
    "The executive director of the shelter, Jean-Claude Cormier, said the beds were full.",
    "The executive director of the House of Nazareth, Jean-Claude Cormier, said the beds were full.",
])
def test_entities_a_name_in_apposition_after_a_role_of_something_is_a_person(text: str) -> None:
    _, entities = _run(text)
    assert ("Jean-Claude Cormier", "person") in [(e.name, e.type) for e in entities]


@pytest.mark.parametrize(("text", "bodies"), [
    # "Campaign for ...", "Centre for ...": a body's name, not a person called "Real Ale"
    ("A spokeswoman for the Campaign for Real Ale agreed. The Centre for Cities said prices had risen.",
     ["Campaign for Real Ale", "Centre for Cities"]),
    # a leading "The" does not make the first place two words
    ("The Brighton & Hove Bus Company said it was disappointed.", ["Brighton & Hove Bus Company"]),
    # AFC and Management end a body's name
    ("He loved Sunderland AFC. The building is owned by Greenfield Property Management.",
     ["Sunderland AFC", "Greenfield Property Management"]),
])
def test_entities_bodies_named_whole(text: str, bodies: list[str]) -> None:
    _, entities = _run(text)
    assert [(e.type, e.name) for e in entities] == [("organisation", body) for body in bodies]


def test_entities_jan_is_a_given_name_as_well_as_january() -> None:
    text = ("Former Arizona governor Jan Brewer backed him. The email came from her friend Jan Piercy on 17 Jan 2013. "
            "In Jan Labour won the seat.")
    _, entities = _run(text)
    assert [e.name for e in entities if e.type == "person"] == ["Jan Brewer", "Jan Piercy"]


def test_entities_headline_and_caption_words_are_not_people() -> None:
    text = ("Council Leader Hits Back Over Claims\n\n"
            "Photo: Budget Papers On The Table | Credit: Staff Photographer\n\n"
            "The leader of the council, Alan Hargreaves, said the figures were wrong.")
    mentions, entities = _run(text)
    assert _spans(text, mentions, "person") == ["Alan Hargreaves"]
    assert [e.name for e in entities if e.type == "person"] == ["Alan Hargreaves"]


def test_entities_title_case_headline_name_stops_at_its_surname() -> None:
    """ "Hillary Clinton Wins Delaware Primary": the person is Hillary Clinton, not the whole headline."""
    text = "Hillary Clinton Wins Delaware Primary\n\nHillary Clinton won the state by 20 points, her campaign said."
    mentions, entities = _run(text)
    assert [e.name for e in entities if e.type == "person"] == ["Hillary Clinton"]


@pytest.mark.parametrize("text", ["Traffic on the George Washington Bridge stopped for an hour.",
                                  "They met at Franklin Delano Roosevelt Park on Sunday."])
def test_entities_place_named_after_a_person_is_no_person(text: str) -> None:
    mentions, _ = _run(text)
    assert _spans(text, mentions, "person") == []


def test_entities_caption_naming_a_person_counts() -> None:
    text = "Daniel Okafor at the meeting\n\nPictured: Daniel Okafor at the depot\n\nMr Okafor said it was fine."
    mentions, entities = _run(text)
    people = [m for m in mentions if m.type == "person"]
    assert [m.text for m in people] == ["Daniel Okafor", "Daniel Okafor", "Mr Okafor"]
    assert {m.entity for m in people} == {"e1"}
    assert entities[0].gender == "male"


def test_entities_byline_name_is_a_person() -> None:
    text = "Bus contract scrapped\nBy Jane Doe, Transport Correspondent\n\nThe city council voted on Monday."
    mentions, _ = _run(text)
    assert _spans(text, mentions, "person") == ["Jane Doe"]


def test_entities_person_gender() -> None:
    text = "Ms Achterberg spoke first. Then Sir Ruben Holt and Jordan Pike replied."
    _, entities = _run(text)
    by_name = {e.name: e for e in entities}
    assert person_gender(by_name["Achterberg"]) == "female"
    assert person_gender(by_name["Ruben Holt"]) == "male"
    assert person_gender(by_name["Jordan Pike"]) is None
    assert person_gender(Entity("x", "person", "Fiona Reddy")) == "female"
    assert person_gender(Entity("y", "organisation", "Ofsted")) is None


def test_entities_without_structure_segments_itself() -> None:
    text = "Mayor Grace Hughes resigned. The council met."
    mentions, _ = find_entities(text, [], [])
    assert [(m.text, m.type) for m in mentions] == [("Grace Hughes", "person")]


def test_entities_mention_offsets_are_exact() -> None:
    text = "“We will not back down,” said Cllr. Ruth O'Neill-Adebayo, leader of the Green group."
    mentions, _ = _run(text)
    person = next(m for m in mentions if m.type == "person")
    assert text[person.start : person.end] == person.text == "Ruth O'Neill-Adebayo"


def test_entities_shouted_heading_and_dateline() -> None:
    text = ("CITY HALL SHAKEUP: MAYOR NAMES NEW TRANSIT CHIEF\n\n"
            "PORT ELLISON, Ore. — Mayor Dwight Kessler named Susan Park, a former transit official, on Tuesday.")
    mentions, _ = _run(text)
    assert _spans(text, mentions, "organisation") == []
    assert _spans(text, mentions, "place") == ["PORT ELLISON", "Ore."]
    assert _spans(text, mentions, "person") == ["Dwight Kessler", "Susan Park"]


def test_entities_given_name_beats_place_word() -> None:
    text = "Jordan Pike and Victoria Hill met at Ashby Park on Mill Road."
    mentions, _ = _run(text)
    assert _spans(text, mentions, "person") == ["Jordan Pike", "Victoria Hill"]
    assert _spans(text, mentions, "place") == ["Ashby Park", "Mill Road"]


def test_entities_title_case_headline_needs_the_body() -> None:
    text = ("Grace Period Ends For Council Tenants As Daniel Okafor Steps In\n\n"
            "Daniel Okafor, the interim chief executive, said arrears would be chased.")
    mentions, _ = _run(text)
    assert _spans(text, mentions, "person") == ["Daniel Okafor", "Daniel Okafor"]


def test_entities_a_place_name_after_a_title_is_a_surname() -> None:
    text = ("Local MP Sarah Kent said she had raised the matter. Ms Kent, a former teacher, added that the guidance "
            "was clear. Cllr Derby and Mr Chester also spoke. The bypass runs from Kent to the edge of Derby.")
    mentions, entities = _run(text)
    people = {e.name: e for e in entities if e.type == "person"}
    assert set(people) == {"Sarah Kent", "Derby", "Chester"}
    kent = people["Sarah Kent"]
    assert [text[m.start : m.end] for m in mentions if m.entity == kent.id] == ["Sarah Kent", "Ms Kent"]
    places = [text[m.start : m.end] for m in mentions if m.type == "place"]
    assert places == ["Kent", "Derby"]  # the last sentence's places stay places


def test_entities_american_council_titles_mark_people() -> None:
    text = ("Lakewood Councilmember Patti Belle, Council Member Jane Ruiz and Selectwoman Amy Hart spoke. "
            "Councilmember Tate voted no.")
    mentions, entities = _run(text)
    assert _spans(text, mentions, "person") == ["Patti Belle", "Jane Ruiz", "Amy Hart", "Councilmember Tate"]


@pytest.mark.parametrize("text", [
    "Labour's Peter Haworth and Conservative Neil Barraclough traded blows on Tuesday.",
    "The meeting heard from Conservative Neil Barraclough and Independent Ruth Oakes.",
])
def test_entities_a_party_adjective_before_a_name_leaves_the_person(text: str) -> None:
    # "Conservative Neil Barraclough" in mid-sentence had been nobody at all
    mentions, _ = _run(text)
    assert "Neil Barraclough" in _spans(text, mentions, "person")


def test_entities_a_firm_named_after_its_trade_is_a_body() -> None:
    # "The mill's owner, Castlebrook Textiles, announced ..." had been a person
    text = "The mill's owner, Castlebrook Textiles, announced in March that it would move to Portugal."
    _, entities = _run(text)
    assert [(e.type, e.name) for e in entities if e.name == "Castlebrook Textiles"] == [
        ("organisation", "Castlebrook Textiles")]
