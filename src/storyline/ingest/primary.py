"""Primary documents as they arrive: dispatch images, email, Word and OpenDocument files to their readers.

:func:`storyline.ingest.detect.detect_document_format` names the format from the content;
``read_nested`` reads an email attachment like any other source (it is ``read_bytes``).
"""

from __future__ import annotations

from collections.abc import Iterator

from storyline.ingest.image import read_image
from storyline.ingest.mail import ReadNested, read_mbox, read_message
from storyline.ingest.opendocument import read_odt
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem, problem
from storyline.ingest.word import read_docx
from storyline.model import Document

_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_primary(
    fmt: str, data: bytes, source: str, options: IngestOptions, read_nested: ReadNested, url: str | None = None
) -> Iterator[Document | Problem]:
    """Documents or Problems from a file whose detected format is ``fmt``."""
    if fmt == "image":
        yield from read_image(data, source, options, url)
    elif fmt == "eml":
        yield from read_message(data, source, read_nested)
    elif fmt == "mbox":
        yield from read_mbox(data, source, read_nested)
    elif fmt == "docx":
        yield from read_docx(data, source, options)
    elif fmt == "odt":
        yield from read_odt(data, source, options)
    elif fmt == "office-damaged":
        yield problem(source, "malformed-office", "the document's zip container is damaged")
    elif fmt == "ole" and _ENCRYPTED_PACKAGE in data:
        yield problem(source, "encrypted-office", "the Office document is password-protected")
    else:
        yield problem(source, "legacy-office", "binary Office files (.doc, .xls, .ppt) are not read")
