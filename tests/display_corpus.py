"""A small hand-built corpus for what the merged issues ask every view to show (15, 16, 21).

An email about a depot audit, and the scanned audit letter attached to it:

- an accusation ("Councillor Ann Lee accused the council leader of hiding ...") and its denial ("The leader,
  Tom Hale, denied that ..."), paired as a claim-denial discrepancy; a second claim nobody answers; a quote by an
  unresolved description ("a depot worker");
- dates that must read in words: a weekday with no known week (``XXXX-WXX-1``), a year inferred from the story;
- the attachment: two pages read by OCR, a quote on page 2, linked to its message.
"""

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
    Quote,
    SpanRef,
    Story,
)
from storyline.store import Store

MESSAGE = (
    "Depot audit row\n\n"
    "Councillor Ann Lee accused the council leader of hiding the audit from members. "
    "The leader, Tom Hale, denied that the audit had been hidden.\n\n"
    "Cllr Lee also alleged that the depot budget was overspent by two million pounds.\n\n"
    "A depot worker said the mood at the yard was grim.\n\n"
    "The audit was completed on Monday and will be published in March."
)
PAGE_ONE = "Westbury Audit Services\nAudit of the Eastgate depot\nPrepared for the council\n\n"
LETTER = PAGE_ONE + "“We found no invoices for the last quarter,” the auditor, Ruth Marsh, wrote.\n"
STORY = "S-depot"


def at(text: str, sub: str) -> tuple[int, int]:
    start = text.index(sub)
    return start, start + len(sub)


def _message() -> Annotations:
    t = MESSAGE
    accused, denied = at(t, "hiding the audit from members"), at(t, "that the audit had been hidden")
    return Annotations(
        doc_id="m1", blocks=split_blocks(t),
        entities=[Entity("e1", "person", "Ann Lee"), Entity("e2", "person", "Tom Hale")],
        quotes=[
            Quote("q1", *accused, t[accused[0]:accused[1]], kind="indirect", speaker="e1", speaker_name="Ann Lee",
                  cue=at(t, "accused"), cue_verb="accuse", speaker_kind="person", confidence=0.8),
            Quote("q2", *denied, t[denied[0]:denied[1]], kind="indirect", speaker="e2", speaker_name="Tom Hale",
                  cue=at(t, "denied"), cue_verb="deny", stance="denies", speaker_kind="person", confidence=0.8),
            Quote("q3", *at(t, "the mood at the yard was grim"), "the mood at the yard was grim", kind="indirect",
                  speaker_kind="description", speaker_description="a depot worker", cue_verb="say"),
        ],
        claims=[
            Claim("c1", *at(t, "Councillor Ann Lee accused the council leader of hiding the audit from members"),
                  kind="claim", claimant="e1", claimant_name="Ann Lee", target="e2", target_name="Tom Hale",
                  content=accused, cue=at(t, "accused")),
            Claim("c2", *at(t, "The leader, Tom Hale, denied that the audit had been hidden"), kind="denial",
                  claimant="e2", claimant_name="Tom Hale", content=denied, cue=at(t, "denied"), answers="c1"),
            Claim("c3", *at(t, "Cllr Lee also alleged that the depot budget was overspent by two million pounds"),
                  kind="claim", claimant="e1", claimant_name="Ann Lee",
                  content=at(t, "the depot budget was overspent by two million pounds"), cue=at(t, "alleged")),
        ],
        events=[
            Event("v1", *at(t, "The audit was completed on Monday and will be published in March."), "XXXX-WXX-1",
                  "day", "The audit was completed on Monday", at(t, "Monday")),
            Event("v2", *at(t, "The audit was completed on Monday and will be published in March."), "2024-03",
                  "month", "The audit will be published in March", at(t, "March"), inferred=True),
        ],
    )


def _letter() -> Annotations:
    t = LETTER
    quote = at(t, "We found no invoices for the last quarter")
    return Annotations(
        doc_id="a1", blocks=split_blocks(t), entities=[Entity("e1", "person", "Ruth Marsh")],
        quotes=[Quote("q1", *quote, t[quote[0]:quote[1]], speaker="e1", speaker_name="Ruth Marsh",
                      cue=at(t, "wrote"), cue_verb="write", speaker_kind="person", confidence=0.9)],
    )


def display_store(db: str = ":memory:") -> Store:
    """The email, its scanned attachment, one story, the people linked, the claim and its denial paired."""
    store = Store(db)
    store.add_document(Document("m1", MESSAGE, "depot.eml", title="Depot audit row", published="2024-02-05",
                                format="email"), _message())
    store.add_document(Document("a1", LETTER, "depot.eml#attachment audit.pdf", title="Audit of the Eastgate depot",
                                published="2024-02-05", format="pdf", ocr=True, pages=[0, len(PAGE_ONE)],
                                attached_to="m1"), _letter())
    store.replace_links("entity", [
        ("P-lee", CorpusEntity("P-lee", "person", "Ann Lee", members=[("m1", "e1")]), ["m1"]),
        ("P-hale", CorpusEntity("P-hale", "person", "Tom Hale", members=[("m1", "e2")]), ["m1"]),
        ("P-marsh", CorpusEntity("P-marsh", "person", "Ruth Marsh", members=[("a1", "e1")]), ["a1"]),
    ])
    store.set_entity_map({"m1:e1": "P-lee", "m1:e2": "P-hale", "a1:e1": "P-marsh"})
    store.write_links({"story": [(STORY, Story(STORY, "Depot audit row", ["m1", "a1"], None, "2024-02-05",
                                               "2024-02-05"), ["m1", "a1"])]})
    c1, c2 = _message().claims[:2]
    store.replace_links("discrepancy", [("X-depot", Discrepancy("X-depot", STORY, "claim-denial",
                                                                "Lee accuses; Hale denies",
                                                                [SpanRef("m1", c1.start, c1.end),
                                                                 SpanRef("m1", c2.start, c2.end)]), ["m1"])])
    return store
