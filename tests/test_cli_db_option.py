"""`storyline --db X command` reaches every command, `demo` included; `demo` really replaces its database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from sqlalchemy import make_url
from click.testing import CliRunner

from storyline.cli import main
from storyline.demo import load
from storyline.store import Store

from .builders import filled_store
from .conftest import drop_postgres_schema, postgres_schema_url

DEMO_FILES = ("2024-09-13-echo-councillors-misled-over-overspend.txt", "2025-06-03-ledger-lakeshore-settlement.md",
              "2023-03-15-gazette-mayor-hails-turnaround.html")


@pytest.fixture
def small_demo(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Three files of the demo corpus: what is tested is where the demo goes, not what it finds."""
    files = [str(load.demo_corpus_path() / name) for name in DEMO_FILES]
    monkeypatch.setattr(load, "demo_files", lambda: files)
    return files


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _leaves(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command that runs (``fix storyline join``), not the groups that hold them."""
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        found += _leaves(command, (*path, name)) if isinstance(command, click.Group) else [(*path, name)]
    return found


@pytest.mark.parametrize("path", _leaves(main), ids=" ".join)
def test_cli_every_command_takes_the_group_db(path: tuple[str, ...]) -> None:
    """Each command reads the database given before it, unless it is given its own."""
    with click.Context(main, obj={"db": "group.db"}) as root:
        ctx, group = root, main
        for name in path:
            command = group.commands[name]
            ctx = click.Context(command, parent=ctx)
            group = command  # type: ignore[assignment]
        (option,) = [p for p in command.params if isinstance(p, click.Option) and p.name == "db"]
        assert option.process_value(ctx, None) == "group.db"
        assert option.process_value(ctx, "own.db") == "own.db"


def test_cli_group_db_does_not_leak_into_the_environment(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    Store(db).close()
    before = os.environ.get("STORYLINE_DB")
    _invoke("--db", db, "docs")
    assert os.environ.get("STORYLINE_DB") == before


def test_cli_demo_goes_to_the_group_db_and_is_replaced(tmp_path: Path, small_demo: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "mine.db")
    monkeypatch.chdir(tmp_path)
    first = _invoke("--db", db, "demo", "-q")
    second = _invoke("--db", db, "demo", "-q")
    assert not (tmp_path / "storyline-demo.db").exists()
    assert "added 3 documents" in first and "added 3 documents" in second
    with Store(db) as store:
        assert store.count_documents() == 3


def test_cli_demo_refuses_to_replace_another_corpus(tmp_path: Path, small_demo: list[str]) -> None:
    db = str(tmp_path / "newsroom.db")
    corpus = Store(db)
    for doc, ann in filled_store().iter_annotated():
        corpus.add_document(doc, ann)
    count = corpus.count_documents()
    corpus.close()
    result = CliRunner().invoke(main, ["--db", db, "demo", "-q"])
    assert result.exit_code == 2 and "not the demo corpus" in result.output
    with Store(db) as store:
        assert store.count_documents() == count
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database")
    assert CliRunner().invoke(main, ["demo", "--db", str(text_file), "-q"]).exit_code == 2
    assert text_file.read_text() == "not a database"


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    url = postgres_schema_url("demo")
    yield url
    drop_postgres_schema(url)


@pytest.mark.postgres
def test_cli_demo_on_postgresql_is_replaced(pg_schema_url: str, small_demo: list[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    first = _invoke("--db", pg_schema_url, "demo", "-q")
    second = _invoke("--db", pg_schema_url, "demo")
    password = make_url(pg_schema_url).password
    assert password and f":{password}@" not in second  # the URL is printed without its password
    said = " ".join(second.split())
    assert "The demo database is " in said and "storyline --db URL stories" in said
    assert not (tmp_path / "storyline-demo.db").exists()
    assert "added 3 documents" in first and "added 3 documents" in second
    with Store(pg_schema_url) as store:
        assert store.count_documents() == 3 and store.search("overspend")
