"""The Spark session a storyline job runs in, with executors on the driver's Python unless told otherwise."""

from __future__ import annotations

import os
import sys
from typing import Any

DEFAULT_MASTER = "local[*]"
APP_NAME = "storyline"
LOCAL_SHUFFLE_PARTITIONS = 8


def executor_python() -> str:
    """The interpreter the executors run: ``PYSPARK_PYTHON`` when set, else this one (with storyline installed).

    Without it, PySpark starts ``python3`` from the PATH, which lacks storyline unless a virtual
    environment happens to be activated. Set once, before the context starts (PySpark reads it then).
    """
    return os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


def spark_session(master: str | None = None, config: dict[str, str] | None = None) -> Any:
    """The active Spark session (under ``spark-submit``, or one the caller made), else a new one.

    Either way the executors run ``PYSPARK_PYTHON`` if it was set, else this interpreter.

    A new session runs on ``master`` (default: all local cores); under ``spark-submit`` the master and
    configuration given there win, and ``--conf spark.pyspark.python=...`` names the executors' Python.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ImportError("the Spark job needs PySpark: pip install 'storyline[spark]' (and Java 17 or later)") from exc
    active = SparkSession.getActiveSession()
    if active is not None:
        if "PYSPARK_PYTHON" not in os.environ:  # the context chose "python3" from the PATH: use this one
            active.sparkContext.pythonExec = executor_python()
        return active
    builder = SparkSession.builder.appName(APP_NAME)
    executor_python()  # spark-submit's --conf spark.pyspark.python reaches the driver as PYSPARK_PYTHON, and wins
    settings = {"spark.ui.showConsoleProgress": "false"}
    if master or not _submitted():
        builder = builder.master(master or DEFAULT_MASTER)
        settings["spark.sql.shuffle.partitions"] = str(LOCAL_SHUFFLE_PARTITIONS)  # not 200 on one machine
    for key, value in {**settings, **(config or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _submitted() -> bool:
    """Whether ``spark-submit`` started this driver (its JVM is waiting, with the master it was given)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ
