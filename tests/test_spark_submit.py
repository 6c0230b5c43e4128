"""The Spark job runs under spark-submit, with executors on the driver's Python when PYSPARK_PYTHON is unset."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.slow]


def test_spark_submit_runs_the_job_with_executors_on_the_driver_python(tmp_path: Path) -> None:
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (Debian: default-jre-headless)")
    import storyline.spark.__main__ as job_main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "audit.txt").write_text("Audit due\n\n\u201cWe expect the audit next week,\u201d said Mayor Dan Wright "
                                      "on Friday.", encoding="utf-8")
    db = str(tmp_path / "submitted.db")
    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = {k: v for k, v in os.environ.items() if k not in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable  # the driver must have storyline; executors are left to the job
    env["PATH"] = "/usr/bin:/bin"  # the python3 found here has no storyline
    result = subprocess.run([str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false",
                             "--conf", "spark.driver.host=127.0.0.1", job_main.__file__, str(folder), "--db", db],
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "1 document added" in result.stdout
    assert Store(db).count_documents() == 1
