"""Uploaded files keep the name the user uploaded as their source, not the temporary path they were saved to."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.store import Store
from storyline.web.app import create_app

BASE = "http://127.0.0.1:8000"
MINUTES = ("Library opening hours cut\n\nThe council's cabinet agreed on Tuesday to close three branch libraries "
           "on Mondays from September. “It is the least bad option,” said Cllr Mariam Hussain.").encode()


def test_web_upload_keeps_the_uploaded_name(tmp_path: Path) -> None:
    db = str(tmp_path / "uploads.db")
    with TestClient(create_app(db), base_url=BASE, headers={"Origin": BASE}) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/ingest").text).group(1)  # type: ignore[union-attr]
        response = client.post("/ingest", data={"csrf_token": token}, files=[
            ("files", ("C:\\Users\\ana\\Library hours – cabinet.txt", MINUTES, "text/plain")),
            ("files", ("scan.pdf", b"%PDF-1.4\n% a scan that never finished saving", "application/pdf")),
        ])
        assert response.status_code == 200, response.text
        assert "Library hours – cabinet.txt" in response.text and "storyline-upload-" not in response.text
    with Store(db) as store:
        (doc,) = store.list_documents()
        assert doc.source == "Library hours – cabinet.txt"
        (error,) = store.errors()
        assert error.source == "scan.pdf" and error.message.startswith("scan.pdf: ")
        assert "storyline-upload-" not in error.message
