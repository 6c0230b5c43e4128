"""The JSON API under /api/ and the OpenAPI schema, on a hand-filled store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app

from .test_web_corpus import DOC_IDS, ECHO, STORY_2024, corpus_store, span


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("web") / "api.db")
    corpus_store(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_web_api_documents_list_without_text(client: TestClient) -> None:
    body = client.get("/api/documents?limit=2").json()
    assert body["total"] == 4 and len(body["documents"]) == 2
    assert body["documents"][0]["id"] == DOC_IDS["gaz"]  # oldest first
    assert "text" not in body["documents"][0]


def test_web_api_document_with_annotations(client: TestClient) -> None:
    body = client.get(f"/api/documents/{DOC_IDS['echo']}").json()
    assert body["document"]["text"] == ECHO
    assert body["story"] == STORY_2024
    quote = next(q for q in body["quotes"] if q["speaker"] == "P-shah")
    assert (quote["start"], quote["end"]) == span(ECHO, "We were told the budget was under control when it plainly was not")
    assert {e["id"] for e in body["entities"]} == {"P-shah", "P-hughes"}
    assert {m["kind"] for m in body["marks"]} >= {"quote", "mention", "date", "claim"}
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/documents/nope").json()["detail"].startswith("No document")


def test_web_api_stories_and_dossier(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["stories"]
    assert [s["id"] for s in stories][-1] == STORY_2024
    dossier = client.get(f"/api/stories/{STORY_2024}").json()
    assert dossier["story"]["title"] == "Brackendale overspend row"
    assert [e["date"] for e in dossier["timeline"]] == ["2024-03", "2024-09-12", "2024-09-13", "2024-10", "2025"]
    assert [s["name"] for s in dossier["quotes"]] == ["Grace Hughes", "Priya Shah"]
    carried = dossier["quotes"][0]["quotes"][0]
    assert len(carried["sources"]) == 2  # one quote, both documents that carry it
    assert dossier["discrepancies"][0]["kind"] == "figure"
    assert dossier["copied"][0]["source"]["id"] == DOC_IDS["echo"]
    assert all("text" not in d for d in dossier["documents"])


def test_web_api_people_person_quotes(client: TestClient) -> None:
    people = client.get("/api/people").json()["people"]
    assert people[0]["id"] == "P-hughes" and people[0]["quotes"] == 4
    orgs = client.get("/api/people?kind=organisation").json()["people"]
    assert [o["name"] for o in orgs] == ["Brackendale Borough Council"]
    assert client.get("/api/people?kind=robot").status_code == 422
    person = client.get("/api/people/P-shah").json()
    assert sorted(r["role"] for r in person["roles"]) == ["chair of the scrutiny committee", "councillor"]
    assert all(r["first"] == "2024-09-13" for r in person["roles"])
    assert [s["id"] for s in person["stories"]] == [STORY_2024]
    quotes = client.get("/api/quotes?speaker=shah").json()["quotes"]
    assert [q["speaker"] for q in quotes] == ["P-shah"]


def test_web_api_search_and_export(client: TestClient) -> None:
    hits = client.get("/api/search?q=overspend").json()["hits"]
    assert {h["document"]["id"] for h in hits} == {DOC_IDS["echo"], DOC_IDS["north"]}
    assert all("\x02" in h["snippet"] for h in hits)
    assert client.get("/api/search").status_code == 422
    export = client.get("/api/export").json()
    assert export["export_version"] == 1 and len(export["documents"]) == 4


def test_web_api_openapi_schema_and_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/stories", "/api/stories/{story_id}",
                 "/api/people", "/api/people/{entity_id}", "/api/quotes", "/api/search", "/api/export"):
        assert path in schema["paths"]
    assert not any(p.startswith(("/stories", "/documents", "/ingest")) for p in schema["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn" not in docs.text.lower()
