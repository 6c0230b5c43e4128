"""The export's lists read from the rows equal the export the read side showed before (the golden capture)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from storyline.demo.load import load_demo
from storyline.model import Annotations, Document, Entity, Quote, Role
from storyline.store import Store
from storyline.views.records import LISTS, records

from .golden_views import GOLDEN, GOLDEN_0_1_0, projected
from .test_store_upgrade import unpack_old_database


def _comparable(name: str, record: dict[str, Any]) -> dict[str, Any]:
    if name == "documents":
        return {**record, "text": hashlib.sha1(record["text"].encode()).hexdigest(),
                "source": record["source"].rsplit("/", 1)[-1]}
    return record


def assert_export_matches_golden(db: str, golden_file: Path = GOLDEN) -> None:
    """Every golden record is exported, in the same order, with the same values (new fields may be added)."""
    golden = json.loads(golden_file.read_text(encoding="utf-8"))["export"]
    store = Store(db)
    try:
        for name in LISTS:
            got = [_comparable(name, r) for r in records(store, name)]
            want = golden[name]
            assert len(got) == len(want), name
            for old, new in zip(want, got):
                assert projected(new, old) == old, f"{name}: {old.get('id')}"
    finally:
        store.close()


def test_views_records_demo_export_matches_the_golden_export(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    load_demo(db)[1].close()
    assert_export_matches_golden(db)


def test_views_records_upgraded_0_1_0_database_exports_the_same(tmp_path: Path) -> None:
    assert_export_matches_golden(unpack_old_database(tmp_path), GOLDEN_0_1_0)


def test_views_records_before_linking_entities_are_per_document() -> None:
    text = "The mayor, Grace Hughes, said: “We will publish every invoice.”"
    store = Store(":memory:")
    ann = Annotations("d9", entities=[Entity("e1", "person", "Grace Hughes", roles=[Role("mayor", 4, 9)])],
                      quotes=[Quote("q1", 31, 61, text[31:61], speaker="e1", speaker_name="Grace Hughes")])
    store.add_document(Document("d9", text, "x.txt", published="2024-05-01"), ann)
    entities = list(records(store, "entities"))
    assert [e["id"] for e in entities] == ["d9:e1"]
    assert entities[0]["roles"] == [{"role": "mayor", "document": "d9", "start": 4, "end": 9, "organisation": None,
                                     "date": "2024-05-01"}]
    assert [q["speaker"] for q in records(store, "quotes")] == ["d9:e1"]


def test_views_records_unknown_list_says_which_exist() -> None:
    with pytest.raises(ValueError, match="choose one of documents"):
        list(records(Store(":memory:"), "nope"))
