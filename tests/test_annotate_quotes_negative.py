"""What must not become a quote or a speaker: scare quotes, titles, headlines, stray marks, people inside quotes."""

from __future__ import annotations

import pytest

from storyline.annotate.quotes import find_direct_spans, find_quotes
from storyline.model import Block

from .test_annotate_quotes_patterns import BAKER, SMITH, build, only, quotes_of, span_text


def test_quotes_unattributed_quote_keeps_no_speaker() -> None:
    text = "The hall was silent.\n\n“Nobody here wanted this to happen, and nobody knows how to stop it.”"
    q = only(quotes_of(text), "Nobody here")
    assert q.kind == "direct"
    assert q.speaker is None and q.speaker_name is None and q.speaker_mention is None


def test_quotes_scare_quotes_and_titles_are_not_quotes() -> None:
    text = (
        "The so-called \"plan\" was unveiled at the Grand, where the choir sang “Jerusalem” before the vote.\n\n"
        "Councillors called it a 'fix' for the budget."
    )
    assert quotes_of(text) == []


def test_quotes_headline_is_no_speaker_unless_it_opens_with_a_name() -> None:
    """A headline quote after a title or a description stays unattributed; after the name of a person opening the
    headline ("Smith: '…'", "Smith rejects calls to quit: '…'") it is theirs (see test_quotes_headline_subject)."""
    text = "Mayor Smith: “We will not resign”\n\nThe mayor, Jane Smith, faced calls to quit on Monday."
    quotes = quotes_of(text, [SMITH], headline=True)
    assert [(q.text, q.speaker, q.speaker_name, q.speaker_mention) for q in quotes] == [
        ("We will not resign", None, None, None)
    ]
    text = "Councillor rejects calls to quit: “We will not resign”\n\nJane Smith faced calls to quit on Monday."
    assert [q.speaker_name for q in quotes_of(text, [SMITH], headline=True)] == [None]


def test_quotes_headline_single_marks_found_without_speaker() -> None:
    text = "Family calls for rumble strips: ‘It didn’t have to happen’\n\n“It was a dark road,” Baker said."
    quotes = quotes_of(text, [BAKER], headline=True)
    assert [q.text for q in quotes] == ["It didn’t have to happen", "It was a dark road,"]
    assert quotes[0].speaker_name is None and quotes[1].speaker_name == "Tom Baker"


def test_quotes_unmatched_mark_does_not_spoil_the_rest() -> None:
    text = (
        "Baker said: “We were never told about the overspend.\n\n"
        "The meeting ended at ten.\n\n"
        "“We will appeal the decision,” Smith said."
    )
    quotes = quotes_of(text, [SMITH, BAKER])
    texts = [q.text for q in quotes]
    assert "We were never told about the overspend." in texts
    appeal = only(quotes, "appeal")
    assert appeal.text == "We will appeal the decision," and appeal.speaker_name == "Jane Smith"


def test_quotes_direct_spans_recover_at_paragraph_end() -> None:
    text = "“This one never closes\n\nA plain paragraph.\n\n“This one does,” she said."
    blocks = [Block("paragraph", 0, 22), Block("paragraph", 24, 42), Block("paragraph", 44, len(text))]
    spans = find_direct_spans(text, blocks)
    assert [(text[s.content_start : s.content_end]) for s in spans] == ["This one never closes", "This one does,"]


def test_quotes_person_inside_quote_is_not_the_speaker() -> None:
    text = "Jane Smith spoke first.\n\n“Tom Baker never told us a thing about the money,” he said."
    q = only(quotes_of(text, [SMITH, BAKER]), "never told")
    # the only male person is named inside the quote: no speaker rather than a wrong one
    assert q.speaker is None and q.speaker_name is None
    assert span_text(text, q.speaker_mention) == "he"


def test_quotes_pronoun_with_no_compatible_person_stays_unattributed() -> None:
    text = "Jane Smith opened the session.\n\n“The figures do not add up, whatever anyone says,” he said."
    q = only(quotes_of(text, [SMITH]), "figures")
    assert q.speaker is None and q.speaker_name is None


