"""Security of the web app: escaping of hostile documents, headers, token, read-only, CSRF and uploads."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.ingest import SourceRef
from storyline.model import Annotations, Document, Story
from storyline.store import Store, StoreError
from storyline.web import serve
from storyline.web.app import create_app
from storyline.web.security import CSP, safe_href, sanitise_filename, server_token

from .test_web_corpus import DOC_IDS, HOSTILE_ID, STORY_2024, add_hostile, corpus_store

BASE = "http://127.0.0.1:8000"
TOKEN = "Vq3-kT9xLr0Zb7wPn2Yc"  # strong enough: 20 characters, all different
RAW_PAYLOADS = ("<script>window.__pwned", "<script>alert", "<img src=x onerror", "<svg onload", "<b onmouseover",
                '"><svg onload')


def hostile_db(path: Path) -> str:
    db = str(path / "hostile.db")
    store = corpus_store(db)
    add_hostile(store)
    docs = [DOC_IDS["echo"], DOC_IDS["north"], DOC_IDS["obs"], HOSTILE_ID]
    store.replace_links("story", [(STORY_2024, Story(STORY_2024, "<script>alert('story')</script>", docs, None,
                                                     "2024-05-01", "2024-10"), docs)])
    store.close()
    return db


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(hostile_db(tmp_path_factory.mktemp("hostile"))), base_url=BASE) as c:
        yield c


@dataclass
class FakeReport:
    """The fields of ingest.batch.IngestReport the result page shows."""

    added: list[str] = field(default_factory=list)
    already_present: int = 0
    versions: int = 0
    problems: list[Any] = field(default_factory=list)


class FakeIngest:
    """Stands in for api.ingest: records what the form handed over (files are gone after the request):
    (path or URL, whether it is a file, its bytes, the name it is ingested under)."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, bool, bytes, str]]] = []

    def __call__(self, sources: list[str | SourceRef], store: Store) -> FakeReport:
        seen = []
        for s in sources:
            path, shown = (s, s) if isinstance(s, str) else (s.path or s.source, s.source)
            p = Path(path)
            seen.append((path, p.is_file(), p.read_bytes() if p.is_file() else b"", shown))
        self.calls.append(seen)
        return FakeReport(added=["abc123"])


def _upload_client(tmp_path: Path, **options: Any) -> tuple[TestClient, FakeIngest]:
    db = str(tmp_path / "up.db")
    corpus_store(db).close()
    app = create_app(db, **options)
    fake = FakeIngest()
    app.state.web.ingest = fake
    return TestClient(app, base_url=BASE, headers={"Origin": BASE}), fake  # a browser posting from the app's page


def _csrf(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text)
    assert match
    return match.group(1)


@pytest.mark.parametrize("url", ["/", "/stories", f"/stories/{STORY_2024}", "/documents", f"/documents/{HOSTILE_ID}",
                                 "/search?q=statement", "/people", "/api/docs"])
def test_web_security_hostile_document_is_escaped(hostile: TestClient, url: str) -> None:
    html = hostile.get(url).text
    for payload in RAW_PAYLOADS:
        assert payload not in html
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE)
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+\s*=", html, re.IGNORECASE)  # no live event-handler attribute
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == ['<script src="/static/storyline.js" defer>']


def test_web_security_hostile_values_shown_as_text(hostile: TestClient) -> None:
    html = hostile.get(f"/documents/{HOSTILE_ID}").text
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html
    assert "javascript:alert(1)" in html  # shown, but as plain text
    assert '<span class="unsafe-url"' in html


def test_web_security_hostile_report_is_inert(hostile: TestClient) -> None:
    for fmt in ("html", "md"):
        body = hostile.get(f"/stories/{STORY_2024}/report.{fmt}").text
        for payload in RAW_PAYLOADS:
            assert payload not in body
        if fmt == "md":
            assert "(javascript:" not in body and "<javascript:" not in body
        assert not re.search(r"""href\s*=\s*["']?javascript:""", body, re.IGNORECASE)


