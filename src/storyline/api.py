"""The Python API that the CLI mirrors: one function per command, I/O at this edge only."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from storyline import timex3
from storyline.annotate.pipeline import make_pipeline
from storyline.export import _Ids, _timeline_dates, event_records, timeline_record
from storyline.ingest import IngestOptions, SourceRef
from storyline.ingest.batch import IngestReport, IngestSettings, ProgressCallback, ingest_sources
from storyline.link.corpus import link_new, needs_relink, refresh
from storyline.link.index import LinkIndex
from storyline.link.keydates import DatedSentence, KeyDate, every_date, key_dates, within
from storyline.link.story_features import day_number
from storyline.model import Document, Timeline, from_dict
from storyline.store import Store

LINK_BATCH = 500  # documents linked per transaction
REFRESH_BATCH = 200  # stories refreshed per transaction
LINK_GC_THRESHOLDS = (20_000, 10, 10)  # see fewer_collections
LINKING = "linking"  # the ``source`` a progress callback gets while documents are linked


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while linking, then as before.

    A link batch builds hundreds of thousands of short-lived containers (records read
    from the index, token lists, candidate scores). With CPython's default thresholds
    (700, 10, 10) the collector runs through them thousands of times per batch and
    promotes them, and full collections then rescan everything: on the five-year 10,000
    corpus that was 2 of the last batches' 11 s, growing with the run. Freed memory is
    unaffected (reference counting frees nearly everything); cycles are collected a little later.
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
    store = open_store(db)
    caps = {"max_bytes": max_bytes, "max_pages": max_pages, "ocr_language": ocr_language, "ocr_timeout": ocr_timeout}
    options = IngestOptions(follow=follow, allow_private=allow_private,
                            **{k: v for k, v in caps.items() if v is not None})  # type: ignore[arg-type]
    settings = IngestSettings(options=options, jobs=max(1, jobs), model=model)
    report = ingest_sources(store, sources, settings, progress=progress, stdin=stdin)
    if link and report.added:
        link_store(store, progress=progress)
    return report


def annotate(
    db: str | Store | None = None,
    ids: Iterable[str] | None = None,
    model: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Re-annotate stored documents (all, or the given ids) with the current pipeline."""
    store = open_store(db)
    pipeline = make_pipeline(model)
    wanted = list(ids) if ids is not None else None
    total = len(wanted) if wanted is not None else store.count_documents()
    done = 0
    for doc in store.iter_documents(wanted):
        store.save_annotations(pipeline(doc))
        done += 1
        if progress:
            progress(done, total)
    return done


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
    store = open_store(db)
    with store.link_session() as index:
        outdated = needs_relink(index)
    if rebuild or outdated:
        store.clear_links()
    pending = [doc_id for doc_id, _ in publication_order_of(store.unlinked_documents())]
    with fewer_collections():
        for start in range(0, len(pending), LINK_BATCH):
            batch = pending[start : start + LINK_BATCH]
            with store.link_session() as index:
                link_new(list(store.iter_annotated(batch)), lookups(index) if lookups else index)
            if progress:
                progress(LINKING, min(start + LINK_BATCH, len(pending)), len(pending))
        while True:
            with store.link_session() as index:
                if not refresh(index, limit=REFRESH_BATCH):
                    break
    return LinkSummary(
        documents=store.count_documents(),
        new_documents=len(pending),
        stories=store.count_links("story"),
        storylines=store.count_links("storyline"),
        entities=store.count_links("entity"),
        reuse=store.count_links("reuse"),
        discrepancies=store.count_links("discrepancy"),
    )


