"""Roles and affiliations read from the text, each with its span."""

from __future__ import annotations

from storyline.annotate.entities import find_entities
from storyline.annotate.roles import normalise_role
from storyline.annotate.structure import segment
from storyline.model import Entity, Role


def _people(text: str) -> dict[str, Entity]:
    blocks, sentences = segment(text)
    _, entities = find_entities(text, blocks, sentences)
    return {e.name: e for e in entities if e.type == "person"}


def _role(text: str, role: Role) -> tuple[str, str, str | None, str | None]:
    return role.role, text[role.start : role.end], role.organisation, role.place


def test_roles_title_before_name() -> None:
    text = "Councillor Priya Shah met Children's Minister Tom Baird and Council President Maria Lopez."
    people = _people(text)
    assert _role(text, people["Priya Shah"].roles[0]) == ("councillor", "Councillor", None, None)
    assert _role(text, people["Tom Baird"].roles[0]) == ("Children's Minister", "Children's Minister", None, None)
    assert _role(text, people["Maria Lopez"].roles[0]) == ("Council President", "Council President", None, None)


def test_roles_abbreviated_titles() -> None:
    text = "Cllr Ruth Adeyemi and state Sen. Carla Winters spoke before Gov. Ray Dunmore arrived."
    people = _people(text)
    assert people["Ruth Adeyemi"].roles[0].role == "councillor"
    assert people["Carla Winters"].roles[0].role == "senator"
    assert people["Ray Dunmore"].roles[0].role == "governor"


def test_roles_party_and_role_noun_before_name() -> None:
    text = "Conservative councillor Derek Hollins and Labour MP Jess Ward both voted against."
    people = _people(text)
    assert _role(text, people["Derek Hollins"].roles[0]) == ("councillor", "councillor", "Conservative", None)
    assert _role(text, people["Jess Ward"].roles[0]) == ("MP", "MP", "Labour", None)


def test_roles_party_and_constituency_in_apposition() -> None:
    text = "Owen Maddox, Labour MP for Castlewick North, wrote to the minister."
    role = _people(text)["Owen Maddox"].roles[0]
    assert _role(text, role) == ("MP", "MP", "Labour", "Castlewick North")


def test_roles_apposition_after_name_names_the_council() -> None:
    text = ("Harrowgate Borough Council has appointed a new director. "
            "Daniel Okafor, the council's interim chief executive, said the post was vital.")
    role = _people(text)["Daniel Okafor"].roles[0]
    assert _role(text, role) == ("interim chief executive", "interim chief executive",
                                 "Harrowgate Borough Council", None)


def test_roles_leader_of_group_and_spokeswoman_for() -> None:
    text = ("Priya Shah, leader of the Liberal Democrat group on the council, objected. "
            "Lena Fairweather, a spokeswoman for Acme Transit, declined to comment.")
    people = _people(text)
    assert _role(text, people["Priya Shah"].roles[0]) == ("leader", "leader", "Liberal Democrat group", None)
    assert _role(text, people["Lena Fairweather"].roles[0]) == ("spokeswoman", "spokeswoman", "Acme Transit", None)


def test_roles_apposition_before_name() -> None:
    text = "Last night the deputy mayor, Carol Whitcombe, said: “We listened.” The council's leader, Cllr Alan Hargreaves, agreed."
    people = _people(text)
    assert _role(text, people["Carol Whitcombe"].roles[0]) == ("deputy mayor", "deputy mayor", None, None)
    roles = [_role(text, r) for r in people["Alan Hargreaves"].roles]
    assert ("councillor", "Cllr", None, None) in roles
    assert ("leader", "leader", "council", None) in roles


def test_roles_american_titles() -> None:
    text = "Mayor Dan Wright and Council President Maria Lopez met Acme Transit Inc. chief executive Rob Kell."
    people = _people(text)
    assert people["Dan Wright"].roles[0].role == "mayor"
    role = people["Rob Kell"].roles[0]
    assert _role(text, role) == ("chief executive", "chief executive", "Acme Transit Inc.", None)


def test_roles_no_role_from_unrelated_words() -> None:
    text = "Speaking after the meeting with the mayor, Amira Haddad said she was hopeful."
    assert _people(text)["Amira Haddad"].roles == []


def test_roles_normalise_role() -> None:
    assert normalise_role("the Children's Minister") == "minister"
    assert normalise_role("council leader") == "leader"
    assert normalise_role("interim chief executive") == "chief executive"
    assert normalise_role("Deputy Mayor") == "deputy mayor"


