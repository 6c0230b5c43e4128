"""What the views share: a read connection, document summaries, span text, paging and id prefixes."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Select, false, func, select

from storyline.pagemap import page_label
from storyline.store import Store, schema
from storyline.store.rows import display_title
from storyline.views.model import DocumentSummary, Excerpt, Page

T = TypeVar("T")
BATCH = 500
LONGEST_REF = 64  # no id is longer; a longer reference is nobody's prefix
LONGEST_FILTER = 1_000  # no name or site is longer (SQLite refuses LIKE patterns over 50,000 bytes)
MOST_ROWS = 10**12  # the largest limit or offset a list takes: beyond 2**63 the databases' integers overflow
d, sd, st = schema.documents, schema.story_documents, schema.stories

SUMMARY_COLUMNS = (d.c.id, d.c.title, d.c.published, d.c.published_inferred, d.c.site, d.c.source, d.c.url,
                   d.c.author, d.c.format, d.c.duplicate_of, d.c.version_of, sd.c.story,
                   st.c.title.label("story_title"), d.c.ocr, d.c.pages, d.c.attached_to)


@contextmanager
def reading(store: Store) -> Iterator[Connection]:
    """One read connection (and, on SQLite, one consistent snapshot) for a view."""
    with store.reader.connect() as conn, conn.begin():
        yield conn


def parts(values: Sequence[T]) -> Iterator[Sequence[T]]:
    for i in range(0, len(values), BATCH):
        yield values[i : i + BATCH]


def summaries_query() -> Select[Any]:
    """Documents (without their text) with their story."""
    return select(*SUMMARY_COLUMNS).select_from(d.outerjoin(sd, sd.c.document == d.c.id)
                                                .outerjoin(st, st.c.id == sd.c.story))


def summary(row: Any) -> DocumentSummary:
    return DocumentSummary(
        id=row.id, title=display_title(row.title, row.source, row.id), published=row.published, site=row.site or "",
        source=row.source, url=row.url, published_inferred=bool(row.published_inferred), author=row.author,
        format=row.format, duplicate_of=row.duplicate_of, version_of=row.version_of, story=row.story,
        story_title=row.story_title, ocr=bool(row.ocr), pages=tuple(json.loads(row.pages)) if row.pages else (),
        attached_to=row.attached_to,
    )


def summaries(conn: Connection, ids: Sequence[str]) -> dict[str, DocumentSummary]:
    """Summaries of the given documents, by id."""
    out: dict[str, DocumentSummary] = {}
    for part in parts(sorted(set(ids))):
        out.update((r.id, summary(r)) for r in conn.execute(summaries_query().where(d.c.id.in_(part))))
    return out


def titles(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in parts(sorted(set(ids))):
        found = conn.execute(select(d.c.id, d.c.title, d.c.source).where(d.c.id.in_(part)))
        out.update((r.id, display_title(r.title, r.source, r.id)) for r in found)
    return out


def span_text(document: Any, start: Any, end: Any) -> Any:
    """SQL: the text of a span of a document (``document`` joined as ``documents``)."""
    return func.substr(document.c.text, start + 1, end - start)


Span = tuple[str, int, int]
WHOLE_TEXT = 200_000  # characters: longer documents are cut with substr, span by span


def _excerpt(text: str, start: int, end: int, context: int) -> Excerpt:
    left, right = max(0, start - context), min(len(text), end + context)
    return Excerpt(("…" if left else "") + text[left:start], text[start:end],
                   text[end:right] + ("…" if right < len(text) else ""))


def excerpts(conn: Connection, spans: Sequence[Span], context: int = 80) -> dict[Span, Excerpt]:
    """Each span with up to ``context`` characters either side: one query for the documents' texts
    (a very long document is cut with substr instead, span by span)."""
    wanted = list(dict.fromkeys(spans))
    sizes: dict[str, int] = {}
    for part in parts(sorted({s[0] for s in wanted})):
        sizes.update(conn.execute(select(d.c.id, func.length(d.c.text)).where(d.c.id.in_(part))).all())
    short = [doc for doc, size in sizes.items() if size <= WHOLE_TEXT]
    texts: dict[str, str] = {}
    for part in parts(short):
        texts.update(conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(part))).all())
    out: dict[Span, Excerpt] = {}
    for doc_id, start, end in wanted:
        if doc_id in texts:
            out[(doc_id, start, end)] = _excerpt(texts[doc_id], start, end, context)
        elif doc_id in sizes:
            left = max(0, start - context)
            piece = conn.execute(select(func.substr(d.c.text, left + 1, end + context - left))
                                 .where(d.c.id == doc_id)).scalar() or ""
            out[(doc_id, start, end)] = Excerpt(("…" if left else "") + piece[: start - left],
                                                piece[start - left : end - left], piece[end - left :]
                                                + ("…" if end + context < sizes[doc_id] else ""))
    return out


def page_label_of(pages: str | None, start: int, end: int) -> str | None:
    """ "page 3" (or "pages 3-4") for a span of a document whose page map (JSON) is ``pages``; None without one."""
    if not pages or pages == "[]":
        return None
    return page_label(json.loads(pages), start, end)


def page(rows: list[T], offset: int, limit: int, total: int | None = None) -> Page[T]:
    """A page from ``limit + 1`` fetched rows (the extra one says whether more follow)."""
    return Page(rows[:limit], offset, limit, len(rows) > limit, total)


def contains(column: Any, text: str) -> ColumnElement[bool]:
    """SQL: ``column`` contains ``text`` (any case, ``%`` and ``_`` taken literally); false for a text longer
    than any name."""
    if len(text) > LONGEST_FILTER:
        return false()
    pattern = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return func.lower(column).like(pattern, escape="\\")


def no_document(ref: str) -> str:
    """What to tell someone whose document reference names none (no such id, a prefix too short or shared)."""
    return f"no document {ref!r}: list ids with `storyline docs` ({PREFIX_RULE})"


def no_story(ref: str) -> str:
    """What to tell someone whose story reference names none."""
    return f"no story {ref!r}: list them with `storyline stories` ({PREFIX_RULE})"


PREFIX_RULE = "a prefix of an id needs 4 or more characters and must start that id only"


def resolve_prefix(conn: Connection, column: Any, ref: str) -> str | None:
    """An id, or the one id starting with ``ref`` (at least 4 characters); None when none or several."""
    if conn.execute(select(column).where(column == ref)).first() is not None:
        return ref
    if not 4 <= len(ref) <= LONGEST_REF:
        return None
    found = conn.execute(select(column).where(column.like(ref.replace("%", "").replace("_", r"\_") + "%",
                                                          escape="\\")).limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None
