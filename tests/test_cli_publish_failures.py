"""`report` and `serve` arguments that cannot work fail cleanly: a report that cannot be rendered leaves the
file named by -o as it was (no empty dossier over an earlier one), and a port out of range is a usage error."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import api
from storyline.cli import main

from .test_web_corpus import STORY_2024, corpus_store


def test_cli_publish_failed_pdf_report_keeps_the_earlier_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "corpus.db")
    corpus_store(db).close()
    earlier = tmp_path / "dossier.pdf"
    earlier.write_bytes(b"%PDF-1.4 the dossier sent on Monday")
    monkeypatch.setitem(sys.modules, "reportlab", None)  # the pdf extra is not installed
    result = CliRunner().invoke(main, ["--db", db, "report", STORY_2024, "--format", "pdf", "-o", str(earlier)])
    assert result.exit_code == 2 and "storyline[pdf]" in result.output
    assert earlier.read_bytes() == b"%PDF-1.4 the dossier sent on Monday"
    fresh = tmp_path / "new.pdf"
    CliRunner().invoke(main, ["--db", db, "report", STORY_2024, "--format", "pdf", "-o", str(fresh)])
    assert not fresh.exists()


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_cli_publish_serve_port_out_of_range(tmp_path: Path, port: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "c.db"), "serve", "--port", port])
    assert result.exit_code == 2 and "Invalid value for '--port'" in result.output


def test_cli_publish_datasette_hint_opens_the_database_that_was_described(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The line after `datasette-metadata` is a command to paste: the database $STORYLINE_DB names (it said
    storyline.db), its path quoted for the shell (a space split it in two)."""
    db = tmp_path / "my corpus.v2.db"
    corpus_store(str(db)).close()
    out = tmp_path / "metadata.json"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STORYLINE_DB", str(db))
    result = CliRunner().invoke(main, ["datasette-metadata", "-o", str(out)])
    assert result.exit_code == 0, result.output
    command = " ".join(result.output.split()).partition("open the database with: ")[2]
    assert shlex.split(command) == ["datasette", str(db), "--metadata", str(out)]


def test_cli_publish_datasette_hint_for_postgresql_says_datasette_reads_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Datasette opens SQLite files only: the hint never tells the user to run it on a PostgreSQL URL, nor
    prints the URL's password."""
    url = "postgresql+psycopg://reporter:s3cret-pw@db.example/news"
    monkeypatch.setattr(api, "datasette_metadata", lambda db, output: {})
    result = CliRunner().invoke(main, ["--db", url, "datasette-metadata", "-o", "metadata.json"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "s3cret-pw" not in shown and "datasette postgresql" not in shown
    assert "Datasette opens SQLite files only" in shown
