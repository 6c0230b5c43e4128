"""Months and seasons read against the year the text has just named, never silently against the publication's:
"that September" and "That summer" after "the summer of 2020"; a bare month after "in <year> and <past verb> in"
("closed in 2020 and reopened in September"); an unknown year when nothing was named. Nothing looser: real
news has clock times, datelines and lists of other events' years just before a bare month."""

from __future__ import annotations

import pytest

from storyline.annotate.timex import find_timexes

PUBLISHED = "2026-12-03"


def values(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, PUBLISHED)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The school closed in the summer of 2020 and reopened that September.", ("that September", "2020-09")),
    ("The school closed in the summer of 2020 and reopened later that year.", ("later that year", "2020")),
    ("The plant shut in March 2019. That summer, the town lost its last bank.", ("That summer", "2019-SU")),
    ("The plant shut in the third quarter of 2019 and reopened the following year.", ("the following year", "2020")),
    ("The school closed in 2020 and reopened in September.", ("September", "2020-09")),
    ("He was arrested in 2019 and charged on 3 March.", ("3 March", "2019-03-03")),
])
def test_timex_month_or_season_takes_the_year_just_named(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[-1] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("That summer, the town lost its last bank.", ("That summer", "XXXX-SU")),  # no year named: unknown
    ("He left in September. That September was the wettest on record.", ("That September", "XXXX-09")),
])
def test_timex_that_without_a_year_named_is_of_no_known_year(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[-1] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The plan, approved in 2019, will start in September.", ("September", "2027-09")),  # future: forward
    # a year in another clause: "a program approved in 1987 that ..., Nashua had bought shares through Sept. 29"
    ("Under a program approved in 1987 that set no limit, the firm had bought shares through Sept. 29.",
     ("Sept. 29", "2026-09-29")),
    ("The crisis began in 2008 and the earthquake destroyed Port-au-Prince in January.", ("January", "2026-01")),
    ("Friday 16 July 2026 Images taken from live video on 26 May show the leak.", ("26 May", "2026-05-26")),
    ("The deal was signed on 3 November 2019 and collapsed in March.", ("March", "2026-03")),  # not 2020: unsure
])
def test_timex_year_of_another_event_a_dateline_or_a_future_is_not_taken(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[-1] == expected


def test_timex_clock_time_before_a_time_zone_is_no_year() -> None:
    """ "at 1930 CDT on 1 June": not the year 1930 (which then gave "1 June" the year 1930)."""
    assert values("The riser was cut at 1930 CDT on 1 June (0030 GMT 2 June).") == [
        ("1 June", "2026-06-01"), ("2 June", "2026-06-02")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The plant closed on 3 January.", ("3 January", "2026-01-03")),  # not 2027: it has happened
    ("The council met on 28 December.", ("28 December", "2025-12-28")),
    ("The plant was closed in January.", ("January", "2026-01")),
    ("The council said on Monday it would close the depot.", ("Monday", "2026-11-30")),
])
def test_timex_date_of_a_past_verb_is_not_after_the_publication(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He will be sentenced on 28 December.", ("28 December", "2026-12-28")),
    ("The closure is expected in January.", ("January", "2027-01")),
    ("She said the firm agreed to buy it in January.", ("January", "2027-01")),  # a plan: "said" may report one
])
def test_timex_date_of_a_plan_may_still_be_ahead(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[0] == expected


def test_timex_weekday_written_with_its_date_is_that_date() -> None:
    """ "at 7pm on Thursday, Nov. 19" (published Wednesday 18 November): the 19th, not the Thursday before."""
    found = [(t.text, t.value) for t in find_timexes("Doors open at 7pm on Thursday, Nov. 19.", "2026-11-18")]
    assert found[0] == ("7pm on Thursday", "2026-11-19T19:00")


@pytest.mark.parametrize(("text", "expected"), [
    ("The bridge was shut on Boxing Day.", "2025-12-26"),  # it has happened: last Boxing Day
    ("The bridge closed on Christmas Day.", "2025-12-25"),
    ("The market returns on Boxing Day.", "2026-12-26"),
    ("The closure was expected in January.", "2027-01"),  # an expectation, not something done
])
def test_timex_holiday_or_month_of_something_done_is_before_the_publication(text: str, expected: str) -> None:
    assert [t.value for t in find_timexes(text, "2026-11-18")][0] == expected
