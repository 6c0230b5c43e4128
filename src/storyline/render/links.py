"""Which URLs may become live links in anything storyline renders (web pages, reports)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["safe_href"]

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def safe_href(url: str | None) -> str | None:
    """The URL when it may be a live link (http or https with a host), else None."""
    if not url:
        return None
    cleaned = _CONTROL.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()
