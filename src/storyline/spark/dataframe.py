"""Annotate very large corpora on Apache Spark: the same pure pipeline, run on the executors.

Per-document work never touches the store, so it runs unchanged inside
``mapPartitions``; results come back as rows (document fields plus the
annotations as JSON) that :func:`store_rows` loads into a storyline database,
where ``storyline link`` takes over. Needs ``pip install 'storyline[spark]'`` and a
Java runtime; nothing is downloaded at run time.

    from pyspark.sql import SparkSession
    from storyline.spark import annotate_dataframe, store_rows
    spark = SparkSession.builder.master("local[*]").getOrCreate()
    articles = spark.read.json("articles.jsonl")          # columns: text, title, published, url, source
    annotated = annotate_dataframe(articles)
    annotated.write.parquet("annotated.parquet")         # or bring it home:
    store_rows(annotated.toLocalIterator(), "corpus.db")
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from storyline.model import Annotations, Document, from_dict, to_dict

OUTPUT_FIELDS = ("id", "source", "url", "title", "published", "published_inferred", "text", "annotations")
INPUT_FIELDS = ("text", "title", "published", "url", "source")


def annotate_records(records: Iterable[dict[str, Any]], model: str | None = None) -> Iterator[dict[str, Any]]:
    """Normalise and annotate plain records (one pipeline per call, i.e. per Spark partition)."""
    from storyline.annotate.pipeline import make_pipeline
    from storyline.ingest import Problem, make_document

    pipeline = make_pipeline(model)
    for i, record in enumerate(records):
        source = str(record.get("source") or f"spark-record-{i}")
        doc = make_document(
            str(record.get("text") or ""),
            source=source,
            url=record.get("url"),
            title=record.get("title"),
            published=record.get("published"),
            format="json",
        )
        if isinstance(doc, Problem):
            continue
        ann = pipeline(doc)
        yield {
            "id": doc.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "published": doc.published,
            "published_inferred": doc.published_inferred,
            "text": doc.text,
            "annotations": json.dumps(to_dict(ann)),
        }


def annotate_dataframe(df: Any, model: str | None = None) -> Any:
    """A DataFrame of documents (text, and optionally title, published, url, source) -> annotated rows."""
    from pyspark.sql import Row
    from pyspark.sql.types import BooleanType, StringType, StructField, StructType

    present = [c for c in INPUT_FIELDS if c in df.columns]
    if "text" not in present:
        raise ValueError("the DataFrame needs a 'text' column (and optionally title, published, url, source)")

    def partition(rows: Iterable[Any]) -> Iterator[Any]:
        records = ({c: (row[c] if c in present else None) for c in INPUT_FIELDS} for row in rows)
        for out in annotate_records(records, model):
            yield Row(**out)

    schema = StructType(
        [StructField(name, BooleanType() if name == "published_inferred" else StringType(), True)
         for name in OUTPUT_FIELDS]
    )
    return df.select(*present).rdd.mapPartitions(partition).toDF(schema)


def store_rows(rows: Iterable[Any], db: str | None) -> int:
    """Load annotated rows (from :func:`annotate_dataframe`) into a storyline database; return how many were new."""
    from storyline.store import Store

    store = Store(db)
    added = 0
    for row in rows:
        data = row.asDict() if hasattr(row, "asDict") else dict(row)
        doc = Document(
            id=data["id"],
            text=data["text"],
            source=data["source"],
            url=data.get("url"),
            title=data.get("title"),
            published=data.get("published"),
            published_inferred=bool(data.get("published_inferred")),
            format="json",
        )
        added += store.add_document(doc, from_dict(Annotations, json.loads(data["annotations"])))
    return added
