"""The Python API that the CLI mirrors: one function per command, I/O at this edge only.

Every function takes ``db``: a path, a SQLAlchemy URL, an open :class:`~storyline.store.Store`,
or None for ./storyline.db (or $STORYLINE_DB). Read functions return the typed results of
:mod:`storyline.views`; a missing document or story raises :class:`NotFound`, whose message says
how to list what exists. The language pipeline and the readers are imported on first use, so
reading a corpus never loads them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from storyline import views
from storyline.store import ErrorRecord, Store, opened
from storyline.timex3 import day_number
from storyline.views.model import (
    ClaimRow,
    DocumentSummary,
    DocumentView,
    EventRow,
    Overview,
    Page,
    Person,
    PersonSummary,
    QuoteRow,
    SearchResults,
    StoryDossier,
    StorySummary,
)
from storyline.views.timeline import TimelineScope

if TYPE_CHECKING:
    from storyline.ingest import SourceRef
    from storyline.ingest.batch import IngestReport, ProgressCallback
    from storyline.ingest.problems import Problem
    from storyline.link.index import LinkIndex
    from storyline.link.keydates import DatedSentence, KeyDate
    from storyline.model import Document
    from storyline.spark import SparkReport

LINK_BATCH = 500  # documents linked per transaction
REFRESH_BATCH = 200  # stories refreshed per transaction
LINK_GC_THRESHOLDS = (100_000, 10, 10)  # see fewer_collections
LINKING = "linking"  # the ``source`` a progress callback gets while documents are linked


class NotFound(ValueError):
    """A document, story or identity that is not in the corpus (the message says how to list them)."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while linking, then as before.

    A link batch builds hundreds of thousands of short-lived containers (records read
    from the index, token lists, candidate scores). With CPython's default thresholds
    (700, 10, 10) the collector runs through them thousands of times per batch and
    promotes them, and full collections then rescan everything: on the five-year 10,000
    corpus that was 2 of the last batches' 11 s, growing with the run. Freed memory is
    unaffected (reference counting frees nearly everything); cycles are collected a little later.
    At 100,000 allocations (not 20,000) between young collections, more of a document's
    containers are gone before one runs: 2,000 generated articles, 31 collections taking 1.1 CPU s
    instead of 152 taking 1.6 s. (What a run keeps, the link cache, is held in forms the collector
    does not track: :class:`~storyline.store.link_index.LinkCache`.)
    """
    before = gc.get_threshold()
    gc.set_threshold(*LINK_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass
class LinkSummary:
    documents: int
    new_documents: int
    stories: int
    storylines: int
    entities: int
    reuse: int
    discrepancies: int


def open_store(db: str | Store | None = None) -> Store:
    """A Store from a path, URL or an already open Store."""
    return db if isinstance(db, Store) else Store(db)




# --- writing: ingest, annotate, link ------------------------------------------------------------------------


def ingest(
    sources: Iterable[str | SourceRef],
    db: str | Store | None = None,
    *,
    follow: bool = False,
    allow_private: bool = False,
    max_bytes: int | None = None,
    jobs: int = 1,
    model: str | None = None,
    link: bool = True,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
    max_pages: int | None = None,
    ocr_language: str | None = None,
    ocr_timeout: float | None = None,
) -> IngestReport:
    """Ingest files, directories, globs, URLs or '-' into the store, annotate, then link new documents.

    ``max_pages``, ``ocr_language`` and ``ocr_timeout`` (seconds per page) govern PDFs,
    scans and images (see :class:`IngestOptions`); None keeps the default.

    A ``SourceRef`` names a file by something other than its path (the web app's uploads keep the name the
    user uploaded, not their temporary path).
    """
    from storyline.ingest import IngestOptions
    from storyline.ingest.batch import IngestSettings, ingest_sources

    store = open_store(db)
    caps = {"max_bytes": max_bytes, "max_pages": max_pages, "ocr_language": ocr_language, "ocr_timeout": ocr_timeout}
    options = IngestOptions(follow=follow, allow_private=allow_private,
                            **{k: v for k, v in caps.items() if v is not None})  # type: ignore[arg-type]
    settings = IngestSettings(options=options, jobs=max(1, jobs), model=model)
    report = ingest_sources(store, sources, settings, progress=progress, stdin=stdin)
    if link and (report.added or link_waiting(store)):
        link_store(store, progress=progress)
    return report


def link_waiting(store: Store) -> bool:
    """Whether an interrupted link left documents unlinked or stories unrefreshed: an ingest that adds nothing
    still finishes that work, as ``storyline link`` would."""
    from storyline.link.corpus import WAITING

    return bool(store.unlinked_documents()) or store.has_link_records(WAITING)


def spark(
    sources: Iterable[str],
    db: str | Store | None = None,
    *,
    master: str | None = None,
    partitions: int | None = None,
    max_bytes: int | None = None,
    model: str | None = None,
    link: bool = True,
) -> SparkReport:
    """Ingest, annotate and link ``sources`` on Apache Spark (``storyline spark``): the same readers,
    problems and export as :func:`ingest` followed by :func:`link_store`; see docs/spark.md."""
    from storyline.ingest import IngestOptions
    from storyline.spark import SparkSettings, run_spark

    options = IngestOptions(max_bytes=max_bytes) if max_bytes else IngestOptions()
    settings = SparkSettings(master=master, partitions=partitions, options=options, model=model, link=link)
    return run_spark(list(sources), db, settings)


def annotate(
    db: str | Store | None = None,
    ids: Iterable[str] | None = None,
    model: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    problems: list[Problem] | None = None,
) -> int:
    """Re-annotate stored documents (all, or the given ids or id prefixes) with the current pipeline; an id that
    names no document raises :class:`NotFound` before anything is annotated. Returns how many were annotated.

    With a ``problems`` list, a document the pipeline fails on keeps its earlier annotations, its failure is
    appended there and the run goes on; without one, the failure is raised."""
    from storyline.annotate.pipeline import make_pipeline

    store = open_store(db)
    wanted = [_document_id(store, ref) for ref in ids] if ids is not None else None
    pipeline = make_pipeline(model)
    total = len(wanted) if wanted is not None else store.count_documents()
    done = seen = 0
    for doc in store.iter_documents(wanted):
        seen += 1
        try:
            annotations = pipeline(doc)
        except Exception as exc:  # a language bug on one document must not stop the others
            if problems is None:
                raise
            problems.append(_annotation_failed(doc, exc))
        else:
            store.save_annotations(annotations)
            done += 1
        if progress:
            progress(seen, total)
    return done


def _annotation_failed(doc: Document, exc: Exception) -> Problem:
    from storyline.ingest.problems import Problem

    return Problem(doc.source, "annotation-failed",
                   f"{doc.id} ({doc.source}): not re-annotated ({type(exc).__name__}: {exc}), its earlier "
                   "annotations kept; please report this with the document")


def _document_id(store: Store, ref: str) -> str:
    found = store.get_document(ref)
    if found is None:
        raise NotFound(views.base.no_document(ref))
    return found.id


def link_new(*args: Any, **kwargs: Any) -> set[str]:
    """:func:`storyline.link.corpus.link_new` (here so tests and callers can wrap it)."""
    from storyline.link.corpus import link_new as run

    return run(*args, **kwargs)


def link_store(
    db: str | Store | None = None, rebuild: bool = False, progress: ProgressCallback | None = None,
    lookups: Callable[[LinkIndex], LinkIndex] | None = None,
) -> LinkSummary:
    """Link the documents not linked before (all with ``rebuild``, or when an earlier version of storyline
    linked them: its stories cannot be extended), then refresh the stories they changed.

    Documents go in publication order, ``LINK_BATCH`` per transaction: an
    interrupted run keeps every finished batch, and the next run goes on from there.
    ``lookups`` wraps each batch's index (the Spark job answers candidate lookups from its own buckets).
    """
    from storyline.link.corpus import needs_relink, refresh
    from storyline.link.story_regroup import PairScores
    from storyline.store.link_index import LinkCache

    store = open_store(db)
    with store.link_session() as index:
        outdated = needs_relink(index)
    if rebuild or outdated:
        store.clear_links()
    pending = [doc_id for doc_id, _ in publication_order_of(store.unlinked_documents())]
    cache = LinkCache()  # the run's postings and counts, carried from one transaction to the next
    with fewer_collections():
        for start in range(0, len(pending), LINK_BATCH):
            batch = pending[start : start + LINK_BATCH]
            with store.link_session(cache) as index:
                link_new(list(store.iter_annotated(batch)), lookups(index) if lookups else index)
            if progress:
                progress(LINKING, min(start + LINK_BATCH, len(pending)), len(pending))
        scored = PairScores()  # pair scores, from one refresh transaction to the next
        cache.clear()  # refreshing goes without it: it saved 4% of the refresh for 85 MB at 2,000 articles
        while True:
            with store.link_session() as index:
                if not refresh(index, limit=REFRESH_BATCH, scored=scored):
                    break
    count = store.count_rows
    return LinkSummary(documents=count("documents"), new_documents=len(pending), stories=count("stories"),
                       storylines=count("storylines"), entities=count("entities"), reuse=count("reuse"),
                       discrepancies=count("discrepancies"))


link = link_store


def publication_order_of(documents: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """(id, published) pairs, dated first by date, then undated, each in the given order."""
    keyed = sorted(enumerate(documents), key=lambda k: (day_number(k[1][1]) is None, day_number(k[1][1]) or 0, k[0]))
    return [pair for _, pair in keyed]


# --- reading: one function per read command -------------------------------------------------------------


def docs(db: str | Store | None = None, limit: int | None = None, offset: int = 0) -> Page[DocumentSummary]:
    """Documents without their text, oldest first (``limit`` None: all)."""
    with opened(db) as store:
        return views.documents(store, limit if limit is not None else 1_000_000_000, offset)


def show(doc: str, db: str | Store | None = None) -> DocumentView:
    """One document (id or unique prefix) with its text and every fact found in it."""
    with opened(db) as store:
        found = views.document(store, doc)
    if found is None:
        raise NotFound(views.base.no_document(doc))
    return found


def search(query: str, db: str | Store | None = None, limit: int = 20, site: str = "", year: str = "",
           story: str = "") -> SearchResults:
    """Ranked full-text search with snippets and facets ("quoted phrases" work)."""
    with opened(db) as store:
        return views.search(store, query, limit, site, year, story)


def errors(db: str | Store | None = None, include_resolved: bool = False) -> list[ErrorRecord]:
    """Sources that failed to ingest, with the reason and what to do."""
    with opened(db) as store:
        return store.errors(include_resolved)


def export(db: str | Store | None = None, format: str = "json", output: str | Path | IO[str] | None = None,
           table: str = "quotes") -> dict[str, Any] | None:
    """Without ``output``: the corpus as the docs/export.md object. With it (a path or a text file):
    streamed there as JSON, JSON Lines or one CSV ``table``, in the memory of one batch."""
    from storyline.export import build_export, write_export

    with opened(db) as store:
        if output is None:
            return build_export(store)
        if isinstance(output, (str, Path)):
            with open(output, "w", encoding="utf-8", newline="") as out:
                write_export(store, format, out, table)
        else:
            write_export(store, format, output, table)
    return None


def overview(db: str | Store | None = None) -> Overview:
    """Counts, the latest stories and the most recently published documents."""
    with opened(db) as store:
        return views.overview(store)


def people(db: str | Store | None = None, kind: str = "person", limit: int = 50, offset: int = 0
           ) -> Page[PersonSummary]:
    """Who's who: people (or organisations, places), most quoted first, with their roles."""
    with opened(db) as store:
        return views.people(store, kind, limit, offset)


