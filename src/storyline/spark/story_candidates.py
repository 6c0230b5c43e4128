"""Story candidates computed on Spark: for every document, the list linking's lookups would give it.

Linking files documents one at a time in publication order (:mod:`storyline.link.stories`): a document is
filed under its most telling terms and names (its *filing keys*, by tf·idf with the idf of the documents
linked so far, itself included), then compared with the ``COMPARED_DOCUMENTS`` earlier documents sharing the
most idf weight under those keys: by week within the horizon of its day when it is dated to the day (``dw``
postings, a key|week held by 1 to ``MAX_WEEK_POSTINGS`` earlier documents, and every ``du`` posting: earlier
documents not dated to the day), else all time (``dk``, a key held by 1 to ``MAX_DOC_POSTINGS``).

The order is known before linking starts, and each document's features depend on its own text, metadata and
annotations only, so all of it is a function of the documents and their order:

1. features per document (executors, :func:`storyline.link.story_features.document_features`);
2. each key's document frequency up to each document: a window over (key, linking order);
3. filing keys per document (executors, :func:`storyline.link.stories.document_filing_keys` with those counts);
4. the postings a lookup would find: the earlier documents filed under the same key (and week), counted with
   a window over the union of lookups and filings, then joined when the count is within the cap;
5. the ranking per document (executors, :func:`storyline.link.stories.ranked_candidates`, the same function
   and summation order as linking).

Only the lists come back to the driver, with a digest of each document's features and filing keys: the
driver's linking checks it (:class:`storyline.spark.lookups.CandidateLookups`) and looks candidates up itself
from the first document whose features differ, so a wrong list can never be used.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.link import stories
from storyline.link.story_features import DocumentFeatures, StoryParams, document_features, story_params
from storyline.link.story_pairs import Idf
from storyline.model import Annotations, Document

__all__ = ["CandidateLimits", "KnownCandidates", "features_digest", "story_candidate_lists"]

DW, DU, DK = 0, 1, 2  # the three postings a lookup reads, in the order linking sums them (dk alone)


@dataclass(frozen=True)
class CandidateLimits:
    """Linking's limits, read on the driver when the job starts (the executors get them as values)."""

    compared: int
    doc_postings: int
    week_postings: int
    horizon: int

    @classmethod
    def current(cls, params: StoryParams) -> CandidateLimits:
        return cls(stories.COMPARED_DOCUMENTS, stories.MAX_DOC_POSTINGS, stories.MAX_WEEK_POSTINGS,
                   stories.horizon_days(params))


@dataclass(frozen=True)
class KnownCandidates:
    """One document's story candidates, and the digest of the features and filing keys they were computed for."""

    digest: str
    candidates: list[str]


def features_digest(features: DocumentFeatures, filing: Sequence[str]) -> str:
    """A short digest of a document's features and filing keys (what its candidates were computed from)."""
    text = json.dumps([features.to_json(), list(filing)], sort_keys=True)
    return hashlib.blake2b(text.encode("utf8"), digest_size=12).hexdigest()


def story_candidate_lists(spark: Any, items: Any, order: Mapping[str, int], overrides: Mapping[str, DocumentFeatures],
                          limits: CandidateLimits, params: StoryParams | None = None) -> dict[str, KnownCandidates]:
    """Every document's story candidates, from an RDD of ``(document, annotations)`` (one per id, as stored)
    and each document's position in linking order; ``overrides``: features computed on the driver for the
    documents whose stored copy differs from the one in the RDD (metadata completed from a later copy)."""
    params = params or story_params()
    features = _features_frame(spark, items, order, overrides, params).persist()
    try:
        filed = _filing_keys(spark, features, _document_frequencies(spark, features), limits).persist()
        try:
            found = _found_postings(filed, limits)
            return _ranked(spark, filed, found, limits)
        finally:
            filed.unpersist()
    finally:
        features.unpersist()


# --- 1. features ---------------------------------------------------------------------------------


def _features_frame(spark: Any, items: Any, order: Mapping[str, int], overrides: Mapping[str, DocumentFeatures],
                    params: StoryParams) -> Any:
    sc = spark.sparkContext
    positions, replaced = sc.broadcast(dict(order)), sc.broadcast({k: v.to_json() for k, v in overrides.items()})

    def rows(part: Iterable[tuple[Document, Annotations | None]]) -> Iterator[tuple[int, str, str]]:
        for doc, ann in part:
            if doc.id in positions.value:
                found = replaced.value.get(doc.id)
                data = found if found is not None else document_features(
                    doc, ann or Annotations(doc_id=doc.id), params).to_json()
                yield positions.value[doc.id], doc.id, json.dumps(data)

    return spark.createDataFrame(items.mapPartitions(rows), "ord long, id string, features string")


def _counted_keys(part: Iterable[Any]) -> Iterator[tuple[int, str]]:
    """(position, key) of every term and ``@name`` of each document: what its filing idf counts."""
    for row in part:
        data = json.loads(row["features"])
        for key in [*data["terms"], *("@" + n for n in data["names"])]:
            yield row["ord"], key


# --- 2. document frequencies up to each document ---------------------------------------------------


