"""Story clustering on ECB+ and the Gun Violence Corpus: BCubed and pairwise scores beside reference points.

    python bench/clustering.py                 # every split found (ECB+ train and dev, GVC dev), four orders each
    python bench/clustering.py --data DIR      # every docs.*.jsonl in DIR
    python bench/clustering.py --seeds 1 2 3   # the shuffled orders to run besides the file order
    python bench/clustering.py --fit           # fit on ECB+ train only, write data/link_story_params.json
    python bench/clustering.py --gaps 38 90 365 --seeds 1   # BCubed at each burst horizon (days), every split
    python bench/clustering.py --errors        # file order: documents outside their gold story's largest part, and
                                               # stories that mix gold stories (the error analysis of docs/linking.md)

Documents are built as ``storyline ingest`` builds them: the publication date is the
metadata date, else one read from a dateline or "Published:" line at the top of the
text (ECB+ has no dates; many of its newer articles carry a dateline).  They go
through the annotation pipeline (``storyline.annotate.pipeline.annotate``) when it
can be imported (otherwise with empty annotations, so names come from the
capitalised-word fallback; the table says which), then through
:func:`storyline.link.corpus.link_corpus` in one call.

Each split is linked in file order and in shuffled orders: the stories must not depend
on the order of ingest, so the table prints every order and the spread of BCubed F1.
A row for storylines scores each document's storyline (its story's when the story is in
none) against the gold stories: ECB+'s gold stories hold follow-ups months and years
later, which the burst rule makes stories of their own and storylines join back.
The headline figure of a split is its mean over the orders.  Train is where the
parameters were fitted: a dev figure that rises while train falls is a warning, not
progress.  The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import combinations, product
from pathlib import Path
from typing import Any

import numpy as np

from storyline.ingest.metadata import infer_published
from storyline.link import story_features
from storyline.link.corpus import link_corpus
from storyline.link.index import MemoryIndex
from storyline.link.story_clusters import LinkageRule, Period, Signature, average_linkage
from storyline.link.stories import linkage_rule
from storyline.link.story_regroup import periods_of, signatures_of
from storyline.link.story_features import (
    PAIR_FEATURES,
    DocumentFeatures,
    StoryParams,
    document_features,
    params_to_json,
    story_params,
)
from storyline.link.story_pairs import Idf, doc_vectors, feature_keys, pair_features, pair_probability
from storyline.model import Annotations, Document

REPO = Path(__file__).resolve().parents[1]
PARAMS_FILE = REPO / "src" / "storyline" / "data" / "link_story_params.json"
PUBLISHED = {"ecbplus": ("Barhom et al. 2019 K-means, oracle k (ECB+ TEST, not this split)", 0.9678)}
Item = tuple[Document, Annotations]
DEFAULT_SEEDS = (1, 2, 3)


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


def to_document(row: dict[str, Any]) -> Document:
    """A document as ingest makes it: the metadata date, else one read from the top of the text (inferred)."""
    doc = Document(
        id=row["id"], text=row["text"], source=row.get("source") or "bench", url=row.get("url"),
        title=row.get("title"), published=row.get("date"),
    )
    if doc.published is None and (found := infer_published(doc.text)):
        doc.published, doc.published_span, doc.published_inferred = found[0], found[1], True
    return doc


def to_items(rows: Sequence[dict[str, Any]], annotate: Callable[[Document], Annotations]) -> list[Item]:
    items = []
    for row in rows:
        doc = to_document(row)
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


def predict(items: list[Item], params: StoryParams | None = None) -> tuple[dict[str, str], MemoryIndex]:
    """Story of every document from the full linking entry point, and the index it left."""
    stories, _, index = predict_with_storylines(items, params)
    return stories, index


def predict_with_storylines(items: list[Item], params: StoryParams | None = None,
                            ) -> tuple[dict[str, str], dict[str, str], MemoryIndex]:
    """Story of every document, its storyline (its story's when the story is in none), and the index left."""
    linking, index = link_corpus(items, params=params)
    stories = {doc: story.id for story in linking.stories for doc in story.documents}
    lines = {doc: story.storyline or story.id for story in linking.stories for doc in story.documents}
    return stories, lines, index


def orders(items: list[Item], seeds: Sequence[int]) -> list[tuple[str, list[Item]]]:
    return [("file order", items)] + [(f"shuffled (seed {seed})", shuffled(items, seed)) for seed in seeds]


def evaluate(name: str, rows: list[dict[str, Any]], items: list[Item],
             seeds: Sequence[int] = DEFAULT_SEEDS) -> dict[str, Any]:
    gold = {r["id"]: r["story"] for r in rows}
    predicted = {label: predict_with_storylines(order) for label, order in orders(items, seeds)}
    runs = {label: scores(gold, found[0]) for label, found in predicted.items()}
    line_runs = [scores(gold, found[1]) for found in predicted.values()]
    f1s = [run["bcubed_f1"] for run in runs.values()]
    mean = _mean(list(runs.values()))
    baselines = {
        "all singletons": scores(gold, {d: d for d in gold}),
        "one cluster": scores(gold, {d: "all" for d in gold}),
        "gold topic": scores(gold, {r["id"]: r["topic"] for r in rows}),
    }
    return {
        "name": name, "docs": len(rows), "stories": len(set(gold.values())),
        "ours": {**mean, "clusters": runs["file order"]["clusters"], "spread": round(max(f1s) - min(f1s), 4)},
        "storylines": {**_mean(line_runs), "clusters": line_runs[0]["clusters"],
                       "spread": round(max(r["bcubed_f1"] for r in line_runs) - min(r["bcubed_f1"] for r in line_runs), 4)},
        "orders": runs, "baselines": baselines,
    }


def _mean(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(sum(run[key] for run in runs) / len(runs), 4)
            for key in ("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_f1")}


def print_table(result: dict[str, Any], features: str) -> None:
    name = result["name"]
    print(f"\n{name} ({result['docs']} docs, {result['stories']} gold stories; {features})")
    print(f"{'system':<62} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>7} {'clusters':>8}")
    rows = [(f"storyline, {label}", run) for label, run in result["orders"].items()]
    rows.append((f"storyline, mean of {len(result['orders'])} orders (spread {result['ours']['spread']:.4f})",
                 result["ours"]))
    rows.append((f"storylines, mean of {len(result['orders'])} orders (spread {result['storylines']['spread']:.4f})",
                 result["storylines"]))  # each document's storyline, its story's when the story is in none
    rows += [(f"baseline: {k} (computed live)", v) for k, v in result["baselines"].items()]
    for label, s in rows:
        print(
            f"{label:<62} {s['bcubed_p']:>6.3f} {s['bcubed_r']:>6.3f} {s['bcubed_f1']:>6.3f} "
            f"{s['pairwise_f1']:>7.3f} {s['clusters']:>8}"
        )
    for key, (label, f1) in PUBLISHED.items():
        if key in name:
            print(f"{'published: ' + label:<62} {'':>6} {'':>6} {f1:>6.3f}")


def datasets(data: Path | None) -> list[tuple[str, Path]]:
    """Every ``docs.<split>.jsonl`` of the given folder, else of ECB+ and GVC; train first."""
    folders = [data] if data is not None else [clustering_root() / "ecbplus", clustering_root() / "gvc"]
    found = []
    for folder in folders:
        files = sorted(folder.glob("docs.*.jsonl"), key=lambda p: (p.stem != "docs.train", p.stem))
        found += [(f"{folder.name} {p.stem.removeprefix('docs.')}", p) for p in files]
    return found


# --- error analysis ---------------------------------------------------------------


def outside(gold: dict[str, str], pred: dict[str, str], score: Callable[[str, str], float]) -> list[dict[str, Any]]:
    """Every document outside the largest part of its gold story (the predicted story holding most of its
    documents; ties to the earliest story id), with its best pair and mean with that part and its best pair
    with any other gold story."""
    rows = []
    for story in sorted(set(gold.values())):
        docs = sorted(d for d in gold if gold[d] == story)
        parts = Counter(pred[d] for d in docs)
        main = min(parts, key=lambda p: (-parts[p], p))
        inside = [d for d in docs if pred[d] == main]
        for doc in docs:
            if pred[doc] == main:
                continue
            own = [score(doc, d) for d in inside]
            others = [(score(doc, d), d) for d in sorted(gold) if gold[d] != story]
            best_other = max(others, default=(0.0, ""))
            rows.append({"doc": doc, "gold": story, "story": pred[doc], "part": len(inside),
                         "best_in": max(own), "mean_in": sum(own) / len(own), "best_else": best_other[0],
                         "else_doc": best_other[1]})
    return rows


def mixed(gold: dict[str, str], pred: dict[str, str]) -> dict[str, dict[str, int]]:
    """Predicted stories that hold documents of more than one gold story: how many of each."""
    counts: dict[str, Counter[str]] = {}
    for doc, story in pred.items():
        counts.setdefault(story, Counter())[gold[doc]] += 1
    return {story: dict(sorted(c.items())) for story, c in sorted(counts.items()) if len(c) > 1}


def all_pair_scores(items: list[Item], params: StoryParams) -> Callable[[str, str], float]:
    """The probability of every pair of documents with the idf of all of them (as after the last refresh),
    whether or not linking compared them."""
    features = {doc.id: document_features(doc, ann, params) for doc, ann in items}
    idf = Idf(len(features), Counter(key for f in features.values() for key in set(feature_keys(f))))
    vectors = {d: doc_vectors(f, idf) for d, f in features.items()}
    return lambda a, b: pair_probability(pair_features(vectors[a], vectors[b]), params)


def print_errors(name: str, rows: list[dict[str, Any]], items: list[Item]) -> None:
    """The error analysis of one split in file order (dates as linking read them)."""
    gold = {r["id"]: r["story"] for r in rows}
    pred, _ = predict(items)
    dates = {doc.id: doc.published or "-" for doc, _ in items}
    score = all_pair_scores(items, story_params())
    found = outside(gold, pred, score)
    print(f"\n{name}: {len(found)} documents outside the largest part of their gold story (file order)")
    print(f"{'document':<16} {'gold':<12} {'date':<11} {'part':>4} {'best in':>7} {'mean in':>7} {'best else':>9}  with")
    for row in found:
        print(f"{row['doc']:<16} {row['gold']:<12} {dates[row['doc']]:<11} {row['part']:>4} {row['best_in']:>7.2f} "
              f"{row['mean_in']:>7.2f} {row['best_else']:>9.2f}  {row['else_doc']} ({gold.get(row['else_doc'], '-')})")
    for story, counts in mixed(gold, pred).items():
        print(f"story {story} mixes gold stories {counts}")


# --- fitting -------------------------------------------------------------------

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
LEAD_MARGINS = (0.0, 0.1, 0.2, 0.3, 0.6)  # lead_threshold = threshold + margin (capped at 1: never)
STRAGGLER_SIZES = (0, 1, 2, 3, 4, 5)  # groups of at most this many documents may join a larger group at last


def pair_table(items: list[Item], gold: dict[str, str], params: StoryParams) -> tuple[np.ndarray, np.ndarray]:
    """Pair features of every pair of documents (idf over all of them) and whether they share a story."""
    features = [document_features(doc, ann, params) for doc, ann in items]
    df = Counter(key for f in features for key in set(feature_keys(f)))
    idf = Idf(len(features), df)
    vectors = [doc_vectors(f, idf) for f in features]
    rows, labels = [], []
    for i, j in combinations(range(len(features)), 2):
        rows.append(pair_features(vectors[i], vectors[j]))
        labels.append(float(gold[features[i].id] == gold[features[j].id]))
    return np.array(rows), np.array(labels)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, rounds: int = 50) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the intercept is not penalised)."""
    design = np.column_stack([x, np.ones(len(x))])
    w = np.zeros(design.shape[1])
    penalty = l2 * np.eye(len(w))
    penalty[-1, -1] = 0.0
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, design.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


Linked = tuple[dict[tuple[str, str], float], dict[str, Signature], dict[str, Period]]


def linked_edges(items: list[Item], params: StoryParams) -> Linked:
    """The pair scores, signatures and periods that linking ``items`` leaves in its index (after the refresh
    re-scored them): all that grouping reads, so the grid can try each rule without linking again."""
    _, index = predict(items, params)
    edges = {(min(a, b), max(a, b)): s for a, links in index.records_["sedge"].items() for b, s in links.items()}
    features = {d: DocumentFeatures.from_json(f) for d, f in index.records_["sfeat"].items()}
    return edges, signatures_of(features), periods_of(features)


def fit(train_path: Path) -> StoryParams:
    """Fit on ECB+ train: the pair model by logistic regression, then the two thresholds and the straggler
    size by grid search (mean BCubed F1 over file order and one shuffle)."""
    rows = load_docs(train_path)
    annotate, features = annotator()
    items = to_items(rows, annotate)
    gold = {r["id"]: r["story"] for r in rows}
    base = replace(story_params(), missing_weight=1.0)  # the priors (horizons, stragglers, lone pieces) as shipped
    x, y = pair_table(items, gold, base)
    weights, bias = fit_logistic(x, y)
    params = replace(base, weights=tuple(float(w) for w in weights), bias=bias)
    print("pair model:", dict(zip(PAIR_FEATURES, np.round(weights, 3))), "bias", round(bias, 3), flush=True)
    runs = [linked_edges(order, params) for order in (items, shuffled(items, 1))]
    best, best_f1, grid = params, -1.0, []
    for threshold, margin, size in product(THRESHOLDS, LEAD_MARGINS, STRAGGLER_SIZES):
        rule = replace(linkage_rule(params), threshold=threshold, lead_threshold=min(1.01, threshold + margin),
                       straggler_size=size)
        f1 = sum(bcubed(gold, _groups(rows, run, rule))[2] for run in runs) / len(runs)
        grid.append(f"{threshold}/{rule.lead_threshold:.2f}/{size}: {f1:.4f}")
        print(f"threshold {threshold} lead_threshold {rule.lead_threshold:.2f} straggler_size {size}: "
              f"train F1 {f1:.4f}", flush=True)
        if f1 > best_f1 + 1e-9:
            best = replace(params, threshold=threshold, lead_threshold=rule.lead_threshold, straggler_size=size)
            best_f1 = f1
    write_params(best, best_f1, train_path, len(rows), features, grid)
    return best


def _groups(rows: list[dict[str, Any]], run: Linked, rule: LinkageRule) -> dict[str, str]:
    edges, signatures, periods = run
    groups = average_linkage([r["id"] for r in rows], edges, signatures, rule, periods)
    return {doc: group[0] for group in groups for doc in group}


def write_params(params: StoryParams, f1: float, train_path: Path, docs: int, features: str,
                 grid: list[str]) -> None:
    """Write the fitted parameters with a note that says what was fitted and which values are priors kept from
    the shipped file (their measurements are in docs/linking.md)."""
    note = (
        f"Fitted by bench/clustering.py --fit on {train_path.parent.name}/{train_path.name} ({docs} docs, names "
        f"from: {features}). Pair weights: L2 logistic regression (lambda 1) over every pair of train documents "
        f"(same story or not). threshold, lead_threshold and straggler_size: grid search, mean BCubed F1 over file "
        f"order and one shuffle, best {f1:.4f} (threshold/lead_threshold/straggler_size: F1 = {'; '.join(grid)}). "
        "missing_weight 1: a pair never compared counts as a zero, as in plain average linkage, so that the "
        "stories do not depend on which pairs the order of ingest happened to compare. Priors kept from the "
        f"parameters this fit started from (measured in docs/linking.md): title_weight {params.title_weight}, "
        f"straggler_mean {params.straggler_mean}, straggler_pair {params.straggler_pair}, burst horizon "
        f"max_gap_days {params.max_gap_days} and max_open_gap_days {params.max_open_gap_days} (swept with --gaps), "
        f"max_firm_gap_days {params.max_firm_gap_days}, lone pieces lone_size {params.lone_size}, lone_pair "
        f"{params.lone_pair}, lone_margin {params.lone_margin}."
    )
    data = {"_note": note, "params": params_to_json(params)}
    PARAMS_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf8")
    print(f"wrote {PARAMS_FILE}: {params} (train F1 {f1:.4f})")


def sweep_gaps(found: list[tuple[str, Path]], annotate: Callable[[Document], Annotations], gaps: Sequence[float],
               seeds: Sequence[int]) -> None:
    """BCubed F1 (P, R) of every split at each burst horizon, mean over file order and the shuffled orders: the
    horizon is a product rule bounded by hand (follow-ups years later are new stories), so this prints, it
    does not fit."""
    splits = [(name, load_docs(path)) for name, path in found]
    items = {name: to_items(rows, annotate) for name, rows in splits}
    results: dict[str, dict[str, Any]] = {}
    for gap in gaps:
        params = replace(story_params(), max_gap_days=gap, max_open_gap_days=gap)
        row = []
        for name, rows in splits:
            gold = {r["id"]: r["story"] for r in rows}
            linked = [predict_with_storylines(order, params) for _, order in orders(items[name], seeds)]
            p, r, f1 = (sum(bcubed(gold, run[0])[k] for run in linked) / len(linked) for k in range(3))
            lp, lr, lf1 = (sum(bcubed(gold, run[1])[k] for run in linked) / len(linked) for k in range(3))
            results.setdefault(f"{gap:g}", {})[name] = {
                "bcubed_p": round(p, 4), "bcubed_r": round(r, 4), "bcubed_f1": round(f1, 4),
                "storyline_bcubed_p": round(lp, 4), "storyline_bcubed_r": round(lr, 4),
                "storyline_bcubed_f1": round(lf1, 4)}
            row.append(f"{name} {f1:.4f} (P {p:.3f}, R {r:.3f}; storylines {lf1:.4f}, P {lp:.3f}, R {lr:.3f})")
        print(f"horizon {gap:g} days: " + "; ".join(row), flush=True)
    print(json.dumps({"gaps": results, "seeds": list(seeds)}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, help="folder with docs.*.jsonl (default: ECB+ and GVC)")
    parser.add_argument("--seeds", type=int, nargs="*", default=list(DEFAULT_SEEDS),
                        help="shuffled orders to run besides the file order")
    parser.add_argument("--fit", action="store_true", help="fit parameters on ECB+ train and write them")
    parser.add_argument("--gaps", type=float, nargs="+", metavar="DAYS",
                        help="link every split at each burst horizon (days) and print BCubed; writes nothing")
    parser.add_argument("--errors", action="store_true",
                        help="print, for every split in file order, the documents outside their gold story's "
                             "largest part and the stories that mix gold stories; writes nothing")
    args = parser.parse_args(argv)
    if args.fit:
        train = clustering_root() / "ecbplus" / "docs.train.jsonl"
        if not train.is_file():
            print(f"ECB+ train not found at {train}: set STORYLINE_SHARED_DATA", file=sys.stderr)
            return 2
        fit(train)
        story_features.story_params.cache_clear()
    found = [(n, p) for n, p in datasets(args.data) if p.is_file()]
    if not found:
        print("no evaluation data found: pass --data DIR or set STORYLINE_SHARED_DATA", file=sys.stderr)
        return 2
    annotate, features = annotator()
    if args.gaps:
        sweep_gaps(found, annotate, args.gaps, args.seeds)
        return 0
    if args.errors:
        for name, path in found:
            if name.endswith(" test"):
                continue  # errors are read to change rules: never on a test split
            rows = load_docs(path)
            print_errors(name, rows, to_items(rows, annotate))
        return 0
    results = []
    for name, path in found:
        rows = load_docs(path)
        result = evaluate(name, rows, to_items(rows, annotate), args.seeds)
        print_table(result, features)
        results.append(result)
    summary: dict[str, Any] = {"features": features, "seeds": args.seeds}
    summary["datasets"] = {r["name"]: r["ours"] for r in results}
    summary["storylines"] = {r["name"]: r["storylines"] for r in results}
    dev = summary["datasets"].get("ecbplus dev")
    summary["bcubed_f1"] = dev["bcubed_f1"] if dev else results[0]["ours"]["bcubed_f1"]
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
