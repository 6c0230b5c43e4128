"""The SVG timeline: TIMEX3 values to date ranges, one mark per placeable event, everything escaped."""

from __future__ import annotations

import re
from datetime import date

import pytest

from storyline.web.timeline_svg import event_interval, layout_timeline, placeable, render_timeline_svg


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-09-12", (date(2024, 9, 12), date(2024, 9, 12))),
    ("2024-09-12T14:30", (date(2024, 9, 12), date(2024, 9, 12))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
    ("2023-Q2", (date(2023, 4, 1), date(2023, 6, 30))),
    ("2023-WI", (date(2023, 12, 1), date(2024, 2, 29))),
    ("2024-W01", (date(2024, 1, 1), date(2024, 1, 7))),
    ("199", (date(1990, 1, 1), date(1999, 12, 31))),
    ("XXXX-10-19", None), ("PRESENT_REF", None), ("P3Y", None), ("2023-13", None), (None, None),
])
def test_web_timeline_event_interval(value: str | None, expected: tuple[date, date] | None) -> None:
    assert event_interval(value) == expected


def _events() -> list[dict[str, str]]:
    return [
        {"id": "d1:v1", "date": "2023-03", "text": "Cabinet told of overspend"},
        {"id": "d1:v2", "date": "2023-03-14", "text": "Mayor denies claim"},
        {"id": "d2:v1", "date": "2023-03-14", "text": "Same day, other paper"},
        {"id": "d2:v2", "date": "XXXX-10-19", "text": "Year unknown"},
        {"id": "d3:v1", "date": "2024", "text": "Promise to balance the books"},
    ]


def test_web_timeline_one_mark_per_placeable_event() -> None:
    svg = render_timeline_svg(_events())
    marks = re.findall(r'<g class="tl-event (tl-day|tl-range)" data-event="([^"]+)"', svg)
    assert [m[1] for m in marks] == ["d1:v1", "d1:v2", "d2:v1", "d3:v1"]
    assert [m[0] for m in marks] == ["tl-range", "tl-day", "tl-day", "tl-range"]
    assert len(placeable(_events())) == 4
    assert layout_timeline(_events()).undated[0]["id"] == "d2:v2"


def test_web_timeline_same_day_events_stack_in_lanes() -> None:
    lay = layout_timeline(_events())
    same_day = [m for m in lay.marks if m.event["date"] == "2023-03-14"]
    assert same_day[0].x0 == same_day[1].x0 and same_day[0].lane != same_day[1].lane
    xs = [m.x0 for m in lay.marks]
    assert xs == sorted(xs)  # time runs left to right


def test_web_timeline_escapes_text_and_links() -> None:
    events = [{"id": 'x"><script>', "date": "2024-01-02", "text": "<img src=x onerror=alert(1)>"}]
    svg = render_timeline_svg(events, href=lambda ev: '/documents/d1#c1-2"><script>')
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg


def test_web_timeline_nothing_placeable_draws_nothing() -> None:
    assert render_timeline_svg([{"id": "a", "date": "XXXX-01-01", "text": "?"}]) == ""
    assert render_timeline_svg([]) == ""
