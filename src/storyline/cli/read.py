"""Commands that read the corpus: documents, search, people, quotes, claims, stories, diff, export."""

from __future__ import annotations

from typing import Any

import click

from storyline import api
from storyline.cli.app import console, db_option, friendly_errors, main, paging
from storyline.export import FORMATS, LISTS
from storyline.render import terminal


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
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="Number of results. Example: --limit 5")
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
    output.write("")  # -o FILE is opened on first write: an empty list still leaves its (empty) file
