"""The pipeline still makes exactly the golden annotations (see tests/annotation_golden.py): speed work
must not change what is found, document by document."""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import pytest

from storyline.annotate.pipeline import Pipeline, make_pipeline
from storyline.demo.load import demo_corpus_path

from .annotation_golden import (
    GOLDEN_PATH,
    MODEL,
    _read_folder,
    annotation_hashes,
    golden_documents,
    spacy_version,
)


def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN_PATH.read_text(encoding="utf-8"))
    return data


def changed(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    keys = sorted(set(expected) | set(actual))
    return [k for k in keys if expected.get(k) != actual.get(k)]


def test_pipeline_golden_annotations_unchanged() -> None:
    expected = golden()["default"]
    actual = annotation_hashes(Pipeline(), golden_documents())
    assert len(actual) == len(expected) >= 350
    differing = changed(expected, actual)
    assert not differing, (f"{len(differing)} documents annotated differently, e.g. {differing[:5]}; "
                           "rewrite the fixture only for an intended change: python -m tests.annotation_golden")


def test_pipeline_golden_covers_every_source_kind() -> None:
    prefixes = {key.split(":")[0] for key in golden()["default"]}
    assert prefixes == {"demo", "ggt", "generated"}


@pytest.mark.model
def test_pipeline_golden_annotations_unchanged_with_model() -> None:
    if importlib.util.find_spec(MODEL) is None:
        pytest.skip(f"spaCy pipeline {MODEL} is not installed")
    stored = golden()["model"]
    if stored["spacy"] != spacy_version():
        pytest.skip(f"model hashes were made with spaCy {stored['spacy']}, this is {spacy_version()}")
    actual = annotation_hashes(make_pipeline(MODEL), _read_folder(demo_corpus_path(), "demo"))
    differing = changed(stored["hashes"], actual)
    assert not differing, f"{len(differing)} documents annotated differently with {MODEL}: {differing[:5]}"
