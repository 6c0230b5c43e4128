"""The dataclasses every stage of storyline speaks.

Data flows one way: source -> :class:`Document` -> :class:`Annotations` (per
document, pure) -> :class:`CorpusLinks` (cross-document) -> store -> views.

All offsets are character offsets (Python ``str`` indices) into the owning
document's ``text``; ``end`` is exclusive.  Every object here is plain data:
picklable, JSON-serialisable through :func:`to_dict` / :func:`from_dict`, so
it can cross a process pool or a Spark executor unchanged.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

EntityType = Literal["person", "organisation", "place"]
BlockKind = Literal["headline", "subheading", "caption", "byline", "dateline", "paragraph"]
QuoteKind = Literal["direct", "indirect", "mixed"]
ClaimKind = Literal["claim", "denial", "admission", "promise"]
MentionKind = Literal["name", "surname", "title", "role", "pronoun"]
EvidenceKind = Literal["person", "organisation", "place", "phrase", "figure", "date"]
Stance = Literal["asserts", "denies", "questions"]
SpeakerKind = Literal["person", "group", "organisation", "document", "description"]


@dataclass
class Document:
    """One ingested text with its metadata.

    ``id`` is a hash of the normalised text (see ``ingest.normalize``), so the
    same content always gets the same id.
    """

    id: str
    text: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date: YYYY-MM-DD, YYYY-MM or YYYY
    published_inferred: bool = False
    published_span: tuple[int, int] | None = None  # evidence for an inferred date
    author: str | None = None
    site_name: str | None = None
    format: str = "text"
    version_of: str | None = None  # earlier document from the same URL
    duplicate_of: str | None = None  # filled by corpus linking
    meta: dict[str, Any] = field(default_factory=dict)
    ocr: bool = False  # the text (or part of it) was machine-read from images
    pages: list[int] = field(default_factory=list)  # character offset where each page starts (page 1 first)
    attached_to: str | None = None  # the message (document id) this file was attached to


@dataclass
class Block:
    """A layout unit: headline, subheading, caption, byline, dateline or paragraph."""

    kind: BlockKind
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    block: int  # index into Annotations.blocks


@dataclass
class Role:
    """A role or affiliation read from the text, with the span it came from."""

    role: str  # e.g. "interim chief executive", "councillor", "mayor"
    start: int
    end: int
    organisation: str | None = None  # e.g. "Harrowgate Borough Council", "Labour"
    place: str | None = None  # e.g. constituency or council area


@dataclass
class Mention:
    """A stretch of text that refers to an entity of this document."""

    start: int
    end: int
    text: str
    type: EntityType
    entity: str  # document-local entity id, e.g. "e3"
    kind: MentionKind = "name"


@dataclass
class Entity:
    """A person, organisation or place as one document knows it."""

    id: str  # document-local, e.g. "e3"
    type: EntityType
    name: str  # fullest form seen in the document
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None  # "female", "male" or None when unknown


@dataclass
class Timex:
    """A temporal expression normalised to a TIMEX3 value."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # TIMEX3 value: 2006-10-19, XXXX-10-19, 2007-03, P3Y, PRESENT_REF ...
    relative: bool = False  # resolved against a reference date
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, START, END, APPROX ...
    anchor: str | None = None  # since, from, until, by, before, after: the date bounds a range, it dates no happening


@dataclass
class Quote:
    """Reported speech: ``start``/``end`` cover the quoted content."""

    id: str  # document-local, e.g. "q2"
    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: str | None = None  # document-local entity id
    speaker_name: str | None = None  # person name, or a source such as "press release"
    speaker_mention: tuple[int, int] | None = None  # span naming the speaker here
    cue: tuple[int, int] | None = None  # span of the reporting verb or colon
    confidence: float = 0.0
    stance: Stance = "asserts"  # what the speaker does with the content: asserts, denies or questions it
    cue_verb: str | None = None  # the reporting verb's lemma ("say", "deny", "according to", ":")
    speaker_kind: SpeakerKind | None = None  # what kind of source the speaker is (None: no speaker)
    speaker_description: str | None = None  # an unresolved description ("the retired teacher"), never a name
    speaker_members: list[str] = field(default_factory=list)  # entity ids of a group speaker's named members


@dataclass
class EventSource:
    """One document's report of an event in a merged story timeline, with the date that document gives."""

    document: str
    start: int  # the sentence
    end: int
    date: str  # TIMEX3 value as this document gives it (after year inference)
    timex: tuple[int, int]  # the date expression in this document
    inferred: bool = False


@dataclass
class Event:
    """A dated happening: a sentence that carries a date.

    In a merged story timeline one event stands for one fact: ``sources`` lists every document that
    reports it (the event's own span first), and ``disputed`` is True when they give different dates.
    """

    id: str
    start: int
    end: int
    date: str  # TIMEX3 value
    precision: Literal["time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century",
                       "unknown"]  # as storyline.timex3.precision reads the date
    text: str  # short summary
    timex: tuple[int, int]
    inferred: bool = False  # the date (or its year) was inferred, not read from the text with a known reference
    actors: list[str] = field(default_factory=list)  # entity ids
    mod: str | None = None  # TIMEX3 mod of the date: START ("early 2007"), MID, END, APPROX ...
    anchor: str | None = None  # since, from, until, by, before, after: the date bounds a range, not the happening
    sources: list[EventSource] = field(default_factory=list)  # merged timelines: every report of this event
    disputed: bool = False  # merged timelines: the sources give different dates (see the story's discrepancies)


