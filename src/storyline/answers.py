"""How views word speech acts, over export-shaped records (plain mappings, no store, no I/O).

    >>> speech_line({"speaker_name": "Jane Oduya", "stance": "denies", "text": "that staff were misled"})
    'Jane Oduya denied: that staff were misled'
    >>> speech_line({"speaker_name": "Sam Reid", "cue_verb": "accuse", "target_name": "the mayor",
    ...              "text": "hiding the audit"})
    'Sam Reid accused the mayor: hiding the audit'
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

from collections.abc import Collection, Iterable, Mapping
from typing import Any, TypeVar

__all__ = ["ANSWERABLE", "STANCE_VERBS", "speech_act", "speech_line", "speaker_label", "unanswered_among",
           "unanswered_claims"]

ANSWERABLE = ("claim",)  # claims and allegations wait for an answer; admissions and promises do not
STANCE_VERBS = {"denies": "denied", "questions": "asked"}

Record = Mapping[str, Any]
C = TypeVar("C")


def _get(record: Any, name: str) -> Any:
    """A field of an export record (a mapping) or of a view's row (an object with attributes)."""
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)


def speaker_label(quote: Any) -> str | None:
    """Who to print before a quote: the speaker's name, else an unresolved description as such."""
    name = _get(quote, "speaker_name")
    if name:
        return str(name)
    description = _get(quote, "speaker_description")
    return f"{description} (unidentified)" if description else None


def speech_act(quote: Any) -> str | None:
    """What the speaker does with the words when it is not simply saying them: "denied", "asked", "accused the
    mayor" (``target_name``: who is accused, when the text says), "accused"; None for an assertion."""
    if _get(quote, "cue_verb") == "accuse" and _get(quote, "stance") in (None, "asserts"):
        target = _get(quote, "target_name")
        return f"accused {target}" if target else "accused"
    return STANCE_VERBS.get(str(_get(quote, "stance") or "asserts"))


def speech_line(quote: Any) -> str:
    """"Jane Oduya denied: P", "Tom Hale asked: P", "Sam Reid accused the mayor: P", "Tom Hale: P" (or just P
    when nobody is named).

    ``quote`` is an export record or a view's quote row."""
    label = speaker_label(quote)
    text = str(_get(quote, "text") or "")
    if label is None:
        return text
    act = speech_act(quote)
    return f"{label} {act}: {text}" if act else f"{label}: {text}"


def unanswered_claims(claims: Iterable[Record], discrepancies: Iterable[Record]) -> list[Record]:
    """The claims (kind ``claim``) that no ``claim-denial`` discrepancy pairs with a denial, in the order given."""
    answered = {
        (span.get("document"), span.get("start"), span.get("end"))
        for d in discrepancies if d.get("kind") == "claim-denial"
        for span in d.get("spans") or []
    }
    return unanswered_among(claims, answered)


def unanswered_among(claims: Iterable[C], answered: Collection[tuple[Any, Any, Any]]) -> list[C]:
    """The claims (records or view rows) of an answerable kind whose span, ``(document, start, end)``, is not
    among the spans ``answered`` by a denial, in the order given."""
    return [c for c in claims if _get(c, "kind") in ANSWERABLE
            and (_get(c, "document"), _get(c, "start"), _get(c, "end")) not in answered]
