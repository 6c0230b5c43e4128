"""A trailing attribution is not part of what was claimed or said.

"months before the mayor claimed the decision as his own, letters seen by Northgate News show": what the
mayor claimed is "the decision as his own"; ", letters seen by Northgate News show" says where the reporter
learned it.  The same for ", documents show", ", the report found", ", officials said", ", she said" and
", according to minutes of the meeting".  Word lists live in ``data/quotes_attribution_tails.json``.

    >>> text = "the decision as his own, letters seen by Northgate News show"
    >>> tail = attribution_tail(text, 0, len(text))
    >>> text[: tail.start], text[tail.source[0] : tail.source[1]]
    ('the decision as his own', 'letters seen by Northgate News')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storyline.annotate.speakers import DET_NP, NAME
from storyline.annotate.word_alternation import alternation

__all__ = ["Tail", "attribution_tail"]

MIN_CONTENT_WORDS = 2  # what is left must still say something
SOURCE_WORDS = r"(?:\s+[\w’'.&-]+){0,6}?"  # "letters seen by Northgate News", "documents obtained by the Herald"
MODIFIER = r"(?:(?![a-z]+ing\b)[a-z]+\s+)?"  # "city officials", "internal emails"; never "insisting officials"
WORD_RE = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Tail:
    """An attribution ending reported content: the content ends at ``start``; ``source`` is the span of who or
    what the attribution names ("letters seen by Northgate News", "according to the minutes")."""

    start: int
    source: tuple[int, int]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    raw = json.loads(resources.files("storyline.data").joinpath("quotes_attribution_tails.json")
                     .read_text(encoding="utf-8"))
    verbs = alternation(raw["verbs"], ignore_case=True)
    bare = alternation(raw["bare_sources"], ignore_case=True)
    pronouns = alternation(raw["pronouns"], ignore_case=True)
    adjuncts = alternation(raw["time_adjuncts"], ignore_case=True)
    source = rf"(?:{DET_NP}|{NAME}|{MODIFIER}\b(?:{bare})\b{SOURCE_WORDS}|\b(?:{pronouns}))"
    trailing = re.compile(
        rf"\s*[,—–]\s*(?P<source>{source})\s+(?:[a-z]+ly\s+)?(?:{verbs})\b(?:\s+(?:{adjuncts})\b)?\s*[.!?]?\s*$"
    )
    according = re.compile(r"\s*[,—–]?\s*(?P<source>\b[Aa]ccording\s+to\s+[^,;:“”\"\n]{2,100}?)\s*[.!?]?\s*$")
    return trailing, according


def attribution_tail(text: str, start: int, end: int) -> Tail | None:
    """The attribution that ends the content ``text[start:end]``, or None; what is left keeps at least two
    words (so "the report found" alone is never cut to nothing)."""
    window = max(start, end - 160)
    for pattern in _patterns():
        match = pattern.search(text, window, end)
        if match is None:
            continue
        if len(WORD_RE.findall(text, start, match.start())) < MIN_CONTENT_WORDS:
            return None
        return Tail(match.start(), match.span("source"))
    return None
