"""Linking candidates computed on Spark: near-duplicate buckets and copied-passage postings.

Per document (on the executors, with the functions linking itself uses):

* ``dup`` keys: the MinHash LSH bands of its word 5-shingles, its normalised-text key, canonical URL and
  title stem (:func:`storyline.link.duplicates.index_keys`);
* ``pas`` keys: its winnowed word 7-gram fingerprints (:func:`storyline.link.reuse.fingerprint_keys`).

Then DataFrame joins on the keys: a bucket holding two documents or more is a set of candidate pairs.
Only shared keys come back to the driver, where :class:`storyline.spark.lookups.CandidateLookups`
answers linking's ``dup`` and ``pas`` lookups from them instead of the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from storyline.link import duplicates, reuse
from storyline.link.fingerprint import tokenize
from storyline.model import Document

DUP = "dup"
PAS = "pas"


@dataclass
class Buckets:
    """Shared keys and their documents: ``dup`` buckets, ``pas`` postings (first ``MAX_POSTINGS`` in linking
    order), and the documents whose copies disagree on a URL or title (their ``dup`` keys are verified)."""

    dup: dict[str, list[str]]
    pas: dict[str, list[str]]
    uncertain: set[str]

    def pairs(self) -> int:
        """Candidate pairs the buckets hold (a pair sharing several keys counts once per key)."""
        return sum(len(m) * (len(m) - 1) // 2 for table in (self.dup, self.pas) for m in table.values())


def document_keys(doc: Document) -> Iterator[tuple[str, str, str]]:
    """(kind, key, document id) of every lookup key of one document."""
    for key in duplicates.index_keys(duplicates.profile_document(doc, 0)):
        yield DUP, key, doc.id
    for key in reuse.fingerprint_keys(tokenize(doc.text)):
        yield PAS, key, doc.id


def partition_keys(docs: Iterable[Document]) -> Iterator[tuple[str, str, str]]:
    for doc in docs:
        yield from document_keys(doc)


def shared_buckets(spark: Any, docs: Any, link_order: dict[str, int]) -> Buckets:
    """Buckets of two documents or more, from an RDD of the documents (every copy, before storing).

    ``link_order`` is the position of each document in linking order (publication order): a ``pas``
    posting keeps the first ``MAX_POSTINGS`` documents, as the index stops filing a boilerplate
    fingerprint once that many documents hold it.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    order = spark.createDataFrame(sorted(link_order.items()), "id string, ord long")
    keys = spark.createDataFrame(docs.mapPartitions(partition_keys), "kind string, key string, id string")
    keys = keys.dropDuplicates().join(F.broadcast(order) if len(link_order) < 200_000 else order, "id")
    keys.persist()
    try:
        dup = _shared(keys.where(F.col("kind") == DUP), F)
        ranked = keys.where(F.col("kind") == PAS).withColumn(
            "rank", F.row_number().over(Window.partitionBy("key").orderBy("ord")))
        pas = _shared(ranked.where(F.col("rank") <= reuse.MAX_POSTINGS), F)
    finally:
        keys.unpersist()
    return Buckets(dup=dup, pas=pas, uncertain=uncertain_documents(docs))


def _shared(keys: Any, F: Any) -> dict[str, list[str]]:
    grouped = keys.groupBy("key").agg(F.sort_array(F.collect_set("id")).alias("ids"))
    return {row["key"]: list(row["ids"]) for row in grouped.where(F.size("ids") > 1).collect()}


def uncertain_documents(docs: Any) -> set[str]:
    """Documents whose copies differ in URL or title: which of them the store keeps (and which it fills in
    from a later copy) depends on the order copies arrive, so their URL and title buckets are checked on the
    driver against what was stored."""
    metadata = docs.map(lambda d: (d.id, (d.url, d.title))).distinct()
    return set(metadata.mapValues(lambda _: 1).reduceByKey(lambda a, b: a + b).filter(lambda kv: kv[1] > 1).keys().collect())
