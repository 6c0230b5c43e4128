"""End-to-end quality of the whole pipeline on the demo corpus, scored against tests/fixtures/demo_gold.json.

The demo is loaded once (ingest + annotate + link, a few seconds) and exported; each test checks one part
of the answer key. Floors sit a little below what the pipeline achieves today (achieved figures in the
comments, 2026-11-23) so that a regression fails here; raise them when the pipeline improves.
``python bench/demo.py`` prints the same measurements as a table with every miss listed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storyline.demo.load import load_demo
from storyline.export import build_export

from .demo_gold import NameContext, load_gold, names_match, source_key, without_ocr_documents
from .demo_gold_scores import DemoScores, figures, score_all


TESSERACT = shutil.which("tesseract") is not None  # the scanned letter is read only with it (CI installs it)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> DemoScores:
    db = str(Path(tmp_path_factory.mktemp("demo")) / "demo.db")
    _report, store = load_demo(db)
    try:
        export = build_export(store)
    finally:
        store.close()
    gold = load_gold() if TESSERACT else without_ocr_documents(load_gold())
    return score_all(export, gold)


def lines(problems: list[str]) -> str:
    return "\n  " + "\n  ".join(problems) if problems else " (none listed)"


# --- 1. documents -----------------------------------------------------------------------------------------


def test_demo_gold_every_document_present(scores: DemoScores) -> None:
    docs = scores.documents
    assert not docs.missing, f"gold documents missing from the export:{lines(docs.missing)}"
    assert docs.present == docs.total == (28 if TESSERACT else 27)


def test_demo_gold_published_dates(scores: DemoScores) -> None:
    # achieved 26/27: brackendale-echo-archive-export.json is folded into the identical body-only .txt
    # (read first), so its metadata date is lost.
    docs = scores.documents
    assert docs.dates_equal >= 26, f"published dates differ from the key:{lines(docs.date_mismatches)}"


def test_demo_gold_titles(scores: DemoScores) -> None:
    # achieved 23/24 (same folded duplicate: its title is lost)
    docs = scores.documents
    assert docs.titles_equal >= 23, f"titles differ from the key:{lines(docs.title_mismatches)}"


def test_demo_gold_exact_duplicate_is_one_document_or_linked(scores: DemoScores) -> None:
    assert scores.documents.duplicate_linked, (
        "brackendale-echo-archive-export.json is neither stored as the same document as "
        "2024-09-13-echo-councillors-misled-over-overspend.txt nor linked to it as duplicate_of"
    )


def test_demo_gold_broadcaster_versions_linked(scores: DemoScores) -> None:
    assert scores.documents.version_linked, (
        "2023-03-22-northgate-minister-ordered-takeover-updated.json is not linked version_of "
        "2023-03-20-northgate-minister-ordered-takeover.json"
    )


def test_demo_gold_near_duplicate_wire_pair_linked(scores: DemoScores) -> None:
    assert scores.documents.near_duplicate_linked, (
        "the wire story in 2025-04-08-ledger-wire-school-bus-audit.json and its reprint "
        "2025-04-08-harbor-county-times-wire-phantom-routes.html share no document link and no reuse span"
    )


# --- 2. quotes --------------------------------------------------------------------------------------------


def test_demo_gold_quotes_in_document_text(scores: DemoScores) -> None:
    quotes = scores.quotes
    assert not quotes.not_in_text, (
        f"gold quote text not found in its document (reader changed?):{lines(quotes.not_in_text)}"
    )


def test_demo_gold_quote_recall(scores: DemoScores) -> None:
    # achieved 0.991 (109/110; 0.973 before the attribution work of issue 15)
    quotes = scores.quotes
    assert quotes.recall >= 0.97, (
        f"quote recall {quotes.recall:.3f} < 0.97; gold quotes missed:{lines(quotes.missed)}"
    )


def test_demo_gold_speaker_precision(scores: DemoScores) -> None:
    # achieved 1.000 (102 of 102 found quotes with a speaker; 0.959 before issue 15). Precision first: a
    # wrong speaker is the worst error.
    quotes = scores.quotes
    assert quotes.speaker_precision >= 0.97, (
        f"speaker precision {quotes.speaker_precision:.3f} < 0.97 ({quotes.correct}/{quotes.with_speaker}); "
        f"wrong speakers:{lines(quotes.wrong_speakers)}"
    )


def test_demo_gold_speaker_recall(scores: DemoScores) -> None:
    # achieved 0.927 (102/110; 0.855 before issue 15)
    quotes = scores.quotes
    assert quotes.speaker_recall >= 0.90, (
        f"speaker recall {quotes.speaker_recall:.3f} < 0.90; no speaker given:{lines(quotes.no_speaker)}"
        f"\nwrong speakers:{lines(quotes.wrong_speakers)}\nmissed quotes:{lines(quotes.missed)}"
    )


# (found, correct speaker) achieved per pattern; floors are the achieved counts minus one where above 1
PATTERN_FLOORS = {
    "said-colon": (7, 6),  # achieved 7 found, 7 correct of 7
    "said-after": (23, 23),  # 24, 24 of 24
    "pronoun": (17, 16),  # 18, 17 of 18
    "previous-sentence": (2, 2),  # 3, 3 of 3
    "letter": (5, 3),  # 6, 4 of 6
    "press-release": (1, 0),  # 1, 0 of 1
    "multi-paragraph": (2, 2),  # 3, 3 of 3
    "nested": (2, 2),  # 2, 2 of 2
    "indirect": (9, 9),  # 10, 10 of 10
    "fragment": (34, 31),  # 35, 32 of 36
}


@pytest.mark.parametrize("pattern", sorted(PATTERN_FLOORS))
def test_demo_gold_quote_patterns(scores: DemoScores, pattern: str) -> None:
    tally = scores.quotes.patterns[pattern]
    found_floor, correct_floor = PATTERN_FLOORS[pattern]
    related = [
        p
        for p in scores.quotes.missed + scores.quotes.wrong_speakers + scores.quotes.no_speaker
        if f"({pattern}," in p
    ]
    assert tally["found"] >= found_floor, (
        f"{pattern}: {tally['found']} found < {found_floor}:{lines(related)}"
    )
    assert tally["correct"] >= correct_floor, (
        f"{pattern}: {tally['correct']} right speakers < {correct_floor}:{lines(related)}"
    )


# --- 3. people --------------------------------------------------------------------------------------------


def test_demo_gold_people_found_once(scores: DemoScores) -> None:
    # achieved 26/26 found, none split
    people = scores.people
    assert not people.missing, f"gold people with no corpus entity:{lines(people.missing)}"
    assert not people.splits, f"gold people split over several entities:{lines(people.splits)}"


def test_demo_gold_people_roles(scores: DemoScores) -> None:
    # achieved 22/26 (no role read for Howard Lennox, Edith Marlow, Anne Castell, Jerome Tate)
    people = scores.people
    assert people.with_role >= 21, (
        f"{people.with_role}/{people.total} people with a gold role; misses:{lines(people.role_misses)}"
    )


def test_demo_gold_same_surname_people_distinct(scores: DemoScores) -> None:
    assert scores.people.same_surname_distinct, (
        "Priya Shah and Daniel Shah are not two distinct person entities"
    )


def test_demo_gold_no_junk_entities(scores: DemoScores) -> None:
    junk = scores.people.junk
    assert not junk, f"entities named like a pronoun, day, month or place:{lines(junk)}"


# --- 4.-7. events, claims, reuse, discrepancies ----------------------------------------------------------


def test_demo_gold_events(scores: DemoScores) -> None:
    # achieved 0.979 (46/47; "Thursday night" in the folded Echo duplicate resolves against 4 July 2024)
    events = scores.events
    assert events.share >= 0.93, f"events found {events.share:.3f} < 0.93; missed:{lines(events.missed)}"


def test_demo_gold_claims(scores: DemoScores) -> None:
    # achieved 0.60 (12/20): role descriptions resolved by recorded roles, negation, markers in quoted words;
    # still missed: cataphoric "an opposition leader", audits as claimants, criticism without a cue
    claims = scores.claims
    assert claims.share >= 0.58, f"claims found {claims.share:.3f} < 0.58; missed:{lines(claims.missed)}"


def test_demo_gold_copied_passages(scores: DemoScores) -> None:
    # achieved 10/10
    reuse = scores.reuse
    assert reuse.found == reuse.total, (
        f"copied passages not covered (>= 80%) by a reuse span:{lines(reuse.missed)}"
    )


def test_demo_gold_discrepancies(scores: DemoScores) -> None:
    # achieved 2/3: figure and date found; the 'speaker' discrepancy (who decided on Brightpath) is not
    found = scores.discrepancies
    assert found.found >= 2, (
        f"{found.found}/{found.total} gold discrepancies found; missed:{lines(found.missed)}"
    )


# --- 8. stories and storylines ----------------------------------------------------------------------------


def test_demo_gold_story_bcubed(scores: DemoScores) -> None:
    # achieved P 1.0, R 0.941, F1 0.969 at the 60-day burst horizon (issue 19; the key's stories follow the burst
    # rule since then: the Port Ellison audit, hearing and settlement are one story, so are the mayor's claim and
    # the letters' revelation a week later; at 38 days P 1.0, R 0.790: the settlement and the director's departure
    # were cut off; at 90 days P 0.894: the scrutiny report eleven weeks after the turnaround claim joins it)
    story = scores.stories
    summary = f"BCubed P {story.precision:.3f} R {story.recall:.3f} F1 {story.f1:.3f}"
    assert story.f1 >= 0.93, f"story clustering fell: {summary}"
    assert story.precision >= 0.95, f"story clustering merges too much: {summary}"
    assert story.recall >= 0.90, f"story clustering splits too much: {summary}"


def test_demo_gold_stories_never_mix_affairs(scores: DemoScores) -> None:
    mixed = scores.stories.mixed_affairs
    assert not mixed, f"stories holding documents of different affairs:{lines(mixed)}"


def test_demo_gold_castlewick_storyline(scores: DemoScores) -> None:
    found = scores.stories.castlewick_storylines
    assert len(found) == 1 and None not in found, (
        "the Castlewick 2023 stories and the 2026 follow-up are not in one storyline: "
        f"storylines {sorted(map(str, found))}"
    )


def test_demo_gold_storylines_keep_affairs_apart(scores: DemoScores) -> None:
    mixed = scores.stories.storylines_mixing_a_b
    assert not mixed, f"storylines joining Castlewick (A) and Brackendale (B):{lines(mixed)}"


def test_demo_gold_figures_are_shares(scores: DemoScores) -> None:
    values = figures(scores)
    assert values and all(0.0 <= v <= 1.0 for v in values.values()), f"figures out of range: {values}"


# --- the matching rules themselves ------------------------------------------------------------------------


def test_demo_gold_source_key_counts_records_like_the_key() -> None:
    assert source_key("/x/corpus/regional-press-digest.csv#row 2") == ("regional-press-digest.csv", 0)
    assert source_key("corpus/northgate-news-feed-export.jsonl#line 3") == (
        "northgate-news-feed-export.jsonl",
        2,
    )
    assert source_key("feed.xml#entry 1") == ("feed.xml", 0)
    assert source_key("/x/letter.txt") == ("letter.txt", None)


def _context(text: str) -> NameContext:
    people = frozenset({"Priya Shah", "Daniel Shah", "Alan Hargreaves"})
    return NameContext(text, people, frozenset({"lakeshore transit solutions"}))


def test_demo_gold_names_match_surname_only_when_unique() -> None:
    both = _context("Priya Shah spoke. Later Daniel Shah replied. Alan Hargreaves left.")
    assert names_match("Mr Hargreaves", "Alan Hargreaves", both)
    assert not names_match("Shah", "Priya Shah", both)
    assert names_match("Shah", "Priya Shah", _context("Cllr Priya Shah said so."))
    assert names_match("priya shah", "Priya Shah", both)
    assert not names_match("Daniel Shah", "Priya Shah", both)


def test_demo_gold_names_match_sources_of_one_kind() -> None:
    context = _context("")
    assert names_match("Lakeshore Transit", "Lakeshore Transit Solutions", context)
    assert names_match("the council's press office", "Castlewick Borough Council press office", context)
    assert names_match(
        "a spokesperson for Brackendale Borough Council", "Brackendale Borough Council spokesperson", context
    )
    assert not names_match("Learning", "Department for Children and Learning spokesperson", context)
    assert not names_match("Minutes", "Fiona Reddy", context)
    assert not names_match(
        "Brightpath Children's Trust", "Castlewick Borough Council (press release)", context
    )