def person(entity_id: str, db: str | Store | None = None) -> Person:
    """One identity: roles (each once, with dates), quotes, claims, stories, documents."""
    with opened(db) as store:
        found = views.person(store, entity_id)
    if found is None:
        raise NotFound(f"no person or organisation {entity_id!r}: list them with `storyline people`")
    return found


def quotes(db: str | Store | None = None, speaker: str | None = None, limit: int = 100, offset: int = 0
           ) -> Page[QuoteRow]:
    """Quotes with speakers and sources; ``speaker`` keeps those whose speaker name contains it."""
    with opened(db) as store:
        return views.quotes(store, speaker, limit, offset)


def events(doc: str | None = None, db: str | Store | None = None, story: str | None = None, limit: int = 100,
           offset: int = 0) -> Page[EventRow]:
    """Dated events in order, for one document, one story (its merged timeline), or the corpus
    (``storyline timeline`` without --dates)."""
    with opened(db) as store:
        story_id = _story_id(store, story) if story else None
        return views.timeline(store, doc, story_id, limit, offset)


def timeline(db: str | Store | None = None, scope: TimelineScope | None = None, dates: int | None = None,
             sentences: int = 2, *, story: str | None = None, storyline: str | None = None, about: str | None = None,
             document: str | None = None, start: date | None = None, end: date | None = None) -> list[KeyDate]:
    """The ``dates`` most important dates of a scope (a story, storyline, search, document or window, given as
    ``scope`` or as keywords), ``sentences`` sentences each; every dated event (grouped by date) without
    ``dates``. Dates ascending, each sentence with its source span."""
    scope = scope or TimelineScope(story, storyline, about, document, start, end)
    with opened(db) as store:
        return views.key_dates(store, scope, dates, sentences)