def test_roles_apposition_closed_by_comma_far_into_the_clause() -> None:
    text = "He quit after an audit by the city auditor, Jerome Tate, found errors."
    role = _people(text)["Jerome Tate"].roles[0]
    assert _role(text, role) == ("city auditor", "city auditor", None, None)


def test_roles_party_before_lower_case_qualifier() -> None:
    text = "Republican state Rep. Tom Gaines objected."
    role = _people(text)["Tom Gaines"].roles[0]
    assert _role(text, role) == ("representative", "Rep.", "Republican", None)


def test_roles_clause_after_name_is_not_an_apposition() -> None:
    text = ("Records show that the Children’s Minister, Rosalind Ferrier, issued a direction. "
            "The Labour MP for Castlewick North, Owen Maddox, has written to the minister about it.")
    people = _people(text)
    assert _role(text, people["Rosalind Ferrier"].roles[0]) == (
        "Children’s Minister", "Children’s Minister", None, None)
    assert [r.role for r in people["Owen Maddox"].roles] == ["MP"]


def test_roles_canadian_abbreviated_titles() -> None:
    text = ("Coun. Andrea Pelletier moved the motion. Ward 6 Coun. Cynthia Block agreed, and Chief Cameron McBride "
            "and Const. Dana Whitford watched. Ald. Ron Tesky abstained.")
    people = _people(text)
    assert _role(text, people["Andrea Pelletier"].roles[0]) == ("councillor", "Coun.", None, None)
    assert people["Cynthia Block"].roles[0].role == "councillor"
    assert people["Cameron McBride"].roles[0].role == "chief"
    assert people["Dana Whitford"].roles[0].role == "constable"
    assert people["Ron Tesky"].roles[0].role == "alderman"


def test_roles_portfolio_after_role_is_no_organisation() -> None:
    """"director of recreation", "deputy city mayor for transport": a lower-case portfolio is part of the
    role, not a body the person works for."""
    text = ("The city's director of recreation, Kelly Mainville, spoke first. Adam Clarke, deputy city mayor for "
            "transport, said the strike would hurt. The minister of social services, Terry Jenson, did not reply.")
    people = _people(text)
    assert [(r.role, r.organisation) for r in people["Kelly Mainville"].roles] == [("director of recreation", "city")]
    assert [(r.role, r.organisation) for r in people["Adam Clarke"].roles] == [("deputy city mayor for transport", None)]
    assert [(r.role, r.organisation) for r in people["Terry Jenson"].roles] == [("minister of social services", None)]


def test_roles_portfolio_role_still_names_its_holder_as_the_director() -> None:
    text = ("Minutes record the director of children's services, Fiona Reddy, telling members that spending was on "
            "track. A spokesperson said the director had the full confidence of the leadership.")
    blocks, sentences = segment(text)
    mentions, entities = find_entities(text, blocks, sentences)
    reddy = next(e for e in entities if e.name == "Fiona Reddy")
    assert [r.role for r in reddy.roles] == ["director of children's services"]
    assert any(text[m.start : m.end] == "the director" and m.start > 100 and m.entity == reddy.id for m in mentions)


def test_roles_british_police_ranks_abbreviated_without_periods() -> None:
    text = "Det Con Lisa Hayward and Ch Supt Mark Fenton spoke. Con Houlihan, a reporter, said it was over."
    people = _people(text)
    assert _role(text, people["Lisa Hayward"].roles[0]) == ("Det Con", "Det Con", None, None)
    assert _role(text, people["Mark Fenton"].roles[0]) == ("Ch Supt", "Ch Supt", None, None)
    assert "Con Houlihan" in people  # a first name, not a rank, when it stands alone


def test_roles_drop_another_and_one_before_the_role() -> None:
    text = "Parents are angry.\n\nAnother parent, Mark Lindley, said it was wrong. One resident, Amy Cole, agreed."
    people = _people(text)
    assert [r.role for r in people["Mark Lindley"].roles] == ["parent"]
    assert [r.role for r in people["Amy Cole"].roles] == ["resident"]


def test_roles_unknown_name_in_apposition_to_a_role_is_a_person_but_not_a_relative() -> None:
    text = ("Her neighbour, Réjean Lavoie, started a petition. "
            "She could not talk about her son, Humayun Khan, without crying.")
    people = _people(text)
    assert [r.role for r in people["Réjean Lavoie"].roles] == ["neighbour"]
    assert "Humayun Khan" not in people  # a relative shares the surname of the one who speaks


def test_roles_two_word_titles_ending_in_general() -> None:
    text = ("Attorney General Merrick Garland met Auditor General Andrée Cossette and Director General Tim Davie. "
            "Gen. Mark Milley was there too.")
    people = _people(text)
    assert {name: [r.role for r in p.roles] for name, p in people.items()} == {
        "Merrick Garland": ["Attorney General"], "Andrée Cossette": ["Auditor General"],
        "Tim Davie": ["Director General"], "Mark Milley": ["general"]}


