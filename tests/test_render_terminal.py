"""Terminal summaries read as English: counts agree with their nouns; untrusted text is shown as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import api
from storyline.cli import app, main
from storyline.ingest.batch import IngestReport
from storyline.render.terminal import ingest_summary, plural


def test_plural_agrees_with_the_count() -> None:
    assert plural(1, "story", "stories") == "1 story"
    assert plural(2, "story", "stories") == "2 stories"
    assert plural(0, "problem") == "0 problems"
    assert plural(1, "copied passage") == "1 copied passage"


def test_ingest_summary_counts_versions_and_problems_in_words() -> None:
    report = IngestReport(added=["a"], already_present=1, versions=1)
    assert ingest_summary(report).plain == (
        "added 1 document, 1 already present, 1 new version of earlier URLs, 0 problems"
    )
    report = IngestReport(added=["a", "b"], versions=2)
    assert ingest_summary(report).plain == "added 2 documents, 2 new versions of earlier URLs, 0 problems"


# An article whose title and text hold rich console markup, emoji codes and a bidi override: every table and
# dossier shows them as the words they are (a stray closing tag such as "[/bold]" stopped the command with
# rich's MarkupError), and no bidi control reaches the terminal raw.
_MARKUP_TITLE = "Budget row [/bold] deepens [bold red]now[/bold red] :thumbs_up:"
_MARKUP_TEXT = (
    "Mary Okafor, leader of Dunmore Council [/bold], said on 3 March 2024 the budget was wrong [/dim]. "
    "\"We will not accept [bold red]this[/bold red] plan,\" said Mary Okafor.\n\n"
    "Opposition leader John Smith accused Mary Okafor of hiding the [/red] figures. "
    "Mary Okafor denied hiding the [/] figures.\n\n"
    "The council will meet on 14 March 2024 to discuss the \u202ebudget\u202c :thumbs_up:."
)


def _markup_corpus(tmp_path: Path) -> str:
    folder = tmp_path / "coverage"
    folder.mkdir()
    for name, day, extra in (("a", "2024-03-05", ""), ("b", "2024-03-06", " More.")):
        article = {"title": _MARKUP_TITLE, "text": _MARKUP_TEXT + extra, "date": day,
                   "url": "http://example.org/budget-row"}
        (folder / f"{name}.json").write_text(json.dumps(article), encoding="utf-8")
    db = str(tmp_path / "markup.db")
    api.ingest([str(folder)], db=db)
    return db


def test_terminal_tables_show_rich_markup_and_emoji_codes_as_text(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app.console, "width", 400)  # no cell wraps, so each string can be looked for whole
    db = _markup_corpus(tmp_path)
    story = api.stories(db).items[0].id
    commands = [["stories"], ["search", "budget"], ["people"], ["claims"], ["quotes"], ["timeline"],
                ["story", story], ["story", story, "--all"], ["story", story, "--why"],
                ["timeline", "--dates", "3"], ["timeline", "--story", story, "--dates", "3"]]
    shown = {}
    for args in commands:
        result = CliRunner().invoke(main, [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output, result.exception)
        assert "\u202e" not in result.output and "\u202c" not in result.output, args
        assert "👍" not in result.output, args
        shown[" ".join(args).replace(story, "ID")] = result.output
    for name in ("stories", "story ID", "story ID --all", "story ID --why"):
        assert "[/bold] deepens [bold red]now[/bold red] :thumbs_up:" in shown[name], name
    assert "Budget row [/bold] deepens [bold red]no…" in shown["search budget"]
    assert "Dunmore Council [/bold], said" in shown["search budget"]
    assert "hiding the [/red] figures" in shown["claims"]
    assert "accept [bold red]this[/bold red] plan" in shown["quotes"]
    assert "budget was wrong [/dim]" in shown["timeline --dates 3"]
    assert "discuss the \\u202ebudget\\u202c :thumbs_up:" in shown["timeline --dates 3"]
