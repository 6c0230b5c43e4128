"""A story timeline on a real time axis, drawn as inline SVG (shared by the web app and reports).

Each dated event becomes one mark (``<g class="tl-event" data-event="ID">``):
a dot for a day, a bar covering the whole period for month, quarter, season,
year or decade precision, so vague dates look vague.  Events whose date has
no known year (``XXXX-10-19``) cannot be placed and are returned as undated.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Any

Record = dict[str, Any]
WIDTH = 960
MARGIN = 28
LANE = 24
AXIS_GAP = 34
LABEL_WIDTH = 22
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DECADE = re.compile(r"^(\d{3})$")


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def event_interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value can mean, or None when it cannot be placed."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            return _months(int(m[1]), int(m[2]), int(m[2]))
        if m := _YEAR.match(value):
            return _months(int(m[1]), 1, 12)
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _months(int(m[1]), 3 * q - 2, 3 * q)
        if m := _SEASON.match(value):
            return _months(int(m[1]), *_SEASONS[m[2]])
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _DECADE.match(value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


@dataclass
class Mark:
    event: Record
    number: int
    start: date
    end: date
    x0: float = 0.0
    x1: float = 0.0
    lane: int = 0

    @property
    def is_range(self) -> bool:
        return self.end > self.start


@dataclass
class TimelineLayout:
    width: int
    height: int
    marks: list[Mark] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    undated: list[Record] = field(default_factory=list)
    axis_y: float = 0.0


def _shifted(day: date, delta: timedelta) -> date:
    """``day + delta``, held at the first or last day the calendar has (year 1, year 9999)."""
    try:
        return day + delta
    except OverflowError:
        return date.min if delta < timedelta(0) else date.max


def _domain(marks: list[Mark]) -> tuple[date, date]:
    lo, hi = min(m.start for m in marks), max(m.end for m in marks)
    pad = max(timedelta(days=10), (hi - lo) * 0.04)
    return _shifted(lo, -pad), _shifted(hi, pad)


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _ticks(lo: date, hi: date, scale: Callable[[date], float]) -> list[tuple[float, str]]:
    days = (hi - lo).days
    if days > 3 * 365:
        step = max(1, days // 365 // 10 + 1)
        return [(scale(date(y, 1, 1)), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    if days > 75:
        months = max(1, days // 30 // 10 + 1)
        out, (y, mo) = [], _next_month(lo.year, lo.month)  # the first whole month (January after December)
        while (y, mo) <= (hi.year, hi.month):
            if (mo - 1) % months == 0:
                out.append((scale(date(y, mo, 1)), f"{calendar.month_abbr[mo]} {y}"))
            y, mo = _next_month(y, mo)
        return out
    step_days = max(1, days // 8)
    return [(scale(lo + timedelta(days=d)), (lo + timedelta(days=d)).strftime("%d %b %Y").lstrip("0"))
            for d in range(step_days, days, step_days)]


def _assign_lanes(marks: list[Mark]) -> int:
    lane_ends: list[float] = []
    for m in sorted(marks, key=lambda m: (m.x0, -m.x1)):
        right = max(m.x1, m.x0 + LABEL_WIDTH)
        for i, end in enumerate(lane_ends):
            if m.x0 > end + 4:
                m.lane, lane_ends[i] = i, right
                break
        else:
            m.lane = len(lane_ends)
            lane_ends.append(right)
    return max(1, len(lane_ends))


def layout_timeline(events: list[Record], width: int = WIDTH) -> TimelineLayout:
    """Place events (export records, already in display order) on a time axis."""
    marks: list[Mark] = []
    undated: list[Record] = []
    for ev in events:
        interval = event_interval(ev.get("date"))
        if interval is None:
            undated.append(ev)
        else:
            marks.append(Mark(ev, len(marks) + 1, *interval))
    if not marks:
        return TimelineLayout(width, 0, [], [], undated)
    lo, hi = _domain(marks)
    span_days = max(1, (hi - lo).days)

    def scale(day: date) -> float:
        return MARGIN + (width - 2 * MARGIN) * (day - lo).days / span_days

    for m in marks:
        m.x0, m.x1 = scale(m.start), scale(_shifted(m.end, timedelta(days=1))) if m.is_range else scale(m.start)
    lanes = _assign_lanes(marks)
    axis_y = 16 + lanes * LANE
    return TimelineLayout(width, int(axis_y + AXIS_GAP), marks, _ticks(lo, hi, scale), undated, axis_y)


def _mark_svg(m: Mark, axis_y: float, href: Callable[[Record], str | None] | None) -> str:
    ev = m.event
    y = axis_y - 14 - m.lane * LANE
    kind = "tl-range" if m.is_range else "tl-day"
    tip = f"{ev.get('date')}: {ev.get('text') or ''}"
    if m.is_range:
        shape = (f'<rect class="tl-bar" x="{m.x0:.1f}" y="{y - 5:.1f}" width="{max(6.0, m.x1 - m.x0):.1f}" '
                 f'height="10" rx="3" fill="#8fb3d9"/>')
    else:
        shape = f'<circle class="tl-dot" cx="{m.x0:.1f}" cy="{y:.1f}" r="6" fill="#1f4e79"/>'
    label = f'<text class="tl-num" x="{m.x0 + 9:.1f}" y="{y + 4:.1f}" font-size="11" fill="#222">{m.number}</text>'
    body = f"<title>{escape(tip)}</title>{shape}{label}"
    link = href(ev) if href else None
    if link:
        body = f'<a href="{escape(link)}">{body}</a>'
    return (f'<g class="tl-event {kind}" data-event="{escape(str(ev.get("id", "")))}" '
            f'data-date="{escape(str(ev.get("date", "")))}">{body}</g>')


def render_timeline_svg(events: list[Record], href: Callable[[Record], str | None] | None = None,
                        width: int = WIDTH) -> str:
    """SVG markup for the events (every piece of text escaped); empty string when nothing can be placed."""
    lay = layout_timeline(events, width)
    if not lay.marks:
        return ""
    y = lay.axis_y
    parts = [
        (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lay.width} {lay.height}" '
         f'width="100%" role="img" aria-label="Timeline of {len(lay.marks)} dated events">'),
        f"<title>Timeline of {len(lay.marks)} dated events</title>",
        f'<line class="tl-axis" x1="{MARGIN}" y1="{y}" x2="{lay.width - MARGIN}" y2="{y}" stroke="#555"/>',
    ]
    for x, label in lay.ticks:
        parts.append(f'<g class="tl-tick"><line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 5}" stroke="#555"/>'
                     f'<text x="{x:.1f}" y="{y + 18}" font-size="11" text-anchor="middle" fill="#555">'
                     f"{escape(label)}</text></g>")
    parts.extend(_mark_svg(m, y, href) for m in lay.marks)
    parts.append("</svg>")
    return "".join(parts)


def placeable(events: list[Record]) -> list[Record]:
    """The events that get a mark on the axis."""
    return [e for e in events if event_interval(e.get("date")) is not None]
