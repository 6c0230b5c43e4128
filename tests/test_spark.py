"""The pipeline runs unchanged on Spark executors (local mode) and gives the same annotations."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from storyline.annotate.pipeline import Pipeline
from storyline.ingest import make_document
from storyline.model import Annotations, Document, from_dict
from storyline.spark import annotate_dataframe, annotate_records, store_rows
from storyline.store import Store

RECORDS = [
    {"title": "Trust deal ends", "published": "2026-04-01", "source": "gazette",
     "text": "Trust deal ends\n\nThe council leader, Helen Whitfield, said: \u201cThe trust has done its job.\u201d"},
    {"title": "Audit due", "published": "2025-10-03", "source": "wire",
     "text": "Audit due\n\n\"We expect the audit next week,\" said Mayor Dan Wright on Friday."},
]


def test_spark_records_match_the_local_pipeline() -> None:
    out = list(annotate_records(RECORDS))
    doc = make_document(RECORDS[0]["text"], source="gazette", title="Trust deal ends", published="2026-04-01")
    assert isinstance(doc, Document)
    assert out[0]["id"] == doc.id
    assert from_dict(Annotations, json.loads(out[0]["annotations"])) == Pipeline()(doc)


@pytest.mark.slow
def test_spark_dataframe_annotates_on_executors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime")
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # executors run this interpreter, with storyline installed
    spark = (pyspark.sql.SparkSession.builder.master("local[1]").appName("storyline-test")
             .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate())
    try:
        rows = annotate_dataframe(spark.createDataFrame(RECORDS)).collect()
    finally:
        spark.stop()
    assert sorted(r["title"] for r in rows) == ["Audit due", "Trust deal ends"]
    db = str(tmp_path / "spark.db")
    assert store_rows(rows, db) == 2
    store = Store(db)
    ann = store.get_annotations(rows[0]["id"])
    assert ann is not None and ann.sentences


def test_spark_summary_line_counts_agree_with_their_nouns() -> None:
    """The job's last line reads as `storyline ingest`'s: '1 problem (see `storyline errors`)', not '1 problems'."""
    from storyline.ingest.batch import IngestReport
    from storyline.ingest.problems import problem
    from storyline.spark.job import SparkReport, summary_line

    one = SparkReport(IngestReport(added=["d1"], versions=1, problems=[problem("a.txt", "empty", "a.txt is empty")]))
    line = summary_line(one)
    assert line.startswith("1 document added, 0 already present, 0 completed from a richer copy, 1 version, "
                           "1 problem (see `storyline errors`)"), line
    assert summary_line(SparkReport(IngestReport())).startswith("0 documents added, 0 already present, "
                                                               "0 completed from a richer copy, 0 versions, 0 problems;")
