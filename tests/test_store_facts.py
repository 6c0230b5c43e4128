"""Facts as rows: written when a document is annotated, pointed at identities and stories when linking runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select, text

from storyline import api
from storyline.annotate.pipeline import annotate
from storyline.store import Store, schema

from .test_link_stories import load_fixture
from .test_store_link_index import empty_store  # noqa: F401 - the SQLite / PostgreSQL store fixture


@pytest.fixture
def linked(empty_store: Store) -> Iterator[Store]:  # noqa: F811
    for doc, _ in load_fixture("councils") + load_fixture("versions"):
        empty_store.add_document(doc, annotate(doc))
    api.link_store(empty_store)
    yield empty_store


def _rows(store: Store, query: Any) -> list[Any]:
    with store.reader.connect() as conn:
        return list(conn.execute(query))


def test_store_facts_speakers_point_at_the_identity_of_their_local_entity(linked: Store) -> None:
    q, de = schema.quotes, schema.document_entities
    joined = select(q.c.id, q.c.speaker, de.c.entity).select_from(
        q.join(de, (de.c.document == q.c.document) & (de.c.local_id == q.c.speaker_local)))
    found = _rows(linked, joined)
    assert found and all(r.speaker == r.entity and r.speaker for r in found)
    ids = {r.id for r in _rows(linked, select(schema.entities.c.id))}
    assert {r.speaker for r in found} <= ids


def test_store_facts_every_fact_has_its_story(linked: Store) -> None:
    sd = schema.story_documents
    story_of = {r.document: r.story for r in _rows(linked, select(sd))}
    for table in (schema.quotes, schema.events, schema.claims):
        for row in _rows(linked, select(table.c.document, table.c.story)):
            assert row.story == story_of[row.document]


def test_store_facts_entity_counts_match_the_rows(linked: Store) -> None:
    e, q = schema.entities, schema.quotes
    for row in _rows(linked, select(e.c.id, e.c.quote_count)):
        assert row.quote_count == len(_rows(linked, select(q.c.id).where(q.c.speaker == row.id)))


def test_store_facts_reannotating_keeps_identities_and_story(linked: Store) -> None:
    q = schema.quotes
    before = {r.id: (r.speaker, r.story) for r in _rows(linked, select(q.c.id, q.c.speaker, q.c.story))}
    doc_id = next(i for i, (speaker, _) in before.items() if speaker).split(":")[0]
    doc = linked.get_document(doc_id)
    assert doc is not None
    linked.save_annotations(annotate(doc))
    after = {r.id: (r.speaker, r.story) for r in _rows(linked, select(q.c.id, q.c.speaker, q.c.story))}
    assert after == before


def test_store_facts_rebuild_gives_the_same_rows(linked: Store) -> None:
    tables = (schema.quotes, schema.events, schema.claims, schema.roles, schema.entities, schema.stories,
              schema.timeline_entries, schema.quote_groups)
    before = {t.name: sorted(map(tuple, _rows(linked, select(t)))) for t in tables}
    api.link_store(linked, rebuild=True)
    after = {t.name: sorted(map(tuple, _rows(linked, select(t)))) for t in tables}
    assert after == before


def test_store_facts_foreign_keys_hold(linked: Store) -> None:
    if linked.writer.dialect.name != "sqlite":
        pytest.skip("PostgreSQL checks foreign keys at commit")
    assert _rows(linked, text("PRAGMA foreign_key_check")) == []
