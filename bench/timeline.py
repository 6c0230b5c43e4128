"""Key-date timelines against journalists' own: Timeline17 and ENTITIES dev topics.

    python bench/timeline.py [--dataset t17|entities|all] [--topics egypt,mj] [--jobs 2] [--keep DIR]

Runs storyline as a user would, on ../shared/data/timelines (see its SOURCE.md):

1. each topic's articles go into a fresh SQLite database with their publication dates
   (``storyline ingest topic.jsonl --no-link -j N``): the key dates of a whole collection need no
   story links, so linking is skipped to keep the run short;
2. for each gold timeline (one task), ``storyline timeline --dates L --sentences K --from FIRST --to LAST
   --format json``, with L = the number of gold dates and K = the mean gold sentences per date (rounded),
   the window being the gold timeline's first and last date (ENTITIES: widened by 7 days each side), as
   the news-tls protocol does;
3. Date-F1 and alignment ROUGE-1/2 F1 (AR-1, AR-2; tilse's "align+ m:1", see ``tls_metrics.py``),
   precision and recall averaged over tasks, printed beside DATEWISE (Gholipour Ghalandari & Ifrim 2020).

The articles are tokenised one sentence per line (PTB style); they are turned back into plain text
(brackets, quotes, clitics and punctuation rejoined, one sentence per paragraph) before ingest, as a user
would have them. Article titles are not given (the protocol does not use them). The last line is JSON.
Published figures average all 19 (T17) / 47 (ENTITIES) tasks with a leave-one-out ranker; ours are the
dev split here, so they are a reference point, not a like-for-like comparison.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tls_metrics import average, task_scores  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
T17_TOPIC = {"bpoil": "bpoil", "EgyptianProtest": "egypt", "Finan": "finan", "H1N1": "h1n1", "haiti": "haiti",
             "IraqWar": "iraq", "LibyaWar": "libya", "MJ": "mj", "SyrianCrisis": "syria"}
PUBLISHED = {  # Gholipour Ghalandari & Ifrim 2020, Table 4: (AR-1 F, AR-2 F, Date-F1), all tasks
    "t17": {"DATEWISE": (0.120, 0.035, 0.544), "PUBCOUNT": (0.105, 0.027, 0.481)},
    "entities": {"DATEWISE": (0.057, 0.017, 0.205), "PUBCOUNT": (0.033, 0.009, 0.107)},
}
WINDOW_EXTENSION = {"t17": 0, "entities": 7}


@dataclass
class Topic:
    dataset: str
    name: str
    articles: list[dict[str, str]] = field(default_factory=list)  # {"id", "published", "text", "site_name"}
    timelines: dict[str, dict[date, list[str]]] = field(default_factory=dict)


def shared_data() -> Path:
    env = os.environ.get("STORYLINE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def detokenize(line: str) -> str:
    """A PTB-tokenised sentence back to plain text."""
    s = line.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    s = s.replace("``", '"').replace("''", '"')
    s = re.sub(r" (['’](?:s|re|ve|ll|d|m|S)|n't)\b", r"\1", s)
    s = re.sub(r" ([,.;:?!%)\]])", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    return " ".join(s.split())


def _article_text(sentences: Iterable[str]) -> str:
    return "\n\n".join(detokenize(s) for s in sentences if s.strip())


def read_tran_timeline(path: Path) -> dict[date, list[str]]:
    out: dict[date, list[str]] = defaultdict(list)
    for block in re.split(r"\n-{5,}\n?", path.read_text(encoding="utf-8")):
        lines = [ln.strip() for ln in block.strip().split("\n") if ln.strip()]
        if lines:
            day = "2011-04-02" if lines[0] == "2011-04-0" else lines[0]  # the known typo, as tilse fixes it
            out[date.fromisoformat(day)].extend(lines[1:])
    return dict(out)


def load_t17(root: Path) -> list[Topic]:
    topics: dict[str, Topic] = {}
    for src in sorted(p.name for p in root.iterdir() if p.is_dir()):
        name = T17_TOPIC[src.split("_")[0]]
        topic = topics.setdefault(name, Topic("t17", name))
        for f in sorted(glob.glob(f"{root}/{src}/InputDocs/*/*.txt")):
            sentences = [s for s in Path(f).read_text(encoding="utf-8").split("\n") if s.strip()]
            if sentences:
                topic.articles.append({"id": f"{src}/{os.path.basename(f)}", "published": f.split("/")[-2],
                                       "text": _article_text(sentences), "site_name": src.split("_", 1)[1]})
        for f in sorted((root / src / "timelines").glob("*.txt")):
            topic.timelines[f"{src}/{f.name}"] = read_tran_timeline(f)
    return list(topics.values())


def load_entities(root: Path) -> list[Topic]:
    topics = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        topic = Topic("entities", folder.name)
        with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                if not a["text"].strip():
                    continue  # a few records have no text: there is nothing to ingest
                topic.articles.append({"id": a["id"], "published": a["time"][:10],
                                       "text": _article_text(a["text"].split("\n")), "site_name": "theguardian.com"})
        for i, line in enumerate((folder / "timelines.jsonl").read_text(encoding="utf-8").splitlines()):
            if line.strip():
                topic.timelines[f"{folder.name}/{i}"] = {date.fromisoformat(d[:10]): s for d, s in json.loads(line)}
        topics.append(topic)
    return topics


def storyline(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the storyline command line, as a user would."""
    return subprocess.run([sys.executable, "-m", "storyline", *args], check=True, capture_output=True, text=True)


