"""Numeric date stamps ("05/03/2013") read only when the text settles day-first against month-first."""

from __future__ import annotations

from storyline.ingest import infer_published

from .test_ingest_metadata_dates import _span_text


def test_metadata_numeric_stamp_without_evidence_is_refused() -> None:
    text = ("Posted: 04/9/2012 8:33 am\nLifeboat crew called out twice in one night\n"
            "Volunteers from the Penhallow station were paged at 11pm and again before dawn.")
    assert infer_published(text) is None  # 9 April or 4 September: nothing in the text says which


def test_metadata_dotted_stamp_is_day_first() -> None:
    text = ("Article posted on 09. 06. 2014\nCeltic Harbour ferry back in service\n"
            "The ‘Mary Tregear’ sailed again on Sunday after three weeks in dry dock.")
    assert _span_text(text) == ("2014-06-09", "09. 06. 2014")


def test_metadata_numeric_stamp_with_us_time_zone_is_month_first() -> None:
    text = ("UPDATED 05/03/2013 at 11:00 AM EDT\nSchool board delays vote on bus contract\n"
            "Trustees in Millbrook said Thursday they needed more time.")
    assert _span_text(text) == ("2013-05-03", "05/03/2013")
    assert _span_text("POSTED: 04/02/07, 9:00 PM PDT |\nJury returns verdict\nThe jury spoke.") == (
        "2007-04-02", "04/02/07")


def test_metadata_numeric_stamp_on_the_weekday_written_with_it() -> None:
    text = "Tue, 05/03/2013\nAllotment rents to rise\nTenants at Hob Lane were told of the rise by letter."
    assert _span_text(text) == ("2013-03-05", "Tue, 05/03/2013")  # 5 March 2013 was a Tuesday, 3 May a Friday


def test_metadata_numeric_stamp_is_not_earlier_than_a_day_the_text_reports_as_past() -> None:
    text = ("Posted: 03/05/2011\nPlanners refuse quarry extension\n"
            "On 28 April 2011 the committee refused the application, to cheers from the public gallery.")
    assert _span_text(text) == ("2011-05-03", "03/05/2011")  # 5 March is before 28 April: 3 May it is
    future = ("Posted: 03/05/2011\nQuarry appeal date set\n"
              "The appeal will be heard on 28 April 2011 at the county hall.")
    assert infer_published(future) is None  # a hearing to come says nothing of when this was written


def test_metadata_numeric_stamp_two_digit_year_and_time_with_seconds() -> None:
    assert _span_text("11/30/09 05:40 PM ET\nManhunt ends\nText.") == ("2009-11-30", "11/30/09")
    assert _span_text("First Posted 23:37:00 05/05/2010\nBank fire\nText.") == ("2010-05-05", "05/05/2010")
    assert _span_text("Last updated 13:26 14/09/2013\nPaddington delays\nText.") == ("2013-09-14", "14/09/2013")
    assert infer_published("11/30/87\nArchive\nText.") is None  # 2087 is in the future: the century is unknown
