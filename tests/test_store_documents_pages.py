"""documents.ocr, documents.pages and documents.attached_to: stored, read back, exported, and added by migration 5."""

from __future__ import annotations

from sqlalchemy import text

from storyline.export import build_export
from storyline.model import Document
from storyline.store import Store

from .test_store_store import any_store  # noqa: F401 - the fixture: SQLite file, SQLite memory, PostgreSQL


def _scan(doc_id: str = "scan1", attached_to: str | None = "mail1") -> Document:
    return Document(id=doc_id, text="Dear Minister,\n\nThe council will comply.", source="reply.eml#attachment scan.pdf",
                    format="pdf", ocr=True, pages=[0, 16], attached_to=attached_to, meta={"ocr_pages": [1, 2]})


def test_store_documents_pages_round_trip(any_store: Store) -> None:  # noqa: F811
    any_store.add_document(_scan())
    any_store.add_document(Document(id="plain", text="A plain article.", source="a.txt"))
    stored = any_store.get_document("scan1")
    assert stored is not None
    assert stored.ocr and stored.pages == [0, 16] and stored.attached_to == "mail1"
    plain = any_store.get_document("plain")
    assert plain is not None and not plain.ocr and plain.pages == [] and plain.attached_to is None


def test_store_documents_attachment_link_filled_from_a_later_copy(store: Store) -> None:
    store.add_document(_scan(attached_to=None))  # the same PDF ingested first as a loose file
    assert store.fill_missing_metadata(_scan()) == ["attached_to"]
    stored = store.get_document("scan1")
    assert stored is not None and stored.attached_to == "mail1"


def test_store_documents_export_records(store: Store) -> None:
    store.add_document(_scan())
    (record,) = build_export(store)["documents"]
    assert record["ocr"] is True and record["pages"] == [0, 16] and record["attached_to"] == "mail1"


def test_store_documents_migration_adds_the_columns_to_an_older_database(any_store: Store) -> None:  # noqa: F811
    from storyline.store.migrations import migrate

    any_store.add_document(Document(id="old1", text="Stored before OCR existed.", source="old.txt"))
    with any_store.writer.begin() as conn:  # as a schema-4 database looked
        conn.execute(text("DROP INDEX ix_documents_attached_to"))
        for column in ("ocr", "pages", "attached_to"):
            conn.execute(text(f"ALTER TABLE documents DROP COLUMN {column}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 5"))
    with any_store.writer.begin() as conn:
        assert migrate(conn) == [5, 6, 7]  # 6 (facts as rows) finds its tables there and converts nothing
    assert any_store.schema_version() == 7
    old = any_store.get_document("old1")
    assert old is not None and not old.ocr and old.pages == [] and old.attached_to is None
    any_store.add_document(_scan())
    stored = any_store.get_document("scan1")
    assert stored is not None and stored.ocr and stored.pages == [0, 16]
