"""bench/clustering.py's error analysis: documents outside their gold story's largest part, and mixed stories."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import clustering  # noqa: E402


def test_bench_clustering_outside_lists_documents_away_from_their_largest_part() -> None:
    gold = {"a1": "quake", "a2": "quake", "a3": "quake", "b1": "heist", "b2": "heist"}
    pred = {"a1": "s1", "a2": "s1", "a3": "s2", "b1": "s2", "b2": "s2"}
    scores = {frozenset(("a3", "a1")): 0.9, frozenset(("a3", "a2")): 0.3, frozenset(("a3", "b1")): 0.7}

    rows = clustering.outside(gold, pred, lambda a, b: scores.get(frozenset((a, b)), 0.0))

    assert [(r["doc"], r["gold"], r["story"], r["part"]) for r in rows] == [("a3", "quake", "s2", 2)]
    row = rows[0]
    assert (row["best_in"], round(row["mean_in"], 2), row["best_else"], row["else_doc"]) == (0.9, 0.6, 0.7, "b1")


def test_bench_clustering_mixed_counts_gold_stories_in_one_predicted_story() -> None:
    gold = {"a1": "quake", "a2": "quake", "b1": "heist", "b2": "heist"}
    pred = {"a1": "s1", "a2": "s1", "b1": "s1", "b2": "s2"}

    assert clustering.mixed(gold, pred) == {"s1": {"heist": 1, "quake": 2}}
