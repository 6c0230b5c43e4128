"""Scaling: ingest and link 1,000 and 10,000 (and with --full 100,000) generated articles.

    python bench/scale.py [--sizes 1000 10000] [--full] [--jobs 2] [--docs-per-day 55]
    python bench/scale.py --sizes 10000 --docs-per-day 5.5 20 55   # one run per density
    python bench/scale.py --spark [--full] [--jobs 2]   # 10,000 (and 100,000) through Spark local mode vs plain
    python bench/scale.py --spark --sizes 2000 --story-lookups   # also Spark with story candidates looked up

By default affairs start within the same five years at every size, so a larger corpus is also a denser one
(more stories running at once). ``--docs-per-day D`` spreads each corpus over ``size / D`` days instead,
so that every size has the density of the 100,000-article corpus (D = 55) and only its size grows; with
several densities, every size runs at each.

With ``--spark`` each size runs twice in the same session, through ``storyline ingest`` + ``link`` (``--jobs``
processes) and through the Spark job (``local[jobs]``), and prints the time ratios and whether the two
exports are identical (a SHA-256 of the JSON export), with the job's step times (reading, annotating and
storing; candidates; story candidates; the driver's linking). ``--story-lookups`` adds a third run of the job
whose linking looks story candidates up in the database (as before they were computed on Spark), to compare
the driver's linking time both ways.

Each run is a fresh process so peak memory is its own. Prints time and peak memory per run, the growth
factor per 10x more documents (10 = linear), story and storyline precision and recall by density (against
the generator's affairs: look-alike affairs share councils, leaders and topics, and get denser as more run
at once), and as its last line one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import product
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def story_bcubed(store: object, gold_by_url: dict[str, int]) -> dict[str, float]:
    """BCubed of the stories found against the generator's affairs (documents matched by URL)."""
    from clustering import bcubed

    url_of = {d.id: d.url for d in store.list_documents()}  # type: ignore[attr-defined]
    from storyline.views.records import records

    stories = list(records(store, "stories"))  # type: ignore[arg-type]
    pred = {doc: s["id"] for s in stories for doc in s["documents"]}
    line = {doc: s["storyline"] or s["id"] for s in stories for doc in s["documents"]}
    gold = {doc: str(gold_by_url[url]) for doc, url in url_of.items() if url in gold_by_url}
    p, r, f = bcubed(gold, {d: pred.get(d, d) for d in gold})
    lp, lr, lf = bcubed(gold, {d: line.get(d, d) for d in gold})
    return {"bcubed_p": round(p, 3), "bcubed_r": round(r, 3), "bcubed_f1": round(f, 3),
            "storyline_bcubed_p": round(lp, 3), "storyline_bcubed_r": round(lr, 3), "storyline_bcubed_f1": round(lf, 3)}


