"""Copied passages: aligned spans of text one document shares with another.

Seeds are shared word 7-grams (normalised words, so case, punctuation and curly
or straight quotes do not matter); seeds on nearly the same diagonal a few words
apart are chained into one passage, so a changed word or two does not split it.
Candidate documents come only from ``pas`` postings of winnowed 7-gram
fingerprints in the link index: any shared run of ``REUSE_WINDOW + REUSE_NGRAM - 1``
words shares a fingerprint.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import chain as concatenated

from storyline.link import duplicates
from storyline.link.fingerprint import Tokens, document_tokens, shingle_hashes, winnow
from storyline.link.index import LinkIndex
from storyline.model import Document, Reuse

REUSE_NGRAM = 7
REUSE_WINDOW = 4
MIN_PASSAGE_WORDS = 12
MAX_GAP_WORDS = 12  # words between two seeds of one passage (a changed word breaks 7 seeds)
MAX_SHIFT_WORDS = 3  # words inserted or dropped between two seeds of one passage
MAX_POSTINGS = 40  # a fingerprint shared by more documents is boilerplate: stop indexing it
EDGE_WORDS = 3  # at most this many words of a neighbouring sentence are trimmed from a passage's ends
MAX_REPEATS = 4  # a 7-gram repeated more often within one document is not a seed


MAX_REUSE_CANDIDATES = 30  # documents aligned with a new one: those sharing the most fingerprints
MIN_SHARED_FINGERPRINTS = 2  # one shared fingerprint is a stock phrase far more often than a copied passage
MIN_SHARED_ELSEWHERE = 5  # with a document of another story: a paragraph, not a stock sentence (about 20 words)


def fingerprint_keys(tokens: Tokens) -> list[str]:
    """Winnowed word 7-gram fingerprints of a text, as posting keys."""
    grams = shingle_hashes(tokens.hashes, REUSE_NGRAM) if len(tokens.hashes) >= REUSE_NGRAM else []
    return sorted({format(h, "x") for h, _ in winnow(grams, REUSE_WINDOW)})


@lru_cache(maxsize=1024)
def document_fingerprints(doc_id: str, text: str) -> tuple[str, ...]:
    """A document's :func:`fingerprint_keys`, cached: a batch looks them all up before filing its documents."""
    return tuple(fingerprint_keys(document_tokens(doc_id, text)))


def prefetch_fingerprints(docs: Iterable[Document], index: LinkIndex) -> None:
    """Look up the fingerprints of new documents in a few statements, before they are filed one by one (a SQL
    index then answers from what it read, kept current as documents are filed: the same answers). Postings
    are read only under fingerprints not boilerplate yet (:func:`link_reuse` reads no others)."""
    keys = list(dict.fromkeys(k for doc in docs for k in document_fingerprints(doc.id, doc.text)))
    sizes = index.counts("pasn", keys)
    index.postings("pas", [k for k in keys if sizes[k] < MAX_POSTINGS])  # counts only grow: no other is read


def reuse_candidates(doc_id: str, usable: list[str], index: LinkIndex, story: Collection[str] = ()) -> list[str]:
    """Documents sharing the most of the given (non-boilerplate) fingerprints with a new one.

    A document of the new one's story (``story``: its documents, as the story's profile lists them; every
    document record names the story whose profile lists it) needs ``MIN_SHARED_FINGERPRINTS``; any other
    needs ``MIN_SHARED_ELSEWHERE``, so that stock sentences two unrelated reports
    happen to share are not aligned, while a press release or wire paragraph is.
    """
    shared = Counter(concatenated.from_iterable(index.postings("pas", usable).values()))  # counted in C
    shared.pop(doc_id, None)
    enough = sorted(d for d, n in shared.items() if n >= MIN_SHARED_FINGERPRINTS)
    near = {d for d in enough if shared[d] < MIN_SHARED_ELSEWHERE}
    same_story = near.intersection(story) if near else set()
    kept = [d for d in enough if shared[d] >= MIN_SHARED_ELSEWHERE or d in same_story]
    ranked = sorted(kept, key=lambda d: (-shared[d], d))
    return ranked[:MAX_REUSE_CANDIDATES]


def link_reuse(doc: Document, index: LinkIndex, story: Collection[str] = ()) -> list[Reuse]:
    """Passages a new document (of the story holding the documents ``story``) shares with documents already filed
    (then files it).

    Each passage's ``a`` is the earlier document (by date, else by linking order),
    from the ``dup`` records that :mod:`storyline.link.duplicates` keeps.
    """
    keys = document_fingerprints(doc.id, doc.text)
    sizes = index.counts("pasn", keys)
    usable = [k for k in keys if sizes[k] < MAX_POSTINGS]
    others = reuse_candidates(doc.id, usable, index, story)
    found: list[Reuse] = []
    if others:
        known = duplicates.profiles(index, [doc.id, *others])
        texts = index.documents(others)
        for other in others:
            if other not in known or other not in texts or doc.id not in known:
                continue
            first, second = duplicates.earlier_first(known[other], known[doc.id])
            text_of = {doc.id: doc.text, other: texts[other].text}
            a, b = (document_tokens(d, text_of[d]) for d in (first.id, second.id))
            found.extend(align_passages(a, b, first.id, second.id))
    index.add_postings("pas", doc.id, usable)
    index.add_counts("pasn", keys)
    return found


@dataclass(slots=True)
class _Chain:
    a_first: int
    b_first: int
    a_last: int
    b_last: int


