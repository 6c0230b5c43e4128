"""Cross-document identities: precision first, roles with sources and dates, stable ids."""

from __future__ import annotations

from storyline.link.identity import normalise_name, person_name_parts, resolve_identities
from storyline.model import Annotations, Document, Entity, Role


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def item(doc_id: str, text: str, published: str, entities: list[Entity]) -> tuple[Document, Annotations]:
    return Document(doc_id, text, f"{doc_id}.txt", published=published), Annotations(doc_id, entities=entities)


MAYOR_TEXT = (
    "Daniel Okafor, the elected mayor of Harrowgate, has ordered a review of the library closures. "
    "Harrowgate Borough Council said the review would report in June."
)
MR_TEXT = (
    "Campaigners outside Harrowgate Borough Council’s offices on Tuesday said Mr Okafor had "
    "\"finally listened\". Mr Okafor, the mayor, did not comment."
)


def mayor_items() -> list[tuple[Document, Annotations]]:
    role = span(MAYOR_TEXT, "the elected mayor of Harrowgate")
    a = item("a1", MAYOR_TEXT, "2024-03-04", [
        Entity("e1", "person", "Daniel Okafor", ["Okafor"],
               [Role("elected mayor", *role, place="Harrowgate")], "male"),
        Entity("e2", "organisation", "Harrowgate Borough Council"),
        Entity("e3", "place", "Harrowgate"),
    ])
    b = item("b1", MR_TEXT, "2024-03-06", [
        Entity("e1", "organisation", "Harrowgate Borough Council"),
        Entity("e2", "person", "Mr Okafor", [], [Role("mayor", *span(MR_TEXT, "the mayor"))]),
    ])
    return [a, b]


def test_identity_surname_joins_full_name_with_roles_from_both_documents() -> None:
    entities, emap = resolve_identities(mayor_items())
    assert emap["a1:e1"] == emap["b1:e2"]
    okafor = next(e for e in entities if e.id == emap["a1:e1"])
    assert okafor.type == "person" and okafor.name == "Daniel Okafor"
    assert "Mr Okafor" in okafor.aliases
    assert sorted(okafor.members) == [("a1", "e1"), ("b1", "e2")]
    roles = {(r.role, r.document, r.date) for r in okafor.roles}
    assert roles == {("elected mayor", "a1", "2024-03-04"), ("mayor", "b1", "2024-03-06")}
    mayor_role = next(r for r in okafor.roles if r.document == "b1")
    assert MR_TEXT[mayor_role.start : mayor_role.end] == "the mayor"
    assert okafor.id.startswith("P")
    council = {emap["a1:e2"], emap["b1:e1"]}
    assert len(council) == 1 and next(iter(council)).startswith("O")


def test_identity_same_surname_different_people_never_merged() -> None:
    text_a = "Councillor Priya Shah, who chairs Brackley District Council's audit committee, asked for the minutes."
    text_b = "Daniel Shah, leader of Wexcombe City Council, said the bus lane would stay."
    text_c = "At Brackley District Council on Monday Ms Shah repeated her request for the minutes."
    items = [
        item("a", text_a, "2024-01-10", [Entity("e1", "person", "Priya Shah", gender="female"),
                                         Entity("e2", "organisation", "Brackley District Council")]),
        item("b", text_b, "2024-01-11", [Entity("e1", "person", "Daniel Shah", gender="male"),
                                         Entity("e2", "organisation", "Wexcombe City Council")]),
        item("c", text_c, "2024-01-15", [Entity("e1", "person", "Ms Shah"),
                                         Entity("e2", "organisation", "Brackley District Council")]),
    ]
    _, emap = resolve_identities(items)
    assert emap["a:e1"] != emap["b:e1"]
    assert emap["c:e1"] == emap["a:e1"]  # in context (Brackley) and female: Priya, not Daniel


