"""The store on SQLite (always) and PostgreSQL (when STORYLINE_TEST_PG points at a server)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from storyline import views
from storyline.model import Annotations, Document, Entity, Quote, Story
from storyline.store import Store
from storyline.store.engine import WRITER_CACHE_KIB
from storyline.store.migrations import SCHEMA_VERSION

from .conftest import postgres_schema_url

ARTICLE = (
    "Council hails turnaround\n\n"
    "The mayor, Daniel Okafor, said the council’s children’s services had “turned the corner”.\n\n"
    "Critics said the intervention was ordered by the minister months earlier."
)


def _doc(doc_id: str = "d1", body: str = ARTICLE, **kw: object) -> Document:
    return Document(id=doc_id, text=body, source=f"{doc_id}.txt", title=body.split("\n")[0], **kw)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite-file", "sqlite-memory", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: object) -> Iterator[Store]:
    if request.param == "sqlite-memory":
        s = Store(":memory:")
    elif request.param == "sqlite-file":
        s = Store(str(tmp_path) + "/s.db")  # type: ignore[operator]
    else:
        s = Store(postgres_schema_url())
    yield s
    s.close()


def test_store_add_is_idempotent(any_store: Store) -> None:
    assert any_store.add_document(_doc(), Annotations(doc_id="d1")) is True
    assert any_store.add_document(_doc()) is False
    assert any_store.count_documents() == 1


def test_store_round_trips_documents_and_annotations(any_store: Store) -> None:
    ann = Annotations(
        doc_id="d1",
        entities=[Entity("e1", "person", "Daniel Okafor")],
        quotes=[Quote("q1", 60, 76, "turned the corner", speaker="e1", speaker_name="Daniel Okafor", cue=(40, 44))],
    )
    any_store.add_document(_doc(published="2023-03-14", published_inferred=True, published_span=(0, 4)), ann)
    doc = any_store.get_document("d1")
    assert doc is not None and doc.text == ARTICLE and doc.published_span == (0, 4) and doc.published_inferred
    back = any_store.get_annotations("d1")
    assert back == ann


def test_store_finds_documents_by_prefix(any_store: Store) -> None:
    any_store.add_document(_doc("abcdef0123"))
    any_store.add_document(_doc("abcdff0123", body="Another text entirely."))
    assert any_store.get_document("abcde").id == "abcdef0123"  # type: ignore[union-attr]
    assert any_store.get_document("abcd") is None  # ambiguous


def test_store_search_ranks_with_snippets(any_store: Store) -> None:
    any_store.add_document(_doc("d1"))
    any_store.add_document(_doc("d2", body="Bin collections\n\nBin collections will move to Tuesdays."))
    hits = any_store.search("children intervention")
    assert [h.doc_id for h in hits] == ["d1"]
    assert "\x02" in hits[0].snippet
    assert any_store.search('"bin collections"')[0].doc_id == "d2"
    assert any_store.search("AND OR ( * ") == [] or all(h.doc_id for h in any_store.search("AND OR ( * "))


def test_store_errors_are_resolved_by_a_later_success(any_store: Store) -> None:
    any_store.record_error("d1.txt", "undecodable", "d1.txt: bytes are not text")
    any_store.record_error("other.bin", "binary", "other.bin: binary file")
    assert {e.source for e in any_store.errors()} == {"d1.txt", "other.bin"}
    any_store.add_document(_doc("d1"))
    assert [e.source for e in any_store.errors()] == ["other.bin"]
    assert len(any_store.errors(include_resolved=True)) == 2


def test_store_links_and_state_replace_by_kind(any_store: Store) -> None:
    for doc_id in ("d1", "d2", "d3"):
        any_store.add_document(_doc(doc_id, f"{ARTICLE} ({doc_id})"))
    any_store.replace_links("story", [("S1", Story("S1", "A", ["d1", "d2"]), ["d1", "d2"])])
    any_store.replace_links("story", [("S2", Story("S2", "B", ["d3"]), ["d3"])])
    assert [s.id for s in views.stories(any_store)] == ["S2"]
    assert views.document(any_store, "d3").summary.story == "S2"  # type: ignore[union-attr]
    assert views.document(any_store, "d1").summary.story is None  # type: ignore[union-attr]
    any_store.set_state("k", {"a": [1, 2]})
    assert any_store.get_state("k") == {"a": [1, 2]}


def test_store_records_migrations(any_store: Store) -> None:
    assert any_store.schema_version() == SCHEMA_VERSION
    with any_store.reader.connect() as conn:
        rows = conn.execute(text("SELECT version, description FROM schema_migrations ORDER BY version")).all()
    assert [r.version for r in rows] == list(range(1, SCHEMA_VERSION + 1))


def test_store_sqlite_uses_wal(db_path: str) -> None:
    s = Store(db_path)
    with s.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.close()


def test_store_sqlite_writer_keeps_a_large_page_cache_readers_the_default(db_path: str) -> None:
    """Linking's random inserts into large B-trees stay in the writer's cache until commit (they spilled to the
    WAL with SQLite's 2 MiB default); readers, up to six connections, keep the default."""
    s = Store(db_path)
    with s.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -WRITER_CACHE_KIB
    with s.reader.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
    s.close()


def test_store_refuses_newer_schema(db_path: str) -> None:
    s = Store(db_path)
    with s.writer.begin() as conn:
        conn.execute(text("INSERT INTO schema_migrations VALUES (999, 'future', 'now')"))
    s.close()
    with pytest.raises(RuntimeError, match="upgrade storyline"):
        Store(db_path)


def test_store_reopens_existing_database(db_path: str) -> None:
    with Store(db_path) as s:
        s.add_document(_doc())
    with Store(db_path) as s:
        assert s.count_documents() == 1 and s.latest_for_url("x") is None


def test_store_add_documents_writes_a_batch_once_in_order(any_store: Store) -> None:
    any_store.record_error("d2.txt", "unreadable", "d2.txt: could not be read")
    ann = Annotations(doc_id="d1", entities=[Entity("e1", "person", "Daniel Okafor")],
                      quotes=[Quote("q1", 60, 76, "turned the corner", speaker="e1", speaker_name="Daniel Okafor")])
    second = _doc("d2", ARTICLE.replace("mayor", "deputy mayor"))
    added = any_store.add_documents([(_doc(), ann), (second, None), (_doc(), ann)])
    assert added == [True, True, False]
    assert [d.id for d in any_store.iter_documents()] == ["d1", "d2"]
    assert any_store.get_annotations("d1") == ann and any_store.get_annotations("d2") is None
    assert any_store.errors() == []  # a stored document resolves its source's earlier problem
    with any_store.reader.connect() as conn:
        stance, members = conn.execute(text("SELECT stance, speaker_members FROM quotes")).one()
    assert (stance, members) == ("asserts", "[]")  # columns the fact rows leave out keep their defaults
    assert any_store.add_documents([(_doc(), ann)]) == [False]
