"""pyproject.toml declares what the code imports, so `pip install -e .` with any pip gives a working CLI.

The fresh-install check itself (an un-upgraded pip 23 from `python3 -m venv`, then `storyline demo`) runs in
`.ci/run`; these tests catch the cause of its failure early: an import nobody declared.
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import sys
from collections.abc import Iterator

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO

tomllib = pytest.importorskip("tomllib")

# Imports that only optional features need, and the extra that installs them.
OPTIONAL_IMPORTS = {"spacy": "model", "pyspark": "spark", "reportlab": "pdf", "psycopg": "postgres"}


def _project() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        project: dict[str, object] = tomllib.load(handle)["project"]
    return project


def _names(requirements: object) -> set[str]:
    return {canonicalize_name(Requirement(str(r)).name) for r in requirements}  # type: ignore[attr-defined]


def _imported_modules() -> Iterator[tuple[str, str]]:
    """(top-level module, file) for every import in the package."""
    for path in sorted((REPO / "src" / "storyline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name.split(".")[0], path.name
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                yield node.module.split(".")[0], path.name


def test_packaging_every_third_party_import_is_declared() -> None:
    project = _project()
    base = _names(project["dependencies"])
    extras = {name: _names(reqs) for name, reqs in project["optional-dependencies"].items()}  # type: ignore[attr-defined]
    providers = metadata.packages_distributions()
    missing = []
    for module, where in _imported_modules():
        if module in sys.stdlib_module_names or module in ("storyline", "__future__"):
            continue
        wanted = extras[OPTIONAL_IMPORTS[module]] if module in OPTIONAL_IMPORTS else base
        dists = {canonicalize_name(d) for d in providers.get(module, [module])}
        if not dists & wanted:
            missing.append(f"{module} (imported in {where}, from {sorted(dists)})")
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(set(missing))}"


def _active(requirement: Requirement, extras: set[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in extras | {""})


def _extra_requirements(dist: str, extra: str) -> set[str]:
    """What ``dist[extra]`` adds, by the distribution's own metadata."""
    found = set()
    for raw in metadata.requires(dist) or []:
        requirement = Requirement(raw)
        marker = requirement.marker
        if marker is not None and marker.evaluate({"extra": extra}) and not marker.evaluate({"extra": ""}):
            found.add(canonicalize_name(requirement.name))
    return found


def test_packaging_extras_of_dependencies_are_declared_directly() -> None:
    """A requirement such as jusText's ``lxml[html_clean]`` is skipped by pip 23 (extra names were not yet
    normalised: lxml calls it ``html-clean``). What such an extra installs must be a direct dependency."""
    base = _names(_project()["dependencies"])
    queue, seen, missing = sorted(base), set(), []
    while queue:
        dist = queue.pop()
        if dist in seen:
            continue
        seen.add(dist)
        try:
            requires = metadata.requires(dist) or []
        except metadata.PackageNotFoundError:
            continue  # not installed on this platform (a marker excluded it)
        for requirement in map(Requirement, requires):
            if not _active(requirement, set()):
                continue
            name = canonicalize_name(requirement.name)
            queue.append(name)
            for extra in requirement.extras:
                for needed in _extra_requirements(name, extra) - base:
                    missing.append(f"{needed} (needed by {dist} through {name}[{extra}])")
    assert not missing, f"declare these in [project] dependencies: {sorted(set(missing))}"
