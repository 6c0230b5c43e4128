"""Online story clustering: look-alike affairs stay apart, follow-ups years later are new stories."""

from __future__ import annotations

import copy
import json
import random
import sys
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest

from storyline.link.corpus import link_corpus
from storyline.link.documents import publication_order
from storyline.link.index import MemoryIndex
from storyline.link.stories import StoryBook, candidate_documents, document_filing_keys, file_document, horizon_days
from storyline.link.story_features import DocumentFeatures, day_number, fallback_names, headline, story_params
from storyline.link.story_pairs import Idf
from storyline.model import Annotations, Document, Entity, from_dict
from tests.link_fixtures import expected, intervention

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "link"


def load_fixture(name: str) -> list[tuple[Document, Annotations]]:
    """Documents of a fixture file with the entities an annotator would have found."""
    rows = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf8"))["documents"]
    items = []
    for row in rows:
        doc = from_dict(Document, row["document"])
        entities = [
            Entity(id=f"e{i}", type=kind, name=name) for i, (kind, name) in enumerate(row["entities"])
        ]
        items.append((doc, Annotations(doc_id=doc.id, entities=entities)))
    return items


def story_sets(stories: list) -> set[frozenset[str]]:
    return {frozenset(s.documents) for s in stories}


def story_of(stories: list, doc_id: str):
    return next(s for s in stories if doc_id in s.documents)


def test_stories_look_alike_affairs_stay_apart() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    assert story_of(linking.stories, "cb-1").documents[:3] == ["cb-1", "cb-2", "cb-3"]
    assert set(story_of(linking.stories, "wx-1").documents) == {"wx-1", "wx-2"}


def test_stories_follow_up_years_later_is_a_new_story() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    follow_up = story_of(linking.stories, "cb-f1")
    assert set(follow_up.documents) == {"cb-f1", "cb-f2"}
    assert (follow_up.first_date, follow_up.last_date) == ("2024-04-02", "2024-04-03")
    assert follow_up.id != story_of(linking.stories, "cb-1").id


def test_stories_undated_document_still_clusters() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    story = story_of(linking.stories, "cb-undated")
    assert "cb-1" in story.documents
    assert story.documents[-1] == "cb-undated"  # undated documents are processed last


def test_stories_title_and_dates_come_from_earliest_document() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    story = story_of(linking.stories, "cb-2")
    assert (
        story.title
        == "Government takes control of Castlebridge children's services after damning Ofsted report"
    )
    assert (story.first_date, story.last_date) == ("2021-03-09", "2021-03-20")
    dates = [s.first_date or "" for s in linking.stories]
    assert dates == sorted(dates)


def test_stories_incremental_calls_match_one_batch() -> None:
    items = load_fixture("councils") + load_fixture("versions") + load_fixture("press_release")
    batch, _ = link_corpus(items)
    state: MemoryIndex | None = None
    for item in publication_order(items):
        linking, state = link_corpus([item], state)
    assert story_sets(linking.stories) == story_sets(batch.stories)
    assert [s.id for s in linking.stories] == [s.id for s in batch.stories]
    assert {(r.a, r.b, r.a_start, r.b_start) for r in linking.reuse} == {
        (r.a, r.b, r.a_start, r.b_start) for r in batch.reuse
    }
    assert linking.document_links == batch.document_links
    assert linking.storylines == batch.storylines


def test_stories_continue_from_an_earlier_index() -> None:
    items = load_fixture("councils")
    _, state = link_corpus(items[:4])
    after, _ = link_corpus(items[4:], state)
    assert {d for s in after.stories for d in s.documents} == {doc.id for doc, _ in items}
    assert story_sets(after.stories) == story_sets(link_corpus(items)[0].stories)


def test_stories_given_state_is_not_modified() -> None:
    items = load_fixture("councils")
    _, state = link_corpus(items[:2])
    before = copy.deepcopy((state.records_, state.postings_, state.counts_))
    link_corpus(items[2:], state)
    assert (state.records_, state.postings_, state.counts_) == before


def test_stories_documents_already_linked_are_skipped() -> None:
    items = load_fixture("councils")
    once, state = link_corpus(items)
    again, _ = link_corpus(items[:3], state)
    assert story_sets(again.stories) == story_sets(once.stories)


