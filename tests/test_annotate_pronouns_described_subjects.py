"""Someone new described as the subject of a sentence without a quote ("Ortega's sister read a victim impact
statement. '…,' she said."): the pronoun after it is theirs, carried as a description, never the woman named in
the paragraph before; not when they only ask, are of the other gender, or a named subject follows them."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

SENTENCING = (
    "Driver jailed for four years over cyclist's death\n\n"
    "Crown attorney Brent Davidson had asked for five years. Defence lawyer Sarah Inness argued for two, saying "
    "her client had shown genuine remorse.\n\n"
    "{subject} read a victim impact statement in court. “Marisol rode to work every day,” she said. “Now her "
    "bicycle sits in my garage,” she added.\n"
)


@pytest.mark.parametrize("subject", [
    "Ortega's sister",  # a relative of someone named
    "The victim's mother",
    "The woman's sister, who travelled from Ottawa,",
    "A neighbour who saw the crash",  # someone new
    "One witness",
])
def test_pronoun_after_someone_new_as_subject_is_not_the_woman_named_before(subject: str) -> None:
    text, ann = annotated(SENTENCING.format(subject=subject))
    for words in ("rode to work", "bicycle sits"):
        q = quote_with(ann, words)
        assert q.speaker is None and q.speaker_name is None  # never Sarah Inness
        assert q.speaker_kind == "description"
        assert q.speaker_description == subject.split(",")[0].split(" who ")[0]


def test_pronoun_after_a_relative_by_pronoun_is_nobody() -> None:
    """ "Her sister read ...": the relative of someone in the scene; the pronoun could be either."""
    _, ann = annotated(SENTENCING.format(subject="Her sister"))
    q = quote_with(ann, "rode to work")
    assert q.speaker is None and q.speaker_name is None and q.speaker_description is None


def test_pronoun_after_a_relative_in_background_keeps_nobody_else() -> None:
    """ "Gary Whitlock worked at the mill. His father worked there before him. '…,' he says": never "his father"."""
    _, ann = annotated("The last shift at the mill\n\nGary Whitlock worked at the paper mill for 31 years. His father "
                       "worked there before him.\n\n“When I started, there were 900 of us,” he says.\n")
    q = quote_with(ann, "900 of us")
    assert q.speaker_description is None and q.speaker_name in (None, "Gary Whitlock")


@pytest.mark.parametrize("subject", [
    "A reporter asked Sarah Inness whether her client would appeal. She",  # the one asked answers
    "Her husband sat beside her. She",  # a man: not who "she" is
    "Ortega's sister sat behind Sarah Inness, who",  # a named subject after the description
])
def test_pronoun_keeps_its_named_speaker_when_the_described_one_cannot_be_it(subject: str) -> None:
    text = SENTENCING.replace("{subject} read", subject + " read")
    _, ann = annotated(text)
    q = quote_with(ann, "rode to work")
    assert q.speaker_name == "Sarah Inness"
