"""How views word speech acts, over export-shaped records (plain mappings, no store, no I/O).

    >>> speech_line({"speaker_name": "Jane Oduya", "stance": "denies", "text": "that staff were misled"})
    'Jane Oduya denied: that staff were misled'
    >>> claims = [{"document": "d1", "start": 0, "end": 40, "kind": "claim"},
    ...           {"document": "d1", "start": 50, "end": 90, "kind": "claim"}]
    >>> pairs = [{"kind": "claim-denial", "spans": [{"document": "d1", "start": 0, "end": 40},
    ...                                              {"document": "d2", "start": 7, "end": 30}]}]
    >>> [c["start"] for c in unanswered_claims(claims, pairs)]
    [50]

Both take the records of ``docs/export.md`` (``quotes``, ``claims``, ``discrepancies``), so the CLI,
the web pages and reports can say "X denied: P" and list the claims that stand unanswered without
rebuilding anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["ANSWERABLE", "STANCE_VERBS", "speech_line", "speaker_label", "unanswered_claims"]

ANSWERABLE = ("claim",)  # claims and allegations wait for an answer; admissions and promises do not
STANCE_VERBS = {"denies": "denied", "questions": "asked"}

Record = Mapping[str, Any]


def speaker_label(quote: Record) -> str | None:
    """Who to print before a quote: the speaker's name, else an unresolved description as such."""
    name = quote.get("speaker_name")
    if name:
        return str(name)
    description = quote.get("speaker_description")
    return f"{description} (unidentified)" if description else None


def speech_line(quote: Record) -> str:
    """"Jane Oduya denied: P", "Tom Hale asked: P", "Tom Hale: P" (or just P when nobody is named)."""
    label = speaker_label(quote)
    text = str(quote.get("text") or "")
    if label is None:
        return text
    verb = STANCE_VERBS.get(str(quote.get("stance") or "asserts"))
    return f"{label} {verb}: {text}" if verb else f"{label}: {text}"


def unanswered_claims(claims: Iterable[Record], discrepancies: Iterable[Record]) -> list[Record]:
    """The claims (kind ``claim``) that no ``claim-denial`` discrepancy pairs with a denial, in the order given."""
    answered = {
        (span.get("document"), span.get("start"), span.get("end"))
        for d in discrepancies if d.get("kind") == "claim-denial"
        for span in d.get("spans") or []
    }
    return [c for c in claims if c.get("kind") in ANSWERABLE
            and (c.get("document"), c.get("start"), c.get("end")) not in answered]
