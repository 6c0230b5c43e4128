"""Calendar helpers of the timex rules, at the ends of the calendar Python's ``date`` holds (years 1 to 9999)."""

from __future__ import annotations

import pytest

from storyline.annotate.timex_dates import Reference, nearest_year, valid_day


@pytest.mark.parametrize(("reference", "expected"), [(Reference(1, 1, 1), 1), (Reference(9999, 12, 31), 9999)])
def test_timex_dates_nearest_year_stays_in_the_calendar(reference: Reference, expected: int) -> None:
    """"3 May" read against 1 January of year 1 (a placeholder publication date) tried year 0 and raised
    ValueError, which stopped `storyline link` for the whole corpus."""
    for tense in ("past", "future", None):
        assert nearest_year(reference, 5, 3, tense) == expected


def test_timex_dates_valid_day_refuses_years_date_cannot_hold() -> None:
    assert not valid_day(0, 5, 3) and not valid_day(10000, 5, 3)
    assert valid_day(1, 5, 3) and valid_day(9999, 12, 31) and valid_day(None, 2, 29)
