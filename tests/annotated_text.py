"""Annotate a small written text with the default pipeline, and find the one quote holding some words."""

from __future__ import annotations

from storyline.annotate.pipeline import annotate
from storyline.ingest import make_document
from storyline.model import Annotations, Document, Quote


def annotated(text: str) -> tuple[Document, Annotations]:
    doc = make_document(text, source="fixture.txt")
    assert isinstance(doc, Document)
    return doc, annotate(doc)


def quote_with(ann: Annotations, words: str) -> Quote:
    found = [q for q in ann.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in ann.quotes]
    return found[0]
