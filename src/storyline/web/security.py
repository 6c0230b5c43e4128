"""The web app's defences: safe links, security headers, host names, token access, CSRF and upload checks.

Everything a document carries (title, body, author, URL, file name) is untrusted.
Templates autoescape; this module decides which URLs may become live links,
which requests may pass, and which uploads may be saved.

A web page the reporter has open must not reach the local server: requests naming another host (DNS
rebinding) are refused, every POST must come from the server's own pages (Origin or Referer) and carry a
form token signed with a secret only this server process knows.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from storyline.render.links import safe_href as safe_href  # shared with the reports, which must not import web

CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the app's own form posts,
    # which the Origin check must refuse; other sites still get no referrer.
    "Referrer-Policy": "same-origin",
}
TOKEN_COOKIE = "storyline_token"
CSRF_COOKIE = "storyline_csrf"
CSRF_FIELD = "csrf_token"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_HOST = "*"  # in an allow-list: any host name (wildcard binds, which always have a token)
WILDCARD_BINDS = frozenset({"0.0.0.0", "::", ""})
MIN_TOKEN_LENGTH = 16
MIN_TOKEN_DISTINCT = 8
CSRF_MAX_AGE = 12 * 3600  # seconds a form stays valid
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ALLOWED_EXTENSIONS = {"txt", "md", "html", "htm", "json", "jsonl", "csv", "pdf", "xml", "warc", "gz"}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

Handler = Callable[[Request], Awaitable[Response]]


class UploadRejected(Exception):
    """An upload that must not be saved; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def is_local_host(host: str) -> bool:
    """True for the loopback names and addresses the app may bind to without a token."""
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


def check_token(token: str) -> None:
    """Refuse a token someone could guess: it guards the whole corpus."""
    if len(token) < MIN_TOKEN_LENGTH or len(set(token)) < MIN_TOKEN_DISTINCT:
        raise ValueError(
            f"the access token is too weak: use at least {MIN_TOKEN_LENGTH} characters with at least "
            f"{MIN_TOKEN_DISTINCT} different ones, e.g. --token {new_token()}, or leave --token out on a "
            "non-loopback address to have one generated"
        )


def server_token(host: str, token: str | None) -> tuple[str | None, bool]:
    """(token, generated): a given token must be strong; beyond loopback one is generated when none is given."""
    if token:
        check_token(token)
        return token, False
    if is_local_host(host):
        return None, False
    return new_token(), True


def allowed_hosts(bind: str) -> frozenset[str]:
    """Host names requests may name: the loopback names and the address served (any name on a wildcard bind)."""
    if bind.strip("[]") in WILDCARD_BINDS:
        return frozenset({ANY_HOST})
    return LOCAL_HOSTS | {bind.strip("[]").lower()}


def request_host(header: str | None) -> str | None:
    """The host name of a Host header ("[::1]:8000" -> "::1", "LocalHost." -> "localhost"); None if malformed."""
    if not header:
        return None
    try:
        parts = urlsplit("//" + header)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    if not parts.hostname or parts.path or parts.query or parts.username:
        return None
    return parts.hostname.rstrip(".")


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.cookies.get(TOKEN_COOKIE)


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def _without_token(request: Request) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    return request.url.path + (f"?{urlencode(query)}" if query else "")


def token_gate(token: str | None) -> Callable[[Request, Handler], Awaitable[Response]]:
    """Middleware: with a token set, every request must present it (header, cookie, or ?token= once)."""

    async def gate(request: Request, call_next: Handler) -> Response:
        if not token or _same(_presented_token(request), token):
            return add_security_headers(await call_next(request))
        if _same(request.query_params.get("token"), token):
            if request.method == "GET":
                response: Response = RedirectResponse(_without_token(request), status_code=303)
            else:
                response = await call_next(request)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return add_security_headers(response)
        denied = PlainTextResponse(
            "This storyline server needs its access token: send 'Authorization: Bearer TOKEN' "
            "or open any page once with ?token=TOKEN.",
            status_code=401,
        )
        return add_security_headers(denied)

    return gate


def host_gate(hosts: Iterable[str]) -> Callable[[Request, Handler], Awaitable[Response]]:
    """Middleware: answer only requests whose Host header names this server (no DNS rebinding)."""
    allowed = frozenset(h.strip("[]").lower() for h in hosts)

    async def gate(request: Request, call_next: Handler) -> Response:
        name = request_host(request.headers.get("host"))
        if name is not None and (ANY_HOST in allowed or name in allowed):
            return await call_next(request)
        listed = ", ".join(sorted(allowed))
        return add_security_headers(PlainTextResponse(
            f"This storyline server answers only to the host names it was started for ({listed}); open it by "
            "one of those (e.g. http://127.0.0.1:PORT/), or restart it with --host set to the name you use.",
            status_code=400,
        ))

    return gate


