"""TIMEX3 values in words for people: '2022-FA' -> 'autumn 2022', 'XXXX-10-19' -> '19 Oct (year unknown)'."""

from __future__ import annotations

import re

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
VAGUE = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}

_VALUE = re.compile(
    r"^(?P<year>\d{4}|XXXX)(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|W(?P<week>\d{2})|"
    r"Q(?P<quarter>[1-4])|(?P<season>SP|SU|FA|WI)))?(?:T(?P<time>\d{2}:\d{2}|MO|MI|AF|EV|NI|DT))?$"
)


def describe_timex(value: str | None) -> str:
    """A short human reading of a TIMEX3 value; the value itself when it is not a calendar date."""
    if not value:
        return "date unknown"
    if value in VAGUE:
        return VAGUE[value]
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"
    match = _VALUE.match(value)
    if not match:
        return value
    return _describe(match.groupdict())


def _describe(g: dict[str, str | None]) -> str:
    year = None if g["year"] == "XXXX" else g["year"]
    if g["week"]:
        text = f"week {int(g['week'])}"
    elif g["quarter"]:
        text = f"Q{g['quarter']}"
    elif g["season"]:
        text = SEASONS[g["season"]]
    else:
        text = _day_month(g["month"], g["day"])
    when = " ".join(p for p in (text, year) if p)
    if year is None:
        when = (when + " (year unknown)").strip() if when else "date unknown"
    time = g["time"]
    if time:
        when = f"{when}, {PARTS.get(time, time)}"
    return when


def _day_month(month: str | None, day: str | None) -> str:
    if not month or month == "XX":
        return ""
    name = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else month
    if day and day != "XX":
        return f"{int(day)} {name}"
    return name
