"""``python -m storyline.spark INPUT... --db URL``: the Spark job from a shell or under ``spark-submit``.

spark-submit takes a file, not a module, so give it this one::

    spark-submit --master yarn "$(python -c 'import storyline.spark.__main__ as m; print(m.__file__)')" \\
        /data/coverage/ --db postgresql+psycopg://user@db/storyline
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storyline.ingest import IngestOptions
from storyline.spark.job import SparkSettings, run_spark, summary_line


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m storyline.spark",
                                     description="Ingest, annotate and link a corpus on Apache Spark.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs or URLs, as for `storyline ingest`")
    parser.add_argument("--db", default=None, help="SQLite path or PostgreSQL URL (default ./storyline.db or $STORYLINE_DB)")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, default=None, help="annotation partitions (default 2 x cores)")
    parser.add_argument("--model", default=None, help="an installed spaCy pipeline, on every executor")
    parser.add_argument("--max-bytes", type=int, default=None, help="size cap per file or download")
    parser.add_argument("--no-link", action="store_true", help="store documents only; run `storyline link` later")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    options = IngestOptions(max_bytes=args.max_bytes) if args.max_bytes else IngestOptions()
    settings = SparkSettings(master=args.master, partitions=args.partitions, options=options,
                             model=args.model, link=not args.no_link)
    try:
        report = run_spark(args.inputs, args.db, settings)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in report.ingest.problems:
        print(problem.message, file=sys.stderr)
    print(summary_line(report))
    return 1 if report.ingest.problems else 0


if __name__ == "__main__":
    sys.exit(main())
