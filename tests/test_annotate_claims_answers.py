"""Claims with their targets, and each denial paired with the claim it answers in the same document."""

from __future__ import annotations

from storyline.model import Annotations, Claim, Document

from .annotated_text import annotated

ROW = (
    "Mayor denies hiding harbour costs\n\n"
    "Cllr Priya Patel accused the mayor, Jane Oduya, of hiding the true cost of the harbour scheme.\n\n"
    "Ms Oduya denied that she had hidden anything. She rejected claims that officers had been told to stay "
    "silent, rejecting Cllr Patel's claim outright.\n\n"
    "Residents alleged that the harbour car park would be sold to a developer.\n"
)



def claim_at(doc: Document, ann: Annotations, words: str) -> Claim:
    found = [c for c in ann.claims if words in doc.text[c.start : c.end]]
    assert len(found) == 1, [doc.text[c.start : c.end] for c in ann.claims]
    return found[0]


def test_claims_answers_accusation_has_its_target() -> None:
    doc, ann = annotated(ROW)
    accusation = claim_at(doc, ann, "accused")
    assert (accusation.kind, accusation.claimant_name, accusation.target_name) == ("claim", "Priya Patel", "Jane Oduya")
    assert accusation.content and doc.text[accusation.content[0] : accusation.content[1]].startswith("hiding the true")


def test_claims_answers_possessive_claim_gives_the_target() -> None:
    doc, ann = annotated(ROW)
    rejected = claim_at(doc, ann, "officers had been told")
    assert (rejected.kind, rejected.claimant_name, rejected.target_name) == ("denial", "Jane Oduya", "Priya Patel")
    assert rejected.content and doc.text[rejected.content[0] : rejected.content[1]] == \
        "officers had been told to stay silent"


def test_claims_answers_each_denial_points_at_the_claim_it_answers() -> None:
    doc, ann = annotated(ROW)
    accusation = claim_at(doc, ann, "accused")
    for words in ("hidden anything", "officers had been told"):
        denial = claim_at(doc, ann, words)
        assert denial.kind == "denial" and denial.answers == accusation.id
    unanswered = claim_at(doc, ann, "car park")
    assert unanswered.kind == "claim" and all(c.answers != unanswered.id for c in ann.claims)
