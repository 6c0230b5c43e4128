"""What the CLI prints about bad inputs: one unwrapped line per problem, file names that cannot act on the
terminal, and `storyline errors` with each source once (latest problem, how often it failed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.render.printable import printable
from storyline.store import Store

ESC_NAME = "report\x1b]8;;https:evil.example\x07click me\x1b]8;;\x07\x1b[2J.txt"  # OSC link and clear screen
MARKUP_NAME = "notes [bold]draft[red] v2.txt"
NOTE = "Bin collections move to Fridays from 3 June, the council said on Tuesday.\n"


def _ingest(db: str, *sources: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["ingest", *sources, "--db", db, "-q", "--no-link"])
    return result.exit_code, result.stdout, result.stderr


def _inbox(inbox: Path) -> Path:
    inbox.mkdir(parents=True)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "broken.json").write_text('{"title": "Budget", "text": "unterminated', encoding="utf-8")
    (inbox / ESC_NAME).write_bytes(b"")
    (inbox / MARKUP_NAME).write_text(NOTE, encoding="utf-8")
    return inbox


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bad inputs in ./inbox: short relative source names, so the tables show them whole."""
    monkeypatch.chdir(tmp_path)
    _inbox(tmp_path / "inbox")
    return Path("inbox")


def test_cli_problems_one_line_each_when_not_a_terminal(tmp_path: Path) -> None:
    folder = _inbox(tmp_path / ("a-long-folder-name-for-the-council-budget-papers-" * 2) / "inbox")
    code, _, err = _ingest(str(tmp_path / "c.db"), str(folder))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 3, err  # empty.txt, broken.json, the ESC file (which is empty too)
    assert all(line.startswith("skipped ") and len(line) > 80 for line in lines)
    assert any("broken.json: invalid JSON at line 1" in line and "fix the JSON syntax" in line for line in lines)


def test_cli_control_characters_in_file_names_are_escaped(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    (folder / "good\x1b[31m.txt").write_text("The pier reopened on Saturday after repairs.\n", encoding="utf-8")
    _, out, err = _ingest(db, str(folder))
    printed = [err]
    for command in (["errors"], ["docs"]):
        printed.append(CliRunner().invoke(main, [*command, "--db", db], env={"COLUMNS": "300"}).output)
    with Store(db) as store:
        doc_id = next(d.id for d in store.list_documents() if "pier" in (d.title or "").lower())
    printed.append(CliRunner().invoke(main, ["show", doc_id, "--db", db], env={"COLUMNS": "300"}).output)
    for output in printed:
        assert "\x1b" not in output and "\x07" not in output
    assert "report\\x1b]8;;https:evil.example\\x07click me" in printed[0] + printed[1]
    assert "good\\x1b[31m.txt" in printed[3]


def test_cli_markup_in_file_names_is_shown_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    monkeypatch.chdir(tmp_path)
    Path(MARKUP_NAME).write_text(NOTE, encoding="utf-8")
    _ingest(db, MARKUP_NAME)
    result = CliRunner().invoke(main, ["docs", "--db", db], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert MARKUP_NAME in result.output


def test_cli_errors_show_each_source_once(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    for _ in range(2):
        _ingest(db, str(folder))
    with Store(db) as store:
        errors = store.errors()
    assert len(errors) == 3 and {e.failures for e in errors} == {2}
    (folder / "broken.json").write_text('{"title": "Budget", "text": "The budget passed by one vote."}', "utf-8")
    _ingest(db, str(folder))
    with Store(db) as store:
        errors, everything = store.errors(), store.errors(include_resolved=True)
    assert len(errors) == 2 and {e.failures for e in errors} == {3}
    assert not any(e.source.endswith("broken.json") for e in errors)
    assert any(e.source.endswith("broken.json") and e.failures == 2 for e in everything)
    table = CliRunner().invoke(main, ["errors", "--db", db], env={"COLUMNS": "250"}).output
    assert "2 sources failed to ingest" in table
    assert len(re.findall(r"│ \d{4}-\d\d-\d\dT", table)) == 2  # one row per source (its last failure first)


def test_printable_escapes_controls_and_bidi_overrides() -> None:
    assert printable("a\x1b[2Jb\x9b\u202eexe.txt\n") == "a\\x1b[2Jb\\x9b\\u202eexe.txt\\n"
    assert printable("line one\nline\ttwo\x1b", keep="\n\t") == "line one\nline\ttwo\\x1b"
    assert printable(printable("\x07")) == "\\x07"


def test_cli_problem_output_annotate_reports_a_failing_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`storyline annotate` ended in a traceback at the first document the pipeline failed on."""
    from storyline.annotate.pipeline import Pipeline
    from storyline.model import Annotations, Document

    class FailsOnFridays(Pipeline):
        def __call__(self, doc: Document) -> Annotations:
            if "Fridays" in doc.text:
                raise KeyError("a language rule's bug")
            return super().__call__(doc)

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "bins.txt").write_text(NOTE, encoding="utf-8")
    (inbox / "depot.txt").write_text("The depot closes on 3 May, Councillor Ada Obi said.\n", encoding="utf-8")
    db = str(tmp_path / "annotate.db")
    assert _ingest(db, str(inbox))[0] == 0
    monkeypatch.setattr("storyline.annotate.pipeline.make_pipeline", lambda model=None: FailsOnFridays())
    result = CliRunner().invoke(main, ["annotate", "--db", db, "--no-link"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "annotated 1 documents, 1 failed" in result.stdout
    assert re.search(r"skipped \w+ \(.*bins\.txt\): not re-annotated \(KeyError", result.stderr)
