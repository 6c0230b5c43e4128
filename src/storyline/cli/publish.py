"""Commands that publish the corpus: the local web app, a story's report, Datasette metadata."""

from __future__ import annotations

import shlex

import click
from rich.text import Text

from storyline import api
from storyline.cli.app import console, db_option, friendly_errors, main
from storyline.render.printable import printable
from storyline.store.engine import resolve_db


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind, and the host name requests may use besides localhost; anything but loopback "
                   "needs a token (one is generated and printed if none is given). Example: --host 0.0.0.0")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on. Example: --port 8080")
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

    body = render_report(found, fmt)  # type: ignore[arg-type]
    with open(path, "wb") as out:  # only once rendered: a failed report leaves an earlier file as it was
        out.write(body)
    console.print(Text(f"wrote {printable(path)}"))


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
    console.print(Text(printable(f"wrote {output}; {_datasette_hint(resolve_db(db), output)}")))


def _datasette_hint(db: str, output: str) -> str:
    """What to run next: Datasette on the database just described (shell-quoted), or, for a server's URL,
    that Datasette cannot open it."""
    if "://" in db:
        return "Datasette opens SQLite files only, not a database server: browse this one with storyline serve"
    return f"open the database with: datasette {shlex.quote(db)} --metadata {shlex.quote(output)}"
