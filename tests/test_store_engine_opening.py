"""Opening a database that is not a usable storyline store: the user is told which and what to do, and nothing
is created or written (a read command never makes an empty corpus, another program's file is left alone)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import api
from storyline.cli import main
from storyline.store import Store, StoreError


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


def test_store_engine_opening_read_commands_do_not_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in (["stories"], ["docs"], ["people"], ["export", "--format", "json"], ["story", "story-x"]):
        result = CliRunner().invoke(main, ["--db", str(missing), *command])
        assert result.exit_code == 2, command
        assert f"no database at {missing}" in result.output and "ingest" in result.output
    with pytest.raises(StoreError):
        api.docs(str(missing))
    assert not missing.exists()


def test_store_engine_opening_writing_creates_it(tmp_path: Path) -> None:
    Store(str(tmp_path / "new.db")).close()
    assert "documents" in _tables(tmp_path / "new.db")


def test_store_engine_opening_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "corpus.db"
    with pytest.raises(StoreError, match="the folder .* does not exist"):
        Store(str(target))
    note = tmp_path / "note.txt"
    note.write_text("Councillor Ada Obi said the depot would close on Friday.", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(target), "ingest", str(note)])
    assert result.exit_code == 2 and "does not exist" in result.output and "Traceback" not in result.output


def test_store_engine_opening_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "crm.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE documents (ref INTEGER, body TEXT)")
        conn.execute("CREATE TABLE contacts (name TEXT)")
    for command in (["docs"], ["ingest", str(other)]):
        result = CliRunner().invoke(main, ["--db", str(other), *command])
        assert result.exit_code == 2, result.output
        assert "is not a storyline database" in result.output and "contacts, documents" in result.output
    assert _tables(other) == ["contacts", "documents"]


@pytest.mark.parametrize("content", [b"not a database, just notes\n" * 40, b"\x00\xff" * 2048])
def test_store_engine_opening_a_file_that_is_not_a_database(tmp_path: Path, content: bytes) -> None:
    notes = tmp_path / "notes.db"
    notes.write_bytes(content)
    result = CliRunner().invoke(main, ["--db", str(notes), "stories"])
    assert result.exit_code == 2 and "is not a SQLite database" in result.output
    assert notes.read_bytes() == content


def test_store_engine_opening_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path), "stories"])
    assert result.exit_code == 2 and "is a folder, not a database" in result.output


def test_store_engine_opening_unreachable_server_hides_the_password() -> None:
    url = "postgresql+psycopg://reporter:s3cret-pw@127.0.0.1:1/newsroom"
    pytest.importorskip("psycopg")
    result = CliRunner().invoke(main, ["--db", url, "stories"])
    assert result.exit_code == 2 and "cannot open the database" in result.output
    assert "s3cret-pw" not in result.output and "reporter:***@127.0.0.1:1" in result.output


def test_store_engine_opening_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    Store(str(path)).close()
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"  # as a file the user may not write to
    assert CliRunner().invoke(main, ["--db", read_only, "stories"]).exit_code == 0
    note = tmp_path / "note.txt"
    note.write_text("Depot to close\n\nCouncillor Ada Obi said the depot would close in March.", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", read_only, "ingest", "--no-link", str(note)])
    assert result.exit_code == 2 and "readonly database" in result.output and "writable" in result.output


def test_store_engine_opening_demo_into_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path), "demo", "-q"])
    assert result.exit_code == 2 and "is a folder, not a database" in result.output
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "no" / "demo.db"), "demo", "-q"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_store_engine_opening_read_only_server_needs_a_database(tmp_path: Path) -> None:
    from storyline.web.app import create_app

    with pytest.raises(StoreError, match="no database at"):
        create_app(str(tmp_path / "typo.db"), read_only=True)
    assert not (tmp_path / "typo.db").exists()
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "typo.db"), "serve", "--read-only", "--port", "0"])
    assert result.exit_code == 2 and "no database at" in result.output


def test_store_engine_opening_datasette_metadata_needs_the_database(tmp_path: Path) -> None:
    out = tmp_path / "metadata.json"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "typo.db"), "datasette-metadata", "-o", str(out)])
    assert result.exit_code == 2 and "no database at" in result.output and not out.exists()


def test_store_engine_opening_postgresql_without_its_driver_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain `pip install storyline` has no PostgreSQL driver: the command said only "No module named
    'psycopg'"; it now names the extra to install (and never the URL's password)."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # not installed
    url = "postgresql+psycopg://reporter:s3cret-pw@127.0.0.1:1/newsroom"
    result = CliRunner().invoke(main, ["--db", url, "stories"])
    assert result.exit_code == 2, result.output
    assert "pip install 'storyline[postgres]'" in result.output and "s3cret-pw" not in result.output
