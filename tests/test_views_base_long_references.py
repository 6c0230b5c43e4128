"""A reference or filter far longer than any id or name (a pasted article, a fuzzer) finds nothing, said as
for any unknown id, instead of SQLite's "LIKE or GLOB pattern too complex" traceback or a 500 page."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline.cli import main
from storyline.web.app import create_app

from .test_web_corpus import corpus_store

LONG = "Hargreaves " * 6_000  # 66,000 characters: over SQLite's 50,000-byte LIKE pattern limit
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("long") / "corpus.db")
    corpus_store(path).close()
    return path


@pytest.mark.parametrize("command", [["show", LONG], ["story", LONG], ["timeline", LONG], ["diff", LONG, LONG],
                                     ["fix", "merge", LONG, LONG], ["fix", "rename", LONG, "Alan"]])
def test_views_base_long_reference_is_not_found(db: str, command: list[str]) -> None:
    result = CliRunner().invoke(main, ["--db", db, *command])
    assert result.exit_code == 2 and result.output.startswith("error: no "), result.output[:300]


def test_views_base_long_filter_matches_nothing(db: str) -> None:
    result = CliRunner().invoke(main, ["--db", db, "quotes", "--speaker", LONG])
    assert result.exit_code == 0 and "0 quotes" in result.output


def test_views_base_long_values_in_the_web_app(db: str) -> None:
    client = TestClient(create_app(db), base_url=BASE)
    for url in ("/stories?person=" + "x" * 60_000, "/stories?source=" + "x" * 60_000, "/api/quotes?speaker=" + "x" * 60_000):
        assert client.get(url).status_code == 200, url
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text)
    assert token
    response = client.post("/fix/merge", data={"a": LONG, "b": LONG, "csrf_token": token.group(1)},
                           headers={"Origin": BASE})
    assert response.status_code == 400 and "no person or organisation" in response.text


def test_views_base_prefix_underscore_is_literal(db: str) -> None:
    from storyline.store import Store

    with Store(db) as store:
        first = store.iter_documents().__next__().id
        assert store.get_document(first[:6]) is not None
        assert store.get_document(first[:5] + "_") is None  # "_" is not a wildcard
