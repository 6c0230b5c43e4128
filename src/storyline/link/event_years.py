"""A year missing from a document, inferred from the evidence of its story, or left unknown.

A date written without its year ("19 October", ``XXXX-10-19``) in a document whose publication date is
unknown gets a year only from evidence, and only when every piece of evidence that speaks agrees:

* **the same event elsewhere**: another document of the story reports the same happening on the same
  day and month, with a year it read from a known date (a version, a copy, a follow-up);
* **order cues** in the document itself: "Months later, on 19 October" after "3 May 2005" is the first
  19 October after it; "Weeks earlier, on 19 October" the last one before it;
* **the story's dates**: the document was written when the story's other documents were published (and
  not before the latest date it names itself); when reading the date against every such day gives one
  year, that year is evidence.

Evidence that disagrees leaves the year unknown: a confidently wrong year is worse than none.
Functions here are pure; :mod:`storyline.link.timeline` gathers the evidence of a story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from storyline import timex3
from storyline.annotate.timex_dates import Reference, day_year, direction_of, month_year
from storyline.model import Timex

__all__ = ["agreed_year", "order_year", "reference_window", "story_span", "window_year", "with_year", "year_unknown"]

ORDER_REACH = 400  # characters back to the absolute date an order cue counts from
_LATER = re.compile(r"\b(?:later|afterwards?|after that|subsequently|the following|the next)\b", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:earlier|before that|beforehand|previously|prior to that|the previous)\b",
                      re.IGNORECASE)
_YEARLESS = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?$")


def year_unknown(value: str) -> tuple[int, int | None] | None:
    """(month, day or None) of a day or month written without its year; None for any other value."""
    m = _YEARLESS.match(value)
    if not m:
        return None
    month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
    return (month, day) if timex3.parse(value) is not None else None


def with_year(value: str, year: int) -> str:
    """``XXXX-10-19`` with its year filled in."""
    return f"{year:04d}{value[4:]}"


def agreed_year(candidates: Iterable[int | None]) -> int | None:
    """The year every piece of evidence gives; None when none speaks or two disagree."""
    years = {y for y in candidates if y is not None}
    return years.pop() if len(years) == 1 else None


def _placed(month: int, day: int | None, year: int) -> date | None:
    try:
        return date(year, month, day or 1)
    except ValueError:
        return None


def order_year(text: str, timexes: Sequence[Timex], span: tuple[int, int], month: int, day: int | None) -> int | None:
    """The year an order cue gives: "later" after an absolute date names the first such day after it,
    "earlier" the last one before it. The cue must stand between that date and this one (or in this
    one's sentence, before it); None without a cue or an absolute date close enough before."""
    anchor = _anchor_before(timexes, span[0])
    if anchor is None:
        return None
    between = text[anchor[1]:span[0]]
    later, earlier = bool(_LATER.search(between)), bool(_EARLIER.search(between))
    if later == earlier:
        return None
    first = anchor[0]
    for year in (range(first.year, first.year + 3) if later else range(first.year, first.year - 3, -1)):
        placed = _placed(month, day, year)
        if placed is not None and ((placed > first) if later else (placed < first)):
            return year
    return None


def _anchor_before(timexes: Sequence[Timex], start: int) -> tuple[date, int] | None:
    """(first day, end offset) of the last absolute day or month named shortly before ``start``."""
    best: tuple[date, int] | None = None
    for t in timexes:
        if t.end > start or start - t.end > ORDER_REACH or t.relative or t.anchor is not None:
            continue
        parsed = timex3.parse(t.value)
        if parsed is None or parsed.year is None or parsed.month is None or parsed.precision not in ("day", "month"):
            continue
        span = timex3.interval(t.value)
        if span is not None and (best is None or t.end > best[1]):
            best = (span[0], t.end)
    return best


def reference_window(published: str | None, named_latest: str | None, story_published: Iterable[str]) -> \
        tuple[date, date] | None:
    """The days a document can have been written: its publication day when known; otherwise the days the
    story's other documents were published, not before the latest full date the document names itself.
    None when nothing bounds it."""
    own = _day(published)
    if own is not None:
        return own, own
    days = [d for d in (_day(p) for p in story_published) if d is not None]
    if not days:
        return None
    low, high = min(days), max(days)
    floor = _day(named_latest)
    if floor is not None:
        low = max(low, floor)
    return (low, high) if low <= high else None


def _day(value: str | None) -> date | None:
    span = timex3.interval(value[:10]) if value else None
    return span[0] if span is not None and span[0] == span[1] else None


def window_year(text: str, span: tuple[int, int], month: int, day: int | None,
                window: tuple[date, date]) -> int | None:
    """The year the date has when read (with its sentence's tense and anchor) against every day of the
    window; None when the first and last day give different years (reading is monotonic in between)."""
    direction = direction_of(text, *span)
    years = {_read(month, day, when, direction) for when in (window[0], window[1])}
    return agreed_year(years) if None not in years else None


def _read(month: int, day: int | None, when: date, direction: str | None) -> int | None:
    if day is None:
        return month_year(when.year, when.month, month, direction)
    return day_year(Reference(when.year, when.month, when.day), month, day, direction)


def story_span(published: Iterable[str | None]) -> list[str]:
    """Publication dates that are full days (the evidence of when a story's documents were written)."""
    return [p for p in published if p and _day(p) is not None]

