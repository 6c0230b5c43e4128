"""Batch ingest: idempotent re-runs, versions, recorded problems, crash safety, parallel parsing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main
from storyline.ingest.batch import IngestSettings, ingest_sources
from storyline.model import to_dict
from storyline.store import Store

ARTICLE = """Council told to act on care failings

By Ruth Ellery

The children's minister, Tom Baird, wrote to Kingsmere Borough Council on 3 March 2022 ordering it to hand control of its children's services to a commissioner.

"We will co-operate fully," said the council leader, Helen Whitfield. "Our priority is every child in our care."
"""


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:04d}.txt").write_text(ARTICLE + f"\nFollow-up number {i}: the review met again.\n",
                                                    encoding="utf-8")


def test_ingest_batch_is_idempotent(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 5)
    store = Store(str(tmp_path / "a.db"))
    first = ingest_sources(store, [str(tmp_path / "in")])
    again = ingest_sources(store, [str(tmp_path / "in")])
    assert len(first.added) == 5 and first.ok
    assert again.added == [] and again.already_present == 5
    assert store.count_documents() == 5
    assert store.get_annotations(first.added[0]) is not None


def test_ingest_batch_records_problems_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write_corpus(folder, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 40)
    store = Store(str(tmp_path / "b.db"))
    report = ingest_sources(store, [str(folder), str(tmp_path / "missing.txt")])
    assert len(report.added) == 2
    failed = {Path(p.source.split("#")[0]).name for p in report.problems}
    assert {"empty.txt", "junk.bin", "missing.txt"} <= failed
    assert {Path(e.source).name for e in store.errors()} >= {"empty.txt", "junk.bin", "missing.txt"}
    assert all(p.message for p in report.problems)


def test_ingest_batch_cli_exit_status_reflects_failures(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 1)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", db, "--quiet", "--no-link"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    ok = CliRunner().invoke(main, ["ingest", str(tmp_path / "in" / "story-0000.txt"), "--db", db, "-q"])
    assert ok.exit_code == 0


def test_ingest_batch_parallel_jobs_store_everything(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 12)
    store = Store(str(tmp_path / "d.db"))
    report = ingest_sources(store, [str(tmp_path / "in")], IngestSettings(jobs=2))
    assert len(report.added) == 12 and store.count_documents() == 12


def test_ingest_batch_survives_being_killed(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", str(tmp_path / "crash.db")
    _write_corpus(folder, 1000)
    cmd = [sys.executable, "-m", "storyline", "ingest", str(folder), "--db", db, "--quiet", "--no-link"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    committed = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if os.path.exists(db):
            try:
                committed = Store(db).count_documents()
            except Exception:  # the schema may not be there yet
                committed = 0
            if committed >= 20:
                break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after_kill = Store(db).count_documents()
    assert 0 < committed <= after_kill < 1000, "the batch should have been killed half-way"
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    store = Store(db)
    assert store.count_documents() == 1000
    ids = [d.id for d in store.list_documents()]
    assert len(ids) == len(set(ids))
    assert all(store.get_annotations(i) is not None for i in ids[:: 37])


def test_ingest_batch_same_text_fills_missing_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = "Leader rejects claims\n\nThe leader said on Thursday that nobody had been misled."
    (folder / "a-bare.txt").write_text(body, encoding="utf-8")
    (folder / "b-export.json").write_text(
        '{"title": "Leader rejects claims", "published": "2024-09-13", "url": "https://echo.example/a", '
        f'"text": {json.dumps(body)}}}',
        encoding="utf-8",
    )
    store = Store(str(tmp_path / "e.db"))
    report = ingest_sources(store, [str(folder)])
    assert len(report.added) == 1 and report.enriched == report.added
    doc = store.get_document(report.added[0])
    assert doc is not None and doc.published == "2024-09-13" and doc.url == "https://echo.example/a"
    ann = store.get_annotations(doc.id)
    assert ann is not None and any(t.value == "2024-09-12" for t in ann.timexes)  # "on Thursday" re-resolved


def test_ingest_batch_unknown_model_fails_before_reading(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in", 1)
    db = str(tmp_path / "f.db")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", db, "-q", "--model", "no_such_model_x"])
    assert result.exit_code == 2
    assert "not installed" in result.output and "pip install" in result.output
    assert Store(db).count_documents() == 0


def test_ingest_batch_workers_keep_only_a_few_tasks_in_flight() -> None:
    from concurrent.futures import Future

    from storyline.ingest import SourceRef
    from storyline.ingest.batch import SOURCES_PER_TASK, TASKS_AHEAD, _in_workers

    class CountingPool:
        """Runs each task at once and counts what was submitted."""

        def __init__(self) -> None:
            self.submitted = 0

        def submit(self, fn, chunk, settings):  # type: ignore[no-untyped-def]
            self.submitted += 1
            future: Future[list[list[str]]] = Future()
            future.set_result([[ref.source] for ref in chunk])
            return future

    refs = [SourceRef(f"f{i}.txt", "file", f"f{i}.txt") for i in range(200)]
    pool = CountingPool()
    seen = []
    for ref, items in _in_workers(pool, refs, IngestSettings(jobs=2), 2):  # type: ignore[arg-type]
        seen.append((ref.source, items))
        consumed_tasks = -(-len(seen) // SOURCES_PER_TASK)
        assert pool.submitted <= consumed_tasks + 2 * (1 + TASKS_AHEAD)  # never the whole corpus at once
    assert seen == [(r.source, [r.source]) for r in refs]  # every source, in order, with its own items
    assert pool.submitted == 200 // SOURCES_PER_TASK


def test_ingest_batch_large_sources_are_tasks_of_their_own() -> None:
    from storyline.ingest import SourceRef
    from storyline.ingest.batch import LARGE_SOURCE_BYTES, SOURCES_PER_TASK, worker_tasks

    small, large = 4_000, 15 * LARGE_SOURCE_BYTES
    refs = [SourceRef(f"s{i}", "file", f"s{i}") for i in range(6)] + [SourceRef(f"l{i}", "file", f"l{i}") for i in range(2)]
    tasks = worker_tasks(refs, [small] * 6 + [large] * 2)
    assert [[r.source for r in t] for t, _ in tasks] == [
        [f"s{i}" for i in range(SOURCES_PER_TASK)], [f"s{i}" for i in range(SOURCES_PER_TASK, 6)], ["l0"], ["l1"]]
    assert [size for _, size in tasks] == [SOURCES_PER_TASK * small, (6 - SOURCES_PER_TASK) * small, large, large]


def _write_records(path: Path, n: int) -> None:
    """A JSON Lines file of ``n`` articles (one of them broken, one URL seen twice with other text)."""
    lines = []
    for i in range(n):
        text = ARTICLE + f"\nFollow-up number {i}: the review met again on Tuesday.\n"
        lines.append(json.dumps({"title": f"Care failings {i}", "published": "2022-03-0" + str(1 + i % 9),
                                 "url": f"https://news.example/{i % (n - 3)}", "text": text}))
    lines[n // 2] = '{"title": "broken'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _stored(db: str) -> list[tuple[str, str | None, str | None, str]]:
    store = Store(db)
    rows = []
    for doc in store.list_documents():
        ann = store.get_annotations(doc.id)
        rows.append((doc.id, doc.source, doc.version_of, json.dumps(to_dict(ann), sort_keys=True)))
    return rows


def test_ingest_batch_large_record_file_annotated_by_the_workers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from storyline.ingest import batch

    monkeypatch.setattr(batch, "LARGE_SOURCE_BYTES", 4_000)  # a few dozen records count as a large file
    _write_records(tmp_path / "articles.jsonl", 60)
    _write_corpus(tmp_path / "small", 3)
    sources = [str(tmp_path / "small"), str(tmp_path / "articles.jsonl")]
    one = ingest_sources(Store(str(tmp_path / "one.db")), sources, IngestSettings(jobs=1))
    two = ingest_sources(Store(str(tmp_path / "two.db")), sources, IngestSettings(jobs=2))
    assert len(one.added) == 62 and one.versions == two.versions == 3
    assert [(p.source, p.reason) for p in two.problems] == [(p.source, p.reason) for p in one.problems]
    assert _stored(str(tmp_path / "two.db")) == _stored(str(tmp_path / "one.db"))  # same order, same annotations


def test_ingest_batch_pool_keeps_reading_order_and_failed_annotations(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import Future

    from storyline.ingest import batch
    from storyline.ingest import SourceRef

    class InlinePool:
        """Runs each task at once, in this process."""

        def __init__(self) -> None:
            self.submitted = 0

        def submit(self, fn, *args):  # type: ignore[no-untyped-def]
            self.submitted += 1
            future: Future[object] = Future()
            future.set_result(fn(*args))
            return future

    real = batch.load_pipeline(None)

    def fragile(doc):  # type: ignore[no-untyped-def]
        if "number 7:" in doc.text:
            raise ValueError("boom")
        return real(doc)

    monkeypatch.setattr(batch, "load_pipeline", lambda model: fragile)
    path = tmp_path / "articles.jsonl"
    _write_records(path, 40)
    ref = SourceRef(str(path), "file", str(path))
    settings = IngestSettings(jobs=2)
    pool = InlinePool()
    pooled = list(batch._annotated_by_pool(pool, ref, settings, 2))  # type: ignore[arg-type]
    here = list(batch.annotated_items(ref, settings))
    assert [_item_key(i) for i in pooled] == [_item_key(i) for i in here]
    assert pool.submitted == -(-40 // batch.DOCUMENTS_PER_TASK)
    assert any(getattr(i, "reason", None) == "annotation-failed" for i in pooled)


def _item_key(item: object) -> object:
    if isinstance(item, tuple):
        doc, ann = item
        return doc.id, None if ann is None else json.dumps(to_dict(ann), sort_keys=True)
    return item.source, item.reason  # type: ignore[attr-defined]


def _children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_ingest_batch_workers_exit_when_the_ingest_is_killed(tmp_path: Path) -> None:
    """`storyline ingest --jobs 2` killed (kill -9, the OOM killer): its two workers waited for tasks forever,
    each holding a loaded pipeline, until someone found and killed them."""
    folder, db = tmp_path / "in", str(tmp_path / "killed.db")
    _write_corpus(folder, 400)
    cmd = [sys.executable, "-m", "storyline", "ingest", "--jobs", "2", str(folder), "--db", db, "--quiet", "--no-link"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
        time.sleep(0.1)
        workers = _children(proc.pid)
    proc.kill()
    proc.wait()
    assert len(workers) == 2, "the ingest ended before its workers were seen"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if Path(f"/proc/{w}").exists()]
    for w in left:  # a test leaves no process behind, whatever it found
        os.kill(w, signal.SIGKILL)
    assert not left, "workers outlived the ingest"
