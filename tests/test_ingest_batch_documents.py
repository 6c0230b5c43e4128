"""Primary documents through the batch: --jobs parallelism, attachment links kept, Tesseract absent then installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline import api
from storyline.store import Store
from tests.scans import needs_tesseract, page_image, scanned_pdf
from tests.test_ingest_mail import reply_message
from tests.test_ingest_office import briefing_docx

SCAN_LINES = ["CASTLEWICK BOROUGH COUNCIL", "", "Dear Minister,", "", "The council will comply with the direction.",
              "", "Margaret Ellery"]


@pytest.fixture
def release(tmp_path: Path) -> Path:
    folder = tmp_path / "foi-release"
    folder.mkdir()
    (folder / "01-reply.eml").write_bytes(reply_message().as_bytes())
    (folder / "02-briefing.docx").write_bytes(briefing_docx())
    (folder / "03-letter-scan.pdf").write_bytes(scanned_pdf([page_image(SCAN_LINES)]))
    return folder


@needs_tesseract
def test_batch_documents_in_parallel(release: Path, tmp_path: Path) -> None:
    store = Store(str(tmp_path / "c.db"))
    report = api.ingest([str(release)], store, jobs=2, link=False)
    assert report.problems == [] and len(report.added) == 4
    docs = {doc.source.rsplit("/", 1)[-1]: doc for doc in store.iter_documents()}
    message, attachment = docs["01-reply.eml"], docs["01-reply.eml#attachment formal-reply.pdf"]
    assert attachment.attached_to == message.id and message.author == "Margaret Ellery"
    assert docs["02-briefing.docx"].author == "Neil Foster"
    scan = docs["03-letter-scan.pdf"]
    assert scan.ocr and scan.pages == [0] and "comply with the direction" in scan.text
    store.close()


@needs_tesseract
def test_batch_documents_without_tesseract_then_with_it(
    release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(str(tmp_path / "c.db"))
    with monkeypatch.context() as patched:
        patched.setenv("PATH", str(tmp_path))  # Tesseract "not installed"
        report = api.ingest([str(release)], store, link=False)
    (problem,) = report.problems
    assert problem.reason == "ocr-unavailable" and problem.source.endswith("03-letter-scan.pdf")
    assert len(report.added) == 3  # everything else was stored
    assert [e.reason for e in store.errors()] == ["ocr-unavailable"]
    report = api.ingest([str(release)], store, link=False)  # Tesseract back: the scan is read this time
    assert report.problems == [] and len(report.added) == 1 and report.already_present == 3
    assert store.errors() == []  # the recorded problem is resolved
    store.close()
