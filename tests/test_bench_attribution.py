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
