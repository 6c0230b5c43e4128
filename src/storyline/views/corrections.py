"""The corrections log as the reader sees it: every correction, what it does, and how it fares."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from storyline.corrections import Correction, describe
from storyline.store import Store, schema
from storyline.views import base

__all__ = ["correction_records", "corrections"]

k = schema.corrections


def _correction(r: Any) -> Correction:
    found = Correction(r.id, r.kind, json.loads(r.anchor), json.loads(r.value), r.who, r.created_at, r.note,
                       r.status, r.detail, r.document)
    return Correction(**{**found.__dict__, "description": describe(found)})


def corrections(store: Store, include_undone: bool = True, document: str | None = None) -> list[Correction]:
    """The log, oldest first (or the corrections anchored in one document)."""
    query = select(k).order_by(k.c.id)
    if not include_undone:
        query = query.where(k.c.status != "undone")
    if document is not None:
        query = query.where(k.c.document == document)
    with base.reading(store) as conn:
        return [_correction(r) for r in conn.execute(query)]


def correction_records(store: Store) -> Iterator[dict[str, Any]]:
    """The export's ``corrections`` list (docs/export.md)."""
    for c in corrections(store):
        yield {"id": c.id, "kind": c.kind, "target": c.target, "anchor": c.anchor, "value": c.value, "who": c.who,
               "created_at": c.created_at, "note": c.note, "status": c.status, "detail": c.detail,
               "description": c.description}
