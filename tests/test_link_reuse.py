"""Copied passages: exact spans in both documents, robust to quote style and a changed word."""

from __future__ import annotations

from storyline.link.corpus import link_corpus
from storyline.link.fingerprint import tokenize
from storyline.link.index import MemoryIndex
from storyline.link.reuse import (
    MIN_SHARED_ELSEWHERE,
    MIN_SHARED_FINGERPRINTS,
    align_passages,
    reuse_candidates,
    reuse_share,
)
from storyline.model import Reuse
from tests.test_link_stories import load_fixture

QUOTE_RELEASE = (
    "“This is the biggest investment in the reservoir since it was built in 1932, and it will secure water "
    "supplies for more than 200,000 homes for the next fifty years,” said Priya Natarajan, Harlow Vale Water’s "
    "director of operations."
)
QUOTE_ARTICLE = QUOTE_RELEASE.replace("“", '"').replace("”", '"').replace("’", "'")
FOOTPATH_RELEASE = (
    "The reservoir will remain in use throughout, and the public footpath around its western shore will stay "
    "open except for short closures, which will be advertised in advance."
)
FOOTPATH_ARTICLE = FOOTPATH_RELEASE.replace("short", "brief")


def linking_and_texts() -> tuple:
    items = load_fixture("press_release")
    linking, _ = link_corpus(items)
    return linking, {doc.id: doc.text for doc, _ in items}


def passages(linking, a: str, b: str) -> list[Reuse]:
    return [r for r in linking.reuse if (r.a, r.b) == (a, b)]


def test_reuse_copied_quote_has_exact_spans_in_both_documents() -> None:
    linking, texts = linking_and_texts()
    (passage,) = passages(linking, "pr-water", "art-water-1")
    a_start = texts["pr-water"].index(QUOTE_RELEASE)
    b_start = texts["art-water-1"].index(QUOTE_ARTICLE)
    assert (passage.a_start, passage.a_end) == (a_start, a_start + len(QUOTE_RELEASE))
    assert (passage.b_start, passage.b_end) == (b_start, b_start + len(QUOTE_ARTICLE))
    assert passage.similarity == 1.0


def test_reuse_passage_with_a_changed_word_stays_whole() -> None:
    linking, texts = linking_and_texts()
    found = [p for p in passages(linking, "pr-water", "art-water-2") if p.similarity < 1.0]
    start = texts["art-water-2"].index(FOOTPATH_ARTICLE)
    passage = next(p for p in found if p.b_start == start)
    assert passage.b_end == start + len(FOOTPATH_ARTICLE)
    a_start = texts["pr-water"].index(FOOTPATH_RELEASE)
    assert (passage.a_start, passage.a_end) == (a_start, a_start + len(FOOTPATH_RELEASE))
    assert 0.9 < passage.similarity < 1.0


def test_reuse_source_is_the_earlier_document() -> None:
    linking, _ = linking_and_texts()
    assert {r.a for r in linking.reuse if "pr-water" in (r.a, r.b)} == {"pr-water"}


def test_reuse_share_counts_copied_characters_of_the_copier_only() -> None:
    linking, texts = linking_and_texts()
    assert linking.reuse_share["pr-water"] == 0.0
    expected = len(QUOTE_ARTICLE) / len(texts["art-water-1"])
    assert abs(linking.reuse_share["art-water-1"] - expected) < 0.01
    assert 0.3 < linking.reuse_share["art-water-2"] < 0.8


def test_reuse_short_shared_phrase_is_not_a_passage() -> None:
    a = "The mayor said the new library will open in the spring. Nothing else here matches at all today."
    b = "Critics doubt the new library will open in the spring, given the delays so far this year."
    assert align_passages(tokenize(a), tokenize(b), "a", "b") == []


def test_reuse_inserted_word_does_not_split_a_passage() -> None:
    base = (
        "Engineers from the county council spent the whole of Thursday afternoon checking the old stone piers "
        "for signs of movement before any decision was made about reopening the road."
    )
    edited = base.replace("the old stone piers", "the old and fragile stone piers")
    a, b = (
        "Earlier news. " + base + " Other text.",
        "Fresh intro here. " + edited + " Different ending words.",
    )
    (passage,) = align_passages(tokenize(a), tokenize(b), "a", "b")
    assert a[passage.a_start : passage.a_end] == base
    assert b[passage.b_start : passage.b_end] == edited


def test_reuse_share_merges_overlapping_spans() -> None:
    found = [Reuse("a", "b", 0, 10, 0, 10, 1.0), Reuse("c", "b", 0, 10, 5, 20, 1.0)]
    assert reuse_share(found, {"a": 40, "b": 40, "c": 40}) == {"a": 0.0, "b": 0.5, "c": 0.0}


