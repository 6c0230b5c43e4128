"""``storyline timeline``: dated events, or the key dates of a story, storyline, search or corpus."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from storyline import api, timex3
from storyline.cli.app import console, db_option, friendly_errors, main, paging
from storyline.render import terminal
from storyline.render.keydates import key_dates_table
from storyline.timeline_export import FORMATS as TIMELINE_FORMATS
from storyline.timeline_export import write_timeline


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
    if fmt == "table" and getattr(output, "name", "-") not in ("-", "<stdout>"):
        raise click.UsageError("-o writes a file in --format json, csv or timelinejs (the table is for the "
                               "terminal): add e.g. --format json")
    if fmt == "table" and dates is None and not (storyline_id or about or start or end):
        if click.get_current_context().get_parameter_source("sentences") == click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--sentences sets the sentences of each key date: add --dates N (e.g. --dates 10 "
                                   "--sentences 1); without it every dated event is listed, one line each")
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
