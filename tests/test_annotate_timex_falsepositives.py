"""Words and numbers that look temporal but are not."""

from __future__ import annotations

import pytest

from storyline.annotate.timex import find_timexes


@pytest.mark.parametrize("text", [
    "The council may be forced to sell the depot.",
    "It May Be Too Late, the headline read.",
    "Thousands joined a march on the town hall.",
    "Residents will march to Westminster.",
    "The firm employs 2,000 staff across 2023 sites? No: 1,500 workers.",
    "Legal fees reached £2023 and $1999.",
    "The Sun reported the story first.",
    "They relaxed in a hot spring near the river.",
    "She came second in the race and took a second look.",
    "Prices fall when supply rises.",
    "The fall of the regime was sudden.",
    "Room 1984 is on the top floor.",
])
def test_timex_false_positives_are_ignored(text: str) -> None:
    assert find_timexes(text, "2023-10-19") == []


def test_timex_may_as_month_still_found_in_date_context() -> None:
    found = find_timexes("The election was held in May, and counting ended on 5 May.", "2023-10-19")
    assert [(t.text, t.value) for t in found] == [("May", "2023-05"), ("5 May", "2023-05-05")]


def test_timex_march_as_month_with_preposition() -> None:
    found = find_timexes("The protest march began on 1 March; by March the council had agreed.", "2023-10-19")
    assert [(t.text, t.value) for t in found] == [("1 March", "2023-03-01"), ("March", "2023-03")]


def test_timex_year_next_to_count_is_not_a_year() -> None:
    assert [t.text for t in find_timexes("In 2021, 1998 people signed the petition.")] == ["2021"]


def test_timex_ages_are_not_durations() -> None:
    assert find_timexes("A 52-year-old man was arrested.") == []
