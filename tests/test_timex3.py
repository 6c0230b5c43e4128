"""The one TIMEX3 reader every view uses: parse, precision, order, interval, words."""

from __future__ import annotations

from datetime import date

import pytest

from storyline import timex3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2006-10-19", "19 October 2006"),
        ("2006-10", "October 2006"),
        ("2006", "2006"),
        ("2022-FA", "autumn 2022"),
        ("2022-WI", "winter 2022"),
        ("2023-W11", "week of 13 March 2023"),
        ("2021-Q3", "the third quarter of 2021"),
        ("2021-H1", "the first half of 2021"),
        ("199", "the 1990s"),
        ("19", "the 20th century"),
        ("XXXX-10-19", "19 October (year unknown)"),
        ("XXXX-10", "October (year unknown)"),
        ("XXXX-QX", "unclear date"),
        ("XXXX-WXX-1", "a Monday (date unknown)"),
        ("XXXX-WXX", "a week (date unknown)"),
        ("XXXX-WXX-WE", "a weekend (date unknown)"),
        ("2021-03-28TNI", "the night of 28 March 2021"),
        ("2021-03-28TMO", "the morning of 28 March 2021"),
        ("XXXX-XX-XXTEV", "one evening"),
        ("2021-03-28T14:30", "14:30 on 28 March 2021"),
        ("PRESENT_REF", "now"),
        ("PAST_REF", "in the past"),
        ("P3Y", "3 years"),
        ("P1M", "1 month"),
        ("PT5M", "5 minutes"),
        ("PXY", "some years"),
        ("nonsense", "unclear date"),
        ("2023-13-01", "unclear date"),
        (None, "date unknown"),
        ("", "date unknown"),
    ],
)
def test_timex3_words_read_like_a_person(value: str | None, expected: str) -> None:
    assert timex3.words(value) == expected


def test_timex3_words_mods_and_inferred() -> None:
    assert timex3.words("2007", mod="START") == "early 2007"
    assert timex3.words("2007-05", mod="END") == "late May 2007"
    assert timex3.words("199", mod="MID") == "mid-1990s"
    assert timex3.words("2017", mod="ON_OR_AFTER") == "since 2017"
    assert timex3.words("XXXX-10-19", inferred=True) == "19 October (year unknown) (inferred)"
    assert timex3.words("2006-10-19", inferred=True) == "19 October 2006 (inferred)"
    assert timex3.short_words("2006-10-19") == "19 Oct 2006"
    assert timex3.short_words("2023-W11") == "week of 13 Mar 2023"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2006-10-19", "day"), ("2006-10", "month"), ("2006", "year"), ("2006-FA", "season"),
        ("2006-Q1", "quarter"), ("2006-H2", "half"), ("2006-W04", "week"), ("199", "decade"), ("19", "century"),
        ("2006-10-19TNI", "time"), ("XXXX-10-19", "day"), ("P3Y", "unknown"), ("PRESENT_REF", "unknown"),
        ("XXXX-WXX-1", "unknown"), ("garbage", "unknown"),
    ],
)
def test_timex3_precision(value: str, expected: str) -> None:
    assert timex3.precision(value) == expected


def test_timex3_interval_covers_the_whole_period() -> None:
    assert timex3.interval("2022-12-31") == (date(2022, 12, 31), date(2022, 12, 31))
    assert timex3.interval("2022-12") == (date(2022, 12, 1), date(2022, 12, 31))
    assert timex3.interval("2022-WI") == (date(2022, 12, 1), date(2023, 2, 28))
    assert timex3.interval("2024-WI") == (date(2024, 12, 1), date(2025, 2, 28))
    assert timex3.interval("2023-W11") == (date(2023, 3, 13), date(2023, 3, 19))
    assert timex3.interval("2021-Q4") == (date(2021, 10, 1), date(2021, 12, 31))
    assert timex3.interval("2021-H2") == (date(2021, 7, 1), date(2021, 12, 31))
    assert timex3.interval("199") == (date(1990, 1, 1), date(1999, 12, 31))
    assert timex3.interval("2021-03-28TNI") == (date(2021, 3, 28), date(2021, 3, 28))
    for unplaceable in ("XXXX-10-19", "P3Y", "PRESENT_REF", "XXXX-WXX-1", "2023-02-30", "bad", None):
        assert timex3.interval(unplaceable) is None
        assert not timex3.is_placeable(unplaceable)


def test_timex3_sort_key_orders_mixed_precision() -> None:
    values = ["XXXX-10-19", "2023-03-14", "P3Y", "2023", "2022-FA", "2023-03", "2022-11-08", "XXXX-02", "199"]
    ordered = sorted(values, key=timex3.sort_key)
    assert ordered == ["199", "2022-FA", "2022-11-08", "2023", "2023-03", "2023-03-14", "XXXX-02", "XXXX-10-19",
                       "P3Y"]


def test_timex3_day_number_is_the_first_day() -> None:
    assert timex3.day_number("2023-03") == date(2023, 3, 1).toordinal()
    assert timex3.day_number("2023") == date(2023, 1, 1).toordinal()
    assert timex3.day_number("XXXX-03-01") is None


def test_timex3_parse_takes_values_apart() -> None:
    v = timex3.parse("2021-03-28TNI")
    assert v is not None and (v.year, v.month, v.day, v.part) == (2021, 3, 28, "NI")
    w = timex3.parse("XXXX-WXX-3")
    assert w is not None and w.weekday == 3 and w.year is None and not w.year_known
    assert timex3.parse("P2W") is not None and timex3.parse("P2W").kind == "duration"  # type: ignore[union-attr]
