"""What the views return: typed, read-only results that the CLI, the web app, reports and the API render.

Dates stay TIMEX3 values; ``when`` properties say them in words through :mod:`storyline.timex3`.
Spans are character offsets into the document's text (``document``, ``start``, ``end``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from storyline import timex3
from storyline.answers import claim_line, speech_act, speech_line
from storyline.pagemap import page_label
from storyline.versions import VersionDiff

T = TypeVar("T")
UNATTRIBUTED = "(unattributed)"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list: ``more`` says whether anything follows; ``total`` when it is cheap to count."""

    items: list[T]
    offset: int = 0
    limit: int = 0
    more: bool = False
    total: int | None = None

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class Excerpt:
    """A span with a little of the text around it, as plain strings (each renderer escapes its own way)."""

    before: str
    span: str
    after: str


@dataclass(frozen=True)
class EntityRef:
    id: str
    name: str
    type: str = "person"


@dataclass(frozen=True)
class DocumentSummary:
    """A document without its text: what lists, sources and links need."""

    id: str
    title: str  # the title, else the file name it came from
    published: str | None
    site: str
    source: str
    url: str | None = None
    published_inferred: bool = False
    author: str | None = None
    format: str = "text"
    duplicate_of: str | None = None
    version_of: str | None = None
    story: str | None = None
    story_title: str | None = None
    ocr: bool = False  # some or all of its text was machine-read (OCR): names and figures may be misread
    pages: tuple[int, ...] = ()  # page map of a paged source: offset where each page starts
    attached_to: str | None = None  # the email message (document id) this file was attached to

    def page(self, start: int, end: int | None = None) -> str | None:
        """ "page 3" (or "pages 3-4") for a span of this document; None when it has no pages."""
        return page_label(self.pages, start, start + 1 if end is None else end) if self.pages else None


@dataclass(frozen=True)
class QuoteRow:
    id: str
    document: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None  # corpus identity
    speaker_name: str | None
    stance: str = "asserts"
    confidence: float = 0.0
    published: str | None = None
    title: str | None = None  # of its document
    story: str | None = None
    quote_group: str | None = None
    cue_verb: str | None = None
    speaker_kind: str | None = None
    speaker_description: str | None = None  # an unresolved description ("the retired teacher"), never a name
    ocr: bool = False  # its document's text was machine-read: a name may be misread
    page: str | None = None  # "page 3" in a paged document
    target_name: str | None = None  # an accusation: who is accused, when the text says
    target_description: str | None = None  # an accusation of someone unidentified: the words describing them

    @property
    def act(self) -> str | None:
        """ "denied", "asked", "accused the mayor"; None when the speaker simply says it."""
        return speech_act(self)

    @property
    def line(self) -> str:
        """How a view words it: "Jane Oduya denied: P", "Tom Hale: P", "the retired teacher (unidentified): P"."""
        return speech_line(self)


@dataclass(frozen=True)
class StoryQuote:
    """One quote of a story, once, with every document of the story that carries it (earliest first)."""

    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    sources: list[QuoteRow]

    @property
    def first(self) -> QuoteRow:
        return self.sources[0]

    @property
    def act(self) -> str | None:
        """ "denied", "asked", "accused the mayor" when any source reports the words so; None for an assertion
        (a denial is never shown as the speaker's own words)."""
        return next((a for a in (s.act for s in self.sources) if a), None)

    @property
    def line(self) -> str:
        """ "Jane Oduya denied: P", "Tom Hale: P" (see :func:`storyline.answers.speech_line`)."""
        first = next((s for s in self.sources if s.act), self.sources[0])
        return speech_line({"speaker_name": self.speaker_name, "speaker_description": first.speaker_description,
                            "stance": first.stance, "cue_verb": first.cue_verb, "target_name": first.target_name,
                            "target_description": first.target_description, "text": self.text})

    @property
    def ocr(self) -> bool:
        """Every source that carries it was machine-read (OCR): a name or figure may be misread."""
        return all(s.ocr for s in self.sources)


@dataclass(frozen=True)
class SpeakerQuotes:
    name: str  # the speaker's name, or UNATTRIBUTED
    speaker: str | None
    quotes: list[StoryQuote]


@dataclass(frozen=True)
class EventSourceRow:
    """One document's report of a merged timeline entry, with the date that document gives."""

    document: str
    start: int
    end: int
    date: str
    inferred: bool
    title: str | None = None

    @property
    def when(self) -> str:
        return timex3.words(self.date, inferred=self.inferred)


