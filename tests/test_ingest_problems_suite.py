"""The bad-input suite (tests/fixtures/ingest/bad_inputs.py) ingested beside good files by `storyline ingest`:
every good document is stored, every bad input gets exactly one clear problem, memory stays bounded, and a
second run adds nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from storyline.cli import main
from storyline.ingest import IngestOptions, SourceRef, read_source
from storyline.model import Document
from storyline.render.printable import printable
from storyline.store import Store
from tests.fixtures.ingest.bad_inputs import BAD, GOOD, URLS, expected_problems, write_inbox

PEAK_MEMORY_MB = 400


@dataclass
class Run:
    code: int
    stdout: str
    problem_lines: list[str]
    peak_mb: float


# Runs a command with its output in two files and prints the command's peak memory (RUSAGE_CHILDREN). The test
# starts it rather than the command itself: a child forked from the test process would count the test's own
# memory, held until the exec, in its peak.
MEASURE = """import resource, subprocess, sys
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    code = subprocess.call(sys.argv[3:], stdout=out, stderr=err)
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _ingest(inbox: Path, db: str, tmp_path: Path) -> Run:
    """`storyline ingest` in its own process, with its peak memory as the kernel counted it."""
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    command = [sys.executable, "-m", "storyline", "ingest", str(inbox), *URLS, "--db", db, "-q"]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "STORYLINE_DB")}
    measured = subprocess.run([sys.executable, "-c", MEASURE, str(out), str(err), *command], env=env, check=True,
                              capture_output=True, text=True)
    code, peak_kb = map(int, measured.stdout.split())
    return Run(code, out.read_text("utf-8"), err.read_text("utf-8").splitlines(), peak_kb / 1024)


def _expected_documents(inbox: Path) -> set[str]:
    """Ids of the documents each good file (and each partly good bad file) gives when read on its own."""
    ids = set()
    for case in GOOD + [c for c in BAD if c.documents]:
        path = str(inbox / case.name)
        docs = [d for d in read_source(SourceRef(path, "file", path), IngestOptions()) if isinstance(d, Document)]
        assert len(docs) == case.documents, case.name
        ids.update(d.id for d in docs)
    return ids


def test_bad_input_suite_beside_good_files(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", str(tmp_path / "suite.db")
    write_inbox(inbox)
    wanted = expected_problems(inbox)
    first = _ingest(inbox, db, tmp_path)

    assert first.code == 1 and first.peak_mb < PEAK_MEMORY_MB, first.peak_mb
    with Store(db) as store:
        stored = {d.id for d in store.list_documents()}
        assert stored == _expected_documents(inbox)  # every good document, and nothing made of a bad input
        errors = store.errors()
        assert {e.source: e.reason for e in errors} == wanted
        hostile = next(d for d in store.list_documents() if d.source.endswith("budget-vote.html"))
        text = store.get_document(hostile.id).text  # type: ignore[union-attr]
    assert "Ruth Ansell" in text and "alert" not in text and "__pwned" not in text  # hostile markup left behind
    assert len(first.problem_lines) == len(wanted), "\n".join(first.problem_lines)  # one line per problem
    for error in errors:
        shown = printable(error.source)
        assert error.message.startswith(f"{shown}: ") and "; " in error.message and "\x1b" not in error.message
        assert sum(line.startswith(f"skipped {shown}: ") for line in first.problem_lines) == 1, error.source

    second = CliRunner().invoke(main, ["ingest", str(inbox), *URLS, "--db", db, "-q"])  # in this process: quicker
    assert second.exit_code == 1 and len(second.stderr.splitlines()) == len(wanted)
    with Store(db) as store:
        assert {d.id for d in store.list_documents()} == stored  # a re-run adds nothing
        assert {(e.source, e.failures) for e in store.errors()} == {(source, 2) for source in wanted}
