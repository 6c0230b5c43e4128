"""`report` and `serve` arguments that cannot work fail cleanly: a report that cannot be rendered leaves the
file named by -o as it was (no empty dossier over an earlier one), and a port out of range is a usage error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

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
