"""Table definitions (SQLAlchemy Core) shared by SQLite and PostgreSQL.

Facts are rows, in tables named after the export's lists (docs/export.md): ``documents``,
``entities``, ``quotes``, ``events``, ``claims``, ``stories``, ``storylines``, ``reuse``,
``discrepancies``, ``quote_groups``, ``document_links``, ``timeline_entries``, with link tables
(``story_documents``, ``event_actors``, ...). Per-document facts (``*_local`` columns hold the
document-local entity id) are written when a document is annotated; columns that point at corpus
identities, stories and quote groups are filled when linking runs. Those references are deferred
foreign keys that become NULL when their target goes, so linking can write in any order within
its transaction. ``annotations.data`` keeps each document's annotations as JSON: a cache for
re-linking, never read by a view. docs/schema.md describes every table.

No `from __future__ import annotations` here: the `annotations` table would shadow it.
"""

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
    text,
)

metadata = MetaData()

# A reference written by linking: deferred (checked at commit), NULL when the target is deleted.
LINKED: dict[str, Any] = {"ondelete": "SET NULL", "deferrable": True, "initially": "DEFERRED"}


def _document_fk(nullable: bool = False, **kw: Any) -> Column[Any]:
    return Column("document", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=nullable, **kw)


def _entity(name: str) -> Column[Any]:
    return Column(name, String(32), ForeignKey("entities.id", **LINKED))


def _story(name: str = "story") -> Column[Any]:
    return Column(name, String(64), ForeignKey("stories.id", **LINKED))


def _span(prefix: str) -> list[Column[Any]]:
    return [Column(f"{prefix}_start", Integer), Column(f"{prefix}_end", Integer)]

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # ingest order
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("published_start", Integer),
    Column("published_end", Integer),
    Column("author", Text),
    Column("site_name", Text),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("version_of", String(32)),
    Column("duplicate_of", String(32)),
    Column("meta", Text, nullable=False, default="{}"),  # JSON
    Column("ingested_at", String(32), nullable=False),
    # Added by migration 5: text machine-read (OCR), page map (JSON list of start offsets), parent message.
    Column("ocr", Boolean, nullable=False, default=False, server_default=false()),
    Column("pages", Text),
    Column("attached_to", String(32)),
    # Added by migration 6 (see DOCUMENT_COLUMNS_6):
    Column("reuse_share", Float, nullable=False, default=0.0, server_default="0"),
    Column("site", Text),  # site name, else the URL's host, else the source file name
    Column("date_sort", String(64)),  # storyline.store.rows.date_sort of ``published``
    Index("ix_documents_url", "url"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_date_sort", "date_sort", "seq"),
    Index("ix_documents_attached_to", "attached_to"),
)

DOCUMENT_COLUMNS_6 = ("reuse_share", "site", "date_sort")

annotations = Table(
    "annotations",
    metadata,
    Column("doc_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("pipeline", String(64), nullable=False),
    Column("data", Text, nullable=False),  # JSON of model.Annotations
    Column("updated_at", String(32), nullable=False),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),
    Index("ix_ingest_errors_source", "source"),
)

state = Table(
    "state",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("data", Text, nullable=False),
)

# Corpus linking's own index (storyline.link.index.LinkIndex): what incremental linking looks up.
# Keys are 64-bit hashes of (kind, key) so the tables stay compact however long the keys.
link_postings = Table(
    "link_postings",
    metadata,
    Column("kind", String(12), primary_key=True),
    Column("key", BigInteger, primary_key=True),
    Column("item", String(160), primary_key=True),
    sqlite_with_rowid=False,
)

