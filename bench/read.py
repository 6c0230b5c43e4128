"""Read speed at scale: web pages, CLI reads and the export on generated corpora, idle and during an ingest.

    python bench/read.py [--sizes 10000] [--full] [--requests 40] [--workdir DIR]

For each size a corpus of generated articles (bench/generate.py: one affair per 25 articles, five years)
is ingested and linked once into ``WORKDIR/read-N.db`` (kept: a 100,000 corpus takes over an hour to
build on two cores; delete the file to rebuild). Then, on that database:

- p50 / p95 / max latency of the overview, a story page, a person page and a search, through the
  real web app (ASGI, in this process), first idle, then while another process ingests and links
  ``--extra`` more articles into the same database (SQLite, WAL: one writer, readers never wait);
- the wall time of ``storyline quotes --limit 20`` and ``storyline story ID`` (new processes, so
  Python start-up and imports count);
- export time and the exporting process's peak memory (JSON and JSON Lines), to show it stays flat
  as the corpus grows.

Goals (issue 17): every page p95 under 300 ms at 100,000 documents, also while ingesting; CLI reads
under 1 s; export memory flat in corpus size. Timings are wall-clock on a shared machine: compare
runs made together. The last line is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PAGES = ("overview", "story", "person", "search")
SEARCHES = ("council", "budget overspend", '"chief executive"', "contract", "audit report", "resign")
GOAL_MS = 300


def storyline_cli() -> list[str]:
    """The installed ``storyline`` command beside this Python (as a user runs it)."""
    return [str(Path(sys.executable).parent / "storyline")]


def build(db: Path, count: int, jobs: int) -> dict[str, Any]:
    """Generate ``count`` articles, ingest and link them into ``db`` (once; reused afterwards)."""
    from generate import write_corpus

    from storyline import api
    from storyline.ingest.batch import IngestSettings, ingest_sources
    from storyline.store import Store

    if db.exists():
        return {"built": False}
    partial = db.with_suffix(".building.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp) / "corpus", count, affairs=max(20, count // 25))
        store = Store(str(partial))
        start = time.perf_counter()
        ingest_sources(store, [str(Path(tmp) / "corpus")], IngestSettings(jobs=jobs))
        ingest_s = time.perf_counter() - start
        api.link_store(store)
        link_s = time.perf_counter() - start - ingest_s
        store.close()
    partial.rename(db)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    return {"built": True, "ingest_s": round(ingest_s, 1), "link_s": round(link_s, 1)}


def write_extra(folder: Path, first: int, count: int, affairs: int) -> None:
    """More articles of the same generator (numbers ``first`` onwards) to ingest while pages are read."""
    from generate import make_article, to_record

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "extra.jsonl", "w", encoding="utf-8") as out:
        for i in range(first, first + count):
            out.write(json.dumps(to_record(make_article(i, affairs)), ensure_ascii=False) + "\n")


def targets(db: str, rng: random.Random, n: int = 20) -> dict[str, list[str]]:
    """URLs to time: stories and people picked at random (and the largest story, the most quoted person)."""
    from sqlalchemy import func, select

    from storyline.store import Store, schema

    store = Store(db)
    st, e = schema.stories, schema.entities
    with store.reader.connect() as conn:
        story_ids = list(conn.execute(select(st.c.id).order_by(func.random()).limit(n)).scalars())
        story_ids.append(conn.execute(select(st.c.id).order_by(st.c.size.desc()).limit(1)).scalar())
        person_ids = list(conn.execute(select(e.c.id).where(e.c.type == "person").order_by(func.random())
                                       .limit(n)).scalars())
        person_ids.append(conn.execute(select(e.c.id).order_by(e.c.quote_count.desc()).limit(1)).scalar())
    store.close()
    return {"overview": ["/"], "story": [f"/stories/{s}" for s in story_ids],
            "person": [f"/people/{p}" for p in person_ids], "search": [f"/search?q={q}" for q in SEARCHES]}


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1),
            "max_ms": round(ordered[-1], 1)}


def time_pages(client: Any, urls: dict[str, list[str]], requests: int, rng: random.Random,
               until: threading.Event | None = None) -> dict[str, dict[str, float]]:
    """``requests`` timed requests per page type, round robin (stopping early when ``until`` is set)."""
    times: dict[str, list[float]] = {page: [] for page in PAGES}
    for i in range(requests):
        for page in PAGES:
            url = rng.choice(urls[page])
            start = time.perf_counter()
            response = client.get(url)
            times[page].append(1000 * (time.perf_counter() - start))
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}: {response.text[:300]}")
        if until is not None and until.is_set() and i >= 10:
            break
    return {page: summary(found) for page, found in times.items()}


def run_child(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command run as a new process.

    A ``storyline`` command runs through ``bench/peak.py``, which reports the process's own peak (VmHWM);
    the ``ru_maxrss`` of a child also counts the pages it shared with this process before exec."""
    cli = storyline_cli()
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak_file:
        command = [sys.executable, str(HERE / "peak.py"), *args[len(cli):]] if args[: len(cli)] == cli else args
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 env={**os.environ, "STORYLINE_PEAK_FILE": peak_file.name})
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"{' '.join(args)} failed: {child.stderr.read().decode()[-500:] if child.stderr else ''}")
        own = peak_file.read().strip()
    return elapsed, (int(own) if own else usage.ru_maxrss) / 1024


