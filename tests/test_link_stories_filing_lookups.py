"""Filing a document reads what it needs once: df counts kept current by the book, weeks only under keys filed."""

from __future__ import annotations

from collections.abc import Collection

from storyline.link.index import MemoryIndex
from storyline.link.stories import (
    DOCUMENTS_KEY,
    StoryBook,
    add_document,
    candidate_documents,
    document_filing_keys,
    file_document,
)
from storyline.link.story_features import DocumentFeatures, story_params
from storyline.link.story_pairs import Idf, doc_vectors, feature_keys


def _doc(doc_id: str, words: str, names: dict[str, str], day: int | None = None) -> DocumentFeatures:
    terms = {w: 1.0 + 0.5 * (len(w) % 3) for w in words.split()}
    phrases = {f"{a} {b}": 1.0 for a, b in zip(words.split(), words.split()[1:])}
    return DocumentFeatures(id=doc_id, terms=terms, names=names, day=day, date=None, title=doc_id, last_day=day,
                            phrases=phrases, salience={n: 1.5 for n in list(names)[:1]})


ARTICLES = [
    _doc("harlow-1", "harlow bridge closed after cracks found in main span", {"harlow": "place"}, 20_000),
    _doc("harlow-2", "cracks found in harlow bridge span engineers say", {"harlow": "place", "ann cole": "person"},
         20_001),
    _doc("harlow-3", "bridge closed cracks engineers repair months", {"harlow": "place", "ann cole": "person"}, 20_003),
    _doc("stanmoor-1", "stanmoor council budget vote delayed again", {"stanmoor": "place"}, 20_002),
    _doc("harlow-undated", "harlow bridge repair bill rises", {"harlow": "place"}),
]


class CountingIndex(MemoryIndex):
    """A memory index that records the count keys it was asked for, by kind."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: dict[str, list[str]] = {}

    def counts(self, kind: str, keys: Collection[str]) -> dict[str, int]:
        self.asked.setdefault(kind, []).extend(keys)
        return super().counts(kind, keys)


def test_stories_book_keeps_df_counts_current_as_documents_are_filed() -> None:
    """One book files every article (its df counts read once, then bumped); a fresh book reading the index
    sees the same counts and builds the very same vectors."""
    index = CountingIndex()
    book = StoryBook(index, story_params())
    for features in ARTICLES:
        add_document(features, book)
    fresh = StoryBook(MemoryIndex.copy(index), story_params())
    keys = sorted({k for f in ARTICLES for k in feature_keys(f)})
    assert book.idf(keys) == fresh.idf(keys)
    assert book.idf(keys).documents == len(ARTICLES) and book.idf(["bridge"]).df == {"bridge": 4}
    assert book.vectors(ARTICLES) == fresh.vectors(ARTICLES)
    idf = fresh.idf(keys)
    assert book.vectors(ARTICLES) == {f.id: doc_vectors(f, idf) for f in ARTICLES}
    assert StoryBook(MemoryIndex()).vectors([]) == {}  # nothing read yet, nothing to build
    read = index.asked["df"]
    assert read.count("bridge") == 1 and read.count(DOCUMENTS_KEY) == 1  # each key read from the index once


def test_stories_weeks_are_looked_up_only_under_keys_some_document_was_filed_under() -> None:
    index = CountingIndex()
    book = StoryBook(index, story_params())
    idf = Idf(3, {"bridge": 2, "@harlow": 2, "viaduct": 1})
    near = _doc("near", "bridge", {"harlow": "place"}, 20_000)
    undated = _doc("undated", "bridge", {"harlow": "place"})
    for doc in (near, undated):
        file_document(doc, document_filing_keys(doc, idf), book)
    new = _doc("new", "bridge viaduct", {"harlow": "place"}, 20_004)
    filing = document_filing_keys(new, idf)
    assert "viaduct" in filing
    index.asked.clear()
    assert candidate_documents(new, filing, book, idf) == ["near", "undated"]
    assert index.asked["dkn"] == filing
    weeks = {k.split("|")[0] for k in index.asked["dwn"]}
    assert weeks == {"bridge", "@harlow"}  # no document was filed under "viaduct": none of its weeks is read
