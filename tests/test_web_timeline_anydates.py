"""The timeline chart draws any list of TIMEX3 values, of any precision and any year (property tests)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.render.timeline_svg import WIDTH, layout_timeline, render_timeline_svg
from storyline.timex3 import interval
from storyline.views.model import EventRow

SVG = "{http://www.w3.org/2000/svg}"
YEARS = st.integers(0, 9999).map(lambda y: f"{y:04d}") | st.just("XXXX")
MONTHS = st.integers(0, 13).map(lambda m: f"{m:02d}") | st.just("XX")
DAYS = st.integers(0, 32).map(lambda d: f"{d:02d}") | st.just("XX")
TIMES = st.sampled_from(["", "T00:00", "T23:59", "TMO", "TEV", "TNI"])
PRECISIONS = st.one_of(
    st.builds(lambda y, m, d, t: f"{y}-{m}-{d}{t}", YEARS, MONTHS, DAYS, TIMES),  # day (and time of day)
    st.builds(lambda y, m: f"{y}-{m}", YEARS, MONTHS),  # month
    YEARS,  # year
    st.builds(lambda y, q: f"{y}-Q{q}", YEARS, st.integers(0, 5)),  # quarter
    st.builds(lambda y, s: f"{y}-{s}", YEARS, st.sampled_from(["SP", "SU", "FA", "AU", "WI"])),  # season
    st.builds(lambda y, w: f"{y}-W{w:02d}", YEARS, st.integers(0, 54)),  # ISO week
    st.integers(0, 999).map(lambda d: f"{d:03d}"),  # decade
    st.integers(0, 99).map(lambda c: f"{c:02d}"),  # century
    st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF", "P3Y", "", "2023-13-45", "XXXX-XX"]),
)
VALUES = st.lists(st.one_of(PRECISIONS, st.none(), st.text(max_size=12)), max_size=12)


def _events(values: list[str | None]) -> list[EventRow]:
    """Events as the views give them (a missing date is an empty value: the rows never hold None)."""
    return [EventRow(f"d1:v{i}", "d1", i, i + 1, v or "", "unknown", False, f"event {i} <&>")
            for i, v in enumerate(values)]


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_timeline_svg_renders_any_timex_values(values: list[str | None]) -> None:
    events = _events(values)
    placed = [e for e in events if interval(e.date) is not None]
    svg = render_timeline_svg(events, href=lambda e: f"/documents/d1#c{e.start}-{e.end}")
    if not placed:
        assert svg == ""
        return
    root = ET.fromstring(svg)  # well-formed, everything escaped
    marks = [g for g in root.iter(f"{SVG}g") if "tl-event" in g.get("class", "")]
    assert [g.get("data-event") for g in marks] == [e.id for e in placed]
    for shape in (*root.iter(f"{SVG}circle"), *root.iter(f"{SVG}rect")):
        x = float(shape.get("cx") or shape.get("x") or 0)
        assert 0 <= x <= WIDTH


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_timeline_layout_ticks_lie_on_the_axis(values: list[str | None]) -> None:
    """The PDF report draws from the layout: every tick and mark is inside the chart."""
    layout = layout_timeline(_events(values))
    for x, label in layout.ticks:
        assert 0 <= x <= layout.width and label
    for mark in layout.marks:
        assert 0 <= mark.x0 <= mark.x1 <= layout.width


def test_timeline_axis_starting_in_december() -> None:
    """A story whose first event is in December (the axis starts then) drew a month 13 and failed."""
    svg = render_timeline_svg(_events(["2023-12-20", "2024-02-20", "2024-03"]))
    assert svg.count('class="tl-event') == 3
    assert ">Jan 2024<" in svg and ">Mar 2024<" in svg