def ingest_topic(topic: Topic, workdir: Path, jobs: int) -> Path:
    db = workdir / f"{topic.dataset}-{topic.name}.db"
    source = workdir / f"{topic.dataset}-{topic.name}.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for article in topic.articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    if db.exists():
        db.unlink()
    storyline("ingest", str(source), "--db", str(db), "--no-link", "-q", "-j", str(jobs))
    return db


def predict(db: Path, gold: dict[date, list[str]], extension: int, workdir: Path) -> dict[date, list[str]]:
    """``storyline timeline`` for one task; the predicted timeline (day dates only count, as in tilse)."""
    dates = sorted(gold)
    k = round(sum(len(s) for s in gold.values()) / len(gold))
    start, end = dates[0] - timedelta(days=extension), dates[-1] + timedelta(days=extension)
    out = workdir / "timeline.json"
    storyline("timeline", "--db", str(db), "--dates", str(len(dates)), "--sentences", str(max(1, k)),
              "--from", start.isoformat(), "--to", end.isoformat(), "--format", "json", "-o", str(out))
    predicted: dict[date, list[str]] = {}
    for entry in json.loads(out.read_text(encoding="utf-8"))["timeline"]:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]):
            predicted[date.fromisoformat(entry["date"])] = [s["text"] for s in entry["sentences"]]
    return predicted


def run_dataset(topics: list[Topic], workdir: Path, jobs: int) -> tuple[list[dict], float]:  # type: ignore[type-arg]
    results = []
    started = time.perf_counter()
    for topic in topics:
        t0 = time.perf_counter()
        db = ingest_topic(topic, workdir, jobs)
        ingest_seconds = time.perf_counter() - t0
        for name, gold in topic.timelines.items():
            t1 = time.perf_counter()
            predicted = predict(db, gold, WINDOW_EXTENSION[topic.dataset], workdir)
            scores = task_scores(predicted, gold)
            results.append({"topic": topic.name, "task": name, "scores": scores, "gold_dates": len(gold),
                            "predicted_dates": len(predicted)})
            print(f"  {topic.dataset:8} {name:50} dates {len(predicted):3}/{len(gold):3}  "
                  f"Date-F1 {_f(scores['date']):.3f}  AR-1 {_f(scores['ar1']):.3f}  AR-2 {_f(scores['ar2']):.3f}  "
                  f"({len(topic.articles)} articles, ingest {ingest_seconds:.0f} s, timeline "
                  f"{time.perf_counter() - t1:.1f} s)", flush=True)
    return results, time.perf_counter() - started


def _f(pr: tuple[float, float]) -> float:
    return 2 * pr[0] * pr[1] / (pr[0] + pr[1]) if pr[0] + pr[1] else 0.0


def print_table(dataset: str, figures: dict[str, float], tasks: int) -> None:
    print(f"\n{dataset}: {tasks} dev tasks")
    print(f"{'system':30} {'AR-1 F':>8} {'AR-2 F':>8} {'Date-F1':>8}")
    print(f"{'storyline (dev here)':30} {figures['ar1_f1']:8.3f} {figures['ar2_f1']:8.3f} {figures['date_f1']:8.3f}")
    for system, (ar1, ar2, date_f1) in PUBLISHED[dataset].items():
        print(f"{system + ' (published, all tasks)':30} {ar1:8.3f} {ar2:8.3f} {date_f1:8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=["t17", "entities", "all"], default="all")
    parser.add_argument("--topics", default=None, help="comma-separated topic names (default: every dev topic)")
    parser.add_argument("--jobs", type=int, default=2, help="ingest processes")
    parser.add_argument("--keep", default=None, help="keep the databases in this folder")
    args = parser.parse_args()
    root = shared_data() / "timelines"
    if not root.is_dir():
        sys.exit(f"No timeline data at {root}: set STORYLINE_SHARED_DATA.")
    wanted = set(args.topics.split(",")) if args.topics else None
    summary: dict[str, object] = {"benchmark": "timeline", "split": "dev"}
    for dataset in (["t17", "entities"] if args.dataset == "all" else [args.dataset]):
        topics = load_t17(root / "t17") if dataset == "t17" else load_entities(root / "entities")
        topics = [t for t in topics if wanted is None or t.name in wanted]
        if not topics:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(args.keep) if args.keep else Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            results, seconds = run_dataset(topics, workdir, args.jobs)
        figures = average([r["scores"] for r in results])
        print_table(dataset, figures, len(results))
        summary[dataset] = {"tasks": len(results), "articles": sum(len(t.articles) for t in topics),
                            "seconds": round(seconds, 1), **{k: round(v, 4) for k, v in figures.items()},
                            "published": {k: dict(zip(("ar1_f1", "ar2_f1", "date_f1"), v))
                                          for k, v in PUBLISHED[dataset].items()}}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