@dataclass(frozen=True)
class EventRow:
    id: str
    document: str
    start: int
    end: int
    date: str  # TIMEX3 value (as the story's timeline settled it, where it did)
    precision: str
    inferred: bool
    text: str
    story: str | None = None
    title: str | None = None  # of its document
    actors: list[str] = field(default_factory=list)
    mod: str | None = None  # TIMEX3 mod: START ("early 2007") ...
    anchor: str | None = None  # since, until ...: the date bounds a range
    disputed: bool = False  # merged timelines: the sources read different dates
    sources: list[EventSourceRow] = field(default_factory=list)  # merged timelines: every report (when several)
    page: str | None = None  # "page 3" in a paged document

    @property
    def when(self) -> str:
        return timex3.words(self.date, mod=self.mod, inferred=self.inferred, anchor=self.anchor)

    @property
    def short_when(self) -> str:
        return timex3.short_words(self.date, inferred=self.inferred, mod=self.mod, anchor=self.anchor)

    @property
    def placeable(self) -> bool:
        return timex3.is_placeable(self.date)


@dataclass(frozen=True)
class ClaimRow:
    id: str
    document: str
    start: int
    end: int
    kind: str  # claim, denial, admission, promise
    claimant: str | None
    claimant_name: str | None
    target: str | None
    target_name: str | None
    text: str  # the sentence or clause
    content: str | None = None  # what is claimed or denied
    title: str | None = None
    published: str | None = None
    answers: str | None = None  # a denial: the claim (id) of its document it answers
    target_description: str | None = None  # an accusation of someone unidentified: the words describing them

    @property
    def against(self) -> str | None:
        """Who the claim is against: the target's name, else the words that describe them ("the council's
        leadership"), never a guessed person."""
        return self.target_name or self.target_description


@dataclass(frozen=True)
class StoryClaim:
    """One claim of a story, once, with every document of the story that carries it (earliest first): the
    versions and copies of an article that report the same claim by the same claimant.

    What it says is read from its sources when it is made (kept as fields, so the JSON API writes them too):
    the first source's kind and claimant, who it is against as the first source that names or describes them,
    the fullest wording among the sources."""

    sources: list[ClaimRow]
    kind: str = field(init=False)
    claimant: str | None = field(init=False)
    claimant_name: str | None = field(init=False)
    against: str | None = field(init=False)
    target_name: str | None = field(init=False)
    content: str | None = field(init=False)
    line: str = field(init=False)  # "Owen Maddox: the mayor owed residents an apology" (claims: see answers)

    def __post_init__(self) -> None:
        first = self.sources[0]
        content = max((s.content for s in self.sources if s.content), key=len, default=first.text)
        against = next((s.against for s in self.sources if s.against), None)
        found = {"kind": first.kind, "claimant": first.claimant, "claimant_name": first.claimant_name,
                 "against": against, "target_name": next((s.target_name for s in self.sources if s.target_name), None),
                 "content": content,
                 "line": claim_line({"claimant_name": first.claimant_name, "against": against, "text": content})}
        for name, value in found.items():
            object.__setattr__(self, name, value)

    @property
    def first(self) -> ClaimRow:
        return self.sources[0]


@dataclass(frozen=True)
class RoleSource:
    document: str
    start: int
    end: int
    date: str | None
    title: str | None = None


@dataclass(frozen=True)
class RolePeriod:
    """One role of one identity, once, with the dates it is reported over and where."""

    role: str
    organisations: list[str]
    first: str | None
    last: str | None
    mentions: int
    sources: list[RoleSource] = field(default_factory=list)

    @property
    def dates(self) -> str:
        """``"2023-03-21"`` or ``"2023-03-21 – 2024-09-14"``."""
        if self.first and self.last and self.first != self.last:
            return f"{self.first} – {self.last}"
        return self.first or self.last or "undated"


@dataclass(frozen=True)
class PersonSummary:
    id: str
    type: str
    name: str
    aliases: list[str]
    roles: list[str]  # distinct role names
    quotes: int
    mentions: int = 0
    documents: int = 0


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    size: int
    storyline: str | None = None
    storyline_title: str | None = None
    people: list[EntityRef] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)

    @property
    def dates(self) -> str:
        first, last = self.first_date, self.last_date
        if first and last and first != last:
            return f"{first} – {last}"
        return first or last or "undated"


@dataclass(frozen=True)
class Person:
    """One identity: its roles (each once, with dates), quotes, claims by or against it, stories, documents."""

    summary: PersonSummary
    roles: list[RolePeriod]
    quotes: Page[QuoteRow]
    claims: list[ClaimRow]
    stories: list[StorySummary]
    documents: Page[DocumentSummary]


@dataclass(frozen=True)
class Side:
    """One side of a disagreement or of a copied passage."""

    document: str
    start: int
    end: int
    title: str
    excerpt: Excerpt


@dataclass(frozen=True)
class CopiedPassage:
    copy: Side  # where the passage appears again
    original: Side  # where it came from (or what shares its source)
    similarity: float


@dataclass(frozen=True)
class CopiedFrom:
    """The passages copied from one source document, each with the document that copied it
    (``more``: how many others are not listed)."""

    source: DocumentSummary
    passages: list[CopiedPassage]
    more: int = 0


@dataclass(frozen=True)
class DiscrepancyRow:
    id: str
    kind: str
    description: str
    sides: list[Side]


