"""What story clustering reads from one document: phrases, figures, years, lead, anchors, the period of its date."""

from __future__ import annotations

from datetime import date

from storyline.link.story_features import (
    OPEN_END,
    DocumentFeatures,
    anchor_words,
    calendar_mentions,
    content_phrases,
    day_range,
    document_features,
    lead_person,
    mentioned_numbers,
    mentioned_years,
    story_params,
)
from storyline.model import Annotations, Document, Entity, Mention, Timex


def test_story_features_phrases_are_content_word_pairs() -> None:
    phrases = content_phrases("The intervention order was signed. The intervention order runs for three years.")
    assert phrases["intervention order"] > 1.0 and "the intervention" not in phrases
    assert all(len(p.split()) == 2 for p in phrases)


def test_story_features_figures_leave_out_years_and_ones() -> None:
    text = "In 2006 inspectors found 214 cases; 1 manager and £4.7m, 2,800 pages, 7.6 magnitude."
    assert mentioned_numbers(text) == ["214", "2800", "4.7", "7.6"]
    assert mentioned_years(text) == ["2006"]


def test_story_features_a_result_or_a_tally_is_one_figure() -> None:
    # a game's result is what a brief on an injured receiver shares with the match report
    text = ("The Colts (11-4) won 31–24 in Jacksonville; a 14-0 deficit, an 18-year-old, "
            "call 555-1234, on 2010-09-10 and 9/10-11.")
    assert mentioned_numbers(text) == ["11-4", "14-0", "31-24"]


def test_story_features_lead_is_the_person_named_most_and_alone_at_the_top() -> None:
    names = {"vincent jackson": "person", "san diego": "place", "norv turner": "person"}
    assert lead_person(names, {"vincent jackson": 2.1, "norv turner": 1.0}) == "jackson"
    assert lead_person(names, {"vincent jackson": 2.1, "norv turner": 2.1}) is None  # a tie: no lead
    assert lead_person(names, {"vincent jackson": 1.0}) is None  # named once: no lead
    assert lead_person({"joseph comeaux jr.": "person"}, {"joseph comeaux jr.": 2.0}) == "comeaux"


def test_story_features_anchors_are_the_telling_words_of_places_and_organisations() -> None:
    names = {"harwick borough council": "organisation", "northfield care partnership": "organisation",
             "labour": "organisation", "preston": "place", "derek laidlaw": "person"}
    assert anchor_words(names) == ["harwick", "northfield", "preston"]


def test_story_features_periods_of_days_months_and_years() -> None:
    assert day_range("2021-03-09") == (date(2021, 3, 9).toordinal(),) * 2
    assert day_range("2021-02") == (date(2021, 2, 1).toordinal(), date(2021, 2, 28).toordinal())
    assert day_range("2020") == (date(2020, 1, 1).toordinal(), date(2020, 12, 31).toordinal())
    assert day_range(None) is None


def test_story_features_undated_text_is_dated_from_the_latest_year_it_reports_as_past() -> None:
    text = ("Care contract ends\n\nAt a meeting on 30 March 2009 the cabinet agreed to end the contract, signed in "
            "2006. The council will review it again in 2012.")
    features = document_features(Document("d", text, "archive.txt"), Annotations("d"), story_params())
    assert features.date == "2009" and features.day == date(2009, 1, 1).toordinal()
    assert features.last_day == OPEN_END and not features.precise  # written in 2009 or later
    assert features.date_span is not None and text[slice(*features.date_span)] == "30 March 2009"
    assert features.date_dated
    dated = document_features(Document("e", text, "a.txt", published="2009-04-01"), Annotations("e"), story_params())
    assert dated.date == "2009-04-01" and dated.precise and dated.date_span is None


def test_story_features_round_trip_through_json() -> None:
    doc = Document("d", "Derek Laidlaw said Harwick would co-operate. Laidlaw added more.", "a.txt")
    ann = Annotations("d", mentions=[Mention(0, 13, "Derek Laidlaw", "person", "e1"),
                                     Mention(45, 52, "Laidlaw", "person", "e1", "surname")],
                      entities=[Entity("e1", "person", "Derek Laidlaw"), Entity("e2", "place", "Harwick")])
    features = document_features(doc, ann, story_params())
    assert features.lead == "laidlaw"
    assert DocumentFeatures.from_json(features.to_json()) == features


def test_story_features_calendar_mentions_read_weekdays_days_and_months_from_dates() -> None:
    timexes = [
        Timex(0, 8, "Thursday", "DATE", "XXXX-WXX-4"),
        Timex(10, 17, "Dec. 11", "DATE", "XXXX-12-11"),
        Timex(20, 37, "Monday, 15 December 2008", "DATE", "2008-12-15"),  # a Monday: its weekday counts too
        Timex(40, 50, "last month", "DATE", "2008-11", relative=True),
        Timex(52, 60, "two days", "DURATION", "P2D"),
        Timex(62, 70, "recently", "DATE", "PAST_REF"),
        Timex(72, 79, "weekly", "SET", "P1W"),
    ]
    assert calendar_mentions(timexes) == (["1", "4"], ["12-11", "12-15"], ["11", "12"])
    assert calendar_mentions([]) == ([], [], [])


def test_story_features_document_features_carry_the_days_its_dates_name() -> None:
    doc = Document(id="d1", text="The quake struck on Thursday, 11 December.", source="test")
    annotations = Annotations(doc_id="d1", timexes=[Timex(20, 28, "Thursday", "DATE", "XXXX-WXX-4"),
                                                    Timex(30, 41, "11 December", "DATE", "XXXX-12-11")])
    features = document_features(doc, annotations, story_params())
    assert (features.weekdays, features.days, features.months) == (["4"], ["12-11"], ["12"])
    assert DocumentFeatures.from_json(features.to_json()).days == ["12-11"]