CLI_READS = ("quotes --limit 20", "story ID", "people --limit 20", "story ID --why", "timeline --story ID --dates 10",
             "timeline --dates 10")


def cli_reads(db: str, story: str, repeat: int = 3) -> tuple[dict[str, float], dict[str, float]]:
    """Wall seconds (best of ``repeat``) and peak memory (MB) of read commands in new processes; the last,
    key dates of the whole corpus, reads every dated sentence, so it runs once."""
    base = [*storyline_cli(), "--db", db]
    commands = [["quotes", "--limit", "20"], ["story", story], ["people", "--limit", "20"], ["story", story, "--why"],
                ["timeline", "--story", story, "--dates", "10"], ["timeline", "--dates", "10"]]
    seconds: dict[str, float] = {}
    peaks: dict[str, float] = {}
    for name, command in zip(CLI_READS, commands):
        runs = [run_child([*base, *command]) for _ in range(repeat if name != "timeline --dates 10" else 1)]
        seconds[name], peaks[name] = round(min(r[0] for r in runs), 2), round(max(r[1] for r in runs), 1)
    return seconds, peaks


def export(db: str, folder: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for fmt in ("jsonl", "json"):
        target = folder / f"export.{fmt}"
        seconds, peak = run_child([*storyline_cli(), "--db", db, "export", "--format", fmt, "-o", str(target)])
        out[f"{fmt}_s"], out[f"{fmt}_peak_mb"] = round(seconds, 1), round(peak, 1)
        out[f"{fmt}_mb"] = round(target.stat().st_size / 1e6, 1)
        target.unlink()
    return out


def during_ingest(db: str, client: Any, urls: dict[str, list[str]], requests: int, rng: random.Random,
                  extra: Path) -> dict[str, Any]:
    """Time the pages while another process ingests (and links) ``extra`` into the same database."""
    from storyline.store import Store

    store = Store(db)
    before = store.count_documents()
    done = threading.Event()
    ingest = subprocess.Popen([*storyline_cli(), "--db", db, "ingest", "-q", str(extra)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    threading.Thread(target=lambda: (ingest.wait(), done.set()), daemon=True).start()
    while store.count_documents() == before and not done.is_set():
        time.sleep(0.2)  # wait until the writer is writing
    start = time.perf_counter()
    pages = time_pages(client, urls, requests, rng, until=done)
    overlap = not done.is_set()
    ingest.wait()
    if ingest.returncode not in (0, 1):
        raise SystemExit(f"the concurrent ingest failed: {ingest.stderr.read().decode()[-500:] if ingest.stderr else ''}")
    added = store.count_documents() - before
    store.close()
    return {"pages": pages, "documents_added": added, "measured_s": round(time.perf_counter() - start, 1),
            "ingest_still_running_at_end": overlap}


def one_size(count: int, args: argparse.Namespace) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / f"read-{count}.db"
    built = build(db_path, count, args.jobs)
    work = workdir / f"read-{count}-work.db"  # the ingest phase adds documents: work on a copy
    subprocess.run(["cp", str(db_path), str(work)], check=True)
    db = str(work)
    rng = random.Random(7)
    urls = targets(db, rng)
    row: dict[str, Any] = {"documents": count, **built}
    with TestClient(create_app(db, read_only=True), base_url="http://127.0.0.1") as client:
        time_pages(client, urls, 3, rng)  # warm the page cache and templates
        row["idle"] = time_pages(client, urls, args.requests, rng)
        row["cli_s"], row["cli_peak_mb"] = cli_reads(db, urls["story"][-1].rsplit("/", 1)[1], args.repeat)
        row["export"] = export(db, workdir)
        if not getattr(args, "idle_only", False):
            extra = workdir / f"extra-{count}"
            write_extra(extra, count, args.extra, max(20, count // 25))
            row["during_ingest"] = during_ingest(db, client, urls, args.requests, rng, extra)
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    return row


def print_row(row: dict[str, Any]) -> None:
    print(f"\n{row['documents']:,} documents" + (f" (built: ingest {row['ingest_s']} s, link {row['link_s']} s)"
                                                 if row.get("built") else ""))
    print(f"  {'page':<10} {'idle p50':>9} {'p95':>7} {'max':>7}   {'ingesting p50':>13} {'p95':>7} {'max':>7}")
    busy = row.get("during_ingest")
    for page in PAGES:
        a = row["idle"][page]
        b = busy["pages"][page] if busy else {"p50_ms": "-", "p95_ms": "-", "max_ms": "-"}
        print(f"  {page:<10} {a['p50_ms']:>9} {a['p95_ms']:>7} {a['max_ms']:>7}   {b['p50_ms']:>13} {b['p95_ms']:>7} "
              f"{b['max_ms']:>7}")
    if busy:
        print(f"  during ingest: {busy['documents_added']} documents added while measuring {busy['measured_s']} s")
    print("  CLI (new process, best of runs): " + ", ".join(f"{k} {v} s ({row['cli_peak_mb'][k]} MB)"
                                                          for k, v in row["cli_s"].items()))
    e = row["export"]
    print(f"  export: JSON Lines {e['jsonl_s']} s, peak {e['jsonl_peak_mb']} MB ({e['jsonl_mb']} MB written); "
          f"JSON {e['json_s']} s, peak {e['json_peak_mb']} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--full", action="store_true", help="also 100,000 documents (over an hour to build once)")
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page type and phase")
    parser.add_argument("--extra", type=int, default=2000, help="articles ingested while pages are timed")
    parser.add_argument("--jobs", type=int, default=2, help="ingest processes when building a corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each CLI command (the best counts)")
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "storyline-bench-read"))
    parser.add_argument("--idle-only", action="store_true",
                        help="skip the pages-while-ingesting phase (e.g. on a database whose links an older "
                             "storyline made: the next ingest would relink it whole)")
    args = parser.parse_args()
    sizes = args.sizes + ([100_000] if args.full and 100_000 not in args.sizes else [])
    rows = []
    for count in sizes:
        rows.append(one_size(count, args))
        print_row(rows[-1])
    worst = max(r[phase][page]["p95_ms"] if phase == "idle" else r[phase]["pages"][page]["p95_ms"]
                for r in rows for phase in ("idle", "during_ingest") if phase in r for page in PAGES)
    print(f"\nworst page p95: {worst} ms (goal < {GOAL_MS} ms); published figure: none (our own goal)")
    print(json.dumps({"sizes": sizes, "runs": rows, "worst_p95_ms": worst, "goal_ms": GOAL_MS}))


if __name__ == "__main__":
    main()
