"""Story clustering on ECB+ and the Gun Violence Corpus: BCubed and pairwise scores beside reference points.

    python bench/clustering.py                 # ECB+ dev and GVC dev
    python bench/clustering.py --data DIR      # every docs.dev.jsonl (else docs.*.jsonl but train) in DIR
    python bench/clustering.py --fit           # grid search on ECB+ train, writes data/link_story_params.json

Documents go through :func:`storyline.link.corpus.link_corpus` in one call,
after the annotation pipeline (``storyline.annotate.pipeline.annotate``) when it
can be imported; otherwise with empty annotations, so names come from the
capitalised-word fallback (the table says which).  ECB+ documents are undated,
so they are fed in a fixed shuffled order (seed 0) rather than grouped by story.
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from itertools import combinations, product
from pathlib import Path
from typing import Any

from storyline.link import stories
from storyline.link.corpus import link_corpus
from storyline.model import Annotations, Document

REPO = Path(__file__).resolve().parents[1]
PARAMS_FILE = REPO / "src" / "storyline" / "data" / "link_story_params.json"
PUBLISHED = {"ecbplus": ("Barhom et al. 2019 K-means, oracle k (ECB+ TEST, not this split)", 0.9678)}
Item = tuple[Document, Annotations]


def clustering_root() -> Path:
    env = os.environ.get("STORYLINE_SHARED_DATA")
    base = Path(env) if env else REPO.parent / "shared" / "data"
    return base / "clustering"


def load_docs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


def annotator() -> tuple[Callable[[Document], Annotations], str]:
    """The real annotation pipeline when it imports, else empty annotations."""
    try:
        from storyline.annotate.pipeline import annotate

        annotate(Document(id="probe", text="Jane Smith spoke in Leeds on Monday.", source="bench"))
        return annotate, "annotate pipeline"
    except ImportError as exc:  # the pipeline is optional here; say why it was not used
        print(
            f"note: annotation pipeline unavailable ({exc.__class__.__name__}: {exc}); names from capitalised words"
        )
        return (lambda doc: Annotations(doc_id=doc.id)), "no annotations (capitalised-word names)"


def to_items(rows: Sequence[dict[str, Any]], annotate: Callable[[Document], Annotations]) -> list[Item]:
    items = []
    for row in rows:
        doc = Document(
            id=row["id"],
            text=row["text"],
            source=row.get("source") or "bench",
            url=row.get("url"),
            title=row.get("title"),
            published=row.get("date"),
        )
        items.append((doc, annotate(doc)))
    return items


def shuffled(items: list[Item], seed: int) -> list[Item]:
    order = list(items)
    random.Random(seed).shuffle(order)
    return order


# --- metrics ---------------------------------------------------------------


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Item-averaged BCubed P/R/F1 (Bagga & Baldwin 1998)."""
    both = Counter((gold[d], pred[d]) for d in gold)
    g, p = Counter(gold.values()), Counter(pred[d] for d in gold)
    precision = sum(both[gold[d], pred[d]] / p[pred[d]] for d in gold) / len(gold)
    recall = sum(both[gold[d], pred[d]] / g[gold[d]] for d in gold) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    pairs = list(combinations(sorted(gold), 2))
    tp = sum(1 for a, b in pairs if gold[a] == gold[b] and pred[a] == pred[b])
    predicted = sum(1 for a, b in pairs if pred[a] == pred[b])
    actual = sum(1 for a, b in pairs if gold[a] == gold[b])
    return 2 * tp / (predicted + actual) if predicted + actual else 0.0


def scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    precision, recall, f1 = bcubed(gold, pred)
    return {
        "bcubed_p": round(precision, 4),
        "bcubed_r": round(recall, 4),
        "bcubed_f1": round(f1, 4),
        "pairwise_f1": round(pairwise_f1(gold, pred), 4),
        "clusters": len(set(pred.values())),
    }


# --- clustering --------------------------------------------------------------


def predict(items: list[Item]) -> dict[str, str]:
    """Story of every document from the full linking entry point."""
    linking, _ = link_corpus(items)
    return {doc: story.id for story in linking.stories for doc in story.documents}


def predict_with(items: list[Item], params: stories.StoryParams) -> dict[str, str]:
    """Story of every document from the clusterer alone, with the given parameters (for fitting)."""
    return stories.cluster_stories(_publication_order(items), params)


def _publication_order(items: list[Item]) -> list[Item]:
    from storyline.link.documents import publication_order

    return publication_order(items)


def evaluate(name: str, rows: list[dict[str, Any]], items: list[Item]) -> dict[str, Any]:
    gold = {r["id"]: r["story"] for r in rows}
    pred = predict(shuffled(items, 0))
    ours = scores(gold, pred)
    baselines = {
        "all singletons": scores(gold, {d: d for d in gold}),
        "one cluster": scores(gold, {d: "all" for d in gold}),
        "gold topic": scores(gold, {r["id"]: r["topic"] for r in rows}),
    }
    return {
        "name": name,
        "docs": len(rows),
        "stories": len(set(gold.values())),
        "ours": ours,
        "baselines": baselines,
    }


