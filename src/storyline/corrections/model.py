"""What a correction is: a kind, an anchor (what it applies to), a value, and who made it, when and why.

Anchors are stable across re-annotation and relinking: a fact is its document and character span
(with its text, to say what it was once the fact is gone), an identity is its type, name, surname and
a few (document, local name) pairs it was seen as, a story is some of its documents. Internal ids
(``P3A9...``, ``story-...``, ``d1:q3``) are kept only to say what the reporter saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["FACT_KINDS", "IDENTITY_KINDS", "KINDS", "REJECTABLE", "STATUSES", "STORY_KINDS", "Correction"]

IDENTITY_KINDS = ("merge", "split", "rename", "type")  # change who is who
STORY_KINDS = ("story", "storyline-join", "storyline-split")  # change what belongs together
FACT_KINDS = ("speaker", "date")  # change one fact
KINDS = (*IDENTITY_KINDS, "reject", *FACT_KINDS, *STORY_KINDS)
REJECTABLE = ("entity", "quote", "claim", "event")
STATUSES = ("applied", "orphaned", "undone")


@dataclass(frozen=True)
class Correction:
    """One row of the corrections log."""

    id: int
    kind: str
    anchor: dict[str, Any]
    value: Any
    who: str
    created_at: str
    note: str | None = None
    status: str = "applied"  # applied, orphaned (its anchor is gone), undone
    detail: str | None = None  # what the last application found
    document: str | None = None
    description: str = field(default="", compare=False)

    @property
    def target(self) -> str:
        """What a reject removes (entity, quote, claim, event); the kind's own subject otherwise."""
        return str(self.anchor.get("target") or self.kind)

    @property
    def is_identity(self) -> bool:
        return self.kind in IDENTITY_KINDS or (self.kind == "reject" and self.target == "entity")

    @property
    def is_story(self) -> bool:
        return self.kind in STORY_KINDS
