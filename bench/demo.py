"""The whole pipeline on the bundled demo corpus, scored against its hand-written answer key.

    python bench/demo.py [--gold FILE] [--export FILE] [--db PATH] [--errors N]

Loads the demo (``storyline.demo.load.load_demo``: ingest + annotate + link into a fresh database),
builds the export object and scores it against ``tests/fixtures/demo_gold.json`` exactly as
``tests/test_demo_gold.py`` does (matching rules: ``tests/demo_gold.py``). ``--export FILE`` scores an
existing ``storyline export --format json`` of the demo instead. There is no published figure: the corpus
and its key were written for this project, so the "published" column shows the test floor instead.

Prints a table of figures, a per-pattern quote table and every miss (up to ``--errors`` per list), and as
its last line one JSON object with the figures (shares 0-1).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.demo_gold* hold the matching rules shared with the tests

from storyline.demo.load import load_demo
from storyline.export import build_export
from tests.demo_gold import GOLD_PATH, doubtful_speaker_names, load_gold
from tests.demo_gold_scores import QUOTE_PATTERNS, DemoScores, figures, score_all

# floors pinned in tests/test_demo_gold.py (shares); None where the test checks something else
FLOORS: dict[str, float | None] = {
    "documents_present": 1.0,
    "published_equal": 26 / 27,
    "titles_equal": 23 / 24,
    "quote_recall": 0.97,
    "speaker_precision": 0.97,
    "speaker_recall": 0.90,
    "people_found": 1.0,
    "people_unsplit": 1.0,
    "people_with_role": 21 / 26,
    "events_found": 0.93,
    "claims_found": 0.58,
    "reuse_found": 1.0,
    "discrepancies_found": 2 / 3,
    "stories_bcubed_p": 0.95,
    "stories_bcubed_r": 0.90,
    "stories_bcubed_f1": 0.93,
}


def demo_export(db: str | None) -> dict[str, Any]:
    """Load the demo into ``db`` (a temporary file when None) and export it."""
    with tempfile.TemporaryDirectory() as folder:
        _report, store = load_demo(db or str(Path(folder) / "demo.db"))
        try:
            return build_export(store)
        finally:
            store.close()


def print_figures(values: dict[str, float], scores: DemoScores) -> None:
    q, d = scores.quotes, scores.documents
    counts = {
        "documents_present": f"{d.present}/{d.total}",
        "published_equal": f"{d.dates_equal}/{d.total}",
        "titles_equal": f"{d.titles_equal}/{d.titles_checked}",
        "quote_recall": f"{q.found}/{q.total}",
        "speaker_precision": f"{q.correct}/{q.with_speaker}",
        "speaker_recall": f"{q.correct}/{q.total}",
        "people_found": f"{scores.people.found}/{scores.people.total}",
        "people_unsplit": f"{scores.people.unsplit}/{scores.people.total}",
        "people_with_role": f"{scores.people.with_role}/{scores.people.total}",
        "events_found": f"{scores.events.found}/{scores.events.total}",
        "claims_found": f"{scores.claims.found}/{scores.claims.total}",
        "reuse_found": f"{scores.reuse.found}/{scores.reuse.total}",
        "discrepancies_found": f"{scores.discrepancies.found}/{scores.discrepancies.total}",
    }
    print(f"{'measure':<22} {'ours':>7} {'count':>9} {'floor':>7}")
    for name, value in values.items():
        floor = FLOORS.get(name)
        print(
            f"{name:<22} {value:>7.3f} {counts.get(name, ''):>9} {'' if floor is None else f'{floor:.3f}':>7}"
        )


def print_patterns(scores: DemoScores) -> None:
    print(f"\n{'quote pattern':<18} {'gold':>5} {'found':>6} {'speaker':>8} {'right':>6} {'precision':>10}")
    for pattern in QUOTE_PATTERNS:
        t = scores.quotes.patterns.get(pattern)
        if not t:
            continue
        precision = f"{t['correct'] / t['with_speaker']:.3f}" if t["with_speaker"] else "-"
        print(
            f"{pattern:<18} {t['total']:>5} {t['found']:>6} {t['with_speaker']:>8} {t['correct']:>6} {precision:>10}"
        )


def print_problems(scores: DemoScores, doubtful: list[str], limit: int) -> None:
    s = scores
    lists = {
        "published dates differing": s.documents.date_mismatches,
        "titles differing": s.documents.title_mismatches,
        "gold quote text not in its document": s.quotes.not_in_text,
        "gold quotes missed": s.quotes.missed,
        "WRONG SPEAKERS": s.quotes.wrong_speakers,
        "quotes found without speaker": s.quotes.no_speaker,
        "people missing": s.people.missing,
        "people split": s.people.splits,
        "people without a gold role": s.people.role_misses,
        "junk entities": s.people.junk,
        "events missed": s.events.missed,
        "claims missed": s.claims.missed,
        "copied passages missed": s.reuse.missed,
        "discrepancies missed": s.discrepancies.missed,
        "stories mixing affairs": s.stories.mixed_affairs,
        "storylines joining A and B": s.stories.storylines_mixing_a_b,
        "doubtful speaker names (any exported quote)": doubtful,
    }
    for title, problems in lists.items():
        if problems:
            print(f"\n{title} ({len(problems)}):")
            for line in problems[:limit]:
                print("  ", line)
    links = s.documents
    print(
        f"\nlinks: exact duplicate {'ok' if links.duplicate_linked else 'MISSING'}, "
        f"broadcaster versions {'ok' if links.version_linked else 'MISSING'}, "
        f"wire near-duplicate {'ok' if links.near_duplicate_linked else 'MISSING'}; "
        f"Priya/Daniel Shah distinct {'ok' if s.people.same_surname_distinct else 'NO'}; "
        f"Castlewick storylines {sorted(map(str, s.stories.castlewick_storylines))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--gold", default=str(GOLD_PATH), help="answer key (default: tests/fixtures/demo_gold.json)"
    )
    parser.add_argument("--export", default=None, help="score this export JSON instead of loading the demo")
    parser.add_argument(
        "--db", default=None, help="database to load the demo into (replaced; default: temporary)"
    )
    parser.add_argument(
        "--errors", type=int, default=50, help="print at most this many lines per list of misses"
    )
    args = parser.parse_args()
    gold_path = Path(args.gold)
    if not gold_path.is_file():
        sys.exit(f"No answer key at {gold_path}: pass --gold FILE (default tests/fixtures/demo_gold.json).")
    gold = load_gold(gold_path)
    start = time.perf_counter()
    if args.export:
        export = json.loads(Path(args.export).read_text(encoding="utf-8"))
    else:
        export = demo_export(args.db)
    load_seconds = time.perf_counter() - start
    scores = score_all(export, gold)
    values = figures(scores)
    print(f"storyline on the demo corpus ({len(export['documents'])} documents) vs {gold_path.name}")
    print(
        "No published figure exists for this corpus; 'floor' is the floor pinned in tests/test_demo_gold.py.\n"
    )
    print_figures(values, scores)
    print_patterns(scores)
    print_problems(scores, doubtful_speaker_names(export, gold), args.errors)
    result: dict[str, Any] = {"dataset": "demo", "unit": "share", **values}
    result["load_seconds"] = round(load_seconds, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
