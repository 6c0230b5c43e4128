"""When two reported passages say the same thing: the rule that merges a quote found in several documents
(:mod:`storyline.link.quotes`) and a claim found in several versions of an article (:mod:`storyline.views.claims`).

Words are compared lower case, without accents, quote marks or punctuation; two passages are the same when
their words are, when their word sets overlap by Jaccard >= 0.8, or when one contains the other and the shorter
has at least 8 words.

    >>> near_identical_words(quote_tokens("The mayor owed residents an apology."),
    ...                      quote_tokens("the mayor owed residents an apology"))
    True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol

__all__ = ["CONTAINMENT_MIN_WORDS", "JACCARD_MIN", "Words", "near_identical", "near_identical_words",
           "quote_tokens"]

JACCARD_MIN = 0.8
CONTAINMENT_MIN_WORDS = 8
_APOSTROPHES = re.compile(r"['’‘`]")
_WORDS = re.compile(r"[^\W_]+")


def quote_tokens(text: str) -> list[str]:
    """Words of a quote: lower case, no accents, no quote marks or punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORDS.findall(_APOSTROPHES.sub("", text.lower()))


class Compared(Protocol):
    """What the comparison reads of a passage's words."""

    tokens: list[str]
    token_set: frozenset[str]
    joined: str


class Words:
    """The words of a quote as comparisons need them: in order, as a set, and joined with spaces."""

    __slots__ = ("joined", "token_set", "tokens")

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.token_set = frozenset(tokens)
        self.joined = f" {' '.join(tokens)} "


def near_identical(a: Compared, b: Compared) -> bool:
    """Same words, Jaccard >= 0.8 over word sets, or one containing the other (shorter >= 8 words)."""
    if a.tokens == b.tokens:
        return True
    sa, sb = a.token_set, b.token_set
    na, nb = len(sa), len(sb)
    shared = len(sa & sb)  # (the union has na + nb - shared words; a set is within another when all are shared)
    if (na >= JACCARD_MIN * nb if na <= nb else nb >= JACCARD_MIN * na) and shared >= JACCARD_MIN * (na + nb - shared):
        return True
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    if len(short.tokens) < CONTAINMENT_MIN_WORDS or shared != len(short.token_set):
        return False
    return short.joined in long_.joined


def near_identical_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two word lists (:func:`quote_tokens`) say the same thing."""
    return near_identical(Words(list(a)), Words(list(b)))
