"""Email reader: ``.eml`` messages and ``.mbox`` mailboxes (standard library ``email``).

Each message is a Document: its text is the header block a printed email shows (From, To,
Cc, Date, Subject) and the body; the sender is the author, the Date header the published date,
and subject, recipients and message id are metadata.  An earlier message quoted in a reply
stays in the text, but its spans are listed in ``meta["quoted_spans"]`` (with the header block
in ``meta["header_span"]``) and the quote annotator attributes nothing inside them to anyone.
Each attachment is read as a document of its own (a PDF, a scan, a Word file, another email)
whose ``attached_to`` is the message's id.
"""

from __future__ import annotations

import email.utils
import mimetypes
import re
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Any

import lxml.etree
import lxml.html

from storyline.ingest.detect import decode_bytes
from storyline.ingest.html import html_to_text
from storyline.ingest.mail_quotes import split_quoted, unflow
from storyline.ingest.normalize import make_document
from storyline.ingest.pages import join_part_spans
from storyline.ingest.problems import Problem, problem
from storyline.model import Document

Items = Iterator[Document | Problem]
ReadNested = Callable[[bytes, str, str], Items]  # (bytes, source, file name) -> documents or problems

HEADER_FIELDS = ("From", "To", "Cc", "Date", "Subject")
MAX_NESTING = 4  # emails attached to emails attached to emails...: deeper ones are listed, not read
UNREAD_REASONS = frozenset({"binary", "unsupported-type", "legacy-office"})  # listed on the message, not reported
_MBOX_SPLIT = re.compile(rb"(?:\A|\r?\n)From [^\r\n]*\r?\n")
_MBOX_ESCAPED = re.compile(rb"^>(>*From )", re.MULTILINE)


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file (``From `` separator lines dropped, ``>From`` unescaped)."""
    chunks = _MBOX_SPLIT.split(data)
    return [_MBOX_ESCAPED.sub(rb"\1", chunk) for chunk in chunks if chunk.strip()]


def _addresses(value: Any) -> list[str]:
    pairs = email.utils.getaddresses([str(value)]) if value else []
    return [email.utils.formataddr((name, addr)) if name else addr for name, addr in pairs if name or addr]


def _sender(message: Message) -> str | None:
    """The sender's name, or the address when the message gives no name."""
    pairs = email.utils.getaddresses([str(message.get("From", ""))])
    name, addr = pairs[0] if pairs else ("", "")
    return name.strip().strip('"') or addr or None


def _header_block(message: Message) -> str:
    lines = [f"{name}: {' '.join(str(message[name]).split())}" for name in HEADER_FIELDS if message.get(name)]
    return "\n".join(lines)


def html_body_text(html: str) -> str:
    """Text of an HTML body, each top-level ``<blockquote>`` (a quoted earlier message) marked with ``>``."""
    try:
        root = lxml.html.document_fromstring(html)
        for quote in root.xpath("//blockquote[not(ancestor::blockquote)]"):
            inner = html_to_text(lxml.html.tostring(quote, encoding="unicode"))
            marked = lxml.html.Element("pre")
            marked.text = "\n".join(f"> {line}" for line in inner.split("\n"))
            marked.tail = quote.tail
            quote.getparent().replace(quote, marked)
        return html_to_text(lxml.html.tostring(root, encoding="unicode"))
    except (lxml.etree.ParserError, ValueError):
        return ""


def _part_text(part: Message) -> str:
    """A text part decoded with its declared charset (falling back to storyline's decoder)."""
    try:
        text = part.get_content() if isinstance(part, EmailMessage) else None
    except (LookupError, UnicodeError, ValueError, AssertionError):
        text = None
    if not isinstance(text, str):
        payload = part.get_payload(decode=True)
        decoded = decode_bytes(payload, "") if isinstance(payload, bytes) else ""
        text = decoded if isinstance(decoded, str) else ""
    if part.get_content_subtype() == "html":
        return html_body_text(text) if text.strip() else ""
    if str(part.get_param("format", "")).lower() == "flowed":
        text = unflow(text.replace("\r\n", "\n"), str(part.get_param("delsp", "")).lower() == "yes")
    return text


def _body(message: Message) -> str:
    body: Message | None = None
    if isinstance(message, EmailMessage):
        body = message.get_body(preferencelist=("plain", "html"))
    if body is None and not message.is_multipart() and message.get_content_maintype() == "text":
        body = message
    return _part_text(body).strip() if body is not None else ""


