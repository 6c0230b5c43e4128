"""Fingerprints computed the cheap way give what their plain definitions give (stored keys must not change)."""

from __future__ import annotations

import random
import re

from storyline.link.fingerprint import (
    normalise_word,
    normalised_text,
    shingle_hashes,
    text_key,
    tokenize,
    winnow,
    word_hash,
)

TEXT = (
    "\u201cWe weren\u2019t told,\u201d said Cllr Ay\u015fe Y\u0131lmaz of \u0130zmir Road. 'The trust\u02bcs "
    "accounts don\u2018t add up!' Residents' (and traders\u2019) views: ignored? \u039f\u0394\u039f\u03a3 "
    "\u03a3\u03b1\u03a3. Rock\u2019n\u2019roll, the \u201990s - \u00a32.5m.\n\nShe added: \"No.\""
)


def plain_winnow(grams: list[int], window: int) -> list[tuple[int, int]]:
    """The definition: the rightmost minimum of every window, each position once, in order."""
    if len(grams) <= window:
        return [(min(grams), grams.index(min(grams)))] if grams else []
    chosen: dict[int, int] = {}
    for start in range(len(grams) - window + 1):
        block = grams[start : start + window]
        low = min(block)
        chosen[start + window - 1 - block[::-1].index(low)] = low
    return [(h, p) for p, h in sorted(chosen.items())]


def test_link_fingerprint_winnow_equals_the_rightmost_minimum_of_every_window() -> None:
    rng = random.Random(20)
    for _ in range(3000):
        top = rng.choice([3, 10, 1 << 48])  # small ranges: many ties inside a window
        grams = [rng.randrange(top) for _ in range(rng.randrange(0, 40))]
        for window in (1, 2, 4, 5):
            assert winnow(grams, window) == plain_winnow(grams, window), (grams, window)


def test_link_fingerprint_shingle_hashes_hash_each_run_of_words() -> None:
    hashes = list(tokenize(TEXT).hashes)
    for n in (1, 4, 5, 7):
        assert shingle_hashes(hashes, n) == [hash(tuple(hashes[i : i + n])) & 0xFFFFFFFFFFFF
                                             for i in range(len(hashes) - n + 1)]
    assert shingle_hashes(hashes[:3], 7) == [hash(tuple(hashes[:3])) & 0xFFFFFFFFFFFF]
    assert shingle_hashes([], 7) == []


def test_link_fingerprint_normalised_text_normalises_each_word_alone() -> None:
    # the whole text folded and lower-cased at once equals each word done alone: dotted capital I, a final
    # sigma, curly apostrophes inside and at the ends of words
    words = re.findall(r"\w+(?:['\u2019]\w+)*", TEXT)
    assert normalised_text(TEXT) == " ".join(normalise_word(w) for w in words)
    assert "don t" in normalised_text(TEXT) and "weren't" in normalised_text(TEXT)  # ‘ joins no words
    assert text_key(TEXT) == text_key(TEXT.replace("Residents", "RESIDENTS").replace("\u2019", "'").replace(", ", " , "))


def test_link_fingerprint_tokenize_gives_hashes_spans_and_sentence_ends() -> None:
    found = tokenize(TEXT)
    matches = list(re.finditer(r"(\w+(?:['\u2019]\w+)*)([.!?]?[\"\u201d\u2019')]{0,2})", TEXT))
    assert found.hashes == tuple(word_hash(m[1]) for m in matches)
    assert found.ends == tuple(m.end() for m in matches)
    assert TEXT[found.starts[0] : found.ends[1]] == "\u201cWe weren\u2019t"  # an opening quote mark taken in
    assert [TEXT[found.starts[i] : found.ends[i]] for i in sorted(found.sentence_ends)][:3] == [
        "Road.", "up!'", "ignored?"]
