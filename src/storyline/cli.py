"""The storyline command line: thin commands over :mod:`storyline.api`, one per function."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from storyline import api, timex3
from storyline.export import FORMATS, LISTS
from storyline.ingest.problems import Problem
from storyline.render import terminal
from storyline.render.keydates import key_dates_table
from storyline.render.printable import printable
from storyline.timeline_export import FORMATS as TIMELINE_FORMATS
from storyline.timeline_export import write_timeline

F = TypeVar("F", bound=Callable[..., Any])
DEMO_DB = "storyline-demo.db"
# Piped output (not a terminal) gets a readable width instead of rich's 80 columns; $COLUMNS wins.
_PIPED_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120
console = Console(width=_PIPED_WIDTH)
err_console = Console(stderr=True)


def _group_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A command's own --db, else the one given before the command (``storyline --db X cmd``)."""
    return value or (ctx.find_root().obj or {}).get("db")


def db_option(func: F) -> F:
    """The shared --db option: the command's own, else the group's, else $STORYLINE_DB, else ./storyline.db."""
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        callback=_group_db,
        help="Database file or SQLAlchemy URL (default ./storyline.db, or $STORYLINE_DB). "
        "Example: --db corpus.db or --db postgresql+psycopg://user@localhost/storyline",
    )(func)


def print_problems(problems: list[Problem]) -> None:
    """Each problem on one line of stderr, never wrapped (logs and pipes read them line by line)."""
    for problem in problems:
        err_console.print(Text.assemble(("skipped", "yellow"), " ", problem.message), soft_wrap=True, highlight=False)