def test_stories_day_number_reads_partial_dates() -> None:
    day, month = day_number("2021-03-09"), day_number("2021-03")
    assert day is not None and month is not None and day - month == 8
    assert day_number("2021") == day_number("2021-01-01")
    assert day_number("not a date") is None and day_number(None) is None


def test_stories_fallback_names_skip_sentence_openers() -> None:
    names = fallback_names(
        "The council met. Officials from Wexley City Council and Graham Pike spoke in March."
    )
    assert "wexley city council" in names and "graham pike" in names
    assert "officials" not in names and "march" not in names


def test_stories_headline_falls_back_to_first_line() -> None:
    doc = Document(id="d1", text="\nBridge shut after cracks found\n\nBody text.", source="t")
    assert headline(doc) == "Bridge shut after cracks found"


def test_link_stories_headline_skips_salutations() -> None:
    from storyline.link.story_features import headline
    from storyline.model import Document

    letter = Document("x", "Sir,\n\nAs a foster carer in this borough for more than twenty years, I have read the "
                      "coverage of the overspend with a growing sense of despair.", "letter.txt")
    assert headline(letter).startswith("As a foster carer in this borough")
    assert headline(letter).endswith("…") and len(headline(letter)) <= 100


def _doc(doc_id: str, terms: dict[str, float], names: dict[str, str], day: int | None = None) -> DocumentFeatures:
    return DocumentFeatures(id=doc_id, terms=terms, names=names, day=day, date=None, title=doc_id, last_day=day)


def test_stories_candidates_rank_by_rare_shared_keys_not_by_how_many() -> None:
    """A document sharing the affair's rare names must be compared before one sharing only common words."""
    book = StoryBook(MemoryIndex())
    common = {"care": 2.0, "home": 2.0, "council": 2.0, "inspection": 1.0}
    rare = {"care": 1.0, "contract": 1.0}
    idf = Idf(32, {"care": 31, "home": 30, "council": 30, "inspection": 30, "contract": 2,
                   "@daniel okafor": 2, "@brightwater trust": 2})
    look_alike = _doc("look-alike", common, {})
    same_affair = _doc("same-affair", rare, {"daniel okafor": "person", "brightwater trust": "organisation"})
    for doc in (look_alike, same_affair):
        file_document(doc, document_filing_keys(doc, idf), book)
    new = _doc("new", {"care": 1.0, "home": 1.0, "contract": 1.0},
               {"daniel okafor": "person", "brightwater trust": "organisation"})
    assert candidate_documents(new, document_filing_keys(new, idf), book, idf)[0] == "same-affair"


def test_stories_dated_documents_are_compared_within_the_horizon_only() -> None:
    params = story_params()
    book = StoryBook(MemoryIndex(), params)
    idf = Idf(3, {"bridge": 1, "@harlow": 1})
    horizon = horizon_days(params)
    near, far = (_doc(i, {"bridge": 1.0}, {"harlow": "place"}, day)
                 for i, day in (("near", 10_000), ("far", 10_000 + horizon + 30)))
    for doc in (near, far):
        file_document(doc, document_filing_keys(doc, idf), book)
    new = _doc("new", {"bridge": 1.0}, {"harlow": "place"}, 10_010)
    assert candidate_documents(new, document_filing_keys(new, idf), book, idf) == ["near"]
    undated = _doc("undated", {"bridge": 1.0}, {"harlow": "place"})
    assert set(candidate_documents(undated, document_filing_keys(undated, idf), book, idf)) == {"near", "far"}


