"""Companies and public bodies named in full and shortened in one document: one organisation, and a surname shared
with a company's first word still names a person."""

from __future__ import annotations

import pytest

from storyline.annotate.entities import find_entities
from storyline.annotate.structure import segment

from .annotated_text import annotated, quote_with


def _organisations(text: str) -> dict[str, list[str]]:
    blocks, sentences = segment(text)
    _, entities = find_entities(text, blocks, sentences)
    return {e.name: e.aliases for e in entities if e.type == "organisation"}


@pytest.mark.parametrize("text", [
    "Lakeshore Transit Solutions won the contract in 2021. Lakeshore Transit said it would appeal.",
    "Lakeshore Transit said it would appeal. The contract went to Lakeshore Transit Solutions in 2021.",
])
def test_a_company_shortened_without_its_form_is_one_organisation(text: str) -> None:
    assert _organisations(text) == {"Lakeshore Transit Solutions": ["Lakeshore Transit"]} or \
        _organisations(text) == {"Lakeshore Transit": ["Lakeshore Transit Solutions"]}


def test_two_companies_sharing_a_first_word_stay_two() -> None:
    assert set(_organisations("Acme Ltd and Acme Group both bid, and Northfield Housing Trust and Northfield "
                              "Council objected.")) == {"Acme Ltd", "Acme Group", "Northfield Housing Trust",
                                                        "Northfield Council"}


def test_school_district_keeps_its_last_word() -> None:
    assert list(_organisations("The Port Ellison Unified School District signed the contract.")) == [
        "Port Ellison Unified School District"]


def test_surname_shared_with_a_company_is_not_the_company() -> None:
    """ "Trump said" in a story naming the Trump Organization and Donald Trump: never the company."""
    _, ann = annotated("Ivanka Trump on leave\n\nIvanka Trump, an executive at the Trump Organization, spoke on "
                       "Tuesday. Her father, Donald Trump, was not there.\n\n“Parental leave matters,” Trump told "
                       "the audience.\n")
    q = quote_with(ann, "Parental leave")
    assert q.speaker_kind != "organisation" and q.speaker_name != "Trump Organization"
