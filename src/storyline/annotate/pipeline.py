"""The per-document pipeline: a list of named components, each filling part of the annotations.

Every component is a pure function ``(doc, annotations, context) -> None`` that
reads the fields it ``requires`` and fills the fields it ``sets``; nothing here
touches the store, so a pipeline can run in a process pool or a Spark executor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.annotate.claims import find_claims
from storyline.annotate.entities import find_entities
from storyline.annotate.events import build_events
from storyline.annotate.quotes import find_quotes
from storyline.annotate.structure import segment
from storyline.annotate.timex import find_timexes, infer_reference_date
from storyline.model import Annotations, Document

PIPELINE_VERSION = "1"


@dataclass
class Context:
    """What components may consult besides the document: an optional trained model."""

    nlp: Any | None = None
    model_name: str | None = None


ComponentFunc = Callable[[Document, Annotations, Context], None]


@dataclass(frozen=True)
class Component:
    name: str
    func: ComponentFunc
    requires: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()


def _structure(doc: Document, ann: Annotations, ctx: Context) -> None:
    ann.blocks, ann.sentences = segment(doc.text)


def _entities(doc: Document, ann: Annotations, ctx: Context) -> None:
    ann.mentions, ann.entities = find_entities(doc.text, ann.blocks, ann.sentences, nlp=ctx.nlp)


def _timex(doc: Document, ann: Annotations, ctx: Context) -> None:
    """Dates resolved against the publication date; an undated document keeps every unknown part unknown.

    Its reference date is only estimated (the latest date it names, for story clustering): resolving
    "Thursday" or "19 October" against a guess gives confidently wrong dates. Linking later fills a
    missing year from the story's evidence, when that evidence agrees (see ``link.event_years``).
    """
    if doc.published is None:
        ann.timexes = find_timexes(doc.text, None)
        ann.reference_date = infer_reference_date(doc.text, ann.timexes)
        return
    ann.reference_date = doc.published
    ann.timexes = find_timexes(doc.text, doc.published)


def unattributed_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans whose words are no one's statement in this document: an earlier message quoted
    in an email reply (``meta["quoted_spans"]``) and an email's header block (``meta["header_span"]``)."""
    meta = doc.meta if isinstance(doc.meta, dict) else {}
    spans = list(meta.get("quoted_spans") or []) + ([meta["header_span"]] if meta.get("header_span") else [])
    return [(int(s[0]), int(s[1])) for s in spans if isinstance(s, list | tuple) and len(s) == 2]


def _outside(start: int, spans: list[tuple[int, int]]) -> bool:
    return not any(s <= start < e for s, e in spans)


def _quotes(doc: Document, ann: Annotations, ctx: Context) -> None:
    found = find_quotes(
        doc.text, ann.blocks, ann.sentences, ann.mentions, ann.entities, source_kind=document_kind(doc)
    )
    skipped = unattributed_spans(doc)
    ann.quotes = [q for q in found if _outside(q.start, skipped)]


def _claims(doc: Document, ann: Annotations, ctx: Context) -> None:
    skipped = unattributed_spans(doc)
    claims = find_claims(doc.text, ann.sentences, ann.mentions, ann.entities, ann.quotes)
    ann.claims = [c for c in claims if _outside(c.start, skipped)]


def _events(doc: Document, ann: Annotations, ctx: Context) -> None:
    events = build_events(doc.text, ann.sentences, ann.timexes, ann.mentions, ann.entities, ann.blocks)
    if doc.published is None:
        for event in events:
            event.inferred = event.inferred or _is_relative_at(ann, event.timex)
    ann.events = events


def _is_relative_at(ann: Annotations, span: tuple[int, int]) -> bool:
    return any(t.relative and (t.start, t.end) == tuple(span) for t in ann.timexes)


COMPONENTS: dict[str, Component] = {
    c.name: c
    for c in (
        Component("structure", _structure, (), ("blocks", "sentences")),
        Component("entities", _entities, ("blocks", "sentences"), ("mentions", "entities")),
        Component("timex", _timex, (), ("timexes", "reference_date")),
        Component("quotes", _quotes, ("blocks", "sentences", "mentions", "entities"), ("quotes",)),
        Component("claims", _claims, ("sentences", "mentions", "entities", "quotes"), ("claims",)),
        Component("events", _events, ("sentences", "timexes", "mentions", "entities"), ("events",)),
    )
}
DEFAULT_PIPELINE = ("structure", "entities", "timex", "quotes", "claims", "events")

_KIND_WORDS = re.compile(
    r"\b(press release|news release|media release|statement|letter|report|minutes|briefing)\b", re.IGNORECASE
)


def document_kind(doc: Document) -> str | None:
    """What kind of primary document this is, when its metadata or heading says so."""
    declared = doc.meta.get("kind") if isinstance(doc.meta, dict) else None
    if isinstance(declared, str) and declared:
        return declared.lower()
    head = " ".join(filter(None, [doc.title or "", doc.text[:200]]))
    match = _KIND_WORDS.search(head)
    if not match:
        return None
    word = match.group(1).lower()
    return "press release" if word in ("news release", "media release") else word


@dataclass
class Pipeline:
    """An ordered list of components; call it on a document to annotate it."""

    names: Sequence[str] = DEFAULT_PIPELINE
    context: Context = field(default_factory=Context)

    def __post_init__(self) -> None:
        check_order(self.names)

    @property
    def version(self) -> str:
        model = f"+{self.context.model_name}" if self.context.model_name else ""
        return f"{PIPELINE_VERSION}:{','.join(self.names)}{model}"

    def __call__(self, doc: Document) -> Annotations:
        ann = Annotations(doc_id=doc.id, pipeline=self.version)
        for name in self.names:
            COMPONENTS[name].func(doc, ann, self.context)
        return ann


def check_order(names: Sequence[str]) -> None:
    """Fail early, with a clear message, on unknown components or ones run before what they need."""
    available: set[str] = set()
    for name in names:
        if name not in COMPONENTS:
            raise ValueError(f"unknown pipeline component {name!r}; known: {', '.join(COMPONENTS)}")
        missing = [r for r in COMPONENTS[name].requires if r not in available]
        if missing:
            raise ValueError(f"component {name!r} needs {', '.join(missing)}: put the components that set them first")
        available.update(COMPONENTS[name].sets)


def make_pipeline(model: str | None = None) -> Pipeline:
    """The default pipeline, optionally improved by an installed spaCy pipeline."""
    if not model:
        return Pipeline()
    from storyline.annotate.spacy_model import load_model

    return Pipeline(context=Context(nlp=load_model(model), model_name=model))


_DEFAULT: Pipeline | None = None


def annotate(doc: Document) -> Annotations:
    """Annotate one document with the default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(doc)
