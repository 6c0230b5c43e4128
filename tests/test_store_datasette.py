"""A storyline database in Datasette, through Datasette's own test client: labelled foreign keys, facets."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.store import schema

from .test_web_corpus import DOC_IDS, STORY_2024, corpus_store

datasette_app = pytest.importorskip("datasette.app")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("datasette")
    db = str(folder / "corpus.db")
    corpus_store(db).close()
    out = folder / "metadata.json"
    result = CliRunner().invoke(main, ["datasette-metadata", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return db, json.loads(out.read_text(encoding="utf-8"))


def get(database: tuple[str, dict[str, Any]], path: str) -> Any:
    db, metadata = database
    ds = datasette_app.Datasette([db], metadata=metadata)

    async def fetch() -> Any:
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    return asyncio.run(fetch())


def test_store_datasette_metadata_describes_every_table(database: tuple[str, dict[str, Any]]) -> None:
    tables = database[1]["databases"]["corpus"]["tables"]
    for name in ("documents", "entities", "quotes", "events", "claims", "stories", "storylines", "reuse",
                 "discrepancies", "quote_groups", "document_links", "timeline_entries"):
        assert tables[name]["description"], name
        for facet in tables[name].get("facets", []):
            column = facet["date"] if isinstance(facet, dict) else facet
            assert column in schema.metadata.tables[name].c, (name, column)
    assert tables["link_postings"] == {"hidden": True} and tables["annotations"] == {"hidden": True}


def test_store_datasette_quotes_by_speaker_show_names_and_titles(database: tuple[str, dict[str, Any]]) -> None:
    found = get(database, "/corpus/quotes.json?speaker=P-shah&_labels=on&_shape=objects")
    rows = found["rows"]
    assert [r["text"] for r in rows] == ["We were told the budget was under control when it plainly was not"]
    assert rows[0]["speaker"] == {"value": "P-shah", "label": "Priya Shah"}
    assert rows[0]["document"] == {"value": DOC_IDS["echo"], "label": "Council leader denies misleading scrutiny panel"}
    assert rows[0]["story"] == {"value": STORY_2024, "label": "Brackendale overspend row"}


def test_store_datasette_follows_foreign_keys(database: tuple[str, dict[str, Any]]) -> None:
    person = get(database, "/corpus/entities/P-hughes.json?_extras=foreign_key_tables")
    incoming = {(t["other_table"], t["other_column"]): t["count"] for t in person["foreign_key_tables"]}
    assert incoming[("quotes", "speaker")] == 4 and incoming[("claims", "claimant")] == 3
    quote = get(database, f"/corpus/quotes.json?document={DOC_IDS['north']}&_shape=objects")["rows"][0]
    document = get(database, f"/corpus/documents/{quote['document']}.json?_shape=objects")
    assert document["rows"][0]["title"] == "Brackendale leader rejects 'misled' claims"


def test_store_datasette_facets_on_kind_speaker_story_and_date(database: tuple[str, dict[str, Any]]) -> None:
    found = get(database, "/corpus/quotes.json?_shape=objects")
    facets = found["facet_results"]
    assert {"kind", "speaker", "story", "published"} <= set(facets)
    speakers = {f["label"]: f["count"] for f in facets["speaker"]["results"]}
    assert speakers == {"Grace Hughes": 4, "Priya Shah": 1}
    assert {f["value"] for f in facets["published"]["results"]} >= {"2024-09-13", "2024-09-14"}
    claims = get(database, "/corpus/claims.json?_shape=objects")["facet_results"]
    assert {f["value"]: f["count"] for f in claims["kind"]["results"]} == {"denial": 2, "claim": 1, "promise": 1}


def test_store_datasette_metadata_names_the_database_after_its_file(tmp_path: Path) -> None:
    from storyline.store.datasette import datasette_metadata

    assert list(datasette_metadata(str(tmp_path / "coverage.db"))["databases"]) == ["coverage"]
    assert list(datasette_metadata("postgresql+psycopg://u@h/db")["databases"]) == ["storyline"]


def test_store_datasette_metadata_covers_every_table_of_the_schema() -> None:
    """A table added to the schema is described (or hidden): evidence and timeline sources included."""
    from storyline.store import schema
    from storyline.store.datasette import HIDDEN, TABLES

    assert set(schema.metadata.tables) <= set(TABLES) | set(HIDDEN)


def test_store_datasette_story_evidence_shows_the_story_title(database: tuple[str, dict[str, Any]]) -> None:
    rows = get(database, f"/corpus/story_evidence.json?story={STORY_2024}&_labels=on&_shape=objects")["rows"]
    assert rows and rows[0]["story"] == {"value": STORY_2024, "label": "Brackendale overspend row"}
    assert rows[0]["value"] == "Grace Hughes" and rows[0]["kind"] == "person"