class KnowingIndex(MemoryIndex):
    """An index that knows one document's story candidates (as the Spark job's index does)."""

    def __init__(self, known: dict[str, list[str]]) -> None:
        super().__init__()
        self.known, self.asked = known, []

    def story_candidates(self, features: DocumentFeatures, filing: Sequence[str]) -> list[str] | None:
        self.asked.append((features.id, list(filing)))
        return self.known.get(features.id)

    def postings(self, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
        self.asked.append((kind, sorted(keys)))
        return super().postings(kind, keys)


def test_stories_candidates_come_from_an_index_that_knows_them_without_lookups() -> None:
    index = KnowingIndex({"new": ["far", "near"]})
    book = StoryBook(index, story_params())
    idf = Idf(3, {"bridge": 1, "@harlow": 1})
    far_day = 10_000 + horizon_days(story_params()) + 30
    for doc in (_doc(i, {"bridge": 1.0}, {"harlow": "place"}, day) for i, day in (("near", 10_000), ("far", far_day))):
        file_document(doc, document_filing_keys(doc, idf), book)
    new = _doc("new", {"bridge": 1.0}, {"harlow": "place"}, 10_010)
    index.asked.clear()
    assert candidate_documents(new, document_filing_keys(new, idf), book, idf) == ["far", "near"]
    assert index.asked == [("new", ["@harlow", "bridge"])]  # no postings looked up
    other = _doc("other", {"bridge": 1.0}, {"harlow": "place"}, 10_012)
    assert candidate_documents(other, document_filing_keys(other, idf), book, idf) == ["near"]  # None: looked up
    assert ("dw", ["@harlow|1428", "bridge|1428"]) in index.asked  # the week "near" was filed in


def test_stories_look_alike_generated_affairs_stay_apart_as_the_corpus_grows() -> None:
    """400 generated articles on 16 affairs (same topics, different councils and people): no story mixes affairs."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import make_article

    from storyline.annotate.pipeline import Pipeline

    pipeline, items, gold = Pipeline(), [], {}
    for i in range(400):
        article = make_article(i, affairs=16)
        doc = Document(f"g{i:04d}", article.body, f"g{i}", url=article.url, title=article.title,
                       published=article.published, site_name=article.site)
        items.append((doc, pipeline(doc)))
        gold[doc.id] = article.affair
    links, _ = link_corpus(items)
    mixed = [s.id for s in links.stories if len({gold[d] for d in s.documents}) > 1]
    assert mixed == []
    by_line = {d: s.storyline or s.id for s in links.stories for d in s.documents}
    lines_per_affair = [len({by_line[d] for d in gold if gold[d] == a}) for a in set(gold.values())]
    assert sum(n == 1 for n in lines_per_affair) >= 0.8 * len(lines_per_affair)  # most affairs are one storyline


@pytest.mark.parametrize("undated", [False, True], ids=["dated", "undated"])
def test_stories_follow_up_years_later_and_look_alike_elsewhere_are_stories_of_their_own(undated: bool) -> None:
    """Three reports of a 2006 takeover, two of its end in 2009, two of a look-alike takeover in another council:
    three stories, with or without publication dates (plain text from an archive is dated from its text)."""
    links, _ = link_corpus(intervention(undated))
    assert story_sets(links.stories) == expected("story")


@pytest.mark.parametrize("undated", [False, True], ids=["dated", "undated"])
def test_stories_are_the_same_whatever_the_order_of_ingest(undated: bool) -> None:
    items = intervention(undated) + load_fixture("councils")
    first, _ = link_corpus(items)
    for seed in range(4):
        order = list(items)
        random.Random(seed).shuffle(order)
        again, _ = link_corpus(order)
        assert [(s.id, s.documents) for s in again.stories] == [(s.id, s.documents) for s in first.stories]
        assert again.storylines == first.storylines


def test_stories_linked_one_at_a_time_in_any_order_match_one_batch() -> None:
    items = intervention() + load_fixture("councils")
    batch, _ = link_corpus(items)
    order = list(items)
    random.Random(7).shuffle(order)
    state: MemoryIndex | None = None
    for item in order:
        linking, state = link_corpus([item], state)
    assert [(s.id, s.documents) for s in linking.stories] == [(s.id, s.documents) for s in batch.stories]
    assert [(line.id, line.stories) for line in linking.storylines] == [
        (line.id, line.stories) for line in batch.storylines]


def test_stories_named_after_their_earliest_document() -> None:
    links, _ = link_corpus(intervention())
    for story in links.stories:
        assert story.id == "story-" + story.documents[0][:16]
        assert story.first_date == min(d.published or "" for d, _ in intervention() if d.id in story.documents)


def test_stories_refresh_spread_over_many_calls_gives_the_same_stories(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refresh regroups a bounded number of documents per call (per transaction) and the next call goes on."""
    from storyline.link import corpus

    items = intervention() + load_fixture("councils")
    whole, _ = link_corpus(items)
    monkeypatch.setattr(corpus, "REFRESH_DOCUMENTS", 3)
    spread, _ = link_corpus(items)
    assert [(s.id, s.documents) for s in spread.stories] == [(s.id, s.documents) for s in whole.stories]
    assert spread.storylines == whole.storylines
