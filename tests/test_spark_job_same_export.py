"""The Spark job (local mode) gives the same export as `storyline ingest` + `storyline link`, field by field.

Linking is the one order-dependent step, and the job runs it on the driver in the same publication order
as `storyline link`, with its candidate lookups and story candidates answered from Spark; so no field is exempt:
every record of every list (documents with all their metadata, entities, quotes, events, claims, stories,
storylines, reuse, discrepancies, quote groups, document links, timelines) must be equal.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import api
from storyline.demo.load import demo_files
from storyline.export import build_export
from storyline.spark import SparkSettings, run_spark
from storyline.store import Store

from .conftest import postgres_schema_url

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from generate import make_article, to_record, write_corpus  # noqa: E402

pytestmark = [pytest.mark.spark, pytest.mark.slow]
GENERATED = 300  # articles in the default suite; the 2,000 run with STORYLINE_TEST_SPARK_LARGE=1 (below)
MASTER = "local[2]"


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (Debian: default-jre-headless)")
    session = (pyspark.sql.SparkSession.builder.master(MASTER).appName("storyline-test")
               .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    yield session
    session.stop()


def assert_same_export(plain: dict[str, Any], spark: dict[str, Any]) -> None:
    """Equal exports, reported by list, record and field when they are not."""
    assert plain.keys() == spark.keys()
    for name, records in plain.items():
        if not isinstance(records, list):
            assert records == spark[name], name
            continue
        assert len(records) == len(spark[name]), f"{name}: {len(records)} records locally, {len(spark[name])} on Spark"
        for mine, theirs in zip(records, spark[name]):
            if mine != theirs:
                fields = sorted(k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k))
                raise AssertionError(f"{name} {mine.get('id')}: fields {fields} differ: "
                                     f"{[(k, mine.get(k), theirs.get(k)) for k in fields][:3]}")
    assert json.dumps(plain, sort_keys=True) == json.dumps(spark, sort_keys=True)


def both_ways(inputs: list[str], tmp_path: Path, spark: Any, db: str | None = None) -> tuple[Store, Store]:
    plain = Store(str(tmp_path / "plain.db"))
    api.ingest(inputs, plain)
    on_spark = Store(db or str(tmp_path / "spark.db"))
    report = run_spark(inputs, on_spark, SparkSettings(master=MASTER, partitions=4))
    assert report.candidates_used and report.candidate_pairs > 0
    # every document's story candidates came from Spark (those completed from a later copy included)
    assert report.story_fallback is None and report.story_candidates_used == report.story_candidates > 0
    return plain, on_spark


def test_spark_job_demo_corpus_gives_the_same_export(spark: Any, tmp_path: Path) -> None:
    plain, on_spark = both_ways(demo_files(), tmp_path, spark)
    assert_same_export(build_export(plain), build_export(on_spark))
    docs = {d["source"].rsplit("/", 1)[-1]: d for d in build_export(on_spark)["documents"]}
    updated = docs["2023-03-22-northgate-minister-ordered-takeover-updated.json"]
    assert updated["version_of"] and updated["url"] and updated["title"]  # versions marked as by ingest
    assert {d["format"] for d in docs.values()} >= {"html", "pdf", "text", "json"}  # formats kept, not all json
    html = docs["2023-03-15-gazette-mayor-hails-turnaround.html"]
    assert "<" not in html["text"] and html["published"]  # HTML read as text, with its metadata
    assert [(e.source, e.reason) for e in plain.errors()] == [(e.source, e.reason) for e in on_spark.errors()]


def generated_corpus(folder: Path, count: int) -> list[str]:
    """Generated articles (HTML files and JSON Lines), plus bare copies and updates that ingest completes:
    a .txt copy read before its JSON record (title, date and URL filled from the record), and changed texts
    at known URLs (versions)."""
    write_corpus(folder / "articles", count, affairs=max(20, count // 25))
    extra = folder / "extra"
    extra.mkdir()
    first_jsonl = count // 2
    for i in range(first_jsonl, first_jsonl + 10):
        (extra / f"copy-{i}.txt").write_text(make_article(i, max(20, count // 25)).body, encoding="utf-8")
    with open(folder / "updates.jsonl", "w", encoding="utf-8") as out:
        for i in range(first_jsonl + 10, first_jsonl + 15):
            record = to_record(make_article(i, max(20, count // 25)))
            record["text"] += "\n\nThis article was updated to add a response from the council."
            out.write(json.dumps(record) + "\n")
        out.write(json.dumps({"title": "Empty", "text": "  "}) + "\n")  # an empty record: a problem, both ways
    return [str(extra / "*.txt"), str(folder / "articles"), str(folder / "updates.jsonl")]


def test_spark_job_generated_corpus_gives_the_same_export(spark: Any, tmp_path: Path) -> None:
    inputs = generated_corpus(tmp_path / "corpus", GENERATED)
    plain, on_spark = both_ways(inputs, tmp_path, spark)
    exported = build_export(on_spark)
    assert_same_export(build_export(plain), exported)
    copies = [d for d in exported["documents"] if d["source"].endswith(".txt")]
    assert len(copies) == 10 and all(d["title"] and d["url"] and d["published"] for d in copies)
    assert sum(1 for d in exported["documents"] if d["version_of"]) >= 5
    assert any(e.source.endswith("updates.jsonl#6") or "updates.jsonl" in e.source for e in on_spark.errors())


@pytest.mark.spark_large
@pytest.mark.skipif(os.environ.get("STORYLINE_TEST_SPARK_LARGE") != "1",
                    reason="2,000 articles both ways take 4-10 minutes on 2 cores: set STORYLINE_TEST_SPARK_LARGE=1")
def test_spark_job_2000_generated_articles_give_the_same_export(spark: Any, tmp_path: Path) -> None:
    inputs = generated_corpus(tmp_path / "corpus", 2000)
    plain, on_spark = both_ways(inputs, tmp_path, spark)
    assert_same_export(build_export(plain), build_export(on_spark))


@pytest.mark.postgres
def test_spark_job_writes_to_postgresql(spark: Any, tmp_path: Path) -> None:
    db = postgres_schema_url()
    plain, on_spark = both_ways(demo_files(), tmp_path, spark, db)
    assert_same_export(build_export(plain), build_export(on_spark))


def test_spark_job_cli_reports_problems_and_a_summary(spark: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Audit due\n\n\u201cWe expect the audit next week,\u201d said Mayor Dan Wright.",
                                  encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(main, ["--db", db, "spark", str(folder), "--master", MASTER])
    assert result.exit_code == 1, result.output
    assert "1 document added" in result.output and "1 problem (see `storyline errors`)" in result.output
    assert [e.source for e in Store(db).errors()] == [str(folder / "empty.txt")]
    refused = CliRunner().invoke(main, ["--db", db, "spark", "-"])
    assert refused.exit_code == 2 and "standard input" in refused.output
