"""Transcript lines: a speaker's name as a label before a colon (annotate/quote_labels.py)."""

from __future__ import annotations

from .annotated_text import annotated

TRANSCRIPT = (
    "Ferry row reaches the studio\n\n"
    "The operator says it is unwilling to take part in a public debate.\n\n"
    "FIONA MACLEAN: Why not debate it in public?\n\n"
    "CALLUM REID: Because the islanders have already been told what the timetable will be, and we are not going "
    "to pretend otherwise on air.\n\n"
    "Morag Lindsay: I have lived on Barra for forty years and I have never seen the service this bad.\n\n"
    "UPDATE: The operator later agreed to a meeting on Friday.\n\n"
    "Q: Did anyone from the council call you?\n\n"
    "A: No, nobody called.\n\n"
    "STAT OF THE WEEK: 41 sailings cancelled since May.\n\n"
    "Callum Reid: Winter timetable\n\n"
    "Councillor Morag Lindsay: Islanders will remember who cancelled their crossings.\n"
)


def test_labelled_lines_are_the_labelled_speakers_words() -> None:
    _, ann = annotated(TRANSCRIPT)
    found = [(q.text, TRANSCRIPT[q.speaker_mention[0]:q.speaker_mention[1]] if q.speaker_mention else None, q.kind)
             for q in ann.quotes if q.cue is not None and TRANSCRIPT[q.cue[0]:q.cue[1]] == ":"]
    assert found == [
        ("Why not debate it in public?", "FIONA MACLEAN", "direct"),
        ("Because the islanders have already been told what the timetable will be, and we are not going to "
         "pretend otherwise on air.", "CALLUM REID", "direct"),
        ("I have lived on Barra for forty years and I have never seen the service this bad.", "Morag Lindsay",
         "direct"),
    ]


def test_rubrics_questions_tallies_and_section_names_are_no_speakers() -> None:
    _, ann = annotated(TRANSCRIPT)
    texts = [q.text for q in ann.quotes]
    assert not [t for t in texts if t.startswith(("The operator later", "Did anyone", "No, nobody", "41 sailings",
                                                  "Winter timetable", "Islanders will remember"))]