def _document_frequencies(spark: Any, features: Any) -> Any:
    """(ord, {key: documents holding it among the first ord + 1}) for each document's terms and names."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    keys = spark.createDataFrame(features.rdd.mapPartitions(_counted_keys), "ord long, key string")
    counted = keys.withColumn("df", F.row_number().over(Window.partitionBy("key").orderBy("ord")))
    return counted.groupBy("ord").agg(F.map_from_entries(F.collect_list(F.struct("key", "df"))).alias("df"))


# --- 3. filing keys ----------------------------------------------------------------------------------


def _filing_keys(spark: Any, features: Any, frequencies: Any, limits: CandidateLimits) -> Any:
    """(ord, id, by_week, week, weeks, filing keys, df of the filing keys) per document."""
    horizon = limits.horizon

    def filed(row: Any) -> tuple[Any, ...]:
        data = DocumentFeatures.from_json(json.loads(row["features"]))
        df = dict(row["df"])
        keys = stories.document_filing_keys(data, Idf(row["ord"] + 1, df))
        by_week = stories.filed_by_week(data)
        day = data.day if by_week else None
        weeks = stories.lookup_weeks(day, horizon) if day is not None else []
        week = day // stories.WEEK if day is not None else None
        return (row["ord"], row["id"], by_week, week, weeks, keys, {k: df[k] for k in keys},
                features_digest(data, keys))

    joined = features.join(frequencies, "ord")
    schema = ("ord long, id string, by_week boolean, week long, weeks array<long>, filing array<string>, "
              "filing_df map<string, long>, digest string")
    return spark.createDataFrame(joined.rdd.map(filed), schema)


# --- 4. postings found by each lookup ------------------------------------------------------------------


def _found_postings(filed: Any, limits: CandidateLimits) -> Any:
    """(ord, kind, key, week, member): each document found under each key a lookup of it reads."""
    from pyspark.sql import functions as F

    rows = filed.select("ord", "id", "by_week", "week", F.explode("filing").alias("key"))
    dated, undated = rows.where(F.col("by_week")), rows.where(~F.col("by_week"))
    asked_by_week = filed.where(F.col("by_week")).select("ord", F.explode("filing").alias("key"), "weeks").select(
        "ord", "key", F.explode("weeks").alias("week"))
    by_week = _earlier(asked_by_week, dated, ["key", "week"], limits.week_postings).withColumn("kind", F.lit(DW))
    among_undated = _earlier(dated.select("ord", "key"), undated, ["key"], None).withColumn("kind", F.lit(DU))
    all_time = _earlier(undated.select("ord", "key"), rows, ["key"], limits.doc_postings).withColumn("kind", F.lit(DK))
    columns = ["ord", "kind", "key", "week", "member"]
    return by_week.select(*columns).unionByName(among_undated.withColumn("week", F.lit(None).cast("long")).select(
        *columns)).unionByName(all_time.withColumn("week", F.lit(None).cast("long")).select(*columns))


def _earlier(asked: Any, held: Any, keys: list[str], cap: int | None) -> Any:
    """For each asked row (ord, keys), the documents of ``held`` under the same keys earlier in linking order,
    when there are 1 to ``cap`` of them (what the count lookup lets through): one window over both counts,
    for an asked row, the held rows before it, and numbers each held row."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    both = asked.select("ord", *keys, F.lit(None).cast("string").alias("id"), F.lit(0).alias("held")).unionByName(
        held.select("ord", *keys, "id", F.lit(1).alias("held")))
    running = Window.partitionBy(*keys).orderBy("ord", "held").rowsBetween(Window.unboundedPreceding, Window.currentRow)
    counted = both.withColumn("n", F.sum("held").over(running))
    wanted = (F.col("held") == 0) & (F.col("n") > 0)
    kept = F.col("held") == 1
    if cap is not None:
        wanted, kept = wanted & (F.col("n") <= cap), kept & (F.col("n") <= cap)
    lookups = counted.where(wanted).select("ord", *keys, F.col("n").alias("before"))
    postings = counted.where(kept).select(*keys, F.col("n").alias("rank"), F.col("id").alias("member"))
    return lookups.join(postings, keys).where(F.col("rank") <= F.col("before")).select("ord", *keys, "member")


# --- 5. ranking ------------------------------------------------------------------------------------------


def _ranked(spark: Any, filed: Any, found: Any, limits: CandidateLimits) -> dict[str, KnownCandidates]:
    from pyspark.sql import functions as F

    grouped = found.groupBy("ord").agg(F.collect_list(F.struct("kind", "key", "week", "member")).alias("found"))
    joined = filed.join(grouped, "ord", "left")
    compared = limits.compared
    ranked = joined.rdd.map(lambda row: (row["id"], row["digest"], rank_row(row, compared))).collect()
    return {doc_id: KnownCandidates(digest, candidates) for doc_id, digest, candidates in ranked}


def rank_row(row: Any, compared: int) -> list[str]:
    """One document's candidates from what its lookups found, summed in the order linking sums them."""
    found = found_postings(row["filing"], row["weeks"], row["by_week"], row["found"] or [])
    return stories.ranked_candidates(row["id"], found, Idf(row["ord"] + 1, dict(row["filing_df"])), compared)


def found_postings(filing: Sequence[str], weeks: Sequence[int], by_week: bool,
                   found: Iterable[Any]) -> list[dict[str, list[str]]]:
    """The postings dictionaries linking's lookups return, keys in the order it asks them."""
    members: dict[tuple[int, str, int | None], list[str]] = {}
    for kind, key, week, member in found:
        members.setdefault((kind, key, week), []).append(member)
    if not by_week:
        return [{k: sorted(members[DK, k, None]) for k in filing if (DK, k, None) in members}]
    dated = {f"{k}|{w}": sorted(members[DW, k, w]) for k in filing for w in weeks if (DW, k, w) in members}
    return [dated, {k: sorted(members[DU, k, None]) for k in filing if (DU, k, None) in members}]
