"""Absolute dates, months, years, decades, seasons, quarters and clock times."""

from __future__ import annotations

from storyline.annotate.timex import find_timexes
from storyline.model import Timex


def spans(text: str, reference: str | None = None) -> list[tuple[str, str, str]]:
    return [(text[t.start:t.end], t.type, t.value) for t in find_timexes(text, reference)]


def test_timex_british_dates() -> None:
    text = "The inquiry opened on 19 October 2023 and will report by the 3rd of March 2024."
    assert spans(text) == [("19 October 2023", "DATE", "2023-10-19"),
                           ("the 3rd of March 2024", "DATE", "2024-03-03")]


def test_timex_american_dates() -> None:
    text = "Ms. Hale resigned on October 2, 2023, and the board met again on Sept. 14, 2023."
    assert spans(text) == [("October 2, 2023", "DATE", "2023-10-02"), ("Sept. 14, 2023", "DATE", "2023-09-14")]


def test_timex_abbreviated_month_with_no_space_before_the_day() -> None:
    """"Dec.14", "Sept.3, 2012" (wire copy drops the space); "May 5" and a month alone as before."""
    text = "The vote was held on Dec.14 and the count closed Sept.3, 2012, not in May."
    assert spans(text, "2012-12-20") == [("Dec.14", "DATE", "2012-12-14"), ("Sept.3, 2012", "DATE", "2012-09-03"),
                                         ("May", "DATE", "2012-05")]


def test_timex_weekday_with_date_keeps_whole_span() -> None:
    text = "Councillors met on Tuesday, 17 October 2023, before the vote."
    assert spans(text) == [("Tuesday, 17 October 2023", "DATE", "2023-10-17")]


def test_timex_iso_and_unambiguous_numeric_dates() -> None:
    text = "Figures dated 2023-09-30 were leaked; the letter of 25/09/2023 was not."
    assert spans(text) == [("2023-09-30", "DATE", "2023-09-30"), ("25/09/2023", "DATE", "2023-09-25")]


def test_timex_ambiguous_numeric_date_follows_document_style() -> None:
    british = "The hearing on 12 March 2023 was adjourned to 05/09/2023."
    american = "The hearing on March 12, 2023 was adjourned to 05/09/2023."
    assert spans(british)[-1] == ("05/09/2023", "DATE", "2023-09-05")
    assert spans(american)[-1] == ("05/09/2023", "DATE", "2023-05-09")


def test_timex_ambiguous_numeric_date_without_style_is_not_guessed() -> None:
    assert all(value != "2023-05-09" and value != "2023-09-05" for _, _, value in spans("Filed 05/09/2023."))


def test_timex_month_year_and_season_of_year() -> None:
    text = "The scheme ran from March 2022 until the summer of 2023."
    assert spans(text) == [("March 2022", "DATE", "2022-03"), ("the summer of 2023", "DATE", "2023-SU")]


def test_timex_years_and_decades() -> None:
    text = "She joined the council in 2019, having worked abroad in the 1990s and the early 1980s."
    found = find_timexes(text)
    assert [(t.text, t.value) for t in found] == [("2019", "2019"), ("the 1990s", "199"),
                                                   ("the early 1980s", "198")]
    assert found[2].mod == "START"


def test_timex_quarters_and_halves() -> None:
    text = "Accounts for the third quarter of 2023 and Q1 2024 were late."
    assert spans(text) == [("the third quarter of 2023", "DATE", "2023-Q3"), ("Q1 2024", "DATE", "2024-Q1")]


def test_timex_clock_times_resolve_to_reference_day() -> None:
    text = "The meeting began at 2.30pm and ended at 17:45, long after noon."
    assert spans(text, "2023-10-19") == [("2.30pm", "TIME", "2023-10-19T14:30"),
                                         ("17:45", "TIME", "2023-10-19T17:45"),
                                         ("noon", "TIME", "2023-10-19T12:00")]


