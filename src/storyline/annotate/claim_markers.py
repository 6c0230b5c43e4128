"""What makes words a speech act: negated cues, negated content, and markers inside what was said.

The word lists live in ``data/claims_markers.json``.  A plain "said" becomes an allegation when
the content accuses ("said staff had been misled"), a denial when the accusation is negated
("Nobody has misled anybody") or the content rebuts a charge ("the audit was simply wrong"); quoted
first-person words can admit ("I apologise for that") or promise ("We will balance the books").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Markers", "markers", "cue_negated", "content_negated", "content_acts"]

SENTENCE_IN_RE = re.compile(r"[^.!?]+[.!?]*")
CLAUSE_BREAK_RE = re.compile(r"[,;:—–]|\b(?:but|and|or|because|while|which|who)\b")
ADVERBS_RE = r"(?:\s+[a-z]+ly)?"
NEGATION_HINTS = ("not", "n't", "n’t", "never", "refuse", "decline", "cannot")  # every cue negation holds one


def _words(words: list[str]) -> str:
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


@dataclass(frozen=True)
class Markers:
    negator_re: re.Pattern[str]
    cue_negation_re: re.Pattern[str]
    accusation_re: re.Pattern[str]
    rebuttal_re: re.Pattern[str]
    admission_re: re.Pattern[str]
    promise_re: re.Pattern[str]
    self_negation_re: re.Pattern[str]
    role_heads: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def markers() -> Markers:
    """The marker lists of ``data/claims_markers.json``, compiled once."""
    raw = json.loads(resources.files("storyline.data").joinpath("claims_markers.json").read_text(encoding="utf-8"))
    flags = re.IGNORECASE
    negator = r"n[’']t\b|\b" + _words([w for w in raw["negators"] if w != "n't"]) + r"\b"
    return Markers(
        negator_re=re.compile(negator, flags),
        cue_negation_re=re.compile(rf"\b{_words(raw['cue_negation'])}{ADVERBS_RE}\s+$", flags),
        accusation_re=re.compile(rf"\b{_words(raw['accusation'])}\b", flags),
        rebuttal_re=re.compile(
            rf"\b{_words(raw['rebuttal_subjects'])}\b[^.;!?]{{0,90}}?\b{_words(raw['rebuttal_predicates'])}\b", flags
        ),
        admission_re=re.compile(rf"(?<![\w’']){_words(raw['admission'])}\b", flags),
        promise_re=re.compile(rf"(?<![\w’']){_words(raw['promise_openers'])}\b(?!\s+(?:not|be)\b)", flags),
        self_negation_re=re.compile(
            rf"\s*(?:that\s+)?(?:he|she|they|we|I)\s+{_words(raw['self_negation'])}\b", flags
        ),
        role_heads={k: tuple(v) for k, v in raw["role_heads"].items()},
    )


def cue_negated(text: str, lo: int, cue_start: int) -> bool:
    """"did not admit", "refused to apologise", "never conceded": the act did not happen."""
    window = text[max(lo, cue_start - 40) : cue_start]
    lowered = window.lower()
    if not any(word in lowered for word in NEGATION_HINTS):
        return False  # the common case, without a regex search
    return bool(markers().cue_negation_re.search(window))


def content_negated(text: str, start: int, end: int) -> bool:
    """Whether the first clause of the content is negated ("he never concealed", "X was not ...")."""
    first = CLAUSE_BREAK_RE.search(text, start + 1, end)
    return bool(markers().negator_re.search(text, start, first.start() if first else end))


def _negated_before(text: str, lo: int, pos: int) -> bool:
    """A negator earlier in the same clause ("This council did not mislead anyone")."""
    breaks = [m.end() for m in CLAUSE_BREAK_RE.finditer(text, lo, pos)]
    return bool(markers().negator_re.search(text, breaks[-1] if breaks else lo, pos))


def _sentence_acts(text: str, start: int, end: int, first_person: bool) -> list[str]:
    m = markers()
    kinds: list[str] = []
    if first_person and m.admission_re.search(text, start, end) and not text[start:end].rstrip().endswith("?"):
        kinds.append("admission")
    promise = m.promise_re.search(text, start, end) if first_person else None
    if promise and not text[start:end].rstrip().endswith("?") and not _negated_before(text, start, promise.start()):
        kinds.append("promise")
    accusation = m.accusation_re.search(text, start, end)
    if m.rebuttal_re.search(text, start, end):
        kinds.append("denial")
    elif accusation is not None:
        kinds.append("denial" if _negated_before(text, start, accusation.start()) else "claim")
    return kinds


def content_acts(text: str, start: int, end: int, *, direct: bool) -> list[tuple[str, tuple[int, int]]]:
    """Speech acts in reported words ``text[start:end]``: (kind, span of the sentence that shows it).

    First-person admissions and promises count only in direct quotes; an indirect "he never saw
    the email" (the speaker denying his own doing or knowing) is a denial.
    """
    found: list[tuple[str, tuple[int, int]]] = []
    if not direct and markers().self_negation_re.match(text, start, end):
        found.append(("denial", (start, end)))
    for sentence in SENTENCE_IN_RE.finditer(text, start, end):
        s, e = sentence.start() + len(sentence.group(0)) - len(sentence.group(0).lstrip()), sentence.end()
        for kind in _sentence_acts(text, s, e, direct):
            if all(k != kind for k, _ in found):
                found.append((kind, (s, e)))
    return found
