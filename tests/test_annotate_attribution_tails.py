"""A trailing attribution (", letters seen by Northgate News show", ", documents show", ", according to X",
", the report found") is the reporter's source, not what was claimed: it is cut from a claim's content (exact
offsets kept) and stays inside the claim's span."""

from __future__ import annotations

import pytest

from storyline.annotate.attribution_tails import attribution_tail

from .annotated_text import annotated


@pytest.mark.parametrize(("content", "kept", "source"), [
    ("the decision as his own, letters seen by Northgate News show", "the decision as his own",
     "letters seen by Northgate News"),
    ("the care budget was under control, documents show", "the care budget was under control", "documents"),
    ("the depot had been cleared, according to minutes of the cabinet meeting", "the depot had been cleared",
     "according to minutes of the cabinet meeting"),
    ("the routes had never been driven, the report found", "the routes had never been driven", "the report"),
    ("the contract was lawful, city officials said last week", "the contract was lawful", "city officials"),
    ("the school board was misled, the Ledger has learned", "the school board was misled", "the Ledger"),
    ("nobody had been told, she said", "nobody had been told", "she"),
])
def test_annotate_attribution_tails_cut_before_the_source(content: str, kept: str, source: str) -> None:
    tail = attribution_tail(content, 0, len(content))
    assert tail is not None
    assert content[: tail.start] == kept and content[tail.source[0] : tail.source[1]] == source


@pytest.mark.parametrize("content", [
    "the mayor owed residents an apology",
    "the plan, which the audit found flawed, was sound",  # the source is inside the content, not after it
    "staff had been misled, and that the figures show a deficit",
    "the scheme had worked, the figures show a £2m saving",  # the figures show something: content
    "the scheme had worked, insisting the figures show",
    "the report found",  # nothing would be left
])
def test_annotate_attribution_tails_leave_content_alone(content: str) -> None:
    assert attribution_tail(content, 0, len(content)) is None


def test_annotate_attribution_tails_claim_content_keeps_exact_offsets() -> None:
    doc, ann = annotated(
        "A government minister forced Castlewick Borough Council to hand its children's services to an outside "
        "trust, months before the town's mayor claimed the decision as his own, letters seen by Northgate News "
        "show.\n\nThe mayor, Gordon Pryce, has said he acted alone.")
    [claim] = [c for c in ann.claims if c.kind == "claim"]
    assert claim.content is not None
    assert doc.text[claim.content[0] : claim.content[1]] == "the decision as his own"
    assert doc.text[claim.start : claim.end].endswith("his own, letters seen by Northgate News show")


def test_annotate_attribution_tails_american_according_to() -> None:
    doc, ann = annotated(
        "Port Ellison's school board chair, Dana Whitfield, alleged that Lakeshore Transit billed the district for "
        "routes no bus ever drove, according to a transcript of Tuesday's hearing.\n\n"
        "Lakeshore has not commented.")
    [claim] = [c for c in ann.claims if c.kind == "claim"]
    assert claim.content is not None and claim.claimant_name == "Dana Whitfield"
    assert doc.text[claim.content[0] : claim.content[1]] == ("Lakeshore Transit billed the district for routes no "
                                                            "bus ever drove")
