"""Commands that build the corpus: ingest, spark, annotate, link, demo."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from storyline import api
from storyline.cli.app import console, db_option, err_console, friendly_errors, group_db, main, print_problems
from storyline.ingest.problems import Problem
from storyline.render import terminal
from storyline.render.printable import printable

DEMO_DB = "storyline-demo.db"
MOST_BYTES = 10**15  # the largest --max-bytes: past sys.maxsize the gzip and WARC readers overflow C sizes


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--follow", is_flag=True, help="For RSS/Atom feeds, also fetch each linked page. Example: --follow")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private or loopback addresses. Example: --allow-private")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1), help="Parse and annotate in N processes. Example: -j 4")
@click.option("--max-bytes", type=click.IntRange(1, MOST_BYTES), default=None, help="Size cap per file or download (default 50 MB). Example: --max-bytes 5000000")
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Page cap per PDF or multi-page image (default 2000). Example: --max-pages 500")
@click.option("--ocr-lang", default=None, help="Tesseract language(s) for scans and images (default eng). Example: --ocr-lang eng+fra")
@click.option("--ocr-timeout", type=click.FloatRange(min=0, min_open=True), default=None, help="Seconds OCR may spend on one page (default 60). Example: --ocr-timeout 180")
@click.option("--model", default=None, help="Use an installed spaCy pipeline to improve entities. Example: --model en_core_web_sm")
@click.option("--no-link", is_flag=True, help="Skip corpus linking after ingest (run `storyline link` later). Example: --no-link")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; problems still go to stderr. Example: -q")
@friendly_errors
def ingest(sources: tuple[str, ...], db: str | None, follow: bool, allow_private: bool, jobs: int,
           max_bytes: int | None, max_pages: int | None, ocr_lang: str | None, ocr_timeout: float | None,
           model: str | None, no_link: bool, quiet: bool) -> None:
    """Load files, folders, globs, URLs or - (stdin) into the corpus.

    Formats are detected by content: text, Markdown, HTML, JSON, JSON Lines, CSV,
    PDF, WARC, RSS/Atom (and .gz of any), email (.eml, .mbox, attachments
    included), Word (.docx), OpenDocument (.odt), and scanned PDF pages and
    images (PNG, JPEG, TIFF) read by OCR when Tesseract is installed. Bad inputs
    are reported one line each, recorded (see `storyline errors`), and the exit
    status is 1 when any failed.

    Example: storyline ingest coverage/ letters/*.pdf https://example.org/story.html
    """
    with _progress(quiet) as progress:
        report = api.ingest(list(sources), db, follow=follow, allow_private=allow_private, jobs=jobs,
                            max_bytes=max_bytes, model=model, link=not no_link, progress=progress,
                            max_pages=max_pages, ocr_language=ocr_lang, ocr_timeout=ocr_timeout)
    print_problems(report.problems)
    if not quiet:
        console.print(terminal.ingest_summary(report))
    sys.exit(1 if report.problems else 0)


class _progress:
    """A rich progress bar, or nothing with --quiet."""

    def __init__(self, quiet: bool) -> None:
        self.bar = None if quiet else Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                               TimeRemainingColumn(), console=err_console, transient=True)
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        if self.bar is None:
            return None
        self.bar.start()
        return self.update

    def update(self, source: str, done: int, total: int) -> None:
        """Progress of ingesting (``source`` is the file at hand) or of linking (``source`` is "linking")."""
        assert self.bar is not None
        step = "linking" if source == api.LINKING else "ingesting"
        if step not in self.tasks:
            self.tasks[step] = self.bar.add_task(step, total=total)
        label = "linking documents" if step == "linking" else f"ingesting {escape(printable(source)[-40:])}"
        self.bar.update(self.tasks[step], completed=done, total=total, description=label)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--master", default=None, help="Spark master (default: spark-submit's, else all local cores). Example: --master local[4]")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Partitions to annotate in (default 2 per core). Example: --partitions 64")
@click.option("--max-bytes", type=click.IntRange(1, MOST_BYTES), default=None, help="Size cap per file or download (default 50 MB). Example: --max-bytes 5000000")
@click.option("--model", default=None, help="An installed spaCy pipeline, on every executor. Example: --model en_core_web_sm")
@click.option("--no-link", is_flag=True, help="Store documents only (run `storyline link` later). Example: --no-link")
@click.option("--quiet", "-q", is_flag=True, help="No summary; problems still go to stderr. Example: -q")
@friendly_errors
def spark(sources: tuple[str, ...], db: str | None, master: str | None, partitions: int | None,
          max_bytes: int | None, model: str | None, no_link: bool, quiet: bool) -> None:
    """Ingest, annotate and link a large corpus on Apache Spark (same results as ingest + link).

    Reads what `storyline ingest` reads (files, folders, globs, URLs) with the same readers,
    annotates on the executors and links on the driver; see docs/spark.md. Needs
    `pip install 'storyline[spark]'` and Java 17+. Exit status 1 when any input failed.

    Example: storyline --db postgresql+psycopg://me@db/news spark coverage/ --master local[8]
    """
    from storyline.spark.job import summary_line

    report = api.spark(sources, db, master=master, partitions=partitions, max_bytes=max_bytes, model=model,
                       link=not no_link)
    print_problems(report.ingest.problems)
    if not quiet:
        console.print(summary_line(report))
    sys.exit(1 if report.ingest.problems else 0)


@main.command()
@click.argument("ids", nargs=-1)
@db_option
@click.option("--model", default=None, help="Use an installed spaCy pipeline. Example: --model en_core_web_sm")
@click.option("--no-link", is_flag=True, help="Do not refresh corpus links afterwards. Example: --no-link")
@friendly_errors
def annotate(ids: tuple[str, ...], db: str | None, model: str | None, no_link: bool) -> None:
    """Re-annotate stored documents (all, or the given ids) after an upgrade.

    Example: storyline annotate --model en_core_web_sm
    """
    store = api.open_store(db)
    problems: list[Problem] = []
    count = api.annotate(store, list(ids) or None, model=model, problems=problems)
    print_problems(problems)
    console.print(f"annotated {count} documents" + (f", {len(problems)} failed" if problems else ""))
    if not no_link:
        console.print(terminal.link_summary(api.link_store(store, rebuild=True)))
    sys.exit(1 if problems else 0)


@main.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Forget previous links and relink every document. Example: --rebuild")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary. Example: -q")
@friendly_errors
def link(db: str | None, rebuild: bool, quiet: bool) -> None:
    """Refresh corpus links: versions, copied passages, stories, identities, discrepancies.

    Only documents not linked before are linked (500 per transaction: an interrupted
    run keeps what it finished), then the stories they changed are refreshed.

    Example: storyline link
    """
    with _progress(quiet) as progress:
        summary = api.link_store(db, rebuild=rebuild, progress=progress)
    if not quiet:
        console.print(terminal.link_summary(summary))


@main.command()
@click.option("--db", default=None, metavar="PATH|URL", callback=group_db,
              help="Where to build the demo database (default storyline-demo.db, not $STORYLINE_DB); a demo "
                   "database there is replaced, any other corpus is left alone. Example: --db /tmp/demo.db")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary, no dossier. Example: -q")
@friendly_errors
def demo(db: str | None, quiet: bool) -> None:
    """Load the bundled demo corpus into a fresh database and show what storyline found.

    Example: storyline demo && storyline --help
    """
    db = db or DEMO_DB
    report, store = api.demo(db)
    print_problems(report.problems)
    found = api.stories(store, limit=100)
    biggest = max(found.items, key=lambda s: s.size, default=None)
    dossier = api.story(biggest.id, store) if biggest and not quiet else None
    terminal.print_demo(console, report, api.overview(store), found, dossier, db)
    store.close()
