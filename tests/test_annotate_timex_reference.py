"""Inferring a reference date from the text, and the precision of TIMEX3 values."""

from __future__ import annotations

import re

import pytest

from storyline.annotate.timex import find_timexes, infer_reference_date, timex_precision

ARTICLE = (
    "Harrowgate council confirmed on 14 March 2023 that the depot would close.\n\n"
    "The decision follows a review ordered on 2 February 2023. Yesterday, unions said they would "
    "fight the plan, which is due to take effect on 1 January 2026."
)


def test_timex_infer_reference_is_latest_full_date_not_a_forecast() -> None:
    assert infer_reference_date(ARTICLE) == "2023-03-14"


def test_timex_infer_reference_uses_given_timexes() -> None:
    timexes = find_timexes(ARTICLE, None)
    assert infer_reference_date(ARTICLE, timexes) == "2023-03-14"
    resolved = find_timexes(ARTICLE, infer_reference_date(ARTICLE, timexes))
    assert [(t.text, t.value) for t in resolved if t.relative] == [("Yesterday", "2023-03-13")]


def test_timex_infer_reference_falls_back_to_month_then_year() -> None:
    assert infer_reference_date("Rents rose in May 2021 and again in September 2021.") == "2021-09"
    assert infer_reference_date("The mill closed in 1998; by 2001 and 2001's end it was flats.") == "2001"


def test_timex_infer_reference_none_without_absolute_dates() -> None:
    assert infer_reference_date("Yesterday the mayor said the plan would go ahead next week.") is None


@pytest.mark.parametrize(("value", "precision"), [
    ("2023-10-19", "day"), ("XXXX-10-19", "day"), ("2023-10", "month"), ("2023", "year"), ("199", "decade"),
    ("2023-W41", "week"), ("2023-SU", "season"), ("2023-Q1", "quarter"), ("2023-10-19T14:30", "time"),
    ("2023-10-19TMO", "time"), ("P3Y", "unknown"), ("PRESENT_REF", "unknown"), ("XXXX", "unknown"),
    ("XXXX-WXX-1", "unknown"), ("2023-W41-WE", "week"),
])
def test_timex_precision_of_values(value: str, precision: str) -> None:
    assert timex_precision(value) == precision


@pytest.mark.parametrize("reference", ["0001-01-01", "0001", "9999-12-31", "9999"])
def test_timex_reference_at_the_calendars_ends_gives_no_impossible_date(reference: str) -> None:
    """A placeholder publication date (year 1, year 9999) used to raise OverflowError or ValueError, and the
    document was stored without annotations; a day before year 1 or after 9999 is no value at all."""
    text = ("On Tuesday the mayor said yesterday's vote was final; tomorrow, and next week, she will sign it. "
            "It opens on 3 May, three years ago it closed, next year it grows, and on 4 June 2020 it reopened.")
    values = [t.value for t in find_timexes(text, reference)]
    assert "2020-06-04" in values
    assert not [v for v in values if re.match(r"-|\d{5}", v)], values
