"""Batch ingest: read sources (in parallel), annotate, and commit documents a few dozen at a time.

Each batch of documents is committed in its own transaction, so killing the
process loses nothing already committed; running the same command again skips
what is there (documents are keyed by a hash of their text) and completes the batch.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO

from storyline.annotate.pipeline import Pipeline, make_pipeline
from storyline.ingest import IngestOptions, Problem, SourceRef, expand_sources, read_source
from storyline.model import Annotations, Document
from storyline.store import Store
from storyline.store.engine import database_files, is_database_file

ReadItem = tuple[Document, Annotations | None] | Problem


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)
    already_present: int = 0
    enriched: list[str] = field(default_factory=list)  # already present, metadata completed from a richer copy
    versions: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class IngestSettings:
    options: IngestOptions = field(default_factory=IngestOptions)
    jobs: int = 1
    annotate: bool = True
    model: str | None = None


ProgressCallback = Callable[[str, int, int], None]  # (source, done, total)

_WORKER_PIPELINE: dict[str | None, Pipeline] = {}


def load_pipeline(model: str | None) -> Pipeline:
    """The (cached) pipeline for a model; raises a clear error at once when the model is not installed."""
    if model not in _WORKER_PIPELINE:
        _WORKER_PIPELINE[model] = make_pipeline(model)
    return _WORKER_PIPELINE[model]


def annotated_items(
    ref: SourceRef, settings: IngestSettings, stdin: BinaryIO | None = None
) -> Iterator[ReadItem]:
    """Read one source and annotate its documents one at a time; bad input comes back as Problems."""
    for result in read_source(ref, settings.options, stdin=stdin):
        if isinstance(result, Problem):
            yield result
            continue
        failed, annotations = annotate_document(result, settings)
        if failed is not None:
            yield failed
        yield (result, annotations)


def annotate_document(doc: Document, settings: IngestSettings) -> tuple[Problem | None, Annotations | None]:
    """The document's annotations (None when ingest does not annotate), or the Problem of a pipeline that failed."""
    if not settings.annotate:
        return None, None
    try:
        return None, load_pipeline(settings.model)(doc)
    except Exception as exc:  # a language bug must not lose the document
        return Problem(
            doc.source,
            "annotation-failed",
            f"{doc.source}: stored without annotations ({type(exc).__name__}: {exc}); "
            "run `storyline annotate` after upgrading",
        ), None


def read_and_annotate(refs: Sequence[SourceRef], settings: IngestSettings) -> list[list[ReadItem]]:
    """All items of a few sources at once, for a worker process to send back."""
    return [list(annotated_items(ref, settings)) for ref in refs]


def annotate_documents(docs: Sequence[Document], settings: IngestSettings) -> list[tuple[Problem | None, Annotations | None]]:
    """What :func:`annotate_document` gives for each document, for a worker process to send back."""
    return [annotate_document(doc, settings) for doc in docs]


SOURCES_PER_TASK = 4  # small sources a worker reads per task (fewer round trips for many small files)
LARGE_SOURCE_BYTES = 1 << 20  # a source this large is a task of its own (a JSON Lines file of thousands of articles)
TASKS_AHEAD = 2  # tasks queued per worker beyond the one it runs: results wait for the store, so keep few
BYTES_AHEAD = 16 << 20  # and no more than this much input in flight beyond one task per worker
DOCUMENTS_PER_TASK = 16  # documents of a large record file annotated per worker task
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv")  # files of many records, cheap to read


def _size(ref: SourceRef) -> int:
    try:
        return os.path.getsize(ref.path) if ref.kind == "file" and ref.path else 0
    except OSError:
        return 0  # reading it will report the problem


def worker_tasks(refs: Sequence[SourceRef], sizes: Sequence[int]) -> list[tuple[list[SourceRef], int]]:
    """Sources grouped into worker tasks, in order: small ones a few at a time, a large one alone; with input bytes."""
    tasks: list[tuple[list[SourceRef], int]] = []
    for ref, size in zip(refs, sizes):
        last = tasks[-1] if tasks else None
        if (last is not None and size < LARGE_SOURCE_BYTES and len(last[0]) < SOURCES_PER_TASK
                and last[1] < LARGE_SOURCE_BYTES):
            tasks[-1] = ([*last[0], ref], last[1] + size)
        else:
            tasks.append(([ref], size))
    return tasks