def test_identity_surname_stays_apart_without_context_or_when_ambiguous() -> None:
    text_a = "Priya Shah spoke for Brackley District Council."
    text_b = "Daniel Shah spoke for Wexcombe City Council."
    no_context = "Shah, 41, was seen leaving the court in Leeds."
    both = "Shah told Brackley District Council and Wexcombe City Council to share the depot."
    items = [
        item("a", text_a, "2024-01-10", [Entity("e1", "person", "Priya Shah"),
                                         Entity("e2", "organisation", "Brackley District Council")]),
        item("b", text_b, "2024-01-11", [Entity("e1", "person", "Daniel Shah"),
                                         Entity("e2", "organisation", "Wexcombe City Council")]),
        item("c", no_context, "2024-01-12", [Entity("e1", "person", "Shah"), Entity("e2", "place", "Leeds")]),
        item("d", both, "2024-01-13", [Entity("e1", "person", "Shah"),
                                       Entity("e2", "organisation", "Brackley District Council"),
                                       Entity("e3", "organisation", "Wexcombe City Council")]),
    ]
    _, emap = resolve_identities(items)
    named = {emap["a:e1"], emap["b:e1"]}
    assert emap["c:e1"] not in named
    assert emap["d:e1"] not in named
    assert emap["c:e1"] != emap["d:e1"]


def test_identity_gender_contradiction_blocks_surname_merge() -> None:
    text_a = "Daniel Okafor addressed Harrowgate Borough Council."
    text_b = "Mrs Okafor wrote to Harrowgate Borough Council about the parking fines."
    items = [
        item("a", text_a, "2024-02-01", [Entity("e1", "person", "Daniel Okafor", gender="male"),
                                         Entity("e2", "organisation", "Harrowgate Borough Council")]),
        item("b", text_b, "2024-02-02", [Entity("e1", "person", "Mrs Okafor"),
                                         Entity("e2", "organisation", "Harrowgate Borough Council")]),
    ]
    _, emap = resolve_identities(items)
    assert emap["a:e1"] != emap["b:e1"]


def test_identity_full_names_merge_on_normalised_match_with_compatible_middles() -> None:
    items = [
        item("a", "Daniel J. Okafor", "2024-01-01", [Entity("e1", "person", "Daniel J. Okafor")]),
        item("b", "Dr Daniel Okafor", "2024-01-02", [Entity("e1", "person", "Dr Daniel Okafor")]),
        item("c", "DANIEL OKAFOR", "2024-01-03", [Entity("e1", "person", "DANIEL OKAFOR")]),
        item("d", "Daniel K. Okafor", "2024-01-04", [Entity("e1", "person", "Daniel K. Okafor")]),
        item("e", "José Álvarez", "2024-01-05", [Entity("e1", "person", "José Álvarez")]),
        item("f", "Jose Alvarez", "2024-01-06", [Entity("e1", "person", "Jose Alvarez")]),
    ]
    entities, emap = resolve_identities(items)
    assert emap["a:e1"] == emap["b:e1"] == emap["c:e1"]
    assert emap["d:e1"] != emap["a:e1"]  # J. and K. cannot both be right
    assert emap["e:e1"] == emap["f:e1"]
    okafor = next(e for e in entities if e.id == emap["a:e1"])
    assert okafor.name == "Daniel J. Okafor"


def test_identity_organisation_acronym_introduced_in_text() -> None:
    text_a = "The Department for Education (DfE) said schools would reopen."
    text_b = "A DfE spokesperson said the guidance was under review."
    items = [
        item("a", text_a, "2024-01-01", [Entity("e1", "organisation", "Department for Education", ["DfE"])]),
        item("b", text_b, "2024-01-02", [Entity("e1", "organisation", "DfE")]),
    ]
    entities, emap = resolve_identities(items)
    assert emap["a:e1"] == emap["b:e1"]
    dfe = next(e for e in entities if e.id == emap["a:e1"])
    assert dfe.name == "Department for Education" and "DfE" in dfe.aliases


def test_identity_reduced_organisation_name_needs_context() -> None:
    text_a = "Harrowgate Borough Council leader Amira Bello said the budget was balanced."
    text_b = "Amira Bello told Harrowgate council the budget was balanced."
    text_c = "Harrowgate council tax bills will rise, the county said."
    items = [
        item("a", text_a, "2024-01-01", [Entity("e1", "organisation", "Harrowgate Borough Council"),
                                         Entity("e2", "person", "Amira Bello")]),
        item("b", text_b, "2024-01-02", [Entity("e1", "person", "Amira Bello"),
                                         Entity("e2", "organisation", "Harrowgate council")]),
    ]
    _, emap = resolve_identities(items)
    assert emap["a:e1"] == emap["b:e2"]
    alone = items[:1] + [item("c", text_c, "2024-01-03", [Entity("e1", "organisation", "Harrowgate council")])]
    _, emap = resolve_identities(alone)
    assert emap["a:e1"] != emap["c:e1"]