@dataclass
class Claim:
    """A speech act: claim/allegation, denial, admission or promise."""

    id: str
    start: int
    end: int
    kind: ClaimKind
    claimant: str | None = None  # entity id
    claimant_name: str | None = None
    target: str | None = None  # entity id of who is accused / whose claim is rejected
    target_name: str | None = None
    content: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    answers: str | None = None  # a denial: the id of the claim of this document it answers


@dataclass
class Annotations:
    """Everything the per-document pipeline found in one document."""

    doc_id: str
    pipeline: str = ""
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # The publication date relative expressions were resolved against; for an undated document, the
    # latest date its text names (an estimate for clustering: no date is resolved against it).
    reference_date: str | None = None

    def entity(self, entity_id: str | None) -> Entity | None:
        """Return the entity with this local id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)


# --- corpus level -----------------------------------------------------------


@dataclass
class CorpusRole:
    role: str
    document: str
    start: int
    end: int
    organisation: str | None = None
    date: str | None = None  # publication date of the document it came from


@dataclass
class CorpusEntity:
    """One identity across the corpus."""

    id: str
    type: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[CorpusRole] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)  # (document id, local entity id)


@dataclass
class SpanRef:
    document: str
    start: int
    end: int


@dataclass
class GroupingEvidence:
    """Something the documents of a story (or the stories of a storyline) have in common, and where.

    ``documents`` counts the documents that share it (for a storyline: the stories); ``spans`` point
    at where some of them say it, one span per document at most.  ``inferred`` marks a date read
    from the text rather than from metadata ("In 2007 ...": written in 2007 or later).
    """

    kind: EvidenceKind
    value: str  # "Gordon Pryce", "intervention order", "£4.7m", "2023-03-14"
    documents: int
    spans: list[SpanRef] = field(default_factory=list)
    inferred: bool = False


@dataclass
class Story:
    id: str
    title: str
    documents: list[str] = field(default_factory=list)
    storyline: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    evidence: list[GroupingEvidence] = field(default_factory=list)  # why its documents belong together


@dataclass
class Storyline:
    id: str
    title: str
    stories: list[str] = field(default_factory=list)
    evidence: list[GroupingEvidence] = field(default_factory=list)  # why its stories belong together


@dataclass
class Reuse:
    """A passage of document ``b`` that was copied from (or shared with) ``a``."""

    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float


@dataclass
class Discrepancy:
    id: str
    story: str | None
    kind: str  # "date", "figure", "speaker", "claim-denial"
    description: str
    spans: list[SpanRef] = field(default_factory=list)


@dataclass
class QuoteGroup:
    """The same quote found in several documents."""

    id: str
    text: str
    speaker: str | None  # corpus entity id
    speaker_name: str | None
    sources: list[SpanRef] = field(default_factory=list)


@dataclass
class DocumentLink:
    """A relation between two documents: duplicate or version."""

    a: str
    b: str
    kind: Literal["duplicate", "version"]
    similarity: float


@dataclass
class Timeline:
    """A story's merged, ordered events (event ids are ``<document id>:<local id>``)."""

    story: str
    events: list[Event] = field(default_factory=list)


@dataclass
class CorpusLinks:
    """Everything cross-document linking found."""

    entities: list[CorpusEntity] = field(default_factory=list)
    entity_map: dict[str, str] = field(default_factory=dict)  # "doc:e3" -> corpus entity id
    stories: list[Story] = field(default_factory=list)
    storylines: list[Storyline] = field(default_factory=list)
    reuse: list[Reuse] = field(default_factory=list)
    document_links: list[DocumentLink] = field(default_factory=list)
    quote_groups: list[QuoteGroup] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    timelines: dict[str, list[Event]] = field(default_factory=dict)  # story id -> merged events
    reuse_share: dict[str, float] = field(default_factory=dict)  # document id -> share of its text copied


# --- (de)serialisation --------------------------------------------------------

T = TypeVar("T")


_SCALARS = (str, int, float, bool, type(None))


def to_dict(obj: Any) -> Any:
    """Turn a dataclass tree into JSON-ready dicts, lists and scalars."""
    if isinstance(obj, _SCALARS):
        return obj
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    names = _field_names(type(obj))  # type: ignore[arg-type]
    if names is None:
        return obj
    return {name: to_dict(getattr(obj, name)) for name in names}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """Field names of a dataclass type (cached: this runs for every object serialised), None for other types."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass (recursively) from :func:`to_dict` output."""
    return typing.cast(T, _converter(cls)(data))  # type: ignore[arg-type]


Converter = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _converter(tp: Any) -> Converter:
    """A function turning JSON data into ``tp``, built once per type (reading annotations is a hot path)."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        inner = _converter(options[0]) if len(options) == 1 else _identity
        return lambda v: None if v is None else inner(v)
    if origin is list:
        item = _converter(get_args(tp)[0])
        return lambda v: None if v is None else [item(x) for x in v]
    if origin is tuple:
        return lambda v: None if v is None else tuple(v)
    if origin is dict:
        val = _converter(get_args(tp)[1])
        return lambda v: None if v is None else {k: val(x) for k, x in v.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_converter(tp)
    return _identity


def _dataclass_converter(cls: type) -> Converter:
    hints = get_type_hints(cls)
    fields = {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}

    def convert(value: Any) -> Any:
        if value is None:
            return None
        return cls(**{k: fields[k](v) for k, v in value.items() if k in fields})

    return convert
