"""The JSON export follows docs/export.md: every list, every field, offsets that point at the source text."""

from __future__ import annotations

import csv
import io
import json
import re

from storyline.export import LISTS, build_export, write_export
from storyline.model import (
    Annotations,
    Claim,
    CorpusEntity,
    CorpusRole,
    Discrepancy,
    Document,
    Entity,
    Event,
    Quote,
    Reuse,
    SpanRef,
    Story,
    Storyline,
)
from storyline.store import Store

from .conftest import REPO

TEXT = (
    "Mayor rejects ‘misled’ claim\n\n"
    "Councillor Priya Shah alleged that the scrutiny committee had been misled about the overspend.\n\n"
    "“That is simply untrue,” said the mayor, Grace Hughes, on 14 March 2023."
)


def _span(sub: str) -> tuple[int, int]:
    start = TEXT.index(sub)
    return start, start + len(sub)


def _filled_store() -> Store:
    store = Store(":memory:")
    q = _span("That is simply untrue")
    ann = Annotations(
        doc_id="d1",
        entities=[Entity("e1", "person", "Priya Shah"), Entity("e2", "person", "Grace Hughes")],
        quotes=[Quote("q1", *q, TEXT[q[0] : q[1]], speaker="e2", speaker_name="Grace Hughes",
                      speaker_mention=_span("Grace Hughes"), cue=_span("said"), confidence=0.9)],
        events=[Event("v1", *_span("“That is simply untrue,” said the mayor, Grace Hughes, on 14 March 2023."),
                      date="2023-03-14", precision="day", text="Mayor denies claim", timex=_span("14 March 2023"),
                      actors=["e2"])],
        claims=[Claim("c1", *_span("Councillor Priya Shah alleged that the scrutiny committee had been misled"),
                      kind="claim", claimant="e1", claimant_name="Priya Shah",
                      content=_span("the scrutiny committee had been misled"), cue=_span("alleged"))],
    )
    store.add_document(Document("d1", TEXT, "mayor.txt", title="Mayor rejects ‘misled’ claim", published="2023-03-15"), ann)
    store.add_document(Document("d2", "Copy: " + TEXT, "copy.txt"), Annotations(doc_id="d2"))
    store.set_state("entity_map", {"d1:e1": "P1", "d1:e2": "P2"})
    store.replace_links("entity", [
        ("P1", CorpusEntity("P1", "person", "Priya Shah", roles=[CorpusRole("councillor", "d1", *_span("Councillor"))]), ["d1"]),
        ("P2", CorpusEntity("P2", "person", "Grace Hughes", roles=[CorpusRole("mayor", "d1", *_span("mayor"))]), ["d1"]),
    ])
    store.replace_links("story", [("S1", Story("S1", "Mayor rejects claim", ["d1", "d2"], "L1", "2023-03-15", "2023-03-15"), ["d1", "d2"])])
    store.replace_links("storyline", [("L1", Storyline("L1", "Misled claim", ["S1"]), [])])
    store.replace_links("reuse", [("0", Reuse("d1", "d2", 0, len(TEXT), 6, 6 + len(TEXT), 1.0), ["d1", "d2"])])
    store.replace_links("discrepancy", [("X1", Discrepancy("X1", "S1", "claim-denial", "Shah alleges; Hughes denies",
                                                            [SpanRef("d1", 0, 10)]), ["d1"])])
    return store


def test_export_has_every_list_and_field() -> None:
    data = build_export(_filled_store())
    assert set(LISTS) <= set(data) and data["export_version"] == 1
    doc = data["documents"][0]
    assert {"id", "source", "url", "title", "published", "published_inferred", "text", "duplicate_of"} <= set(doc)
    entity = data["entities"][0]
    assert {"id", "type", "name", "aliases", "roles"} <= set(entity)
    assert {"role", "document", "start", "end"} <= set(entity["roles"][0])
    quote = data["quotes"][0]
    assert {"id", "document", "start", "end", "text", "kind", "speaker", "speaker_name", "cue", "confidence"} <= set(quote)
    event = data["events"][0]
    assert {"id", "document", "start", "end", "date", "inferred", "text", "actors", "story"} <= set(event)
    claim = data["claims"][0]
    assert {"id", "document", "start", "end", "kind", "claimant", "claimant_name", "target", "content"} <= set(claim)
    assert {"id", "title", "documents", "storyline", "first_date", "last_date"} <= set(data["stories"][0])
    assert {"id", "title", "stories"} <= set(data["storylines"][0])
    assert {"a", "b", "a_start", "a_end", "b_start", "b_end", "similarity"} <= set(data["reuse"][0])
    assert {"id", "story", "kind", "description", "spans"} <= set(data["discrepancies"][0])


def test_export_offsets_point_at_the_source_text() -> None:
    data = build_export(_filled_store())
    texts = {d["id"]: d["text"] for d in data["documents"]}
    q = data["quotes"][0]
    assert texts[q["document"]][q["start"] : q["end"]] == q["text"] == "That is simply untrue"
    assert texts[q["document"]][q["cue"]["start"] : q["cue"]["end"]] == "said"
    c = data["claims"][0]
    assert texts[c["document"]][c["content"]["start"] : c["content"]["end"]] == "the scrutiny committee had been misled"
    r = data["reuse"][0]
    assert texts[r["a"]][r["a_start"] : r["a_end"]] == texts[r["b"]][r["b_start"] : r["b_end"]]


def test_export_maps_local_entities_to_corpus_identities() -> None:
    data = build_export(_filled_store())
    assert data["quotes"][0]["speaker"] == "P2"
    assert data["events"][0]["actors"] == ["P2"] and data["events"][0]["story"] == "S1"
    assert data["claims"][0]["claimant"] == "P1"
    assert {e["id"] for e in data["entities"]} == {"P1", "P2"}


def test_export_before_linking_uses_document_scoped_entities() -> None:
    store = Store(":memory:")
    store.add_document(Document("d9", TEXT, "x.txt"), Annotations("d9", entities=[Entity("e1", "person", "Priya Shah")]))
    data = build_export(store)
    assert [e["id"] for e in data["entities"]] == ["d9:e1"]


def test_export_jsonl_and_csv_renderings() -> None:
    data = build_export(_filled_store())
    buf = io.StringIO()
    write_export(data, "jsonl", buf)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert {r["type"] for r in records} >= {"documents", "quotes", "stories"}
    buf = io.StringIO()
    write_export(data, "csv", buf, table="quotes")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["speaker_name"] == "Grace Hughes" and json.loads(rows[0]["cue"])["start"] > 0


def test_export_contract_documents_every_list() -> None:
    doc = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
    for name in LISTS:
        assert re.search(rf"`{name}`", doc), f"docs/export.md does not document {name}"
