"""Ingest speed: documents/s and MB/s for generated articles (HTML files + JSON Lines), peak memory, DB size,
CPU time per document in the ingesting process and in the worker processes, and the share of it spent storing;
and OCR: pages/s and character accuracy on scanned pages rendered from known text (the demo corpus's own letters
and articles, typeset, rendered and scanned at test time), read back through the PDF reader.

    python bench/ingest.py [--count 10000] [--jobs 1] [--no-annotate] [--ocr-pages 6] [--ocr-only]

This is ``storyline ingest --no-link`` (reading, normalising, annotating, storing; no corpus linking). CPU time
counts the ingesting process and, with ``--jobs`` above 1, its worker processes; "storing" is the CPU time the
ingesting process spends committing documents and problems to the store. Prints a table and, as its last line,
one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_corpus

from ocr_pages import ocr_figures

from storyline.ingest import IngestOptions, batch
from storyline.ingest.batch import IngestSettings, ingest_sources
from storyline.store import Store


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def db_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def cpu_times() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class StoringClock:
    """CPU time this process spends in the store while ingesting (documents and problems committed)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.depth = 0  # a timed call inside another (a full batch committed while adding) counts once

    def wrap(self, func: Callable[..., None]) -> Callable[..., None]:
        def timed(*args: Any) -> None:
            start = time.process_time()
            self.depth += 1
            try:
                func(*args)
            finally:
                self.depth -= 1
                if not self.depth:
                    self.seconds += time.process_time() - start
        return timed


STORING = ("add", "problem", "flush")  # the methods of batch.BatchWriter that store


def run(count: int, jobs: int, annotate: bool) -> dict[str, float | int | str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        size = write_corpus(folder, count)
        db = Path(tmp) / "bench.db"
        store = Store(str(db))
        settings = IngestSettings(options=IngestOptions(), jobs=jobs, annotate=annotate)
        clock = StoringClock()
        methods = {name: getattr(batch.BatchWriter, name) for name in STORING}
        for name, method in methods.items():
            setattr(batch.BatchWriter, name, clock.wrap(method))
        try:
            own_before, children_before = cpu_times()
            start = time.perf_counter()
            report = ingest_sources(store, [str(folder)], settings)
            seconds = time.perf_counter() - start
            own_after, children_after = cpu_times()
        finally:
            for name, method in methods.items():
                setattr(batch.BatchWriter, name, method)
        stored = store.count_documents()
        store.close()  # the last connection closing checkpoints the WAL into the database file
        own, workers = own_after - own_before, children_after - children_before
        return {
            "documents": stored,
            "problems": len(report.problems),
            "input_mb": round(size / 1e6, 2),
            "seconds": round(seconds, 2),
            "docs_per_s": round(stored / seconds, 1),
            "mb_per_s": round(size / 1e6 / seconds, 2),
            "cpu_ms_per_doc": round((own + workers) / stored * 1000, 2),
            "ingesting_process_cpu_ms_per_doc": round(own / stored * 1000, 2),
            "worker_cpu_ms_per_doc": round(workers / stored * 1000, 2),
            "storing_cpu_ms_per_doc": round(clock.seconds / stored * 1000, 2),
            "storing_share": round(clock.seconds / (own + workers), 3),
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "db_mb_per_1000_docs": round(db_bytes(db) / 1e6 / max(stored, 1) * 1000, 2),
            "jobs": jobs,
            "annotate": str(annotate).lower(),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-annotate", action="store_true", help="measure reading and storing only")
    parser.add_argument("--ocr-pages", type=int, default=6, help="scanned pages per OCR condition (0: no OCR run)")
    parser.add_argument("--ocr-only", action="store_true", help="only the OCR measurements")
    args = parser.parse_args()
    figures: dict[str, float | int | str] = {}
    if not args.ocr_only:
        figures.update(run(args.count, args.jobs, not args.no_annotate))
        print(f"storyline ingest benchmark: {args.count} generated articles (half HTML files, half JSON Lines)")
        print(f"{'measure':<34}{'storyline':>14}{'published':>14}")
        for key in ("documents", "problems", "input_mb", "seconds", "docs_per_s", "mb_per_s", "cpu_ms_per_doc",
                    "ingesting_process_cpu_ms_per_doc", "worker_cpu_ms_per_doc", "storing_cpu_ms_per_doc",
                    "storing_share", "peak_rss_mb", "db_mb_per_1000_docs"):
            print(f"{key:<34}{figures[key]!s:>14}{'—':>14}")
        print(f"(storyline ingest --no-link --jobs {args.jobs}: annotation "
              + ("included" if not args.no_annotate else "skipped") + ", linking excluded; no published figure for "
              "this generated corpus; CPU time counts the worker processes too)")
    if args.ocr_pages > 0:
        ocr = ocr_figures(args.ocr_pages)
        figures.update(ocr)
        print(f"\nOCR (Tesseract {ocr['tesseract']}): {args.ocr_pages} A4 pages per condition, rendered from known text")
        print(f"{'measure':<40}{'storyline':>12}{'published':>12}")
        for key in [k for k in ocr if k.startswith(("ocr_pages_per_s", "ocr_char_accuracy"))]:
            print(f"{key:<40}{ocr[key]!s:>12}{'—':>12}")
        print("(pages/s: PDF reader end to end, page rendering included, one process; character accuracy:\n"
              " 1 - edit distance / source length, whitespace collapsed; no published figure for these pages)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