@lru_cache(maxsize=512)
def _gram_positions(hashes: tuple[int, ...]) -> dict[int, list[int]]:
    """Where each word n-gram of a text starts; cached, since a document is aligned with many candidates."""
    positions: dict[int, list[int]] = {}
    for i, gram in enumerate(shingle_hashes(hashes, REUSE_NGRAM)):
        positions.setdefault(gram, []).append(i)
    return positions


def _seeds(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs of positions where ``a`` and ``b`` share a word n-gram (n-grams repeated often in ``a`` skipped)."""
    in_a, in_b = _gram_positions(tuple(a)), _gram_positions(tuple(b))
    # the shared n-grams by set intersection in C (most candidate pairs share few), their seeds in one comprehension
    seeds = [(i, j) for gram in in_a.keys() & in_b.keys() if len(found := in_a[gram]) <= MAX_REPEATS
             for j in in_b[gram] for i in found]
    seeds.sort()
    return seeds


def chain_seeds(seeds: Iterable[tuple[int, int]]) -> list[_Chain]:
    """Group seeds (sorted by position in ``a``) into passages of nearly constant offset."""
    chains: list[_Chain] = []
    open_chains: list[_Chain] = []
    expires = -1  # no open chain ended before this position in ``a`` (the oldest last seed + MAX_GAP_WORDS)
    for i, j in seeds:
        if i > expires:  # an open chain may be over: keep those whose last seed is MAX_GAP_WORDS back at most
            open_chains = [c for c in open_chains if i - c.a_last <= MAX_GAP_WORDS]
            expires = min((c.a_last for c in open_chains), default=i) + MAX_GAP_WORDS
        best, shift = None, MAX_SHIFT_WORDS + 1
        for c in open_chains:  # the first open chain it follows (a few words on in both) with the least shift
            da, db = i - c.a_last, j - c.b_last
            if 0 < da and 0 < db <= MAX_GAP_WORDS and abs(da - db) < shift:
                best, shift = c, abs(da - db)
        if best is None:
            best = _Chain(i, j, i, j)
            chains.append(best)
            open_chains.append(best)
        best.a_last, best.b_last = i, j
    return chains


def align_passages(a: Tokens, b: Tokens, a_id: str, b_id: str) -> list[Reuse]:
    """Passages of at least ``MIN_PASSAGE_WORDS`` words that ``b`` shares with ``a``, with similarity."""
    found: list[Reuse] = []
    for chain in chain_seeds(_seeds(a.hashes, b.hashes)):
        a_first, b_first, a_end, b_end = trim_to_sentences(
            a, b, chain.a_first, chain.b_first, chain.a_last + REUSE_NGRAM, chain.b_last + REUSE_NGRAM
        )
        if min(a_end - a_first, b_end - b_first) < MIN_PASSAGE_WORDS:
            continue
        ratio = passage_similarity(a.hashes[a_first:a_end], b.hashes[b_first:b_end])
        found.append(
            Reuse(
                a=a_id,
                b=b_id,
                a_start=a.starts[a_first],
                a_end=a.ends[a_end - 1],
                b_start=b.starts[b_first],
                b_end=b.ends[b_end - 1],
                similarity=round(ratio, 3),
            )
        )
    return merge_overlapping(found)


def passage_similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """:class:`difflib.SequenceMatcher`'s ratio of two passages' words; 1.0 at once when they are the same words
    (nine copied passages in ten), which is the ratio SequenceMatcher gives them."""
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def trim_to_sentences(
    a: Tokens, b: Tokens, a_first: int, b_first: int, a_end: int, b_end: int
) -> tuple[int, int, int, int]:
    """Drop a stray word or two of a neighbouring sentence at either end of a passage.

    Only where both documents have a sentence break at the same place in the passage.
    """
    for k in range(min(EDGE_WORDS, a_end - a_first - 1)):
        if a_first + k in a.sentence_ends and b_first + k in b.sentence_ends:
            a_first, b_first = a_first + k + 1, b_first + k + 1
            break
    for k in range(1, min(EDGE_WORDS, a_end - a_first - 1) + 1):
        if a_end - 1 - k in a.sentence_ends and b_end - 1 - k in b.sentence_ends:
            a_end, b_end = a_end - k, b_end - k
            break
    return a_first, b_first, a_end, b_end


def merge_overlapping(passages: list[Reuse]) -> list[Reuse]:
    """Fold passages that overlap in both documents into one."""
    merged: list[Reuse] = []
    for p in sorted(passages, key=lambda r: (r.b_start, r.a_start)):
        last = merged[-1] if merged else None
        if last and p.b_start < last.b_end and p.a_start < last.a_end and p.a_end > last.a_start:
            last.a_start, last.a_end = min(last.a_start, p.a_start), max(last.a_end, p.a_end)
            last.b_end = max(last.b_end, p.b_end)
            last.similarity = max(last.similarity, p.similarity)
        else:
            merged.append(Reuse(**p.__dict__))
    return merged


def reuse_share(passages: Iterable[Reuse], lengths: Mapping[str, int]) -> dict[str, float]:
    """Per document: share of its characters inside passages it shares with an earlier document."""
    spans: dict[str, list[tuple[int, int]]] = {doc: [] for doc in lengths}
    for p in passages:
        spans.setdefault(p.b, []).append((p.b_start, p.b_end))
    return {
        doc: round(covered(s) / lengths[doc], 4) if lengths.get(doc) else 0.0 for doc, s in spans.items()
    }


def covered(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, 0
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total
