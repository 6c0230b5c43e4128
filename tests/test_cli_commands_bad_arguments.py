"""Arguments a user gets wrong are refused with a message that says what to do, and outputs asked for with -o
exist afterwards (hand-built store, no pipeline)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

from .builders import filled_store


def _db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    filled_store(path).close()
    return path


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_cli_commands_annotate_unknown_document(tmp_path: Path) -> None:
    db = _db(tmp_path)
    code, output = _invoke("--db", db, "annotate", "zzzz", "--no-link")
    assert code == 2 and "no document 'zzzz'" in output and "storyline docs" in output


def test_cli_commands_diff_names_the_missing_document(tmp_path: Path) -> None:
    db = _db(tmp_path)
    first = _invoke("--db", db, "docs")[1].split("│")[1].strip()  # the first id shown
    for args in ((first, "zzzz"), ("zzzz", first)):
        code, output = _invoke("--db", db, "diff", *args)
        assert code == 2 and "no document 'zzzz'" in output and repr(first) not in output


def test_cli_commands_search_limit_must_be_positive(tmp_path: Path) -> None:
    code, output = _invoke("--db", _db(tmp_path), "search", "mayor", "--limit", "-1")
    assert code == 2 and "--limit" in output


def test_cli_commands_offset_past_the_end_says_so(tmp_path: Path) -> None:
    code, output = _invoke("--db", _db(tmp_path), "people", "--offset", "500")
    assert code == 0 and "no people past --offset 500" in output and "501-500" not in output


def test_cli_commands_export_of_an_empty_list_writes_its_file(tmp_path: Path) -> None:
    out = tmp_path / "corrections.csv"
    code, _ = _invoke("--db", _db(tmp_path), "export", "--format", "csv", "--table", "corrections", "-o", str(out))
    assert code == 0 and out.exists()


def test_cli_commands_timeline_table_with_output_file_asks_for_a_format(tmp_path: Path) -> None:
    out = tmp_path / "timeline.json"
    code, output = _invoke("--db", _db(tmp_path), "timeline", "--dates", "3", "-o", str(out))
    assert code == 2 and "--format json" in output and not out.exists()


@pytest.mark.parametrize(("command", "option", "value"), [
    ("ingest", "--max-bytes", "0"), ("ingest", "--max-bytes", "-5"), ("ingest", "--jobs", "-2"),
    ("ingest", "--max-pages", "0"), ("ingest", "--ocr-timeout", "-1"), ("spark", "--max-bytes", "0"),
    ("spark", "--partitions", "0"), ("ingest", "--max-bytes", "99999999999999999999"),
    ("spark", "--max-bytes", "99999999999999999999"),
])
def test_cli_commands_limits_must_be_positive_and_bounded(tmp_path: Path, command: str, option: str, value: str) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Councillor Ada Obi said the depot would close on Friday.", encoding="utf-8")
    db = tmp_path / "new.db"
    code, output = _invoke("--db", str(db), command, option, value, str(note))
    assert code == 2 and f"Invalid value for '{option}'" in output and not db.exists()


def test_cli_commands_timeline_sentences_without_dates_is_refused(tmp_path: Path) -> None:
    """ "--sentences" alone used to be ignored silently: the event list has no sentences to set."""
    db = _db(tmp_path)
    code, output = _invoke("--db", db, "timeline", "--sentences", "1")
    assert code == 2 and "add --dates N" in output
    assert _invoke("--db", db, "timeline", "--dates", "2", "--sentences", "1")[0] == 0


@pytest.mark.parametrize("command", ["docs", "stories", "people", "quotes", "claims", "timeline"])
@pytest.mark.parametrize("option", ["--limit", "--offset"])
def test_cli_commands_huge_limit_or_offset_is_refused(tmp_path: Path, command: str, option: str) -> None:
    """A limit or offset past 2**63 ended in OverflowError's traceback from the database driver."""
    code, output = _invoke("--db", _db(tmp_path), command, option, "99999999999999999999")
    assert code == 2 and f"Invalid value for '{option}'" in output



@pytest.mark.parametrize("span", ["99999999999999999999:99999999999999999999", "9223372036854775807:9223372036854775808"])
def test_cli_commands_fix_split_mention_past_any_document(tmp_path: Path, span: str) -> None:
    """A mention span past 2**63 ended in OverflowError's traceback from the database driver."""
    code, output = _invoke("--db", _db(tmp_path), "fix", "split", "P1", "d1", "--mention", span)
    assert code == 2 and "no mention of Priya Shah at" in output


@pytest.mark.parametrize("args", [("show", "d"), ("timeline", "d"), ("diff", "d", "d1"), ("story", "S"),
                                  ("report", "S"), ("fix", "story", "d", "new")])
def test_cli_commands_short_or_shared_prefix_says_how_prefixes_work(tmp_path: Path, args: tuple[str, ...]) -> None:
    """'d' starts two ids (d1, d2): the message said only "no document 'd'", as for an id nobody has."""
    code, output = _invoke("--db", _db(tmp_path), *args)
    assert code == 2 and "4 or more characters" in output and "start that id only" in output
