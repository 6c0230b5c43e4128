"""Fetch a URL safely with httpx: address checks on every hop, redirect limit, size cap, type check.

Private, loopback, link-local, multicast, reserved and unspecified addresses
are refused unless ``options.allow_private``; the connection then goes to the
address that was checked (no second DNS lookup to rebind).  Redirects are
followed by hand so each hop's address is checked again.  The body is streamed and dropped as
soon as it passes ``options.max_bytes``.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, http_problem, problem

_REDIRECTS = (301, 302, 303, 307, 308)
_UNSUPPORTED = "unsupported"
# media type -> format of the content; None means "decide from the bytes".
CONTENT_TYPES: dict[str, str] = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "xml", "text/xml": "xml",
    "application/json": "json", "application/ld+json": "json", "application/feed+json": "json",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/jsonlines": "jsonl",
    "application/pdf": "pdf", "application/x-pdf": "pdf",
    "text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown", "text/csv": "csv",
}


@dataclass(frozen=True)
class FetchedResource:
    """The bytes of a fetched URL and what they are."""

    url: str  # final URL after redirects
    content: bytes
    media_type: str  # e.g. "text/html" ("" when the server sent none)
    kind: str | None  # format from CONTENT_TYPES, None when the bytes must decide


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )


def resolve_checked(url: httpx.URL, source: str, options: IngestOptions) -> str | Problem | None:
    """The address to connect to, after checking every address the host resolves to.

    A Problem when the host does not resolve or any address is non-public;
    None when ``options.allow_private`` (then no address is pinned).
    """
    if url.scheme not in ("http", "https") or not url.host:
        return problem(source, "unsupported-type", f"only http and https URLs can be fetched, not {url}")
    try:
        infos = socket.getaddrinfo(url.host, url.port or (443 if url.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        return problem(source, "unreachable", f"the host {url.host} could not be resolved ({exc})")
    if options.allow_private:
        return None
    addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        if not _is_public(address):
            return problem(source, "private-address", f"{url.host} resolves to the non-public address {address}")
    return addresses[0] if addresses else problem(source, "unreachable", f"{url.host} has no address")


def _pinned_request(client: httpx.Client, target: httpx.URL, address: str | None) -> httpx.Request:
    """A GET for ``target`` sent to the checked ``address`` (so a second DNS answer cannot differ)."""
    if address is None:
        return client.build_request("GET", target)
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    return client.build_request(
        "GET", target.copy_with(host=address), headers={"Host": target.netloc.decode("ascii")},
        extensions=extensions,
    )


def _media_kind(media_type: str, head: bytes) -> str | None:
    """Format for a media type: a key of CONTENT_TYPES' values, None (sniff), or "unsupported"."""
    if not media_type:
        return None
    if media_type in CONTENT_TYPES:
        return CONTENT_TYPES[media_type]
    if media_type.endswith(("+xml", "/xml")):
        return "xml"
    if media_type.endswith("+json"):
        return "json"
    if media_type == "application/octet-stream" and head.startswith(b"%PDF-"):
        return "pdf"
    return _UNSUPPORTED


def _read_body(response: httpx.Response, source: str, limit: int) -> bytes | Problem:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        return problem(source, "too-large", f"the server announces {int(declared):,} bytes, over {limit:,}")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            return problem(source, "too-large", f"the download passed {limit:,} bytes and was stopped")
    return bytes(body)


def _take_response(
    response: httpx.Response, target: httpx.URL, source: str, options: IngestOptions
) -> FetchedResource | Problem:
    if response.status_code >= 400:
        return http_problem(source, response.status_code, response.reason_phrase)
    media_type = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    sniff_first = media_type == "application/octet-stream"
    if not sniff_first and _media_kind(media_type, b"") == _UNSUPPORTED:
        return problem(source, "unsupported-type", f"the server sent {media_type} content")
    body = _read_body(response, source, options.max_bytes)
    if isinstance(body, Problem):
        return body
    kind = _media_kind(media_type, body[:8])
    if kind == _UNSUPPORTED:
        return problem(source, "unsupported-type", f"the server sent {media_type} content")
    return FetchedResource(str(target), body, media_type, kind)


def _redirect_target(response: httpx.Response, target: httpx.URL) -> httpx.URL | None:
    location = response.headers.get("Location")
    if response.status_code in _REDIRECTS and location:
        return target.join(location)
    return None


def fetch_url(url: str, options: IngestOptions, source: str | None = None) -> FetchedResource | Problem:
    """Download ``url``; a Problem for refused addresses, HTTP errors, wrong types, oversize bodies."""
    source = source or url
    headers = {"User-Agent": options.user_agent}
    try:
        target = httpx.URL(url)
        with httpx.Client(timeout=options.timeout, headers=headers, follow_redirects=False) as client:
            for _ in range(options.max_redirects + 1):
                address = resolve_checked(target, source, options)
                if isinstance(address, Problem):
                    return address
                response = client.send(_pinned_request(client, target, address), stream=True)
                try:
                    next_target = _redirect_target(response, target)
                    if next_target is None:
                        return _take_response(response, target, source, options)
                finally:
                    response.close()
                target = next_target
    except httpx.TimeoutException as exc:
        return problem(source, "timeout", f"no answer within {options.timeout:g} s ({type(exc).__name__})")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return problem(source, "unreachable", f"the request failed ({type(exc).__name__}: {exc})")
    return problem(source, "too-many-redirects", f"more than {options.max_redirects} redirects")
