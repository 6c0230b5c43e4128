"""The Python API that the CLI mirrors: one function per command, I/O at this edge only."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from storyline.annotate.pipeline import make_pipeline
from storyline.ingest import IngestOptions, SourceRef
from storyline.ingest.batch import IngestReport, IngestSettings, ProgressCallback, ingest_sources
from storyline.link.corpus import link_new, refresh
from storyline.link.story_features import day_number
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
    db: str | Store | None = None, rebuild: bool = False, progress: ProgressCallback | None = None
) -> LinkSummary:
    """Link the documents not linked before (all with ``rebuild``), then refresh the stories they changed.

    Documents go in publication order, ``LINK_BATCH`` per transaction: an
    interrupted run keeps every finished batch, and the next run goes on from there.
    """
    store = open_store(db)
    if rebuild:
        store.clear_links()
    pending = [doc_id for doc_id, _ in publication_order_of(store.unlinked_documents())]
    with fewer_collections():
        for start in range(0, len(pending), LINK_BATCH):
            batch = pending[start : start + LINK_BATCH]
            with store.link_session() as index:
                link_new(list(store.iter_annotated(batch)), index)
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
