"""The typed views: each a bounded query returning dataclasses, pages a reporter can read."""

from __future__ import annotations

import pytest

from storyline import views
from storyline.model import Annotations, Document, Entity, Event, Role
from storyline.store import Store

from .builders import filled_store
from .test_web_corpus import DOC_IDS, NORTHGATE, STORY_2023, STORY_2024, corpus_store, span


@pytest.fixture(scope="module")
def corpus() -> Store:
    return corpus_store()


def test_views_people_rank_by_quotes_with_role_names(corpus: Store) -> None:
    page = views.people(corpus)
    assert [p.id for p in page] == ["P-hughes", "P-shah"] and page.total == 2 and not page.more
    hughes = page.items[0]
    assert hughes.quotes == 4 and hughes.roles == ["council leader", "Councillor"]  # "leader" folds into the fuller
    assert [p.name for p in views.people(corpus, "organisation")] == ["Brackendale Borough Council"]
    with pytest.raises(ValueError, match="choose one of person"):
        views.people(corpus, "robot")


def test_views_people_page_through(corpus: Store) -> None:
    first = views.people(corpus, limit=1)
    second = views.people(corpus, limit=1, offset=1)
    assert first.more and not second.more and [first.items[0].id, second.items[0].id] == ["P-hughes", "P-shah"]


def test_views_distinct_roles_merges_variants() -> None:
    roles = ["Mayor", "mayor", "council leader", "leader", "Children's Minister", "Children’s Minister", "MP"]
    assert views.distinct_roles(roles) == ["Children's Minister", "council leader", "mayor", "MP"]


def test_views_distinct_roles_same_spelling_whatever_the_row_order() -> None:
    """Backends return rows in different orders: the form shown must not depend on it."""
    roles = ["director of children’s services", "director of children's services", "Director"]
    assert views.distinct_roles(roles) == views.distinct_roles(roles[::-1]) == [
        "Director", "director of children's services"]


def test_views_person_lists_each_role_once_with_its_date_range() -> None:
    store = Store(":memory:")
    for i, (date, title) in enumerate([("2023-05-02", "Mayor"), ("2024-01-09", "mayor"), ("2025-03-01", "MAYOR")]):
        text = f"The {title} of Castlewick, Gordon Pryce, spoke."
        ann = Annotations(f"d{i}", entities=[Entity("e1", "person", "Gordon Pryce",
                                                    roles=[Role(title, 4, 4 + len(title), "Castlewick")])])
        store.add_document(Document(f"d{i}", text, f"d{i}.txt", published=date), ann)
    store.replace_links("entity", [("P-pryce", {"id": "P-pryce", "type": "person", "name": "Gordon Pryce",
                                                "aliases": [], "mentions": 3}, [])])
    store.set_entity_map({f"d{i}:e1": "P-pryce" for i in range(3)})
    person = views.person(store, "P-pryce")
    assert person is not None
    assert [(r.role, r.first, r.last, r.mentions, r.organisations) for r in person.roles] == [
        ("mayor", "2023-05-02", "2025-03-01", 3, ["Castlewick"])]
    assert person.roles[0].dates == "2023-05-02 – 2025-03-01"
    assert [s.document for s in person.roles[0].sources] == ["d0", "d1", "d2"]
    assert views.people(store).items[0].roles == ["mayor"]


def test_views_person_page(corpus: Store) -> None:
    p = views.person(corpus, "P-hughes")
    assert p is not None and p.summary.name == "Grace Hughes"
    assert [(r.role, r.dates) for r in p.roles] == [("Councillor", "2023-03-21"), ("council leader", "2024-09-13"),
                                                   ("leader", "2024-09-14")]
    assert p.roles[2].organisations == ["Brackendale Borough Council"]
    assert [q.published for q in p.quotes] == ["2023-03-21", "2024-09-13", "2024-09-14", "2024-10"]
    assert [s.id for s in p.stories] == [STORY_2023, STORY_2024]
    assert {c.kind for c in p.claims} == {"claim", "denial", "promise"}
    assert views.person(corpus, "nobody") is None


