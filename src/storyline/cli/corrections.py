"""``storyline fix ...``: corrections of what the machine got wrong, logged and undoable."""

from __future__ import annotations

from typing import Any

import click
from rich.text import Text

from storyline import api
from storyline.cli.app import F, console, db_option, friendly_errors, main


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
    if not sep or not start.isdecimal() or not end.isdecimal():
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
