"""storyline on Apache Spark: the same readers, pipeline and linking, for corpora beyond one machine.

* :func:`run_spark` (``storyline spark``, ``python -m storyline.spark``): ingest, annotate and link a
  corpus; the export equals ``storyline ingest`` + ``storyline link`` on the same input.
* :func:`annotate_dataframe`: annotate a DataFrame of articles on the executors (rows to load later
  with :func:`store_rows`).

Needs ``pip install 'storyline[spark]'`` and a Java runtime; nothing is downloaded at run time.
See docs/spark.md.
"""

from __future__ import annotations

from storyline.spark.dataframe import annotate_dataframe, annotate_records, store_rows
from storyline.spark.job import SparkReport, SparkSettings, run_spark
from storyline.spark.session import executor_python, spark_session

__all__ = ["SparkReport", "SparkSettings", "annotate_dataframe", "annotate_records", "executor_python",
           "run_spark", "spark_session", "store_rows"]