def test_timex_clock_time_before_a_date_is_on_that_date() -> None:
    """ "until 5 p.m. EST Nov. 9" is on 9 November, not on the reference day."""
    assert spans("The offer stays open until 5 p.m. EST Nov. 9, the bank said.", "2023-11-02") == [
        ("5 p.m. EST Nov. 9", "TIME", "2023-11-09T17:00")]
    assert spans("It runs until 5 p.m. EST, Nov. 6, 2024.", "2023-10-30") == [
        ("5 p.m. EST, Nov. 6, 2024", "TIME", "2024-11-06T17:00")]
    assert spans("Turnout rose 3 points by 10 pm May 3 percent more.", "2023-10-30") == [
        ("10 pm", "TIME", "2023-10-30T22:00")]


def test_timex_clock_time_on_a_date_is_of_that_date_but_apart() -> None:
    """ "at 11 a.m. on 11 November 1918": two expressions, as TimeBank and WikiWars part them at "on", the time on
    that date (it had been of an unknown day in a history, the reference day in news)."""
    assert spans("The guns fell silent at 11 a.m. on 11 November 1918.", "2009-12-19") == [
        ("11 a.m.", "TIME", "1918-11-11T11:00"), ("11 November 1918", "DATE", "1918-11-11")]
    assert spans("The offer expires at 5 p.m. on Nov. 9.", "2023-11-02") == [
        ("5 p.m.", "TIME", "2023-11-09T17:00"), ("Nov. 9", "DATE", "2023-11-09")]


def test_timex_day_and_month_without_reference_keep_unknown_year() -> None:
    text = "The council will meet on Oct. 19 and again on 3 November."
    assert spans(text) == [("Oct. 19", "DATE", "XXXX-10-19"), ("3 November", "DATE", "XXXX-11-03")]
    assert not any(t.relative for t in find_timexes(text))


def test_timex_day_and_month_with_reference_take_its_year() -> None:
    found = find_timexes("The council met on Oct. 19 and published the minutes on 3 November.", "2023-11-20")
    assert [(t.text, t.value, t.relative) for t in found] == [("Oct. 19", "2023-10-19", True),
                                                               ("3 November", "2023-11-03", True)]


def test_timex_day_month_in_january_looks_back_to_december() -> None:
    found = find_timexes("The flooding began on 28 December, officials said.", "2024-01-04")
    assert [t.value for t in found] == ["2023-12-28"]


def test_timex_offsets_are_exact_with_curly_quotes() -> None:
    text = "“We will be ready by 1 April 2024,” she said.\n\nThe deadline is 31 March."
    found = find_timexes(text, "2024-02-01")
    assert [(text[t.start:t.end], t.value) for t in found] == [("1 April 2024", "2024-04-01"),
                                                                ("31 March", "2024-03-31")]
    assert all(isinstance(t, Timex) and t.text == text[t.start:t.end] for t in found)


def test_timex_eras_and_year_ranges() -> None:
    text = "Carthage lost Sicily in 241 BC; Claudius invaded Britain in AD 43; the war ran 1861-1865."
    assert spans(text) == [("241 BC", "DATE", "BC0241"), ("AD 43", "DATE", "0043"), ("1861", "DATE", "1861"),
                           ("1865", "DATE", "1865")]


def test_timex_reference_numbers_and_statutes_are_not_years() -> None:
    text = "Request FOI-2023-0417 was refused under the Freedom of Information Act 2000 in 2023."
    assert spans(text) == [("2023", "DATE", "2023")]
    assert find_timexes(text)[0].start == text.rindex("2023")


def test_timex_years_in_words_as_transcripts_write_them() -> None:
    text = ("In nineteen seventy-nine the mill closed; in January nineteen ninety-seven it reopened, after "
            "the winter of nineteen ninety-four. The goal was set for the year two thousand.")
    found = [(t.text, t.value) for t in find_timexes(text, "1998-03-01")]
    assert found == [("nineteen seventy-nine", "1979"), ("January nineteen ninety-seven", "1997-01"),
                     ("the winter of nineteen ninety-four", "1994-WI"), ("the year two thousand", "2000")]


def test_timex_numbers_in_words_are_no_years() -> None:
    assert find_timexes("Nineteen people were hurt and two thousand copies were sold.", "1998-03-01") == []


