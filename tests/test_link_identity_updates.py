"""Identities as documents arrive one batch at a time: the same rules, ids kept, merges only on evidence."""

from __future__ import annotations

from storyline.link.identity_updates import identity_roles, resolve_new_identities
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
    assert record["mentions"] == 2 and record["first"] == ["a1", "e1"]
    payload, _ = index.outputs["entity"][emap["a1:e1"]]
    assert payload["mentions"] == 2 and "roles" not in payload  # roles are read from the documents
    roles = identity_roles([full, surname], emap)[emap["a1:e1"]]
    assert [(r.role, r.document, r.date) for r in roles] == [("elected mayor", "a1", "2024-03-04"),
                                                              ("mayor", "b1", "2024-03-06")]


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


class ReadLog(MemoryIndex):
    """A memory index that remembers which identities linking read."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def records(self, kind: str, ids):  # type: ignore[no-untyped-def]
        if kind == "entity":
            self.read |= set(ids)
        return super().records(kind, ids)


def shah(doc_id: str, name: str, council: str, day: str, gender: str | None = None) -> tuple:  # type: ignore[type-arg]
    text = f"{name} spoke at {council} on Monday."
    return item(doc_id, text, day, [Entity("e1", "person", name, gender=gender), Entity("e2", "organisation", council)])


def test_identity_updates_full_name_reads_only_its_namesakes() -> None:
    index = ReadLog()
    emap = linked(index, [shah("a", "Priya Shah", "Brackley District Council", "2024-01-10")],
                  [shah("b", "Daniel Shah", "Wexcombe City Council", "2024-01-11")])
    index.read.clear()
    later = linked(index, [shah("c", "Priya Shah", "Brackley District Council", "2024-02-01")])
    assert later["c:e1"] == emap["a:e1"]
    assert emap["b:e1"] not in index.read  # another Shah: not read for a full name


def test_identity_updates_loose_surname_stays_apart_when_two_namesakes_are_in_context() -> None:
    # "Ms Shah" at a council where two Shahs work: ambiguous, so she stays a loose identity...
    index = ReadLog()
    emap = linked(index, [shah("a", "Priya Shah", "Brackley District Council", "2024-01-10", "female")],
                  [shah("b", "Grace Shah", "Brackley District Council", "2024-01-11", "female")],
                  [shah("c", "Ms Shah", "Brackley District Council", "2024-01-12")])
    assert emap["c:e1"] not in {emap["a:e1"], emap["b:e1"]}
    # ...and a later article on Priya alone must not settle it by forgetting Grace.
    later = linked(index, [shah("d", "Priya Shah", "Brackley District Council", "2024-02-01", "female")])
    assert later["d:e1"] == later["a:e1"]
    assert later["c:e1"] not in {later["a:e1"], later["b:e1"]}
    assert emap["b:e1"] in index.read  # read because the loose "Ms Shah" was in context


def test_identity_updates_reads_an_identity_stored_with_every_mention() -> None:
    # Identity records written before schema 4 list every mention and role; they are still joined, then rewritten.
    index = MemoryIndex()
    old = {"entity": {"id": "P-OLD", "type": "person", "name": "Daniel Okafor", "aliases": ["Mr Okafor"],
                      "roles": [{"role": "mayor", "document": "z9", "start": 0, "end": 5, "organisation": None,
                                 "date": "2023-01-01"}],
                      "members": [["z9", "e1"], ["y2", "e4"]]},
           "names": {"Daniel Okafor": 2}, "context": {"o:harrowgate": 2}, "genders": ["male"], "acronyms": []}
    index.put_record("entity", "P-OLD", old)
    index.add_postings("ent", "P-OLD", {"p:okafor", "pf:okafor|daniel"})
    emap = linked(index, [mayor_items()[0]])
    assert emap["a1:e1"] == "P-OLD"
    record = index.records("entity", ["P-OLD"])["P-OLD"]
    assert record["first"] == ["a1", "e1"] and record["mentions"] == 3 and "members" not in record["entity"]
