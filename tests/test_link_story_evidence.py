"""Why documents belong together: shared people, places, phrases, dates and figures, each with its spans."""

from __future__ import annotations

from storyline.link.corpus import link_corpus
from storyline.link.story_evidence import found_in_documents, story_evidence, storyline_evidence
from storyline.model import Annotations, Document, Entity, GroupingEvidence, Mention, Timex
from tests.link_fixtures import intervention


def _texts() -> dict[str, str]:
    return {doc.id: doc.text for doc, _ in intervention()}


def _said(item: GroupingEvidence, texts: dict[str, str]) -> list[str]:
    return [texts[s.document][s.start:s.end] for s in item.spans]


def test_story_evidence_lists_what_its_reports_share_with_where_each_says_it() -> None:
    links, _ = link_corpus(intervention())
    takeover = next(s for s in links.stories if "h-courier" in s.documents)
    texts = _texts()
    by_value = {e.value: e for e in takeover.evidence}
    assert by_value["Rosemary Atherton"].kind == "person" and by_value["Rosemary Atherton"].documents == 3
    assert _said(by_value["Rosemary Atherton"], texts) == ["Rosemary Atherton"] * 3
    assert by_value["Northfield Care Partnership"].kind == "organisation"
    assert by_value["214"].kind == "figure" and by_value["214"].documents == 3  # the children waiting
    assert "intervention order" in by_value and _said(by_value["intervention order"], texts)[0] == "intervention order"
    assert {s.document for e in takeover.evidence for s in e.spans} <= set(takeover.documents)


def test_storyline_evidence_names_the_council_and_contractor_in_both_stories() -> None:
    links, _ = link_corpus(intervention())
    line = links.storylines[0]
    story_of = {d: s.id for s in links.stories for d in s.documents}
    texts = _texts()
    for name in ("Harwick Borough Council", "Northfield Care Partnership", "Martin Oduya"):
        item = next(e for e in line.evidence if e.value == name)
        assert item.documents == 2  # both stories
        assert {story_of[s.document] for s in item.spans} == set(line.stories)
        assert {said.lower() for said in _said(item, texts)} == {name.lower()}  # "HARWICK Borough Council" too
    assert "Rosemary Atherton" not in {e.value for e in line.evidence}  # the 2009 reports do not name her


def test_story_evidence_one_identity_however_each_report_spells_it() -> None:
    first = Document("d1", "Council leader Derek Laidlaw spoke.", "a")
    second = Document("d2", "Mr Laidlaw said he was sorry.", "b")
    items = [
        (first, Annotations("d1", mentions=[Mention(15, 28, "Derek Laidlaw", "person", "e1")],
                            entities=[Entity("e1", "person", "Derek Laidlaw")])),
        (second, Annotations("d2", mentions=[Mention(3, 10, "Laidlaw", "person", "e1", "surname")],
                             entities=[Entity("e1", "person", "Laidlaw")])),
    ]
    identity = {"d1:e1": "P1", "d2:e1": "P1"}
    evidence = story_evidence(items, found_in_documents(items, identity))
    person = next(e for e in evidence if e.kind == "person")
    assert (person.value, person.documents) == ("Derek Laidlaw", 2)
    assert [(s.document, s.start, s.end) for s in person.spans] == [("d1", 15, 28), ("d2", 3, 10)]


def test_story_evidence_dates_they_share_and_not_the_days_as_figures() -> None:
    text = "The inquiry reported on 4 July 2024 that 37 families waited."
    items = []
    for doc_id in ("d1", "d2"):
        start = text.index("4 July 2024")
        timex = Timex(start, start + 11, "4 July 2024", "DATE", "2024-07-04")
        items.append((Document(doc_id, text, doc_id), Annotations(doc_id, timexes=[timex])))
    evidence = story_evidence(items, found_in_documents(items, {}))
    assert [(e.kind, e.value, e.documents, e.inferred) for e in evidence if e.kind in ("date", "figure")] == [
        ("date", "2024-07-04", 2, False), ("figure", "37", 2, False),
        ("date", "2024", 2, True)]  # undated: both were written in 2024 or later, as the text says


def test_storyline_evidence_counts_stories_not_documents() -> None:
    doc = Document("d1", "Brightpath Care Partnership ran the homes.", "a")
    ann = Annotations("d1", entities=[Entity("e1", "organisation", "Brightpath Care Partnership")])
    later = Document("d2", "Brightpath Care Partnership hands back the homes.", "b")
    ann2 = Annotations("d2", entities=[Entity("e1", "organisation", "Brightpath Care Partnership")])
    stories = [("s1", [(doc, ann)], found_in_documents([(doc, ann)], {})),
               ("s2", [(later, ann2)], found_in_documents([(later, ann2)], {}))]
    evidence = storyline_evidence(stories)
    item = next(e for e in evidence if e.kind == "organisation")
    assert item.documents == 2 and [s.document for s in item.spans] == ["d1", "d2"]


def test_phrases_in_finds_the_phrases_story_features_counts() -> None:
    from storyline.link.story_evidence import phrases_in
    from storyline.link.story_features import content_phrases

    texts = [*_texts().values(), "The council’s £2.8m intervention order: 214 children’s placements, again.",
             "İstanbul’s mayor and the ſtaff rota", ""]
    for text in texts:
        assert phrases_in(text) == set(content_phrases(text))
    assert "intervention order" in phrases_in(texts[-3]) and "children's placements" in phrases_in(texts[-3])


def test_story_evidence_locates_phrases_lazily_with_the_same_result() -> None:
    # "care homes" is a word pair of all three reports, but the third writes "care. Homes": only two say it
    texts = ["Ministers said care homes in Harwick face closure after the fostering review.",
             "The fostering review found care homes were short of staff, ministers said.",
             "Staff were short of care. Homes in Harwick close, the fostering review warned; ministers said so.",
             "Fostering review: ministers said staff at the care homes were short."]
    items = [(Document(f"d{i}", text, f"d{i}"), Annotations(f"d{i}")) for i, text in enumerate(texts)]
    lazy = found_in_documents(items, {})
    assert any(f.locate is not None for f in lazy) and not any(f.spans for f in lazy if f.kind == "phrase")
    eager = found_in_documents(items, {})
    for item in eager:
        item.located()
    weights = {"~care homes": 2.0, "~fostering review": 0.5, "~ministers said": 1.0}
    assert story_evidence(items, lazy, weights) == story_evidence(items, eager, weights)
    phrases = {e.value: e.documents for e in story_evidence(items, lazy, weights) if e.kind == "phrase"}
    assert phrases["fostering review"] == 4 and phrases["care homes"] == 3
    lines = storyline_evidence([("s1", items[:2], found_in_documents(items[:2], {})),
                                ("s2", items[2:], found_in_documents(items[2:], {}))])
    assert [s.document for e in lines if e.value == "fostering review" for s in e.spans] == ["d0", "d2", "d1", "d3"]


def test_story_evidence_spans_hold_a_position_as_a_scan_of_every_span_would() -> None:
    """The bisected span test (figures are looked up against thousands of dates in a long document) agrees with
    checking every span, overlapping and nested spans included."""
    import random

    from storyline.link.story_evidence import _Spans

    rng = random.Random(11)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 300) for _ in range(rng.randint(0, 25)))]
        fast = _Spans(spans)
        for pos in range(0, 340):
            assert fast.holds(pos) == any(s <= pos < e for s, e in spans), (spans, pos)
