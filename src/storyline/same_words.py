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
from zlib import crc32
from collections.abc import Sequence
from typing import Protocol

__all__ = ["CONTAINMENT_MIN_WORDS", "JACCARD_MIN", "Words", "may_be_near_identical", "near_identical",
           "near_identical_words", "quote_tokens", "word_summary"]

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


SUMMARY_BITS = 128  # bits of a word summary's word mask (each word sets one)
_SIZE = 0xFFFF  # a summary keeps the number of words and of distinct words in 16 bits each


def word_summary(tokens: Sequence[str]) -> int | None:
    """Compact summary of a passage's words for :func:`may_be_near_identical`: a mask with one bit per distinct word
    (its CRC-32 modulo ``SUMMARY_BITS``: the same in every process, so which candidates are read never depends on
    the run), the number of distinct words and the number of words, in one int.
    None for a passage of 65,536 words or more (its sizes do not fit; it is always compared).
    """
    if len(tokens) > _SIZE:
        return None
    words = set(tokens)
    mask = 0
    for word in words:
        mask |= 1 << (crc32(word.encode()) % SUMMARY_BITS)
    return mask << 32 | len(words) << 16 | len(tokens)


def may_be_near_identical(a: int, b: int) -> bool:
    """False only when two passages with these :func:`word_summary` values cannot be :func:`near_identical`
    (``a`` in the first place, ``b`` in the second): a test of a few integer operations, with no words read.

    Every bit set in one mask and not in the other stands for at least one word of one passage missing from the
    other, a different word per bit, so the bits where the masks differ are at most the words the two sets do
    not share. Jaccard >= 0.8 means ``shared >= 0.8 (na + nb - shared)``, so ``shared >= 4 (na + nb) / 9`` and
    the words not shared, ``na + nb - 2 shared``, are at most ``(na + nb) / 9``; one set within the other means
    no bit of the shorter passage's mask is missing from the longer one's. Same words pass both tests.
    """
    na, nb = (a >> 16) & _SIZE, (b >> 16) & _SIZE
    alike = na >= JACCARD_MIN * nb if na <= nb else nb >= JACCARD_MIN * na
    if alike and 9 * ((a ^ b) >> 32).bit_count() <= na + nb:
        return True
    short, long_ = (a, b) if (a & _SIZE) <= (b & _SIZE) else (b, a)  # as near_identical picks the shorter
    return (short & _SIZE) >= CONTAINMENT_MIN_WORDS and ((short >> 32) & ~(long_ >> 32)) == 0
