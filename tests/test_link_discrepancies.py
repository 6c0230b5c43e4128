"""Discrepancies within a story: dates, figures, speakers, claims and their denials."""

from __future__ import annotations

from storyline.link.discrepancies import find_discrepancies, find_figures
from storyline.link.quotes import merge_quotes
from storyline.model import Annotations, Claim, Document, Event, Quote, Story

GUARDIAN_STYLE = (
    "Harrowgate mayor quits over leisure centre row\n\n"
    "Daniel Okafor resigned as mayor of Harrowgate on 3 May 2024 after a £2.3m overspend on the new leisure centre. "
    "Councillor Priya Shah alleged that Okafor had misled the audit committee about the contract. "
    "“I have done nothing wrong,” Okafor said."
)
US_STYLE = (
    "Harrowgate Mayor Steps Down\n\n"
    "Mayor Daniel Okafor resigned on May 5, 2024. The leisure center's overspend of £3.2 million had angered residents. "
    "Okafor denied misleading the audit committee and called the claims \"politically motivated.\" "
    "\"I have done nothing wrong,\" said Priya Shah."
)
LOCAL = (
    "Residents reacted on Saturday. A 12% rise in parking charges was blamed on the £2.3m overspend, "
    "although another report put the overspend at £4m, and a 15% rise in council tax is planned."
)

EMAP = {"g:e1": "P-OKAFOR", "g:e2": "P-SHAH", "u:e1": "P-OKAFOR", "u:e2": "P-SHAH"}


