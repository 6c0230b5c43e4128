"""TIMEX3 values read in one place: parse, precision, sort key, interval and words.

Every view (terminal, web, reports, export) reads dates through this module, so they agree::

    >>> words("2022-FA")
    'autumn 2022'
    >>> words("2023-W11")
    'week of 13 March 2023'
    >>> words("XXXX-10-19")
    '19 October (year unknown)'
    >>> words("2021-03-28TNI")
    'the night of 28 March 2021'
    >>> words("2007", mod="START")
    'early 2007'

A value this module cannot read is never shown raw: :func:`words` says "unclear date" instead.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

__all__ = [
    "TimexValue",
    "day_number",
    "interval",
    "is_placeable",
    "parse",
    "precision",
    "short_words",
    "sort_key",
    "words",
]

Precision = Literal[
    "time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "unknown"
]
Kind = Literal["date", "vague", "duration", "set"]

MONTHS = tuple(calendar.month_name)[1:]
MONTHS_SHORT = tuple(calendar.month_abbr)[1:]
WEEKDAYS = tuple(calendar.day_name)
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
PARTS = {"MO": "morning", "MI": "middle of the day", "AF": "afternoon", "EV": "evening", "NI": "night",
         "DT": "daytime"}
VAGUE = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}
MODS = {  # TIMEX3 mod -> (words before, words after)
    "START": ("early ", ""), "MID": ("mid-", ""), "END": ("late ", ""), "APPROX": ("about ", ""),
    "BEFORE": ("before ", ""), "AFTER": ("after ", ""), "ON_OR_BEFORE": ("until ", ""),
    "ON_OR_AFTER": ("since ", ""), "LESS_THAN": ("less than ", ""), "MORE_THAN": ("more than ", ""),
    "EQUAL_OR_LESS": ("at most ", ""), "EQUAL_OR_MORE": ("at least ", ""),
}
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second",
                  "DE": "decade", "CE": "century", "Q": "quarter"}

_DATE = re.compile(
    r"^(?P<year>\d{4}|XXXX)"
    r"(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?"
    r"|W(?P<week>\d{2}|XX)(?:-(?P<weekday>[1-7]|WE))?"
    r"|Q(?P<quarter>[1-4X])|H(?P<half>[12X])|(?P<season>SP|SU|FA|AU|WI)))?"
    r"(?:T(?P<time>\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT))?$"
)
_DECADE = re.compile(r"^(?P<decade>\d{3})X?$")
_CENTURY = re.compile(r"^(?P<century>\d{2})(?:XX)?$")
_DURATION = re.compile(r"^PT?(?P<amount>\d+(?:\.\d+)?|X)(?P<unit>DE|CE|[YMWDHSQ])$")


@dataclass(frozen=True)
class TimexValue:
    """A TIMEX3 value taken apart. Unknown parts (``XX``) are None."""

    value: str
    kind: Kind = "date"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekday: int | None = None  # 1 = Monday ... 7 = Sunday
    weekend: bool = False
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    part: str | None = None  # MO, AF, EV, NI ...
    time: str | None = None  # "14:30"
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s

    @property
    def precision(self) -> Precision:
        """How fine the value is; "unknown" for durations, sets, vague references and bare weekdays."""
        if self.kind != "date":
            return "unknown"
        order: tuple[tuple[object, Precision], ...] = (
            (self.time or self.part, "time"), (self.day, "day"), (self.week, "week"), (self.month, "month"),
            (self.season, "season"), (self.quarter, "quarter"), (self.half, "half"), (self.year, "year"),
            (self.decade, "decade"), (self.century, "century"),
        )
        return next((p for present, p in order if present is not None), "unknown")

    @property
    def year_known(self) -> bool:
        return self.year is not None


def _int(text: str | None) -> int | None:
    return int(text) if text and "X" not in text else None


def parse(value: str | None) -> TimexValue | None:
    """Take a TIMEX3 value apart; None when it is empty or not a TIMEX3 value this module knows."""
    if not value:
        return None
    value = value.strip()
    if value in VAGUE:
        return TimexValue(value, kind="vague")
    if value.startswith("P"):
        return TimexValue(value, kind="duration") if _DURATION.match(value) else None
    if m := _DECADE.match(value):
        return TimexValue(value, decade=int(m["decade"]))
    if m := _CENTURY.match(value):
        return TimexValue(value, century=int(m["century"]))
    m = _DATE.match(value)
    if not m:
        return None
    g = m.groupdict()
    time = g["time"]
    weekday = g["weekday"]
    parsed = TimexValue(
        value, year=_int(g["year"]), month=_int(g["month"]), day=_int(g["day"]), week=_int(g["week"]),
        weekday=int(weekday) if weekday and weekday.isdigit() else None, weekend=weekday == "WE",
        quarter=_int(g["quarter"]), half=_int(g["half"]), season=g["season"],
        part=time if time and not time[0].isdigit() else None,
        time=time if time and time[0].isdigit() else None,
    )
    return parsed if _valid(parsed) else None


def _valid(v: TimexValue) -> bool:
    if v.month is not None and not 1 <= v.month <= 12:
        return False
    if v.day is not None and not 1 <= v.day <= 31:
        return False
    if v.week is not None and not 1 <= v.week <= 53:
        return False
    if v.year is not None and v.month is not None and v.day is not None:
        try:
            date(v.year, v.month, v.day)
        except ValueError:
            return False
    return True


def precision(value: str | None) -> Precision:
    """The precision of a TIMEX3 value ("unknown" when it cannot be read)."""
    parsed = parse(value)
    return parsed.precision if parsed else "unknown"


# --- intervals and order -------------------------------------------------------


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    """First day of month ``first`` to last day of month ``last`` (``last`` may run into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _week_span(year: int, week: int) -> tuple[date, date] | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date can mean; None when it cannot be placed on a calendar."""
    v = parse(value)
    if v is None or v.kind != "date":
        return None
    try:
        return _interval(v)
    except (ValueError, OverflowError):
        return None


def _interval(v: TimexValue) -> tuple[date, date] | None:
    if v.decade is not None:
        return date(v.decade * 10, 1, 1), date(v.decade * 10 + 9, 12, 31)
    if v.century is not None:
        return date(max(1, v.century * 100), 1, 1), date(v.century * 100 + 99, 12, 31)
    if v.year is None:
        return None
    y = v.year
    if v.day is not None and v.month is not None:
        day = date(y, v.month, v.day)
        return day, day
    if v.week is not None:
        return _week_span(y, v.week)
    if v.month is not None:
        return _month_span(y, v.month, v.month)
    if v.season is not None:
        return _month_span(y, *SEASON_MONTHS[v.season])
    if v.quarter is not None:
        return _month_span(y, 3 * v.quarter - 2, 3 * v.quarter)
    if v.half is not None:
        return _month_span(y, 6 * v.half - 5, 6 * v.half)
    if v.day is None and v.weekday is None and not v.weekend:
        return _month_span(y, 1, 12)
    return None


def is_placeable(value: str | None) -> bool:
    """Whether a value can be drawn on a time axis (a calendar interval is known)."""
    return interval(value) is not None


def day_number(value: str | None) -> int | None:
    """Ordinal of the first day a value can mean (None when it cannot be placed)."""
    span = interval(value)
    return span[0].toordinal() if span else None


SortKey = tuple[int, int, int, int, int, str]


def sort_key(value: str | None) -> SortKey:
    """Order values as a reader expects: placed dates by start, a coarse period before the finer dates it
    opens with ("2023" < "2023-01" < "2023-01-05"); then dates without a year by month and day; then the rest."""
    span = interval(value)
    if span is not None:
        return (0, span[0].toordinal(), -(span[1] - span[0]).days, 0, 0, value or "")
    v = parse(value)
    if v is not None and v.kind == "date" and v.year is None and v.month is not None:
        return (1, 0, v.month, v.day or 0, 0, value or "")
    return (2, 0, 0, 0, 0, value or "")


# --- words ------------------------------------------------------------------------


def _day_month(v: TimexValue, short: bool) -> str:
    months = MONTHS_SHORT if short else MONTHS
    assert v.month is not None
    return f"{v.day} {months[v.month - 1]}" if v.day is not None else months[v.month - 1]


def _calendar_words(v: TimexValue, short: bool) -> str | None:
    """Words for a date whose year may be unknown; None when nothing calendar-like is known."""
    year = str(v.year) if v.year is not None else ""
    if v.week is not None and v.year is not None:
        span = _week_span(v.year, v.week)
        if span:
            monday = span[0]
            months = MONTHS_SHORT if short else MONTHS
            return f"week of {monday.day} {months[monday.month - 1]} {monday.year}"
    if v.month is not None:
        text = _day_month(v, short)
    elif v.season is not None:
        text = SEASONS[v.season]
    elif v.quarter is not None:
        text = f"Q{v.quarter}" if short else f"the {ORDINAL[v.quarter]} quarter of"
    elif v.half is not None:
        text = f"H{v.half}" if short else f"the {ORDINAL[v.half]} half of"
    elif v.weekday is not None:
        return f"a {WEEKDAYS[v.weekday - 1]} (date unknown)"
    elif v.weekend:
        return "a weekend (date unknown)"
    elif v.week is not None or "W" in v.value:
        return "a week (date unknown)"
    elif v.year is not None:
        return year
    else:
        return None
    if v.year is None:
        return f"{text} (year unknown)".replace(" of (year", " (year")
    return f"{text} {year}"


def _date_words(v: TimexValue, short: bool) -> str:
    if v.decade is not None:
        return f"the {v.decade}0s" if not short else f"{v.decade}0s"
    if v.century is not None:
        n = v.century + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} century"
    text = _calendar_words(v, short)
    if v.part:
        part = PARTS.get(v.part, "time")
        return f"the {part} of {text}" if text else f"one {part}"
    if v.time:
        return f"{v.time} on {text}" if text else f"at {v.time}"
    return text or "unclear date"


def _duration_words(value: str) -> str:
    m = _DURATION.match(value)
    if not m:
        return "a period"
    unit = DURATION_UNITS[m["unit"]]
    if value.startswith("PT") and m["unit"] == "M":
        unit = "minute"
    amount = m["amount"]
    if amount == "X":
        return f"some {unit}s"
    plural = "" if amount in ("1", "1.0") else "s"
    return f"{amount} {unit}{plural}"


ANCHORS = ("since", "from", "until", "by", "before", "after")  # Timex.anchor / Event.anchor words


def words(value: str | None, *, mod: str | None = None, inferred: bool = False, short: bool = False,
          anchor: str | None = None) -> str:
    """A TIMEX3 value as a reader says it; ``inferred`` adds "(inferred)", ``short`` abbreviates months,
    ``anchor`` (a range bound: "since", "from", "until", "by", "before", "after") goes first: "since 2017".

    Never returns the raw code: an unreadable value is "unclear date", a missing one "date unknown".
    """
    if not value:
        return "date unknown"
    v = parse(value)
    if v is None:
        text = "unclear date"
    elif v.kind == "vague":
        text = VAGUE[v.value]
    elif v.kind == "duration":
        text = _duration_words(v.value)
    else:
        text = _date_words(v, short)
    if mod and mod in MODS and v is not None and v.kind == "date":
        before, after = MODS[mod]
        text = f"{before}{text}{after}".replace("mid-the ", "mid-").replace("early the ", "early ")
        text = text.replace("late the ", "late ")
    if anchor in ANCHORS and v is not None and v.kind == "date":
        text = f"{anchor} {text}"
    if inferred:
        text += " (inferred)"
    return text


def short_words(value: str | None, *, inferred: bool = False, mod: str | None = None, anchor: str | None = None) -> str:
    """:func:`words` with abbreviated month names, for tables and chart labels."""
    return words(value, mod=mod, inferred=inferred, short=True, anchor=anchor)
