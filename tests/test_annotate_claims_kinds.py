"""Claims, denials, admissions and promises with claimant, target and content."""

from __future__ import annotations

import pytest

from storyline.annotate.claims import find_claims
from storyline.annotate.quotes import find_quotes
from storyline.model import Claim

from .test_annotate_quotes_patterns import build

SHAH = ("Priya Shah", "female", ["Cllr Priya Shah", "Cllr Shah", "Shah"])
HUGHES = ("Grace Hughes", "female", ["Hughes"])
BAKER = ("Tom Baker", "male", ["Baker"])


def claims_of(text: str, people=(SHAH, HUGHES, BAKER), roles=()) -> list[Claim]:
    blocks, sentences, mentions, entities = build(text, people)
    quotes = find_quotes(text, blocks, sentences, mentions, entities)
    return find_claims(text, sentences, mentions, entities, quotes)


def _content(text: str, claim: Claim) -> str:
    assert claim.content is not None
    return text[claim.content[0] : claim.content[1]]


def test_claims_allegation_then_denial_of_it_targets_the_accuser() -> None:
    text = (
        "Cllr Priya Shah alleged that staff were misled about the overspend.\n\n"
        "Tom Baker has rejected claims that staff were misled about the overspend."
    )
    claim, denial = claims_of(text)
    assert (claim.kind, claim.claimant_name, _content(text, claim)) == (
        "claim", "Priya Shah", "staff were misled about the overspend")
    assert (denial.kind, denial.claimant_name) == ("denial", "Tom Baker")
    assert (denial.target, denial.target_name) == ("e1", "Priya Shah")
    assert text[denial.cue[0] : denial.cue[1]] == "rejected"


def test_claims_rejected_claims_by_named_person() -> None:
    text = "Tom Baker rejected claims by Cllr Shah that the books had been cooked."
    (denial,) = claims_of(text)
    assert denial.kind == "denial" and denial.claimant_name == "Tom Baker"
    assert denial.target_name == "Priya Shah"
    assert _content(text, denial) == "the books had been cooked"


def test_claims_accused_names_the_target() -> None:
    text = "Hughes accused Shah of playing politics with the budget."
    (claim,) = claims_of(text)
    assert (claim.kind, claim.claimant_name, claim.target_name) == ("claim", "Grace Hughes", "Priya Shah")
    assert _content(text, claim) == "playing politics with the budget"


def test_claims_denied_that() -> None:
    text = "The mayor, Grace Hughes, denied that she had hidden the figures."
    (denial,) = claims_of(text)
    assert denial.kind == "denial" and denial.claimant == "e2"
    assert _content(text, denial) == "she had hidden the figures"


def test_claims_admission_and_apology() -> None:
    text = "Baker admitted the council had made mistakes. Baker apologised for the delay in publishing the accounts."
    admission, apology = claims_of(text)
    assert (admission.kind, _content(text, admission)) == ("admission", "the council had made mistakes")
    assert (apology.kind, _content(text, apology)) == ("admission", "the delay in publishing the accounts")
    assert apology.claimant_name == "Tom Baker"


def test_claims_promise_to() -> None:
    text = "Hughes vowed to balance the books by March."
    (promise,) = claims_of(text)
    assert (promise.kind, promise.claimant_name, _content(text, promise)) == (
        "promise", "Grace Hughes", "to balance the books by March")


def test_claims_direct_quote_with_claim_verb_is_a_claim() -> None:
    text = "“The figures were doctored from the start,” Shah insisted."
    (claim,) = claims_of(text)
    assert claim.kind == "claim" and claim.claimant_name == "Priya Shah"
    assert _content(text, claim) == "The figures were doctored from the start,"


def test_claims_plain_reporting_is_not_a_claim() -> None:
    text = "Baker said the meeting would start at seven. “We will be there,” Hughes said."
    assert claims_of(text) == []


def test_claims_rejected_the_allegation_points_back_to_the_last_claim() -> None:
    text = (
        "Cllr Priya Shah alleged that the overspend had been hidden from members.\n\n"
        "Tom Baker rejected the allegation at Thursday's meeting."
    )
    claim, denial = claims_of(text)
    assert claim.kind == "claim"
    assert (denial.kind, denial.claimant_name, denial.target_name) == ("denial", "Tom Baker", "Priya Shah")
    assert _content(text, denial) == "the allegation"


def test_claims_rejecting_a_plan_or_dismissing_an_appeal_is_a_decision_not_a_denial() -> None:
    text = ("Tom Baker rejected plans for 400 homes on green belt land. Grace Hughes dismissed the appeal.\n\n"
            "Cllr Priya Shah rejected the claim. Tom Baker denied wrongdoing.")
    assert [(c.kind, c.claimant_name, _content(text, c)) for c in claims_of(text)] == [
        ("denial", "Priya Shah", "the claim"), ("denial", "Tom Baker", "wrongdoing")]


@pytest.mark.parametrize(("text", "kind", "content"), [
    # only the first is denied, not "said the authority would cooperate"
    ("A council spokesman denied that any documents had been withheld and said the authority would cooperate fully "
     "with any review.", "denial", "any documents had been withheld"),
    # the demo's "admitting some invoices were “inaccurate” but insisting that 310 ... were driven" had run on
    ("Jane Smith admitted some invoices were \u201cinaccurate\u201d but insisting that most routes were driven by "
     "substitute buses.", "admission", "some invoices were \u201cinaccurate\u201d"),
])
def test_claims_end_before_a_second_reporting_verb(text: str, kind: str, content: str) -> None:
    [claim] = [c for c in claims_of(text) if c.kind == kind]
    assert claim.content is not None
    assert text[claim.content[0] : claim.content[1]] == content
