"""A database written by storyline 0.1.0 (schema 4, the demo corpus) opens, upgrades and reads as before.

``tests/fixtures/storyline-0.1.0-demo.db.gz`` was made by ``storyline.demo.load.load_demo`` at commit
5896991 (schema 4: facts as one JSON blob per document, links as JSON), then vacuumed and gzipped.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from storyline.store import Store

from .conftest import FIXTURES
from .golden_views import GOLDEN_0_1_0, capture, normalise
from .test_views_golden import assert_same_facts

OLD_DB = FIXTURES / "storyline-0.1.0-demo.db.gz"


def unpack_old_database(folder: Path) -> str:
    """A fresh copy of the 0.1.0 demo database in ``folder``."""
    path = folder / "storyline-0.1.0.db"
    with gzip.open(OLD_DB, "rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return str(path)


def test_store_upgrade_0_1_0_database_reads_the_same_facts(tmp_path: Path) -> None:
    db = unpack_old_database(tmp_path)
    store = Store(db)
    assert store.schema_version() == Store.latest_schema_version() == 7
    with store.reader.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert {"quotes", "entities", "stories", "timeline_entries"} <= tables
    assert not tables & {"links", "link_members", "entity_map", "document_scores"}  # converted, then dropped
    store.close()
    golden: dict[str, Any] = json.loads(GOLDEN_0_1_0.read_text(encoding="utf-8"))
    shown = normalise(capture(db))
    for section in ("cli", "dossiers", "reports", "web", "export"):
        assert_same_facts(golden, shown, section)


def test_store_upgrade_then_linking_relinks_once_then_goes_on_from_the_links(tmp_path: Path) -> None:
    """0.1.0 grouped stories one document at a time: its stories cannot be extended (issue 19), so the first
    `storyline link` after the upgrade relinks every document; later runs go on from those links."""
    from storyline import api

    store = Store(unpack_old_database(tmp_path))
    assert api.link_store(store).new_documents == 26  # every document, once
    relinked = [s.id for s in api.stories(store, limit=100)]
    assert relinked and api.link_store(store).new_documents == 0
    api.link_store(store, rebuild=True)
    assert [s.id for s in api.stories(store, limit=100)] == relinked
    store.close()