def test_web_security_headers(hostile: TestClient) -> None:
    for url in ("/", "/api/stories", "/static/storyline.css", "/nowhere"):
        response = hostile.get(url)
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
    assert CSP == "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def test_web_security_templates_have_no_inline_scripts_or_handlers() -> None:
    folder = Path(__file__).resolve().parents[1] / "src" / "storyline" / "web" / "templates"
    for template in folder.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template.name
        assert not re.search(r"\son[a-z]+\s*=", text), template.name
        assert not re.search(r"\|\s*safe\b(?!_)", text), template.name


@pytest.mark.parametrize(("url", "live"), [
    ("https://example.org/a", True), ("http://example.org", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("java\tscript:alert(1)", False), ("data:text/html,<script>", False),
    ("vbscript:msgbox", False), ("//evil.example/x", False), ("/relative", False), ("https:///nohost", False), (None, False),
])
def test_web_security_safe_href(url: str | None, live: bool) -> None:
    assert (safe_href(url) is not None) is live


def test_web_security_token_generated_off_localhost() -> None:
    for host in ("127.0.0.1", "localhost", "::1"):
        assert server_token(host, None) == (None, False)
    generated, made = server_token("0.0.0.0", None)
    assert made and generated and len(generated) >= 16 and generated != server_token("192.168.1.20", None)[0]
    assert server_token("0.0.0.0", TOKEN) == (TOKEN, False)


def test_web_security_token_gate(tmp_path: Path) -> None:
    db = str(tmp_path / "tok.db")
    corpus_store(db).close()
    client = TestClient(create_app(db, token=TOKEN), base_url=BASE)
    assert client.get("/").status_code == 401
    assert client.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    first = client.get(f"/stories?token={TOKEN}&person=Shah", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/stories?person=Shah"
    cookie = first.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert client.get("/stories?person=Shah").status_code == 200  # the cookie now carries the token


def test_web_security_read_only_disables_ingest(tmp_path: Path) -> None:
    client, fake = _upload_client(tmp_path, read_only=True)
    assert client.get("/ingest").status_code == 403
    response = client.post("/ingest", files={"files": ("a.txt", b"hello", "text/plain")})
    assert response.status_code == 403 and not fake.calls
    assert 'href="/ingest"' not in client.get("/").text


def test_web_security_csrf_required(tmp_path: Path) -> None:
    client, fake = _upload_client(tmp_path)
    client.get("/ingest")
    response = client.post("/ingest", data={"csrf_token": "forged"}, files={"files": ("a.txt", b"hi", "text/plain")})
    assert response.status_code == 403 and not fake.calls


def test_web_security_upload_ingests_and_sanitises_name(tmp_path: Path) -> None:
    client, fake = _upload_client(tmp_path)
    token = _csrf(client)
    body = b"Councillor Ada Obi said the depot would close."
    response = client.post("/ingest", data={"csrf_token": token, "urls": "https://example.org/story"},
                           files=[("files", ("../../etc/passwd.txt", body, "text/plain"))])
    assert response.status_code == 200, response.text
    (path, existed, content, shown), (url, _, _, _) = fake.calls[0]
    saved = Path(path)
    assert existed and content == body and saved.name == "passwd.txt" and shown == "passwd.txt"
    assert saved.parent.name.startswith("storyline-upload-")
    assert saved.resolve().is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert url == "https://example.org/story"
    assert not saved.exists()  # the temporary copy is removed after ingest
    assert "1 new document" in response.text


@pytest.mark.parametrize("name", ["..\\..\\windows\\evil.txt", "/etc/passwd.txt", "....//x.md", ".hidden.txt"])
def test_web_security_sanitise_filename_keeps_basename(name: str) -> None:
    clean = sanitise_filename(name)
    assert "/" not in clean and "\\" not in clean and not clean.startswith(".")


@pytest.mark.parametrize(("name", "content"), [
    ("tool.exe", b"MZ\x90\x00"), ("report.pdf", b"just text"), ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("archive.gz", b"plain"), ("passwd", b"root:x:0:0"),
])
def test_web_security_upload_bad_type_415(tmp_path: Path, name: str, content: bytes) -> None:
    client, fake = _upload_client(tmp_path)
    token = _csrf(client)
    response = client.post("/ingest", data={"csrf_token": token}, files={"files": (name, content, "text/plain")})
    assert response.status_code == 415 and not fake.calls


def test_web_security_upload_cap_413(tmp_path: Path) -> None:
    client, fake = _upload_client(tmp_path, max_upload_bytes=1000)
    token = _csrf(client)
    big = client.post("/ingest", data={"csrf_token": token}, files={"files": ("big.txt", b"a" * 200_000, "text/plain")})
    assert big.status_code == 413
    streamed = client.post("/ingest", data={"csrf_token": token},
                           files={"files": ("mid.txt", b"a" * 30_000, "text/plain")})
    assert streamed.status_code == 413 and not fake.calls


def test_web_security_url_field_refuses_other_schemes(tmp_path: Path) -> None:
    client, fake = _upload_client(tmp_path)
    token = _csrf(client)
    response = client.post("/ingest", data={"csrf_token": token, "urls": "javascript:alert(1)"},
                           files={"files": ("", b"", "application/octet-stream")})
    assert response.status_code == 400 and not fake.calls
    assert "<script" not in response.text.replace('<script src="/static/storyline.js" defer></script>', "")


def test_web_security_token_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setenv("STORYLINE_TOKEN", TOKEN)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    with tempfile.TemporaryDirectory() as folder:
        serve(str(Path(folder) / "s.db"), host="0.0.0.0", port=8123)
        assert seen["host"] == "0.0.0.0" and seen["port"] == 8123
        assert seen["app"].state.web.token == TOKEN
        seen["app"].state.web.store.close()


def test_web_security_ingest_failure_is_reported(tmp_path: Path) -> None:
    client, _ = _upload_client(tmp_path)

    failure: Exception = OSError("could not write /srv/private/storyline-upload-x1/a.txt: postgresql://u:pw@db")

    def broken(sources: list[str | SourceRef], store: Store) -> None:
        raise failure

    client.app.state.web.ingest = broken  # type: ignore[attr-defined]
    token = _csrf(client)
    response = client.post("/ingest", data={"csrf_token": token}, files={"files": ("a.txt", b"hello", "text/plain")})
    assert response.status_code == 500
    assert "Ingest failed (OSError)" in response.text and "server log" in response.text
    assert "/srv/private" not in response.text and "pw@" not in response.text  # paths and passwords stay in the log
    failure = StoreError("the database is read-only <here>: copy it somewhere writable")
    response = client.post("/ingest", data={"csrf_token": token}, files={"files": ("a.txt", b"hello", "text/plain")})
    assert "Ingest failed (StoreError: the database is read-only &lt;here&gt;: copy it" in response.text


def test_web_security_ingest_refreshes_pages(tmp_path: Path) -> None:
    client, _ = _upload_client(tmp_path)

    def add(sources: list[str | SourceRef], store: Store) -> FakeReport:
        first = sources[0]
        text = Path(first if isinstance(first, str) else first.path or "").read_text(encoding="utf-8")
        store.add_document(Document("f00d", text, "new.txt", title="Library hours cut"), Annotations(doc_id="f00d"))
        return FakeReport(added=["f00d"])

    assert "Library hours cut" not in client.get("/documents").text
    client.app.state.web.ingest = add  # type: ignore[attr-defined]
    token = _csrf(client)
    response = client.post("/ingest", data={"csrf_token": token},
                           files={"files": ("new.txt", b"Library hours cut\n\nThe council will shut branches early.",
                                            "text/plain")})
    assert response.status_code == 200 and 'href="/documents/f00d"' in response.text
    assert "Library hours cut" in client.get("/documents").text
