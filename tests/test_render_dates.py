"""TIMEX3 values read as words, keeping their precision."""

from __future__ import annotations

import pytest

from storyline.render.dates import describe_timex


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2023-03-14", "14 Mar 2023"),
        ("2023-03", "Mar 2023"),
        ("2023", "2023"),
        ("202", "2020s"),
        ("2022-FA", "autumn 2022"),
        ("2025-W16", "week 16 2025"),
        ("2024-Q1", "Q1 2024"),
        ("XXXX-10-19", "19 Oct (year unknown)"),
        ("2025-06-11TNI", "11 Jun 2025, night"),
        ("2025-06-11T14:30", "11 Jun 2025, 14:30"),
        ("XXXX-XX-XXTEV", "date unknown, evening"),
        ("PRESENT_REF", "now"),
        ("P3Y", "P3Y"),
        (None, "date unknown"),
    ],
)
def test_render_dates_describe_timex(value: str | None, words: str) -> None:
    assert describe_timex(value) == words
