"""Speaker phrases that are no speaker, and words around a speaker that are no part of it (pure functions)."""

from __future__ import annotations

import pytest

from storyline.annotate.speaker_phrases import junk_speaker, trimmed_speaker_span
from storyline.annotate.speakers import SpeakerSpan


def _span(text: str, phrase: str, form: str = "np") -> SpeakerSpan:
    start = text.index(phrase)
    return SpeakerSpan(start, start + len(phrase), form)


@pytest.mark.parametrize("phrase", ["which Beijing", "under Rupert Murdoch", "plans to merge with Dow Chemical",
                                    "the Khan family deserved better", "him", "like Gary Hufbauer"])
def test_speaker_phrases_junk(phrase: str) -> None:
    text = f"... {phrase} said ..."
    assert junk_speaker(text, _span(text, phrase))


@pytest.mark.parametrize(("phrase", "form"), [
    ("Jane Smith", "name"), ("the retired teacher", "np"), ("people close to the vice president", "np"),
    ("people who have battled online threats", "np"), ("he", "pronoun"), ("a just-released poll", "np"),
])
def test_speaker_phrases_real_speakers(phrase: str, form: str) -> None:
    text = f"... {phrase} said ..."
    assert not junk_speaker(text, _span(text, phrase, form))


@pytest.mark.parametrize(("phrase", "direct", "kept"), [
    ("On Sunday, Mr. Rubio and Senator Ted Cruz", False, "Mr. Rubio and Senator Ted Cruz"),
    ("said Senate Minority Leader Harry Reid", False, "Senate Minority Leader Harry Reid"),
    ("soon Donald J. Trump", False, "Donald J. Trump"),
    ("who Beck", True, "Beck"),  # before a direct quote: "Trump, who Beck called “a horrible ...”"
    ("who Beck", False, "who Beck"),
])
def test_speaker_phrases_trimmed(phrase: str, direct: bool, kept: str) -> None:
    text = f"... {phrase} ..."
    span = trimmed_speaker_span(text, _span(text, phrase), direct=direct)
    assert text[span.start : span.end] == kept