def print_table(result: dict[str, Any], features: str) -> None:
    name = result["name"]
    print(f"\n{name} ({result['docs']} docs, {result['stories']} gold stories; {features})")
    print(f"{'system':<62} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>7} {'clusters':>8}")
    rows = [("storyline (online, no k given)", result["ours"])] + [
        (f"baseline: {k} (computed live)", v) for k, v in result["baselines"].items()
    ]
    for label, s in rows:
        print(
            f"{label:<62} {s['bcubed_p']:>6.3f} {s['bcubed_r']:>6.3f} {s['bcubed_f1']:>6.3f} "
            f"{s['pairwise_f1']:>7.3f} {s['clusters']:>8}"
        )
    for key, (label, f1) in PUBLISHED.items():
        if key in name:
            print(f"{'published: ' + label:<62} {'':>6} {'':>6} {f1:>6.3f}")


def datasets(data: Path | None) -> list[tuple[str, Path]]:
    if data is not None:
        files = sorted(data.glob("docs.dev.jsonl")) or sorted(
            p for p in data.glob("docs.*.jsonl") if "train" not in p.name
        )
        return [(f"{data.name} {p.stem.removeprefix('docs.')}", p) for p in files]
    root = clustering_root()
    return [
        ("ecbplus dev", root / "ecbplus" / "docs.dev.jsonl"),
        ("gvc dev", root / "gvc" / "docs.dev.jsonl"),
    ]


# --- fitting -------------------------------------------------------------------


FIT_GRID = {
    "threshold": (0.1, 0.15, 0.2, 0.25),
    "name_weight": (0.3, 0.45, 0.6),
    # Pinned, not fitted: 1.0 scores ~1 point higher on ECB+ train but merges look-alike affairs
    # (different people and places, same vocabulary, same week); precision comes first.
    "conflict_factor": (0.5,),
    "use_inferred_dates": (0.0, 1.0),
}


def fit(train_path: Path) -> stories.StoryParams:
    """Grid search on ECB+ train: mean BCubed F1 over file order and one shuffle."""
    rows = load_docs(train_path)
    annotate, features = annotator()
    items = to_items(rows, annotate)
    gold = {r["id"]: r["story"] for r in rows}
    orders = [items, shuffled(items, 1)]
    best, best_f1 = stories.StoryParams(), -1.0
    for combo in product(*FIT_GRID.values()):
        params = replace(stories.StoryParams(), **dict(zip(FIT_GRID, combo)))
        f1 = sum(bcubed(gold, predict_with(order, params))[2] for order in orders) / len(orders)
        print(f"{dict(zip(FIT_GRID, combo))} F1 {f1:.4f}", flush=True)
        if f1 > best_f1:
            best, best_f1 = params, f1
    grid = ", ".join(f"{k} {list(v)}" for k, v in FIT_GRID.items())
    note = (
        f"Fitted by bench/clustering.py --fit on {train_path.parent.name}/{train_path.name} "
        f"({len(rows)} docs, names from: {features}): grid over {grid}; mean BCubed F1 {best_f1:.4f} "
        "over file order and one shuffle. conflict_factor is pinned, not fitted: 1.0 scored about one point "
        "higher on train but merges look-alike affairs (different people and places, same vocabulary, same week). "
        "title_weight and the time scale are priors "
        "(ECB+ has no titles or publication dates; GVC has no train split)."
    )
    PARAMS_FILE.write_text(
        json.dumps({"_note": note, "params": asdict(best)}, indent=1) + "\n", encoding="utf8"
    )
    print(f"wrote {PARAMS_FILE}: {best} (train F1 {best_f1:.4f})")
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, help="folder with docs.*.jsonl (default: ECB+ dev and GVC dev)")
    parser.add_argument("--fit", action="store_true", help="fit parameters on ECB+ train and write them")
    args = parser.parse_args(argv)
    if args.fit:
        train = clustering_root() / "ecbplus" / "docs.train.jsonl"
        if not train.is_file():
            print(f"ECB+ train not found at {train}: set STORYLINE_SHARED_DATA", file=sys.stderr)
            return 2
        fit(train)
        stories.story_params.cache_clear()
    found = [(n, p) for n, p in datasets(args.data) if p.is_file()]
    if not found:
        print("no evaluation data found: pass --data DIR or set STORYLINE_SHARED_DATA", file=sys.stderr)
        return 2
    annotate, features = annotator()
    results = []
    for name, path in found:
        rows = load_docs(path)
        result = evaluate(name, rows, to_items(rows, annotate))
        print_table(result, features)
        results.append(result)
    summary = {"bcubed_f1": results[0]["ours"]["bcubed_f1"], "features": features}
    summary["datasets"] = {r["name"]: r["ours"] for r in results}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
