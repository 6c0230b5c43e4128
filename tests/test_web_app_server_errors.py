"""A page that fails unexpectedly answers with the app's own error page: no traceback or server path in it,
and the same security headers as every response (Starlette's bare 500 had none)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline import views
from storyline.web.app import create_app

from .test_web_corpus import corpus_store


def _failing(*_: object, **__: object) -> None:
    raise RuntimeError(f"boom in {Path(__file__).resolve()}")


@pytest.mark.parametrize(("url", "kind"), [("/documents", "text/html"), ("/api/documents", "application/json")])
def test_web_app_unexpected_failure_is_a_safe_error_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          url: str, kind: str) -> None:
    db = str(tmp_path / "corpus.db")
    corpus_store(db).close()
    monkeypatch.setattr(views, "documents", _failing)
    client = TestClient(create_app(db), base_url="http://127.0.0.1:8000", raise_server_exceptions=False)
    response = client.get(url)
    assert response.status_code == 500 and response.headers["content-type"].startswith(kind)
    assert "Traceback" not in response.text and "boom" not in response.text and str(tmp_path) not in response.text
    assert "server log" in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_web_app_form_limits_answer_with_the_error_page(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    corpus_store(db).close()
    client = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text)
    assert token
    files = [("files", (f"note-{i}.txt", b"Councillor Ada Obi said the depot would close.", "text/plain"))
             for i in range(60)]
    response = client.post("/ingest", data={"csrf_token": token.group(1)}, files=files,
                           headers={"Origin": "http://127.0.0.1:8000"})
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "Too many files" in response.text and "<h1>400</h1>" in response.text
