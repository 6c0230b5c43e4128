"""Correction forms on the person, story and document pages: CSRF-protected, refused with --read-only, and
each correction made through them is logged and applied like `storyline fix`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline import api, views
from storyline.store import Store
from storyline.web.app import create_app

from .test_corrections_log import corpus  # noqa: F401  (the machine's corpus of four articles)
from .test_corrections_survive import documents, named, one, quote

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def db(corpus: str, tmp_path: Path) -> str:  # noqa: F811
    copy = tmp_path / "web.db"
    copy.write_bytes(Path(corpus).read_bytes())
    return str(copy)


def _client(db: str, **options: bool) -> TestClient:
    return TestClient(create_app(db, **options), base_url=BASE, headers={"Origin": BASE}, follow_redirects=False)


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no correction form on the page"
    return match.group(1)


def test_web_corrections_person_page_merges_and_logs(db: str) -> None:
    with Store(db) as store:
        dan, daniel = one(store, "Dan Okafor"), one(store, "Daniel Okafor")
    client = _client(db)
    page = client.get(f"/people/{dan}")
    assert "Correct Dan Okafor" in page.text and 'action="/fix/merge"' in page.text
    response = client.post("/fix/merge", data={"csrf_token": _token(page.text), "a": dan, "b": daniel,
                                               "note": "same leader", "next": f"/people/{daniel}"})
    assert response.status_code == 303 and response.headers["location"] == f"/people/{daniel}"
    with Store(db) as store:
        assert not named(store, "Dan Okafor")
        (made,) = api.fix_log(store)
        assert (made.kind, made.who, made.note, made.status) == ("merge", "web app", "same leader", "applied")


def test_web_corrections_story_and_document_pages_fix_quotes_and_events(db: str) -> None:
    with Store(db) as store:
        docs = documents(store)
        story = views.document(store, docs["01"]).summary.story  # type: ignore[union-attr]
        defended = quote(store, docs["01"], "cannot keep paying")
        daniel = one(store, "Daniel Okafor")
    assert story and defended
    client = _client(db)
    page = client.get(f"/stories/{story}").text
    assert "Correct this story" in page and f'value="{defended.id}"' in page
    done = client.post("/fix/speaker", data={"csrf_token": _token(page), "quote": defended.id, "speaker": daniel,
                                             "next": f"/stories/{story}"})
    assert done.status_code == 303
    document = client.get(f"/documents/{docs['02']}").text
    letter = re.search(r'name="event" value="([^"]+)"', document)
    assert "Correct this document" in document and letter
    done = client.post("/fix/date", data={"csrf_token": _token(document), "event": letter.group(1),
                                          "value": "2024-01-30", "next": f"/documents/{docs['02']}"})
    assert done.status_code == 303
    with Store(db) as store:
        assert quote(store, docs["01"], "cannot keep paying").speaker_name == "Daniel Okafor"  # type: ignore[union-attr]
        assert "2024-01-30" in {e.date for e in views.document(store, docs["02"]).events}  # type: ignore[union-attr]
    refused = client.post("/fix/date", data={"csrf_token": _token(document), "event": letter.group(1),
                                             "value": "last Tuesday", "next": "/"})
    assert refused.status_code == 400 and "TIMEX3" in refused.text


def test_web_corrections_need_the_csrf_token_and_this_site(db: str) -> None:
    with Store(db) as store:
        dan, daniel = one(store, "Dan Okafor"), one(store, "Daniel Okafor")
    client = _client(db)
    forged = client.post("/fix/merge", data={"csrf_token": "forged", "a": dan, "b": daniel})
    assert forged.status_code == 403
    token = _token(client.get(f"/people/{dan}").text)
    elsewhere = client.post("/fix/merge", data={"csrf_token": token, "a": dan, "b": daniel},
                            headers={"Origin": "https://evil.example"})
    assert elsewhere.status_code == 403
    offsite = client.post("/fix/merge", data={"csrf_token": token, "a": dan, "b": daniel, "next": "//evil.example/"})
    assert offsite.status_code == 303 and offsite.headers["location"] == "/"
    with Store(db) as store:
        assert [c.kind for c in api.fix_log(store)] == ["merge"]


def test_web_corrections_disabled_read_only(db: str) -> None:
    with Store(db) as store:
        dan, daniel = one(store, "Dan Okafor"), one(store, "Daniel Okafor")
        story = views.document(store, documents(store)["01"]).summary.story  # type: ignore[union-attr]
    client = _client(db, read_only=True)
    for url in (f"/people/{dan}", f"/stories/{story}"):
        page = client.get(url).text
        assert "/fix/" not in page and "csrf_token" not in page
    refused = client.post("/fix/merge", data={"csrf_token": "x", "a": dan, "b": daniel})
    assert refused.status_code == 403 and "read-only" in refused.text
    with Store(db) as store:
        assert api.fix_log(store) == []


def test_web_corrections_log_page_lists_and_undoes(db: str) -> None:
    """/corrections shows what `fix log` shows (kind, anchor, value, who, when, note, status: applied, orphaned,
    undone) and undoes a correction through a CSRF-protected form; the navigation links to it."""
    with Store(db) as store:
        docs = documents(store)
        gallery = quote(store, docs["04"], "public gallery")
        assert gallery is not None
        api.fix_speaker(gallery.id, None, store, note="a campaigner, not named", who="Helen Marsh")
        api.fix_reject("quote", gallery.id, store)  # the speaker fix loses its anchor: orphaned
        api.fix_rename(one(store, "Sue Barrow"), "Susan Barrow", store, note="her full name")
        api.link_store(store)
    client = _client(db)
    assert 'href="/corrections"' in client.get("/").text
    page = client.get("/corrections")
    assert page.status_code == 200 and "3 corrections" in page.text
    text = " ".join(re.sub(r"<[^>]+>", " ", page.text).split())
    assert "Helen Marsh" in text and "a campaigner, not named" in text and "her full name" in text
    assert "speaker" in text and "reject quote" in text and "rename" in text
    assert f"{docs['04'][:10]} {gallery.start}-{gallery.end}" in text  # the fact's anchor: document and span
    assert "Sue Barrow (" in text and "Susan Barrow" in text  # the identity anchor and the new name
    assert "orphaned" in text and "no quote" in text and text.count("applied") >= 2
    assert 'action="/fix/undo"' in page.text
    refused = client.post("/fix/undo", data={"csrf_token": "forged", "number": "3", "next": "/corrections"})
    assert refused.status_code == 403
    foreign = client.post("/fix/undo", data={"csrf_token": _token(page.text), "number": "3"},
                          headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403
    done = client.post("/fix/undo", data={"csrf_token": _token(page.text), "number": "3", "next": "/corrections"})
    assert done.status_code == 303 and done.headers["location"] == "/corrections"
    with Store(db) as store:
        assert [c.status for c in api.fix_log(store)][2] == "undone" and named(store, "Sue Barrow")
    after = client.get("/corrections").text
    assert "undone" in after and after.count('action="/fix/undo"') == 2  # nothing left to undo on #3
    again = client.post("/fix/undo", data={"csrf_token": _token(after), "number": "3"})
    assert again.status_code == 400 and "already undone" in again.text


def test_web_corrections_log_page_read_only_has_no_undo(db: str) -> None:
    with Store(db) as store:
        api.fix_rename(one(store, "Sue Barrow"), "Susan Barrow", store)
    client = _client(db, read_only=True)
    page = client.get("/corrections")
    assert page.status_code == 200 and "Susan Barrow" in page.text
    assert "/fix/" not in page.text and "csrf_token" not in page.text
    refused = client.post("/fix/undo", data={"csrf_token": "x", "number": "1"})
    assert refused.status_code == 403 and "read-only" in refused.text
    with Store(db) as store:
        assert [c.status for c in api.fix_log(store)] == ["applied"]


@pytest.mark.parametrize("mention", ["99999999999999999999:99999999999999999999", "²:³", "12-20", "abc"])
def test_web_corrections_split_refuses_an_unreadable_or_impossible_mention(db: str, mention: str) -> None:
    """A span past 2**63 answered 500 (OverflowError in the database driver), and a span that was not two
    numbers was read as no span at all: the form split every mention of the person in the document."""
    with Store(db) as store:
        doc = documents(store)["01"]
        person = next(e for e in views.document(store, doc).entities if e.type == "person")  # type: ignore[union-attr]
        before = len(api.fix_log(store))
    client = _client(db)
    page = client.get(f"/people/{person.id}").text
    response = client.post("/fix/split", data={"csrf_token": _token(page), "entity": person.id, "document": doc,
                                               "mention": mention, "next": "/"})
    assert response.status_code == 400 and ("no mention of" in response.text or "START:END" in response.text)
    with Store(db) as store:
        assert len(api.fix_log(store)) == before


@pytest.mark.parametrize("number", ["²", "x", "99999999999999999999"])
def test_web_corrections_undo_of_an_unreadable_number_says_what_to_do(db: str, number: str) -> None:
    """'²' passed str.isdigit and answered "invalid literal for int() with base 10"."""
    with Store(db) as store:
        doc = documents(store)["01"]
    client = _client(db)
    page = client.get(f"/documents/{doc}").text
    response = client.post("/fix/undo", data={"csrf_token": _token(page), "number": number, "next": "/"})
    assert response.status_code == 400 and "no correction" in response.text and "invalid literal" not in response.text