@dataclass(frozen=True)
class StoryPerson:
    """Someone in a story: their roles within the story's documents and how often they are quoted there."""

    id: str
    name: str
    type: str
    roles: list[RolePeriod]
    quotes: int


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str
    paragraph: int | None


@dataclass(frozen=True)
class EvidenceSpan:
    """Where one member of a story (or storyline) says a shared item: the span and its text."""

    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EvidenceItem:
    """Something the documents of a story (the stories of a storyline) have in common, and where."""

    kind: str  # person, organisation, place, phrase, figure, date
    value: str
    documents: int  # members sharing it
    spans: list[EvidenceSpan] = field(default_factory=list)
    inferred: bool = False  # a date read from an undated document's text


@dataclass
class StoryDossier:
    """Everything about one story, bounded by the story's size: the one dossier model every view renders."""

    story: StorySummary
    documents: list[DocumentSummary]  # the sources, earliest first: source n is documents[n - 1]
    people: list[StoryPerson]
    organisations: list[StoryPerson]
    timeline: list[EventRow]
    quotes: list[SpeakerQuotes]
    claims: list[StoryClaim]  # each once, with every version or copy that carries it
    copied: list[CopiedFrom]
    discrepancies: list[DiscrepancyRow]
    storyline_stories: list[StorySummary] = field(default_factory=list)
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    more: dict[str, int] = field(default_factory=dict)  # section -> rows left out (people, events, quotes,
    # speakers, claims, copied, discrepancies): a big story's page lists the first of each
    evidence: list[EvidenceItem] = field(default_factory=list)  # why its documents belong together
    storyline_evidence: list[EvidenceItem] = field(default_factory=list)  # why its storyline's stories do
    unanswered: list[StoryClaim] = field(default_factory=list)  # claims no denial in the story answers, each once
    versions: list[VersionDiff] = field(default_factory=list)  # what changed between its versions and rewrites

    def source_number(self, document: str) -> int | None:
        """The number of a document in the story's source list (1 = earliest)."""
        return next((i for i, d in enumerate(self.documents, 1) if d.id == document), None)

    def place(self, document: str, start: int) -> str:
        """Where a span is, as a reader finds it: "source 2, paragraph 4" (or "source 2, headline"), and the page
        of a paged source: "source 3, paragraph 2, page 2"."""
        number = self.source_number(document)
        where = f"source {number}" if number else "another source"
        page = self.documents[number - 1].page(start) if number else None
        blocks = self.blocks.get(document, [])
        i = bisect.bisect_right([b.start for b in blocks], start) - 1
        if i >= 0 and start < blocks[i].end:
            block = blocks[i]
            where += f", paragraph {block.paragraph}" if block.paragraph else f", {block.kind}"
        return f"{where}, {page}" if page else where

    @property
    def quote_count(self) -> int:
        return sum(len(s.quotes) for s in self.quotes)

    @property
    def summary(self) -> str:
        """The line an editor reads first: "2023-03-14 – 2023-03-22: 5 sources from 3 outlets; 45 quotes by 8
        speakers; 19 dated events; 1 discrepancy." """
        outlets = len({d.site for d in self.documents if d.site})
        speakers = len([s for s in self.quotes if s.speaker or s.name != UNATTRIBUTED]) + self.more.get("speakers", 0)
        quotes = self.quote_count + self.more.get("quotes", 0)
        parts = [f"{_count(len(self.documents), 'source')} from {_count(outlets, 'outlet')}",
                 f"{_count(quotes, 'quote')} by {_count(speakers, 'speaker')}",
                 _count(len(self.timeline) + self.more.get("events", 0), "dated event"),
                 _count(len(self.discrepancies) + self.more.get("discrepancies", 0), "discrepancy", "discrepancies")]
        return f"{self.story.dates}: " + "; ".join(parts) + "."


@dataclass(frozen=True)
class Mark:
    """A highlighted span of a document page: a fact (anchor) or a mention or date (a mark)."""

    start: int
    end: int
    kind: str  # quote, event, claim, role, reuse, discrepancy, mention, date
    label: str
    css: str = ""
    entity: str | None = None  # corpus identity the span links to
    anchor: bool = True


@dataclass(frozen=True)
class DocumentView:
    """One document with its text and every fact found in it."""

    summary: DocumentSummary
    text: str
    entities: list[EntityRef]  # local entities (id "<document>:<local>" before linking)
    quotes: list[QuoteRow]
    events: list[EventRow]
    claims: list[ClaimRow]
    marks: list[Mark]
    attachments: list[DocumentSummary] = field(default_factory=list)  # files attached to this message
    attached_to: DocumentSummary | None = None  # the message this file was attached to


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchHit:
    document: DocumentSummary
    snippet: str  # matches wrapped in \x02 ... \x03
    score: float


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]  # after the chosen facets
    total: int  # before the chosen facets
    facets: dict[str, list[Facet]]


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    latest_stories: list[StorySummary]
    recent_documents: list[DocumentSummary]
