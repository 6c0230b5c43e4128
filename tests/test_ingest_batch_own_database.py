"""`storyline ingest .` in the folder that holds ./storyline.db (the default database) does not read the
database, its -wal or its -shm as documents: no three "binary data" problems and exit status 1 on every run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main


def test_ingest_batch_folder_holding_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "depot.txt").write_text("Depot to close\n\nCouncillor Ada Obi said on Monday that the Harbour "
                                        "Road depot would close in March.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    for _ in range(2):
        result = CliRunner().invoke(main, ["ingest", "--no-link", "."])
        assert result.exit_code == 0, result.output
        assert "storyline.db" not in result.output and "0 problems" in result.output
    assert (tmp_path / "storyline.db").exists()


def test_ingest_batch_other_databases_are_still_inputs(tmp_path: Path) -> None:
    other = tmp_path / "inputs" / "notes.db"
    other.parent.mkdir()
    other.write_bytes(b"SQLite format 3\x00" + os.urandom(256))
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "corpus.db"), "ingest", "--no-link", str(other.parent)])
    assert result.exit_code == 1 and "notes.db: the content is binary" in result.output
