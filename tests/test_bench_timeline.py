"""bench/timeline.py on a tiny synthetic topic (written here, T17 layout), and its metrics on hand-made
timelines whose scores are known."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"storyline_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ARTICLES = {  # publication day -> tokenised sentences, one per line, as T17 ships them
    "2024-05-02": ["Harrowgate 's mayor , Daniel Okafor , resigned on Thursday after the leisure centre overspend .",
                   "`` I have done nothing wrong , '' he said ."],
    "2024-05-03": ["Daniel Okafor resigned as mayor on Thursday , a day after auditors criticised the contract .",
                   "The auditors published their report on Wednesday -LRB- 1 May -RRB- ."],
    "2024-05-09": ["Councillors chose Priya Shah as interim mayor on Wednesday .",
                   "Okafor resigned on 2 May , days after the audit report ."],
}
GOLD = ("2024-05-01\nAuditors criticise the leisure centre contract .\n--------------------------------\n"
        "2024-05-02\nMayor Daniel Okafor resigns .\n--------------------------------\n"
        "2024-05-08\nPriya Shah is chosen as interim mayor .\n--------------------------------\n")


def _topic(root: Path) -> Path:
    folder = root / "t17" / "haiti_bbc"
    for day, sentences in ARTICLES.items():
        (folder / "InputDocs" / day).mkdir(parents=True)
        (folder / "InputDocs" / day / "1.htm.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (folder / "timelines").mkdir()
    (folder / "timelines" / "mayor.txt").write_text(GOLD, encoding="utf-8")
    return root / "t17"


def test_bench_timeline_runs_storyline_on_a_tiny_topic(tmp_path: Path) -> None:
    bench = _load("timeline")
    (topic,) = bench.load_t17(_topic(tmp_path / "data"))
    assert topic.name == "haiti" and len(topic.articles) == 3
    assert "(1 May)" in topic.articles[1]["text"] and "Harrowgate's mayor, Daniel" in topic.articles[0]["text"]
    (tmp_path / "work").mkdir()
    results, _ = bench.run_dataset([topic], tmp_path / "work", jobs=1)
    (result,) = results
    # 1 and 2 May found; 8 May ("Wednesday") is only in the article of 9 May, outside the gold window
    assert result["gold_dates"] == 3 and result["predicted_dates"] == 2
    assert result["scores"]["date"] == pytest.approx((1.0, 2 / 3))
    assert result["scores"]["ar1"][0] > 0


def test_bench_timeline_metrics_on_known_timelines() -> None:
    metrics = _load("tls_metrics")
    gold = {date(2024, 5, 2): ["Mayor Daniel Okafor resigns ."]}
    assert metrics.task_scores(gold, gold)["ar1"] == (1.0, 1.0)
    shifted = {date(2024, 5, 3): ["Mayor Daniel Okafor resigns ."]}
    scores = metrics.task_scores(shifted, gold)
    assert scores["date"] == (0.0, 0.0)
    assert scores["ar1"] == pytest.approx((0.5, 0.5))  # one day apart: counts halve
    assert metrics.rouge_tokens(["The councils were resigning"]) == ["council", "resign"]  # stop words out, stems
    assert metrics.porter_stem("generalizations") == "gener" and metrics.porter_stem("agreed") == "agre"
    averaged = metrics.average([{"date": (1.0, 0.5), "ar1": (0.2, 0.2), "ar2": (0.0, 0.0)},
                                {"date": (0.0, 0.5), "ar1": (0.2, 0.2), "ar2": (0.0, 0.0)}])
    assert averaged["date_f1"] == pytest.approx(0.5) and averaged["ar2_f1"] == 0.0
