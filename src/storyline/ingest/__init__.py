"""Readers: turn a user's source arguments into normalised Documents or clear per-source Problems.

Typical use (the batch layer in :mod:`storyline.ingest.batch` does this)::

    options = IngestOptions()
    for item in expand_sources(["coverage/", "https://example.org/story"], options):
        if isinstance(item, Problem):
            report(item)
        else:
            for result in read_source(item, options):
                ...  # a Document, or a Problem naming the bad record

Nothing here touches a database.
"""

from __future__ import annotations

from storyline.ingest.metadata import fallback_title, infer_published, normalize_date
from storyline.ingest.normalize import document_id, make_document, normalize_text
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import Problem
from storyline.ingest.sources import SourceRef, expand_sources, read_bytes, read_source

__all__ = [
    "IngestOptions",
    "Problem",
    "SourceRef",
    "document_id",
    "expand_sources",
    "fallback_title",
    "infer_published",
    "make_document",
    "normalize_date",
    "normalize_text",
    "read_bytes",
    "read_source",
]
