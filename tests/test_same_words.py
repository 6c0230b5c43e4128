"""The rule that merges reported passages, and the word summaries that rule out a match without the words."""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys

from storyline.same_words import (
    SUMMARY_BITS,
    Words,
    may_be_near_identical,
    near_identical,
    quote_tokens,
    word_summary,
)

PASSAGES = [
    "We will not be closing a single library this year",
    "we will NOT be closing a single library this year, the mayor said",
    "We will not be closing a single library",
    "We will not be closing any library this year",
    "Nobody asked me",
    "Nobody asked me anything",
    "The consultation was never meant to change anything",
    "The consultation was never meant to change anything at all, and everyone on this street knew it",
    "The library on Mill Lane will stay open until the spring",
    "library the year this single a closing be not will we",
]


def summary(text: str) -> int:
    found = word_summary(quote_tokens(text))
    assert found is not None
    return found


def test_same_words_summary_never_rules_out_a_near_identical_pair() -> None:
    """Every pair the rule merges, among written passages and random ones from a small vocabulary (so that
    many pairs are near-identical, and many masks collide), passes the summary test, both ways round."""
    rng = random.Random(20)
    vocabulary = [f"word{i}" for i in range(40)]
    passages = [quote_tokens(text) for text in PASSAGES]
    for _ in range(150):
        base = [rng.choice(vocabulary) for _ in range(rng.randint(1, 24))]
        passages.append(base)
        edited = list(base)
        for _ in range(rng.randint(0, 3)):
            edited[rng.randrange(len(edited))] = rng.choice(vocabulary)
        passages.append(edited)
        start = rng.randrange(len(base))
        passages.append(base[start : start + rng.randint(1, len(base))])
    merged = ruled_out = 0
    for a, b in itertools.product(passages, repeat=2):
        summaries = word_summary(a), word_summary(b)
        assert summaries[0] is not None and summaries[1] is not None
        if near_identical(Words(a), Words(b)):
            merged += 1
            assert may_be_near_identical(*summaries), (a, b)
        elif not may_be_near_identical(*summaries):
            ruled_out += 1
    assert merged > 500 and ruled_out > 100_000  # the test saw both outcomes, often


def test_same_words_summary_rules_out_passages_with_other_words() -> None:
    library = summary(PASSAGES[0])
    assert may_be_near_identical(library, summary(PASSAGES[1]))  # contained: the shorter has 10 words
    assert may_be_near_identical(summary(PASSAGES[1]), library)
    assert may_be_near_identical(library, summary(PASSAGES[9]))  # the same word set, in another order
    assert not may_be_near_identical(library, summary(PASSAGES[8]))  # another sentence
    assert not may_be_near_identical(summary(PASSAGES[4]), summary(PASSAGES[5]))  # 3 words: no containment


def test_same_words_summary_holds_the_sizes_and_one_bit_per_distinct_word() -> None:
    tokens = quote_tokens("the council said the council would pay")
    found = summary("the council said the council would pay")
    assert found & 0xFFFF == len(tokens) == 7
    assert (found >> 16) & 0xFFFF == 5
    assert 1 <= (found >> 32).bit_count() <= 5 and found >> 32 < 1 << SUMMARY_BITS
    assert word_summary(["word"] * 70_000) is None  # too long to summarise: always compared


def test_word_summary_is_the_same_in_every_process() -> None:
    """Which quote candidates the summaries rule out must not depend on the run (Python's str hash does)."""
    code = "from storyline.same_words import word_summary; print(word_summary('the budget was set in march'.split()))"
    runs = {subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, check=True).stdout for seed in ("1", "5", "99")}
    assert len(runs) == 1