def test_names_surname_that_is_also_a_common_word_after_a_given_name() -> None:
    text = ("District Chief Brad French said crews arrived at 3.40am. Theresa May and Tom English spoke. "
            "In May the council met. French President Emmanuel Macron said little.")
    people = _people(text)
    assert sorted(people) == ["Brad French", "Emmanuel Macron", "Theresa May", "Tom English"]
    assert [r.role for r in people["Brad French"].roles] == ["District Chief"]


def test_names_unknown_name_with_a_bare_role_and_of_in_apposition() -> None:
    """"Keron Oduya, president of the union, said": a role noun with "of" needs no determiner to show a person."""
    text = ("Keron Oduya, president of the union, said there were 93 assaults. "
            "Critics Daniel Okafor and Ann Lee disagreed.")
    people = _people(text)
    assert sorted(people) == ["Ann Lee", "Daniel Okafor", "Keron Oduya"]
    assert [r.role for r in people["Keron Oduya"].roles] == ["president"]


LETTER = (
    "14 March 2007\n\n"
    "Councillor Mary Hollins\nLeader, Haringey Council\n\n"
    "Dear Councillor Hollins,\n\n"
    "I am writing following the joint area review published last month.\n\n"
    "Yours sincerely,\n\n"
    "Ed Harper\nSecretary of State for Children, Schools and Families\n\n"
    "Margaret Ellery\nInterim Chief Executive\nCastlewick Borough Council\n\n"
    "Priya Nair\nThe meeting is on Monday\n"
)


def test_roles_on_the_line_below_a_name_as_letters_are_addressed_and_signed() -> None:
    people = _people(LETTER)
    assert _role(LETTER, people["Mary Hollins"].roles[-1]) == (
        "Leader", "Leader, Haringey Council", "Haringey Council", None)
    assert _role(LETTER, people["Ed Harper"].roles[0])[:2] == ("Secretary of State", "Secretary of State")
    assert _role(LETTER, people["Margaret Ellery"].roles[0]) == (
        "Interim Chief Executive", "Interim Chief Executive\nCastlewick Borough Council", "Castlewick Borough Council",
        None)
    assert people["Priya Nair"].roles == []  # a sentence below a name is no role


def test_roles_after_a_party_tag_and_the_ward_is_a_place() -> None:
    """ "Cllr Frankie Singleton (Lib Dem, Bredbury Green), cabinet member for communities, said": the role after the
    brackets is hers, and "Hazel Grove" in "(Con, Hazel Grove)" is a ward, not a woman."""
    text = ("Cllr Frankie Singleton (Lib Dem, Bredbury Green), cabinet member for communities, said the hours would "
            "change. Conservative councillor Lisa Walker (Con, Hazel Grove) abstained. Councillor Jean Ortiz (NDP, "
            "Riverdale West) voted against.")
    people = _people(text)
    assert set(people) == {"Frankie Singleton", "Lisa Walker", "Jean Ortiz"}
    blocks, sentences = segment(text)
    places = {e.name for e in find_entities(text, blocks, sentences)[1] if e.type == "place"}
    assert places >= {"Bredbury Green", "Hazel Grove", "Riverdale West"}
    assert "cabinet member for communities" in [r.role for r in people["Frankie Singleton"].roles]


def test_roles_a_relative_clause_is_no_role() -> None:
    """ "Parent Jordan Kwan, whose daughter is in Grade 5, said": not a daughter (the role had made him a woman,
    and "he said" after it found nobody)."""
    text = "Parent Jordan Kwan, whose daughter is in Grade 5, said families were caught in the middle."
    people = _people(text)
    assert "whose daughter" not in [r.role for r in people["Jordan Kwan"].roles]


def test_roles_provincial_members_and_wardens() -> None:
    """ "Barrie MPP Andrea Khanjin" (Ontario), "Simcoe County Warden Basil Clarke": titles before a name, not an
    organisation called MPP and a man called Warden Basil Clarke."""
    text = ("Barrie MPP Andrea Khanjin called for an inquiry. Simcoe County Warden Basil Clarke said the county "
            "would review its plans. Peter Rowe MLA said the same.")
    people = _people(text)
    assert set(people) == {"Andrea Khanjin", "Basil Clarke", "Peter Rowe"}
    assert [r.role for r in people["Basil Clarke"].roles] == ["warden"]
    assert "MPP" in [r.role for r in people["Andrea Khanjin"].roles][0]
