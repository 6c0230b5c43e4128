"""Filing a document reads what it needs once: df counts kept current by the book, weeks only under keys filed."""

from __future__ import annotations

from collections.abc import Collection

from storyline.link.corpus import link_new
from storyline.link.index import MemoryIndex
from storyline.link.stories import (
    DOCUMENTS_KEY,
    FILED_WEEKS,
    WEEK,
    WEEKS_COUNTED_KEY,
    StoryBook,
    add_document,
    candidate_documents,
    document_filing_keys,
    file_document,
    lookup_weeks,
)
from storyline.link.story_features import DocumentFeatures, story_params
from storyline.link.story_pairs import Idf, doc_vectors, feature_keys
from storyline.model import Annotations, Document


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


def _filed_near_and_asked(counted: bool) -> tuple[CountingIndex, list[str]]:
    """An index holding a dated and an undated bridge report, then the candidates of a new dated one."""
    index = CountingIndex()
    if counted:
        index.add_counts("meta", [WEEKS_COUNTED_KEY])
    book = StoryBook(index, story_params())
    idf = Idf(3, {"bridge": 2, "@harlow": 2})
    for doc in (_doc("near", "bridge", {"harlow": "place"}, 20_000), _doc("undated", "bridge", {"harlow": "place"})):
        file_document(doc, document_filing_keys(doc, idf), book)
    new = _doc("new", "bridge", {"harlow": "place"}, 20_004)
    index.asked.clear()
    return index, candidate_documents(new, document_filing_keys(new, idf), book, idf)


def test_stories_weeks_nothing_was_filed_in_are_not_looked_up() -> None:
    """With the documents of each week counted, a new document asks for ``key|week`` counts only in weeks some
    document was filed in (here the one week of "near"), and finds the same candidates."""
    index, found = _filed_near_and_asked(counted=True)
    weeks = lookup_weeks(20_004, StoryBook(index, story_params()).horizon)
    assert len(weeks) > 2 and index.asked[FILED_WEEKS] == [str(w) for w in weeks]
    assert found == ["near", "undated"]
    assert {k.split("|")[1] for k in index.asked["dwn"]} == {str(20_000 // WEEK)}
    assert index.counts(FILED_WEEKS, [str(20_000 // WEEK)]) == {str(20_000 // WEEK): 1}


def test_stories_an_index_started_without_week_counts_looks_up_every_week() -> None:
    """An index filed before weeks were counted has weeks with documents and no count: every week is read."""
    index, found = _filed_near_and_asked(counted=False)
    weeks = lookup_weeks(20_004, StoryBook(index, story_params()).horizon)
    assert found == ["near", "undated"] and FILED_WEEKS not in index.asked
    assert {k.split("|")[1] for k in index.asked["dwn"]} == {str(w) for w in weeks}


def test_stories_a_new_index_counts_weeks_from_its_first_document() -> None:
    index = MemoryIndex()
    link_new([], index)
    assert index.counts("meta", [WEEKS_COUNTED_KEY])[WEEKS_COUNTED_KEY] == 0  # nothing linked: nothing set
    doc = Document(id="d1", text="Harlow bridge closed.", source="harlow.txt", title="Harlow bridge", published="2024-03-04")
    link_new([(doc, Annotations(doc_id="d1"))], index)
    assert index.counts("meta", [WEEKS_COUNTED_KEY])[WEEKS_COUNTED_KEY] == 1