def at(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def event(text: str, sentence: str, timex: str, date: str, actors: list[str]) -> Event:
    s, e = at(text, sentence)
    return Event("v1", s, e, date, "day", sentence[:50], at(text, timex), actors=actors)


def quote(text: str, words: str, speaker: str, name: str) -> Quote:
    return Quote("q1", *at(text, words), words, speaker=speaker, speaker_name=name)


def corpus() -> dict[str, tuple[Document, Annotations]]:
    g = Document("g", GUARDIAN_STYLE, "g.txt", published="2024-05-04")
    u = Document("u", US_STYLE, "u.txt", published="2024-05-06")
    loc = Document("loc", LOCAL, "loc.txt", published="2024-05-07")
    g_ann = Annotations(
        "g",
        events=[event(GUARDIAN_STYLE, "Daniel Okafor resigned as mayor of Harrowgate on 3 May 2024",
                      "3 May 2024", "2024-05-03", ["e1"])],
        quotes=[quote(GUARDIAN_STYLE, "I have done nothing wrong", "e1", "Daniel Okafor")],
        claims=[Claim("c1", *at(GUARDIAN_STYLE, "Councillor Priya Shah alleged that Okafor had misled the audit "
                                                "committee about the contract."), "claim", "e2", "Priya Shah",
                      "e1", "Daniel Okafor", at(GUARDIAN_STYLE, "Okafor had misled the audit committee"))],
    )
    u_ann = Annotations(
        "u",
        events=[event(US_STYLE, "Mayor Daniel Okafor resigned on May 5, 2024.", "May 5, 2024", "2024-05-05", ["e1"])],
        quotes=[quote(US_STYLE, "I have done nothing wrong", "e2", "Priya Shah")],
        claims=[Claim("c1", *at(US_STYLE, "Okafor denied misleading the audit committee"), "denial", "e1",
                      "Daniel Okafor", None, None, at(US_STYLE, "misleading the audit committee"))],
    )
    return {"g": (g, g_ann), "u": (u, u_ann), "loc": (loc, Annotations("loc"))}


def found(kind: str) -> list:  # type: ignore[type-arg]
    by_id = corpus()
    story = Story("S1", "Mayor quits", ["g", "u", "loc"])
    groups, _ = merge_quotes(by_id.values(), EMAP)
    return [d for d in find_discrepancies(story, by_id, EMAP, groups) if d.kind == kind]


def texts(disc) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    docs = {"g": GUARDIAN_STYLE, "u": US_STYLE, "loc": LOCAL}
    return {(s.document, docs[s.document][s.start:s.end]) for s in disc.spans}


def test_discrepancies_different_dates_for_one_event() -> None:
    (disc,) = found("date")
    assert disc.story == "S1"
    assert texts(disc) == {("g", "3 May 2024"), ("u", "May 5, 2024")}
    assert "3 May 2024 in g" in disc.description and "5 May 2024 in u" in disc.description
    assert "2024-05" not in disc.description  # dates in words, never raw TIMEX3 codes


def test_discrepancies_different_figures_for_one_amount() -> None:
    (disc,) = found("figure")
    assert texts(disc) == {("g", "£2.3m"), ("u", "£3.2 million")}  # "loc" gives two values: not counted
    assert "overspend" in disc.description


def test_discrepancies_claim_paired_with_denial_in_another_document() -> None:
    (disc,) = found("claim-denial")
    spans = texts(disc)
    assert ("u", "Okafor denied misleading the audit committee") in spans
    assert any(doc == "g" and text.startswith("Councillor Priya Shah alleged") for doc, text in spans)
    assert "Priya Shah" in disc.description and "Daniel Okafor" in disc.description


def test_discrepancies_one_quote_two_speakers() -> None:
    (disc,) = found("speaker")
    assert texts(disc) == {("g", "I have done nothing wrong"), ("u", "I have done nothing wrong")}
    by_id = corpus()
    _, from_merge = merge_quotes(by_id.values(), EMAP)
    assert from_merge[0].id == disc.id  # the same disagreement gets the same id


def test_discrepancies_ids_are_stable_and_unrelated_dates_are_not_flagged() -> None:
    story = Story("S1", "Mayor quits", ["g", "u", "loc"])
    by_id = corpus()
    groups, _ = merge_quotes(by_id.values(), EMAP)
    first = [d.id for d in find_discrepancies(story, by_id, EMAP, groups)]
    second = [d.id for d in find_discrepancies(story, by_id, EMAP, groups)]
    assert first == second and len(set(first)) == len(first) == 4
    text_a = "The new library in Harrowgate opened on 2 May 2024."
    text_b = "Bus drivers went on strike across the county on 9 May 2024."
    a = Document("a", text_a, "a.txt", published="2024-05-10")
    b = Document("b", text_b, "b.txt", published="2024-05-10")
    unrelated = {
        "a": (a, Annotations("a", events=[event(text_a, text_a, "2 May 2024", "2024-05-02", [])])),
        "b": (b, Annotations("b", events=[event(text_b, text_b, "9 May 2024", "2024-05-09", [])])),
    }
    assert find_discrepancies(Story("S2", "May", ["a", "b"]), unrelated, {}, []) == []


def test_discrepancies_figures_read_amounts_and_measures() -> None:
    figures = {(f.unit, f.measure, f.value) for f in find_figures(LOCAL)}
    assert ("%", "rise", 12.0) in figures
    assert ("GBP", "overspend", 2_300_000.0) in figures
    assert ("GBP", "overspend", 4_000_000.0) in figures
    us = find_figures("The city faces a $1.5bn shortfall, and a deficit of about $40,000.")
    assert {(f.unit, f.measure, f.value) for f in us} == {("USD", "shortfall", 1.5e9), ("USD", "deficit", 40000.0)}


def test_discrepancies_bounds_and_estimates_are_not_conflicts() -> None:
    text_a = "Officers warned of an overspend of more than £3m in June."
    text_b = "The overspend was confirmed at £4.7m on Friday."
    assert [f.qualified for f in find_figures(text_a)] == [True]
    assert [(f.measure, f.qualified) for f in find_figures(text_b)] == [("overspend", False)]
    a = Document("a", text_a, "a.txt", published="2024-06-30")
    b = Document("b", text_b, "b.txt", published="2024-09-13")
    by_id = {"a": (a, Annotations("a")), "b": (b, Annotations("b"))}
    assert find_discrepancies(Story("S3", "Overspend", ["a", "b"]), by_id, {}, []) == []


def test_discrepancies_dates_not_flagged_when_both_documents_give_both_dates() -> None:
    text_a = "The minister wrote to the council on 8 November 2022 and again on 21 November 2022."
    text_b = "The minister wrote to the council on 21 November 2022."
    text_c = "The minister wrote to the council on 8 November 2022."
    a = Document("a", text_a, "a.txt", published="2022-12-01")
    b = Document("b", text_b, "b.txt", published="2022-12-02")
    c = Document("c", text_c, "c.txt", published="2022-12-03")
    two_dates = [event(text_a, text_a, "8 November 2022", "2022-11-08", []),
                 event(text_a, text_a, "21 November 2022", "2022-11-21", [])]
    by_id = {
        "a": (a, Annotations("a", events=two_dates)),
        "b": (b, Annotations("b", events=[event(text_b, text_b, "21 November 2022", "2022-11-21", [])])),
        "c": (c, Annotations("c", events=[event(text_c, text_c, "8 November 2022", "2022-11-08", [])])),
    }
    assert find_discrepancies(Story("S4", "Letters", ["a", "b"]), by_id, {}, []) == []
    (disc,) = find_discrepancies(Story("S5", "Letters", ["b", "c"]), by_id, {}, [])
    assert disc.kind == "date"  # one letter, two different dates: worth a look


def test_discrepancies_denial_paired_with_the_claim_it_answers_in_the_same_document() -> None:
    text = ("Cllr Priya Shah alleged that the audit committee had been misled. "
            "Daniel Okafor denied that anyone had been misled.")
    doc = Document("s", text, "s.txt", published="2024-05-04")
    claim = Claim("c1", *at(text, "Cllr Priya Shah alleged that the audit committee had been misled"), "claim", "e2",
                  "Priya Shah", content=at(text, "the audit committee had been misled"))
    denial = Claim("c2", *at(text, "Daniel Okafor denied that anyone had been misled"), "denial", "e1",
                   "Daniel Okafor", "e2", "Priya Shah", at(text, "anyone had been misled"), answers="c1")
    by_id = {"s": (doc, Annotations("s", claims=[claim, denial]))}
    (disc,) = [d for d in find_discrepancies(Story("S3", "Audit", ["s"]), by_id, {}, []) if d.kind == "claim-denial"]
    assert [(s.document, text[s.start : s.end]) for s in disc.spans] == [
        ("s", "Cllr Priya Shah alleged that the audit committee had been misled"),
        ("s", "Daniel Okafor denied that anyone had been misled"),
    ]
    assert "in the same document" in disc.description
