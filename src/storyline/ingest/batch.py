"""Batch ingest: read sources (in parallel), annotate, and commit each document on its own.

Each document is committed in its own transaction, so killing the process
loses nothing already stored; running the same command again skips what is
there (documents are keyed by a hash of their text) and completes the batch.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO

from storyline.annotate.pipeline import Pipeline, make_pipeline
from storyline.ingest import IngestOptions, Problem, SourceRef, expand_sources, read_source
from storyline.model import Annotations, Document
from storyline.store import Store

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
        annotations = None
        if settings.annotate:
            try:
                annotations = load_pipeline(settings.model)(result)
            except Exception as exc:  # a language bug must not lose the document
                yield Problem(
                    result.source,
                    "annotation-failed",
                    f"{result.source}: stored without annotations ({type(exc).__name__}: {exc}); "
                    "run `storyline annotate` after upgrading",
                )
        yield (result, annotations)


def read_and_annotate(refs: Sequence[SourceRef], settings: IngestSettings) -> list[list[ReadItem]]:
    """All items of a few sources at once, for a worker process to send back."""
    return [list(annotated_items(ref, settings)) for ref in refs]


SOURCES_PER_TASK = 4  # small sources a worker reads per task (fewer round trips for many small files)
LARGE_SOURCE_BYTES = 1 << 20  # a source this large is a task of its own (a JSON Lines file of thousands of articles)
TASKS_AHEAD = 2  # tasks queued per worker beyond the one it runs: results wait for the store, so keep few
BYTES_AHEAD = 16 << 20  # and no more than this much input in flight beyond one task per worker


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


def _in_workers(
    pool: ProcessPoolExecutor, refs: Sequence[SourceRef], settings: IngestSettings, jobs: int
) -> Iterator[tuple[SourceRef, list[ReadItem]]]:
    """Sources read and annotated by the pool, in order, with only a few tasks in flight.

    ``Executor.map`` would submit every source at once and keep each result until the
    store takes it: on 100,000 generated articles the ingesting process held 2.3 GB.
    Each worker has a task; more are queued only while the input in flight stays small.
    """
    pending: deque[tuple[list[SourceRef], int, Future[list[list[ReadItem]]]]] = deque()
    upcoming = iter(worker_tasks(refs, [_size(r) for r in refs]))
    in_flight = 0

    def room() -> bool:
        return len(pending) < jobs or (len(pending) < jobs * (1 + TASKS_AHEAD) and in_flight < BYTES_AHEAD)

    while True:
        while room():
            task = next(upcoming, None)
            if task is None:
                break
            pending.append((task[0], task[1], pool.submit(read_and_annotate, task[0], settings)))
            in_flight += task[1]
        if not pending:
            return
        chunk, size, future = pending.popleft()
        in_flight -= size
        yield from zip(chunk, future.result())


def _read_all(
    refs: Sequence[SourceRef], settings: IngestSettings, stdin: BinaryIO | None
) -> Iterator[tuple[SourceRef, Iterable[ReadItem]]]:
    """Sources with their items: streamed in this process (a big JSON Lines file is stored as it is read),
    or parsed and annotated in worker processes with ``jobs`` > 1."""
    parallel = [r for r in refs if r.kind != "stdin"]
    for ref in refs:
        if ref.kind == "stdin":
            yield ref, annotated_items(ref, settings, stdin or sys.stdin.buffer)
    if settings.jobs <= 1 or len(parallel) < 2:
        for ref in parallel:
            yield ref, annotated_items(ref, settings)
        return
    with ProcessPoolExecutor(max_workers=settings.jobs) as pool:
        yield from _in_workers(pool, parallel, settings, settings.jobs)


def store_item(store: Store, doc: Document, annotations: Annotations | None, report: IngestReport) -> None:
    """Commit one document; link it to the earlier version when its URL was seen with other text.

    The same text again is not stored twice, but metadata the stored copy lacks (a
    title, a date, a URL from a JSON export of a bare .txt) is filled in.
    """
    if store.has_document(doc.id):
        report.already_present += 1
        if store.fill_missing_metadata(doc, annotations):
            report.enriched.append(doc.id)
        return
    if doc.url:
        previous = store.latest_for_url(doc.url)
        if previous and previous != doc.id:
            doc.version_of = previous
            report.versions += 1
    if store.add_document(doc, annotations):
        report.added.append(doc.id)
    else:
        report.already_present += 1


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
    refs: list[SourceRef] = []
    for item in expand_sources(list(sources), settings.options):
        if isinstance(item, Problem):
            _record(store, report, item)
        else:
            refs.append(item)
    for done, (ref, items) in enumerate(_read_all(refs, settings, stdin), start=1):
        for result in items:
            if isinstance(result, Problem):
                _record(store, report, result)
            else:
                store_item(store, result[0], result[1], report)
        if progress:
            progress(ref.source, done, len(refs))
    return report


def _record(store: Store, report: IngestReport, problem: Problem) -> None:
    report.problems.append(problem)
    store.record_error(problem.source, problem.reason, problem.message)