def test_timex_the_1988_quarter_is_the_quarter_being_reported() -> None:
    text = ("Net rose in the third quarter. It had earned $3 million in the 1988 quarter; in the year-earlier "
            "third quarter it lost money.")
    found = [(t.text, t.value, t.relative) for t in find_timexes(text, "1989-11-02")]
    assert found == [("the third quarter", "1989-Q3", True), ("the 1988 quarter", "1988-Q3", True),
                     ("the year-earlier third quarter", "1988-Q3", True)]
    assert [(t.text, t.value) for t in find_timexes("It earned $3 million in the 1988 quarter.", "1989-11-02")] == [
        ("the 1988 quarter", "1988-QX")]


def test_timex_the_quarter_keeps_the_reported_quarter_in_reach() -> None:
    """ "the quarter" names the quarter being reported again, so "a year earlier" 300 characters after it still
    compares with that quarter, though the quarter was first named more than 400 characters before."""
    filler = "Its chief executive spoke of strong orders from airlines and of a new plant in Ohio. " * 4
    text = (f"Acme reported a third-quarter loss. {filler}Sales fell in the quarter. {filler[:250]}"
            "Revenue was $9 million a year earlier.")
    found = [(t.text, t.value) for t in find_timexes(text, "1989-11-02")]
    assert found == [("third-quarter", "1989-Q3"), ("the quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_timex_two_digit_years_stay_in_the_reference_century() -> None:
    """ "10/19/89" in a 1989 report is 1989 (it had been 2089), "3/4/25" in 2023 is 2025, "3/4/45" is 1945."""
    assert [(t.text, t.value) for t in find_timexes("It was signed on 10/19/89.", "1989-11-02")] == [
        ("10/19/89", "1989-10-19")]
    assert [t.value for t in find_timexes("Due on 13/4/25, born on 13/4/45.", "2023-10-19")] == [
        "2025-04-13", "1945-04-13"]


def test_timex_fiscal_year_before_a_comma() -> None:
    assert [(t.text, t.value) for t in find_timexes("In fiscal 1989, Elco earned $7.8 million.", "1989-11-02")] == [
        ("fiscal 1989", "1989")]


def test_timex_last_and_latter_half_of_a_year() -> None:
    text = "Profits fell in the last half of 1989 and in the latter half of 2008."
    assert [(t.text, t.value) for t in find_timexes(text, "2009-10-26")] == [
        ("the last half of 1989", "1989-H2"), ("the latter half of 2008", "2008-H2")]


def test_timex_a_half_of_something_else_is_not_this_year_s() -> None:
    """ "the second half of the match" had been 2009-H2."""
    text = "He scored in the second half of the match, as in the last half of the '80s."
    assert [(t.text, t.value) for t in find_timexes(text, "2009-10-26")] == [("the '80s", "198")]


_ANCIENT = ("The revolt broke out in 499 BC and was crushed by 493 BC; Darius sent a fleet in 492 BC, and in 490 BC "
            "his army landed at Marathon. Xerxes marched in 480 BC. ")


def test_timex_months_seasons_and_centuries_bc() -> None:
    text = "Having crossed in April 480 BC, the army wintered; in the spring of 479 BC, during the 5th century BC, it fell."
    assert [(t.text, t.value) for t in find_timexes(text, "2009-12-19")] == [
        ("April 480 BC", "BC0480-04"), ("the spring of 479 BC", "BC0479-SP"), ("the 5th century BC", "BC04")]


def test_timex_a_history_of_ancient_times_resolves_nothing_against_its_publication() -> None:
    """ "the following year", "in September", "the winter" of a history of the Persian wars had been 2010, 2009-09,
    2009-WI: a page written in 2009 says nothing of them."""
    text = _ANCIENT + "The following year he returned. The fleet stayed into September and passed the winter at Sardis."
    found = {t.text: (t.value, t.relative) for t in find_timexes(text, "2009-12-19")}
    assert found["The following year"] == ("XXXX", False)
    assert found["September"] == ("XXXX-09", False) and found["winter"] == ("XXXX-WI", False)
