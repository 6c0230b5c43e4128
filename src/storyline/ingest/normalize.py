"""Text normalisation, document identity, and building a Document from text and metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import ftfy

from storyline.ingest.metadata import fallback_title, infer_published, normalize_date
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

# Repair mojibake only; keep quotes, ligatures, widths and HTML entities exactly as written.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)

FORMATS = ("text", "markdown", "html", "json", "jsonl", "csv", "pdf", "warc", "feed", "url", "image", "email", "docx", "odt")


def normalize_text(text: str) -> str:
    """NFC, mojibake repaired, CRLF -> LF, byte-order mark and trailing whitespace at the end dropped.

    Nothing else changes: curly and straight quotes, blank lines and spacing stay
    exactly as written, so for clean UTF-8 text the character offsets are those of
    the file as Python reads it (universal newlines), which is what users and
    evaluation tools count in.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = fix_mojibake(text)
    text = unicodedata.normalize("NFC", text)
    return text.rstrip()


_LINE = re.compile(r"[^\n]*\n|[^\n]+")  # the segments ftfy fixes one by one: lines, each with its line break
_PLAIN = re.compile(r"[\t\n\x20-\x7e]*")  # printable ASCII, tabs and line breaks: nothing ftfy would change


def fix_mojibake(text: str) -> str:
    """``ftfy.fix_text`` with our settings, without calling ftfy for lines it cannot change.

    ftfy fixes text line by line, and a line of printable ASCII holds no mojibake, control character or
    unnormalised character, so only the other lines go through ftfy (most lines of most articles are ASCII).
    """
    if _PLAIN.fullmatch(text):
        return text
    return "".join(line if _PLAIN.fullmatch(line) else ftfy.fix_text(line, _FTFY_CONFIG) for line in _LINE.findall(text))


def document_id(normalized_text: str) -> str:
    """First 16 hex characters of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalized_text.encode("utf-8")).hexdigest()[:16]


def _clean_field(value: Any) -> str | None:
    """A one-line metadata string, or None when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value if v)
    cleaned = " ".join(_BIDI_CONTROLS.sub("", normalize_text(str(value))).split())
    return cleaned or None


# embeddings, overrides and isolates: in a one-line field (a title shown in every list and page) they only reorder
# what follows them, e.g. to make "gpj.exe" read "exe.jpg"; a document's text keeps them (offsets stay the file's)
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def make_document(
    text: str,
    *,
    source: str,
    url: str | None = None,
    title: str | None = None,
    published: Any = None,
    author: Any = None,
    site_name: str | None = None,
    format: str = "text",
    meta: dict[str, Any] | None = None,
    pages: list[int] | None = None,
    ocr: bool = False,
) -> Document | Problem:
    """A Document with normalised text, its id, and title/published fallbacks.

    ``published`` may be any metadata date (ISO, RFC 822, "14 March 2023", a
    datetime); when it is missing or unreadable, a date is inferred from the text
    only with evidence (see :func:`infer_published`).  Problem ``"no-text"`` when
    nothing is left after normalisation.  ``pages`` (start offsets, see
    :func:`storyline.ingest.pages.join_parts`) must point into normalised text.
    """
    normalized = normalize_text(text)
    if not normalized.strip():
        return problem(source, "no-text", "no text was found")
    meta = dict(meta or {})
    doc = Document(
        id=document_id(normalized),
        text=normalized,
        source=source,
        url=_clean_field(url),
        title=_clean_field(title) or fallback_title(normalized),
        published=normalize_date(published),
        author=_clean_field(author),
        site_name=_clean_field(site_name),
        format=format if format in FORMATS else "text",
        meta=meta,
        pages=list(pages or []),
        ocr=ocr,
    )
    if published not in (None, "") and doc.published is None:
        meta["published_raw"] = str(published)
    if doc.published is None:
        inferred = infer_published(normalized)
        if inferred:
            doc.published, doc.published_span, doc.published_inferred = inferred[0], inferred[1], True
    return doc
