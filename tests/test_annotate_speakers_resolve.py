"""Speaker phrases next to cues, and resolving them (names, roles, pronouns, non-person sources)."""

from __future__ import annotations

from storyline.annotate.speaker_resolve import attribute_speaker
from storyline.annotate.speakers import (
    SpeakerSpan,
    lexicon,
    speaker_after,
    speaker_before,
    speaker_inverted,
)
from storyline.model import Entity, Mention


def _span(text: str, phrase: str, form: str) -> SpeakerSpan:
    start = text.index(phrase)
    return SpeakerSpan(start, start + len(phrase), form)


def test_speakers_lexicon_kinds_from_data() -> None:
    lex = lexicon()
    assert lex.kind("said") == "say"
    assert lex.kind("alleged") == "claim" and lex.kind("insists") == "claim"
    assert lex.kind("denied") == "denial" and lex.kind("rebutted") == "denial"
    assert lex.kind("conceded") == "admission" and lex.kind("apologised") == "admission"
    assert lex.kind("vowed") == "promise" and lex.kind("pledges") == "promise"
    assert lex.lemma("went  on") == "go on"


def test_speakers_subject_before_verb_with_appositive_prefers_the_name() -> None:
    text = "The mayor, Grace Hughes, denied the claim."
    verb = text.index("denied")
    span = speaker_before(text, 0, verb)
    assert span is not None and text[span.start : span.end] == "Grace Hughes"


def test_speakers_appositive_name_after_lower_case_role_words() -> None:
    """"Her opponent, retired police officer Dale Kowalchuk, says": the name, not "her opponent"; a clause
    before a name ("Her opponent, who backs Dale Kowalchuk, says") names nobody."""
    text = "Her opponent, retired police officer Dale Kowalchuk, says crime should come first."
    span = speaker_before(text, 0, text.index("says"))
    assert span is not None and text[span.start : span.end] == "Dale Kowalchuk"
    text2 = "Her opponent, who backs Dale Kowalchuk, says crime should come first."
    span2 = speaker_before(text2, 0, text2.index("says"))
    assert span2 is None or text2[span2.start : span2.end] != "Dale Kowalchuk"


def test_speakers_subject_with_role_words_before_the_name() -> None:
    text = "Regional district chair Callum Strand said the road would reopen."
    span = speaker_before(text, 0, text.index("said"))
    assert span is not None and text[span.start : span.end] == "Regional district chair Callum Strand"


def test_speakers_passive_is_not_a_speaker() -> None:
    text = "The mayor was told that the road would reopen."
    assert speaker_before(text, 0, text.index("told")) is None


def test_speakers_possessive_noun_is_not_a_verb_subject() -> None:
    text = "He pointed to the auditor’s report that the money was gone."
    assert speaker_before(text, 0, text.index("report")) is None


def test_speakers_after_and_inverted_forms() -> None:
    text = "“No,” the chief executive, Anil Mehta, said."
    found = speaker_after(text, text.index("”") + 1, len(text))
    assert found is not None and text[found[0].start : found[0].end] == "the chief executive"
    text2 = "“No,” said the chief executive, Anil Mehta."
    inverted = speaker_inverted(text2, text2.index("”") + 1, len(text2))
    assert inverted is not None and text2[inverted[0].start : inverted[0].end] == "Anil Mehta"
    assert text2[inverted[1][0] : inverted[1][1]] == "said"


def test_speakers_role_mention_resolves_to_its_person() -> None:
    text = "Grace Hughes won. The mayor said it was a fair result."
    entities = [Entity("e1", "person", "Grace Hughes", gender="female")]
    mentions = [Mention(0, 12, "Grace Hughes", "person", "e1"), Mention(18, 27, "The mayor", "person", "e1", "role")]
    res = attribute_speaker(text, _span(text, "The mayor", "np"), mentions, entities)
    assert (res.speaker, res.speaker_name) == ("e1", "Grace Hughes") and res.confidence >= 0.8


def test_speakers_pronoun_prefers_matching_gender_over_recency() -> None:
    text = "Grace Hughes spoke after Tom Reid. She said it was fair."
    entities = [Entity("e1", "person", "Grace Hughes", gender="female"), Entity("e2", "person", "Tom Reid", gender="male")]
    mentions = [Mention(0, 12, "Grace Hughes", "person", "e1"), Mention(25, 33, "Tom Reid", "person", "e2")]
    res = attribute_speaker(text, _span(text, "She", "pronoun"), mentions, entities)
    assert res.speaker == "e1" and 0.5 <= res.confidence < 0.8


def test_speakers_pronoun_ignores_people_named_inside_quotes() -> None:
    text = "“Ask Tom Reid,” she said."
    entities = [Entity("e1", "person", "Tom Reid", gender="male")]
    mentions = [Mention(5, 13, "Tom Reid", "person", "e1")]
    res = attribute_speaker(text, _span(text, "she", "pronoun"), mentions, entities, excluded=[(0, 15)])
    assert res.speaker is None and res.confidence < 0.5


def test_speakers_unknown_gender_single_candidate_is_accepted_with_low_confidence() -> None:
    text = "Sam Okafor runs the shelter. He said beds were full."
    entities = [Entity("e1", "person", "Sam Okafor")]
    mentions = [Mention(0, 10, "Sam Okafor", "person", "e1")]
    res = attribute_speaker(text, _span(text, "He", "pronoun"), mentions, entities)
    assert res.speaker == "e1" and res.confidence < 0.8