link_counts = Table(
    "link_counts",
    metadata,
    Column("kind", String(12), primary_key=True),
    Column("key", BigInteger, primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

link_records = Table(
    "link_records",
    metadata,
    Column("kind", String(12), primary_key=True),
    Column("id", String(160), primary_key=True),
    Column("data", Text, nullable=False),  # JSON
)

# --- facts as rows (migration 6) -------------------------------------------------------------------------

entities = Table(
    "entities",  # corpus identities: people, organisations and places
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list of other names
    Column("mentions", Integer, nullable=False, default=0),  # mentions linking counted
    Column("quote_count", Integer, nullable=False, default=0),  # quotes it is the speaker of
    Column("role_count", Integer, nullable=False, default=0),  # role mentions
    Column("document_count", Integer, nullable=False, default=0),  # documents naming it
    Index("ix_entities_ranked", "type", text("quote_count DESC"), text("role_count DESC"), "name"),
    Index("ix_entities_name", "name"),
)

document_entities = Table(
    "document_entities",  # each document's own people, organisations and places, with their corpus identity
    metadata,
    _document_fk(primary_key=True),
    Column("local_id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("gender", String(8)),
    _entity("entity"),
    Index("ix_document_entities_entity", "entity", "document"),
)

mentions = Table(
    "mentions",
    metadata,
    _document_fk(primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("entity_local", String(32), nullable=False),
    _entity("entity"),
    Index("ix_mentions_entity", "entity"),
)

roles = Table(
    "roles",  # a role or affiliation read from the text ("mayor", "councillor"), with its span
    metadata,
    _document_fk(primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("entity_local", String(32), nullable=False),
    _entity("entity"),
    Column("role", Text, nullable=False),
    Column("role_key", Text, nullable=False),  # case-folded: "Mayor" and "mayor" are one role
    Column("organisation", Text),
    Column("place", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", String(10)),  # the document's publication date
    Column("date_sort", String(64), nullable=False),
    Index("ix_roles_entity", "entity", "role_key", "date_sort"),
)

timexes = Table(
    "timexes",  # dates and times as written, with their TIMEX3 value
    metadata,
    _document_fk(primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("relative", Boolean, nullable=False, default=False),
    Column("mod", String(16)),
    Column("anchor", String(16)),  # since, from, until, by, before, after: the date bounds a range
)

blocks = Table(
    "blocks",  # layout: headline, byline, paragraphs ...; ``paragraph`` numbers the paragraphs from 1
    metadata,
    _document_fk(primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("paragraph", Integer),
)

quote_groups = Table(
    "quote_groups",  # the same quote found in several documents
    metadata,
    Column("id", String(32), primary_key=True),
    Column("text", Text, nullable=False),
    _entity("speaker"),
    Column("speaker_name", Text),
    Column("sources", Integer, nullable=False, default=0),
    Index("ix_quote_groups_speaker", "speaker"),
)

quote_group_sources = Table(
    "quote_group_sources",
    metadata,
    Column("quote_group", String(32), ForeignKey("quote_groups.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_quote_group_sources_document", "document"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", String(64), primary_key=True),  # "<document id>:q<n>"
    _document_fk(),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    _entity("speaker"),
    Column("speaker_local", String(32)),
    Column("speaker_name", Text),
    *_span("speaker_mention"),
    *_span("cue"),
    Column("confidence", Float, nullable=False, default=0.0),
    Column("stance", String(16), nullable=False, default="asserts"),
    Column("cue_verb", Text),
    Column("speaker_kind", String(16)),
    Column("speaker_description", Text),
    Column("speaker_members", Text, nullable=False, default="[]"),  # JSON list of document-local entity ids
    Column("quote_group", String(32), ForeignKey("quote_groups.id", **LINKED)),
    _story(),
    Column("published", String(10)),  # the document's publication date
    Column("date_sort", String(64), nullable=False),
    Index("ix_quotes_document", "document", "position"),
    Index("ix_quotes_speaker", "speaker", "date_sort"),
    Index("ix_quotes_date", "date_sort", "document", "position"),
    Index("ix_quotes_group", "quote_group"),
    Index("ix_quotes_story", "story"),
)

events = Table(
    "events",  # dated happenings: a sentence that carries a date
    metadata,
    Column("id", String(64), primary_key=True),  # "<document id>:v<n>"
    _document_fk(),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", String(64), nullable=False),  # TIMEX3 value as annotated
    Column("precision", String(16), nullable=False),
    Column("inferred", Boolean, nullable=False, default=False),
    Column("text", Text, nullable=False),
    *_span("timex"),
    _story(),
    Column("story_date", String(64)),  # the date the story's timeline settled on (a year filled in), if other
    Column("start_day", Integer),  # first and last day the date can mean (proleptic ordinals), for ranges
    Column("end_day", Integer),
    Column("date_sort", String(64), nullable=False),
    Column("mod", String(16)),  # TIMEX3 mod: START ("early 2007"), MID, END, APPROX ...
    Column("anchor", String(16)),  # since, from, until, by, before, after: the date bounds a range, not the happening
    Index("ix_events_document", "document", "position"),
    Index("ix_events_date", "date_sort", "document", "position"),
    Index("ix_events_story", "story", "date_sort"),
    Index("ix_events_days", "start_day", "end_day"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    _document_fk(),
    Column("entity_local", String(32), nullable=False),
    _entity("entity"),
    Index("ix_event_actors_entity", "entity"),
    Index("ix_event_actors_document", "document"),
)

claims = Table(
    "claims",  # claims, denials, admissions and promises
    metadata,
    Column("id", String(64), primary_key=True),  # "<document id>:c<n>"
    _document_fk(),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    _entity("claimant"),
    Column("claimant_local", String(32)),
    Column("claimant_name", Text),
    _entity("target"),
    Column("target_local", String(32)),
    Column("target_name", Text),
    *_span("content"),
    *_span("cue"),
    Column("answers", String(64)),  # a denial: the id of the claim of the same document it answers
    _story(),
    Column("published", String(10)),
    Column("date_sort", String(64), nullable=False),
    Index("ix_claims_document", "document", "position"),
    Index("ix_claims_claimant", "claimant"),
    Index("ix_claims_target", "target"),
    Index("ix_claims_date", "date_sort", "document", "position"),
    Index("ix_claims_kind", "kind", "date_sort"),
    Index("ix_claims_story", "story"),
)

storylines = Table(
    "storylines",  # stories of one affair across months or years
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
    Column("storyline", String(64), ForeignKey("storylines.id", **LINKED)),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("first_day", Integer),  # first day of first_date, last day of last_date (ordinals)
    Column("last_day", Integer),
    Column("size", Integer, nullable=False, default=0),  # documents
    Index("ix_stories_last_day", "last_day"),
    Index("ix_stories_first_day", "first_day"),
    Index("ix_stories_storyline", "storyline"),
)

story_documents = Table(
    "story_documents",
    metadata,
    _document_fk(primary_key=True),
    Column("story", String(64), ForeignKey("stories.id", ondelete="CASCADE", deferrable=True,
                                           initially="DEFERRED"), nullable=False),
    Column("position", Integer, nullable=False),
    Index("ix_story_documents_story", "story", "position"),
)

storyline_stories = Table(
    "storyline_stories",
    metadata,
    Column("storyline", String(64), ForeignKey("storylines.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("story", String(64), ForeignKey("stories.id", ondelete="CASCADE", deferrable=True,
                                           initially="DEFERRED"), nullable=False),
    Index("ix_storyline_stories_story", "story"),
)

reuse = Table(
    "reuse",  # copied passages: b[b_start:b_end] was copied from (or shares its source with) a[a_start:a_end]
    metadata,
    Column("id", String(32), primary_key=True),
    Column("a", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("b", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("a_start", Integer, nullable=False),
    Column("a_end", Integer, nullable=False),
    Column("b_start", Integer, nullable=False),
    Column("b_end", Integer, nullable=False),
    Column("similarity", Float, nullable=False),
    Index("ix_reuse_a", "a"),
    Index("ix_reuse_b", "b"),
)

document_links = Table(
    "document_links",  # duplicates and versions
    metadata,
    Column("id", String(80), primary_key=True),  # "<a>:<b>"
    Column("a", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("b", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("similarity", Float, nullable=False),
    Index("ix_document_links_a", "a"),
    Index("ix_document_links_b", "b"),
)

discrepancies = Table(
    "discrepancies",  # where sources disagree: date, figure, speaker, claim-denial
    metadata,
    Column("id", String(32), primary_key=True),
    _story(),
    Column("kind", String(16), nullable=False),
    Column("description", Text, nullable=False),
    Index("ix_discrepancies_story", "story"),
)

discrepancy_spans = Table(
    "discrepancy_spans",
    metadata,
    Column("discrepancy", String(32), ForeignKey("discrepancies.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_discrepancy_spans_document", "document"),
)

timeline_entries = Table(
    "timeline_entries",  # each story's merged timeline: the same happening reported twice appears once
    metadata,
    Column("story", String(64), ForeignKey("stories.id", ondelete="CASCADE", deferrable=True,
                                           initially="DEFERRED"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("event", String(64), nullable=False),  # the event whose span is kept (the earliest source's)
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", String(64), nullable=False),
    Column("precision", String(16), nullable=False),
    Column("inferred", Boolean, nullable=False, default=False),
    Column("text", Text, nullable=False),
    *_span("timex"),
    Column("actors", Text, nullable=False, default="[]"),  # JSON list of corpus entity ids
    Column("start_day", Integer),
    Column("end_day", Integer),
    Column("date_sort", String(64), nullable=False),
    Column("mod", String(16)),
    Column("anchor", String(16)),
    Column("disputed", Boolean, nullable=False, default=False, server_default=false()),  # its sources read different dates from their text
    Index("ix_timeline_entries_event", "event"),
    Index("ix_timeline_entries_document", "document"),
)

timeline_sources = Table(
    "timeline_sources",  # every report of a merged timeline entry, each with the date its document gives
    metadata,
    Column("story", String(64), primary_key=True),
    Column("entry", Integer, primary_key=True),  # timeline_entries.position
    Column("position", Integer, primary_key=True),  # 0: the entry's own report
    _document_fk(),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", String(64), nullable=False),  # after year inference
    Column("inferred", Boolean, nullable=False, default=False),
    *_span("timex"),
    ForeignKeyConstraint(["story", "entry"], ["timeline_entries.story", "timeline_entries.position"],
                         ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
    Index("ix_timeline_sources_report", "document", "timex_start", "timex_end"),
)


def _evidence(name: str, owner: str, parent: str) -> Table:
    """Why the members of a story (or a storyline) belong together: shared names, phrases, dates, figures."""
    return Table(
        name,
        metadata,
        Column(owner, String(64), ForeignKey(f"{parent}.id", ondelete="CASCADE", deferrable=True,
                                             initially="DEFERRED"), primary_key=True),
        Column("position", Integer, primary_key=True),  # ranked: most shared first
        Column("kind", String(16), nullable=False),  # person, organisation, place, phrase, figure, date
        Column("value", Text, nullable=False),
        Column("documents", Integer, nullable=False),  # members sharing it (for a storyline: stories)
        Column("inferred", Boolean, nullable=False, default=False),  # a date read from an undated document's text
        Column("spans", Text, nullable=False, default="[]"),  # JSON [{document, start, end}], one per document
    )


story_evidence = _evidence("story_evidence", "story", "stories")
storyline_evidence = _evidence("storyline_evidence", "storyline", "storylines")

FACT_TABLES = (document_entities, mentions, roles, timexes, blocks, quotes, events, event_actors, claims)
LINK_TABLES = (entities, storylines, stories, story_documents, storyline_stories, quote_groups, quote_group_sources,
               reuse, document_links, discrepancies, discrepancy_spans, timeline_entries, timeline_sources,
               story_evidence, storyline_evidence)

# --- corrections (migration 7) ---------------------------------------------------------------------------

corrections = Table(
    "corrections",  # the reporter's fixes, re-applied to the fact rows after every annotation and link
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(24), nullable=False),  # merge, split, rename, type, reject, speaker, date, story, ...
    Column("anchor", Text, nullable=False),  # JSON: what it applies to, by stable anchors (storyline.corrections)
    Column("value", Text, nullable=False, default="null"),  # JSON: the value it sets
    Column("document", String(32)),  # the document a span anchor points into (re-applied after annotating it)
    Column("who", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("note", Text),
    Column("status", String(16), nullable=False),  # applied, orphaned (anchor gone), undone
    Column("detail", Text),  # what the last application found
    Column("checked_at", String(32)),
    Index("ix_corrections_document", "document"),
)
