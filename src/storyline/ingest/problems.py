"""Problems: a bad input reported to the batch, never an exception escaping it."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.render.printable import printable


@dataclass(frozen=True)
class Problem:
    """One bad input.

    ``source`` is a path or URL, or ``"path#line 12"`` / ``"file.csv#row 4"`` for
    a record inside a file; ``reason`` a short code such as ``"malformed-json"``;
    ``message`` one human line saying what was wrong and what to do, its control characters escaped
    (a file name with ESC sequences must not act on the terminal it is printed to; ``source`` keeps them).
    """

    source: str
    reason: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message))


# What to do, per reason code; the message is "<source>: <what happened>; <advice>".
ADVICE: dict[str, str] = {
    "empty": "the file has no content; check it was saved or downloaded completely",
    "binary": "convert it to text, HTML, PDF, an image (PNG, JPEG, TIFF), .docx, .odt or .eml first",
    "undecodable": "save the file as UTF-8 and ingest it again",
    "truncated-gzip": "the compressed file is incomplete; download or copy it again",
    "nested-gzip": "decompress it yourself (gunzip) and ingest what is inside",
    "truncated-warc": "download or copy the WARC file again to read the rest",
    "malformed-json": "fix the JSON syntax (one object, a list of objects, or one object per line)",
    "malformed-csv": "check the quoting and the number of columns, and that a header row names the fields",
    "malformed-html": "the page could not be parsed; save it again from the browser or export it as text",
    "malformed-pdf": "the PDF is damaged; re-export it, or extract its text with another tool",
    "encrypted-pdf": "remove the password protection (or print to a new PDF) and ingest it again",
    "malformed-warc": "the WARC file is damaged; re-create it or extract the pages another way",
    "malformed-feed": "check the source is a complete RSS or Atom feed",
    "too-large": "raise the size cap (max_bytes) or split the input",
    "unreachable": "check the URL and your network connection, then retry",
    "timeout": "the server was too slow; retry later or raise the timeout",
    "too-many-redirects": "open the URL in a browser to find its final address and ingest that",
    "private-address": "this address is private or local; pass --allow-private if you trust it",
    "unsupported-type": "give a text, Markdown, HTML, JSON, CSV, PDF, WARC, RSS/Atom, image, email, .docx or .odt source",
    "too-many-pages": "raise the page cap (--max-pages) or split the document",
    "malformed-image": "the image is damaged or not a PNG, JPEG or TIFF; re-save it as PNG and ingest it again",
    "malformed-email": "export the message again as .eml (or the mailbox as .mbox) and ingest it again",
    "malformed-office": "the document is damaged; open and re-save it, or export it as PDF",
    "encrypted-office": "save a copy without password protection and ingest that",
    "legacy-office": "this is an old binary Office file (.doc); save it as .docx, .odt or PDF and ingest that",
    "ocr-unavailable": (
        "install Tesseract OCR (Debian/Ubuntu: sudo apt-get install tesseract-ocr; macOS: brew install "
        "tesseract) and ingest the file again: nothing of it was stored, so the next run reads it"
    ),
    "ocr-language": (
        "install the Tesseract language data (Debian/Ubuntu: sudo apt-get install tesseract-ocr-<lang>, "
        "e.g. tesseract-ocr-fra) or choose another --ocr-lang, then ingest the file again"
    ),
    "ocr-timeout": "raise the limit (--ocr-timeout, seconds per page) and ingest the file again; nothing of it was stored",
    "ocr-failed": "Tesseract could not read the page image; re-scan the page or save it as PNG and ingest it again",
    "not-found": "check the path or glob; nothing matches it",
    "symlink-loop": "point the link at the real file, or remove it",
    "no-text": "no readable text was left after extraction; check the source has article text",
    "missing-text-field": "give each record a text field (text, body, content, article or full_text)",
    "unreadable": "check the file permissions",
}


def problem(source: str, reason: str, detail: str) -> Problem:
    """A Problem whose message says what was wrong (``detail``) and what to do."""
    advice = ADVICE.get(reason)
    message = f"{source}: {detail}" + (f"; {advice}" if advice else "")
    return Problem(source, reason, message)


def http_problem(source: str, status: int, phrase: str) -> Problem:
    """A Problem for an HTTP error status, e.g. reason ``"http-404"``."""
    advice = "check the URL" if 400 <= status < 500 else "the server failed; retry later"
    return Problem(source, f"http-{status}", f"{source}: the server answered {status} {phrase}; {advice}")