def scope_documents(store: Store, scope: TimelineScope) -> list[str] | None:
    """Ids of the documents in scope, published inside the window when one is given; None for all."""
    return views.scope_documents(store, scope)


def dated_sentences(store: Store, documents: list[str] | None = None) -> list[DatedSentence]:
    """Every dated sentence of the corpus (or of ``documents``), as key-date selection reads it: dates as the
    story timelines settled them (years filled from the story's evidence), read from the event rows."""
    return views.dated_sentences(store, documents)


def claims(db: str | Store | None = None, kind: str | None = None, limit: int = 100, offset: int = 0
           ) -> Page[ClaimRow]:
    """Claims, denials, admissions and promises, with claimant and target."""
    with opened(db) as store:
        return views.claims(store, kind, limit, offset)


def stories(db: str | Store | None = None, limit: int = 50, offset: int = 0) -> Page[StorySummary]:
    """Stories with date range, size and storyline, oldest first."""
    with opened(db) as store:
        return views.stories(store, limit, offset)


def _story_id(store: Store, ref: str) -> str:
    found = views.find_story(store, ref)
    if found is None:
        raise NotFound(views.base.no_story(ref))
    return found


def story(story_id: str, db: str | Store | None = None, full: bool = False) -> StoryDossier:
    """A story's dossier: sources, who's who, timeline, each quote once, claims, copied passages, discrepancies
    (a big story's sections list their first rows and count the rest in ``more``, unless ``full``)."""
    with opened(db) as store:
        found = views.story_dossier(store, story_id, views.FULL if full else views.PAGE_LIMITS)
    if found is None:
        raise NotFound(views.base.no_story(story_id))
    return found