def message_text(message: Message) -> tuple[str, dict[str, Any]]:
    """(document text, spans meta) for one message: header block, then own and quoted body segments."""
    segments = [(_header_block(message), False), *split_quoted(_body(message))]
    segments = [(text, quoted) for text, quoted in segments if text.strip()]
    text, parts = join_part_spans([s for s, _ in segments])
    spans: dict[str, Any] = {"quoted_spans": [list(span) for span, (_, quoted) in zip(parts, segments) if quoted]}
    if _header_block(message):
        spans["header_span"] = list(parts[0])
    return text, spans


def message_meta(message: Message) -> dict[str, Any]:
    """Subject, sender, recipients and ids from the headers (only those present)."""
    meta: dict[str, Any] = {
        "subject": " ".join(str(message.get("Subject", "")).split()) or None,
        "from": next(iter(_addresses(message.get("From"))), None),
        "to": _addresses(message.get("To")),
        "cc": _addresses(message.get("Cc")),
        "message_id": str(message.get("Message-ID", "")).strip() or None,
        "in_reply_to": str(message.get("In-Reply-To", "")).strip() or None,
        "date": str(message.get("Date", "")).strip() or None,
    }
    return {key: value for key, value in meta.items() if value}


def _published(message: Message) -> Any:
    raw = str(message.get("Date", "")).strip()
    try:
        return email.utils.parsedate_to_datetime(raw) if raw else None
    except (TypeError, ValueError, IndexError):
        return raw or None


def _attachments(message: Message) -> Iterator[tuple[str, str, bytes]]:
    """(file name, content type, bytes) of each attachment, nested emails included whole."""
    for index, part in enumerate(_attachment_parts(message), start=1):
        ctype = part.get_content_type()
        name = part.get_filename() or f"part-{index}{mimetypes.guess_extension(ctype) or ''}"
        if ctype == "message/rfc822":
            inner = part.get_payload(0) if part.is_multipart() else None
            data = inner.as_bytes(policy=policy.SMTP) if isinstance(inner, Message) else b""
            name = part.get_filename() or f"message-{index}.eml"
        else:
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
        yield name, ctype, data


def _attachment_parts(message: Message) -> Iterator[Message]:
    """Parts that are attachments: a file name or ``attachment`` disposition, or an attached email.
    Inline images with a Content-ID (logos in an HTML signature) are not attachments."""
    for part in message.get_payload() if message.is_multipart() else []:
        if not isinstance(part, Message):
            continue
        disposition = (part.get_content_disposition() or "").lower()
        if part.get_content_type() == "message/rfc822":
            yield part
        elif part.is_multipart():
            yield from _attachment_parts(part)
        elif disposition == "inline" and part.get("Content-ID") and part.get_content_maintype() == "image":
            continue
        elif disposition == "attachment" or part.get_filename():
            yield part


def _read_attachments(
    message: Message, doc: Document, read_nested: ReadNested
) -> tuple[list[Document | Problem], list[dict[str, Any]]]:
    """Documents and problems of the message's attachments, and the list the message records."""
    items: list[Document | Problem] = []
    listed: list[dict[str, Any]] = []
    nested = doc.source.count("#attachment ") >= MAX_NESTING
    for name, ctype, data in _attachments(message):
        entry: dict[str, Any] = {"filename": name, "content_type": ctype, "size": len(data), "documents": []}
        listed.append(entry)
        if nested or not data.strip():
            entry["not_read"] = "nested too deep" if nested else "empty"
            continue
        for item in read_nested(data, f"{doc.source}#attachment {name}", name):
            if isinstance(item, Problem) and item.reason in UNREAD_REASONS:
                entry["not_read"] = item.reason
                continue
            if isinstance(item, Document):
                item.attached_to = item.attached_to or doc.id
                entry["documents"].append(item.id)
            items.append(item)
    return items, listed


def read_message(data: bytes, source: str, read_nested: ReadNested) -> Items:
    """The message as a Document, then each attachment's documents (or problems)."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        text, spans = message_text(message)
    except (ValueError, TypeError, LookupError, IndexError, AttributeError) as exc:
        yield problem(source, "malformed-email", f"the message could not be parsed ({type(exc).__name__}: {exc})")
        return
    meta = {**message_meta(message), **spans}
    doc = make_document(text, source=source, title=meta.get("subject"), published=_published(message),
                        author=_sender(message), format="email", meta=meta)
    if isinstance(doc, Problem):
        yield doc
        return
    items, listed = _read_attachments(message, doc, read_nested)
    if listed:
        doc.meta["attachments"] = listed
    yield doc
    yield from items


def read_mbox(data: bytes, source: str, read_nested: ReadNested) -> Items:
    """Each message of a mailbox, with source ``<file>#message <n>``."""
    messages = split_mbox(data)
    if not messages:
        yield problem(source, "malformed-email", "the mailbox holds no messages")
    for number, chunk in enumerate(messages, start=1):
        yield from read_message(chunk, f"{source}#message {number}", read_nested)
