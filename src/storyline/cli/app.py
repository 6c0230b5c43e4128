"""The ``storyline`` command group and what its commands share: the consoles, --db, paging, error lines."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text
from sqlalchemy.exc import OperationalError

from storyline.ingest.problems import Problem
from storyline.render.printable import printable
from storyline.views.base import MOST_ROWS

F = TypeVar("F", bound=Callable[..., Any])
# Piped output (not a terminal) gets a readable width instead of rich's 80 columns; $COLUMNS wins.
_PIPED_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120
console = Console(width=_PIPED_WIDTH, markup=False, emoji=False)  # text from documents is never markup
err_console = Console(stderr=True, markup=False, emoji=False)


def group_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A command's own --db, else the one given before the command (``storyline --db X cmd``)."""
    return value or (ctx.find_root().obj or {}).get("db")


def db_option(func: F) -> F:
    """The shared --db option: the command's own, else the group's, else $STORYLINE_DB, else ./storyline.db."""
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        callback=group_db,
        help="Database file or SQLAlchemy URL (default ./storyline.db, or $STORYLINE_DB). "
        "Example: --db corpus.db or --db postgresql+psycopg://user@localhost/storyline",
    )(func)


def paging(default: int, noun: str) -> Callable[[F], F]:
    """The shared --limit and --offset options of list commands."""

    def decorate(func: F) -> F:
        func = click.option("--offset", default=0, show_default=True, type=click.IntRange(0, MOST_ROWS),
                            help=f"Skip the first N {noun} (page through them). Example: --offset {default}")(func)
        return click.option("--limit", default=default, show_default=True, type=click.IntRange(1, MOST_ROWS),
                            help=f"Show at most N {noun}. Example: --limit 20")(func)

    return decorate


def print_problems(problems: list[Problem]) -> None:
    """Each problem on one line of stderr, never wrapped (logs and pipes read them line by line)."""
    for problem in problems:
        err_console.print(Text.assemble(("skipped", "yellow"), " ", problem.message), soft_wrap=True, highlight=False)


def _print_error(message: str) -> None:
    err_console.print(Text.assemble(("error:", "red"), " ", printable(message)), soft_wrap=True, highlight=False)
    sys.exit(2)


def friendly_errors(func: F) -> F:
    """Turn library errors into one clear line and exit status 2 instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ValueError, RuntimeError, OSError, ImportError) as exc:
            _print_error(str(exc))
        except OperationalError as exc:  # the database's own refusal: read-only, locked, disk full, server gone
            reason = str(exc.orig or exc).strip().splitlines()[0]
            _print_error(f"the database refused the operation ({reason}): check that it is writable by you, that "
                         "the disk has room and that the database server is up, then run the command again")

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
