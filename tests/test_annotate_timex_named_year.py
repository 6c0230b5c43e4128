"""Months and seasons read against the year the text has just named, never silently against the publication's:
"that September" and "That summer" after "the summer of 2020"; a bare month in the same clause as a year ("closed
in 2020 and reopened in September"); an unknown year when nothing was named."""

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
    ("The deal was signed on 3 November 2019 and collapsed in March.", ("March", "2020-03")),
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
])
def test_timex_year_of_another_clause_or_a_future_is_not_taken(text: str, expected: tuple[str, str]) -> None:
    assert values(text)[-1] == expected
