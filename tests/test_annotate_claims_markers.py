"""Negation, negated content, fragments, role descriptions and markers inside quoted words."""

from __future__ import annotations

from storyline.annotate.claim_claimants import entity_by_role_description
from storyline.model import Entity, Role

from .test_annotate_claims_kinds import _content, claims_of


def test_claims_negated_admission_is_no_claim() -> None:
    text = "Tom Baker did not admit any wrongdoing at the hearing."
    assert claims_of(text) == []


def test_claims_insisted_never_is_a_denial() -> None:
    text = "Cllr Priya Shah has insisted she never concealed the cost of the scheme from members."
    (denial,) = claims_of(text)
    assert (denial.kind, denial.claimant_name) == ("denial", "Priya Shah")
    assert _content(text, denial) == "she never concealed the cost of the scheme from members"


def test_claims_adjective_use_of_a_cue_gives_no_fragment_claimant() -> None:
    text = "Hughes said many of the disputed invoices were paid late."
    assert all(c.claimant_name != "many of the" for c in claims_of(text))


def test_claims_said_with_misled_is_an_allegation() -> None:
    text = "Grace Hughes said residents had been misled about the cost of the new depot."
    (claim,) = claims_of(text)
    assert (claim.kind, claim.claimant_name) == ("claim", "Grace Hughes")


def test_claims_calling_that_claim_false_is_a_denial() -> None:
    for text in ('Sheriff Tom Baker said the policy had put dangerous people back on the street. '
                 'County Attorney Grace Hughes called that claim "simply false."',
                 "Grace Hughes said any suggestion of a cover-up was nonsense."):
        kinds = [(c.kind, c.claimant_name) for c in claims_of(text) if c.claimant_name == "Grace Hughes"]
        assert kinds == [("denial", "Grace Hughes")], text


def test_claims_quoted_apology_is_an_admission() -> None:
    text = "\u201cWe got this badly wrong and I apologise for that,\u201d Baker said."
    kinds = {(c.kind, c.claimant_name) for c in claims_of(text)}
    assert ("admission", "Tom Baker") in kinds


def test_claims_quoted_first_person_will_is_a_promise() -> None:
    text = '"We will publish every invoice by Friday," Hughes said.'
    (promise,) = claims_of(text)
    assert (promise.kind, promise.claimant_name) == ("promise", "Grace Hughes")


def test_claims_role_description_needs_one_fitting_person() -> None:
    leader = Entity("e1", "person", "Alan Byrne", roles=[Role("leader", 0, 5, organisation="Dunmore District Council")])
    rival = Entity("e2", "person", "Jo Park", roles=[Role("group leader", 0, 5, organisation="Green Party")])
    assert entity_by_role_description("The leader of Dunmore District Council", [leader, rival]) is leader
    assert entity_by_role_description("an opposition leader", [leader, rival]) is None