def test_quotes_organisation_speaker_keeps_its_phrase_and_entity() -> None:
    text = "The council said it would appeal against the ruling within a fortnight."
    blocks, sentences, mentions, entities = build(text, orgs=[("Harrowgate Borough Council", ["The council"])])
    q = only(find_quotes(text, blocks, sentences, mentions, entities), "appeal")
    assert q.speaker == "e1" and q.speaker_name == "the council"
    assert q.text == "it would appeal against the ruling within a fortnight"


def test_quotes_named_organisation_gets_its_name() -> None:
    text = "“We will contest every claim,” Harrowgate Borough Council said in a statement."
    blocks, sentences, mentions, entities = build(text, orgs=[("Harrowgate Borough Council", [])])
    q = only(find_quotes(text, blocks, sentences, mentions, entities), "contest")
    assert q.speaker == "e1" and q.speaker_name == "Harrowgate Borough Council"


def test_quotes_apostrophes_are_not_quote_marks_in_double_style() -> None:
    text = "“It’s Shah’s call, not mine,” Baker said of the 1990s’ contracts, which don’t expire until 2030."
    quotes = quotes_of(text, [BAKER])
    assert [q.text for q in quotes] == ["It’s Shah’s call, not mine,"]


def test_quotes_ids_run_in_text_order() -> None:
    text = "“First,” Baker said.\n\nSmith said the second point was about money.\n\n“Third point here,” Smith said."
    quotes = quotes_of(text, [SMITH, BAKER])
    assert [q.id for q in quotes] == ["q1", "q2", "q3"]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_quotes_two_apostrophes_as_double_marks() -> None:
    text = "''We are told all the time, 'this is a special case,''' Mr. Baker said. ''It is not.''"
    quotes = quotes_of(text, [BAKER])
    assert [q.text for q in quotes] == ["We are told all the time, 'this is a special case,'", "It is not."]
    assert quotes[0].speaker_name == "Tom Baker"


def test_quotes_quote_left_open_at_the_end_of_the_text_stays_inside_it() -> None:
    """A mixed quote whose quoted words run to the end of the text, unclosed, ends with the text (it had ended one
    character past it)."""
    text = 'Friends set up a fundraiser.\n\nOne friend, Jamie Clark, wrote the page: "Benny would give you his last'
    quotes = quotes_of(text, [("Jamie Clark", "male", ["Clark"])])
    assert quotes and all(0 <= q.start <= q.end <= len(text) for q in quotes)


def test_quotes_wrote_with_a_plain_object_is_no_quote() -> None:
    # "wrote a letter", "wrote a host of new songs": something written, not words reported; a clause still is
    text = ("Jane Smith wrote a letter to the minister asking for an inquiry. Smith also wrote a host of new songs "
            "for the festival. In May she wrote the council had failed the town.")
    assert [q.text for q in quotes_of(text, [SMITH]) if q.kind == "indirect"] == ["the council had failed the town"]


def test_quotes_declared_with_a_plain_object_is_no_quote() -> None:
    # "declared victory", "declared war on ...": an act, not words reported; quoted words or a clause still are
    text = ("Jane Smith, who declared victory in the ward on Tuesday, will chair the committee, saying the town "
            "had waited too long. Smith declared a determination to “finish the bypass this year.” In May she "
            "declared the old plan had failed.")
    assert [q.text for q in quotes_of(text, [SMITH]) if q.kind != "direct"] == [
        "the town had waited too long", "a determination to “finish the bypass this year.”",
        "the old plan had failed"]


def test_quotes_an_object_pronoun_with_no_verb_is_no_quote() -> None:
    # "reported it in August" had been a quote "it in August"; "called it “a disgrace”" keeps its quoted words
    text = ("Jane Smith reported it in August. She later described it as “a disgrace to the town.” "
            "She said it would not happen again.")
    assert [q.text for q in quotes_of(text, [SMITH]) if q.kind != "direct"] == [
        "it as “a disgrace to the town.”", "it would not happen again"]


def test_quotes_posted_a_picture_reports_nothing_of_what_its_caption_quotes() -> None:
    # the words in the reply are the water firm's, not the neighbour's who posted a screenshot of it
    text = ("Jane Smith posted a screenshot of the reply, which promised an engineer “within five working days”. "
            "She posted that nobody had come.")
    assert [(q.text, q.speaker_name) for q in quotes_of(text, [SMITH]) if q.kind != "direct"] == [
        ("that nobody had come", "Jane Smith")]


