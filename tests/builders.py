"""A hand-built store for tests of the views, the export and the CLI (no language pipeline needed)."""

from __future__ import annotations

from storyline.annotate.structure import split_blocks
from storyline.model import (
    Annotations,
    Claim,
    CorpusEntity,
    Discrepancy,
    Document,
    Entity,
    Event,
    GroupingEvidence,
    Quote,
    Reuse,
    Role,
    SpanRef,
    Story,
    Storyline,
)
from storyline.store import Store

TEXT = (
    "Mayor rejects ‘misled’ claim\n\n"
    "Councillor Priya Shah alleged that the scrutiny committee had been misled about the overspend.\n\n"
    "“That is simply untrue,” said the mayor, Grace Hughes, on 14 March 2023."
)


def span(sub: str) -> tuple[int, int]:
    start = TEXT.index(sub)
    return start, start + len(sub)


def filled_store(db: str = ":memory:") -> Store:
    """Two documents (the second a copy of the first), two people, a story, a storyline, a discrepancy."""
    store = Store(db)
    q = span("That is simply untrue")
    ann = Annotations(
        doc_id="d1",
        blocks=split_blocks(TEXT),
        entities=[Entity("e1", "person", "Priya Shah", roles=[Role("councillor", *span("Councillor"))]),
                  Entity("e2", "person", "Grace Hughes", roles=[Role("mayor", *span("mayor"))])],
        quotes=[Quote("q1", *q, TEXT[q[0] : q[1]], speaker="e2", speaker_name="Grace Hughes",
                      speaker_mention=span("Grace Hughes"), cue=span("said"), confidence=0.9)],
        events=[Event("v1", *span("“That is simply untrue,” said the mayor, Grace Hughes, on 14 March 2023."),
                      date="2023-03-14", precision="day", text="Mayor denies claim", timex=span("14 March 2023"),
                      actors=["e2"])],
        claims=[Claim("c1", *span("Councillor Priya Shah alleged that the scrutiny committee had been misled"),
                      kind="claim", claimant="e1", claimant_name="Priya Shah",
                      content=span("the scrutiny committee had been misled"), cue=span("alleged"))],
    )
    store.add_document(Document("d1", TEXT, "mayor.txt", title="Mayor rejects ‘misled’ claim", published="2023-03-15"), ann)
    store.add_document(Document("d2", "Copy: " + TEXT, "copy.txt"), Annotations(doc_id="d2"))
    store.replace_links("entity", [
        ("P1", CorpusEntity("P1", "person", "Priya Shah", members=[("d1", "e1")]), ["d1"]),
        ("P2", CorpusEntity("P2", "person", "Grace Hughes", members=[("d1", "e2")]), ["d1"]),
    ])
    store.set_entity_map({"d1:e1": "P1", "d1:e2": "P2"})
    why = [GroupingEvidence("person", "Grace Hughes", 2, [SpanRef("d1", *span("Grace Hughes")),
                                                          SpanRef("d2", 6 + span("Grace Hughes")[0], 6 + span("Grace Hughes")[1])])]
    store.write_links({
        "storyline": [("L1", Storyline("L1", "Misled claim", ["S1"], evidence=[
            GroupingEvidence("date", "2023", 1, [SpanRef("d1", *span("2023"))], inferred=True)]), [])],
        "story": [("S1", Story("S1", "Mayor rejects claim", ["d1", "d2"], "L1", "2023-03-15", "2023-03-15",
                               evidence=why), ["d1", "d2"])],
    })
    store.replace_links("reuse", [("0", Reuse("d1", "d2", 0, len(TEXT), 6, 6 + len(TEXT), 1.0), ["d1", "d2"])])
    store.replace_links("discrepancy", [("X1", Discrepancy("X1", "S1", "claim-denial", "Shah alleges; Hughes denies",
                                                            [SpanRef("d1", 0, 10)]), ["d1"])])
    return store