def test_views_quotes_filter_by_speaker(corpus: Store) -> None:
    assert [q.speaker for q in views.quotes(corpus, "shah")] == ["P-shah"]
    assert views.quotes(corpus, "Nobody").items == []
    page = views.quotes(corpus, limit=2)
    assert len(page) == 2 and page.more and page.items[0].published == "2023-03-21"


def test_views_story_dossier_lists_each_quote_once_with_its_sources(corpus: Store) -> None:
    d = views.story_dossier(corpus, STORY_2024[:8])  # a unique prefix works
    assert d is not None and d.story.id == STORY_2024
    assert [doc.id for doc in d.documents] == [DOC_IDS["echo"], DOC_IDS["north"], DOC_IDS["obs"]]
    hughes = next(s for s in d.quotes if s.name == "Grace Hughes")
    carried = next(q for q in hughes.quotes if q.text.startswith("Every figure"))
    assert [s.document for s in carried.sources] == [DOC_IDS["echo"], DOC_IDS["north"]]
    assert [d.place(s.document, s.start) for s in carried.sources] == ["source 1, paragraph 3",
                                                                         "source 2, paragraph 1"]
    assert d.quote_count == 3 and [s.name for s in d.quotes] == ["Grace Hughes", "Priya Shah"]


def test_views_story_dossier_groups_copied_passages_by_source(corpus: Store) -> None:
    d = views.story_dossier(corpus, STORY_2024)
    assert d is not None and len(d.copied) == 1
    group = d.copied[0]
    assert group.source.id == DOC_IDS["echo"]  # copied from the earlier Echo story ...
    passage = group.passages[0]
    assert passage.copy.document == DOC_IDS["north"]  # ... into Northgate News
    assert passage.copy.excerpt.span == "denied that the committee had been misled."
    assert NORTHGATE[passage.copy.start:passage.copy.end] == passage.copy.excerpt.span


def test_views_story_dossier_people_timeline_discrepancies(corpus: Store) -> None:
    d = views.story_dossier(corpus, STORY_2024)
    assert d is not None
    assert [p.name for p in d.people] == ["Grace Hughes", "Priya Shah"]  # most quoted in the story first
    assert [r.role for r in d.people[0].roles] == ["council leader", "leader"]  # roles in this story only
    assert [e.date for e in d.timeline] == ["2024-03", "2024-09-12", "2024-09-13", "2024-10", "2025"]
    assert d.discrepancies[0].kind == "figure" and [s.excerpt.span for s in d.discrepancies[0].sides] == ["£4.2m",
                                                                                                           "$4.5m"]
    assert d.summary.startswith("2024-09-13 – 2024-10: 3 sources from 3 outlets; 3 quotes by 2 speakers")
    assert views.story_dossier(corpus, "nope") is None


def test_views_stories_filters(corpus: Store) -> None:
    def ids(**kw: str) -> list[str]:
        return [s.id for s in views.stories(corpus, filters=views.StoryFilters(**kw), newest_first=True)]

    assert ids() == [STORY_2024, STORY_2023]
    assert ids(date_from="2024-01") == [STORY_2024] and ids(date_to="2023-12-31") == [STORY_2023]
    assert ids(person="P-hughes") == [STORY_2024, STORY_2023] and ids(person="Priya") == [STORY_2024]
    assert ids(source="gazette") == [STORY_2023] and ids(person="Nobody") == []
    with pytest.raises(ValueError, match="unreadable date"):
        ids(date_from="last spring")


