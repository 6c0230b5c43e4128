"""storyline: verified story dossiers from news coverage and primary documents.

The Python API mirrors the CLI::

    import storyline
    report = storyline.ingest(["coverage/"], db="corpus.db")   # ingest, annotate, link
    storyline.link(db="corpus.db")                              # refresh corpus links
    data = storyline.export(db="corpus.db")                     # the docs/export.md object
    dates = storyline.timeline(db="corpus.db", story="S0001", dates=10)  # key dates, 2 sentences each

The functions import the pipeline on first use, so ``import storyline`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The sub-package is imported first; the function `ingest` defined below then
# takes its name in this namespace, so `storyline.ingest(...)` is the API call
# while `from storyline.ingest import ...` still finds the sub-package.
import storyline.ingest as _ingest_package  # noqa: F401

if TYPE_CHECKING:
    from storyline.api import LinkSummary
    from storyline.link.keydates import KeyDate
    from storyline.ingest.batch import IngestReport
    from storyline.store import Store

__version__ = "0.1.0"


def ingest(sources: list[str], db: str | Store | None = None, **options: Any) -> IngestReport:
    """Ingest sources, annotate and link them; see :func:`storyline.api.ingest` for the options."""
    from storyline import api

    return api.ingest(sources, db, **options)


def annotate(db: str | Store | None = None, ids: list[str] | None = None, model: str | None = None) -> int:
    """Re-annotate stored documents; see :func:`storyline.api.annotate`."""
    from storyline import api

    return api.annotate(db, ids, model=model)


def link(db: str | Store | None = None, rebuild: bool = False) -> LinkSummary:
    """Refresh corpus links; see :func:`storyline.api.link_store`."""
    from storyline import api

    return api.link_store(db, rebuild=rebuild)


def export(db: str | Store | None = None) -> dict[str, Any]:
    """The whole corpus as the JSON-ready object described in docs/export.md."""
    from storyline import api
    from storyline.export import build_export

    return build_export(api.open_store(db))


def timeline(db: str | Store | None = None, *, dates: int | None = None, sentences: int = 2,
             **scope: Any) -> list[KeyDate]:
    """Key dates (or, without ``dates``, every dated event) of a scope: ``story``, ``storyline``, ``about``,
    ``document``, ``start``/``end`` (``datetime.date``); see :func:`storyline.api.timeline`."""
    from storyline import api

    return api.timeline(db, api.TimelineScope(**scope), dates, sentences)


__all__ = ["annotate", "export", "ingest", "link", "timeline"]
