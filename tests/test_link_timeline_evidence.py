"""Story timelines from evidence: a missing year from the story or not at all, one entry per fact,
and disagreement on a date shown as a discrepancy. Documents go through the real pipeline."""

from __future__ import annotations

from storyline.annotate.pipeline import annotate
from storyline.link.discrepancies import find_discrepancies
from storyline.link.timeline import story_timeline
from storyline.model import Document, Event, Story

# Two versions of one report: the first is dated (and names the year), the update lost its dateline.
FIRST_VERSION = (
    "Minister steps in over Harrowgate care homes\n\n"
    "The care minister, Joan Pryce, intervened on Thursday 19 October 2006, a week after inspectors "
    "warned that residents of three homes were at risk.\n\n"
    "The inspectors’ warning letter, sent on 11 October, described “serious and persistent failings”.\n\n"
    "In 2005 the council had sold the homes to a private operator."
)
SECOND_VERSION = (
    "Minister steps in over Harrowgate care homes (updated)\n\n"
    "The care minister, Joan Pryce, intervened on 19 October, a week after inspectors warned that residents "
    "of three homes were at risk.\n\n"
    "The inspectors' warning letter, sent on 11 October, described \"serious and persistent failings\".\n\n"
    "In 2005 the council had sold the homes to a private operator. Ms Pryce said on Thursday that she "
    "would not hesitate to act again."
)


def pipeline(doc: Document) -> tuple[Document, object]:
    return doc, annotate(doc)


def timeline_of(*docs: Document) -> tuple[Story, dict, list[Event]]:  # type: ignore[type-arg]
    items = {doc.id: pipeline(doc) for doc in docs}
    story = Story("S1", "story", [doc.id for doc in docs])
    return story, items, story_timeline(story, items, {})  # type: ignore[arg-type]


def entry(timeline: list[Event], words: str) -> Event:
    return next(e for e in timeline if words in e.text)


def test_timeline_version_without_a_year_takes_it_from_the_other_version() -> None:
    first = Document("v1", FIRST_VERSION, "v1.html", published="2006-10-25")
    second = Document("v2", SECOND_VERSION, "v2.html")  # no publication date at all
    _, _, timeline = timeline_of(first, second)
    letter, intervention = entry(timeline, "warning letter"), entry(timeline, "intervened")
    assert letter.date == "2006-10-11" and intervention.date == "2006-10-19"
    assert timeline.index(letter) < timeline.index(intervention)  # the story is told forwards
    assert {s.document for s in intervention.sources} == {"v1", "v2"}  # one entry per fact
    by_doc = {s.document: s for s in intervention.sources}
    assert by_doc["v2"].date == "2006-10-19" and by_doc["v2"].inferred and not by_doc["v1"].inferred
    assert not intervention.inferred  # the first version reads the date from its text
    assert not intervention.disputed
    assert not any(e.date.startswith("2005-10") for e in timeline)


def test_timeline_weekday_in_the_undated_version_stays_unknown() -> None:
    _, _, timeline = timeline_of(Document("v1", FIRST_VERSION, "v1.html", published="2006-10-25"),
                                 Document("v2", SECOND_VERSION, "v2.html"))
    said = entry(timeline, "would not hesitate")
    assert said.date == "XXXX-WXX-4" and not said.inferred


def test_timeline_year_from_order_cues_in_the_document() -> None:
    text = ("Harrowgate signed the depot contract on 3 May 2005.\n\n"
            "Months later, on 19 October, the minister ordered a review of the deal.")
    _, _, timeline = timeline_of(Document("memo", text, "memo.txt"))
    review = entry(timeline, "ordered a review")
    assert (review.date, review.inferred) == ("2005-10-19", True)
    earlier = text.replace("Months later", "Weeks earlier").replace("19 October", "19 April")
    _, _, timeline = timeline_of(Document("memo2", earlier, "memo2.txt"))
    assert entry(timeline, "ordered a review").date == "2005-04-19"


def test_timeline_year_stays_unknown_when_the_evidence_disagrees() -> None:
    june = Document("a", "Harrowgate’s budget was set on 1 June 2023.", "a.txt", published="2023-06-01")
    next_june = Document("b", "Harrowgate’s budget was revised on 3 June 2024.", "b.txt", published="2024-06-03")
    undated = Document("c", "The auditors met the finance director on 19 October.", "c.txt")
    _, _, timeline = timeline_of(june, next_june, undated)
    assert entry(timeline, "auditors met").date == "XXXX-10-19"  # 2022 or 2023: the story cannot say
    cue = Document("d", "The contract was signed on 3 May 2022.\n\nMonths later, on 19 October, the auditors met "
                   "the finance director.", "d.txt")
    story_pub = Document("e", "Harrowgate’s auditors reported on 1 November 2023.", "e.txt", published="2023-11-01")
    _, _, timeline = timeline_of(cue, story_pub)
    assert entry(timeline, "auditors met").date == "XXXX-10-19"  # the order cue says 2022, the story 2023


THREE_SOURCES = {
    "local": ("Harrowgate councillors voted to close the Eastgate depot on 14 March 2023, ending 60 years "
              "of bin collections from the site.", "2023-03-15"),
    "agency": ("Harrowgate councillors voted to close the Eastgate depot on 14 March 2023, ending sixty years "
               "of collections there.", "2023-03-15"),
    "weekly": ("Councillors in Harrowgate voted to close the Eastgate depot on 15 March 2023, ending 60 years "
               "of bin collections from the site.", "2023-03-17"),
}


def test_timeline_one_event_in_three_sources_with_a_disputed_date() -> None:
    docs = [Document(name, text, f"{name}.txt", published=day) for name, (text, day) in THREE_SOURCES.items()]
    story, items, timeline = timeline_of(*docs)
    depot = [e for e in timeline if "Eastgate depot" in e.text]
    assert len(depot) == 1
    (vote,) = depot
    assert vote.date == "2023-03-14" and vote.disputed  # two sources against one
    assert [(s.document, s.date) for s in vote.sources] == [
        ("local", "2023-03-14"), ("agency", "2023-03-14"), ("weekly", "2023-03-15")]
    (disc,) = [d for d in find_discrepancies(story, items, {}, [], timeline) if d.kind == "date"]
    assert {s.document for s in disc.spans} == {"local", "weekly"}
    assert "14 March 2023 in local" in disc.description and "15 March 2023 in weekly" in disc.description


def test_timeline_near_identical_sentences_of_versions_are_one_entry() -> None:
    before = "Harrowgate Borough Council confirmed on 2 May 2024 that the library would close in June."
    after = "Harrowgate Borough Council confirmed on 3 May 2024 that the library would close in June."
    _, _, timeline = timeline_of(Document("old", before, "p.html", published="2024-05-03"),
                                 Document("new", after, "p.html", published="2024-05-04"))
    confirmed = [e for e in timeline if e.date.startswith("2024-05")]
    assert len(confirmed) == 1 and confirmed[0].disputed
    assert {s.document for s in confirmed[0].sources} == {"old", "new"}
