"""Dated events from sentences that carry a date, with their actors."""

from __future__ import annotations

from storyline.annotate.events import build_events, event_summary
from storyline.annotate.timex import find_timexes
from storyline.model import Block, Entity, Mention, Sentence

HEADLINE = "Depot to close on 31 May, council confirms"
CAPTION = "Photo: the depot pictured in June 2019."
PARA1 = "Harrowgate Borough Council said on Tuesday that the Eastgate depot would close on 31 May."
PARA2 = ("Councillor Amir   Khan said the decision, taken at a meeting last week and again   on Tuesday, "
         "was final. Unions have opposed it for three years and say they will fight it now.")
TEXT = f"{HEADLINE}\n\n{CAPTION}\n\n{PARA1}\n\n{PARA2}"
REF = "2023-03-16"  # a Thursday


def _span(part: str, inside: str | None = None) -> tuple[int, int]:
    base = TEXT.index(inside) if inside else 0
    start = TEXT.index(part, base)
    return start, start + len(part)


def _document() -> tuple[list[Block], list[Sentence], list[Mention], list[Entity]]:
    blocks = [Block("headline", *_span(HEADLINE)), Block("caption", *_span(CAPTION)),
              Block("paragraph", *_span(PARA1)), Block("paragraph", *_span(PARA2))]
    first_end = TEXT.index("was final.") + len("was final.")
    sentences = [Sentence(*_span(HEADLINE), 0), Sentence(*_span(CAPTION), 1), Sentence(*_span(PARA1), 2),
                 Sentence(_span(PARA2)[0], first_end, 3), Sentence(first_end + 1, _span(PARA2)[1], 3)]
    council, khan, eastgate = Entity("e1", "organisation", "Harrowgate Borough Council"), \
        Entity("e2", "person", "Amir Khan"), Entity("e3", "place", "Eastgate")
    mentions = [Mention(*_span("Harrowgate Borough Council"), "Harrowgate Borough Council", "organisation", "e1"),
                Mention(*_span("Eastgate"), "Eastgate", "place", "e3"),
                Mention(*_span("Amir   Khan"), "Amir   Khan", "person", "e2")]
    return blocks, sentences, mentions, [council, khan, eastgate]


def test_events_one_per_sentence_and_date_with_actors() -> None:
    blocks, sentences, mentions, entities = _document()
    timexes = find_timexes(TEXT, REF)
    events = build_events(TEXT, sentences, timexes, mentions, entities, blocks)
    assert [(e.id, e.date, e.precision) for e in events] == [
        ("v1", "2023-03-14", "day"), ("v2", "2023-05-31", "day"), ("v3", "2023-W10", "week"),
        ("v4", "2023-03-14", "day")]
    first = events[0]
    assert (first.start, first.end) == _span(PARA1)
    assert TEXT[first.timex[0]:first.timex[1]] == "Tuesday"
    assert first.actors == ["e1"]  # the place is not an actor
    assert events[2].actors == ["e2"]
    assert not any(e.inferred for e in events)


def test_events_skip_headlines_and_captions_and_vague_dates() -> None:
    blocks, sentences, mentions, entities = _document()
    events = build_events(TEXT, sentences, find_timexes(TEXT, REF), mentions, entities, blocks)
    starts = {e.start for e in events}
    assert _span(HEADLINE)[0] not in starts and _span(CAPTION)[0] not in starts
    assert all(e.date not in ("P3Y", "PRESENT_REF") for e in events)  # "for three years", "now"


def test_events_without_blocks_use_every_sentence() -> None:
    _, sentences, mentions, entities = _document()
    events = build_events(TEXT, sentences, find_timexes(TEXT, REF), mentions, entities)
    assert events[0].date == "2023-05-31" and events[1].date == "2019-06"


def test_events_summary_collapses_whitespace_and_trims() -> None:
    blocks, sentences, mentions, entities = _document()
    events = build_events(TEXT, sentences, find_timexes(TEXT, REF), mentions, entities, blocks)
    assert events[2].text == ("Councillor Amir Khan said the decision, taken at a meeting last week and "
                              "again on Tuesday, was final.")
    long = " ".join(f"word{i}" for i in range(40))
    summary = event_summary(long, 0, len(long))
    assert summary.endswith("…") and len(summary.split()) == 25
