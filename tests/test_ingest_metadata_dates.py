"""Published dates: metadata normalisation, inference only with evidence, title fallback."""

from __future__ import annotations

import pytest

from storyline.ingest import fallback_title, infer_published, make_document, normalize_date
from storyline.model import Document


def _span_text(text: str) -> tuple[str, str] | None:
    found = infer_published(text)
    if found is None:
        return None
    iso, (start, end) = found
    return iso, text[start:end]


def test_metadata_infer_published_british_dateline() -> None:
    text = "Council sets budget\n\nHARROWGATE, 14 March 2023 — The council agreed its budget."
    assert _span_text(text) == ("2023-03-14", "14 March 2023")


def test_metadata_infer_published_american_dateline_with_agency() -> None:
    text = "SPRINGFIELD, Ill. (Continental Press) — Oct. 3, 2024 — Water rates will rise."
    assert _span_text(text) == ("2024-10-03", "Oct. 3, 2024")


def test_metadata_infer_published_labelled_line() -> None:
    text = "Bridge closure extended\nBy Eleanor Marsh\nPublished: Tuesday 6 June 2023, 08:15 BST\n\nThe bridge..."
    assert _span_text(text) == ("2023-06-06", "Tuesday 6 June 2023")


def test_metadata_infer_published_prefers_published_over_updated() -> None:
    text = "Title\nUpdated: 9 June 2023\nPublished: 6 June 2023\n\nBody."
    assert _span_text(text) == ("2023-06-06", "6 June 2023")


def test_metadata_infer_published_updated_line_when_alone() -> None:
    assert _span_text("Title\nLast updated on June 9, 2023\n\nBody.") == ("2023-06-09", "June 9, 2023")


def test_metadata_no_date_from_deep_in_body() -> None:
    body = "Ferry delays\n\n" + "Passengers have complained for months about cancelled sailings. " * 12
    body += "At a meeting on 3 May 2021 the company made a promise."
    assert infer_published(body) is None
    doc = make_document(body, source="ferry.txt")
    assert isinstance(doc, Document)
    assert doc.published is None and not doc.published_inferred and doc.published_span is None


def test_metadata_no_date_from_sentence_near_top() -> None:
    text = "Ferry delays\n\nOn 3 May 2021 the company promised a new ship within two years."
    assert infer_published(text) is None


def test_metadata_ambiguous_numeric_date_is_refused() -> None:
    assert infer_published("Date: 03/04/2023\n\nMemo text.") is None
    assert _span_text("Date: 23/04/2023\n\nMemo text.") == ("2023-04-23", "23/04/2023")


def test_metadata_make_document_sets_inferred_span() -> None:
    text = "HARROWGATE, 14 March 2023 — The council agreed its budget."
    doc = make_document(text, source="a.txt")
    assert isinstance(doc, Document)
    assert doc.published == "2023-03-14" and doc.published_inferred
    assert doc.published_span is not None
    assert doc.text[doc.published_span[0]:doc.published_span[1]] == "14 March 2023"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 14 Mar 2023 23:30:00 -0500", "2023-03-14"),
        ("2023-03-14T23:30:00-05:00", "2023-03-14"),
        ("2024-09-27T16:40:00Z", "2024-09-27"),
        ("14 March 2023", "2023-03-14"),
        ("Oct. 3, 2024", "2024-10-03"),
        ("March 2023", "2023-03"),
        ("2023", "2023"),
        ("D:20230208101500+00'00'", "2023-02-08"),
        ("2023-02-30", None),
        ("sometime last spring", None),
        ("", None),
        (None, None),
    ],
)
def test_metadata_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_metadata_fallback_title_skips_bylines_and_dates() -> None:
    text = "By Priya Shah\nPublished: 15 March 2023\nSwimming pool to reopen in May\n\nThe Riverside pool..."
    assert fallback_title(text) == "Swimming pool to reopen in May"


def test_metadata_fallback_title_none_for_opening_paragraph() -> None:
    text = (
        "The Riverside pool will reopen in May after a refit costing more than a million pounds, "
        "the council said on Tuesday, ending a closure that lasted two years.\n\nMore text."
    )
    assert fallback_title(text) is None


def test_metadata_bare_label_needs_a_date_only_line() -> None:
    assert infer_published("Court papers\n\nFiled 3 May 2021, the lawsuit alleges fraud.") is None
    assert _span_text("Press release\nIssued 3 May 2021\n\nText.") == ("2021-05-03", "3 May 2021")


def test_metadata_infer_published_from_outlet_byline_line() -> None:
    text = "Depot deal agreed\n\nPort Ellison Ledger · By Marcus Bell · June 3, 2025\n\nThe district agreed..."
    assert _span_text(text) == ("2025-06-03", "June 3, 2025")
    text = "Leader vows to act\n\nBrackendale Observer - Wednesday 18 September 2024\nBy A. Writer\n\nText."
    assert _span_text(text) == ("2024-09-18", "Wednesday 18 September 2024")


