"""Text fingerprints: normalised word tokens with offsets, word shingles and MinHash signatures.

Everything here is pure and deterministic across processes (no salted ``hash()`` of
strings), so fingerprints computed in one run can be compared with those kept in a
:class:`~storyline.link.documents.LinkState` from another.
"""

from __future__ import annotations

import inspect
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from datasketch import MinHash

NUM_PERM = 64
MINHASH_SEED = 7
# datasketch 2.0 made "affine32" the default scheme; "legacy" is the only scheme datasketch 1.x has, so pinning
# it keeps stored signatures comparable whichever version is installed (and across an upgrade).
MINHASH_SCHEME = "legacy"
DUPLICATE_SHINGLE = 5  # words per shingle for near-duplicate detection
_MASK32 = 0xFFFFFFFF
_MASK48 = 0xFFFFFFFFFFFF

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OPENING = "\"“‘'("
_WORD_AND_TAIL = re.compile(r"(\w+(?:['’]\w+)*)([.!?]?[\"”’')]{0,2})")
_STOPS = frozenset(".!?")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Tokens:
    """A document's words: hashes of their normalised forms and their character spans."""

    hashes: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentence_ends: frozenset[int] = frozenset()  # indices of words followed by . ! or ?

    def __len__(self) -> int:
        return len(self.hashes)


def normalise_word(word: str) -> str:
    """Lower-case, with curly apostrophes folded to straight ones."""
    return word.translate(_FOLD).lower()


@lru_cache(maxsize=1 << 16)
def word_hash(word: str) -> int:
    """A stable 32-bit hash of a normalised word."""
    return zlib.crc32(normalise_word(word).encode("utf8")) & _MASK32


def tokenize(text: str) -> Tokens:
    """Words of ``text`` (punctuation and quote style ignored) with their offsets.

    A word's span takes in an opening quote right before it and sentence-final
    punctuation and closing quotes right after it, so a passage that starts and
    ends on word boundaries covers whole quoted sentences.
    """
    found = list(_WORD_AND_TAIL.finditer(text))
    starts = [m.start() for m in found]
    return Tokens(
        tuple(map(word_hash, [m[1] for m in found])),
        tuple([s - 1 if s > 0 and text[s - 1] in _OPENING else s for s in starts]),
        tuple([m.end() for m in found]),
        frozenset([i for i, m in enumerate(found) if m[2][:1] in _STOPS]),
    )


@lru_cache(maxsize=1024)
def document_tokens(doc_id: str, text: str) -> Tokens:
    """Words of a document with their spans, cached: a new document is fingerprinted for near-duplicates
    and for copied passages, and aligned with many others."""
    return tokenize(text)


def normalised_text(text: str) -> str:
    """Text reduced to its lower-case words, for exact-duplicate checks."""
    return " ".join(_WORD.findall(text)).translate(_FOLD).lower()  # per character: as each word normalised alone


def text_key(text: str) -> str:
    """A short key equal for texts that differ only in case, spacing, punctuation or quote style."""
    data = normalised_text(text).encode("utf8")
    return format(zlib.crc32(data), "08x") + format(zlib.adler32(data), "08x")


def shingle_hashes(hashes: Sequence[int], n: int) -> list[int]:
    """Hash of every run of ``n`` consecutive words, by start position (short texts give one)."""
    if not hashes:
        return []
    if len(hashes) < n:
        return [hash(tuple(hashes)) & _MASK48]
    return [h & _MASK48 for h in map(hash, zip(*(hashes[k:] for k in range(n))))]  # the tuples of n words


def _identity32(value: int) -> int:
    return value & _MASK32


@lru_cache(maxsize=1)
def minhash_template() -> MinHash:
    """The one empty MinHash every signature starts from (its permutations are drawn once), in the pinned scheme."""
    pinned = {"scheme": MINHASH_SCHEME} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=_identity32, **pinned)


def minhash_signature(hashes: Sequence[int], n: int = DUPLICATE_SHINGLE) -> list[int]:
    """MinHash signature (``NUM_PERM`` ints) of the set of word ``n``-shingles."""
    shingles = set(shingle_hashes(hashes, n))
    sketch = minhash_template().copy()
    sketch.update_batch([s ^ (s >> 32) for s in shingles])
    return [int(v) for v in sketch.hashvalues]


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal MinHash slots: an unbiased estimate of the shingle sets' Jaccard index."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def lsh_band_keys(signature: Sequence[int], rows: int) -> list[str]:
    """Bucket keys of the LSH bands of a signature (``rows`` slots per band)."""
    keys = []
    for band, start in enumerate(range(0, len(signature) - rows + 1, rows)):
        chunk = tuple(signature[start : start + rows])
        keys.append(f"{band}:{hash(chunk) & _MASK48:x}")
    return keys


def winnow(grams: Sequence[int], window: int) -> list[tuple[int, int]]:
    """Winnowed fingerprints (Schleimer et al. 2003): the minimum hash of every window, with its position.

    The rightmost minimum of each window, each position once, in order. Sliding on, a window keeps the minimum
    of the one before while it is still inside (unless the hash coming in is as low); only when the minimum
    falls out is the window searched again.
    """
    if len(grams) <= window:
        return [(min(grams), grams.index(min(grams)))] if grams else []
    chosen: list[int] = []
    at, low = -1, 0
    for end in range(window, len(grams) + 1):  # the window grams[end - window:end]
        if at < end - window:
            block = grams[end - window : end]
            low = min(block)
            at = end - 1 - block[::-1].index(low)
        elif grams[end - 1] <= low:
            at, low = end - 1, grams[end - 1]
        if not chosen or chosen[-1] != at:
            chosen.append(at)
    return [(grams[p], p) for p in chosen]


_PRIME31 = (1 << 31) - 1


@lru_cache(maxsize=8)
def _set_permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(MINHASH_SEED)
    return (rng.integers(1, _PRIME31, count, dtype=np.uint64), rng.integers(0, _PRIME31, count, dtype=np.uint64))


def set_signature(words: Iterable[str], count: int) -> list[int]:
    """MinHash signature (``count`` ints) of a small set of words, such as the words of one quote."""
    values = np.fromiter({word_hash(w) & _PRIME31 for w in words}, dtype=np.uint64)
    if values.size == 0:
        return [0] * count
    a, b = _set_permutations(count)
    return [int(v) for v in ((np.outer(a, values) + b[:, None]) % _PRIME31).min(axis=1)]
