"""One options object for every reader (instead of keyword arguments everywhere)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_USER_AGENT = "storyline/0.1 (+https://example.invalid/storyline)"


@dataclass(frozen=True)
class IngestOptions:
    """How sources are read.

    ``follow``: for RSS/Atom feeds, also fetch each linked page and use its text.
    ``allow_private``: allow URLs that resolve to private, loopback, link-local,
    multicast or reserved addresses (refused by default).
    ``max_bytes``: size cap for files, decompressed data and downloads.
    ``max_pages``: page cap for a PDF or a multi-page image.
    ``ocr_language``: Tesseract language(s) for scanned pages and images, e.g. ``"eng"`` or ``"eng+fra"``.
    ``ocr_timeout``: seconds Tesseract may spend on one page before the file is reported.
    """

    follow: bool = False
    allow_private: bool = False
    max_bytes: int = 50_000_000
    timeout: float = 20.0
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
    max_pages: int = 2000
    ocr_language: str = "eng"
    ocr_timeout: float = 60.0
