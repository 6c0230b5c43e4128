"""The corrections log: record a correction (anchored, then applied in the same transaction), describe it,
list the log, undo one.

Each function takes a :class:`~storyline.store.Store` and references as the reporter sees them (an
identity's id, unique id prefix or exact name; a fact's id ``<document>:q3`` with the document's id or
unique prefix; a story's id or prefix) and turns them into stable anchors before anything is stored.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, insert, select, update

from storyline import timex3
from storyline.corrections import anchors
from storyline.corrections.apply import apply_corrections, load_corrections
from storyline.corrections.describe import describe
from storyline.corrections.model import REJECTABLE, Correction
from storyline.corrections.quote_groups import settle_quote_groups
from storyline.model import Annotations, from_dict
from storyline.store import Store, facts, schema
from storyline.store.rows import row_document
from storyline.views.base import no_document, no_story

__all__ = ["CorrectionError", "add_correction", "describe", "undo_correction", "who_am_i"]

Built = tuple[dict[str, Any], Any, str | None]  # anchor, value, document the anchor points into
e, d, st = schema.entities, schema.documents, schema.stories
TYPES = ("person", "organisation", "place")
LONGEST_TEXT = 10**15  # characters: no document is longer (ingest's --max-bytes is at most 10**15)


class CorrectionError(ValueError):
    """A correction that cannot be made: the message says what to look up or change."""


def who_am_i() -> str:
    """Who a correction is recorded as: $STORYLINE_USER, else the login name."""
    try:
        return os.environ.get("STORYLINE_USER") or getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _prefixed(conn: Connection, column: Any, ref: str) -> str | None:
    """An id, or the one id starting with ``ref`` (4 characters or more)."""
    if conn.execute(select(column).where(column == ref)).first() is not None:
        return ref
    if not 4 <= len(ref) <= 64:  # no id is longer (and SQLite refuses very long LIKE patterns)
        return None
    found = conn.execute(select(column).where(column.like(ref.replace("%", "").replace("_", "\\_") + "%",
                                                          escape="\\")).limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None


def identity_ref(conn: Connection, ref: str) -> dict[str, Any]:
    """An identity (id, unique id prefix or exact name) as an anchor."""
    found = _prefixed(conn, e.c.id, ref)
    if found is None:
        named = conn.execute(select(e.c.id).where(e.c.name == ref).limit(2)).scalars().all()
        found = named[0] if len(named) == 1 else None
        if len(named) > 1:
            raise CorrectionError(f"several identities are called {ref!r}: use the id from `storyline people`")
    anchor = anchors.identity_anchor(conn, found) if found else None
    if anchor is None:
        raise CorrectionError(f"no person or organisation {ref!r}: list them with `storyline people` "
                              "(or `storyline people --type organisation`)")
    return anchor


def document_ref(conn: Connection, ref: str) -> str:
    found = _prefixed(conn, d.c.id, ref)
    if found is None:
        raise CorrectionError(no_document(ref))
    return found


def fact_ref(conn: Connection, kind: str, ref: str) -> dict[str, Any]:
    """A quote, claim or event (``<document>:q3``, the document as id or unique prefix) as an anchor."""
    doc, _, local = ref.rpartition(":")
    found = anchors.fact_anchor(conn, kind, f"{document_ref(conn, doc)}:{local}") if doc and local else None
    if found is None:
        letter = {"quote": "q", "claim": "c", "event": "v"}[kind]
        raise CorrectionError(f"no {kind} {ref!r}: {'an' if kind == 'event' else 'a'} {kind} is <document id>:{letter}<n>, as `storyline show DOC` "
                              f"lists them")
    return found


def story_ref(conn: Connection, ref: str) -> dict[str, Any]:
    found = _prefixed(conn, st.c.id, ref)
    anchor = anchors.story_anchor(conn, found) if found else None
    if anchor is None:
        raise CorrectionError(no_story(ref))
    return anchor


def add_correction(store: Store, kind: str, build: Callable[[Connection], Built], who: str | None = None,
                   note: str | None = None) -> Correction:
    """Anchor a correction, log it and apply it, in one transaction; returns it as the log now shows it."""
    k = schema.corrections
    with store.writer.begin() as conn:
        anchor, value, document = build(conn)
        new_id = conn.execute(insert(k).values(
            kind=kind, anchor=json.dumps(anchor, ensure_ascii=False), value=json.dumps(value, ensure_ascii=False),
            document=document, who=who or who_am_i(), created_at=_now(), note=note or None, status="applied",
        )).inserted_primary_key
        assert new_id is not None
        apply_corrections(conn)
        found = next(c for c in load_corrections(conn, include_undone=True) if c.id == new_id[0])
    return with_description(found)


# --- builders: one per kind ---------------------------------------------------------------------------


def build_merge(a: str, b: str) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        first, second = identity_ref(conn, a), identity_ref(conn, b)
        if first["id"] == second["id"]:
            raise CorrectionError(f"{a} and {b} are already one identity")
        return {"a": first, "b": second}, None, None

    return build


def build_split(entity: str, document: str, mention: tuple[int, int] | None, into: str | None
                ) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        identity = identity_ref(conn, entity)
        doc = document_ref(conn, document)
        de, m = schema.document_entities, schema.mentions
        local = conn.execute(select(de.c.name, de.c.local_id).where(de.c.document == doc, de.c.entity == identity["id"])
                             .order_by(de.c.local_id).limit(1)).first()
        if local is None:
            raise CorrectionError(f"{identity['name']} ({identity['id']}) is not named in document {doc}: "
                                  f"`storyline show {doc}` lists who it names")
        anchor = {"identity": identity, "document": doc, "name": local.name, "mention": None}
        if mention is not None:
            row = conn.execute(select(m.c.start, m.c.end).where(m.c.document == doc, m.c.start == mention[0],
                                                                m.c.end == mention[1], m.c.entity == identity["id"])
                               ) if max(mention) <= LONGEST_TEXT else None  # past 2**63 the driver overflows
            if row is None or row.first() is None:
                raise CorrectionError(f"no mention of {identity['name']} at {mention[0]}:{mention[1]} in {doc}: "
                                      "the document page highlights each mention with its span")
            anchor["mention"] = list(mention)
        return anchor, {"into": identity_ref(conn, into) if into else None}, doc

    return build


def build_rename(entity: str, name: str) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        if not name.strip():
            raise CorrectionError("a new name cannot be empty")
        return identity_ref(conn, entity), {"name": " ".join(name.split())}, None

    return build


def build_type(entity: str, type_: str) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        if type_ not in TYPES:
            raise CorrectionError(f"unknown type {type_!r}; choose one of {', '.join(TYPES)}")
        return identity_ref(conn, entity), {"type": type_}, None

    return build


def build_reject(kind: str, ref: str) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        if kind not in REJECTABLE:
            raise CorrectionError(f"cannot reject a {kind!r}; choose one of {', '.join(REJECTABLE)}")
        if kind == "entity":
            return {"target": "entity", **identity_ref(conn, ref)}, None, None
        anchor = fact_ref(conn, kind, ref)
        return {"target": kind, **anchor}, None, anchor["document"]

    return build


def build_speaker(quote: str, speaker: str | None) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        anchor = fact_ref(conn, "quote", quote)
        who = identity_ref(conn, speaker) if speaker else None
        return anchor, {"speaker": who}, anchor["document"]

    return build


_FINENESS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5}  # finest first


def build_date(event: str, value: str, precision: str | None) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        anchor = fact_ref(conn, "event", event)
        if timex3.parse(value) is None:
            raise CorrectionError(f"unreadable date {value!r}: give a TIMEX3 value such as 2023-03-14, 2023-03, "
                                  "2023 or XXXX-03-14")
        own = timex3.precision(value)
        if precision and _FINENESS.get(precision, 0) < _FINENESS.get(own, 0):
            raise CorrectionError(f"{value!r} gives a {own}, so it cannot be dated to the {precision}: give a value "
                                  f"that names the {precision} (e.g. 2023-03-14 for a day), or leave --precision out")
        return anchor, {"date": value, "precision": precision or own}, anchor["document"]

    return build


def build_story(document: str, story: str | None) -> Callable[[Connection], Built]:
    """``story`` None: a new story of its own."""

    def build(conn: Connection) -> Built:
        doc = document_ref(conn, document)
        title = conn.execute(select(d.c.title).where(d.c.id == doc)).scalar()
        value = {"new": True} if story is None else {"story": story_ref(conn, story)}
        return {"document": doc, "title": title}, value, doc

    return build


def build_storyline_join(a: str, b: str) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        first, second = story_ref(conn, a), story_ref(conn, b)
        if first["id"] == second["id"]:
            raise CorrectionError("give two different stories")
        return {"a": first, "b": second}, None, None

    return build


def build_storyline_split(story: str) -> Callable[[Connection], Built]:
    def build(conn: Connection) -> Built:
        anchor = story_ref(conn, story)
        found = anchors.resolve_story(conn, anchor)
        if found is not None and conn.execute(select(st.c.storyline).where(st.c.id == found)).scalar() is None:
            raise CorrectionError(f"{found} is in no storyline, so there is nothing to take it out of: "
                                  "`storyline story " + found + "` shows where it stands")
        return {"story": anchor}, None, None

    return build


# --- reading and undoing ----------------------------------------------------------------------------------


def with_description(c: Correction) -> Correction:
    return Correction(c.id, c.kind, c.anchor, c.value, c.who, c.created_at, c.note, c.status, c.detail, c.document,
                      describe(c))


def undo_correction(store: Store, correction_id: int) -> tuple[Correction, bool]:
    """Mark a correction undone and restore what the machine found; returns it and whether the corpus must be
    relinked for that (identities and stories come from linking; a single fact from its document's annotations)."""
    k = schema.corrections
    with store.writer.begin() as conn:
        found = next((c for c in load_corrections(conn, include_undone=True) if c.id == correction_id), None)
        if found is None:
            raise CorrectionError(f"no correction {correction_id}: `storyline fix log` lists them")
        if found.status == "undone":
            raise CorrectionError(f"correction {correction_id} is already undone")
        # what its last application found ("no quote shown at ...") says nothing about it once undone
        conn.execute(update(k).where(k.c.id == correction_id).values(status="undone", detail=None, checked_at=_now()))
        relink = found.is_identity or found.is_story
        if not relink and found.document:
            group = _quote_group(conn, found) if found.kind == "speaker" else None
            for doc in _group_documents(conn, group) | {found.document}:
                _restore_document(conn, doc)
            if group is not None:
                settle_quote_groups(conn, [group])
            apply_corrections(conn)
    return with_description(Correction(**{**found.__dict__, "status": "undone", "detail": None})), relink


def _quote_group(conn: Connection, c: Correction) -> str | None:
    row = anchors.resolve_fact(conn, "quote", c.anchor)
    return row.quote_group if row is not None else None


def _group_documents(conn: Connection, group: str | None) -> set[str]:
    """The documents carrying a quote group: a speaker fix reached them all (see corrections.quote_groups)."""
    if group is None:
        return set()
    q = schema.quotes
    return set(conn.execute(select(q.c.document).where(q.c.quote_group == group)).scalars())


def _restore_document(conn: Connection, doc_id: str) -> None:
    """A document's facts as its annotations have them (its identities and story kept), and its story's
    timeline and discrepancies made again."""
    from storyline.corrections.stories import refresh_story_rows

    a = schema.annotations
    row = conn.execute(select(d).where(d.c.id == doc_id)).first()
    data = conn.execute(select(a.c.data).where(a.c.doc_id == doc_id)).scalar()
    if row is None or data is None:
        return
    facts.write_document_facts(conn, row_document(row), from_dict(Annotations, json.loads(data)))
    story = conn.execute(select(schema.story_documents.c.story).where(schema.story_documents.c.document == doc_id))
    refresh_story_rows(conn, [s for s in story.scalars()])


def correction_log(store: Store) -> list[Correction]:
    """Every correction, oldest first, with what it does and how it fares (applied, orphaned, undone)."""
    with store.reader.connect() as conn:
        return [with_description(c) for c in load_corrections(conn, include_undone=True)]