def test_reuse_candidates_need_a_paragraph_from_another_story_but_a_sentence_from_the_same() -> None:
    index = MemoryIndex()
    for doc_id, shared in [("same-2", 2), ("other-2", 2), ("other-5", 5)]:
        index.add_postings("pas", doc_id, [f"f{i}" for i in range(shared)])
    index.add_postings("pas", "lone-1", ["f0"])  # one shared fingerprint is a stock phrase
    keys = [f"f{i}" for i in range(6)]
    index.add_postings("pas", "new", keys)  # a document is never its own candidate
    assert reuse_candidates("new", keys, index, ["same-1", "same-2", "new"]) == ["other-5", "same-2"]
    assert reuse_candidates("new", keys, index) == ["other-5"]
    assert MIN_SHARED_FINGERPRINTS == 2 and MIN_SHARED_ELSEWHERE == 5


def test_link_reuse_chain_seeds_follow_the_least_shifted_chain() -> None:
    from storyline.link.reuse import chain_seeds

    def chained(seeds: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        return [(c.a_first, c.b_first, c.a_last, c.b_last) for c in chain_seeds(seeds)]

    # two open chains, 4 words apart in b; a seed both could take goes to the one it shifts least ...
    assert chained([(0, 10), (1, 15), (4, 17)]) == [(0, 10, 0, 10), (1, 15, 4, 17)]
    # ... and to the earlier one when the shifts are equal
    assert chained([(0, 10), (1, 15), (4, 16)]) == [(0, 10, 4, 16), (1, 15, 1, 15)]
    # a seed too far on (more than 12 words) or not further on in b starts a chain of its own
    assert chained([(0, 10), (13, 23), (14, 23)]) == [(0, 10, 0, 10), (13, 23, 13, 23), (14, 23, 14, 23)]


def test_link_reuse_winnow_keeps_the_rightmost_minimum_of_each_window() -> None:
    from storyline.link.fingerprint import winnow

    assert winnow([5, 3, 7, 3, 9, 8, 1, 6], 3) == [(3, 1), (3, 3), (1, 6)]
    assert winnow([4, 4, 4, 4], 2) == [(4, 1), (4, 2), (4, 3)]
    assert winnow([2, 1], 4) == [(1, 1)] and winnow([], 4) == []


def test_link_reuse_passage_similarity_is_sequence_matchers_ratio() -> None:
    from difflib import SequenceMatcher

    from storyline.link.reuse import passage_similarity

    same = tokenize(FOOTPATH_RELEASE).hashes
    changed = tokenize(FOOTPATH_ARTICLE).hashes
    assert passage_similarity(same, same) == SequenceMatcher(None, same, same, autojunk=False).ratio() == 1.0
    assert passage_similarity(same, changed) == SequenceMatcher(None, same, changed, autojunk=False).ratio() < 1.0


def test_link_reuse_chain_seeds_equal_chaining_every_seed_afresh() -> None:
    import random

    from storyline.link.reuse import MAX_GAP_WORDS, MAX_SHIFT_WORDS, chain_seeds

    def plain(seeds: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        chains: list[list[int]] = []
        open_chains: list[list[int]] = []
        for i, j in seeds:  # the open chains looked over again at every seed
            open_chains = [c for c in open_chains if i - c[2] <= MAX_GAP_WORDS]
            best, shift = None, MAX_SHIFT_WORDS + 1
            for c in open_chains:
                da, db = i - c[2], j - c[3]
                if 0 < da and 0 < db <= MAX_GAP_WORDS and abs(da - db) < shift:
                    best, shift = c, abs(da - db)
            if best is None:
                best = [i, j, i, j]
                chains.append(best)
                open_chains.append(best)
            best[2:] = [i, j]
        return [tuple(c) for c in chains]  # type: ignore[misc]

    rng = random.Random(7)
    for _ in range(500):
        seeds = sorted({(rng.randrange(60), rng.randrange(60)) for _ in range(rng.randrange(40))})
        assert [(c.a_first, c.b_first, c.a_last, c.b_last) for c in chain_seeds(seeds)] == plain(seeds)


def test_link_reuse_prefetch_reads_no_postings_under_boilerplate_fingerprints() -> None:
    from storyline.link.duplicates import link_new_document, profile_document
    from storyline.link.reuse import MAX_POSTINGS, document_fingerprints, link_reuse, prefetch_fingerprints
    from storyline.model import Annotations, Document

    docs = [Document(f"d{i}", text, "fixture") for i, text in enumerate([QUOTE_RELEASE, QUOTE_ARTICLE])]
    keys = document_fingerprints(docs[0].id, docs[0].text)
    index = MemoryIndex()
    index.remember([(doc, Annotations(doc_id=doc.id)) for doc in docs])
    for order, doc in enumerate(docs):
        link_new_document(profile_document(doc, order), index)
    index.add_counts("pasn", [keys[0]], MAX_POSTINGS)  # a stock phrase found in as many documents as indexed
    asked: list[str] = []
    read = index.postings
    index.postings = lambda kind, wanted: asked.extend(wanted) or read(kind, wanted)  # type: ignore[method-assign]
    prefetch_fingerprints(docs, index)
    assert keys[0] not in asked and set(keys[1:]) <= set(asked)
    asked.clear()
    assert link_reuse(docs[0], index) == [] and link_reuse(docs[1], index)  # the copy is found all the same
    assert keys[0] not in asked