def nul_gate() -> Callable[[Request, Handler], Awaitable[Response]]:
    """Middleware: an address with a NUL character (``%00``) is refused; no id, name or query holds one, and
    PostgreSQL refuses NUL in any text it is given."""

    async def gate(request: Request, call_next: Handler) -> Response:
        if "\x00" not in request.url.path and b"%00" not in request.scope.get("query_string", b""):
            return await call_next(request)
        return add_security_headers(PlainTextResponse(
            "This address holds a NUL character (%00), which no storyline page or search can use; remove it.",
            status_code=400,
        ))

    return gate


def _origin(url: str) -> tuple[str, str, int | None] | None:
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:
        return None
    return (parts.scheme.lower(), (parts.hostname or "").rstrip("."), port) if parts.hostname else None


def same_origin(request: Request) -> bool:
    """True when the request comes from this server's own pages: its Origin (else its Referer) is this server."""
    own = _origin(f"{request.url.scheme}://{request.headers.get('host', '')}/")
    origin = request.headers.get("origin")
    if origin is not None:
        return own is not None and _origin(origin) == own  # "null" (sandboxed or privacy-stripped) never matches
    referer = request.headers.get("referer")
    return own is not None and referer is not None and _origin(referer) == own


def origin_gate() -> Callable[[Request, Handler], Awaitable[Response]]:
    """Middleware: every POST (any unsafe method) must come from this server's own pages."""

    async def gate(request: Request, call_next: Handler) -> Response:
        if request.method in SAFE_METHODS or same_origin(request):
            return await call_next(request)
        return add_security_headers(PlainTextResponse(
            "This form was not sent from this storyline server's own pages (Origin/Referer); open the page on "
            "this server and submit it from there.",
            status_code=403,
        ))

    return gate


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as its GET (same status and headers), without the body."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        finished = False

        async def headers_only(message: dict[str, Any]) -> None:
            nonlocal finished
            if message["type"] != "http.response.body":
                await send(message)
            elif not finished:
                finished = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def new_csrf_session() -> str:
    """The random value of a browser's CSRF cookie (the token is bound to it)."""
    return secrets.token_urlsafe(32)


class CsrfTokens:
    """Form tokens signed with a secret made when the server starts: a page elsewhere (even one that can set
    this server's cookies, as another port of 127.0.0.1 can) cannot mint one. A token is bound to the
    browser's CSRF cookie and expires after ``max_age`` seconds."""

    def __init__(self, secret: bytes | None = None, max_age: int = CSRF_MAX_AGE) -> None:
        self._secret = secret or secrets.token_bytes(32)
        self.max_age = max_age

    def _mac(self, session: str, issued: int) -> str:
        return hmac.new(self._secret, f"{session}.{issued}".encode(), hashlib.sha256).hexdigest()

    def issue(self, session: str, now: float | None = None) -> str:
        issued = int(time.time() if now is None else now)
        return f"{issued}.{self._mac(session, issued)}"

    def valid(self, session: str | None, token: str | None, now: float | None = None) -> bool:
        if not session or not token or token.count(".") != 1:
            return False
        issued, mac = token.split(".")
        if not issued.isdigit():
            return False
        age = (time.time() if now is None else now) - int(issued)
        return -60 <= age <= self.max_age and _same(mac, self._mac(session, int(issued)))


def sanitise_filename(name: str | None) -> str:
    """A safe basename: no directories, no leading dots, only plain characters."""
    base = (name or "").replace("\\", "/").split("/")[-1]
    base = _UNSAFE_NAME.sub("_", base).lstrip("._")[:120]
    return base or "upload.txt"


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload_content(name: str, head: bytes) -> None:
    """Raise UploadRejected (415) unless the name and the first bytes agree on an allowed type."""
    ext = extension_of(name)
    if ext not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(sorted(ALLOWED_EXTENSIONS))
        raise UploadRejected(415, f"{name}: files of type '.{ext}' cannot be ingested; allowed: {allowed}")
    if ext == "pdf" and not head.startswith(b"%PDF"):
        raise UploadRejected(415, f"{name}: named .pdf but is not a PDF file")
    if ext == "gz" and not head.startswith(b"\x1f\x8b"):
        raise UploadRejected(415, f"{name}: named .gz but is not gzip-compressed")
    if ext not in ("pdf", "gz") and _looks_binary(head):
        raise UploadRejected(415, f"{name}: named .{ext} but holds binary data; upload the text file itself")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\x7fELF", b"MZ", b"PK\x03\x04", b"\x89PNG", b"%PDF", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes
    return b"\x00" in head


def inside(directory: Path, path: Path) -> bool:
    """True when ``path`` resolves to a place inside ``directory``."""
    return path.resolve().is_relative_to(directory.resolve())
