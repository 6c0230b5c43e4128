"""Identities as documents arrive one batch at a time: the same rules, ids kept, merges only on evidence."""

from __future__ import annotations

from storyline.link.identity_updates import resolve_new_identities
from storyline.link.index import MemoryIndex
from storyline.model import Entity

from .test_link_identity import item, mayor_items


def linked(index: MemoryIndex, *batches: list) -> dict[str, str]:  # type: ignore[type-arg]
    moved: set[str] = set()
    for batch in batches:
        moved |= resolve_new_identities(batch, index)
    return index.entity_map(list(index.entity_map_))


def test_identity_updates_surname_in_a_later_batch_joins_the_full_name() -> None:
    full, surname = mayor_items()
    index = MemoryIndex()
    emap = linked(index, [full], [surname])
    assert emap["b1:e2"] == emap["a1:e1"]
    record = index.records("entity", [emap["a1:e1"]])[emap["a1:e1"]]
    assert record["entity"]["name"] == "Daniel Okafor"
    assert {r["document"] for r in record["entity"]["roles"]} == {"a1", "b1"}
    payload, docs = index.outputs["entity"][emap["a1:e1"]]
    assert payload["mentions"] == 2 and docs == ["a1", "b1"]


def test_identity_updates_same_surname_never_merged_across_batches() -> None:
    priya = item("a", "Councillor Priya Shah, who chairs Brackley District Council's audit committee, spoke.",
                 "2024-01-10", [Entity("e1", "person", "Priya Shah", gender="female"),
                                Entity("e2", "organisation", "Brackley District Council")])
    daniel = item("b", "Daniel Shah, leader of Wexcombe City Council, said the bus lane would stay.",
                  "2024-01-11", [Entity("e1", "person", "Daniel Shah", gender="male"),
                                 Entity("e2", "organisation", "Wexcombe City Council")])
    ms_shah = item("c", "At Brackley District Council on Monday Ms Shah repeated her request.",
                   "2024-01-15", [Entity("e1", "person", "Ms Shah"),
                                  Entity("e2", "organisation", "Brackley District Council")])
    emap = linked(MemoryIndex(), [priya], [daniel], [ms_shah])
    assert emap["a:e1"] != emap["b:e1"]
    assert emap["c:e1"] == emap["a:e1"]  # Brackley and female: Priya, not Daniel


def test_identity_updates_ids_survive_later_batches() -> None:
    full, surname = mayor_items()
    index = MemoryIndex()
    first = linked(index, [full])
    later = linked(index, [surname])
    assert later["a1:e1"] == first["a1:e1"] and later["a1:e2"] == first["a1:e2"]


def test_identity_updates_bridging_document_merges_two_identities_and_retires_one() -> None:
    full = mayor_items()[0]  # Daniel Okafor, Harrowgate
    loose = item("m", "Mr Okafor told Kingsmere Police he had seen nothing.", "2024-03-01",
                 [Entity("e1", "person", "Mr Okafor"), Entity("e2", "organisation", "Kingsmere Police")])
    index = MemoryIndex()
    before = linked(index, [full], [loose])
    assert before["m:e1"] != before["a1:e1"]  # no shared context: kept apart
    bridge = item("x", "Daniel Okafor thanked Kingsmere Police.", "2024-03-05",
                  [Entity("e1", "person", "Daniel Okafor"), Entity("e2", "organisation", "Kingsmere Police")])
    moved = resolve_new_identities([bridge], index)
    after = index.entity_map(list(index.entity_map_))
    assert after["m:e1"] == after["a1:e1"] == after["x:e1"]
    retired = ({before["m:e1"], before["a1:e1"]} - {after["a1:e1"]}).pop()
    assert retired not in index.records_["entity"] and retired not in index.outputs["entity"]
    assert moved == {"m"} or moved == {"a1"}  # the retired identity's documents, whose mentions moved


def test_identity_updates_organisation_acronym_seen_before_its_full_name() -> None:
    short = item("s", "The DfE said it would respond.", "2024-01-01", [Entity("e1", "organisation", "DfE")])
    full = item("f", "The Department for Education (DfE) wrote to the council.", "2024-01-02",
                [Entity("e1", "organisation", "Department for Education", ["DfE"])])
    emap = linked(MemoryIndex(), [short], [full])
    assert emap["s:e1"] == emap["f:e1"]
