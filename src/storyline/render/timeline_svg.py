"""A story timeline on a real time axis, drawn as inline SVG (the web app and the reports both use it).

Each dated event becomes one mark (``<g class="tl-event" data-event="ID">``): a dot for a day, a bar
covering the whole period for a month, quarter, season, year or decade, so vague dates look vague. A
mark carries its number (as in the event table beside it) and a short label; the full date and text
show on hover (``<title>``). Dates are read by :mod:`storyline.timex3`; events it cannot place (no
known year) are returned as undated.

One far-off date does not squash the rest: where a gap between events is longer than the events on
either side of it together, the axis breaks there and each stretch gets its own scale.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from storyline import timex3
from storyline.views.model import EventRow

WIDTH = 960
MARGIN = 28
LANE = 22
AXIS_GAP = 34
BREAK = 26  # pixels between two stretches of a broken axis
CHAR_WIDTH = 6.0  # of 11px label text, for packing labels into lanes
LABEL_CHARS = 26
MAX_LANES = 12  # beyond this, marks carry their number only
MIN_GAP_DAYS = 60  # a gap shorter than this never breaks the axis
DENSE = 6  # a gap this many times the usual gap between events breaks the axis
PRECISE_DAYS = 31  # periods up to a month keep their whole length on the axis
MAX_STRETCHES = 4

Href = Callable[[EventRow], "str | None"]


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    """The first words of an event's text, cut at a word and marked "…" when longer than ``limit``."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1].rsplit(" ", 1)[0] if " " in words[: limit - 1] else words[: limit - 1]
    return cut.rstrip(",;:—–-") + "…"


@dataclass
class Mark:
    event: EventRow
    number: int
    start: date
    end: date
    label: str = ""
    x0: float = 0.0
    x1: float = 0.0
    lane: int = 0

    @property
    def is_range(self) -> bool:
        return self.end > self.start

    @property
    def text(self) -> str:
        return f"{self.number} {self.label}" if self.label else str(self.number)


@dataclass
class Stretch:
    """A part of the axis with its own scale: the first and last day it shows, and where it is drawn."""

    lo: date
    hi: date
    left: float
    right: float

    def x(self, day: date) -> float:
        span = max(1, (self.hi - self.lo).days)
        return self.left + (self.right - self.left) * (day - self.lo).days / span


@dataclass
class TimelineLayout:
    width: int
    height: int
    marks: list[Mark] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    undated: list[EventRow] = field(default_factory=list)
    stretches: list[Stretch] = field(default_factory=list)
    axis_y: float = 0.0

    @property
    def breaks(self) -> list[float]:
        """Where the axis is broken (x of the middle of each gap)."""
        return [(a.right + b.left) / 2 for a, b in zip(self.stretches, self.stretches[1:])]


def _shifted(day: date, delta: timedelta) -> date:
    """``day + delta``, held at the first or last day the calendar has (year 1, year 9999)."""
    try:
        return day + delta
    except OverflowError:
        return date.min if delta < timedelta(0) else date.max


def _reach(m: Mark) -> date:
    """How far right a mark needs its stretch to go: the end of a day, week or month; the start of a longer
    period (a year bar running past its stretch is cut at the edge rather than stretching the axis)."""
    return m.end if (m.end - m.start).days <= PRECISE_DAYS else m.start


def _spread(group: list[Mark]) -> int:
    """Days from the first start to the furthest reach of a group of marks."""
    return (max(_reach(m) for m in group) - group[0].start).days


def _gaps(group: list[Mark]) -> list[tuple[int, int]]:
    """(gap in days, index) before each mark that starts after everything before it reaches."""
    out, reach = [], _reach(group[0])
    for i in range(1, len(group)):
        gap = (group[i].start - reach).days
        if gap > 0:
            out.append((gap, i))
        reach = max(reach, _reach(group[i]))
    return out


def _best_break(group: list[Mark], typical: float) -> tuple[int, int] | None:
    """(gap, index) of the gap worth breaking the axis at, None when none is: a long gap that is longer than
    twice the spread of the events on both sides (which it would squash), or far longer than the usual gap
    between events (a dense cluster inside a long span)."""
    best = None
    for gap, i in _gaps(group):
        inside = _spread(group[:i]) + _spread(group[i:])
        squashes = (inside > 0 and gap > 2 * inside) or (typical > 0 and gap > DENSE * typical)
        if gap >= MIN_GAP_DAYS and squashes and (best is None or gap > best[0]):
            best = (gap, i)
    return best


