"""Story candidates computed on Spark equal, document by document, the lists linking's own lookups give, and
the Spark job's linking uses them instead of looking up ``dk``/``dw``/``du`` postings in the database."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

from storyline import api
from storyline.export import build_export
from storyline.link import stories
from storyline.link.story_features import DocumentFeatures
from storyline.spark import SparkSettings, run_spark
from storyline.spark import job as spark_job
from storyline.spark.candidates import Buckets
from storyline.spark.lookups import CandidateLookups
from storyline.spark.story_candidates import KnownCandidates, features_digest, found_postings
from storyline.store import Store
from storyline.store.link_index import SqlLinkIndex

from .test_spark_job_same_export import MASTER, assert_same_export, spark  # noqa: F401 (the session fixture)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from generate import make_article, to_record  # noqa: E402

STORY_LOOKUPS = ("dk", "dw", "du", "dkn", "dwn")
CAPS = {"MAX_DOC_POSTINGS": 6, "MAX_WEEK_POSTINGS": 2, "COMPARED_DOCUMENTS": 8}


def mixed_corpus(path: Path, count: int = 90, first: int = 0) -> list[str]:
    """Generated articles of a few affairs packed into a few weeks: most dated to the day, some to the month
    only, some undated (their keys' postings grow past the small caps of the test)."""
    with open(path, "w", encoding="utf-8") as out:
        for i in range(first, first + count):
            record = to_record(make_article(i, affairs=4, span_days=20))
            if i % 5 == 1:
                del record["published"]
            elif i % 7 == 2:
                record["published"] = record["published"][:7]
            out.write(json.dumps(record) + "\n")
    return [str(path)]


class Recorder:
    """Candidate lists linking returned, and the story lookups the database answered, per run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lists: dict[str, list[str]] = {}
        self.lookups: Counter[str] = Counter()
        self.sizes: dict[str, list[int]] = {"dkn": [], "dwn": []}
        decide, postings, counts = stories.candidate_documents, SqlLinkIndex.postings, SqlLinkIndex.counts

        def candidate_documents(features: DocumentFeatures, keys: Collection[str], book: Any, idf: Any) -> list[str]:
            self.lists[features.id] = found = decide(features, keys, book, idf)
            return found

        def counted_postings(index: SqlLinkIndex, kind: str, keys: Collection[str]) -> dict[str, list[str]]:
            self.lookups[kind] += 1
            return postings(index, kind, keys)

        def counted(index: SqlLinkIndex, kind: str, keys: Collection[str]) -> dict[str, int]:
            self.lookups[kind] += 1
            found = counts(index, kind, keys)
            if kind in self.sizes:
                self.sizes[kind] += found.values()
            return found

        monkeypatch.setattr(stories, "candidate_documents", candidate_documents)
        monkeypatch.setattr(SqlLinkIndex, "postings", counted_postings)
        monkeypatch.setattr(SqlLinkIndex, "counts", counted)

    def reset(self) -> None:
        self.lists, self.lookups, self.sizes = {}, Counter(), {"dkn": [], "dwn": []}


def test_spark_story_candidates_equal_the_lookups_document_by_document(
        spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    for name, value in CAPS.items():
        monkeypatch.setattr(stories, name, value)
    inputs = mixed_corpus(tmp_path / "mixed.jsonl")
    recorder = Recorder(monkeypatch)
    plain = Store(str(tmp_path / "plain.db"))
    api.ingest(inputs, plain)
    looked_up, sizes = recorder.lists, recorder.sizes
    assert all(recorder.lookups[kind] > 0 for kind in STORY_LOOKUPS)  # the plain path reads all five
    assert max(sizes["dkn"]) > CAPS["MAX_DOC_POSTINGS"] and max(sizes["dwn"]) > CAPS["MAX_WEEK_POSTINGS"]
    computed: dict[str, dict[str, KnownCandidates]] = {}
    lists = spark_job.story_candidate_lists
    monkeypatch.setattr(spark_job, "story_candidate_lists",
                        lambda *a, **k: computed.setdefault("lists", lists(*a, **k)))
    recorder.reset()
    on_spark = Store(str(tmp_path / "spark.db"))
    report = run_spark(inputs, on_spark, SparkSettings(master=MASTER, partitions=3))

    assert {d: k.candidates for d, k in computed["lists"].items()} == looked_up
    assert recorder.lists == looked_up
    assert report.story_candidates_used == report.story_candidates == len(looked_up) == 90
    assert report.story_fallback is None
    assert not any(recorder.lookups[kind] for kind in STORY_LOOKUPS)  # none answered by the database
    assert sum(len(c) for c in looked_up.values()) == report.story_candidate_pairs > 0
    assert max(len(c) for c in looked_up.values()) == CAPS["COMPARED_DOCUMENTS"]
    assert_same_export(build_export(plain), build_export(on_spark))
    more = mixed_corpus(tmp_path / "more.jsonl", 12, first=90)  # the index the job left serves `storyline link`
    for store in (plain, on_spark):
        api.ingest(more, store)
    assert_same_export(build_export(plain), build_export(on_spark))


def test_spark_lookups_stop_using_story_candidates_from_an_unexpected_document() -> None:
    def features(doc_id: str) -> DocumentFeatures:
        return DocumentFeatures(doc_id, {"harbour": 1.0}, {"Ann Lee": "person"}, 738000, "2021-08-02", "Harbour")

    known = {d: KnownCandidates(features_digest(features(d), ["harbour"]), ["x"]) for d in ("a", "b", "c")}
    lookups = CandidateLookups(Buckets({}, {}, set()), known, ["a", "b", "c"])
    assert lookups.story_candidates(features("a"), ["harbour"]) == ["x"]
    changed = features("b")
    changed.day = 738001  # its date was completed after Spark computed its candidates
    assert lookups.story_candidates(changed, ["harbour"]) is None
    assert lookups.story_candidates(features("c"), ["harbour"]) is None  # every later list depends on b
    assert (lookups.story_answered, lookups.story_fallback) == (1, "b")


def test_spark_found_postings_come_in_the_order_linking_sums_them() -> None:
    found = [(0, "@ann lee", 3, "d2"), (0, "harbour", 4, "d1"), (0, "harbour", 3, "d3"), (1, "harbour", None, "d4")]
    dated = found_postings(["@ann lee", "harbour"], [3, 4], True, found)
    assert [list(d) for d in dated] == [["@ann lee|3", "harbour|3", "harbour|4"], ["harbour"]]
    assert found_postings(["harbour"], [], False, [(2, "harbour", None, "d9"), (2, "harbour", None, "d1")]) == [
        {"harbour": ["d1", "d9"]}]
