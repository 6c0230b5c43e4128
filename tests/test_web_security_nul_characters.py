"""A NUL character in an address or a correction form is refused with 400 on every backend; PostgreSQL refuses
NUL in any text it is sent, so `/stories?person=%00`, `/people/%00` and the like were 500s there."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app

from .conftest import drop_postgres_schema, postgres_schema_url
from .test_web_corpus import corpus_store

BASE = "http://127.0.0.1:8000"
ADDRESSES = ["/search?q=%00", "/stories?person=Obi%00", "/stories?source=%00", "/documents/ab%00cd", "/people/%00",
             "/stories/story-%00", "/api/quotes?speaker=%00", "/api/documents/%00", "/people?kind=%00"]


@pytest.fixture(params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("nul") / "corpus.db") if request.param == "sqlite" else postgres_schema_url("nul")
    corpus_store(db).close()
    yield TestClient(create_app(db), base_url=BASE)
    if request.param == "postgresql":
        drop_postgres_schema(db)


def test_web_security_nul_in_addresses_is_refused(client: TestClient) -> None:
    for url in ADDRESSES:
        response = client.get(url)
        assert response.status_code == 400 and "NUL" in response.text, url
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/stories?person=Obi").status_code == 200


def test_web_security_nul_in_a_correction_form_is_refused(client: TestClient) -> None:
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text)
    assert token
    response = client.post("/fix/rename", data={"entity": "P\x00", "name": "Ada Obi", "csrf_token": token.group(1)},
                           headers={"Origin": BASE})
    assert response.status_code == 400 and "NUL" in response.text
