"""The read commands render what the store holds (hand-built store, no pipeline)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from storyline.cli import main

from .builders import filled_store


def _db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    store = filled_store(path)
    store.record_error("broken.pdf", "malformed-pdf", "broken.pdf: not a readable PDF; re-export it")
    store.close()
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_commands_docs_show_search(tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert "Mayor rejects" in _run("docs", "--db", db)
    assert "Grace Hughes" in _run("show", "d1", "--db", db)
    assert "d1" in _run("search", "scrutiny", "--db", db)


def test_cli_commands_errors_lists_failures(tmp_path: Path) -> None:
    out = _run("errors", "--db", _db(tmp_path))
    assert "broken.pdf" in out and "malformed-pdf" in out


def test_cli_commands_people_quotes_timeline_claims(tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert "Grace Hughes" in _run("people", "--db", db)
    assert "That is simply untrue" in _run("quotes", "--speaker", "Hughes", "--db", db)
    assert "14 Mar 2023" in _run("timeline", "--db", db)
    assert "Priya Shah" in _run("claims", "--db", db)


def test_cli_commands_stories_and_dossier(tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert "S1" in _run("stories", "--db", db)
    out = _run("story", "S1", "--db", db)
    assert "Who's who" in out and "Grace Hughes" in out and "claim-denial" in out
    assert "source 1, paragraph 2" in out and "Copied from" in out


def test_cli_commands_page_with_limit_and_offset(tmp_path: Path) -> None:
    db = _db(tmp_path)
    first = _run("people", "--limit", "1", "--db", db)
    assert "1 of 2 people" in first and "Grace Hughes" in first and "Priya Shah" not in first
    assert "Priya Shah" in _run("people", "--limit", "1", "--offset", "1", "--db", db)


def test_cli_commands_report_and_export(tmp_path: Path) -> None:
    db = _db(tmp_path)
    target = tmp_path / "dossier.md"
    assert "wrote" in _run("report", "S1", "--format", "md", "-o", str(target), "--db", db)
    assert target.read_text(encoding="utf-8").startswith("# Mayor rejects claim")
    exported = tmp_path / "corpus.jsonl"
    _run("export", "--format", "jsonl", "-o", str(exported), "--db", db)
    assert '"type": "quotes"' in exported.read_text(encoding="utf-8")


def test_cli_commands_story_why_shows_what_its_documents_share_and_where(tmp_path: Path) -> None:
    out = _run("story", "S1", "--why", "--db", _db(tmp_path))
    assert "Why these 2 documents belong together" in out and "Who's who" not in out
    assert "Grace Hughes" in out and "d1:" in out and "d2:" in out  # where each document says it
    assert "storyline L1" in out and "2023 (inferred from the text)" in out


def test_cli_commands_unknown_ids_say_what_to_do(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = CliRunner().invoke(main, ["show", "zzzz", "--db", db])
    assert result.exit_code != 0 and "storyline docs" in result.output
    result = CliRunner().invoke(main, ["story", "nope", "--db", db])
    assert result.exit_code != 0 and "storyline stories" in result.output
