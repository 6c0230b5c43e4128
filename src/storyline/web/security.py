"""The web app's defences: safe links, security headers, token access, CSRF and upload checks.

Everything a document carries (title, body, author, URL, file name) is untrusted.
Templates autoescape; this module decides which URLs may become live links,
which requests may pass, and which uploads may be saved.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from storyline.render.links import safe_href as safe_href  # shared with the reports, which must not import web

CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
TOKEN_COOKIE = "storyline_token"
CSRF_COOKIE = "storyline_csrf"
CSRF_FIELD = "csrf_token"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
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


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond this machine without a token."""
    if not is_local_host(host) and not token:
        raise ValueError(
            f"binding to {host} exposes the corpus to the network and requires --token (or STORYLINE_TOKEN); "
            "pass --token SECRET or bind to 127.0.0.1"
        )


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


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """Double-submit check: the form field must equal the cookie set with the form."""
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie) and _same(submitted, cookie or "")


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