def friendly_errors(func: F) -> F:
    """Turn library errors into one clear line and exit status 2 instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ValueError, RuntimeError, OSError, ImportError) as exc:
            err_console.print(Text.assemble(("error:", "red"), " ", printable(str(exc))), soft_wrap=True,
                              highlight=False)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="storyline")
@click.option("--db", "group_db", default=None, metavar="PATH|URL",
              help="Database for the command that follows (same as its own --db). Example: storyline --db corpus.db stories")
@click.pass_context
def main(ctx: click.Context, group_db: str | None) -> None:
    """storyline: turn news coverage and primary documents into verified story dossiers.

    Example: storyline ingest ./coverage && storyline stories
    """
    ctx.obj = {"db": group_db}  # every command's --db falls back to it (see db_option), `demo` included


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--follow", is_flag=True, help="For RSS/Atom feeds, also fetch each linked page. Example: --follow")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private or loopback addresses. Example: --allow-private")
@click.option("--jobs", "-j", default=1, show_default=True, help="Parse and annotate in N processes. Example: -j 4")
@click.option("--max-bytes", type=int, default=None, help="Size cap per file or download (default 50 MB). Example: --max-bytes 5000000")
@click.option("--max-pages", type=int, default=None, help="Page cap per PDF or multi-page image (default 2000). Example: --max-pages 500")
@click.option("--ocr-lang", default=None, help="Tesseract language(s) for scans and images (default eng). Example: --ocr-lang eng+fra")
@click.option("--ocr-timeout", type=float, default=None, help="Seconds OCR may spend on one page (default 60). Example: --ocr-timeout 180")
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
@click.option("--partitions", type=int, default=None, help="Partitions to annotate in (default 2 per core). Example: --partitions 64")
@click.option("--max-bytes", type=int, default=None, help="Size cap per file or download (default 50 MB). Example: --max-bytes 5000000")
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
    count = api.annotate(store, list(ids) or None, model=model)
    console.print(f"annotated {count} documents")
    if not no_link:
        console.print(terminal.link_summary(api.link_store(store, rebuild=True)))


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


def paging(default: int, noun: str) -> Callable[[F], F]:
    """The shared --limit and --offset options of list commands."""

    def decorate(func: F) -> F:
        func = click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0),
                            help=f"Skip the first N {noun} (page through them). Example: --offset {default}")(func)
        return click.option("--limit", default=default, show_default=True, type=click.IntRange(min=1),
                            help=f"Show at most N {noun}. Example: --limit 20")(func)

    return decorate


@main.command()
@db_option
@paging(100, "documents")
@friendly_errors
def docs(db: str | None, limit: int, offset: int) -> None:
    """List documents: id, date, source, title (oldest first).

    Example: storyline docs --limit 20
    """
    console.print(terminal.documents_table(api.docs(db, limit, offset)))


@main.command()
@click.argument("doc")
@db_option
@friendly_errors
def show(doc: str, db: str | None) -> None:
    """Show one document (id or id prefix) with its metadata and what was found in it.

    Example: storyline show 3fa2
    """
    console.print(terminal.document_view(api.show(doc, db)))


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, help="Number of results. Example: --limit 5")
@friendly_errors
def search(query: str, db: str | None, limit: int) -> None:
    """Full-text search, ranked, with snippets. Quote phrases: '"children's services"'.

    Example: storyline search 'intervention minister'
    """
    console.print(terminal.search_results(api.search(query, db, limit)))


@main.command()
@db_option
@click.option("--all", "include_resolved", is_flag=True,
              help="Also list errors fixed by a later successful ingest. Example: --all")
@friendly_errors
def errors(db: str | None, include_resolved: bool) -> None:
    """List sources that failed to ingest, with the reason.

    Example: storyline errors
    """
    console.print(terminal.errors_table(api.errors(db, include_resolved)))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one object (docs/export.md); jsonl: one record per line; csv: one table. Example: --format jsonl")
@click.option("--table", type=click.Choice(LISTS), default="quotes", show_default=True,
              help="Which list to write as CSV. Example: --table entities")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file (default stdout). Example: -o corpus.json")
@friendly_errors
def export(db: str | None, fmt: str, table: str, output: Any) -> None:
    """Export the corpus: documents, entities, quotes, events, claims, stories, reuse, discrepancies.

    Streamed as it is read, so a large corpus exports in little memory.

    Example: storyline export --format json -o corpus.json
    """
    api.export(db, fmt, output, table)


@main.command()
@db_option
@paging(50, "people")
@click.option("--type", "kind", type=click.Choice(["person", "organisation", "place"]), default="person",
              show_default=True, help="Which kind of entity. Example: --type organisation")
@friendly_errors
def people(db: str | None, limit: int, offset: int, kind: str) -> None:
    """Who's who: people (or organisations, places) with roles and quote counts.

    Example: storyline people --limit 10
    """
    console.print(terminal.people_table(api.people(db, kind, limit, offset), kind))


@main.command()
@db_option
@click.option("--speaker", default=None, help="Only quotes whose speaker name contains this. Example: --speaker Okafor")
@paging(100, "quotes")
@friendly_errors
def quotes(db: str | None, speaker: str | None, limit: int, offset: int) -> None:
    """Quotes with their speakers and sources.

    Example: storyline quotes --speaker "Daniel Okafor"
    """
    console.print(terminal.quotes_table(api.quotes(db, speaker, limit, offset)))


def _day_option(value: str | None, last: bool) -> date | None:
    span = timex3.interval(value) if value else None
    if value and span is None:
        raise click.BadParameter(f"{value!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    return (span[1] if last else span[0]) if span else None


@main.command()
@click.argument("doc", required=False)
@db_option
@click.option("--story", default=None, help="Only this story's documents (its merged timeline). Example: --story S0001")
@click.option("--storyline", "storyline_id", default=None,
              help="Only the documents of this storyline's stories. Example: --storyline L0001")
@click.option("--about", default=None, help="Only documents matching this search. Example: --about 'depot closure'")
@click.option("--dates", type=click.IntRange(min=1), default=None,
              help="Key dates: the N most important dates (default: every dated event). Example: --dates 10")
@click.option("--sentences", type=click.IntRange(min=1), default=2, show_default=True,
              help="Sentences per key date. Example: --sentences 1")
@click.option("--from", "start", default=None, metavar="DATE",
              help="Only events dated, and documents published, on or after DATE. Example: --from 2023-03-01")
@click.option("--to", "end", default=None, metavar="DATE",
              help="Only events dated, and documents published, on or before DATE. Example: --to 2023-12-31")
@click.option("--format", "fmt", type=click.Choice(TIMELINE_FORMATS), default="table", show_default=True,
              help="table, json ({\"timeline\": [...]}, docs/export.md), csv or timelinejs (TimelineJS3). "
                   "Example: --format timelinejs -o timeline.json")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file (default stdout). Example: -o timeline.json")
@paging(100, "events")
@friendly_errors
def timeline(doc: str | None, db: str | None, story: str | None, storyline_id: str | None, about: str | None,
             dates: int | None, sentences: int, start: str | None, end: str | None, fmt: str, output: Any,
             limit: int, offset: int) -> None:
    """Dated events in date order, or (with --dates) the key dates of a story, storyline, search or corpus.

    Without --dates every dated event is listed (mixed precision); with it, the N most important dates
    (how many documents and sources refer to each), each with its best sentences and their sources.

    Example: storyline timeline --story S0001 --dates 10 --sentences 2
    """
    if fmt == "table" and dates is None and not (storyline_id or about or start or end):
        console.print(terminal.timeline_table(api.events(doc, db, story, limit, offset)))
        return
    scope = api.TimelineScope(story, storyline_id, about, doc, _day_option(start, False), _day_option(end, True))
    found = api.timeline(db, scope, dates, sentences)
    if fmt == "table":
        console.print(key_dates_table(found))
    else:
        write_timeline(found, fmt, output, title=_timeline_title(scope))


def _timeline_title(scope: api.TimelineScope) -> str:
    what = scope.story or scope.storyline or (f"“{scope.about}”" if scope.about else None) or "the corpus"
    return f"Key dates: {what}"


@main.command()
@db_option
@click.option("--kind", type=click.Choice(["claim", "denial", "admission", "promise"]), default=None,
              help="Only one kind of claim. Example: --kind denial")
@paging(100, "claims")
@friendly_errors
def claims(db: str | None, kind: str | None, limit: int, offset: int) -> None:
    """Who claims, accuses, denies, admits or promises what (oldest first).

    Example: storyline claims --kind denial
    """
    console.print(terminal.claims_table(api.claims(db, kind, limit, offset)))


@main.command()
@db_option
@paging(100, "stories")
@friendly_errors
def stories(db: str | None, limit: int, offset: int) -> None:
    """List stories with their date range, size and storyline.

    Example: storyline stories
    """
    console.print(terminal.stories_table(api.stories(db, limit, offset)))


@main.command()
@click.argument("story_id")
@db_option
@click.option("--all", "full", is_flag=True,
              help="Print every row of every section (a big story otherwise shows the first of each). Example: --all")
@click.option("--why", is_flag=True,
              help="Only why its documents (and its storyline's stories) belong together, with the spans. "
                   "Example: storyline story S0001 --why")
@friendly_errors
def story(story_id: str, db: str | None, full: bool, why: bool) -> None:
    """A story's dossier: sources, who's who, timeline, quotes (each once), claims, copied passages, discrepancies.

    Example: storyline story S0001
    """
    found = api.story(story_id, db, full=full)
    if why:
        terminal.print_why(console, found)
    else:
        terminal.print_dossier(console, found, full)


@main.command()
@click.option("--db", default=None, metavar="PATH|URL", callback=_group_db,
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


@main.command("datasette-metadata")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="metadata.json",
              show_default=True, help="Where to write the metadata. Example: -o metadata.json")
@friendly_errors
def datasette_metadata(db: str | None, output: str) -> None:
    """Write Datasette metadata for the database: table descriptions, labels for the rows facts point at
    (a quote shows its speaker's name and its document's title), facets on kind, speaker, story and date.

    Then: datasette storyline.db --metadata metadata.json

    Example: storyline datasette-metadata -o metadata.json
    """
    api.datasette_metadata(db, output)
    console.print(Text(f"wrote {printable(output)}; open the database with: datasette {printable(db or 'storyline.db')} "
                       f"--metadata {printable(output)}"))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind, and the host name requests may use besides localhost; anything but loopback "
                   "needs a token (one is generated and printed if none is given). Example: --host 0.0.0.0")
@click.option("--port", default=8000, show_default=True, help="Port to listen on. Example: --port 8080")
@click.option("--read-only", is_flag=True, help="Disable the ingest form and uploads. Example: --read-only")
@click.option("--token", envvar="STORYLINE_TOKEN", default=None,
              help="Require this token (Bearer header or ?token= once; at least 16 characters); also "
                   "$STORYLINE_TOKEN. Example: --token \"$(openssl rand -hex 16)\"")
@friendly_errors
def serve(db: str | None, host: str, port: int, read_only: bool, token: str | None) -> None:
    """Run the local web app: stories, timelines, documents, people, search, ingest.

    Example: storyline serve --port 8000   (then open http://127.0.0.1:8000)
    """
    api.serve(db, host=host, port=port, read_only=read_only, token=token)


@main.command()
@click.argument("story_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["html", "md", "pdf"]), default="html", show_default=True,
              help="html: one self-contained offline file; md: Markdown; pdf: needs storyline[pdf]. Example: --format md")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Output file (default: <story id>.<format>). Example: -o dossier.html")
@friendly_errors
def report(story_id: str, db: str | None, fmt: str, output: str | None) -> None:
    """Write a story's dossier to send to an editor: timeline chart, who's who, quotes, claims, sources.

    Example: storyline report S0001 --format html -o dossier.html
    """
    found = api.story(story_id, db, full=True)
    path = output or f"{found.story.id}.{fmt}"
    from storyline.report.dossier import render_report

    with open(path, "wb") as out:
        out.write(render_report(found, fmt))  # type: ignore[arg-type]
    console.print(Text(f"wrote {printable(path)}"))


# --- corrections: storyline fix ... -------------------------------------------------------------------------


def correction_options(func: F) -> F:
    """The options every correction takes: --note, --who and --db."""
    func = click.option("--who", default=None, help="Who makes the correction (default $STORYLINE_USER or your "
                        "login name). Example: --who 'J. Reporter'")(func)
    func = click.option("--note", default=None, help="Why: kept in the log. Example: --note 'same person, "
                        "confirmed by phone'")(func)
    return db_option(func)


def _made(correction: Any) -> None:
    from storyline.render.corrections import correction_line

    console.print(correction_line(correction))


@main.group()
def fix() -> None:
    """Correct the machine: merge, split, rename or retype identities; reject what is wrong; set a quote's
    speaker or an event's date; move a document to another story; join or split storylines.

    Each correction is logged (who, when, why) and applied at once; it survives re-annotation,
    relinking and new documents, because it is anchored on document spans and names, not internal ids.

    Example: storyline fix merge P1A2B3C4D5 P9F8E7D6C5 --note "same person"
    """


@fix.command("merge")
@click.argument("a")
@click.argument("b")
@correction_options
@friendly_errors
def fix_merge(a: str, b: str, db: str | None, note: str | None, who: str | None) -> None:
    """Identity A is identity B: A's mentions, quotes and roles join B (ids from `storyline people`).

    Example: storyline fix merge P1A2B3C4D5 P9F8E7D6C5 --note "same person"
    """
    _made(api.fix_merge(a, b, db, note, who))


def _span(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    start, sep, end = value.partition(":")
    if not sep or not start.isdigit() or not end.isdigit():
        raise click.BadParameter("give the mention's span as START:END, e.g. 120:131")
    return int(start), int(end)


@fix.command("split")
@click.argument("entity")
@click.argument("doc")
@click.option("--mention", default=None, metavar="START:END",
              help="Split only the mention at this span (else every mention in DOC). Example: --mention 120:131")
@click.option("--into", default=None, metavar="ENTITY",
              help="Give the split mentions to this identity (else one of their own). Example: --into P9F8E7D6C5")
@correction_options
@friendly_errors
def fix_split(entity: str, doc: str, mention: str | None, into: str | None, db: str | None, note: str | None,
              who: str | None) -> None:
    """The mentions of ENTITY in document DOC are someone else: split them out (they are never merged back).

    Example: storyline fix split P1A2B3C4D5 3fa2 --note "another John Smith"
    """
    _made(api.fix_split(entity, doc, db, _span(mention), into, note, who))


@fix.command("rename")
@click.argument("entity")
@click.argument("name")
@correction_options
@friendly_errors
def fix_rename(entity: str, name: str, db: str | None, note: str | None, who: str | None) -> None:
    """Show an identity under another name (the old name stays an alias).

    Example: storyline fix rename P1A2B3C4D5 "Daniel Okafor"
    """
    _made(api.fix_rename(entity, name, db, note, who))


@fix.command("type")
@click.argument("entity")
@click.argument("type_", metavar="TYPE", type=click.Choice(["person", "organisation", "place"]))
@correction_options
@friendly_errors
def fix_type(entity: str, type_: str, db: str | None, note: str | None, who: str | None) -> None:
    """An identity is a person, an organisation or a place.

    Example: storyline fix type P1A2B3C4D5 organisation
    """
    _made(api.fix_type(entity, type_, db, note, who))


def _reject_kind(ref: str) -> str:
    local = ref.rpartition(":")[2]
    kinds = {"q": "quote", "c": "claim", "v": "event"}
    return kinds[local[0]] if ":" in ref and local[:1] in kinds and local[1:].isdigit() else "entity"


@fix.command("reject")
@click.argument("ref")
@correction_options
@friendly_errors
def fix_reject(ref: str, db: str | None, note: str | None, who: str | None) -> None:
    """Remove what is wrong: an entity (not a person: never proposed again), or a quote, claim or event
    (DOC:q3, DOC:c1, DOC:v2 as `storyline show DOC` lists them). `fix log` still shows it.

    Example: storyline fix reject 3fa2:q4 --note "headline, not a quote"
    """
    _made(api.fix_reject(_reject_kind(ref), ref, db, note, who))


@fix.command("speaker")
@click.argument("quote")
@click.argument("person")
@correction_options
@friendly_errors
def fix_speaker(quote: str, person: str, db: str | None, note: str | None, who: str | None) -> None:
    """Who said QUOTE (DOC:q3): an identity, or `none` for nobody known.

    Example: storyline fix speaker 3fa2:q4 P9F8E7D6C5
    """
    _made(api.fix_speaker(quote, None if person.lower() == "none" else person, db, note, who))


@fix.command("date")
@click.argument("event")
@click.argument("value")
@click.option("--precision", type=click.Choice(["day", "month", "year", "decade", "season", "quarter", "week"]),
              default=None, help="Precision of the date (default: read from VALUE). Example: --precision month")
@correction_options
@friendly_errors
def fix_date(event: str, value: str, precision: str | None, db: str | None, note: str | None,
             who: str | None) -> None:
    """Set the date of EVENT (DOC:v2) to a TIMEX3 VALUE: 2023-03-14, 2023-03, 2023 or XXXX-03-14.

    Example: storyline fix date 3fa2:v2 2023-03 --note "the report was March, not May"
    """
    _made(api.fix_date(event, value, db, precision, note, who))


@fix.command("story")
@click.argument("doc")
@click.argument("story")
@correction_options
@friendly_errors
def fix_story(doc: str, story: str, db: str | None, note: str | None, who: str | None) -> None:
    """Move document DOC to STORY (an id from `storyline stories`), or to a story of its own with `new`.

    Example: storyline fix story 3fa2 new --note "a different inquiry"
    """
    _made(api.fix_story(doc, story, db, note, who))


@fix.group("storyline")
def fix_storyline() -> None:
    """Join two stories into one storyline, or take a story out of its storyline.

    Example: storyline fix storyline join story-3fa2 story-9b1c
    """


@fix_storyline.command("join")
@click.argument("a")
@click.argument("b")
@correction_options
@friendly_errors
def fix_storyline_join(a: str, b: str, db: str | None, note: str | None, who: str | None) -> None:
    """Stories A and B (and the storylines they are in) are one storyline.

    Example: storyline fix storyline join story-3fa2 story-9b1c
    """
    _made(api.fix_storyline_join(a, b, db, note, who))


@fix_storyline.command("split")
@click.argument("story")
@correction_options
@friendly_errors
def fix_storyline_split(story: str, db: str | None, note: str | None, who: str | None) -> None:
    """Take STORY out of its storyline.

    Example: storyline fix storyline split story-9b1c
    """
    _made(api.fix_storyline_split(story, db, note, who))


@fix.command("log")
@db_option
@friendly_errors
def fix_log(db: str | None) -> None:
    """Every correction: when, who, what, whether it still applies (orphaned: its anchor is gone), the note.

    Example: storyline fix log
    """
    from storyline.render.corrections import corrections_table

    console.print(corrections_table(api.fix_log(db)))


@fix.command("undo")
@click.argument("number", type=int)
@db_option
@friendly_errors
def fix_undo(number: int, db: str | None) -> None:
    """Undo correction NUMBER (from `fix log`): a fact gets back what the machine found at once. Undoing an
    identity or story correction (merge, split, rename, type, reject entity, story, storyline) relinks the
    whole corpus, as `link --rebuild` does: the machine's own identities and stories are not kept beside the
    corrected ones, so only linking every document again finds them (minutes on a large corpus).

    Example: storyline fix undo 3
    """
    undone = api.fix_undo(number, db)
    _made(undone)
    if undone.is_identity or undone.is_story:
        console.print(Text("relinked the whole corpus (as `storyline link --rebuild`): identities and stories "
                           "come from linking every document", style="dim"))


@main.command()
@click.argument("doc_a")
@click.argument("doc_b")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: for reading; json: every change with its spans in both documents. Example: --format json")
@friendly_errors
def diff(doc_a: str, doc_b: str, db: str | None, fmt: str) -> None:
    """What changed in the facts from DOC_A to DOC_B (two versions of an article): quotes added, removed or
    changed (words or speaker), people and organisations added or removed, dates and figures changed, claims
    added or removed, the headline; each with its spans in both documents. Re-wording alone changes nothing.

    Example: storyline diff 3fa2 9b1c --format json
    """
    found = api.diff(doc_a, doc_b, db)
    if fmt == "json":
        import json

        from storyline.versions import diff_record

        click.echo(json.dumps(diff_record(found), ensure_ascii=False, indent=1))
        return
    from storyline.render.versions import version_diff

    console.print(version_diff(found))
