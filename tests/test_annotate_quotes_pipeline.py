"""Quotes and claims end to end through the real structure and entities stages (no model needed)."""

from __future__ import annotations

import pytest

from storyline.annotate.claims import find_claims
from storyline.annotate.quotes import find_quotes
from storyline.model import Quote

entities_module = pytest.importorskip("storyline.annotate.entities")
structure_module = pytest.importorskip("storyline.annotate.structure")

ARTICLE = (
    "Council leader rejects ‘misled’ claim\n\n"
    "By Sam Holt\n\n"
    "Councillor Priya Shah alleged on Monday that members of the scrutiny committee had been misled about "
    "the size of the overspend.\n\n"
    "The leader of Brackendale Council, Martin Crowe, rejected claims that the committee had been misled.\n\n"
    "“Every figure was in the papers published before the meeting,” Mr Crowe said. “Nobody was kept in the dark.”\n\n"
    "He added: “I will be asking the auditors to confirm that.”\n\n"
    "Ms Shah was unmoved. “The papers were published at 11pm the night before,” she said. “That is not scrutiny.”\n\n"
    "The council said in a statement that it would publish a timeline of the budget process.\n"
)


def _annotate(text: str) -> tuple[list[Quote], list]:
    blocks, sentences = structure_module.segment(text)
    mentions, entities = entities_module.find_entities(text, blocks, sentences)
    quotes = find_quotes(text, blocks, sentences, mentions, entities)
    return quotes, find_claims(text, sentences, mentions, entities, quotes)


def _by_text(quotes: list[Quote], start: str) -> Quote:
    return next(q for q in quotes if q.text.startswith(start))


def test_quotes_pipeline_speakers_resolved_to_fullest_names() -> None:
    quotes, _ = _annotate(ARTICLE)
    assert _by_text(quotes, "Every figure").speaker_name == "Martin Crowe"
    follow_on = _by_text(quotes, "Nobody was kept")
    assert follow_on.speaker_name == "Martin Crowe" and follow_on.speaker_mention is None
    added = _by_text(quotes, "I will be asking")
    assert added.speaker_name == "Martin Crowe"
    assert ARTICLE[added.speaker_mention[0] : added.speaker_mention[1]] == "He"
    she = _by_text(quotes, "The papers were")
    assert she.speaker_name == "Priya Shah"
    assert _by_text(quotes, "That is not scrutiny").speaker_name == "Priya Shah"


def test_quotes_pipeline_headline_and_byline_are_not_quotes() -> None:
    quotes, _ = _annotate(ARTICLE)
    assert all(q.start > ARTICLE.index("Councillor Priya Shah") for q in quotes)
    assert not any(q.speaker_name == "Sam Holt" for q in quotes)


def test_quotes_pipeline_indirect_and_organisation() -> None:
    quotes, _ = _annotate(ARTICLE)
    alleged = _by_text(quotes, "that members of the scrutiny committee")
    assert alleged.kind == "indirect" and alleged.speaker_name == "Priya Shah"
    council = _by_text(quotes, "that it would publish")
    # "the council": the one council the article named earlier
    assert (council.speaker_name, council.speaker_kind) == ("Brackendale Council", "organisation")


def test_quotes_pipeline_claim_and_denial() -> None:
    _, claims = _annotate(ARTICLE)
    kinds = {(c.kind, c.claimant_name, c.target_name) for c in claims}
    assert ("claim", "Priya Shah", None) in kinds
    assert ("denial", "Martin Crowe", "Priya Shah") in kinds
