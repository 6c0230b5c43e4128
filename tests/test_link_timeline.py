"""Story timelines: merged events, mixed-precision ordering, a missing year filled only when unambiguous."""

from __future__ import annotations

from storyline.link.timeline import date_sort_key, story_timeline
from storyline.model import Annotations, Document, Event, Story

BRIEFING = (
    "Harrowgate Borough Council was created in 1974. "
    "In March 2023 auditors first raised concerns about the leisure centre contract. "
    "On 14 March 2023 the council's audit committee met in private. "
    "The mayor, Daniel Okafor, will face questions on 19 October."
)
REPORT = (
    "The audit committee met behind closed doors on Tuesday 14 March 2023, councillors confirmed. "
    "Okafor will face questions from the scrutiny panel on October 19."
)
LATER = "The review of the contract is expected to report in the autumn of 2023, said a spokesperson."


def event(doc: str, text: str, sentence: str, timex: str, date: str, precision: str, n: int,
          actors: list[str] | None = None) -> Event:
    start = text.index(sentence)
    t = text.index(timex, start)
    return Event(f"v{n}", start, start + len(sentence), date, precision,  # type: ignore[arg-type]
                 sentence[:60], (t, t + len(timex)), actors=actors or [])


def items(later_year: str = "2023") -> dict[str, tuple[Document, Annotations]]:
    a = Document("brief", BRIEFING, "brief.txt", published="2023-03-20")
    b = Document("report", REPORT, "report.txt", published="2023-03-15")
    later_text = LATER.replace("2023", later_year)
    c = Document("later", later_text, "later.txt", published=f"{later_year}-05-02")
    ev_a = [
        event("brief", BRIEFING, "Harrowgate Borough Council was created in 1974.", "1974", "1974", "year", 1),
        event("brief", BRIEFING, "In March 2023 auditors first raised concerns about the leisure centre contract.",
              "March 2023", "2023-03", "month", 2),
        event("brief", BRIEFING, "On 14 March 2023 the council's audit committee met in private.",
              "14 March 2023", "2023-03-14", "day", 3),
        event("brief", BRIEFING, "The mayor, Daniel Okafor, will face questions on 19 October.",
              "19 October", "XXXX-10-19", "day", 4, ["e1"]),
    ]
    ev_b = [
        event("report", REPORT, "The audit committee met behind closed doors on Tuesday 14 March 2023, councillors "
              "confirmed.", "Tuesday 14 March 2023", "2023-03-14", "day", 1),
        event("report", REPORT, "Okafor will face questions from the scrutiny panel on October 19.", "October 19",
              "XXXX-10-19", "day", 2, ["e1"]),
    ]
    ev_c = [event("later", later_text, later_text, f"autumn of {later_year}", f"{later_year}-FA", "season", 1)]
    return {
        "brief": (a, Annotations("brief", events=ev_a)),
        "report": (b, Annotations("report", events=ev_b)),
        "later": (c, Annotations("later", events=ev_c)),
    }


EMAP = {"brief:e1": "P-OKAFOR", "report:e1": "P-OKAFOR"}


def test_timeline_merges_orders_and_fills_the_year() -> None:
    story = Story("S1", "Audit committee", ["brief", "report", "later"])
    by_id = items()
    timeline = story_timeline(story, by_id, EMAP)
    dates = [e.date for e in timeline]
    assert dates == ["1974", "2023-03", "2023-03-14", "2023-FA", "2023-10-19"]
    meeting = next(e for e in timeline if e.date == "2023-03-14")
    assert meeting.id == "report:v1"  # the earliest source (published 15 March) keeps its span
    assert REPORT[meeting.timex[0]:meeting.timex[1]] == "Tuesday 14 March 2023"
    october = next(e for e in timeline if e.date == "2023-10-19")
    assert october.inferred is True
    assert october.actors == ["P-OKAFOR"]
    assert october.id == "report:v2"
    assert len({e.id for e in timeline}) == len(timeline)


def test_timeline_dated_documents_keep_their_own_reading_of_a_yearless_date() -> None:
    story = Story("S1", "Audit committee", ["brief", "report", "later"])
    timeline = story_timeline(story, items(later_year="2024"), EMAP)
    october = [e for e in timeline if e.date.endswith("-10-19")]
    assert [e.date for e in october] == ["2023-10-19"]  # both reports are dated March 2023: "will face" is ahead
    assert len(october[0].sources) == 2  # merged: same date, shared actor


def test_timeline_different_happenings_on_one_date_stay_apart() -> None:
    text_a = "On 2 May 2024 the new library opened in Harrowgate."
    text_b = "Bus drivers went on strike across the county on 2 May 2024."
    a = Document("a", text_a, "a.txt", published="2024-05-03")
    b = Document("b", text_b, "b.txt", published="2024-05-03")
    by_id = {
        "a": (a, Annotations("a", events=[event("a", text_a, text_a, "2 May 2024", "2024-05-02", "day", 1)])),
        "b": (b, Annotations("b", events=[event("b", text_b, text_b, "2 May 2024", "2024-05-02", "day", 1)])),
    }
    timeline = story_timeline(Story("S2", "May", ["a", "b", "missing"]), by_id, {})
    assert [e.id for e in timeline] == ["a:v1", "b:v1"]


def test_timeline_sort_key_mixed_precision() -> None:
    values = ["2023-03-14", "XXXX-10-19", "2023", "PRESENT_REF", "2023-03", "2022-Q4", "2023-03-14T09:30", "197X"]
    ordered = sorted(values, key=date_sort_key)
    assert ordered == ["197X", "2022-Q4", "2023", "2023-03", "2023-03-14", "2023-03-14T09:30", "XXXX-10-19",
                       "PRESENT_REF"]


def test_link_timeline_pairs_no_two_reports_of_one_document() -> None:
    """A 1 MB document repeating one dated sentence 10,000 times made 50 million candidate pairs of its own
    (every pair of its reports shares the day), each refused by _same_event: `storyline link` spent minutes
    on one document. Pairs are only ever across documents; the timeline is the same."""
    from storyline.link.timeline import _candidate_pairs, _reports

    sentence = "The depot closed on 14 March 2023, the council said. "
    long_text = sentence * 300
    long_doc = Document("long", long_text, "long.txt", published="2023-03-15")
    long_events = [Event(f"v{n}", n * len(sentence), (n + 1) * len(sentence) - 1, "2023-03-14", "day",  # type: ignore[arg-type]
                         sentence[:40], (n * len(sentence) + 20, n * len(sentence) + 33)) for n in range(300)]
    short_doc = Document("short", sentence, "short.txt", published="2023-03-16")
    short_event = Event("v1", 0, len(sentence) - 1, "2023-03-14", "day", sentence[:40], (20, 33))  # type: ignore[arg-type]
    story_items = [(long_doc, Annotations("long", events=long_events)), (short_doc, Annotations("short", events=[short_event]))]
    reports = _reports(story_items, {})
    pairs = _candidate_pairs(reports)
    assert len(pairs) == 300 and all(reports[a].doc.id != reports[b].doc.id for a, b in pairs)
    story = Story("S1", "Depot", ["long", "short"])
    timeline = story_timeline(story, {doc.id: (doc, ann) for doc, ann in story_items}, {})
    assert len(timeline) == 1 and len(timeline[0].sources) == 301  # one fact, as before: every report matches "short"
