"""Load the bundled demo corpus into a fresh database (a file, or any database URL)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from storyline import api
from storyline.ingest.batch import IngestReport
from storyline.store import Store
from storyline.store.engine import check_database_file, database_url
from storyline.store.store import stored_sources

DEMO_STATE = "demo_corpus"  # state key set in a database the demo built (so it may be replaced again)


def demo_corpus_path() -> Path:
    """Folder of the demo corpus shipped inside the package."""
    return Path(str(resources.files("storyline.demo") / "corpus"))


def demo_files() -> list[str]:
    return sorted(str(p) for p in demo_corpus_path().iterdir() if p.is_file() and p.name != "README.md")


def holds_only_demo(sources: list[str]) -> bool:
    """True when every stored source is a demo corpus file (or a record inside one): a database the demo built."""
    names = {Path(f).name for f in demo_files()}
    return all(Path(source.split("#", 1)[0]).name in names for source in sources)


def _refuse(db: str) -> ValueError:
    return ValueError(f"{db} holds documents that are not the demo corpus; `storyline demo` replaces its database, "
                      "so give it another one (--db storyline-demo.db) or delete this one first")


def fresh_demo_store(db: str) -> Store:
    """An empty store at ``db``: a demo database built before is replaced, anything else is refused."""
    if database_url(db).startswith("sqlite:///") and "://" not in db:
        check_database_file(db, create=True)  # a folder, or a file in a folder that does not exist
        path = Path(db).expanduser()
        if path.exists() and path.stat().st_size:
            sources = stored_sources(str(path))
            if sources is None or not holds_only_demo(sources):
                raise _refuse(db)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return Store(str(path))
    store = Store(db)
    if not store.get_state(DEMO_STATE) and not holds_only_demo([d.source for d in store.list_documents()]):
        store.close()
        raise _refuse(db)
    store.clear()
    return store


def load_demo(db: str) -> tuple[IngestReport, Store]:
    """Replace ``db`` with a fresh database holding the annotated, linked demo corpus."""
    store = fresh_demo_store(db)
    store.set_state(DEMO_STATE, True)
    report = api.ingest(demo_files(), store)
    return report, store