def _groups(marks: list[Mark]) -> list[list[Mark]]:
    """Marks (by start) split where a gap would squash the events around it into a few pixels."""
    starts = sorted({m.start for m in marks})
    steps = sorted((b - a).days for a, b in zip(starts, starts[1:]))
    typical = steps[len(steps) // 2] if len(steps) >= 4 else 0.0
    groups = [marks]
    while len(groups) < MAX_STRETCHES:
        found = [(b, g) for g, group in enumerate(groups) if (b := _best_break(group, typical))]
        if not found:
            break
        (_, i), g = max(found)
        groups[g : g + 1] = [groups[g][:i], groups[g][i:]]
    return groups


def _stretches(groups: list[list[Mark]], width: int) -> list[Stretch]:
    usable = width - 2 * MARGIN - BREAK * (len(groups) - 1)
    weights = [1 + len(g) for g in groups]
    out, left = [], float(MARGIN)
    for group, weight in zip(groups, weights):
        lo, hi = min(m.start for m in group), max(_reach(m) for m in group)
        pad = max(timedelta(days=1), (hi - lo) * 0.04) if hi > lo else timedelta(days=3)
        right = left + usable * weight / sum(weights)
        out.append(Stretch(_shifted(lo, -pad), _shifted(hi, pad), left, right))
        left = right + BREAK
    return out


def _ticks(s: Stretch, group: list[Mark]) -> list[tuple[float, str]]:
    """Year, month or day ticks for one stretch, about one per 90 pixels; a stretch around one date (a break
    isolated it) is labelled with that date as the events give it ("2022", "Mar 2024")."""
    days = (s.hi - s.lo).days
    if days <= 14:
        return [((s.left + s.right) / 2, group[0].event.short_when)]
    room = max(1, int((s.right - s.left) / 90))
    if days > 3 * 365:
        step = max(1, days // 365 // room + 1)
        return [(s.x(date(y, 1, 1)), str(y)) for y in range(s.lo.year + 1, s.hi.year + 1, step)]
    if days > 75:
        every = max(1, days // 30 // room + 1)
        out = []
        y, mo = (s.lo.year + 1, 1) if s.lo.month == 12 else (s.lo.year, s.lo.month + 1)
        while (y, mo) <= (s.hi.year, s.hi.month):
            if (mo - 1) % every == 0:
                out.append((s.x(date(y, mo, 1)), f"{calendar.month_abbr[mo]} {y}"))
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        return out
    step = max(1, days // room)
    return [(s.x(s.lo + timedelta(days=d)), (s.lo + timedelta(days=d)).strftime("%d %b %Y").lstrip("0"))
            for d in range(step, days, step)]


def _assign_lanes(marks: list[Mark], labels: bool) -> int:
    lane_ends: list[float] = []
    for m in sorted(marks, key=lambda m: (m.x0, -m.x1)):
        text = m.text if labels else str(m.number)
        right = max(m.x1, m.x0 + 9 + CHAR_WIDTH * len(text))
        for i, end in enumerate(lane_ends):
            if m.x0 > end + 4:
                m.lane, lane_ends[i] = i, right
                break
        else:
            m.lane = len(lane_ends)
            lane_ends.append(right)
    return max(1, len(lane_ends))


def _label_where_room(marks: list[Mark], width: int) -> None:
    """Keep the label of a mark only where it ends before the next mark of its lane (numbers stay on all)."""
    lanes: dict[int, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.x0, m.number)):
        lanes.setdefault(m.lane, []).append(m)
    for row in lanes.values():
        for m, following in zip(row, [*row[1:], None]):
            limit = following.x0 - 4 if following else width - MARGIN / 2
            if m.x0 + 9 + CHAR_WIDTH * len(m.text) > limit:
                m.label = ""


def layout_timeline(events: Sequence[EventRow], width: int = WIDTH) -> TimelineLayout:
    """Place events (in display order) on a time axis, broken where one stretch would squash the rest."""
    marks: list[Mark] = []
    undated: list[EventRow] = []
    for ev in events:
        span = timex3.interval(ev.date)
        if span is None:
            undated.append(ev)
        else:
            marks.append(Mark(ev, len(marks) + 1, span[0], span[1], short_label(ev.text)))
    if not marks:
        return TimelineLayout(width, 0, [], [], undated)
    groups = _groups(sorted(marks, key=lambda m: (m.start, m.number)))
    stretches = _stretches(groups, width)
    for group, s in zip(groups, stretches):
        for m in group:
            m.x0 = s.x(m.start)
            m.x1 = min(s.right, s.x(_shifted(m.end, timedelta(days=1)))) if m.is_range else m.x0
    lanes = _assign_lanes(marks, labels=True)
    if lanes > MAX_LANES:  # too crowded to label every mark: pack numbers, then label the marks with room
        lanes = _assign_lanes(marks, labels=False)
        _label_where_room(marks, width)
    axis_y = 16 + lanes * LANE
    ticks = [t for group, s in zip(groups, stretches) for t in _ticks(s, group)]
    return TimelineLayout(width, int(axis_y + AXIS_GAP), marks, ticks, undated, stretches, axis_y)


def mark_y(layout: TimelineLayout, mark: Mark) -> float:
    """The height of a mark's line above the axis (top of the drawing is 0)."""
    return layout.axis_y - 14 - mark.lane * LANE


def _mark_svg(m: Mark, y: float, href: Href | None) -> str:
    ev = m.event
    kind = "tl-range" if m.is_range else "tl-day"
    tip = f"{ev.when}: {ev.text}"
    if m.is_range:
        shape = (f'<rect class="tl-bar" x="{m.x0:.1f}" y="{y - 5:.1f}" width="{max(6.0, m.x1 - m.x0):.1f}" '
                 f'height="10" rx="3" fill="#8fb3d9"/>')
    else:
        shape = f'<circle class="tl-dot" cx="{m.x0:.1f}" cy="{y:.1f}" r="6" fill="#1f4e79"/>'
    label = (f'<text class="tl-label" x="{m.x0 + 9:.1f}" y="{y + 4:.1f}" font-size="11" fill="#222">'
             f'<tspan class="tl-num" font-weight="bold">{m.number}</tspan>'
             + (f" {escape(m.label)}" if m.label else "") + "</text>")
    body = f"<title>{escape(tip)}</title>{shape}{label}"
    link = href(ev) if href else None
    if link:
        body = f'<a href="{escape(link)}">{body}</a>'
    return (f'<g class="tl-event {kind}" data-event="{escape(ev.id)}" data-date="{escape(ev.date)}">'
            f"{body}</g>")


def _axis_svg(lay: TimelineLayout) -> list[str]:
    y = lay.axis_y
    parts = [f'<line class="tl-axis" x1="{s.left:.1f}" y1="{y}" x2="{s.right:.1f}" y2="{y}" stroke="#555"/>'
             for s in lay.stretches]
    for x in lay.breaks:
        parts.append(f'<g class="tl-break"><title>time left out</title>'
                     f'<line x1="{x - 5:.1f}" y1="{y + 5}" x2="{x - 1:.1f}" y2="{y - 5}" stroke="#555"/>'
                     f'<line x1="{x + 1:.1f}" y1="{y + 5}" x2="{x + 5:.1f}" y2="{y - 5}" stroke="#555"/></g>')
    for x, label in lay.ticks:
        parts.append(f'<g class="tl-tick"><line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 5}" stroke="#555"/>'
                     f'<text x="{x:.1f}" y="{y + 18}" font-size="11" text-anchor="middle" fill="#555">'
                     f"{escape(label)}</text></g>")
    return parts


def render_timeline_svg(events: Sequence[EventRow], href: Href | None = None, width: int = WIDTH) -> str:
    """SVG markup for the events (every piece of text escaped); empty string when nothing can be placed."""
    lay = layout_timeline(events, width)
    if not lay.marks:
        return ""
    parts = [
        (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lay.width} {lay.height}" '
         f'width="100%" role="img" aria-label="Timeline of {len(lay.marks)} dated events">'),
        f"<title>Timeline of {len(lay.marks)} dated events</title>",
        *_axis_svg(lay),
        *(_mark_svg(m, mark_y(lay, m), href) for m in lay.marks),
        "</svg>",
    ]
    return "".join(parts)


def placeable(events: Sequence[EventRow]) -> list[EventRow]:
    """The events that get a mark on the axis."""
    return [e for e in events if timex3.is_placeable(e.date)]


def numbered(events: Sequence[EventRow]) -> list[tuple[int | None, EventRow]]:
    """Events with the number of their mark (None when the date cannot be placed), for the table beside it."""
    out: list[tuple[int | None, EventRow]] = []
    n = 0
    for ev in events:
        if timex3.is_placeable(ev.date):
            n += 1
            out.append((n, ev))
        else:
            out.append((None, ev))
    return out