def read_here(ref: SourceRef, size: int) -> bool:
    """A large file of records (JSON Lines, CSV...): read in the ingesting process, record by record, while the
    workers annotate its documents a few at a time. Reading records is cheap next to annotating them; one worker
    reading and annotating a file of 10,000 articles alone would leave the others idle."""
    name = (ref.path or ref.source).lower().removesuffix(".gz")
    return ref.kind == "file" and size >= LARGE_SOURCE_BYTES and name.endswith(RECORD_SUFFIXES)


def _in_workers(
    pool: ProcessPoolExecutor, refs: Sequence[SourceRef], settings: IngestSettings, jobs: int
) -> Iterator[tuple[SourceRef, Iterable[ReadItem]]]:
    """Sources read and annotated by the pool, in order, with only a few tasks in flight.

    ``Executor.map`` would submit every source at once and keep each result until the
    store takes it: on 100,000 generated articles the ingesting process held 2.3 GB.
    Each worker has a task; more are queued only while the input in flight stays small.
    A large file of records is read here and its documents annotated in small tasks (see :func:`read_here`).
    """
    pending: deque[tuple[list[SourceRef], int, Future[list[list[ReadItem]]]]] = deque()
    in_flight = 0
    for chunk, size in worker_tasks(refs, [_size(r) for r in refs]):
        if len(chunk) == 1 and read_here(chunk[0], size):
            while pending:
                done, done_size, future = pending.popleft()
                in_flight -= done_size
                yield from zip(done, future.result())
            yield chunk[0], _annotated_by_pool(pool, chunk[0], settings, jobs)
            continue
        while pending and not (len(pending) < jobs or (len(pending) < jobs * (1 + TASKS_AHEAD)
                                                       and in_flight < BYTES_AHEAD)):
            done, done_size, future = pending.popleft()
            in_flight -= done_size
            yield from zip(done, future.result())
        pending.append((chunk, size, pool.submit(read_and_annotate, chunk, settings)))
        in_flight += size
    for done, _, future in pending:
        yield from zip(done, future.result())


Annotated = list[tuple[Problem | None, Annotations | None]]


def _annotated_by_pool(
    pool: ProcessPoolExecutor, ref: SourceRef, settings: IngestSettings, jobs: int
) -> Iterator[ReadItem]:
    """The items of one source read here, its documents annotated by the pool a few at a time, in order."""
    if not settings.annotate:
        yield from annotated_items(ref, settings)
        return
    pending: deque[tuple[list[Document | Problem], Future[Annotated]]] = deque()
    for batch in _batches(read_source(ref, settings.options), DOCUMENTS_PER_TASK):
        docs = [item for item in batch if not isinstance(item, Problem)]
        pending.append((batch, pool.submit(annotate_documents, docs, settings)))
        if len(pending) >= jobs * (1 + TASKS_AHEAD):
            yield from _with_annotations(*pending.popleft())
    while pending:
        yield from _with_annotations(*pending.popleft())


def _batches(items: Iterable[Document | Problem], size: int) -> Iterator[list[Document | Problem]]:
    batch: list[Document | Problem] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _with_annotations(batch: list[Document | Problem], future: Future[Annotated]) -> Iterator[ReadItem]:
    """The batch's items in order, each document with its annotations (after the Problem of a failed pipeline)."""
    annotated = iter(future.result())
    for item in batch:
        if isinstance(item, Problem):
            yield item
            continue
        failed, annotations = next(annotated)
        if failed is not None:
            yield failed
        yield (item, annotations)


def _read_all(
    refs: Sequence[SourceRef], settings: IngestSettings, stdin: BinaryIO | None
) -> Iterator[tuple[SourceRef, Iterable[ReadItem]]]:
    """Sources with their items: streamed in this process (a big JSON Lines file is stored as it is read),
    or parsed and annotated in worker processes with ``jobs`` > 1."""
    parallel = [r for r in refs if r.kind != "stdin"]
    for ref in refs:
        if ref.kind == "stdin":
            yield ref, annotated_items(ref, settings, stdin or sys.stdin.buffer)
    if settings.jobs <= 1 or not (len(parallel) >= 2 or any(read_here(r, _size(r)) for r in parallel)):
        for ref in parallel:
            yield ref, annotated_items(ref, settings)
        return
    with ProcessPoolExecutor(max_workers=settings.jobs, initializer=exit_with_parent) as pool:
        yield from _in_workers(pool, parallel, settings, settings.jobs)