def test_views_timeline_orders_mixed_precision_and_pages(corpus: Store) -> None:
    dates = [e.date for e in views.timeline(corpus, limit=100)]
    assert dates == ["2023-03-21", "2024-03", "2024-09-12", "2024-09-13", "2024-10", "2025"]
    assert [e.date for e in views.timeline(corpus, limit=2, offset=1)] == ["2024-03", "2024-09-12"]
    assert [e.id for e in views.timeline(corpus, document=DOC_IDS["obs"][:6])] == [f"{DOC_IDS['obs']}:v2",
                                                                                 f"{DOC_IDS['obs']}:v1"]
    with pytest.raises(ValueError, match="storyline docs"):
        views.timeline(corpus, document="ffffff")


def test_views_story_timeline_prefers_the_merged_one() -> None:
    store = filled_store()
    d = views.story_dossier(store, "S1")
    assert d is not None and [e.date for e in d.timeline] == ["2023-03-14"]
    event = Event("d1:v1", 0, 10, "2023-03-14", "day", "Merged", (0, 4))
    store.replace_links("timeline", [("S1", {"story": "S1", "events": [event]}, ["d1"])])
    merged = views.timeline(store, story="S1")
    assert [(e.id, e.text) for e in merged] == [("d1:v1", "Merged")]


def test_views_claims_by_kind_with_their_words(corpus: Store) -> None:
    denials = views.claims(corpus, "denial")
    assert {c.claimant_name for c in denials} == {"Grace Hughes"}
    assert all(c.text.startswith(("The council leader", "Grace Hughes")) for c in denials)
    assert denials.items[0].content == "the committee had been misled"


def test_views_document_view_marks_every_fact(corpus: Store) -> None:
    v = views.document(corpus, DOC_IDS["echo"][:6])
    assert v is not None and v.summary.id == DOC_IDS["echo"] and v.summary.story == STORY_2024
    kinds = {m.kind for m in v.marks}
    assert kinds == {"quote", "event", "claim", "role", "reuse", "discrepancy", "mention", "date"}
    mention = next(m for m in v.marks if m.kind == "mention" and m.entity == "P-shah")
    assert v.text[mention.start:mention.end] == "Priya Shah"
    assert views.document(corpus, "zzzz") is None


def test_views_search_facets(corpus: Store) -> None:
    found = views.search(corpus, "misled")
    assert found.total == 2 and {f.value for f in found.facets["site"]} == {"Brackendale Echo", "Northgate News"}
    narrowed = views.search(corpus, "misled", site="Northgate News")
    assert [h.document.id for h in narrowed.hits] == [DOC_IDS["north"]] and narrowed.total == 2
    assert views.search(corpus, "  ").hits == []


def test_views_overview_counts(corpus: Store) -> None:
    o = views.overview(corpus)
    assert o.counts["documents"] == 4 and o.counts["stories"] == 2 and o.counts["quotes"] == 5
    assert [s.id for s in o.latest_stories] == [STORY_2024, STORY_2023]
    assert o.recent_documents[0].published == "2024-10"


def test_views_spans_point_at_the_source_text(corpus: Store) -> None:
    v = views.document(corpus, DOC_IDS["north"])
    assert v is not None
    for q in v.quotes:
        assert v.text[q.start:q.end] == q.text
    start, _ = span(NORTHGATE, "Every figure")
    assert any(q.start == start for q in v.quotes)


def test_views_story_dossier_lists_the_first_rows_of_a_big_story_and_counts_the_rest(corpus: Store) -> None:
    full = views.story_dossier(corpus, STORY_2024, views.FULL)
    small = views.story_dossier(corpus, STORY_2024, views.DossierLimits(people=1, events=2, quotes=1, claims=1))
    assert full is not None and small is not None and full.more == {}
    assert [p.name for p in small.people] == ["Grace Hughes"] and small.more["people"] == 1
    assert len(small.timeline) == 2 and small.more["events"] == 3
    assert small.quote_count == 1 and small.more["quotes"] == 2 and small.more["speakers"] == 1
    # three claims (Grace Hughes's denial, in two documents, once with both), the first shown
    assert [len(c.sources) for c in full.claims] == [1, 2, 1]
    assert len(small.claims) == 1 and small.more["claims"] == 2
    assert small.summary == full.summary  # the summary line counts everything
