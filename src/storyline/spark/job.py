"""The Spark job: ingest, annotate and link a large corpus, with the same results as ``storyline ingest``.

Steps (docs/spark.md tells the same story for users):

1. **Read** (executors): the driver expands the inputs (folders, globs, files, URLs) into sources as
   ``storyline ingest`` does; each executor reads its sources with the same readers
   (:func:`storyline.ingest.read_source`), so formats, normalisation and problem records are the same.
2. **Annotate** (executors): documents are spread over partitions, one pipeline per partition
   (``mapPartitions``); the result is cached, so nothing is annotated twice.
3. **Store** (driver, in source order): documents go through :class:`storyline.ingest.batch.BatchWriter`,
   the writer ``storyline ingest`` uses, so a copy that repeats a stored text completes its missing
   metadata and a changed text at a known URL is marked as a version, exactly as there.
4. **Candidates** (executors): near-duplicate buckets (MinHash LSH bands, text keys, URLs, title stems)
   and copied-passage postings (winnowed word 7-grams), grouped by key in DataFrames; and every document's
   story candidates (:mod:`storyline.spark.story_candidates`: filing keys by idf over the documents before
   it, blocking on key and date window, ranking), computed for the known linking order.
5. **Link** (driver, one step): :func:`storyline.api.link_store` in publication order, its ``dup`` and
   ``pas`` lookups and story candidates answered from step 4. Filing a document changes what the next one
   finds (its story, identities, quote groups), so this step is sequential by design.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from storyline.api import LinkSummary, link_store, link_waiting, open_store, publication_order_of
from storyline.ingest import IngestOptions, Problem, SourceRef, expand_sources, read_source
from storyline.ingest.batch import BatchWriter, IngestReport, load_pipeline
from storyline.model import Annotations, Document
from storyline.link.story_features import DocumentFeatures, document_features, story_params
from storyline.spark.candidates import shared_buckets
from storyline.spark.lookups import CandidateLookups
from storyline.spark.story_candidates import CandidateLimits, KnownCandidates, story_candidate_lists
from storyline.spark.session import spark_session
from storyline.store import Store
from storyline.store.engine import database_files, is_database_file

__all__ = ["SparkReport", "SparkSettings", "run_spark", "summary_line"]

Progress = Callable[[str, int, int], None]
# (source number, record number, 0 for a problem met while annotating, else 1; the problem or the document)
Row = tuple[int, int, int, Any]


@dataclass(frozen=True)
class SparkSettings:
    """How the job runs: ``master`` (None: ``spark-submit``'s, else all local cores), ``partitions`` for
    annotation (None: twice Spark's default parallelism), readers' ``options``, an optional spaCy ``model``."""

    master: str | None = None
    partitions: int | None = None
    options: IngestOptions = field(default_factory=IngestOptions)
    model: str | None = None
    link: bool = True
    story_candidates: bool = True  # False: linking looks story candidates up in the database (for comparison)


@dataclass
class SparkReport:
    """What the job did: the ingest report (as ``storyline ingest`` gives it), the link summary, candidates."""

    ingest: IngestReport
    link: LinkSummary | None = None
    candidate_keys: int = 0  # shared keys Spark found (near-duplicate buckets and passage postings)
    candidate_pairs: int = 0
    candidates_used: bool = False  # False when the store held documents before (linking looked them up itself)
    story_candidates: int = 0  # documents whose story candidates Spark computed ...
    story_candidate_pairs: int = 0  # ... and the candidates in their lists
    story_candidates_used: int = 0  # documents whose candidates linking took from Spark (all of them, normally)
    story_fallback: str | None = None  # the first document linking looked candidates up for itself, if any
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each step: read_annotate_store,
    # candidates (near-duplicates and passages), story_candidates, link (the driver's linking and refresh)
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # the driver process's CPU time in each step


def read_partition(refs: Iterable[tuple[int, SourceRef]], options: IngestOptions) -> Iterator[Row]:
    """Documents and problems of some sources, numbered so the driver can put them back in order."""
    for i, ref in refs:
        for j, result in enumerate(read_source(ref, options)):
            yield (i, j, 1, result)


def annotate_partition(rows: Iterable[Row], model: str | None) -> Iterator[Row]:
    """Annotate the documents of one partition with one pipeline; a failure is a problem, the document stays."""
    pipeline = load_pipeline(model)
    for i, j, step, item in rows:
        if isinstance(item, Problem):
            yield (i, j, step, item)
            continue
        annotations: Annotations | None = None
        try:
            annotations = pipeline(item)
        except Exception as exc:  # as storyline ingest: a language bug must not lose the document
            yield (i, j, 0, Problem(item.source, "annotation-failed",
                                    f"{item.source}: stored without annotations ({type(exc).__name__}: {exc}); "
                                    "run `storyline annotate` after upgrading"))
        yield (i, j, step, (item, annotations))


def run_spark(inputs: Sequence[str], db: str | Store | None = None, settings: SparkSettings | None = None,
              progress: Progress | None = None) -> SparkReport:
    """Ingest, annotate and link ``inputs`` (files, folders, globs, URLs) on Spark into ``db``."""
    settings = settings or SparkSettings()
    load_pipeline(settings.model)  # fail before starting Spark if --model is not installed
    store = open_store(db)
    fresh = store.count_documents() == 0
    report = SparkReport(IngestReport())
    refs = _expand(inputs, settings.options, store, report.ingest)
    spark = spark_session(settings.master)
    annotated = _annotated(spark, refs, settings).persist(_storage_level())
    try:
        with _timed(report, "read_annotate_store"):
            writer = BatchWriter(store, report.ingest)
            for done, (_, _, _, item) in enumerate(annotated.sortBy(lambda row: row[:3]).toLocalIterator(), start=1):
                _store(writer, item)
                if progress and done % 100 == 0:
                    progress("spark", done, 0)
            writer.flush()
        if settings.link and (report.ingest.added or link_waiting(store)):
            _link(spark, store, annotated, report, use_candidates=fresh, story=settings.story_candidates)
    finally:
        annotated.unpersist()
    return report


def _expand(inputs: Sequence[str], options: IngestOptions, store: Store, report: IngestReport) -> list[SourceRef]:
    if any(arg in ("-", "<stdin>") for arg in inputs):
        raise ValueError("the Spark job cannot read standard input: save it to a file and pass the file")
    refs: list[SourceRef] = []
    own = database_files(store.db)  # the database beside the documents is not one of them
    for item in expand_sources(list(inputs), options):
        if isinstance(item, Problem):
            _record(store, report, item)
        elif not is_database_file(item.path, own):
            refs.append(item)
    return refs


def _annotated(spark: Any, refs: list[SourceRef], settings: SparkSettings) -> Any:
    sc = spark.sparkContext
    options, model = settings.options, settings.model
    partitions = settings.partitions or 2 * sc.defaultParallelism
    sources = sc.parallelize(list(enumerate(refs)), max(1, min(len(refs), partitions)))
    documents = sources.mapPartitions(lambda part: read_partition(part, options))
    return documents.repartition(partitions).mapPartitions(lambda part: annotate_partition(part, model))


def _storage_level() -> Any:
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def _store(writer: BatchWriter, item: Problem | tuple[Document, Annotations | None]) -> None:
    if isinstance(item, Problem):
        writer.problem(item)
    else:
        writer.add(item[0], item[1])


def _record(store: Store, report: IngestReport, problem: Problem) -> None:
    report.problems.append(problem)
    store.record_error(problem.source, problem.reason, problem.message)


def _link(spark: Any, store: Store, annotated: Any, report: SparkReport, use_candidates: bool, story: bool) -> None:
    """Link on the driver; with a store that was empty, candidates come from Spark."""
    if not use_candidates:
        with _timed(report, "link"):
            report.link = link_store(store)
        return
    linking = [doc_id for doc_id, _ in publication_order_of(store.unlinked_documents())]
    order = {doc_id: n for n, doc_id in enumerate(linking)}
    with _timed(report, "candidates"):
        documents = annotated.filter(lambda row: not isinstance(row[3], Problem)).map(lambda row: row[3][0])
        buckets = shared_buckets(spark, documents, order)
    report.candidate_keys = len(buckets.dup) + len(buckets.pas)
    report.candidate_pairs = buckets.pairs()
    report.candidates_used = True
    known: dict[str, KnownCandidates] = {}
    if story:
        with _timed(report, "story_candidates"):
            known = _story_candidates(spark, store, annotated, order, report.ingest.enriched)
    report.story_candidates = len(known)
    report.story_candidate_pairs = sum(len(k.candidates) for k in known.values())
    lookups = CandidateLookups(buckets, known, linking)
    with _timed(report, "link"):
        report.link = link_store(store, lookups=lookups.wrap)
    report.story_candidates_used, report.story_fallback = lookups.story_answered, lookups.story_fallback


@contextmanager
def _timed(report: SparkReport, step: str) -> Iterator[None]:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        report.seconds[step] = round(time.perf_counter() - start, 2)
        report.cpu_seconds[step] = round(time.process_time() - cpu, 2)


def _story_candidates(spark: Any, store: Store, annotated: Any, order: dict[str, int],
                      enriched: list[str]) -> dict[str, KnownCandidates]:
    """Every document's story candidates, from the copy of it that was stored (the first; the driver computes
    the features of those whose metadata a later copy completed)."""
    params = story_params()
    stored = (annotated.filter(lambda row: row[2] == 1 and not isinstance(row[3], Problem))
              .map(lambda row: (row[3][0].id, (row[:2], row[3])))
              .reduceByKey(lambda a, b: a if a[0] <= b[0] else b).map(lambda kv: kv[1][1]))
    overrides = _stored_features(store, sorted(set(enriched) & set(order)))
    return story_candidate_lists(spark, stored, order, overrides, CandidateLimits.current(params), params)


def _stored_features(store: Store, ids: list[str]) -> dict[str, DocumentFeatures]:
    params = story_params()
    return {doc.id: document_features(doc, ann, params) for doc, ann in store.iter_annotated(ids)}


def summary_line(report: SparkReport) -> str:
    ingest, link = report.ingest, report.link
    from storyline.render.terminal import plural

    stories = (f", {plural(link.stories, 'story', 'stories')}, {plural(link.storylines, 'storyline')}"
               if link else "")
    problems = plural(len(ingest.problems), "problem") + (" (see `storyline errors`)" if ingest.problems else "")
    return (f"{plural(len(ingest.added), 'document')} added, {ingest.already_present} already present, "
            f"{len(ingest.enriched)} completed from a richer copy, {plural(ingest.versions, 'version')}, "
            f"{problems}{stories}; {plural(report.candidate_pairs, 'candidate pair')} from Spark, "
            f"story candidates of {plural(report.story_candidates_used, 'document')}")
