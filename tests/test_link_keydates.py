"""Key-date selection: importance from the corpus, anchors left out, short sentences from different
documents, near-identical copies never twice, days before coarser periods."""

from __future__ import annotations

from datetime import date

from storyline.link.keydates import DatedSentence, date_key, every_date, key_dates, rank_dates, within

CLOSURE = "Harrowgate councillors voted to close the Eastgate depot on {when}, ending sixty years of collections."
STRIKE = "Bin crews walked out across the borough on {when} in protest at the closure of the Eastgate depot."
REVIEW = "The minister, Joan Pryce, ordered a review of the depot deal on {when}."


def record(doc: str, text: str, value: str, published: str, source: str, inferred: bool = False,
           anchor: str | None = None, start: int = 0) -> DatedSentence:
    return DatedSentence(value, inferred, doc, start, start + len(text), text, published, source, anchor)


def corpus() -> list[DatedSentence]:
    out = []
    for i, (source, published) in enumerate([("Harrowgate Herald", "2023-03-15"), ("Northern Wire", "2023-03-15"),
                                             ("Harrowgate Herald", "2023-03-20"), ("BBC Yorkshire", "2023-04-02")]):
        out.append(record(f"c{i}", CLOSURE.format(when="14 March"), "2023-03-14", published, source))
    out.append(record("s1", STRIKE.format(when="Monday"), "2023-03-20", "2023-03-20", "Harrowgate Herald"))
    out.append(record("s2", "Refuse collectors struck on 20 March, leaving bins unemptied for a week.", "2023-03-20",
                      "2023-04-02", "BBC Yorkshire"))
    out.append(record("s3", STRIKE.format(when="20 March"), "2023-03-20", "2023-04-02", "Northern Wire"))
    out.append(record("r1", REVIEW.format(when="2 April"), "2023-04-02", "2023-04-02", "BBC Yorkshire"))
    out.append(record("h1", "The depot had been losing money since 2017, the report said.", "2017", "2023-04-02",
                      "BBC Yorkshire", anchor="since"))
    out.append(record("m1", "Collections were already late in February, residents said.", "2023-02", "2023-03-15",
                      "Northern Wire"))
    return out


def test_keydates_rank_by_documents_and_sources_referring_to_the_date() -> None:
    ranked = [key for key, _ in rank_dates(corpus())]
    assert ranked[:3] == ["2023-03-14", "2023-03-20", "2023-04-02"]
    assert "2017" not in ranked  # "since 2017" bounds a state, it dates nothing


def test_keydates_n_dates_ascending_with_k_sentences_from_different_documents() -> None:
    picks = key_dates(corpus(), dates=2, sentences=2)
    assert [k.date for k in picks] == ["2023-03-14", "2023-03-20"]
    closure = picks[0]
    assert closure.documents == 4 and closure.sources == 3
    assert len(closure.sentences) == 1  # four copies of one sentence: shown once
    strike = picks[1]
    documents = {s.document for s in strike.sentences}
    assert "s2" in documents and len(documents & {"s1", "s3"}) == 1  # s3 repeats s1 with another date: once


def test_keydates_days_before_coarser_periods_and_periods_when_days_run_out() -> None:
    assert "2023-02" not in [k.date for k in key_dates(corpus(), dates=3, sentences=1)]
    assert [k.date for k in key_dates(corpus(), dates=4, sentences=1)][0] == "2023-02"


def test_keydates_inferred_only_when_every_sentence_is() -> None:
    records = [record("a", REVIEW.format(when="19 October"), "2006-10-19", "2006-10-25", "Herald"),
               record("b", REVIEW.format(when="19 October"), "2006-10-19", "", "Wire", inferred=True),
               record("c", STRIKE.format(when="18 October"), "2006-10-18", "", "Wire", inferred=True)]
    by_date = {k.date: k for k in key_dates(records, dates=5, sentences=2)}
    assert by_date["2006-10-19"].inferred is False
    assert by_date["2006-10-18"].inferred is True
    assert by_date["2006-10-19"].sentences[0].document == "a"  # read from the text beats inferred


def test_keydates_window_and_every_date() -> None:
    records = corpus()
    inside = within(records, date(2023, 3, 15), date(2023, 4, 30))
    assert {r.date for r in inside} == {"2023-03-20", "2023-04-02"}
    listed = every_date(records)
    assert [k.date for k in listed][0] == "2017" and len(listed[1].sentences) == 1
    assert date_key("2023-03-14T09:30") == "2023-03-14" and date_key("XXXX-10-19") is None



def test_keydates_sentences_lean_to_what_was_reported_that_day_but_only_carry_the_date() -> None:
    library = record("lib", "On 14 March the mayor opened a reading room in the library.", "2023-03-14", "2023-03-20",
                     "Northern Wire")
    depot = record("dep", "Councillors voted to close the Eastgate depot on 14 March.", "2023-03-14", "2023-03-21",
                   "Harrowgate Herald")
    others = [record("r1", REVIEW.format(when="2 April"), "2023-04-02", "2023-04-03", "BBC Yorkshire"),
              record("m1", "Collections were already late in February, residents said.", "2023-02", "2023-03-01",
                     "Northern Wire")]
    day = [record("d1", "Staff at the Eastgate depot heard on 10 March that councillors would vote to close it.",
                  "2023-03-10", "2023-03-14", "Harrowgate Herald")]  # published on the 14th, dated the 10th
    assert [s.document for s in key_dates([library, depot, *others], 1, 1)[0].sentences] == ["lib"]
    picked = key_dates([library, depot, *others, *day], dates=1, sentences=1)[0]
    assert picked.date == "2023-03-14" and [s.document for s in picked.sentences] == ["dep"]
    assert picked.documents == 2  # the day's coverage weighs in, it never dates a sentence


def test_keydates_sentences_report_the_day_rather_than_preview_it_or_quote_someone() -> None:
    preview = record("pre", "Councillors will vote to close the Eastgate depot on 14 March, ending sixty years of "
                     "collections.", "2023-03-14", "2023-03-10", "Harrowgate Herald")
    quote = record("quo", '"We voted to close the Eastgate depot on 14 March because it lost money," the council '
                   "leader said.", "2023-03-14", "2023-03-20", "Northern Wire")
    report = record("rep", "The Eastgate depot closure was approved by the council on 14 March.", "2023-03-14",
                    "2023-03-15", "BBC Yorkshire")
    for other in (preview, quote):
        picked = key_dates([other, report], dates=1, sentences=1)[0]
        assert [s.document for s in picked.sentences] == ["rep"], other.document
    both = key_dates([preview, quote, report], dates=1, sentences=3)[0]
    assert {s.document for s in both.sentences} == {"pre", "quo", "rep"}  # the others still come, after it


def test_keydates_a_line_of_a_journalists_chronology_is_preferred() -> None:
    chronology = record("chr", "March 14 - Councillors vote to close the Eastgate depot.", "2023-03-14", "2023-04-02",
                        "BBC Yorkshire")
    story = record("sto", "Councillors who voted to close the Eastgate depot on 14 March met angry crews at the depot "
                   "gates.", "2023-03-14", "2023-03-15", "Harrowgate Herald")
    comment = record("com", "14th March 2023 - 23:07 Councillors should never have closed the Eastgate depot at all.",
                     "2023-03-14", "2023-03-15", "Northern Wire")  # a reader's comment stamped with its time
    assert [s.document for s in key_dates([chronology, story], 1, 1)[0].sentences] == ["chr"]
    assert [s.document for s in key_dates([comment, story], 1, 1)[0].sentences] == ["sto"]
