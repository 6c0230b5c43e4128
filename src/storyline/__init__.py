"""storyline: verified story dossiers from news coverage and primary documents.

The Python API mirrors the CLI, one function per command::

    import storyline
    report = storyline.ingest(["coverage/"], db="corpus.db")   # ingest, annotate, link
    storyline.link(db="corpus.db")                              # refresh corpus links
    for person in storyline.people(db="corpus.db", limit=10):   # who's who, most quoted first
        print(person.name, person.roles, person.quotes)
    dossier = storyline.story("story-11f7", db="corpus.db")     # one story's dossier
    dates = storyline.timeline(db="corpus.db", story="S0001", dates=10)  # key dates, 2 sentences each
    storyline.export(db="corpus.db", format="jsonl", output="corpus.jsonl")

``import storyline`` is cheap: the pipeline, the readers and the web app load on first use. Some
commands share their name with a sub-package (``ingest``, ``annotate``, ``link``, ``export``,
``report``, ``demo``, ``spark``): ``storyline.link(...)`` runs the command, and ``storyline.link.corpus`` is
still the module, however often the sub-packages are imported.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from collections.abc import Callable
from typing import Any, Generic, ParamSpec, TypeVar

from storyline import api as _api

__version__ = "0.1.0"

P = ParamSpec("P")
R = TypeVar("R")


class Command(Generic[P, R]):
    """An API function that shares its name with a sub-package of storyline.

    Calling it runs the command; any attribute not its own is the sub-package's, so both
    ``storyline.link(db=...)`` and ``storyline.link.corpus`` work.
    """

    def __init__(self, function: Callable[P, R], package: str) -> None:
        functools.update_wrapper(self, function)
        self._function = function
        self._package = package

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._function(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # a dunder sub-module (``import storyline.spark.__main__ as job``) once loaded
            loaded = sys.modules.get(f"{self._package}.{name}")
            if loaded is None:
                raise AttributeError(name)
            return loaded
        return getattr(importlib.import_module(self._package), name)

    def __repr__(self) -> str:
        return f"<storyline command {self._function.__name__} (module {self._package})>"


class _Package(types.ModuleType):
    """The storyline package: importing a sub-package never replaces the command of the same name."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(self.__dict__.get(name), Command) and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

ingest = Command(_api.ingest, "storyline.ingest")
annotate = Command(_api.annotate, "storyline.annotate")
link = Command(_api.link_store, "storyline.link")
export = Command(_api.export, "storyline.export")
report = Command(_api.report, "storyline.report")
demo = Command(_api.demo, "storyline.demo")
spark = Command(_api.spark, "storyline.spark")
docs = _api.docs
show = _api.show
search = _api.search
errors = _api.errors
overview = _api.overview
people = _api.people
person = _api.person
quotes = _api.quotes
timeline = _api.timeline
claims = _api.claims
stories = _api.stories
story = _api.story
serve = _api.serve
datasette_metadata = _api.datasette_metadata
NotFound = _api.NotFound
fix_merge, fix_split, fix_rename, fix_type = _api.fix_merge, _api.fix_split, _api.fix_rename, _api.fix_type
fix_reject, fix_speaker, fix_date, fix_story = _api.fix_reject, _api.fix_speaker, _api.fix_date, _api.fix_story
fix_storyline_join, fix_storyline_split = _api.fix_storyline_join, _api.fix_storyline_split
fix_log, fix_undo = _api.fix_log, _api.fix_undo
diff = _api.diff

__all__ = [
    "NotFound", "annotate", "claims", "datasette_metadata", "demo", "docs", "errors", "export", "ingest", "link", "overview", "people",
    "person", "quotes", "report", "search", "serve", "show", "spark", "stories", "story", "timeline",
    "fix_date", "fix_log", "fix_merge", "fix_reject", "fix_rename", "fix_speaker", "fix_split", "fix_story",
    "fix_storyline_join", "fix_storyline_split", "fix_type", "fix_undo", "diff",
]
