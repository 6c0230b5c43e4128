"""Dates you can trust at the document level: anchors (since, until, from), forward-looking months,
weekday names only against a known publication date, and nothing resolved against a guessed one."""

from __future__ import annotations

import pytest

from storyline.annotate.pipeline import annotate
from storyline.annotate.timex import find_timexes
from storyline.model import Document

PUBLISHED_OCTOBER = "2024-10-13"  # a Sunday
PUBLISHED_MARCH = "2024-03-13"  # a Wednesday


def values(text: str, reference: str | None) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.anchor) for t in find_timexes(text, reference)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Council tax bills rise from April, the finance chief said.", ("April", "2025-04", "from")),
    ("Fares will go up next March, Transport for the North confirmed.", ("next March", "2025-03", None)),
    ("The scheme will close early next year.", ("early next year", "2025", None)),
    ("The footbridge stays shut until 19 January while engineers work.", ("19 January", "2025-01-19", "until")),
])
def test_timex_forward_looking_dates_resolve_forward(text: str, expected: tuple[str, str, str | None]) -> None:
    assert values(text, PUBLISHED_OCTOBER) == [expected]


def test_timex_early_next_year_keeps_its_mod() -> None:
    found = find_timexes("The scheme will close early next year.", PUBLISHED_OCTOBER)[0]
    assert (found.value, found.mod) == ("2025", "START")


def test_timex_since_looks_back_and_is_an_anchor() -> None:
    assert values("The library has been closed since April.", PUBLISHED_MARCH) == [("April", "2023-04", "since")]
    assert values("In January, a report revealed that services had deteriorated since 2017.", PUBLISHED_MARCH) == [
        ("January", "2024-01", None), ("2017", "2017", "since")]
    assert values("She was chief executive until 2019.", PUBLISHED_MARCH) == [("2019", "2019", "until")]


def test_timex_from_in_a_past_sentence_or_a_past_range_looks_back() -> None:
    assert values("Parking charges were frozen from April.", PUBLISHED_OCTOBER) == [("April", "2024-04", "from")]
    shares = "He bought 10,000 shares from 26 August to 20 October, filings show."
    assert values(shares, "2024-10-30")[0] == ("26 August", "2024-08-26", "from")


def test_timex_deadline_just_passed_is_not_next_year() -> None:
    text = "Ministers had asked the trust to publish its accounts by 14 January."
    assert values(text, "2024-01-15") == [("14 January", "2024-01-14", "by")]


def test_timex_coordinated_weekdays_are_days_apart_not_a_week() -> None:
    text = "The minister met the unions on Thursday and Friday, and talks will resume next week."
    found = values(text, PUBLISHED_MARCH)
    assert found[:2] == [("Thursday", "2024-03-07", None), ("Friday", "2024-03-08", None)]


def test_timex_weekdays_need_a_known_reference() -> None:
    text = "The audit was signed off on 2 May 2023. On Thursday the committee met again."
    assert values(text, None)[1] == ("Thursday", "XXXX-WXX-4", None)
    assert values(text, PUBLISHED_MARCH)[1] == ("Thursday", "2024-03-07", None)


def test_pipeline_resolves_nothing_against_a_guessed_reference() -> None:
    text = ("Harrowgate’s depot review was ordered on 2 February 2023.\n\n"
            "On Thursday the committee met, and on 19 October the minister will face questions.")
    ann = annotate(Document("undated", text, "undated.txt"))
    assert ann.reference_date == "2023-02-02"  # an estimate, kept for story clustering only
    by_text = {t.text: t.value for t in ann.timexes}
    assert by_text["Thursday"] == "XXXX-WXX-4"
    assert by_text["19 October"] == "XXXX-10-19"
    assert not any(e.inferred for e in ann.events)


def test_pipeline_events_of_a_sentence_with_a_point_date_leave_its_anchor_out() -> None:
    text = ("In January, a report revealed that services had deteriorated since 2017.\n\n"
            "The library has been closed since April.")
    ann = annotate(Document("report", text, "report.txt", published=PUBLISHED_MARCH))
    assert [(e.date, e.anchor) for e in ann.events] == [("2024-01", None), ("2023-04", "since")]