def test_metadata_fallback_title_not_a_salutation() -> None:
    assert fallback_title("Sir,\n\nAs a resident of this town for forty years, I write in despair.") is None


def _year(text: str) -> tuple[str, str, bool] | None:
    from storyline.ingest.metadata import infer_year_from_body

    found = infer_year_from_body(text)
    return None if found is None else (found.year, text[found.span[0]:found.span[1]], found.dated)


def test_metadata_body_year_is_the_latest_the_text_reports_as_past() -> None:
    text = ("Harwick takes back children’s services\n\nIn 2006 the minister ordered an intervention. "
            "At a meeting on 30 March 2009 the cabinet agreed to end the contract.")
    assert _year(text) == ("2009", "30 March 2009", True)
    assert _year("Archive note\n\nIn 2007 the council closed the baths. Few remember it.") == ("2007", "2007", False)


def test_metadata_body_year_skips_the_future_and_the_headline() -> None:
    assert _year("Ellen DeGeneres to host Oscars in 2014\nThe comic was named host on 2 August 2013.") == (
        "2013", "2 August 2013", True)
    text = "The contract began in 2006. It will end in 2009, and the review is due by 2010."
    assert _year(text) == ("2006", "2006", False)
    assert _year("Budget plans\n\nThe council expects to balance the books by 2026.") is None
    assert _year("Exhibition\n\nThe show is travelling the nation through November 2010.") is None


def test_metadata_body_year_skips_when_a_page_was_saved_and_a_release_to_come() -> None:
    """A page saved later ("[downloaded on 2 October 2013]") or a film's release date still to come is no past
    event: the year is the one the text reports as past."""
    text = ("Director still in talks for sequel\nPosted 1 year, 160 days ago [downloaded on 2 October 2013]\n"
            "The studio confirmed on 4 April 2012 that talks had begun. The sequel has a release date of 22 November "
            "2013, and the studio has booked a November 2013 release for the film.")
    assert _year(text) == ("2012", "4 April 2012", True)
    assert _year("Archive\n\nThe page was retrieved on 3 May 2019. In 2007 the council closed the baths.") == (
        "2007", "2007", False)


def test_metadata_body_year_is_not_a_publication_date() -> None:
    text = "Archive note\n\nIn 2007 the council closed the baths."
    doc = make_document(text, source="archive.txt")
    assert isinstance(doc, Document)
    assert doc.published is None and not doc.published_inferred  # linking reads the year, the document keeps none


def test_metadata_time_before_the_date_line() -> None:
    assert _span_text("8:00 AM PDT 4/4/2012\n\nThe actress was sentenced on Wednesday.") == ("2012-04-04", "4/4/2012")
    assert _span_text("10.30am GMT Friday, 14 March 2023\n\nText.") == ("2023-03-14", "Friday, 14 March 2023")
    assert infer_published("8:00 AM 4/5/2012\n\nText.") is None  # April 5 or 4 May: refused
    assert _span_text("8:00 AM PDT 4/5/2012\n\nText.") == ("2012-04-05", "4/5/2012")  # a US time zone: month first
    assert infer_published("12:30 Council meets on 4 May 2012 to decide.\n\nText.") is None  # a sentence, not a dateline


def test_metadata_date_line_with_a_time_after_a_bar() -> None:
    text = "Co-worker describes accused\nFriday, Sep. 10, 2010 | Updated 8:52 PM EDT\n\nThe woman accused of ..."
    assert _span_text(text) == ("2010-09-10", "Friday, Sep. 10, 2010")
    assert _span_text("Sunday, 17 March 2013 | 5:00 PM\nRiots follow vigil\n\nText.") == (
        "2013-03-17", "Sunday, 17 March 2013")
    assert _span_text("May 3, 2013 | 8:20 am\n\nThe actress checked in.") == ("2013-05-03", "May 3, 2013")
    # after a bar only a time: a place or a section is not a date-only line
    assert infer_published("Title\nFriday, Sep. 10, 2010 | Boston\n\nText.") is None
    assert infer_published("Title\nFriday, Sep. 10, 2010 | Updated by the desk\n\nText.") is None


def test_metadata_numeric_date_with_day_and_month_alike_is_read() -> None:
    assert _span_text("Date: 07/07/2023\n\nMemo text.") == ("2023-07-07", "07/07/2023")


@pytest.mark.parametrize(("value", "expected"), [
    ("1473690780", "2016-09-12"),  # Unix seconds written as a JSON string
    (1473690780000, "2016-09-12"),  # milliseconds, as JavaScript writes them
    ("1473690780000", "2016-09-12"),
    ("20160912", "2016-09-12"),  # a compact ISO date
    ("20160931", None),  # no such day
    ("12/09/2016", None),  # day or month first? unknown is better than wrong
])
def test_metadata_dates_as_exports_write_them(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected
