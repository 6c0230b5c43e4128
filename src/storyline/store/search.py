"""Full-text search behind one small interface: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import Connection, text

_TERM = re.compile(r'"([^"]+)"|(\S+)')
_SNIPPET_OPEN, _SNIPPET_CLOSE = "\x02", "\x03"


@dataclass
class SearchHit:
    doc_id: str
    title: str | None
    snippet: str  # matched terms wrapped in \x02 ... \x03, for the view to mark up
    score: float


class SearchBackend(Protocol):
    def create(self, conn: Connection) -> None: ...
    def index(self, conn: Connection, doc_id: str, title: str, body: str) -> None: ...
    def index_many(self, conn: Connection, docs: Sequence[tuple[str, str, str]]) -> None: ...
    def remove(self, conn: Connection, doc_id: str) -> None: ...
    def clear(self, conn: Connection) -> None: ...
    def search(self, conn: Connection, query: str, limit: int) -> list[SearchHit]: ...


def query_terms(query: str) -> list[str]:
    """Split a user query into terms and "quoted phrases", dropping FTS syntax characters."""
    terms = []
    for phrase, word in _TERM.findall(query):
        cleaned = re.sub(r"[^\w\s'’-]", " ", phrase or word).strip()
        if cleaned:
            terms.append(cleaned)
    return terms


class SQLiteSearch:
    """FTS5 with the unicode61 tokenizer (diacritics folded), ranked by bm25."""

    def create(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING "
            "fts5(doc_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
        )

    def index(self, conn: Connection, doc_id: str, title: str, body: str) -> None:
        self.index_many(conn, [(doc_id, title, body)])

    def index_many(self, conn: Connection, docs: Sequence[tuple[str, str, str]]) -> None:
        """(id, title, text) of documents, in one statement."""
        if docs:
            conn.exec_driver_sql("INSERT INTO documents_fts (doc_id, title, body) VALUES (?, ?, ?)", list(docs))

    def remove(self, conn: Connection, doc_id: str) -> None:
        conn.execute(text("DELETE FROM documents_fts WHERE doc_id = :d"), {"d": doc_id})

    def clear(self, conn: Connection) -> None:
        conn.exec_driver_sql("DELETE FROM documents_fts")

    def search(self, conn: Connection, query: str, limit: int) -> list[SearchHit]:
        terms = query_terms(query)
        if not terms:
            return []
        match = " AND ".join('"' + t.replace('"', "") + '"' for t in terms)
        # Rank first, then make snippets for the top ``limit`` only (a snippet costs far more than a score).
        rows = conn.execute(
            text(
                "SELECT f.doc_id, f.title, snippet(documents_fts, 2, :o, :c, '…', 16) AS snip, top.score "
                "FROM documents_fts AS f JOIN (SELECT rowid AS r, bm25(documents_fts, 0.0, 3.0, 1.0) AS score "
                "FROM documents_fts WHERE documents_fts MATCH :q ORDER BY score LIMIT :n) AS top ON f.rowid = top.r "
                "WHERE documents_fts MATCH :q ORDER BY top.score"
            ),
            {"q": match, "n": limit, "o": _SNIPPET_OPEN, "c": _SNIPPET_CLOSE},
        )
        return [SearchHit(r.doc_id, r.title or None, r.snip, -float(r.score)) for r in rows]


class PostgresSearch:
    """A GIN expression index over to_tsvector('simple', ...), ranked by ts_rank_cd."""

    def create(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"
        )

    def index(self, conn: Connection, doc_id: str, title: str, body: str) -> None:
        return None  # the expression index follows the documents table

    def index_many(self, conn: Connection, docs: Sequence[tuple[str, str, str]]) -> None:
        return None

    def remove(self, conn: Connection, doc_id: str) -> None:
        return None

    def clear(self, conn: Connection) -> None:
        return None

    def search(self, conn: Connection, query: str, limit: int) -> list[SearchHit]:
        terms = query_terms(query)
        if not terms:
            return []
        tsquery = " & ".join(
            "(" + " <-> ".join(w for w in re.findall(r"\w+", t)) + ")" for t in terms if re.search(r"\w", t)
        )
        rows = conn.execute(
            text(
                "SELECT id AS doc_id, title, ts_headline('english', text, q, "
                "'StartSel=' || :o || ', StopSel=' || :c || ', MaxWords=30, MinWords=10') AS snip, "
                "ts_rank_cd(to_tsvector('english', coalesce(title, '') || ' ' || text), q) AS score "
                "FROM documents, to_tsquery('english', :q) AS q "
                "WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) @@ q "
                "ORDER BY score DESC LIMIT :n"
            ),
            {"q": tsquery, "n": limit, "o": _SNIPPET_OPEN, "c": _SNIPPET_CLOSE},
        )
        return [SearchHit(r.doc_id, r.title, r.snip, float(r.score)) for r in rows]


def backend_for(dialect_name: str) -> SearchBackend:
    """Pick the search backend for a SQLAlchemy dialect name."""
    if dialect_name == "sqlite":
        return SQLiteSearch()
    if dialect_name == "postgresql":
        return PostgresSearch()
    raise ValueError(f"no full-text search backend for {dialect_name!r}: use SQLite or PostgreSQL")


def mark_snippet(snippet: str, open_tag: str, close_tag: str) -> str:
    """Replace the snippet's match markers with the caller's tags (already escaped text)."""
    return snippet.replace(_SNIPPET_OPEN, open_tag).replace(_SNIPPET_CLOSE, close_tag)