def exit_with_parent(poll_seconds: float = 1.0) -> None:
    """Worker initializer: a worker whose parent is gone (the ingest killed with kill -9 or by the OOM killer,
    which cannot shut its pool down) exits, instead of waiting for tasks forever with a pipeline loaded.
    The parent is whoever started the worker (the ingesting process, or multiprocessing's fork server)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_seconds)
        os._exit(1)

    threading.Thread(target=watch, name="storyline-exit-with-parent", daemon=True).start()


def store_item(store: Store, doc: Document, annotations: Annotations | None, report: IngestReport) -> None:
    """Commit one document; link it to the earlier version when its URL was seen with other text.

    The same text again is not stored twice, but metadata the stored copy lacks (a
    title, a date, a URL from a JSON export of a bare .txt) is filled in.
    """
    writer = BatchWriter(store, report)
    writer.add(doc, annotations)
    writer.flush()


DOCUMENTS_PER_COMMIT = 64  # documents stored in one transaction: an interrupted ingest keeps every finished one


class BatchWriter:
    """Stores documents a few dozen per transaction, deciding for each what :func:`store_item` would.

    A document waits in the batch until it is full or :meth:`flush` is called. A later copy of a
    waiting text, or a problem (which a later document of its source resolves), first commits the
    batch, so every decision sees what came before it, in input order.
    """

    def __init__(self, store: Store, report: IngestReport, size: int = DOCUMENTS_PER_COMMIT) -> None:
        self.store, self.report, self.size = store, report, size
        self.pending: list[tuple[Document, Annotations | None]] = []
        self.ids: set[str] = set()
        self.urls: dict[str, str] = {}  # URL -> the last waiting document with it

    def add(self, doc: Document, annotations: Annotations | None) -> None:
        if doc.id in self.ids:
            self.flush()
        stored, latest = self.store.stored_and_latest(doc.id, None if doc.url in self.urls else doc.url)
        if stored:
            self.report.already_present += 1
            if self.store.fill_missing_metadata(doc, annotations):
                self.report.enriched.append(doc.id)
            return
        if doc.url:
            previous = self.urls.get(doc.url) or latest
            if previous and previous != doc.id:
                doc.version_of = previous
                self.report.versions += 1
            self.urls[doc.url] = doc.id
        self.pending.append((doc, annotations))
        self.ids.add(doc.id)
        if len(self.pending) >= self.size:
            self.flush()

    def problem(self, problem: Problem) -> None:
        """Record a source that failed (after the documents before it)."""
        self.flush()
        _record(self.store, self.report, problem)

    def flush(self) -> None:
        """Commit the waiting documents in one transaction."""
        pending, self.pending, self.ids, self.urls = self.pending, [], set(), {}
        if not pending:
            return
        for (doc, _), added in zip(pending, self.store.add_documents(pending)):
            if added:
                self.report.added.append(doc.id)
            else:
                self.report.already_present += 1


def ingest_sources(
    store: Store,
    sources: Iterable[str | SourceRef],
    settings: IngestSettings | None = None,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Ingest files, directories, globs, URLs or '-' (stdin) into the store (or SourceRefs, e.g. uploads)."""
    settings = settings or IngestSettings()
    if settings.annotate:
        load_pipeline(settings.model)  # fail before reading anything if --model is not installed
    report = IngestReport()
    writer = BatchWriter(store, report)
    refs: list[SourceRef] = []
    own = database_files(store.db)  # `storyline ingest .` beside ./storyline.db
    for item in expand_sources(list(sources), settings.options):
        if isinstance(item, Problem):
            writer.problem(item)
        elif not is_database_file(item.path, own):
            refs.append(item)
    try:
        for done, (ref, items) in enumerate(_read_all(refs, settings, stdin), start=1):
            for result in items:
                if isinstance(result, Problem):
                    writer.problem(result)
                else:
                    writer.add(result[0], result[1])
            if progress:
                progress(ref.source, done, len(refs))
    finally:
        writer.flush()
    return report


def _record(store: Store, report: IngestReport, problem: Problem) -> None:
    report.problems.append(problem)
    store.record_error(problem.source, problem.reason, problem.message)
