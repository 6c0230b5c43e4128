"""The intervention fixture (tests/fixtures/link/intervention.json) through the real annotation pipeline."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from storyline.annotate.pipeline import Pipeline
from storyline.model import Annotations, Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "link"
Item = tuple[Document, Annotations]


@cache
def intervention_rows() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads((FIXTURES / "intervention.json").read_text(encoding="utf8"))["documents"])


@cache
def _annotated(undated: bool) -> tuple[Item, ...]:
    pipeline, items = Pipeline(), []
    for row in intervention_rows():
        doc = Document(row["id"], row["text"], row["source"], url=None if undated else row["url"],
                       title=None if undated else row["title"], published=None if undated else row["published"])
        items.append((doc, pipeline(doc)))
    return tuple(items)


def intervention(undated: bool = False) -> list[Item]:
    """The seven reports, annotated; ``undated``: as plain text pasted from an archive (no title, URL or date)."""
    return list(_annotated(undated))


def expected(key: str) -> set[frozenset[str]]:
    """The expected groups of document ids, by ``story`` or ``storyline``."""
    groups: dict[str, set[str]] = {}
    for row in intervention_rows():
        groups.setdefault(row[key], set()).add(row["id"])
    return {frozenset(g) for g in groups.values()}
