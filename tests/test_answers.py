"""How views word speech acts: "X denied: P", and which claims stand unanswered (over export records)."""

from __future__ import annotations

from storyline.answers import speech_line, unanswered_claims


def test_answers_denial_reads_as_a_denial_never_as_the_words_of_the_denier() -> None:
    denial = {"speaker_name": "Jane Oduya", "stance": "denies", "text": "that councillors had been misled"}
    assert speech_line(denial) == "Jane Oduya denied: that councillors had been misled"
    question = {"speaker_name": "Tom Hale", "stance": "questions", "text": "whether the audit could be published"}
    assert speech_line(question) == "Tom Hale asked: whether the audit could be published"
    assert speech_line({"speaker_name": "Tom Hale", "stance": "asserts", "text": "We will"}) == "Tom Hale: We will"


def test_answers_unresolved_description_is_printed_as_such() -> None:
    quote = {"speaker_name": None, "speaker_description": "a pensioner", "stance": "asserts", "text": "Nobody listens"}
    assert speech_line(quote) == "a pensioner (unidentified): Nobody listens"
    assert speech_line({"speaker_name": None, "text": "No."}) == "No."


def test_answers_unanswered_claims_are_those_no_claim_denial_pair_holds() -> None:
    claims = [
        {"id": "d1:c1", "document": "d1", "start": 0, "end": 40, "kind": "claim"},
        {"id": "d1:c2", "document": "d1", "start": 50, "end": 90, "kind": "claim"},
        {"id": "d1:c3", "document": "d1", "start": 95, "end": 120, "kind": "denial"},
        {"id": "d2:c1", "document": "d2", "start": 0, "end": 30, "kind": "promise"},
    ]
    pairs = [
        {"kind": "claim-denial", "spans": [{"document": "d1", "start": 0, "end": 40},
                                           {"document": "d1", "start": 95, "end": 120}]},
        {"kind": "figure", "spans": [{"document": "d1", "start": 50, "end": 90}]},  # not an answer
    ]
    assert [c["id"] for c in unanswered_claims(claims, pairs)] == ["d1:c2"]
    assert [c["id"] for c in unanswered_claims(claims, [])] == ["d1:c1", "d1:c2"]


def test_answers_accusation_of_a_description_reads_as_a_sentence() -> None:
    from storyline.answers import accused_description

    assert accused_description("accused", " the council’s leadership of ") == "the council’s leadership"
    assert accused_description("accuse", " the mayor, Jane Oduya, of ") == "the mayor, Jane Oduya"
    assert accused_description("accusing", " him of ") == "him (unidentified)"  # a pronoun names nobody
    assert accused_description("denied", " the claims of ") is None  # not an accusation
    assert accused_description("accused", " of ") is None
    quote = {"speaker_name": "Priya Shah", "cue_verb": "accuse", "target_name": None,
             "target_description": "the council's leadership", "text": "of misleading the committee"}
    assert speech_line(quote) == "Priya Shah accused the council's leadership: of misleading the committee"
    named = {**quote, "target_name": "Alan Hargreaves"}
    assert speech_line(named) == "Priya Shah accused Alan Hargreaves: of misleading the committee"


def test_answers_a_claim_in_several_versions_is_answered_by_a_denial_of_any() -> None:
    from storyline.answers import unanswered_groups

    groups = [{"kind": "claim", "sources": [{"document": "v1", "start": 10, "end": 50, "kind": "claim"},
                                            {"document": "v2", "start": 12, "end": 52, "kind": "claim"}]},
              {"kind": "claim", "sources": [{"document": "v1", "start": 60, "end": 90, "kind": "claim"}]}]
    assert unanswered_groups(groups, {("v2", 12, 52)}) == [groups[1]]
    assert unanswered_groups(groups, set()) == groups