def test_speakers_spokesperson_and_document_sources() -> None:
    text = "A spokesperson for the trust said so. The letter said so. It said so."
    res = attribute_speaker(text, _span(text, "A spokesperson for the trust", "np"), [], [])
    assert res.speaker is None and res.speaker_name == "a spokesperson for the trust"
    assert attribute_speaker(text, _span(text, "The letter", "np"), [], []).speaker_name == "letter"
    it = attribute_speaker(text, _span(text, "It", "pronoun"), [], [], source_kind="report")
    assert it.speaker_name == "report"


def test_speakers_definite_role_resolves_through_recorded_role() -> None:
    from storyline.model import Role

    text = "Justice Ingrid Halvorsen granted the order. The judge said the harm could not be undone."
    entities = [Entity("e1", "person", "Ingrid Halvorsen", roles=[Role("Ontario Superior Court Justice", 0, 7)])]
    mentions = [Mention(8, 24, "Ingrid Halvorsen", "person", "e1")]
    res = attribute_speaker(text, _span(text, "The judge", "np"), mentions, entities)
    assert (res.speaker, res.speaker_name) == ("e1", "Ingrid Halvorsen")
    assert res.confidence < 0.8


def test_speakers_role_linked_forward_to_a_later_name_is_not_trusted() -> None:
    text = "The leader said the books would balance. Later, Alan Hargreaves spoke."
    entities = [Entity("e1", "person", "Alan Hargreaves", gender="male")]
    mentions = [Mention(0, 10, "The leader", "person", "e1", "role"), Mention(48, 63, "Alan Hargreaves", "person", "e1")]
    res = attribute_speaker(text, _span(text, "The leader", "np"), mentions, entities)
    assert res.speaker is None and res.speaker_name is None and res.description == "the leader"


def test_speakers_a_post_of_something_before_the_name_of_its_holder() -> None:
    """UK council and court style: "Chair of the bench Joan Lee said", "Director of public health Dr Amir Khan
    said": the holder of the post, named."""
    from .annotated_text import annotated

    text = ("Court\n\nChair of the bench Joan Priestley told Kieran Moss the case would go to the Crown Court. "
            "The head of the union Tom Hale said the strike was off. Director of public health Dr Amir Khan said "
            "cases were rising.\n")
    _, ann = annotated(text)
    assert [(q.text, q.speaker_name) for q in ann.quotes] == [
        ("the case would go to the Crown Court", "Joan Priestley"), ("the strike was off", "Tom Hale"),
        ("cases were rising", "Amir Khan")]


def test_speakers_a_name_and_where_the_person_is_from() -> None:
    """"Robert Lane of the York delegation said", "Sarah Jones from the Ramblers said": the person, whatever
    follows "of", "from" or "at"."""
    for phrase in ("Sarah Jones of the York delegation", "Sarah Jones from the Ramblers",
                   "Sarah Jones at the University of Leeds", "Sarah Jones of walking charity Open Paths"):
        text = f"{phrase} said the path would close."
        span = speaker_before(text, 0, text.index("said"))
        assert span is not None and text[span.start : span.end] == phrase


def test_speakers_after_a_quote_a_name_of_a_described_body() -> None:
    text = '"It will close," said Sarah Jones of walking charity Open Paths.'
    found = speaker_inverted(text, text.index(",") + 2, len(text))
    assert found is not None and text[found[0].start : found[0].end] == "Sarah Jones"


def test_speakers_people_close_to_someone_are_not_that_person() -> None:
    from .annotated_text import annotated

    _, ann = annotated("Race\n\nJane Holt spoke on Monday. People close to Holt said the campaign was worried. "
                       "Aides to Holt said the polls were wrong.\n")
    assert [(q.text, q.speaker_name, q.speaker_kind) for q in ann.quotes] == [
        ("the campaign was worried", "people close to Holt", "group"),
        ("the polls were wrong", "aides to Holt", "group")]


def test_speakers_the_full_stop_ending_the_sentence_is_no_part_of_the_speaker() -> None:
    for text, mention in (("“No,” said longtime resident Gail Thibodeau.", "longtime resident Gail Thibodeau"),
                          ("“No,” said a New Hampshire Democrat.", "a New Hampshire Democrat"),
                          ("“No,” said a spokesman for the F.B.I.", "a spokesman for the F.B.I.")):
        found = speaker_inverted(text, text.index("”") + 1, len(text))
        assert found is not None and text[found[0].start : found[0].end] == mention


NAMESAKES = (
    "Family calls for rumble strips\n\n"
    "Tyler Vickers was driving home from practice when his car was struck by a pickup truck.\n\n"
    "His mother, Jolene Vickers, said he had texted her ten minutes before the crash.\n\n"
    "\"He was careful,\" she said.\n\n"
    "\"Every winter there's another cross on that road,\" said Vickers.\n\n"
    "Her husband, Dale Vickers, drives the same highway. \"Nobody listens,\" Vickers said.\n"
)


def test_speakers_resolve_shared_surname_is_whoever_spoke_last_until_someone_else_is_named() -> None:
    from .annotated_text import annotated, quote_with

    _, ann = annotated(NAMESAKES)
    assert quote_with(ann, "Every winter").speaker_name == "Jolene Vickers"
    assert quote_with(ann, "Nobody listens").speaker is None  # Dale is named since her quote: either of them
