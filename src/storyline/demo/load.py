"""Load the bundled demo corpus into a fresh database."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from storyline import api
from storyline.ingest.batch import IngestReport
from storyline.store import Store


def demo_corpus_path() -> Path:
    """Folder of the demo corpus shipped inside the package."""
    return Path(str(resources.files("storyline.demo") / "corpus"))


def load_demo(db: str) -> tuple[IngestReport, Store]:
    """Replace ``db`` with a fresh database holding the annotated, linked demo corpus."""
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    store = Store(db)
    files = sorted(str(p) for p in demo_corpus_path().iterdir() if p.is_file() and p.name != "README.md")
    report = api.ingest(files, store)
    return report, store