def publication_order_of(documents: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """(id, published) pairs, dated first by date, then undated, each in the given order."""
    keyed = sorted(enumerate(documents), key=lambda k: (day_number(k[1][1]) is None, day_number(k[1][1]) or 0, k[0]))
    return [pair for _, pair in keyed]


# --- key-date timelines ------------------------------------------------------------------------

ABOUT_LIMIT = 5000  # documents a --about search may bring into a timeline


@dataclass(frozen=True)
class TimelineScope:
    """Which documents a timeline reads: a story, a storyline, a search, a window, or all of them."""

    story: str | None = None
    storyline: str | None = None
    about: str | None = None
    document: str | None = None  # one document (id or id prefix)
    start: date | None = None  # documents published and events dated on or after this day
    end: date | None = None  # ... and on or before this one


def timeline(db: str | Store | None, scope: TimelineScope, dates: int | None = None,
             sentences: int = 2) -> list[KeyDate]:
    """The ``dates`` most important dates of the scope, ``sentences`` sentences each; every dated event
    (grouped by date) without ``dates``. Dates ascending."""
    store = open_store(db)
    records = within(dated_sentences(store, scope_documents(store, scope)), scope.start, scope.end)
    return key_dates(records, dates, sentences) if dates is not None else every_date(records)


def scope_documents(store: Store, scope: TimelineScope) -> list[str] | None:
    """Ids of the documents in scope, published inside the window when one is given; None for all."""
    chosen: set[str] | None = None
    if scope.story:
        chosen = set(_find_link(store, "story", scope.story)["documents"])
    if scope.storyline:
        stories = _find_link(store, "storyline", scope.storyline)["stories"]
        chosen = _narrow(chosen, {d for s in store.links("story", stories) for d in s["documents"]})
    if scope.about is not None:
        chosen = _narrow(chosen, {hit.doc_id for hit in store.search(scope.about, ABOUT_LIMIT)})
    if scope.document:
        found = store.get_document(scope.document)
        chosen = _narrow(chosen, {found.id} if found else set())
    if scope.start or scope.end:
        chosen = _narrow(chosen, {d.id for d in store.list_documents() if _published_within(d.published, scope)})
    return sorted(chosen) if chosen is not None else None


def _narrow(chosen: set[str] | None, found: set[str]) -> set[str]:
    return found if chosen is None else chosen & found


def _find_link(store: Store, kind: str, ref: str) -> dict[str, Any]:
    """A story or storyline by id or unique id prefix; a clear error otherwise."""
    found = [r for r in store.links(kind) if r["id"] == ref] or [r for r in store.links(kind) if r["id"].startswith(ref)]
    if len(found) != 1:
        listing = "storyline stories" if kind == "story" else "storyline stories (storyline column)"
        raise ValueError(f"no {kind} {ref!r}: list them with `{listing}`")
    return found[0]


def _published_within(published: str | None, scope: TimelineScope) -> bool:
    span = timex3.interval(published[:10]) if published else None
    if span is None:
        return False  # an undated document cannot be shown to fall inside the window
    return (scope.start is None or span[0] >= scope.start) and (scope.end is None or span[1] <= scope.end)


def dated_sentences(store: Store, documents: list[str] | None = None) -> list[DatedSentence]:
    """Every dated sentence of the corpus (or of ``documents``), as key-date selection reads it.

    Read through the export's event records, so dates are those the story timelines settled (years
    filled from the story's evidence). This is the one place that gathers these records: a SQL view
    can replace it without touching the selection.
    """
    settled = _timeline_dates([timeline_record(from_dict(Timeline, t)) for t in store.links("timeline")])
    out: list[DatedSentence] = []
    for doc, ann in store.iter_annotated(documents):
        for event in event_records(doc, ann, _Ids({}), None, settled):
            sentence = " ".join(doc.text[event["start"]:event["end"]].split())
            out.append(DatedSentence(event["date"], event["inferred"], doc.id, event["start"], event["end"], sentence,
                                     doc.published, _site(doc), event["anchor"], doc.url))
    return out


def _site(doc: Document) -> str | None:
    """The outlet a document came from: its site name, else its URL's host."""
    if doc.site_name:
        return doc.site_name
    host = urlsplit(doc.url).hostname if doc.url else None
    return host.removeprefix("www.") if host else None