def test_identity_places_by_name() -> None:
    items = [
        item("a", "In Harrowgate.", "2024-01-01", [Entity("e1", "place", "Harrowgate")]),
        item("b", "In harrowgate.", "2024-01-02", [Entity("e1", "place", "harrowgate")]),
        item("c", "In Leeds.", "2024-01-02", [Entity("e1", "place", "Leeds")]),
    ]
    _, emap = resolve_identities(items)
    assert emap["a:e1"] == emap["b:e1"] != emap["c:e1"]
    assert emap["a:e1"].startswith("L")


def test_identity_ids_stable_across_runs_and_when_documents_are_added() -> None:
    base = mayor_items()
    first, emap1 = resolve_identities(base)
    _, emap2 = resolve_identities(list(reversed(base)))
    assert emap1 == emap2
    text = "Daniel Okafor, mayor of Harrowgate, opened the new library on Saturday."
    extra = item("c1", text, "2024-03-09", [Entity("e1", "person", "Daniel Okafor"),
                                            Entity("e2", "place", "Harrowgate")])
    _, emap3 = resolve_identities([extra, *base], previous=first)
    for key, value in emap1.items():
        assert emap3[key] == value
    assert emap3["c1:e1"] == emap1["a1:e1"]
    # only the new document, with the previous identities carried over
    alone, emap4 = resolve_identities([extra], previous=first)
    assert emap4["c1:e1"] == emap1["a1:e1"]
    okafor = next(e for e in alone if e.id == emap1["a1:e1"])
    assert ("a1", "e1") in okafor.members and ("c1", "e1") in okafor.members


def test_identity_name_helpers() -> None:
    assert normalise_name("  Zoë  O’Neill-Hart ") == "zoe oneill-hart"
    assert person_name_parts("Mrs Priya Shah") == (["priya", "shah"], "female")
    assert person_name_parts("Sir Keir Starling MP") == (["keir", "starling"], "male")


def test_identity_story_in_document_meta_counts_as_context() -> None:
    text_a = "Priya Shah said the audit would be published."
    text_b = "Shah repeated the call on Friday."
    a = item("a", text_a, "2024-01-10", [Entity("e1", "person", "Priya Shah")])
    b = item("b", text_b, "2024-01-12", [Entity("e1", "person", "Shah")])
    _, emap = resolve_identities([a, b])
    assert emap["a:e1"] != emap["b:e1"]  # nothing ties them together
    a[0].meta["story"] = b[0].meta["story"] = "S7"
    _, emap = resolve_identities([a, b])
    assert emap["a:e1"] == emap["b:e1"]


def test_identity_surname_beside_the_full_name_in_its_own_document() -> None:
    text_a = "Priya Shah chairs the audit committee."
    text_b = "Priya Shah and Daniel Shah met on Friday; Ms Shah said the minutes would be published."
    a = item("a", text_a, "2024-01-10", [Entity("e1", "person", "Priya Shah", gender="female")])
    b = item("b", text_b, "2024-01-12", [Entity("e1", "person", "Priya Shah"), Entity("e2", "person", "Daniel Shah"),
                                         Entity("e3", "person", "Ms Shah")])
    _, emap = resolve_identities([a, b])
    assert emap["a:e1"] == emap["b:e1"] != emap["b:e2"]
    assert emap["b:e3"] not in {emap["b:e1"], emap["b:e2"]}  # both Shahs are in context: no guess
    c = item("c", "Priya Shah spoke; Ms Shah later added a note.", "2024-01-13",
             [Entity("e1", "person", "Priya Shah"), Entity("e2", "person", "Ms Shah")])
    _, emap = resolve_identities([a, c])
    assert emap["c:e2"] == emap["a:e1"]
