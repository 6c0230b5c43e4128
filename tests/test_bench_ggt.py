"""The GGT-style quote scorer (bench/ggt.py) on tiny hand-made cases, and the sample set's own consistency."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "fixtures" / "ggt_sample"


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_ggt", REPO / "bench" / "ggt.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_ggt"] = module
    spec.loader.exec_module(module)
    return module


ggt = _load_bench()

TEXT = ('"We will rebuild the arena," Mayor Lena Dufresne said Tuesday. She added that the cost '
        "was not yet known. \u201cIt will take two years.\u201d")


def gold(span: tuple[int, int], speaker: tuple[int, int] | None, reference: str = "Lena Dufresne") -> object:
    speaker_text = TEXT[speaker[0]:speaker[1]] if speaker else ""
    return ggt.GoldQuote("d1", span, TEXT[span[0]:span[1]], speaker, speaker_text, reference)


def pred(span: tuple[int, int], speaker: tuple[int, int] | None = None, name: str | None = None) -> object:
    return ggt.PredQuote(span, TEXT[span[0]:span[1]], speaker, name)


def test_bench_ggt_half_covered_quote_found_at_03_not_08() -> None:
    gold_span = (0, 20)
    assert ggt.coverage(gold_span, (10, 20)) == pytest.approx(0.5)
    assert ggt.match_quotes([gold_span], [(10, 20)], 0.3) == {0: 0}
    assert ggt.match_quotes([gold_span], [(10, 20)], 0.8) == {}


def test_bench_ggt_coverage_is_relative_to_gold_and_strictly_above_threshold() -> None:
    # a prediction four times too long still covers all of the gold quote
    assert ggt.coverage((10, 20), (0, 40)) == 1.0
    # exactly 30 % is not more than 0.3
    assert ggt.match_quotes([(0, 10)], [(7, 10)], 0.3) == {}
    assert ggt.coverage((0, 10), (5, 5)) == 0.0


def test_bench_ggt_one_prediction_cannot_match_two_gold_quotes() -> None:
    pairs = ggt.match_quotes([(0, 10), (10, 20)], [(0, 20)], 0.3)
    assert pairs == {0: 0}
    # the second gold quote takes the remaining prediction, the best one left
    pairs = ggt.match_quotes([(0, 10), (10, 20)], [(0, 20), (12, 20), (15, 20)], 0.3)
    assert pairs == {0: 0, 1: 1}


def test_bench_ggt_speaker_match_needs_span_overlap() -> None:
    g = gold((1, 27), (35, 48))  # "Lena Dufresne"
    assert ggt.speaker_matches(g, pred((1, 27), (29, 48)))  # "Mayor Lena Dufresne" overlaps
    assert not ggt.speaker_matches(g, pred((1, 27), (62, 65)))  # "She" is elsewhere
    assert not ggt.speaker_matches(g, pred((1, 27), None))


def test_bench_ggt_floating_quote_matches_only_without_predicted_speaker() -> None:
    start = TEXT.index("\u201cIt")
    floating = gold((start, len(TEXT)), None)
    assert ggt.speaker_matches(floating, pred((start + 1, len(TEXT) - 1), None, "Lena Dufresne"))
    assert not ggt.speaker_matches(floating, pred((start + 1, len(TEXT) - 1), (35, 48)))


def test_bench_ggt_independent_speakers_count_pairs_with_two_characters() -> None:
    golds = [gold((0, 28), (35, 48)), gold((72, 100), (62, 65)), gold((110, 130), None)]
    preds = [pred((0, 28), (47, 60)), pred((72, 100), (63, 65)), pred((110, 130), (200, 210))]
    # (35,48)-(47,60) overlap 1 char: no; (62,65)-(63,65) overlap 2: yes
    assert ggt.independent_speakers(golds, preds) == (1, 2, 3)


def test_bench_ggt_shared_mention_counts_twice_in_ggt_but_once_over_distinct_spans() -> None:
    # "Whitford said that A, but that B": two gold quotes share one speaker mention, as do two predictions
    golds = [gold((0, 10), (35, 48)), gold((20, 30), (35, 48))]
    preds = [pred((0, 10), (35, 48)), pred((20, 30), (35, 48))]
    assert ggt.independent_speakers(golds, preds) == (4, 2, 2)
    assert ggt.unique_speakers(golds, preds) == (1, 1, 1)


@pytest.mark.parametrize(("predicted", "reference", "expected"), [
    ("Jane Smith", "jane smith", True),
    ("Smith", "Jane Smith", True),
    ("Jane Smith", "Smith", True),
    ("Dr. Jane Smith", "Jane Smith", True),
    ("Ms. Smith", "Jane Smith", True),
    ("Jane", "Jane Smith", False),
    ("John Smith", "Jane Smith", False),
    ("the RCMP", "RCMP", True),
    ("RCMP", "Royal Canadian Mounted Police", True),
    ("Smith's", "Jane Smith", True),
    ("", "Jane Smith", False),
    (None, "Jane Smith", False),
])
def test_bench_ggt_name_matching_rules(predicted: str | None, reference: str, expected: bool) -> None:
    assert ggt.names_match(predicted, reference) is expected


def test_bench_ggt_scores_one_article_end_to_end() -> None:
    she = TEXT.index("She")
    that = TEXT.index("that the cost")
    float_start = TEXT.index("\u201cIt")
    article = ggt.Article("d1", TEXT, [
        gold((0, 28), (35, 48)),                                  # direct, named speaker
        gold((that, TEXT.index(". \u201cIt")), (she, she + 3)),    # indirect, pronoun
        gold((float_start, len(TEXT)), None),                      # floating
    ], [
        ggt.PredQuote((1, 27), "", (29, 48), "Lena Dufresne"),    # found, right speaker
        ggt.PredQuote((that + 5, that + 20), "", (she, she + 3), "Paul Dufresne"),  # found at 0.3 only, wrong name
        ggt.PredQuote((200, 220), "", None, None),                # false positive
    ])
    scores = ggt.score_corpus([article])
    fig = ggt.figures(scores)
    assert (scores.quotes[0.3].tp, scores.quotes[0.3].fn, scores.quotes[0.3].fp) == (2, 1, 1)
    assert (scores.quotes[0.8].tp, scores.quotes[0.8].fn, scores.quotes[0.8].fp) == (1, 2, 2)
    assert fig["quotes_p_t03"] == pytest.approx(66.67)
    assert fig["quotes_f1_t03"] == pytest.approx(66.67)
    assert fig["speaker_match_t03"] == 100.0
    assert fig["resolved_speaker_precision"] == 50.0
    assert fig["resolved_speaker_recall"] == 50.0
    assert fig["resolved_speaker_other_name"] == 1  # "Paul Dufresne" names someone else
    assert scores.indep == [2, 2, 2]


def test_bench_ggt_tells_descriptions_from_names() -> None:
    assert ggt.is_description("the judge")
    assert ggt.is_description("His hockey team")
    assert ggt.is_description("one commenter")
    assert not ggt.is_description("Alberta Transportation")
    assert not ggt.is_description("Ms. Okafor")


def test_bench_ggt_maps_offsets_when_export_text_differs() -> None:
    gold_text = "Intro.\n\n\u201cYes,\u201d she said."
    export_text = "Intro.\n\u201cYes,\u201d she said."
    start = export_text.index("Yes")
    articles = {"abc": ggt.Article("abc", gold_text, [])}
    export = {"documents": [{"id": "h1", "source": "/tmp/x/abc.txt", "text": export_text}],
              "quotes": [{"document": "h1", "start": start, "end": start + 4, "text": "Yes,",
                          "speaker_mention": {"start": start + 6, "end": start + 9}, "speaker_name": None}]}
    assert ggt.attach_predictions(articles, export) == []
    quote = articles["abc"].pred[0]
    assert gold_text[quote.span[0]:quote.span[1]] == "Yes,"
    assert quote.speaker_span and gold_text[quote.speaker_span[0]:quote.speaker_span[1]] == "she"
    assert articles["abc"].aligned


def test_bench_ggt_trimmed_trailing_newline_needs_no_alignment() -> None:
    articles = {"abc": ggt.Article("abc", "She said so.\n", [])}
    export = {"documents": [{"id": "h1", "source": "abc.txt", "text": "She said so."}], "quotes": []}
    ggt.attach_predictions(articles, export)
    assert not articles["abc"].aligned


def test_bench_ggt_reports_unknown_exported_document() -> None:
    articles = {"abc": ggt.Article("abc", "text", [])}
    problems = ggt.attach_predictions(articles, {"documents": [{"id": "x", "source": "other.txt", "text": ""}]})
    assert problems and "other.txt" in problems[0]


# ---------------------------------------------------------------- the sample set itself


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_bench_ggt_sample_spans_equal_their_strings() -> None:
    docs = {d["doc_id"]: d for d in _jsonl(SAMPLE / "docs.jsonl")}
    texts = {doc_id: (SAMPLE / str(d["text_file"])).read_text(encoding="utf-8") for doc_id, d in docs.items()}
    quotes = _jsonl(SAMPLE / "quotes.jsonl")
    assert len(docs) >= 8 and len(quotes) >= 100
    for q in quotes:
        text = texts[str(q["doc_id"])]
        for field in ("quote", "speaker", "verb"):
            span = q[f"{field}_span"]
            if span is None:
                assert q[field] in ("", None), q
            else:
                assert isinstance(span, list)
                assert text[span[0]:span[1]] == q[field], (q["doc_id"], q["q"], field)
        assert q["reference"], q
    for doc_id, d in docs.items():
        assert d["n_quotes"] == sum(1 for q in quotes if q["doc_id"] == doc_id)


def test_bench_ggt_sample_loads_as_articles() -> None:
    articles = ggt.load_gold(SAMPLE)
    assert sum(len(a.gold) for a in articles.values()) == len(_jsonl(SAMPLE / "quotes.jsonl"))
    floating = [g for a in articles.values() for g in a.gold if g.speaker_span is None]
    assert floating and all(g.reference for g in floating)


def test_bench_ggt_person_entity_and_attribution_precision_and_recall_over_all_quotes() -> None:
    she = TEXT.index("She")
    that = TEXT.index("that the cost")
    article = ggt.Article("d1", TEXT, [
        gold((0, 28), (35, 48)),
        gold((that, TEXT.index(". \u201cIt")), (she, she + 3)),
        gold((TEXT.index("\u201cIt"), len(TEXT)), None),
    ], [
        ggt.PredQuote((1, 27), "", (29, 48), "Lena Dufresne", speaker_type="person"),   # right person
        ggt.PredQuote((that, that + 20), "", (she, she + 3), "Paul Dufresne", speaker_type="person"),  # wrong person
        ggt.PredQuote((TEXT.index("\u201cIt") + 1, len(TEXT) - 1), "", None, "the council"),  # not a person entity
    ])
    fig = ggt.figures(ggt.score_corpus([article]))
    assert fig["person_entity_precision"] == 50.0
    assert fig["attribution_precision"] == 33.33  # every non-empty speaker_name counts
    assert fig["resolved_speaker_recall_all"] == 33.33  # right names over all gold quotes


def test_bench_ggt_sample_has_forty_articles_and_a_held_out_split() -> None:
    docs = _jsonl(SAMPLE / "docs.jsonl")
    splits = [d.get("split") for d in docs]
    assert len(docs) >= 40 and set(splits) == {"tune", "heldout"}
    assert splits.count("heldout") >= 12
    articles = ggt.load_gold(SAMPLE)
    assert {a.split for a in articles.values()} == {"tune", "heldout"}


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ggt_make_sample", SAMPLE / "make_sample.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["ggt_make_sample"] = module
    spec.loader.exec_module(module)
    return module


def test_bench_ggt_sample_builds_from_its_annotated_sources(tmp_path: Path) -> None:
    builder = _load_builder()
    for name in ("docs.jsonl", "quotes.jsonl"):
        (tmp_path / name).write_text((SAMPLE / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "text").mkdir()
    (tmp_path / "source").symlink_to(SAMPLE / "source")
    assert builder.build(tmp_path) >= 30
    for name in ("docs.jsonl", "quotes.jsonl"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (SAMPLE / name).read_text(encoding="utf-8"), name
    for built in (tmp_path / "text").iterdir():
        assert built.read_text(encoding="utf-8") == (SAMPLE / "text" / built.name).read_text(encoding="utf-8")


def test_bench_ggt_sample_marks_parse_with_nesting_and_report_errors() -> None:
    builder = _load_builder()
    text, spans = builder.strip_marks("⟦1|“Yes,” ⟨a|she⟩ ⟪a|said⟫ quietly⟧.", "x")
    assert text == "“Yes,” she said quietly."
    assert spans[("quote", "1")] == (0, len("“Yes,” she said quietly"))
    assert text[slice(*spans[("speaker", "a")])] == "she" and text[slice(*spans[("verb", "a")])] == "said"
    with pytest.raises(SystemExit):
        builder.strip_marks("⟦1|open but never closed", "x")
