"""Plain text and Markdown readers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.ingest.normalize import make_document
from storyline.ingest.problems import Problem
from storyline.model import Document

_LEADING_TITLE_RE = re.compile(r"\A\s*#\s+(?P<title>[^\n]+?)\s*#*\s*(?:\n|\Z)")
_HEADING_RE = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_SETEXT_RULE_RE = re.compile(r"^(?:=+|-+)[ \t]*$", re.MULTILINE)
_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_LINK_DEF_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s+\S+.*$", re.MULTILINE)
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)((?:(?!\n\n).)+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS_RE = re.compile(r"(?<![\w*])([*_])(?=\S)((?:(?!\n\n).)+?)(?<=\S)\1(?![\w*])", re.DOTALL)
_CODE_RE = re.compile(r"`([^`\n]+)`")
_FENCE_RE = re.compile(r"^(?:```|~~~).*$", re.MULTILINE)
_BLOCKQUOTE_RE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_BULLET_RE = re.compile(r"^([ \t]*)[*+-][ \t]+", re.MULTILINE)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


def strip_markdown(text: str) -> str:
    """Markdown to plain text, conservatively.

    Heading marks, emphasis markers, code ticks, block-quote marks and bullets
    go; links ``[t](u)`` become ``t``; paragraph breaks and all other characters
    (including quote marks and apostrophes) stay.
    """
    text = _HTML_COMMENT_RE.sub("", text)
    text = _FENCE_RE.sub("", text)
    text = _LINK_DEF_RE.sub("", text)
    text = _HEADING_RE.sub(r"\1", text)
    text = _SETEXT_RULE_RE.sub("", text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _REF_LINK_RE.sub(r"\1", text)
    text = _STRONG_RE.sub(r"\2", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    text = _CODE_RE.sub(r"\1", text)
    text = _BLOCKQUOTE_RE.sub("", text)
    return _BULLET_RE.sub(r"\1", text)


def read_text(
    text: str, source: str, url: str | None = None, *, format: str = "text"
) -> Iterator[Document | Problem]:
    """One Document from plain text (title from the first short line)."""
    yield make_document(text, source=source, url=url, format=format)


def read_markdown(
    text: str, source: str, url: str | None = None, *, format: str = "markdown"
) -> Iterator[Document | Problem]:
    """One Document from Markdown; a leading ``# Title`` becomes the title."""
    found = _LEADING_TITLE_RE.match(text)
    title = strip_markdown(found.group("title")) if found else None
    yield make_document(strip_markdown(text), source=source, url=url, title=title, format=format)
