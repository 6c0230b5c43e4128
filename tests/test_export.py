"""The export follows docs/export.md: every list, every field, offsets that point at the source text; it
streams from the rows as JSON, JSON Lines and CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from storyline.export import LISTS, build_export, iter_export, spreadsheet_safe, write_export
from storyline.model import Annotations, Claim, Document, Entity, Quote
from storyline.store import Store

from .builders import TEXT, filled_store
from .conftest import REPO


def test_export_has_every_list_and_field() -> None:
    data = build_export(filled_store())
    assert set(LISTS) <= set(data) and data["export_version"] == 1
    doc = data["documents"][0]
    assert {"id", "source", "url", "title", "published", "published_inferred", "text", "duplicate_of", "ocr", "pages",
            "attached_to"} <= set(doc)
    entity = data["entities"][0]
    assert {"id", "type", "name", "aliases", "roles"} <= set(entity)
    assert {"role", "document", "start", "end"} <= set(entity["roles"][0])
    quote = data["quotes"][0]
    assert {"id", "document", "start", "end", "text", "kind", "speaker", "speaker_name", "cue", "confidence",
            "stance", "cue_verb", "speaker_kind", "speaker_description", "speaker_members", "quote_group",
            "story"} <= set(quote)
    event = data["events"][0]
    assert {"id", "document", "start", "end", "date", "inferred", "text", "actors", "story"} <= set(event)
    claim = data["claims"][0]
    assert {"id", "document", "start", "end", "kind", "claimant", "claimant_name", "target", "content"} <= set(claim)
    assert {"id", "title", "documents", "storyline", "first_date", "last_date", "evidence"} <= set(data["stories"][0])
    assert {"id", "title", "stories", "evidence"} <= set(data["storylines"][0])
    assert {"kind", "value", "documents", "spans", "inferred"} <= set(data["stories"][0]["evidence"][0])
    assert {"a", "b", "a_start", "a_end", "b_start", "b_end", "similarity"} <= set(data["reuse"][0])
    assert {"id", "story", "kind", "description", "spans"} <= set(data["discrepancies"][0])


def test_export_offsets_point_at_the_source_text() -> None:
    data = build_export(filled_store())
    texts = {d["id"]: d["text"] for d in data["documents"]}
    for item in data["stories"][0]["evidence"]:
        assert all(texts[s["document"]][s["start"]:s["end"]] == item["value"] for s in item["spans"])
    q = data["quotes"][0]
    assert texts[q["document"]][q["start"] : q["end"]] == q["text"] == "That is simply untrue"
    assert texts[q["document"]][q["cue"]["start"] : q["cue"]["end"]] == "said"
    c = data["claims"][0]
    assert texts[c["document"]][c["content"]["start"] : c["content"]["end"]] == "the scrutiny committee had been misled"
    r = data["reuse"][0]
    assert texts[r["a"]][r["a_start"] : r["a_end"]] == texts[r["b"]][r["b_start"] : r["b_end"]]


def test_export_maps_local_entities_to_corpus_identities() -> None:
    data = build_export(filled_store())
    assert data["quotes"][0]["speaker"] == "P2"
    assert data["events"][0]["actors"] == ["P2"] and data["events"][0]["story"] == "S1"
    assert data["claims"][0]["claimant"] == "P1"
    assert {e["id"] for e in data["entities"]} == {"P1", "P2"}
    assert [r["role"] for r in next(e for e in data["entities"] if e["id"] == "P2")["roles"]] == ["mayor"]


def test_export_before_linking_uses_document_scoped_entities() -> None:
    store = Store(":memory:")
    store.add_document(Document("d9", TEXT, "x.txt"), Annotations("d9", entities=[Entity("e1", "person", "Priya Shah")]))
    data = build_export(store)
    assert [e["id"] for e in data["entities"]] == ["d9:e1"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_streams_the_same_records_as_the_object(fmt: str) -> None:
    store = filled_store()
    buf = io.StringIO()
    write_export(store, fmt, buf)
    if fmt == "json":
        assert json.loads(buf.getvalue()) == build_export(store)
    else:
        records = [json.loads(line) for line in buf.getvalue().splitlines()]
        assert {r["type"] for r in records} >= {"documents", "quotes", "stories"}
        assert [r for r in records if r.pop("type") == "quotes"] == build_export(store)["quotes"]


def test_export_json_is_valid_with_empty_lists() -> None:
    assert json.loads("".join(iter_export(Store(":memory:"), "json"))) == {"export_version": 1, **{n: [] for n in LISTS}}


def test_export_csv_one_table() -> None:
    buf = io.StringIO()
    write_export(filled_store(), "csv", buf, table="quotes")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["speaker_name"] == "Grace Hughes" and json.loads(rows[0]["cue"])["start"] > 0
    with pytest.raises(ValueError, match="choose one of json"):
        write_export(filled_store(), "xml", buf)


def test_export_csv_cells_a_spreadsheet_would_run_are_text() -> None:
    """A title (or quote) reading "=cmd|...", from a hostile page, must not become a live formula in Excel."""
    store = Store(":memory:")
    store.add_document(Document("d9", "Fees rose by 5 per cent.", "x.txt", title="=cmd|' /C calc'!A0"),
                       Annotations(doc_id="d9"))
    buf = io.StringIO()
    write_export(store, "csv", buf, table="documents")
    assert next(csv.DictReader(io.StringIO(buf.getvalue())))["title"] == "'=cmd|' /C calc'!A0"
    assert (spreadsheet_safe("-5"), spreadsheet_safe("+3.2"), spreadsheet_safe(7)) == ("-5", "+3.2", 7)
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)" and spreadsheet_safe("Fees rose") == "Fees rose"


def test_export_contract_documents_every_list() -> None:
    doc = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
    for name in LISTS:
        assert re.search(rf"`{name}`", doc), f"docs/export.md does not document {name}"


def test_export_quote_stance_kind_description_members_and_claim_answers() -> None:
    text = ("Independent councillors Ann Lee and Bo Park say the bills are too high. "
            "The utility said that was wrong. A pensioner said she could not pay. "
            "Ann Lee alleged that bills had doubled. The utility denied that bills had doubled.")
    groups, denial = text.index("the bills are too high"), text.index("that bills had doubled.", 150)
    ann = Annotations(
        "d7",
        entities=[Entity("e1", "person", "Ann Lee"), Entity("e2", "person", "Bo Park"),
                  Entity("e3", "organisation", "Eastmere Water")],
        quotes=[
            Quote("q1", groups, groups + 22, text[groups : groups + 22], kind="indirect",
                  speaker_name="independent councillors Ann Lee and Bo Park", speaker_kind="group",
                  speaker_members=["e1", "e2"], cue_verb="say", confidence=0.75),
            Quote("q2", denial, denial + 22, text[denial : denial + 22], kind="indirect", speaker="e3",
                  speaker_name="Eastmere Water", speaker_kind="organisation", stance="denies", cue_verb="deny"),
            Quote("q3", 0, 5, text[0:5], kind="indirect", speaker_kind="description",
                  speaker_description="a pensioner", cue_verb="say"),
        ],
        claims=[Claim("c1", 0, 10, "claim", "e1", "Ann Lee"),
                Claim("c2", 20, 40, "denial", "e3", "Eastmere Water", "e1", "Ann Lee", answers="c1")],
    )
    store = Store(":memory:")
    store.add_document(Document("d7", text, "bills.txt"), ann)
    data = build_export(store)
    q1, q2, q3 = data["quotes"]
    assert (q1["speaker_kind"], q1["speaker_members"], q1["speaker"]) == ("group", ["d7:e1", "d7:e2"], None)
    assert (q2["stance"], q2["cue_verb"], q2["speaker_kind"]) == ("denies", "deny", "organisation")
    assert (q3["speaker_name"], q3["speaker_description"], q3["speaker_kind"]) == (None, "a pensioner", "description")
    assert q1["stance"] == "asserts" and q1["speaker_description"] is None
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["d7:c2"]["answers"] == "d7:c1" and claims["d7:c1"]["answers"] is None
