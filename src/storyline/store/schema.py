"""Table definitions (SQLAlchemy Core) shared by SQLite and PostgreSQL.

No `from __future__ import annotations` here: the `annotations` table would shadow it.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # ingest order
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("published_start", Integer),
    Column("published_end", Integer),
    Column("author", Text),
    Column("site_name", Text),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("version_of", String(32)),
    Column("duplicate_of", String(32)),
    Column("meta", Text, nullable=False, default="{}"),  # JSON
    Column("ingested_at", String(32), nullable=False),
    # Added by migration 5: text machine-read (OCR), page map (JSON list of start offsets), parent message.
    Column("ocr", Boolean, nullable=False, default=False, server_default=false()),
    Column("pages", Text),
    Column("attached_to", String(32)),
    Index("ix_documents_url", "url"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_attached_to", "attached_to"),
)

annotations = Table(
    "annotations",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("pipeline", String(64), nullable=False),
    Column("data", Text, nullable=False),  # JSON of model.Annotations
    Column("updated_at", String(32), nullable=False),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
    Index("ix_ingest_errors_source", "source"),
)

# Corpus-level links: one row per linked object, payload as JSON.
links = Table(
    "links",
    metadata,
    Column("kind", String(32), primary_key=True),  # entity, story, storyline, reuse, ...
    Column("id", String(128), primary_key=True),
    Column("data", Text, nullable=False),
)

link_members = Table(
    "link_members",  # which documents a linked object touches, for filtering
    metadata,
    Column("kind", String(32), nullable=False),
    Column("id", String(128), nullable=False),
    Column("doc_id", String(32), nullable=False),
    Index("ix_link_members_doc", "doc_id"),
    Index("ix_link_members_obj", "kind", "id"),
)

state = Table(
    "state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("data", Text, nullable=False),
)

document_scores = Table(
    "document_scores",
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("reuse_share", Float, nullable=False, default=0.0),
)

# Corpus linking's own index (storyline.link.index.LinkIndex): what incremental linking looks up.
# Keys are 64-bit hashes of (kind, key) so the tables stay compact however long the keys.
link_postings = Table(
    "link_postings",
    metadata,
    Column("kind", String(12), primary_key=True),
    Column("key", BigInteger, primary_key=True),
    Column("item", String(160), primary_key=True),
    sqlite_with_rowid=False,
)

link_counts = Table(
    "link_counts",
    metadata,
    Column("kind", String(12), primary_key=True),
    Column("key", BigInteger, primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

link_records = Table(
    "link_records",
    metadata,
    Column("kind", String(12), primary_key=True),
    Column("id", String(160), primary_key=True),
    Column("data", Text, nullable=False),  # JSON
)

entity_map = Table(
    "entity_map",  # each document-local entity's corpus identity
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("local_id", String(32), primary_key=True),
    Column("entity_id", String(32), nullable=False),
    Index("ix_entity_map_entity", "entity_id"),
)