@pytest.mark.parametrize(("sentence", "junk"), [
    ("The plan rejected on Monday was similar to a proposal that Jane Smith made in 2021.", "Jane Smith made"),
    ("Prosecutors argued that although Jane Smith confessed, she showed no remorse.", None),  # Smith's? no
    ("The club charged Jane Smith a $1,000 fee, and police charged her brother with theft.", "fee"),
])
def test_quotes_no_report_from_a_participle_a_subordinate_clause_or_a_charge(sentence: str, junk: str | None) -> None:
    found = quotes_of(sentence, [SMITH])
    assert [q.text for q in found if q.speaker_name == "Jane Smith"] == []
    assert junk is None or not [q.text for q in found if junk in q.text]


def test_quotes_a_participle_after_an_apposed_object_is_the_subjects() -> None:
    # "Emanuel fired his police chief, Garry McCarthy, acknowledging ...": not McCarthy's acknowledgement
    text = ("The mayor fired his police chief, Jane Smith, acknowledging that many residents had lost trust. "
            "Minutes record the director, Jane Smith, telling members that spending was on track.")
    found = [(q.text, q.speaker_name) for q in quotes_of(text, [SMITH])]
    assert ("that spending was on track", "Jane Smith") in found
    assert ("that many residents had lost trust", "Jane Smith") not in found


@pytest.mark.parametrize(("sentence", "junk"), [
    ("Then the firm, only two months later, announced plans to merge with Dow Chemical.", "plans to merge"),
    ("The ruling is due in June on a case filed by the city, which the province has vowed to ignore.",
     "which the province"),
    ("The paper, under Rupert Murdoch, asserted itself in the politics of three countries.", "under Rupert"),
    ("Jane Smith, a neighbour, said the family deserved better.", None),  # a real one stays
])
def test_quotes_a_phrase_that_is_no_speaker_gives_no_quote(sentence: str, junk: str | None) -> None:
    found = quotes_of(sentence, [SMITH])
    mentions = [sentence[q.speaker_mention[0] : q.speaker_mention[1]] for q in found if q.speaker_mention]
    if junk is None:
        assert [q.speaker_name for q in found] == ["Jane Smith"]
    else:
        assert not [m for m in mentions if junk in m]


def test_quotes_the_speakers_after_a_fronted_phrase() -> None:
    text = "On Sunday, Jane Smith and Councillor Tom Baker urged the rest of the party to back the plan."
    [q] = quotes_of(text, [SMITH, BAKER])
    assert q.speaker_mention is not None
    assert text[q.speaker_mention[0] : q.speaker_mention[1]] == "Jane Smith and Councillor Tom Baker"


@pytest.mark.parametrize(("text", "mention", "speaker"), [
    ("Jane Smith attacked the plan, which Smith called “a disgrace to the town.”", "Smith", "Jane Smith"),
    ("Jane Smith met the mayor, who Smith later called “a man out of his depth.”", "Smith", "Jane Smith"),
])
def test_quotes_a_relative_pronoun_is_no_part_of_the_speaker(text: str, mention: str, speaker: str) -> None:
    [q] = [q for q in quotes_of(text, [SMITH]) if q.kind == "direct"]
    assert q.speaker_mention is not None
    assert (text[q.speaker_mention[0] : q.speaker_mention[1]], q.speaker_name) == (mention, speaker)


def test_quotes_a_direct_span_losing_a_junk_speaker_keeps_the_paragraph_chains_in_step() -> None:
    # a mixed quote whose speaker phrase is no speaker had been dropped from the list of direct quotes, which then
    # no longer matched the list of spans: a later quote over two paragraphs crashed the whole document
    text = ('The review team working for the council avoided naming the contractor in its summary but claimed that '
            '" several firms " and mistakes were at the heart of the collapse.\n\n'
            'It went on to list eight key findings.\n\nJane Smith made clear that she felt the report cleared her '
            'council.\n\n" The report provides new information on the causes of this accident.\n\n'
            'It is evident that a series of decisions were made. "\n')
    found = quotes_of(text, [SMITH])
    assert any("new information" in q.text for q in found)


