"""The PolNeAR attribution bench (bench/attribution.py): speaker precision by kind, on hand-made cases."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from storyline.model import Quote

REPO = Path(__file__).resolve().parents[1]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_attribution_unit", REPO / "bench" / "attribution.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_attribution_unit"] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()
TEXT = "Jane Smith said the plan had failed. She said it again. The mayor said no more money would come."


def at(sub: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(sub, start)
    return i, i + len(sub)


def quote(content: str, mention: str | None, name: str | None = "Jane Smith") -> Quote:
    start, end = at(content)
    return Quote("q", start, end, content, kind="indirect", speaker_name=name,
                 speaker_mention=at(mention) if mention else None)


GOLD = [
    {"content": at("the plan had failed"), "source": at("Jane Smith")},
    {"content": at("it again"), "source": at("She")},
    {"content": at("no more money would come"), "source": at("The mayor")},
]


def test_bench_attribution_speaker_kind_from_the_mention() -> None:
    assert bench.speaker_kind(TEXT, quote("the plan had failed", "Jane Smith")) == "name"
    assert bench.speaker_kind(TEXT, quote("it again", "She")) == "pronoun"
    assert bench.speaker_kind(TEXT, quote("no more money would come", "The mayor")) == "description"
    assert bench.speaker_kind(TEXT, quote("it again", None)) == "carried"


def test_bench_attribution_every_attributed_quote_is_checked_against_the_gold_source() -> None:
    tally: dict[str, list[int]] = {}
    quotes = [
        quote("the plan had failed", "Jane Smith"),       # right
        quote("it again", "Jane Smith"),                   # wrong mention: the gold source is "She"
        quote("no more money would come", "The mayor", "Grace Hughes"),  # right mention
        quote("no more money would come", None, None),     # no speaker: not counted
    ]
    bench._count_speakers(TEXT, quotes, GOLD, tally)
    assert tally["all"] == [2, 3]
    assert tally["name"] == [1, 2] and tally["description"] == [1, 1]


ASIDE = "The bigger risk, he said in an interview, is a clash at sea.\n\n“We act,” she said. “Now.”"


def aside_quote(content: str, mention: str, cue: str, kind: str = "indirect") -> Quote:
    start = ASIDE.index(content)
    m, c = ASIDE.index(f" {mention} ") + 1, ASIDE.index(cue)
    return Quote("q", start, start + len(content), content, kind=kind, speaker_mention=(m, m + len(mention)),
                 cue=(c, c + len(cue)))


def test_bench_attribution_an_aside_inside_the_content_leaves_two_pieces_as_polnear_cuts_them() -> None:
    q = aside_quote("The bigger risk, he said in an interview, is a clash at sea", "he", "said")
    pieces = [ASIDE[a:b] for a, b in bench.content_pieces(ASIDE, q)]
    assert pieces == ["The bigger risk", "is a clash at sea"]
    direct = aside_quote("We act,", "she", "said", kind="direct")  # speaker outside the content: one piece
    assert [ASIDE[a:b] for a, b in bench.content_pieces(ASIDE, direct)] == ["“We act,”"]


def test_bench_attribution_chunks_are_cut_at_paragraphs_and_counted_once() -> None:
    whole = (0, len(ASIDE))
    chunks = sorted(bench.chunk_set(ASIDE, [whole, whole]))
    assert [ASIDE[a:b] for a, b in chunks] == [ASIDE.split("\n\n")[0], ASIDE.split("\n\n")[1]]


def test_bench_attribution_a_discontinuous_gold_span_scores_as_its_pieces(tmp_path: Path) -> None:
    first, second = ASIDE.index("“We act,”"), ASIDE.index("“Now.”")
    ann = tmp_path / "a.ann"
    ann.write_text(f"T1\tContent {first} {first + 9};{second} {second + 6}\t“We act,” “Now.”\n"
                   f"T2\tSource {ASIDE.index('she')} {ASIDE.index('she') + 3}\tshe\n"
                   "E1\tAttribution:T1 Content:T1 Source:T2\n", encoding="utf8")
    [gold] = bench._parse_ann(str(ann))
    assert gold["content"] == (first, second + 6)  # the hull
    assert gold["content_pieces"] == [(first, first + 9), (second, second + 6)]
