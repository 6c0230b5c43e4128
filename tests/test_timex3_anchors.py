"""Dates in words for the values this issue's rules produce: anchors, forward months, mods, unknown weekdays."""

from __future__ import annotations

import pytest

from storyline import timex3


@pytest.mark.parametrize(("value", "options", "expected"), [
    ("2017", {"anchor": "since"}, "since 2017"),
    ("2025-04", {"anchor": "from"}, "from April 2025"),
    ("2019", {"anchor": "until", "inferred": True}, "until 2019 (inferred)"),
    ("2025-03", {}, "March 2025"),
    ("2025", {"mod": "START"}, "early 2025"),
    ("XXXX-WXX-4", {}, "a Thursday (date unknown)"),
    ("XXXX-WXX-5TNI", {}, "the night of a Friday (date unknown)"),
    ("XXXX-10-19", {"anchor": "since"}, "since 19 October (year unknown)"),
    ("P3Y", {"anchor": "since"}, "3 years"),  # a duration is never anchored
])
def test_timex3_words_for_anchors_and_unknown_parts(value: str, options: dict, expected: str) -> None:  # type: ignore[type-arg]
    assert timex3.words(value, **options) == expected
