"""Opening databases: a path means SQLite (WAL, one writer with BEGIN IMMEDIATE), a URL anything SQLAlchemy speaks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_DB = "storyline.db"
# The writer's page cache on SQLite (KiB; SQLite's default is 2 MiB). Linking inserts postings at random places
# in large B-trees: with the default cache, dirty pages spill to the WAL and are read back many times per
# transaction. Measured on 10,000 generated articles: 3x fewer bytes written, 9x fewer read, 1.5% less CPU.
WRITER_CACHE_KIB = 256 * 1024


class StoreError(ValueError):
    """A database storyline cannot use (missing, unreadable, another program's); the message says what to do."""


def resolve_db(db: str | os.PathLike[str] | None) -> str:
    """The database to use: the argument, else $STORYLINE_DB, else ./storyline.db."""
    if db:
        return str(db)
    return os.environ.get("STORYLINE_DB") or DEFAULT_DB


def database_url(db: str) -> str:
    """Turn a path (or ':memory:') into a SQLAlchemy URL; pass URLs through."""
    if "://" in db:
        return db
    if db == ":memory:":
        return "sqlite://"
    return "sqlite:///" + str(Path(db).expanduser())


def check_database_file(db: str, *, create: bool) -> None:
    """Refuse, before anything is opened, a SQLite path that cannot be a storyline database: a folder, a file
    in a folder that does not exist, or (unless ``create``) a file that does not exist. URLs pass."""
    if "://" in db or db == ":memory:":
        return
    path = Path(db).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database: give a file with --db, e.g. --db {path / DEFAULT_DB}")
    if path.exists():
        return
    if not create:
        raise StoreError(f"no database at {path}: ingest documents into it first (storyline --db {path} ingest "
                         "SOURCE...), or give the database you meant with --db or $STORYLINE_DB")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create the database {path}: the folder {path.parent} does not exist; create it "
                         "or give another --db")


def database_files(db: str) -> frozenset[Path]:
    """The files a SQLite database lives in (the file, its -wal, -shm and -journal): an ingest of the folder
    holding them must not read them as documents. None for a URL or an in-memory database."""
    if "://" in db or db == ":memory:":
        return frozenset()
    main = Path(db).expanduser().resolve()
    return frozenset({main} | {main.with_name(main.name + end) for end in ("-wal", "-shm", "-journal")})


def is_database_file(path: str | None, own: frozenset[Path]) -> bool:
    """True when ``path`` is one of ``own`` (see :func:`database_files`)."""
    if not path or not own:
        return False
    return any(Path(path).name == f.name for f in own) and Path(path).resolve() in own


def shown_url(db: str) -> str:
    """A database as it may be printed: a path as given, a URL without its password."""
    return make_url(db).render_as_string(hide_password=True) if "://" in db else db


def unusable_database(db: str, err: Exception) -> StoreError:
    """The error to raise when the database engine refuses to open ``db`` (not a database, no access, no server)."""
    reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    if "file is not a database" in reason:
        return StoreError(f"{shown_url(db)} is not a SQLite database ({reason}): give a storyline database, or a new "
                          "file name, with --db")
    return StoreError(f"cannot open the database {shown_url(db)} ({reason}): check the path or URL, the "
                      "permissions, and that the server is running")


def make_engine(db: str, *, writer: bool) -> Engine:
    """An engine for reading or for the single writer.

    On SQLite the writer opens every transaction with ``BEGIN IMMEDIATE`` so a
    second writer waits (busy_timeout) instead of failing half-way; readers use
    plain deferred transactions and see committed data thanks to WAL. On PostgreSQL
    the writer's transactions take turns the same way, on an advisory lock: two
    processes setting up a new database, or storing the same documents, no longer
    collide on a unique key half-way.
    """
    url = database_url(db)
    if not url.startswith("sqlite"):
        try:
            engine = create_engine(url, future=True, pool_pre_ping=True)
        except ImportError as err:  # the server's driver is an extra: a plain `pip install storyline` lacks it
            extra = "pip install 'storyline[postgres]'" if url.startswith("postgresql") else "install it with pip"
            raise StoreError(f"{shown_url(db)} needs the database driver {err.name or ''} ({err}): {extra}") from None
        if writer:
            _one_writer_at_a_time(engine)
        return engine
    kwargs: dict[str, Any] = {"future": True}
    if url == "sqlite://":
        from sqlalchemy.pool import StaticPool

        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        # A small pool: opening a SQLite connection (and its PRAGMAs) per statement costs more than the insert.
        kwargs.update(pool_size=2, max_overflow=4, connect_args={"check_same_thread": False, "timeout": 30})
    engine = create_engine(url, **kwargs)
    _configure_sqlite(engine, begin="BEGIN IMMEDIATE" if writer else "BEGIN", cache_kib=WRITER_CACHE_KIB if writer else None)
    return engine


WRITER_LOCK = 0x73746F72797772  # PostgreSQL advisory lock held by every writer transaction ("storywr")


def _one_writer_at_a_time(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def _configure_sqlite(engine: Engine, begin: str, cache_kib: int | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        if cache_kib:
            cur.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)
