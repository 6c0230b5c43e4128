"""How views word speech acts, over export-shaped records (plain mappings, no store, no I/O).

    >>> speech_line({"speaker_name": "Jane Oduya", "stance": "denies", "text": "that staff were misled"})
    'Jane Oduya denied: that staff were misled'
    >>> speech_line({"speaker_name": "Sam Reid", "cue_verb": "accuse", "target_name": "the mayor",
    ...              "text": "hiding the audit"})
    'Sam Reid accused the mayor: hiding the audit'
    >>> accused_description("accused", " the council’s leadership of ")
    'the council’s leadership'
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

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any, TypeVar

__all__ = ["ANSWERABLE", "STANCE_VERBS", "accused_description", "claim_line", "speech_act", "speech_line", "speaker_label",
           "unanswered_among", "unanswered_groups", "unanswered_claims"]

ANSWERABLE = ("claim",)  # claims and allegations wait for an answer; admissions and promises do not
STANCE_VERBS = {"denies": "denied", "questions": "asked"}
ACCUSED_MAX = 80  # characters: the accused phrase of "accused the council's leadership of ..." is short
ACCUSED_RE = re.compile(r"[\s,]*(?P<words>[^;:.!?“”\"\n]+?)[\s,]*(?:\bof\s*)?")
PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "you", "himself", "herself", "themselves"})

Record = Mapping[str, Any]
C = TypeVar("C")
G = TypeVar("G")


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


def accused_description(cue: str | None, between: str | None) -> str | None:
    """Who an accusation accuses as the text words it, when no one was identified: the words between the verb
    ``cue`` ("accused", "accusing") and what they are accused of ("the council's leadership of " -> "the council's
    leadership"); a bare pronoun is said to be unidentified ("him (unidentified)"). None when ``cue`` is no
    accusation or the words are not a short phrase. Never a guess: the description stays a description."""
    if not cue or not cue.lower().startswith("accus") or not between or len(between) > ACCUSED_MAX:
        return None
    match = ACCUSED_RE.fullmatch(between)
    words = " ".join(match.group("words").split()) if match else ""
    if not words or words.lower() == "of":
        return None
    return f"{words} (unidentified)" if words.lower() in PRONOUNS else words


def speech_act(quote: Any) -> str | None:
    """What the speaker does with the words when it is not simply saying them: "denied", "asked", "accused the
    mayor" (``target_name``: who is accused, when the text says; else ``target_description``, the words that
    describe them: "accused the council's leadership"), "accused"; None for an assertion."""
    if _get(quote, "cue_verb") == "accuse" and _get(quote, "stance") in (None, "asserts"):
        target = _get(quote, "target_name") or _get(quote, "target_description")
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


def claim_line(claim: Any) -> str:
    """How a view words a claim: "Owen Maddox: the mayor owed residents an apology", "Priya Shah against the
    council's leadership: misleading the committee" (``against``, else ``target_name``: who it is against), or
    "someone: P" when nobody is named. ``claim`` is a view's claim (row or story claim) or a mapping with
    ``claimant_name``, ``against`` or ``target_name``, and ``text`` (what is claimed)."""
    against = _get(claim, "against") or _get(claim, "target_name")
    who = (_get(claim, "claimant_name") or "someone") + (f" against {against}" if against else "")
    return f"{who}: {_get(claim, 'text') or ''}"


def unanswered_claims(claims: Iterable[Record], discrepancies: Iterable[Record]) -> list[Record]:
    """The claims (kind ``claim``) that no ``claim-denial`` discrepancy pairs with a denial, in the order given."""
    answered = {
        (span.get("document"), span.get("start"), span.get("end"))
        for d in discrepancies if d.get("kind") == "claim-denial"
        for span in d.get("spans") or []
    }
    return unanswered_among(claims, answered)


def unanswered_groups(groups: Iterable[G], answered: Collection[tuple[Any, Any, Any]]) -> list[G]:
    """The claims of an answerable kind, each with its ``sources`` (the same claim in several documents: a
    story's versions and copies), none of whose spans a denial ``answered``: a denial of one version answers
    the claim in all. In the order given."""
    return [g for g in groups if _get(g, "kind") in ANSWERABLE
            and len(unanswered_among(_get(g, "sources") or [], answered)) == len(_get(g, "sources") or [])]


def unanswered_among(claims: Iterable[C], answered: Collection[tuple[Any, Any, Any]]) -> list[C]:
    """The claims (records or view rows) of an answerable kind whose span, ``(document, start, end)``, is not
    among the spans ``answered`` by a denial, in the order given."""
    return [c for c in claims if _get(c, "kind") in ANSWERABLE
            and (_get(c, "document"), _get(c, "start"), _get(c, "end")) not in answered]
