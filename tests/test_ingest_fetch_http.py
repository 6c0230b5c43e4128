"""URL and feed ingest against a local HTTP server started by the test (no network)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.ingest import IngestOptions, Problem, SourceRef, read_source
from storyline.ingest.fetch import fetch_url
from storyline.model import Document

ARTICLE = """<!DOCTYPE html><html><head><title>Night buses return | Eastfield Courier</title>
<meta property="og:site_name" content="Eastfield Courier">
<meta property="article:published_time" content="2024-05-20T07:00:00-04:00"></head>
<body><nav>Home | Sports | Weather</nav><article><h1>Night buses return to Eastfield</h1>
<p>Night bus service returns to Eastfield on June 1 after a two-year gap, the transit authority said Monday.</p>
<p>"Shift workers have waited long enough," board member Luis Ortega said at the meeting.</p>
</article><footer>Eastfield Courier, all rights reserved</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Eastfield Courier</title><id>urn:courier</id>
<updated>2024-05-21T08:00:00Z</updated>
<entry><title>Night buses return</title><id>urn:1</id><link href="{base}/article"/>
<updated>2024-05-20T11:00:00Z</updated><summary>Night buses are back from June 1.</summary></entry>
<entry><title>Pool hours change</title><id>urn:2</id><link href="{base}/missing"/>
<updated>2024-05-21T06:30:00Z</updated><summary>The municipal pool will open an hour later.</summary></entry>
</feed>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def _send(self, status: int, content_type: str, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"  # type: ignore[index]
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", ARTICLE.encode())
        elif self.path == "/feed":
            self._send(200, "application/atom+xml", FEED.format(base=base).encode())
        elif self.path.startswith("/hop/"):
            remaining = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/article" if remaining == 0 else f"/hop/{remaining - 1}")
            self.end_headers()
        elif self.path == "/to-private":
            self.send_response(301)
            self.send_header("Location", "http://10.1.2.3/internal")
            self.end_headers()
        elif self.path == "/big-declared":
            self._send(200, "text/plain", b"x" * 5000)
        elif self.path == "/big-streamed":
            self.protocol_version = "HTTP/1.0"
            self._send(200, "text/plain", b"The council met. " * 1000, length=False)
        elif self.path == "/photo":
            self._send(200, "image/jpeg", b"\xff\xd8\xff\xe0 not really a jpeg")
        elif self.path == "/notes":
            self._send(200, "text/plain; charset=utf-8", b"Note to editors\n\nEmbargoed until 9 a.m.")
        else:
            self._send(404, "text/html", b"<html><body><p>Not here</p></body></html>")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = IngestOptions(allow_private=True, timeout=5.0)


def _read_url(url: str, options: IngestOptions = LOCAL) -> list[Document | Problem]:
    return list(read_source(SourceRef(url, "url"), options))


def test_fetch_html_page_becomes_document(server: str) -> None:
    (doc,) = _read_url(f"{server}/article")
    assert isinstance(doc, Document)
    assert (doc.source, doc.url, doc.format) == (f"{server}/article", f"{server}/article", "url")
    assert doc.published == "2024-05-20" and doc.site_name == "Eastfield Courier"
    assert '"Shift workers have waited long enough," board member Luis Ortega said' in doc.text
    assert "all rights reserved" not in doc.text


def test_fetch_refuses_loopback_without_allow_private(server: str) -> None:
    (found,) = _read_url(f"{server}/article", IngestOptions(timeout=5.0))
    assert isinstance(found, Problem) and found.reason == "private-address"
    assert "127.0.0.1" in found.message and "--allow-private" in found.message


def test_fetch_follows_redirects_within_limit(server: str) -> None:
    (doc,) = _read_url(f"{server}/hop/2")
    assert isinstance(doc, Document) and doc.url == f"{server}/article"
    assert doc.source == f"{server}/hop/2"


def test_fetch_redirect_limit(server: str) -> None:
    (found,) = _read_url(f"{server}/hop/9", IngestOptions(allow_private=True, max_redirects=3, timeout=5.0))
    assert isinstance(found, Problem) and found.reason == "too-many-redirects"


def test_fetch_size_cap_declared_and_streamed(server: str) -> None:
    small = IngestOptions(allow_private=True, max_bytes=1000, timeout=5.0)
    for path in ("/big-declared", "/big-streamed"):
        (found,) = _read_url(f"{server}{path}", small)
        assert isinstance(found, Problem) and found.reason == "too-large", path


def test_fetch_refuses_unsupported_content_type(server: str) -> None:
    (found,) = _read_url(f"{server}/photo")
    assert isinstance(found, Problem) and found.reason == "unsupported-type"
    assert "image/jpeg" in found.message


def test_fetch_plain_text(server: str) -> None:
    (doc,) = _read_url(f"{server}/notes")
    assert isinstance(doc, Document) and doc.title == "Note to editors"


def test_fetch_http_error_status(server: str) -> None:
    (found,) = _read_url(f"{server}/nothing-here")
    assert isinstance(found, Problem) and found.reason == "http-404"
    assert "404" in found.message


def test_fetch_unreachable_host() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    found = fetch_url(f"http://127.0.0.1:{port}/", LOCAL)
    assert isinstance(found, Problem) and found.reason == "unreachable"


def test_fetch_refuses_private_literal_address() -> None:
    found = fetch_url("http://10.0.0.1/", IngestOptions(timeout=1.0))
    assert isinstance(found, Problem) and found.reason == "private-address"


def test_fetch_checks_every_redirect_hop(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.ingest import fetch

    monkeypatch.setattr(fetch, "_is_public", lambda address: address.startswith("127."))
    found = fetch_url(f"{server}/to-private", IngestOptions(timeout=5.0))
    assert isinstance(found, Problem) and found.reason == "private-address"
    assert "10.1.2.3" in found.message


def test_fetch_feed_without_follow_uses_summaries(server: str) -> None:
    first, second = _read_url(f"{server}/feed")
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.format == "feed" and first.text == "Night buses are back from June 1."
    assert first.url == f"{server}/article" and first.published == "2024-05-20"
    assert first.site_name == "Eastfield Courier" and first.source == f"{server}/feed#entry 1"


def test_fetch_feed_follow_fetches_linked_pages(server: str) -> None:
    options = IngestOptions(allow_private=True, follow=True, timeout=5.0)
    items = _read_url(f"{server}/feed", options)
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(docs) == 2 and len(problems) == 1
    assert "Luis Ortega said" in docs[0].text and docs[0].meta["followed"] is True
    assert docs[0].title == "Night buses return" and docs[0].published == "2024-05-20"
    assert problems[0].reason == "http-404" and problems[0].source == f"{server}/missing"
    assert docs[1].text == "The municipal pool will open an hour later."


def test_fetch_feed_follow_respects_private_refusal(server: str, tmp_path: object) -> None:
    from pathlib import Path

    feed = Path(str(tmp_path)) / "feed.xml"
    feed.write_text(FEED.format(base=server), encoding="utf-8")
    items = list(read_source(SourceRef(str(feed), "file", str(feed)), IngestOptions(follow=True, timeout=5.0)))
    reasons = [i.reason for i in items if isinstance(i, Problem)]
    assert reasons == ["private-address", "private-address"]
    assert sum(isinstance(i, Document) for i in items) == 2


def test_fetch_connects_to_the_checked_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A host that resolves to a public address once and elsewhere later must not be re-resolved."""
    import socket

    from storyline.ingest import fetch

    port = int(server.rsplit(":", 1)[1])
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["127.0.0.1", "10.9.9.9", "10.9.9.9"])

    def rebinding_dns(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host == "courier.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_dns)
    monkeypatch.setattr(fetch, "_is_public", lambda address: address.startswith("127."))
    found = fetch_url(f"http://courier.example:{port}/article", IngestOptions(timeout=5.0))
    assert not isinstance(found, Problem), found
    assert found.url == f"http://courier.example:{port}/article" and b"Luis Ortega" in found.content