def report(story_id: str, db: str | Store | None = None, format: str = "html",
           output: str | Path | None = None) -> bytes:
    """A self-contained dossier of one story (html, md or pdf); written to ``output`` when given."""
    from storyline.report.dossier import render_report

    body = render_report(story(story_id, db, full=True), format)  # type: ignore[arg-type]
    if output is not None:
        Path(output).write_bytes(body)
    return body


def datasette_metadata(db: str | None = None, output: str | Path | None = None) -> dict[str, Any]:
    """Datasette metadata for the database (descriptions, labels, facets); written as JSON to ``output``
    when given: ``datasette storyline.db --metadata metadata.json``."""
    import json

    from storyline.store.datasette import datasette_metadata as make
    from storyline.store.engine import check_database_file, resolve_db

    check_database_file(resolve_db(db), create=False)  # metadata for a file that is not there helps nobody
    metadata = make(resolve_db(db))
    if output is not None:
        Path(output).write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return metadata


def demo(db: str = "storyline-demo.db") -> tuple[IngestReport, Store]:
    """Load the bundled demo corpus into a fresh database (replacing ``db``) and return it open."""
    from storyline.demo.load import load_demo

    return load_demo(db)


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False,
          token: str | None = None) -> None:
    """Run the local web app (any address beyond loopback needs a token)."""
    from storyline.web import serve as run_server

    run_server(db, host=host, port=port, read_only=read_only, token=token)


# --- corrections: `storyline fix ...` (storyline.api_corrections) ---------------------------------------

from storyline.api_corrections import (  # noqa: E402
    diff,
    fix_date,
    fix_log,
    fix_merge,
    fix_reject,
    fix_rename,
    fix_speaker,
    fix_split,
    fix_story,
    fix_storyline_join,
    fix_storyline_split,
    fix_type,
    fix_undo,
)

FIX_FUNCTIONS = (diff, fix_merge, fix_split, fix_rename, fix_type, fix_reject, fix_speaker, fix_date, fix_story,
                 fix_storyline_join, fix_storyline_split, fix_log, fix_undo)