def one_size(count: int, jobs: int, docs_per_day: float | None = None, with_digest: bool = False) -> dict[str, Any]:
    from generate import START_SPAN_DAYS, affair_by_url, write_corpus

    from storyline import api
    from storyline.ingest.batch import IngestSettings, ingest_sources
    from storyline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        affairs = max(20, count // 25)
        span = max(1, round(count / docs_per_day)) if docs_per_day else START_SPAN_DAYS
        write_corpus(folder, count, affairs=affairs, span_days=span)
        store = Store(str(Path(tmp) / "scale.db"))
        start = time.perf_counter()
        ingest_sources(store, [str(folder)], IngestSettings(jobs=jobs))
        ingest_s = time.perf_counter() - start
        if store.count_documents() != count:
            problems = "; ".join(f"{p.source}: {p.message}" for p in store.errors())
            raise SystemExit(f"only {store.count_documents()} of {count} generated articles were ingested: {problems}")
        start = time.perf_counter()
        clock = TenthClock(count)
        summary = api.link_store(store, progress=clock)
        link_s = time.perf_counter() - start
        return {
            **({"export_sha256": export_digest(store, folder)} if with_digest else {}),
            "documents": store.count_documents(),
            "ingest_s": round(ingest_s, 2),
            "link_s": round(link_s, 2),
            "total_s": round(ingest_s + link_s, 2),
            "stories": summary.stories,
            "affairs": affairs,
            "span_days": span,
            **story_bcubed(store, affair_by_url(count, affairs, span_days=span)),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "link_ms_per_doc_by_tenth": clock.ms_per_doc(),
        }


def export_digest(store: object, folder: Path) -> str:
    """SHA-256 of the JSON export, with the corpus folder (a temporary one per run, part of every document's
    ``source``) written as ``CORPUS``: equal digests mean the same export, field by field."""
    import hashlib

    from storyline.export import build_export

    data = json.dumps(build_export(store), sort_keys=True, ensure_ascii=False)  # type: ignore[arg-type]
    return hashlib.sha256(data.replace(str(folder), "CORPUS").encode("utf-8")).hexdigest()


def one_spark(count: int, jobs: int, docs_per_day: float | None = None, story_candidates: bool = True) -> dict[str, Any]:
    """The Spark job in local mode (``local[jobs]``) on the same generated corpus as :func:`one_size`
    (``story_candidates`` False: linking looks story candidates up in the database, as before they ran on Spark)."""
    from generate import START_SPAN_DAYS, affair_by_url, write_corpus

    from storyline.spark import SparkSettings, run_spark
    from storyline.spark.session import spark_session
    from storyline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        affairs = max(20, count // 25)
        span = max(1, round(count / docs_per_day)) if docs_per_day else START_SPAN_DAYS
        write_corpus(folder, count, affairs=affairs, span_days=span)
        start = time.perf_counter()
        spark_session(f"local[{jobs}]")
        session_s = time.perf_counter() - start
        store = Store(str(Path(tmp) / "spark.db"))
        report = run_spark([str(folder)], store, SparkSettings(master=f"local[{jobs}]", story_candidates=story_candidates))
        total_s = time.perf_counter() - start
        return {
            "documents": store.count_documents(), "total_s": round(total_s, 2), "session_s": round(session_s, 2),
            "stories": report.link.stories if report.link else 0, "affairs": affairs, "span_days": span,
            "candidate_pairs": report.candidate_pairs, "story_candidates": report.story_candidates,
            "story_candidate_pairs": report.story_candidate_pairs, "story_candidates_used": report.story_candidates_used,
            "step_s": report.seconds, "driver_cpu_s": report.cpu_seconds,
            **story_bcubed(store, affair_by_url(count, affairs, span_days=span)),
            "driver_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "export_sha256": export_digest(store, folder),
        }


class TenthClock:
    """A link progress callback timing each tenth of the documents (the corpus grows, the density stays):
    equal figures from first tenth to last mean linking cost per document does not grow with the corpus."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.marks: list[tuple[int, float]] = [(0, time.perf_counter())]

    def __call__(self, source: str, done: int, total: int) -> None:
        if done * 10 // max(1, total) > self.marks[-1][0] * 10 // max(1, total) or done == total:
            self.marks.append((done, time.perf_counter()))

    def ms_per_doc(self) -> list[float]:
        pairs = zip(self.marks, self.marks[1:])
        return [round(1000 * (t1 - t0) / (d1 - d0), 1) for (d0, t0), (d1, t1) in pairs if d1 > d0]


def run_child(n: int, jobs: int, docs_per_day: float | None, engine: str = "") -> dict[str, Any]:
    density = ["--docs-per-day", str(docs_per_day)] if docs_per_day else []
    how = ["--child-engine", engine] if engine else []
    out = subprocess.run([sys.executable, __file__, "--child", str(n), "--jobs", str(jobs), *density, *how],
                         check=True, capture_output=True, text=True).stdout
    row: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    row["docs_per_day"] = round(n / row["span_days"], 1)
    return row


def print_run(row: dict[str, Any]) -> None:
    print(f"{row['documents']:>8} docs over {row['span_days']} days: ingest {row['ingest_s']:>8}s  "
          f"link {row['link_s']:>8}s  peak {row['peak_rss_mb']:>8} MB  "
          f"stories {row['stories']} for {row['affairs']} affairs\n"
          f"          link ms per document, by tenth of the corpus: {row['link_ms_per_doc_by_tenth']}", flush=True)


def print_quality(rows: list[dict[str, Any]]) -> None:
    print("\nquality by density (BCubed against the generator's affairs; a follow-up weeks later is a new story,"
          " its storyline joins it back)")
    print(f"{'documents':>9} {'days':>5} {'docs/day':>8} {'story P':>8} {'story R':>8} {'story F1':>8} "
          f"{'line P':>7} {'line R':>7} {'line F1':>7}")
    for r in sorted(rows, key=lambda r: (r["docs_per_day"], r["documents"])):
        print(f"{r['documents']:>9} {r['span_days']:>5} {r['docs_per_day']:>8} {r['bcubed_p']:>8} {r['bcubed_r']:>8} "
              f"{r['bcubed_f1']:>8} {r['storyline_bcubed_p']:>7} {r['storyline_bcubed_r']:>7} "
              f"{r['storyline_bcubed_f1']:>7}")


def compare_spark(sizes: list[int], jobs: int, docs_per_day: float | None, story_lookups: bool = False) -> None:
    """Each size through the plain path and the Spark job, one after the other; ratios and export equality."""
    rows = []
    for n in sizes:
        plain, spark = run_child(n, jobs, docs_per_day, "plain"), run_child(n, jobs, docs_per_day, "spark")
        looked_up = run_child(n, jobs, docs_per_day, "spark-lookups") if story_lookups else None
        row = {"documents": n, "jobs": jobs, "plain": plain, "spark": spark, "spark_story_lookups": looked_up,
               "spark_over_plain": round(spark["total_s"] / plain["total_s"], 2),
               "spark_over_plain_without_session": round((spark["total_s"] - spark["session_s"]) / plain["total_s"], 2),
               "same_export": plain["export_sha256"] == spark["export_sha256"]}
        rows.append(row)
        print(f"{n:>8} docs, {jobs} cores: plain ingest {plain['ingest_s']}s + link {plain['link_s']}s = "
              f"{plain['total_s']}s ({round(n / plain['total_s'], 1)} docs/s); Spark local[{jobs}] {spark['total_s']}s "
              f"(session start {spark['session_s']}s; {round(n / spark['total_s'], 1)} docs/s); "
              f"Spark / plain {row['spark_over_plain']}; same export: {row['same_export']}; "
              f"story F1 {plain['bcubed_f1']} / {spark['bcubed_f1']}", flush=True)
        print(f"  Spark steps (s): {spark['step_s']}; story candidates of {spark['story_candidates_used']} documents "
              f"({spark['story_candidate_pairs']} candidates)", flush=True)
        if looked_up:
            row["same_export_story_lookups"] = looked_up["export_sha256"] == plain["export_sha256"]
            print(f"  with story candidates looked up by the driver: steps (s) {looked_up['step_s']}; driver link "
                  f"{looked_up['step_s']['link']}s -> {spark['step_s']['link']}s on Spark's candidates "
                  f"(+{spark['step_s'].get('story_candidates')}s computing them); driver CPU in link "
                  f"{looked_up['driver_cpu_s']['link']}s -> {spark['driver_cpu_s']['link']}s", flush=True)
    print(json.dumps({"spark": True, "sizes": sizes, "jobs": jobs, "runs": rows}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=None, help="default 1000 10000 (--spark: 10000)")
    parser.add_argument("--spark", action="store_true", help="compare the Spark job (local mode) with the plain path")
    parser.add_argument("--full", action="store_true", help="also run 100,000 documents (long; not for CI)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--docs-per-day", type=float, nargs="+",
                        help="spread each corpus over size / D days (same density); several: one run per density")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--story-lookups", action="store_true",
                        help="with --spark: also run the job with story candidates looked up by the driver")
    parser.add_argument("--child-engine", choices=["plain", "spark", "spark-lookups"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        density = args.docs_per_day[0] if args.docs_per_day else None
        if args.child_engine in ("spark", "spark-lookups"):
            print(json.dumps(one_spark(args.child, args.jobs, density, args.child_engine == "spark")))
        else:
            print(json.dumps(one_size(args.child, args.jobs, density, with_digest=args.child_engine == "plain")))
        return
    sizes = (args.sizes or ([10_000] if args.spark else [1000, 10000])) + ([100_000] if args.full else [])
    if args.spark:
        compare_spark(sizes, args.jobs, (args.docs_per_day or [None])[0], args.story_lookups)
        return
    densities: list[float | None] = list(args.docs_per_day or [None])
    rows = []
    for docs_per_day in densities:
        for n in sizes:
            rows.append(run_child(n, args.jobs, docs_per_day))
            print_run(rows[-1])
    for docs_per_day in densities:
        runs = [r for r, (d, _) in zip(rows, product(densities, sizes)) if d == docs_per_day]
        growth = [round(b["total_s"] / a["total_s"], 2) for a, b in zip(runs, runs[1:])]
        factors = [round(b / a, 2) for a, b in zip(sizes, sizes[1:])]
        label = f"at {docs_per_day} a day" if docs_per_day else "over five years"
        print(f"time growth per step ({' -> '.join(str(s) for s in sizes)}, {label}): {growth} for {factors} "
              "times the documents (equal numbers = linear)")
    print_quality(rows)
    print(json.dumps({"sizes": sizes, "runs": rows, "jobs": args.jobs, "docs_per_day": args.docs_per_day}))


if __name__ == "__main__":
    main()
