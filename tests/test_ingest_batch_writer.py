"""The batch writer: documents committed a few dozen at a time decide as if each were committed alone."""

from __future__ import annotations

from storyline.ingest import Problem
from storyline.ingest.batch import BatchWriter, IngestReport
from storyline.model import Document
from storyline.store import Store

BODY = ("Library hours cut\n\nThe county librarian, Grace Mbeki, said on Tuesday that opening hours would fall "
        "from next month. “We have no other choice,” she said.")


def _doc(doc_id: str, source: str, body: str = BODY, **kw: object) -> Document:
    return Document(id=doc_id, text=body, source=source, **kw)  # type: ignore[arg-type]


def test_ingest_batch_writer_same_text_in_one_batch_fills_metadata() -> None:
    store, report = Store(":memory:"), IngestReport()
    writer = BatchWriter(store, report)
    writer.add(_doc("a1", "bare.txt"), None)
    writer.add(_doc("a1", "export.json", title="Library hours cut", published="2024-02-06"), None)
    writer.flush()
    stored = store.get_document("a1")
    assert report.added == ["a1"] and report.already_present == 1 and report.enriched == ["a1"]
    assert stored is not None and stored.title == "Library hours cut" and stored.published == "2024-02-06"


def test_ingest_batch_writer_changed_text_at_a_url_in_one_batch_is_a_version() -> None:
    store, report = Store(":memory:"), IngestReport()
    writer = BatchWriter(store, report)
    url = "https://gazette.example/library-hours"
    writer.add(_doc("v1", "first.html", url=url), None)
    writer.add(_doc("v2", "second.html", BODY + " The council will review the cut in June.", url=url), None)
    writer.add(_doc("v3", "third.html", BODY + " The review was brought forward to May.", url=url), None)
    writer.flush()
    versions = {d.id: d.version_of for d in store.iter_documents()}
    assert versions == {"v1": None, "v2": "v1", "v3": "v2"} and report.versions == 2


def test_ingest_batch_writer_keeps_problems_and_documents_in_order() -> None:
    store, report = Store(":memory:"), IngestReport()
    writer = BatchWriter(store, report, size=10)
    writer.add(_doc("p1", "first.txt"), None)
    writer.problem(Problem("second.txt", "annotation-failed", "second.txt: stored without annotations"))
    assert store.count_documents() == 1  # a problem commits the documents before it
    writer.add(_doc("p2", "second.txt", BODY + " Campaigners plan a protest."), None)
    writer.problem(Problem("third.txt", "unreadable", "third.txt: not a text file"))
    writer.flush()
    assert [e.source for e in store.errors()] == ["third.txt"]  # second.txt was stored after its problem
    assert report.added == ["p1", "p2"] and len(report.problems) == 2


def test_ingest_batch_writer_commits_each_full_batch() -> None:
    store, report = Store(":memory:"), IngestReport()
    writer = BatchWriter(store, report, size=2)
    for i in range(5):
        writer.add(_doc(f"n{i}", f"n{i}.txt", BODY + f" Meeting {i}."), None)
    assert store.count_documents() == 4  # two full batches; the fifth waits for flush
    writer.flush()
    assert store.count_documents() == 5 and report.added == [f"n{i}" for i in range(5)]
