"""The SVG timeline: one labelled mark per placeable event, a broken axis for a far-off date, everything escaped."""

from __future__ import annotations

import re

from storyline.render.timeline_svg import layout_timeline, numbered, placeable, render_timeline_svg, short_label
from storyline.views.model import EventRow


def ev(event_id: str, date: str, text: str) -> EventRow:
    return EventRow(event_id, event_id.split(":")[0], 0, 10, date, "day", False, text)


def _events() -> list[EventRow]:
    return [
        ev("d1:v1", "2023-03", "Cabinet told of overspend"),
        ev("d1:v2", "2023-03-14", "Mayor denies claim"),
        ev("d2:v1", "2023-03-14", "Same day, other paper"),
        ev("d2:v2", "XXXX-10-19", "Year unknown"),
        ev("d3:v1", "2024", "Promise to balance the books"),
    ]


def test_render_timeline_svg_one_mark_per_placeable_event() -> None:
    svg = render_timeline_svg(_events())
    marks = re.findall(r'<g class="tl-event (tl-day|tl-range)" data-event="([^"]+)"', svg)
    assert [m[1] for m in marks] == ["d1:v1", "d1:v2", "d2:v1", "d3:v1"]
    assert [m[0] for m in marks] == ["tl-range", "tl-day", "tl-day", "tl-range"]
    assert len(placeable(_events())) == 4
    assert layout_timeline(_events()).undated[0].id == "d2:v2"
    assert [n for n, _ in numbered(_events())] == [1, 2, 3, None, 4]


def test_render_timeline_svg_labels_marks_with_full_text_on_hover() -> None:
    long = "The overview and scrutiny committee, chaired by a Liberal Democrat, will meet in June"
    svg = render_timeline_svg([ev("d1:v1", "2023-06-06", long), ev("d1:v2", "2023-06-20", "Vote")])
    assert short_label(long) in svg and short_label(long).endswith("…") and len(short_label(long)) <= 26
    assert f"<title>6 June 2023: {long}</title>" in svg  # the whole text and the date in words on hover
    assert re.search(r'<text class="tl-label"[^>]*><tspan class="tl-num"[^>]*>2</tspan> Vote</text>', svg)


def test_render_timeline_svg_same_day_events_stack_in_lanes() -> None:
    lay = layout_timeline(_events())
    same_day = [m for m in lay.marks if m.event.date == "2023-03-14"]
    assert same_day[0].x0 == same_day[1].x0 and same_day[0].lane != same_day[1].lane
    xs = [m.x0 for m in lay.marks]
    assert xs == sorted(xs)  # time runs left to right


def test_render_timeline_svg_one_outlier_does_not_squash_the_rest() -> None:
    cluster = [ev(f"d{i}:v1", f"2023-03-{10 + i:02d}", f"Event {i}") for i in range(6)]
    lay = layout_timeline([*cluster, ev("d9:v1", "1998", "A decision decades earlier")])
    near = [m for m in lay.marks if m.event.date.startswith("2023")]
    assert len(lay.stretches) == 2 and len(lay.breaks) == 1
    assert near[-1].x0 - near[0].x0 > 300  # six days still spread over most of the width
    svg = render_timeline_svg([*cluster, ev("d9:v1", "1998", "A decision decades earlier")])
    assert 'class="tl-break"' in svg


def test_render_timeline_svg_even_spread_keeps_one_axis() -> None:
    spread = [ev(f"d{y}:v1", f"{y}-06", f"Event {y}") for y in range(2019, 2025)]
    assert len(layout_timeline(spread).stretches) == 1
    two = [ev("d1:v1", "2019-01-05", "First"), ev("d2:v1", "2024-06-01", "Last")]
    assert len(layout_timeline(two).stretches) == 1  # two points squash nothing


def test_render_timeline_svg_december_axis_ticks() -> None:
    lay = layout_timeline([ev("d1:v1", "2023-12-20", "Start"), ev("d1:v2", "2024-04-30", "End")])
    assert lay.stretches[0].lo.month == 12  # the axis starts in December
    assert [label for _, label in lay.ticks][:2] == ["Jan 2024", "Feb 2024"]


def test_render_timeline_svg_escapes_text_and_links() -> None:
    events = [EventRow('x"><script>', "d1", 0, 1, "2024-01-02", "day", False, "<img src=x onerror=alert(1)>")]
    svg = render_timeline_svg(events, href=lambda e: '/documents/d1#c1-2"><script>')
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg


def test_render_timeline_svg_nothing_placeable_draws_nothing() -> None:
    assert render_timeline_svg([ev("a:v1", "XXXX-01-01", "?")]) == ""
    assert render_timeline_svg([]) == ""
