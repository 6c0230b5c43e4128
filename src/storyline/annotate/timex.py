"""Temporal expressions: find them, normalise them to TIMEX3 values, infer a reference date.

    >>> [(t.text, t.value) for t in find_timexes("The council met on 19 October 2023.")]
    [('19 October 2023', '2023-10-19')]

Relative expressions ("yesterday", "last week", "in March", "three years ago") resolve against
``reference`` (the publication date, ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); without one they
keep their unknown parts as ``X`` (``XXXX-10-19``, ``XXXX-WXX``) -- precision is never invented.
Rules and word lists are data (``data/timex_patterns.json``, ``data/timex_lexicon.json``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from storyline.annotate.timex_dates import anchor_before, parse_reference
from storyline.annotate.timex_detect import scan
from storyline.annotate.timex_normalize import (
    NORMALIZERS,
    Context,
    story_reference,
)
from storyline.annotate.timex_relative import RELATIVE_NORMALIZERS
from storyline.model import Timex

__all__ = ["find_timexes", "infer_reference_date", "timex_precision"]

_ALL_NORMALIZERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    **NORMALIZERS, **RELATIVE_NORMALIZERS,
}


def find_timexes(text: str, reference: str | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, normalised to TIMEX3, in text order.

    ``reference`` is the ISO date relative expressions resolve against (the publication date);
    with None, unknown parts stay ``X`` and ``Timex.relative`` is False.
    """
    ctx = Context(text, story_reference(text, parse_reference(reference)))

    def accept(rule: str, match: re.Match[str]) -> Timex | None:
        try:
            found = _ALL_NORMALIZERS[rule](match, ctx)
        except OverflowError:  # a day past the calendar's ends (a reference in year 1 or 9999)
            return None
        if found is None or _OUTSIDE_CALENDAR.match(found.value):
            return None
        if not found.relative and _ABSOLUTE.match(found.value):
            ctx.last_absolute, ctx.last_absolute_end = found.value, found.end
        elif not found.relative and _PART_OF_YEAR.match(found.value):
            # "the summer of 2020": "that September" is in 2020
            ctx.last_absolute, ctx.last_absolute_end = found.value[:4], found.end
        if found.type in ("DATE", "TIME"):
            found.anchor = anchor_before(text, found.start)
        return found

    return scan(text, accept)


_ABSOLUTE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_OUTSIDE_CALENDAR = re.compile(r"^-|^\d{5}")  # years before 0000 or after 9999 ("three years ago" in year 1)
_PART_OF_YEAR = re.compile(r"^\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])$")
_PRECISION = (
    (re.compile(r"^(?:PRESENT|PAST|FUTURE)_REF$|^P|^X+$"), "unknown"),
    (re.compile(r"T"), "time"),
    (re.compile(r"^[\dX]{4}-W\d{2}"), "week"),
    (re.compile(r"^[\dX]{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^[\dX]{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^[\dX]{4}-[QH][\dX]$"), "quarter"),
    (re.compile(r"^[\dX]{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
)


def timex_precision(value: str) -> str:
    """How precise a TIMEX3 value is: "day", "month", "year", "decade", "season", "quarter", "week",
    "time" or "unknown" (durations, sets, PRESENT_REF, values with unknown parts)."""
    for pattern, precision in _PRECISION:
        if pattern.search(value):
            return precision
    return "unknown"


def infer_reference_date(text: str, timexes: list[Timex] | None = None) -> str | None:
    """A reference date read from the document's own absolute dates, for when the publication
    date is unknown.

    Heuristic: the latest fully specified date (``YYYY-MM-DD``) the text mentions -- news reports
    mostly look back, so the newest date named is the best lower bound of when it was written; dates
    more than two years after the most frequent year are ignored as forecasts.  Failing a full date,
    the latest year-month; failing that, the most frequent year.  None when there is no absolute date.
    """
    found = timexes if timexes is not None else find_timexes(text, None)
    absolute = [t.value[:10] for t in found if not t.relative and t.type in ("DATE", "TIME")
                and _ABSOLUTE.match(t.value[:10])]
    if not absolute:
        return None
    years = Counter(int(v[:4]) for v in absolute)
    usual = years.most_common(1)[0][0]
    plausible = [v for v in absolute if int(v[:4]) <= usual + 2]
    for length in (10, 7):
        dated = [v for v in plausible if len(v) == length]
        if dated:
            return max(dated)
    return f"{usual:04d}"
