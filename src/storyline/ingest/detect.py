"""Detect a source's format from its bytes (the file name is only a hint) and decode its text."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from pathlib import PurePosixPath

from storyline.ingest.problems import Problem, problem

GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_BINARY_CONTROL_RATIO = 0.10
_ODD_CHAR_RATIO = 0.30
_UTF16_HIGH_BYTES = 3  # the high bytes of one alphabet's UTF-16 text: 0x00 (spaces, digits) and its block's
_UTF16_HIGH_SHARE = 0.90
_UTF16_ZERO_SHARE = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # counted in binary sniffing
_UTF16_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})  # controls, unassigned, private use, surrogates

# Extension hints, used when the content itself does not say.
EXTENSION_FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json", ".jsonl": "jsonl",
    ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".pdf": "pdf", ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.IGNORECASE)
_FEED_RE = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_MARKDOWN_RE = re.compile(r"^(?:#{1,6}\s+\S|\[[^\]\n]+\]\(\S+\))", re.MULTILINE)


def strip_gz(name: str) -> str:
    """The name without a trailing ``.gz`` (the hint for the decompressed content)."""
    return name[:-3] if name.lower().endswith(".gz") else name


def _readable(text: str) -> bool:
    """No control (but line breaks and tabs), unassigned, private-use or surrogate characters."""
    return all(ch in "\t\n\r\f" or unicodedata.category(ch) not in _UTF16_BAD_CATEGORIES for ch in text)


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when ``data`` reads as UTF-16 text without a byte-order mark, else None.

    In UTF-16 text of one alphabet the high byte of each code unit takes a few values (0x00 for spaces, digits and
    Latin letters; 0x04 for Cyrillic, 0x03 for Greek...) while the low byte varies, and the text is readable.
    Scripts with thousands of characters (Chinese, Japanese) do not show that pattern and are not detected.
    """
    head = data[: _SNIFF_BYTES & ~1]
    units = len(head) // 2
    if units < 2:
        return None
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        if head[high::2].count(0) < _UTF16_ZERO_SHARE * units:
            continue  # the test below fails too; counting zero bytes first spares UTF-8 text the byte census
        counts = Counter(head[high::2])
        common = sum(n for _, n in counts.most_common(_UTF16_HIGH_BYTES))
        if common < _UTF16_HIGH_SHARE * units or counts[0] < _UTF16_ZERO_SHARE * units:
            continue
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        if _readable(text):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes near the start (UTF-16, with or without a BOM, is text, not binary)."""
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls / len(head) > _BINARY_CONTROL_RATIO


def _odd_ratio(text: str) -> float:
    """Share of characters that are neither letters, digits, spaces nor common punctuation."""
    sample = text[:_SNIFF_BYTES]
    odd = sum(1 for ch in sample if not (ch.isalnum() or ch.isspace() or ch in ".,;:!?'\"()-–—‘’“”&%/£$€@#*+=<>[]{}_|"))
    return odd / max(len(sample), 1)


MIXED_ENCODINGS = "storyline-utf8-then-cp1252"


def _cp1252_bytes(err: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: bytes that are not UTF-8 read as Windows-1252 (Latin-1 where it has no character)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start:err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), err.end


codecs.register_error(MIXED_ENCODINGS, _cp1252_bytes)


def decode_bytes(data: bytes, source: str) -> str | Problem:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised without), then cp1252,
    then, for text mixing both (which neither reads whole), UTF-8 with the other bytes read as cp1252.

    Problem ``"undecodable"`` only for bytes that none of these read as plausible text.
    """
    utf16 = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else utf16_without_bom(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            return problem(source, "undecodable", "the UTF-16 text is damaged")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # e.g. UTF-8 curly quotes (E2 80 9D) beside a Latin-1 "é" pasted in
        text = data.decode("utf-8", errors=MIXED_ENCODINGS)
    if _odd_ratio(text) > _ODD_CHAR_RATIO:
        return problem(source, "undecodable", "the bytes do not read as text in UTF-8, UTF-16 or Windows-1252")
    return text


def detect_binary_format(data: bytes) -> str | None:
    """'gzip', 'pdf' or 'warc' from magic bytes, else None."""
    if data.startswith(GZIP_MAGIC):
        return "gzip"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.lstrip()[:6] == b"WARC/1" or data.lstrip()[:6] == b"WARC/0":
        return "warc"
    return None


IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: .doc, .xls, or an encrypted .docx
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_HEADER_NAME = re.compile(rb"([!-9;-~]+):")
# Headers only mail software writes: a text that merely starts "From: ... To: ..." is a memo, not an email.
MAIL_HEADERS = frozenset({b"message-id", b"received", b"mime-version", b"return-path", b"delivered-to",
                          b"content-type", b"x-mailer", b"dkim-signature", b"in-reply-to", b"references"})


OFFICE_SUFFIXES = (".docx", ".docm", ".dotx", ".odt", ".ott")


def _office_zip(data: bytes, name: str) -> str | None:
    """'docx' or 'odt' for a Word or OpenDocument text zip, 'office-damaged' for a broken one, else None."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError):
        office_like = data[30:60].startswith((b"word/", b"mimetype", b"[Content_Types]", b"docProps/", b"_rels/"))
        return "office-damaged" if office_like or strip_gz(name).lower().endswith(OFFICE_SUFFIXES) else None
    return None


def _mail_headers(data: bytes) -> set[bytes] | None:
    """Lower-cased header names when ``data`` opens with an RFC 5322 header block, else None."""
    names: set[bytes] = set()
    for line in re.split(rb"\r?\n", data[:32768])[:300]:
        if not line.strip():
            return names or None
        if line[:1] in (b" ", b"\t") and names:
            continue
        found = _HEADER_NAME.match(line)
        if not found:
            return None
        names.add(found.group(1).lower())
    return None


def detect_document_format(data: bytes, name: str = "") -> str | None:
    """'image', 'docx', 'odt', 'office-damaged', 'ole', 'eml' or 'mbox' from the content, else None.

    Email needs a header block with ``From`` and a header only mail software writes
    (Message-ID, Received, MIME-Version...), or a ``.eml`` / ``.mbox`` name.
    """
    if data.startswith(IMAGE_MAGIC):
        return "image"
    if data.startswith(ZIP_MAGIC):
        return _office_zip(data, name)
    if data.startswith(OLE_MAGIC):
        return "ole"
    suffix = PurePosixPath(strip_gz(name).lower()).suffix
    mbox = data.startswith(b"From ")
    headers = _mail_headers(data.split(b"\n", 1)[1] if mbox and b"\n" in data else data)
    if headers and b"from" in headers and (headers & MAIL_HEADERS or suffix in (".eml", ".mbox")):
        return "mbox" if mbox else "eml"
    return None


def _hint(name: str) -> str | None:
    return EXTENSION_FORMATS.get(PurePosixPath(strip_gz(name).lower()).suffix)


def _looks_json_lines(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()[:20] if line.strip()]
    return len(lines) > 1 and all(line.startswith("{") and line.endswith("}") for line in lines)


def _looks_csv(head: str) -> bool:
    """A header row naming a text column and at least one other known field."""
    from storyline.ingest.tabular import FIELDS, field_synonyms

    first = head.split("\n", 1)[0].strip().lower()
    synonyms = field_synonyms()
    for delimiter in (",", "\t", ";", "|"):
        names = {name.strip().strip('"') for name in first.split(delimiter)}
        known = [f for f in FIELDS if names & set(synonyms[f])]
        if len(names) >= 2 and "text" in known and len(known) >= 2:
            return True
    return False


def detect_text_format(text: str, name: str = "") -> str:
    """'feed', 'html', 'json', 'jsonl', 'csv', 'markdown' or 'text' for decoded text.

    Content decides where it is clear (JSON brackets, markup); otherwise the
    extension hints (``.csv``, ``.md``); otherwise plain text.
    """
    head = text.lstrip()[:4096]
    hint = _hint(name)
    if head[:1] in ("{", "[") and hint not in ("text", "markdown"):
        return "jsonl" if hint == "jsonl" or _looks_json_lines(text) else "json"
    if head[:1] == "<":
        if _FEED_RE.search(head[:2048]) and not re.match(r"<!doctype\s+html|<html", head, re.IGNORECASE):
            return "feed"
        if _HTML_RE.search(head[:2048]):
            return "html"
    if hint in ("csv", "markdown", "text", "html", "json", "jsonl"):
        return hint
    if _HTML_RE.search(head[:1024]):
        return "html"
    if _looks_csv(head):
        return "csv"
    return "markdown" if _MARKDOWN_RE.search(head[:600]) else "text"
