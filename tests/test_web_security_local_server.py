"""A web page the reporter has open cannot reach `storyline serve`: host names, forged forms, weak tokens; HEAD.

The attacks are the ones a page in the same browser can mount: DNS rebinding (its own host name resolving to
127.0.0.1), and a page on another port of 127.0.0.1, which may set this server's cookies and post to it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline.cli import main
from storyline.web import serve
from storyline.web.app import create_app
from storyline.web.security import CSRF_COOKIE, CsrfTokens, allowed_hosts

from .test_web_corpus import corpus_store
from .test_web_security import FakeIngest

BASE = "http://127.0.0.1:8000"
ELSEWHERE = "http://127.0.0.1:9999"  # another local web server: same site for cookies, another origin


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("local") / "local.db")
    corpus_store(path).close()
    return path


def _client(db: str, **options: Any) -> tuple[TestClient, FakeIngest]:
    app = create_app(db, **options)
    fake = FakeIngest()
    app.state.web.ingest = fake
    return TestClient(app, base_url=BASE), fake


def _form_token(client: TestClient) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text)
    assert match
    return match.group(1)


def _post(client: TestClient, token: str, headers: dict[str, str] | None = None) -> Any:
    return client.post("/ingest", data={"csrf_token": token}, headers=headers,
                       files={"files": ("note.txt", b"Councillor Ada Obi said the depot would close.", "text/plain")})


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example:8000", "127.0.0.1:x",
                                  "localhost@evil.example", ""])
def test_web_security_foreign_host_names_are_refused(db: str, host: str) -> None:
    client, _ = _client(db)
    for url in ("/api/export", "/", "/documents"):
        response = client.get(url, headers={"Host": host})
        assert response.status_code == 400, (host, url)
        assert "documents" not in response.text and response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "localhost.:8000"])
def test_web_security_local_host_names_are_answered(db: str, host: str) -> None:
    client, _ = _client(db)
    assert client.get("/api/stories", headers={"Host": host}).status_code == 200


def test_web_security_serve_answers_to_its_host(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    serve(db, host="newsdesk.lan", token="Vq3-kT9xLr0Zb7wPn2Yc")
    client = TestClient(seen["app"], base_url=BASE, headers={"Authorization": "Bearer Vq3-kT9xLr0Zb7wPn2Yc"})
    assert client.get("/api/stories", headers={"Host": "newsdesk.lan:8000"}).status_code == 200
    assert client.get("/api/stories", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/stories", headers={"Host": "evil.example"}).status_code == 400
    assert allowed_hosts("0.0.0.0") == {"*"}  # every name on a wildcard bind, which always has a token


def test_web_security_forged_csrf_cookie_and_field_are_refused(db: str) -> None:
    """Another port of 127.0.0.1 can set our cookie and post the same value: not a token this server signed."""
    client, fake = _client(db)
    client.cookies.set(CSRF_COOKIE, "chosen-by-attacker")
    assert _post(client, "chosen-by-attacker", {"Origin": BASE}).status_code == 403
    other_server = CsrfTokens().issue("chosen-by-attacker")  # signed with another secret
    assert _post(client, other_server, {"Origin": BASE}).status_code == 403
    assert not fake.calls


@pytest.mark.parametrize("headers", [{"Origin": ELSEWHERE}, {"Origin": "null"}, {"Origin": "http://evil.example"},
                                     {"Referer": f"{ELSEWHERE}/attack.html"}, {}])
def test_web_security_post_from_elsewhere_is_refused(db: str, headers: dict[str, str]) -> None:
    client, fake = _client(db)
    response = _post(client, _form_token(client), headers)
    assert response.status_code == 403 and "own pages" in response.text
    assert not fake.calls


@pytest.mark.parametrize("headers", [{"Origin": BASE}, {"Referer": f"{BASE}/ingest"}])
def test_web_security_post_from_own_page_is_accepted(db: str, headers: dict[str, str]) -> None:
    client, fake = _client(db)
    assert _post(client, _form_token(client), headers).status_code == 200
    assert len(fake.calls) == 1


def test_web_security_csrf_tokens_expire_and_bind_to_the_cookie() -> None:
    tokens = CsrfTokens(max_age=3600)
    token = tokens.issue("session-a", now=1_000_000)
    assert tokens.valid("session-a", token, now=1_000_100)
    assert not tokens.valid("session-b", token, now=1_000_100)
    assert not tokens.valid("session-a", token, now=1_000_000 + 3601)
    assert not tokens.valid("session-a", token.replace(".", ".0"), now=1_000_100)
    assert not tokens.valid(None, token) and not tokens.valid("session-a", None)


@pytest.mark.parametrize("weak", ["x", "s3cret", "aaaaaaaaaaaaaaaaaaaa", "abcabcabcabcabcabc"])
def test_web_security_weak_token_is_refused(db: str, weak: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: pytest.fail("served with a weak token"))
    with pytest.raises(ValueError, match="too weak"):
        create_app(db, token=weak)
    result = CliRunner().invoke(main, ["serve", "--db", db, "--token", weak])
    assert result.exit_code == 2 and "too weak" in result.output and "--token" in result.output


def test_web_security_token_generated_and_printed(db: str, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    serve(db, host="0.0.0.0", port=8123)
    token = seen["app"].state.web.token
    assert token and len(token) >= 16 and f"?token={token}" in capsys.readouterr().err
    client = TestClient(seen["app"], base_url=BASE)
    assert client.get("/api/stories").status_code == 401
    assert client.get("/api/stories", headers={"Authorization": f"Bearer {token}"}).status_code == 200


@pytest.mark.parametrize("url", ["/", "/stories", "/api/export", "/static/storyline.css"])
def test_web_security_head_is_answered_like_get(db: str, url: str) -> None:
    client, _ = _client(db)
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


def test_web_security_head_from_a_foreign_host_is_refused(db: str) -> None:
    client, _ = _client(db)
    assert client.head("/", headers={"Host": "evil.example"}).status_code == 400


def test_web_security_own_form_posts_carry_their_origin(db: str) -> None:
    """With Referrer-Policy no-referrer a browser sends 'Origin: null' on the app's own form: never that policy."""
    client, _ = _client(db)
    assert client.get("/ingest").headers["referrer-policy"] == "same-origin"