@pytest.mark.parametrize("sentence", [
    # a clause cut short after its subject and auxiliary reports nothing: the words after the comma are the writer's
    "If he scraps the rebate, as his own officials have quietly suggested he might, he will have kept the cost.",
    "Ms Holt wanted a second vote, and her deputy said she would; the council refused.",
    # a request for anonymity is no report of what was said
    "The nurse, who asked that her name not be used because she fears for her job, walked out in May.",
    "A second resident, who asked that his identity be withheld, moved away in June.",
])
def test_quotes_a_clause_cut_short_or_a_request_for_anonymity_is_no_quote(sentence: str) -> None:
    assert quotes_of("Report\n\n" + sentence + "\n") == []


def test_quotes_words_quoted_after_wants_to_are_not_the_subjects() -> None:
    # "her opponent, Tom Baker, wants to “take Westbury backward”": her words for what he wants, never his quote
    text = ("Jane Smith told a Westbury Labour gathering she will protect the libraries while her opponent, Tom "
            "Baker, wants to “take Westbury backward.”")
    quotes = quotes_of(text, [SMITH, BAKER])
    assert all(q.speaker_name != "Tom Baker" for q in quotes)
    assert [(q.speaker_name, q.text[:40]) for q in quotes] == [
        ("Jane Smith", "she will protect the libraries while her")]
    # a hearer in capitals before the clause, but never a preposition read as its head noun
    assert [q.text[:20] for q in quotes_of("Jane Smith told the Echo in an interview at the town hall on Monday.",
                                           [SMITH])] == []


@pytest.mark.parametrize("text", [
    "Tom Baker has revealed almost nothing about his intentions.",
    "Tom Baker said nothing about the budget at Tuesday's meeting.",
    "Tom Baker revealed very little about the plan.",
])
def test_quotes_saying_nothing_is_no_quote(text: str) -> None:
    assert quotes_of(text, [BAKER]) == []


def test_quotes_saying_nothing_had_changed_is_a_quote() -> None:
    assert only(quotes_of("Tom Baker said nothing had changed since the spring.", [BAKER]), "nothing").text == \
        "nothing had changed since the spring"


@pytest.mark.parametrize("text", [
    "He kept talking about the “collective power of all of us together” and how the Labor Department wants to be a "
    "kind of matchmaker.",
    "Tom Baker said the deal was good for “the town as well as the port” and that the chamber of trade thinks "
    "that jobs depend on it.",
])
def test_quotes_a_clause_after_a_quote_is_no_speaker_of_it(text: str) -> None:
    # "and how the Labor Department (wants)", "and that the chamber of trade (thinks)": clauses, never the speaker
    q = only(quotes_of(text, [BAKER]), "as well as" if "town" in text else "power")
    assert q.speaker_mention is None or text[q.speaker_mention[0] : q.speaker_mention[1]] == "Tom Baker"


def test_quotes_a_when_clause_after_the_verb_is_when_not_what() -> None:
    # '“Really,” she added when the interviewer expressed shock': no words "when the interviewer expressed shock";
    # the next quote after '..., she said when asked about X.' is still hers, and so is one after "when asked ...:"
    text = ("Jane Smith said the plan was sound. “Really,” she added when the interviewer expressed shock.\n\n"
            "“It is possible for anyone to change,” Tom Baker told the Echo when asked about the chairman. “But I see "
            "no sign of it yet, and I have looked hard.”\n\n"
            "Jane Smith said when asked which plan she backed: “The one that keeps the library open for everyone.”")
    quotes = quotes_of(text, [SMITH, BAKER])
    assert not [q for q in quotes if q.text.startswith("when")]
    assert only(quotes, "no sign").speaker_name == "Tom Baker"
    assert only(quotes, "keeps the library").speaker_name == "Jane Smith"


@pytest.mark.parametrize("text", [
    "Tom Baker was asked if he still believes the chairman cannot be trusted with the budget.",
    "The host followed up by asking whether Tom Baker thinks that is his only route to the leadership.",
])
def test_quotes_what_someone_was_asked_if_they_believe_is_not_what_they_said(text: str) -> None:
    assert [q for q in quotes_of(text, [BAKER]) if q.speaker_name == "Tom Baker"] == []
