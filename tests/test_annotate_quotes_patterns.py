"""Quote spans, speakers and cues for the reporting patterns of news writing (hand-built documents)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from storyline.annotate.quotes import find_quotes
from storyline.model import Block, Entity, Mention, Quote, Sentence

Person = tuple[str, str | None, Sequence[str]]  # name, gender, other forms seen in the text


def build(
    text: str, people: Sequence[Person] = (), orgs: Sequence[tuple[str, Sequence[str]]] = (), headline: bool = False
) -> tuple[list[Block], list[Sentence], list[Mention], list[Entity]]:
    """Blocks (paragraphs at blank lines), sentences and name mentions, as the structure/entities stages give them."""
    blocks = [Block("paragraph", m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    if headline and blocks:
        blocks[0] = Block("headline", blocks[0].start, blocks[0].end)
    sentences = [
        Sentence(m.start(), m.end(), i)
        for i, b in enumerate(blocks)
        for m in re.finditer(r"\S.*?(?:[.!?][”’\"']?(?=\s+[A-Z“‘\"']|\s*$)|$)", text[: b.end])
        if m.start() >= b.start
    ]
    entities: list[Entity] = []
    mentions: list[Mention] = []
    named = [(name, "person", gender, forms) for name, gender, forms in people]
    named += [(name, "organisation", None, forms) for name, forms in orgs]
    for number, (name, kind, gender, forms) in enumerate(named, start=1):
        entity = Entity(f"e{number}", kind, name, aliases=list(forms), gender=gender)  # type: ignore[arg-type]
        entities.append(entity)
        for form in sorted([name, *forms], key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(form)}\b", text):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(Mention(m.start(), m.end(), form, kind, entity.id))  # type: ignore[arg-type]
    mentions.sort(key=lambda m: m.start)
    return blocks, sentences, mentions, entities


def quotes_of(text: str, people: Sequence[Person] = (), orgs: Sequence[tuple[str, Sequence[str]]] = (),
              headline: bool = False, source_kind: str | None = None) -> list[Quote]:
    blocks, sentences, mentions, entities = build(text, people, orgs, headline)
    return find_quotes(text, blocks, sentences, mentions, entities, source_kind=source_kind)


def span_text(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def only(quotes: list[Quote], contains: str) -> Quote:
    found = [q for q in quotes if contains in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def _report_is(text: str, content: str, mention: str) -> None:
    """The one report holding ``content``'s second word says exactly ``content``, spoken by the phrase ``mention``."""
    q = only(quotes_of(text, [("Joan Holt", "female", ["Holt"])]), content.split()[1])
    assert q.text == content
    assert q.speaker_mention is not None and text[q.speaker_mention[0]:q.speaker_mention[1]] == mention


SMITH: Person = ("Jane Smith", "female", ["Smith", "Ms Smith"])
BAKER: Person = ("Tom Baker", "male", ["Baker", "Mr Baker"])


def test_quotes_speaker_then_colon() -> None:
    text = 'Jane Smith said: "We will balance the books by March."'
    q = only(quotes_of(text, [SMITH]), "balance")
    assert q.text == "We will balance the books by March."
    assert (q.kind, q.speaker, q.speaker_name) == ("direct", "e1", "Jane Smith")
    assert span_text(text, q.speaker_mention) == "Jane Smith"
    assert span_text(text, q.cue) == "said"
    assert q.confidence >= 0.8


def test_quotes_said_then_name_after_quote() -> None:
    text = "“It has been the hardest year any of us can remember,” said Tom Baker."
    q = only(quotes_of(text, [BAKER]), "hardest")
    assert q.text == "It has been the hardest year any of us can remember,"
    assert q.speaker_name == "Tom Baker" and span_text(text, q.cue) == "said"
    assert span_text(text, q.speaker_mention) == "Tom Baker"


def test_quotes_name_then_said_after_quote() -> None:
    text = "\"We are not going anywhere,\" Baker said on Tuesday."
    q = only(quotes_of(text, [BAKER]), "anywhere")
    assert (q.speaker, q.speaker_name) == ("e1", "Tom Baker")
    assert span_text(text, q.speaker_mention) == "Baker"
    assert span_text(text, q.cue) == "said"


def test_quotes_appositive_between_name_and_verb() -> None:
    text = "“The staff have done brilliantly,” Tom Baker, the council's chief executive, said."
    q = only(quotes_of(text, [BAKER]), "brilliantly")
    assert q.speaker_name == "Tom Baker"
    assert span_text(text, q.speaker_mention) == "Tom Baker"
    assert span_text(text, q.cue) == "said"
    assert q.confidence >= 0.8


def test_quotes_pronoun_with_colon_resolves_to_last_compatible_person() -> None:
    text = (
        "Jane Smith chaired the meeting and Tom Baker presented the accounts.\n\n"
        "He added: “There is more to do before the audit.”"
    )
    q = only(quotes_of(text, [SMITH, BAKER]), "more to do")
    assert (q.speaker, q.speaker_name) == ("e2", "Tom Baker")
    assert span_text(text, q.speaker_mention) == "He"
    assert span_text(text, q.cue) == "added"
    assert 0.5 <= q.confidence < 0.8


def test_quotes_pronoun_after_quote_uses_gender() -> None:
    text = "Tom Baker defended the budget. Jane Smith was not convinced.\n\n“I disagree with every line of it,” she said."
    q = only(quotes_of(text, [BAKER, SMITH]), "disagree")
    assert q.speaker_name == "Jane Smith"
    assert span_text(text, q.speaker_mention) == "she"


def test_quotes_paragraph_after_introducing_colon() -> None:
    text = "Councillor Baker told the meeting:\n\n“We were given the wrong figures, and we were given them late.”"
    q = only(quotes_of(text, [BAKER]), "wrong figures")
    assert q.speaker_name == "Tom Baker"
    assert span_text(text, q.cue) == "told"
    assert q.confidence >= 0.7


def test_quotes_floating_quote_inherits_previous_speaker_without_mention() -> None:
    text = (
        "“We will not close the library,” Jane Smith said.\n\n"
        "“Not this year, and not while I am leader of this council.”"
    )
    quotes = quotes_of(text, [SMITH])
    q = only(quotes, "Not this year")
    assert q.speaker_name == "Jane Smith"
    assert q.speaker_mention is None and q.cue is None
    assert 0.5 <= q.confidence < 0.8


def test_quotes_paragraph_after_sentence_introducing_a_person() -> None:
    text = (
        "Tom Baker has run the food bank on Mill Street since 2011.\n\n"
        "“I have never seen queues like this, not even in the winter of 2020.”"
    )
    q = only(quotes_of(text, [BAKER]), "queues")
    assert q.speaker_name == "Tom Baker" and q.speaker_mention is None
    assert q.confidence < 0.8


def test_quotes_paragraph_after_one_naming_a_person_it_is_not_about() -> None:
    """The one person a paragraph names, but not as its subject ("... issued a statement apologising to Tom Baker"),
    does not speak the quote paragraph after it (the statement does: nobody's here)."""
    text = (
        "At the chair's direction, the party issued a statement apologising to Tom Baker for the emails.\n\n"
        "“On behalf of everyone at the party, we want to offer a sincere apology to Councillor Baker.”"
    )
    q = only(quotes_of(text, [BAKER]), "sincere apology")
    assert q.speaker_name is None


def test_quotes_letter_author_in_it_she_said() -> None:
    text = "Ms Smith wrote to the minister in May. In it she said the school roof was no longer safe to stand under."
    q = only(quotes_of(text, [SMITH]), "roof")
    assert q.kind == "indirect"
    assert q.text == "the school roof was no longer safe to stand under"
    assert q.speaker_name == "Jane Smith" and span_text(text, q.speaker_mention) == "she"


def test_quotes_document_as_source_it_went_on() -> None:
    text = "The council published its response on Friday.\n\nIt went on: “The authority accepts every recommendation.”"
    q = only(quotes_of(text, source_kind="press release"), "accepts")
    assert q.speaker_name == "press release" and q.speaker is None
    assert span_text(text, q.cue) == "went on"


def test_quotes_statement_added_names_the_statement() -> None:
    text = "The statement added: “No member of staff acted improperly at any stage.”"
    q = only(quotes_of(text), "improperly")
    assert q.speaker_name == "statement"
    assert span_text(text, q.speaker_mention) == "The statement"


def test_quotes_indirect_with_that_includes_that() -> None:
    text = "Jane Smith said that the council had overspent by £2m last year."
    q = only(quotes_of(text, [SMITH]), "overspent")
    assert (q.kind, q.text) == ("indirect", "that the council had overspent by £2m last year")
    assert q.speaker_name == "Jane Smith" and span_text(text, q.cue) == "said"


def test_quotes_indirect_told_the_broadcaster() -> None:
    text = "Baker told the BBC that staff had been misled about the overspend."
    q = only(quotes_of(text, [BAKER]), "misled")
    assert q.text == "that staff had been misled about the overspend"
    assert span_text(text, q.cue) == "told" and q.speaker_name == "Tom Baker"


def test_quotes_indirect_without_that() -> None:
    text = "Smith said the council had run out of reserves in the spring."
    q = only(quotes_of(text, [SMITH]), "reserves")
    assert q.text == "the council had run out of reserves in the spring"
    assert q.speaker_name == "Jane Smith"


def test_quotes_according_to() -> None:
    text = "According to Tom Baker, the bridge will reopen in the first week of June."
    q = only(quotes_of(text, [BAKER]), "bridge")
    assert q.text == "the bridge will reopen in the first week of June"
    assert q.speaker_name == "Tom Baker" and span_text(text, q.cue) == "According to"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a description with the name apposed: the name speaks, and the reported clause starts after it
    ("According to the couple's neighbour, Tom Baker, three other flats in the block have the same problem.",
     "three other flats in the block have the same problem", "Tom Baker"),
    ("Three other flats in the block have the same problem, according to a neighbour, Tom Baker.",
     "Three other flats in the block have the same problem", "Tom Baker"),
    # a relative clause after the name is no part of what was said
    ("According to Baker, who lives next door, three other flats have the same problem.",
     "three other flats have the same problem", "Tom Baker"),
    # a list, or a name with an apposition of its own, is the reported clause's subject
    ("According to the council, Kent, Surrey and Essex had the most complaints last year.",
     "Kent, Surrey and Essex had the most complaints last year", None),
    ("According to the inspector's summary, Jane Smith, a senior aide, sent the email on Monday.",
     "Jane Smith, a senior aide, sent the email on Monday", None),
    # an aside inside the clause it reports: the whole sentence was said
    ("The man, according to Tom Baker, was known to officers and had been arrested before.",
     "The man, according to Tom Baker, was known to officers and had been arrested before", "Tom Baker"),
])
def test_quotes_according_to_with_an_apposition(text: str, content: str, speaker: str | None) -> None:
    q = only(quotes_of(text, [BAKER, SMITH]), content.split()[1])
    assert (q.text, q.speaker_name) == (content, speaker)


@pytest.mark.parametrize("text", [
    # a plea in court: an offence admitted, no words reported
    "Tom Baker, 34, admitted arson with intent to endanger life at Bolton Crown Court.",
    "Tom Baker admitted two counts of fraud by abuse of position.",
    "Tom Baker admitted causing death by careless driving.",
    "Tom Baker admitted grievous bodily harm.",
    "Tom Baker, who admitted grievous bodily harm, showed no reaction as he was led from the dock.",
    "Tom Baker admitted dangerous driving and was banned for two years.",
])
def test_quotes_an_admitted_offence_is_no_quote(text: str) -> None:
    assert quotes_of(text, [BAKER]) == []


@pytest.mark.parametrize(("text", "content"), [
    ("Tom Baker admitted the damage had been done before he arrived.", "the damage had been done before he arrived"),
    ("Tom Baker admitted the charges were serious.", "the charges were serious"),
])
def test_quotes_an_admission_about_an_offence_is_a_quote(text: str, content: str) -> None:
    assert only(quotes_of(text, [BAKER]), content.split()[1]).text == content


def test_quotes_a_name_followed_by_which_is_a_body() -> None:
    q = only(quotes_of("Arriva, which runs most of the routes, said it would work with the new authority."), "would")
    assert (q.speaker_name, q.speaker_kind) == ("Arriva", "organisation")


@pytest.mark.parametrize("headline", ["Jane Smith rejects calls to quit: “We will not resign”",
                                      "Smith: “We will not resign”"])
def test_quotes_headline_subject(headline: str) -> None:
    """ "Danny Ridley calls time on 18-year career: 'I gave it everything'": a person named at the start of a
    headline, then a verb (or nothing), then a colon and the quote: the quote is theirs."""
    text = headline + "\n\nThe mayor, Jane Smith, faced calls to quit on Monday."
    q = only(quotes_of(text, [SMITH], headline=True), "resign")
    assert (q.speaker_name, q.speaker_kind) == ("Jane Smith", "person")


@pytest.mark.parametrize(("body", "speaker"), [
    ("“These kids are hungry, full stop,” said teacher Maya Desrosiers.", "Maya Desrosiers"),
    ("Maya Desrosiers said the post was shared 80,000 times. “I never expected that. These kids are hungry, full "
     "stop.”", "Maya Desrosiers"),  # the body's quote inherits its speaker, the headline's takes it
    ("“These kids are hungry,” said Maya Desrosiers. “These kids are hungry,” said Ann Cole.", None),
    ("Maya Desrosiers said the children were hungry.", None),  # not the same words
])
def test_quotes_headline_quote_repeated_in_the_body_is_its_speakers(body: str, speaker: str | None) -> None:
    """A headline quote with no speaker of its own ("Teacher's post goes viral: 'These kids are hungry, full
    stop'") that the body repeats word for word is the body quote's speaker's; nobody's when two speakers say it
    or the body only paraphrases it."""
    text = "Teacher's post goes viral: 'These kids are hungry, full stop'\n\n" + body
    people: list[Person] = [("Maya Desrosiers", "female", ["Desrosiers"]), ("Ann Cole", "female", ["Cole"])]
    q = next(q for q in quotes_of(text, people, headline=True) if q.start < text.index("\n"))
    assert q.speaker_name == speaker
    if speaker is not None:
        assert q.speaker_mention is not None and text[q.speaker_mention[0] : q.speaker_mention[1]].endswith(speaker)


@pytest.mark.parametrize(("text", "words"), [
    ("Principal apologizes for post mocking parents: ‘It was wrong’\n\n"
     "“It was wrong, and I am sorry,” Maya Desrosiers wrote.", "It was wrong"),
    ("Wildfire reaches the lake\n\n“Go now,” said Tom Baker, the fire chief.\n\n‘It came over the ridge’\n\n"
     "“It came over the ridge so fast,” said Maya Desrosiers.", "came over"),  # (never the one who spoke before)
])
def test_quotes_short_quote_on_display_repeated_in_the_body(text: str, words: str) -> None:
    """A short quote in a headline or alone as a cross-heading, that the body repeats word for word, is kept (no
    scare quote) and is the body speaker's."""
    quotes = quotes_of(text, [("Maya Desrosiers", "female", ["Desrosiers"]), BAKER], headline=True)
    shown = [q for q in quotes if words in q.text and q.end - q.start < 25]
    assert len(shown) == 1 and shown[0].speaker_name == "Maya Desrosiers"


@pytest.mark.parametrize(("text", "words"), [
    ("Principal apologizes: 'It was wrong'\n\nMaya Desrosiers said she regretted the post.", "It was wrong"),
    ("Wildfire reaches the lake\n\n“Go now,” said Tom Baker, the fire chief.\n\n‘A wall of flame’\n\n"
     "Residents said the fire moved faster than anyone expected.", "wall of flame"),
])
def test_quotes_short_quote_on_display_not_repeated_is_dropped(text: str, words: str) -> None:
    """Not repeated, a short quote on display is a phrase: no quote, never the last speaker's ("‘A wall of flame’"
    after Tom Baker's quote had been his)."""
    quotes = quotes_of(text, [("Maya Desrosiers", "female", ["Desrosiers"]), BAKER], headline=True)
    assert not [q for q in quotes if words in q.text]


def test_quotes_told_council_a_clause_with_that_inside_it() -> None:
    """ "told council the firm found rot in the trusses that was not visible": the reported clause starts after
    "council" (the "that" is a relative pronoun inside it), not at "that"."""
    text = "City manager Jane Smith told council the firm found rot in the roof trusses that was not visible before."
    q = only(quotes_of(text, [SMITH]), "rot")
    assert (q.text, q.speaker_name) == ("the firm found rot in the roof trusses that was not visible before",
                                        "Jane Smith")
    q = only(quotes_of("Jane Smith told reporters who had gathered outside that she would appeal.", [SMITH]), "appeal")
    assert q.text == "that she would appeal"


def test_quotes_told_a_hearer_a_clause_whose_subject_is_a_bare_noun() -> None:
    """ "told trustees administration could have a draft ready": the clause after the hearer has a bare noun for a
    subject (no article); a time word is no subject ("told reporters today was ...")."""
    text = "Superintendent Jane Smith told trustees administration could have a draft policy ready by March."
    q = only(quotes_of(text, [SMITH]), "draft")
    assert (q.text, q.speaker_name) == ("administration could have a draft policy ready by March", "Jane Smith")
    assert quotes_of("Jane Smith told reporters today was a good day for the town.", [SMITH]) == []


def test_quotes_a_department_named_by_its_portfolios_speaks_as_one() -> None:
    text = "A spokeswoman for the Department for Environment, Food and Rural Affairs said the ban would start in April."
    q = only(quotes_of(text, orgs=[("Department for Environment, Food and Rural Affairs", [])]), "ban")
    # the spokeswoman of the one department (her phrase names the speaker, as for any spokesperson), never "Food
    # and Rural Affairs"
    assert q.speaker_kind == "organisation" and q.speaker is not None
    assert q.speaker_name is not None and q.speaker_name.endswith("Department for Environment, Food and Rural Affairs")


def test_quotes_a_new_sentence_after_a_quote_is_no_cue_for_it() -> None:
    """ "“…,” he said. “… That is leadership.” The council's press office said the statement ...": the second
    quote carries on the first speaker's words; the sentence after it has a speaker of its own."""
    text = ("“I have never claimed that the government played no part,” Tom Baker said. “I chose to work with the "
            "minister. That is leadership.” The council's press office said the statement would not be withdrawn.")
    assert only(quotes_of(text, [BAKER]), "leadership").speaker_name == "Tom Baker"


def test_quotes_a_subordinate_opening_ends_what_was_said_at_its_comma() -> None:
    """ "After Trump argued that X, Rubio said only that Y": Trump's X ends at the comma, and Rubio's Y is found
    (it had run into Trump's); "..., a day after the union called it a band-aid." is when, not who said it."""
    text = "After Tom Baker argued that the library should close, Jane Smith said only that the figures did not add up."
    quotes = quotes_of(text, [SMITH, BAKER])
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("that the library should close", "Tom Baker"), ("that the figures did not add up", "Jane Smith")]
    text = "Hours after Tom Baker said the plan was dead, the council approved it."
    assert [q.text for q in quotes_of(text, [BAKER])] == ["the plan was dead"]
    assert quotes_of("The plan was announced on Wednesday, a day after the nurses union called it a band-aid.") == []


def test_quotes_trailing_attribution_of_indirect_speech() -> None:
    text = "The deficit will grow again next year, officials said."
    q = only(quotes_of(text), "deficit")
    assert (q.kind, q.text, q.speaker_name) == ("indirect", "The deficit will grow again next year", "officials")


def test_quotes_mixed_fragment_inside_indirect_is_one_mixed_quote() -> None:
    text = "Smith said the plan was “a disgrace to the whole town” and should be scrapped."
    quotes = quotes_of(text, [SMITH])
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "mixed"
    assert q.text == "the plan was “a disgrace to the whole town” and should be scrapped"
    assert q.speaker_name == "Jane Smith"


def test_quotes_nested_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "“He looked at me and said ‘go home, there is nothing here’ and walked off,” Smith said."
    quotes = quotes_of(text, [SMITH])
    assert len(quotes) == 1
    assert quotes[0].text == "He looked at me and said ‘go home, there is nothing here’ and walked off,"
    assert quotes[0].speaker_name == "Jane Smith"


def test_quotes_multi_paragraph_quote_is_one_quote_per_paragraph() -> None:
    # GGT annotates each paragraph of a quote that runs over paragraphs as its own quote
    text = (
        "Baker said: “We were told the money was there. We planned on that basis.\n\n"
        "“Then, in August, we were told it was gone.”"
    )
    quotes = quotes_of(text, [BAKER])
    assert [q.text for q in quotes] == [
        "We were told the money was there. We planned on that basis.",
        "Then, in August, we were told it was gone.",
    ]
    first, second = quotes
    assert first.start == text.index("We were told") and second.end == text.index("”")
    assert all(q.speaker_name == "Tom Baker" and span_text(text, q.speaker_mention) == "Baker" for q in quotes)
    assert span_text(text, second.cue) == "said"
    assert 0.5 <= second.confidence < first.confidence


def test_quotes_multi_paragraph_quote_attributed_in_its_last_paragraph() -> None:
    text = (
        "The hall was full by seven.\n\n"
        "‘We kept the doors open as long as we could. Nobody wanted to turn a family away.\n\n"
        "‘But the fire marshal counts heads, and so do we.\n\n"
        "‘At 7.15 we had to stop,’ said Jane Smith, who runs the shelter."
    )
    quotes = quotes_of(text, [SMITH])
    assert [q.text for q in quotes] == [
        "We kept the doors open as long as we could. Nobody wanted to turn a family away.",
        "But the fire marshal counts heads, and so do we.",
        "At 7.15 we had to stop,",
    ]
    assert all(q.speaker_name == "Jane Smith" for q in quotes)
    assert all(span_text(text, q.speaker_mention) == "Jane Smith" for q in quotes)
    assert quotes[2].confidence > quotes[0].confidence


def test_quotes_british_single_marks_and_apostrophes() -> None:
    text = (
        "‘We don’t know where Shah’s figures came from,’ said Jane Smith.\n\n"
        "The 1990s’ accounts were never audited, she added.\n\n"
        "‘It’s the teachers’ union that will pay the price,’ she said."
    )
    quotes = [q for q in quotes_of(text, [SMITH]) if q.kind == "direct"]
    assert [q.text for q in quotes] == [
        "We don’t know where Shah’s figures came from,",
        "It’s the teachers’ union that will pay the price,",
    ]
    assert all(q.speaker_name == "Jane Smith" for q in quotes)


def test_quotes_double_marks_outside_single_ones_in_a_british_document() -> None:
    """A document quoting mostly with ‘…’ may still quote a paragraph with “…”: outside any single-marked
    quote the double marks are a quote of their own, not one nested in another."""
    text = (
        "‘I don’t blame the workmen,’ she said. ‘I blame whoever keeps moving the money.’\n\n"
        "‘We have been flooded twice,’ Smith said.\n\n"
        "Jane Smith said she had raised it. “I will keep pushing until the wall is built,” she said.\n\n"
        "‘He told me “wait and see” and walked off,’ Smith said."
    )
    quotes = [q for q in quotes_of(text, [SMITH]) if q.kind == "direct"]
    assert [q.text for q in quotes] == [
        "I don’t blame the workmen,",
        "I blame whoever keeps moving the money.",
        "We have been flooded twice,",
        "I will keep pushing until the wall is built,",
        "He told me “wait and see” and walked off,",
    ]


def test_quotes_straight_single_marks_for_sentences_and_double_ones_for_phrases() -> None:
    """A British document quoting whole sentences with straight '…' (after a colon, opening paragraphs, across
    paragraphs) and phrases with "…" as often: the sentences tell its style, so neither is lost."""
    text = (
        "Friends of Blackpill Lido chairwoman Jane Smith said: 'We are absolutely delighted. When we started, "
        "people told us we were dreaming.\n\n"
        "'Eight years and more cake sales than I can count later, here we are.'\n\n"
        "Tom Baker said the council would pay £300,000 and \"welcomed the community's passion\".\n\n"
        "A letter from the fund said the project had \"exceptional local support\".\n\n"
        "'It's a nice idea, but the sea wall is falling down,' Baker said."
    )
    quotes = quotes_of(text, [SMITH, BAKER])
    direct = [(q.text, q.speaker_name) for q in quotes if q.kind == "direct"]
    assert direct == [
        ("We are absolutely delighted. When we started, people told us we were dreaming.", "Jane Smith"),
        ("Eight years and more cake sales than I can count later, here we are.", "Jane Smith"),
        ("It's a nice idea, but the sea wall is falling down,", "Tom Baker"),
    ]
    assert not any("dreaming" in q.text and q.kind == "indirect" for q in quotes)  # no quote inside the quote


@pytest.mark.parametrize(("text", "speaker"), [
    ("Bank of England governor Tom Baker said rates would stay high for longer.", "Tom Baker"),
    ("Friends of the Earth campaigner Jane Smith said the pool would reopen next year.", "Jane Smith"),
])
def test_quotes_body_of_then_role_and_name(text: str, speaker: str) -> None:
    assert [q.speaker_name for q in quotes_of(text, [SMITH, BAKER])] == [speaker]


def test_quotes_curly_single_marks_outside_double_ones_in_a_double_marked_document() -> None:
    """Welsh and English papers quote whole sentences with ‘…’ and partial quotes with “…”: when the doubles
    outnumber the singles, the curly single-marked sentences are still quotes (apostrophes stay apostrophes)."""
    text = (
        "Jane Smith said the decision had been “incredibly difficult” and “long overdue”.\n\n"
        "‘We have protected libraries for longer than anyone,’ she said. ‘But we can’t keep doing it.’\n\n"
        "Tom Baker said the union would back members “every step of the way”. It’s the staff’s choice, he added."
    )
    direct = [q.text for q in quotes_of(text, [SMITH, BAKER]) if q.kind == "direct"]
    assert direct == ["We have protected libraries for longer than anyone,", "But we can’t keep doing it."]


@pytest.mark.parametrize(("text", "content", "kind"), [
    ("Tom Baker then wrote back, “You look cool in those glasses.”", "You look cool in those glasses.", "direct"),
    ("Tom Baker said back then that the plan would work.", "that the plan would work", "indirect"),
])
def test_quotes_back_after_a_reporting_verb_is_no_part_of_what_was_said(text: str, content: str, kind: str) -> None:
    q = only(quotes_of(text, [BAKER]), content.split()[1])
    assert (q.text, q.kind, q.speaker_name) == (content, kind, "Tom Baker")


def test_quotes_likened_to_a_quoted_phrase_is_the_speakers() -> None:
    q = only(quotes_of("Tom Baker likened the plan to “building a house on sand”.", [BAKER]), "sand")
    assert (q.text, q.speaker_name) == ("building a house on sand", "Tom Baker")


def test_quotes_a_relative_clause_of_the_last_speaker_does_not_end_the_scene() -> None:
    # '“…,” said Tom Baker, a professor, who wrote about the campaign in his book. “…”': his, the verb is his own
    text = ("“I have been watching this election like a hawk,” said Tom Baker, a professor of law, who wrote about the "
            "campaign in his book. “It has become my guilty pleasure, if I am honest about it.”")
    assert only(quotes_of(text, [BAKER]), "guilty pleasure").speaker_name == "Tom Baker"


def test_quotes_one_paragraph_in_curly_single_marks_in_a_document_of_double_ones() -> None:
    """However few the single-marked quotes, a paragraph opening with ‘ is quoted (a second source's style)."""
    text = (
        "Jane Smith said the closure was “utterly unacceptable”.\n\n"
        "“We have guest houses losing bookings,” she said. “This is a crisis.”\n\n"
        "Tom Baker said the firm was “deeply sorry” and that a part was “on its way”.\n\n"
        "‘We expect her back in service by Friday,’ Mr Baker said. ‘Until then we will charter a smaller boat.’\n\n"
        "Smith said islanders had “heard it all before”."
    )
    direct = [q for q in quotes_of(text, [SMITH, BAKER]) if q.kind == "direct" and "Baker" in (q.speaker_name or "")]
    assert [(q.text, q.speaker_name) for q in direct] == [
        ("We expect her back in service by Friday,", "Tom Baker"), ("Until then we will charter a smaller boat.", "Tom Baker")]


def test_quotes_straight_single_marks_opening_paragraphs_in_a_double_marked_document() -> None:
    """A paragraph quoted with straight single marks in a document quoting mostly with "…" (copy pasted from
    two sources): the paragraph's quotes count, a quote running on to the next paragraph included; apostrophes
    ("the staff's choice", "'90s") stay apostrophes."""
    text = (
        "Jane Smith said the decision had been \"incredibly difficult\" and \"long overdue\".\n\n"
        "'We have protected libraries for longer than anyone,' she said. 'But we can't keep doing it.\n\n"
        "'Every branch will stay open until the spring.'\n\n"
        "'A really tough decision.'\n\n"  # a section heading quoting a phrase: no quote of its own
        "\"It is the staff's choice,\" Tom Baker said. \"We back them every step of the way.\" "
        "Baker said the '90s had been worse.\n\n"
        "\"We will see,\" Baker added."
    )
    direct = [q.text for q in quotes_of(text, [SMITH, BAKER]) if q.kind == "direct"]
    assert direct == ["We have protected libraries for longer than anyone,", "But we can't keep doing it.",
                      "Every branch will stay open until the spring.", "It is the staff's choice,",
                      "We back them every step of the way.", "We will see,"]


def test_quotes_straight_and_curly_marks_in_one_document() -> None:
    text = "\"The road is closed,\" Baker said.\n\n“It will stay closed until Monday,” Baker said."
    quotes = quotes_of(text, [BAKER])
    assert [q.text for q in quotes] == ["The road is closed,", "It will stay closed until Monday,"]


def test_quotes_two_reported_clauses_in_one_sentence_are_split() -> None:
    text = (
        "Rowe said no homes had been lost by Thursday, but that several sheds had burned. "
        "She said the crews were tired, though she acknowledged the wind had helped."
    )
    quotes = quotes_of(text, [("Ann Rowe", "female", ["Rowe"])])
    assert [q.text for q in quotes] == [
        "no homes had been lost by Thursday",
        "that several sheds had burned",
        "the crews were tired",
        "the wind had helped",
    ]
    assert all(q.speaker_name == "Ann Rowe" for q in quotes)
    assert text[quotes[3].cue[0] : quotes[3].cue[1]] == "acknowledged"


def test_quotes_report_inside_a_report_is_not_split_off() -> None:
    text = "Baker said that the mayor had promised to fix the road before winter."
    quotes = quotes_of(text, [BAKER])
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("that the mayor had promised to fix the road before winter", "Tom Baker")
    ]


def test_quotes_parenthetical_attribution_and_relative_clause_speaker() -> None:
    text = (
        "Residents will have to keep boiling their water until the end of the month, town officials say, "
        "after a pump failed.\n\n"
        "On the other side is Tom Baker, who insists that the rebate is a shell game."
    )
    quotes = quotes_of(text, [BAKER])
    first = only(quotes, "boiling")
    assert first.text == "Residents will have to keep boiling their water until the end of the month"
    assert first.speaker_name == "town officials" and text[first.cue[0] : first.cue[1]] == "say"
    second = only(quotes, "shell game")
    assert second.text == "that the rebate is a shell game" and second.speaker_name == "Tom Baker"


def test_quotes_according_to_a_document_mid_sentence_and_told_a_crowd_that() -> None:
    text = (
        "Smith leads Baker by 271 delegates according to a count by the Press Association, with two states left.\n\n"
        "Baker told a crowd in Leeds on Tuesday that he would stay in the race."
    )
    quotes = quotes_of(text, [SMITH, BAKER])
    count = only(quotes, "271")
    assert count.text == "Smith leads Baker by 271 delegates"
    assert (count.speaker_name, count.speaker_kind) == ("Press Association", "document")  # who made the count
    crowd = only(quotes, "stay in the race")
    assert crowd.text == "that he would stay in the race" and crowd.speaker_name == "Tom Baker"


@pytest.mark.parametrize(("sentence", "content"), [
    ("No engineer came, she said.", "No engineer came"),  # short, but a clause with its verb
    ("Nobody came, she said.", "Nobody came"),
    ("The party announced she wasn’t coming.", "she wasn’t coming"),  # "announce" without "that"
    ("The firm announced it would cut 600 jobs.", "it would cut 600 jobs"),
    ("Smith said afterward she was proud of them.", "she was proud of them"),  # "afterward" is no content
])
def test_quotes_short_reports_and_bare_announcements(sentence: str, content: str) -> None:
    text = "Jane Smith waited all week. " + sentence
    assert [q.text for q in quotes_of(text, [SMITH]) if q.kind == "indirect"] == [content]


@pytest.mark.parametrize("sentence", ["Good luck, she said.", "The firm announced a plan.",
                                      "Smith thought it meant a promotion."])
def test_quotes_no_report_without_a_clause(sentence: str) -> None:
    text = "Jane Smith waited all week. " + sentence
    assert [q.text for q in quotes_of(text, [SMITH]) if q.kind == "indirect"] == []


def test_quotes_a_name_as_a_label_before_a_colon_speaks() -> None:
    # "What the candidates said" pieces: "Jane Smith (Liberal Democrat): “…”" had no speaker
    text = ("We asked each candidate about the bypass.\n\nJane Smith (Liberal Democrat): \u201cThe bypass is a 1990s "
            "answer to a 2020s problem.\u201d\n\nTom Baker: \u201cI will back it.\u201d\n")
    found = {q.text: q.speaker_name for q in quotes_of(text, [SMITH, BAKER])}
    assert found == {"The bypass is a 1990s answer to a 2020s problem.": "Jane Smith", "I will back it.": "Tom Baker"}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Jane Smith said the town had lost its way.\n\u201cThe town will always be the town,\u201d an angry Tom Baker "
     "retaliated.", "Tom Baker"),  # any verb after the name: his words, never carried from Smith
    ("\u201cWould it be negotiable?\u201d Baker pressed.", "Tom Baker"),
    ("At an event billed as \u201cHard Hats for Hope,\u201d Smith unveiled a plan.", None),  # no utterance of hers
])
def test_quotes_a_name_and_any_verb_after_a_quote_opening_its_sentence(text: str, speaker: str | None) -> None:
    found = [q for q in quotes_of(text, [SMITH, BAKER]) if q.kind == "direct"]
    assert [q.speaker_name for q in found] in ([speaker], [] if speaker is None else [speaker])


def test_quotes_patterns_the_subject_of_an_act_and_said_speaks_the_quote() -> None:
    # "Holt shook her head and said, “…”": the quote had had no speaker ("shook" was no verb to the subject
    # finder), and "The chair sat back and said" had given the phrase "The chair sat back and" as its speaker
    text = (
        "Joan Holt shook her head and said, “We will not be closing the library this year.”\n\n"
        "The chair sat back and said: “Nobody on this committee wants the branch to go.”\n\n"
        "Later, he laughed and simply said, “The accounts will speak for themselves.”"
    )
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert [(q.text, q.speaker_name or q.speaker_description,
             text[q.speaker_mention[0]:q.speaker_mention[1]] if q.speaker_mention else None) for q in quotes] == [
        ("We will not be closing the library this year.", "Joan Holt", "Joan Holt"),
        ("Nobody on this committee wants the branch to go.", "the chair", "The chair"),
        ("The accounts will speak for themselves.", None, "he"),
    ]


@pytest.mark.parametrize(("sentence", "mention"), [
    # "Even" is no part of a name, and a plain subject after it speaks
    ("Even Joan Holt said the library would have to close.", "Joan Holt"),
    ("Alongside the petition, even a senior Labour councillor said the library would have to close.",
     "a senior Labour councillor"),
    ("Even Ridgeway, the only ward to back the plan, said the library would have to close.", "Ridgeway"),
    # a name and those with it
    ("Joan Holt and others said the library would have to close.", "Joan Holt and others"),
    ("Joan Holt and two other councillors said the library would have to close.",
     "Joan Holt and two other councillors"),
    # a noun in "-ly" is no adverb before the verb
    ("The organiser of a rally said the library would have to close.", "The organiser of a rally"),
    ("The local weekly reported that the library would have to close.", "The local weekly"),
])
def test_quotes_patterns_even_others_and_nouns_in_ly(sentence: str, mention: str) -> None:
    q = only(quotes_of(sentence, [("Joan Holt", "female", ["Holt"])]), "library would have to close")
    assert q.speaker_mention is not None and sentence[q.speaker_mention[0]:q.speaker_mention[1]] == mention


def test_quotes_patterns_a_plain_subject_only_after_even() -> None:
    # "and even a little dread, about ..., telling": no subject of "telling"; "A Holt ally said" is not Holt
    text = ("Joan Holt has voiced frustration, and even a little dread, about the vote next month, recently telling "
            "one colleague that she was perplexed.\n\nA Holt ally said she would back the closure.")
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert not [q for q in quotes if q.speaker_mention and "dread" in text[q.speaker_mention[0]:q.speaker_mention[1]]]
    ally = only(quotes, "back the closure")
    assert ally.speaker_name != "Joan Holt" and ally.speaker is None


def test_quotes_patterns_how_something_was_said_is_no_part_of_it() -> None:
    # "said firmly ... that": the manner had ended the search for a reported clause; "said quietly, “…”" had
    # left the quote without its speaker
    text = ("Joan Holt said firmly at Tuesday's meeting that the library would stay open.\n\n"
            "Asked about the budget, she said quietly, “We will find the money somewhere.”")
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("that the library would stay open", "Joan Holt"),
        ("We will find the money somewhere.", "Joan Holt"),
    ]


@pytest.mark.parametrize(("text", "content", "mention"), [
    # "But, according to ...": a linking word before the attribution is no content of its own
    ("But, according to the council's own survey, 46 per cent of tenants remain without heating.",
     "46 per cent of tenants remain without heating", "the council's own survey"),
    # the list of sources runs on past its first comma
    ("But according to interviews with a dozen of Holt's friends, aides and allies, she wants to stand again "
     "next year.", "she wants to stand again next year", "interviews with a dozen of Holt's friends"),
    # a hearer named with "of"
    ("Joan Holt told The Echo of Ridgeway last week she would rather resign than cut the library.",
     "she would rather resign than cut the library", "Joan Holt"),
    # what happened days after she spoke is the main clause, and the subject is who spoke, not the news item
    ("A few weeks after Holt announced that the library would stay open, the council cut its budget.",
     "that the library would stay open", "Holt"),
    ("The vote comes just three days after Holt told The Echo she was \u201cnot ready\u201d to back the cuts.",
     "she was \u201cnot ready\u201d to back the cuts", "Holt"),
])
def test_quotes_patterns_sources_hearers_and_times_around_a_report(text: str, content: str, mention: str) -> None:
    _report_is(text, content, mention)


@pytest.mark.parametrize(("text", "content", "mention"), [
    ("The firm worked for a charity in Leeds, Yorkshire, that police said was suspected of laundering money.",
     "was suspected of laundering money", "police"),
    ("The council announced parking changes, which officials said will come into force in April.",
     "will come into force in April", "officials"),
    ("Joan Holt spoke about the library vote, which she has repeatedly said was a mistake.", "was a mistake", "she"),
    ("Shops have adapted to what many traders said is a collapse in footfall.", "is a collapse in footfall",
     "many traders"),
    # the report ends with the relative clause, or at a dash
    ("The donor list, which the campaign says has 2,700 names, is another asset.", "has 2,700 names", "the campaign"),
    ("She works the kind of job that many economists say is the future - she tests blood samples.", "is the future",
     "many economists"),
])
def test_quotes_patterns_a_report_inside_a_relative_clause(text: str, content: str, mention: str) -> None:
    _report_is(text, content, mention)


def test_quotes_patterns_a_subject_and_its_relative_clause_are_no_inverted_report() -> None:
    # "The audit, which the mayor ordered in May, confirmed the scale of ...": the audit is no content and "the
    # scale of the overspend" no speaker; "The council will close the pool, which opened in 1972, said the mayor." is
    text = ("The audit, which the mayor ordered in May, confirmed the scale of the overspend.\n\n"
            "The council will close the pool, which opened in 1972, said the mayor.")
    quotes = quotes_of(text)
    assert not [q for q in quotes if q.speaker_description == "the scale of the overspend"]
    pool = only(quotes, "close the pool")
    assert pool.text == "The council will close the pool, which opened in 1972" and pool.speaker_description == "the mayor"


@pytest.mark.parametrize(("text", "content", "mention"), [
    ("Early polls show Joan Holt comfortably ahead in Ridgeway.", "Joan Holt comfortably ahead in Ridgeway",
     "Early polls"),
    ("A survey released on Monday by the Echo shows most tenants back the rent cap.", "most tenants back the rent cap",
     "A survey released on Monday by the Echo"),
    ("The firm gave $5,000 to the campaign in June, campaign finance records show.",
     "The firm gave $5,000 to the campaign in June", "campaign finance records"),
    ("Council figures suggest that spending rose by 64 per cent in two years.",
     "that spending rose by 64 per cent in two years", "Council figures"),  # figures, with a capital
    ("Emails obtained by the Echo reveal that the leader knew in March.", "that the leader knew in March",
     "Emails obtained by the Echo"),  # who obtained them is part of the documents' phrase
    ("Documents released under the Freedom of Information Act reveal that the trust was warned.",
     "that the trust was warned", "Documents released under the Freedom of Information Act"),
])
def test_quotes_patterns_documents_show_what_they_report(text: str, content: str, mention: str) -> None:
    _report_is(text, content, mention)


def test_quotes_patterns_people_and_shows_show_nothing_reported() -> None:
    # only documents and figures "show" what they report; a TV show is a noun; "Holt also said ..., the footage
    # showed." stays Holt's
    text = ("With each vote, the Conservatives show how divided they are on the rent cap.\n\n"
            "“It's too early to tell,” said Joan Holt, who also hosts the TV show \"Ridgeway Tonight.\" \"I mean, "
            "depending on what happens with the budget, anything is possible.\"\n\n"
            "Holt also said the videos do not show whether the tenant was inside when the bailiffs arrived, the "
            "footage showed.")
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert not [q for q in quotes if q.text.startswith("how divided")]
    assert not [q for q in quotes if q.speaker_description == "the footage"]
    assert only(quotes, "anything is possible").speaker_name == "Joan Holt"


@pytest.mark.parametrize(("text", "expected"), [
    # "was (widely) reported": an impersonal passive has no speaker; "is (suddenly) promising": no passive at all
    ("The price was not disclosed, though it was widely reported that the council paid $1 million.", []),
    ("Joan Holt is suddenly promising that the library will stay open.",
     [("that the library will stay open", "Joan Holt")]),
    ("Joan Holt is arguing that the library should stay open.", [("that the library should stay open", "Joan Holt")]),
])
def test_quotes_patterns_passives_and_progressives(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.speaker_name) for q in quotes_of(text, [("Joan Holt", "female", ["Holt"])])] == expected


def test_quotes_patterns_a_second_report_is_no_part_of_the_first() -> None:
    # "..., and human rights groups warned that ...": the groups' warning had been Obama's words; when the second
    # subject is not understood ("tenants' rights campaigners"), the first report still ends before it
    text = ("Joan Holt insisted that the library's reforms were complete, and human rights groups warned that "
            "the council was giving up its leverage.\n\n"
            "Joan Holt insisted that the budget was balanced, and tenants' rights campaigners warned that the "
            "reserves were running out.")
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert [(q.text, q.speaker_name or q.speaker_description) for q in quotes] == [
        ("that the library's reforms were complete", "Joan Holt"),
        ("that the council was giving up its leverage", "human rights groups"),
        ("that the budget was balanced", "Joan Holt"),
    ]


def test_quotes_patterns_a_participle_and_a_relative_pronoun_are_no_part_of_the_speaker() -> None:
    text = ("Holt attacked the plan, echoing some Ridgeway landlords who have argued that the rent cap will empty "
            "the town.")
    q = only(quotes_of(text, [("Joan Holt", "female", ["Holt"])]), "empty the town")
    assert q.speaker_mention is not None and text[q.speaker_mention[0]:q.speaker_mention[1]] == "some Ridgeway landlords"


@pytest.mark.parametrize("text", [
    "Work on the flood scheme has been pushed back to next spring, councillors were told on Wednesday.",
    "The flood scheme, the committee was told, will cost more than four million pounds.",
])
def test_quotes_patterns_those_who_were_told_are_no_speakers(text: str) -> None:
    assert quotes_of(text) == []


def test_quotes_patterns_a_spokesperson_for_a_department_with_commas_in_its_name() -> None:
    text = ("A spokesperson for the Department for Environment, Food and Rural Affairs said the government was "
            "investing in flood defences.")
    q = only(quotes_of(text), "investing in flood defences")
    assert q.speaker_mention is not None
    assert text[q.speaker_mention[0]:q.speaker_mention[1]].endswith("Environment, Food and Rural Affairs")


@pytest.mark.parametrize(("text", "content", "mention"), [
    # an apposition between dashes
    ("Joan Holt — a teacher from Ridgeway — says she made a last-minute decision to stand.",
     "she made a last-minute decision to stand", "Joan Holt"),
    ("Joan Holt - who previously said she would never stand - said at a rally on Saturday that she would run.",
     "that she would run", "Joan Holt"),
    # "states" as a noun right after the verb, a share in words, a count of people
    ("Joan Holt said states like Ontario and Manitoba will follow.", "states like Ontario and Manitoba will follow",
     "Joan Holt"),
    ("The budget office said about half of the overspend came from the pool.",
     "about half of the overspend came from the pool", "The budget office"),
    ("Some 1,409 teachers said they wanted the strike to go ahead.", "they wanted the strike to go ahead",
     "Some 1,409 teachers"),
])
def test_quotes_patterns_dashes_nouns_and_counts(text: str, content: str, mention: str) -> None:
    _report_is(text, content, mention)


@pytest.mark.parametrize("text", [
    # what they found, not a finding reported; a verb of things "adding" a thing; counted states
    "As costs rose, councillors — stung by the audit — have found their voice on the budget again.",
    "But the rules of the council — specifically Rule 40 — adds another hurdle to the plan.",
    "The council will face the EPA in court, along with 18 states, two unions and a trade body.",
])
def test_quotes_patterns_no_report_in_objects_and_counted_states(text: str) -> None:
    assert quotes_of(text) == []


@pytest.mark.parametrize("text", [
    "Joan Holt said the vote was won. Later she took the stage to “Eye of the Tiger.”",
    "Joan Holt said the vote was won. She handed out copies of her book, “The Art of the Deal.”",
])
def test_quotes_patterns_a_title_with_its_full_stop_inside_the_marks_is_nobodys_words(text: str) -> None:
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert [q.text for q in quotes] == ["the vote was won"]


def test_quotes_patterns_they_in_a_relative_report_names_nobody() -> None:
    # "rivals have called for her to be prosecuted for what they say was ...": the rivals or anyone before; the
    # plural pronoun had gone to the last body that spoke ("a State Department spokesman")
    text = ("The emails were withheld, according to a council spokesman.\n\n"
            "Her rivals have called for Holt to resign over what they say was her mishandling of the budget.")
    quotes = quotes_of(text, [("Joan Holt", "female", ["Holt"])])
    assert not [q for q in quotes if "mishandling" in q.text]


@pytest.mark.parametrize(("text", "content", "mention"), [
    ("Kall -- co-editor of a book on the council's debates -- said the leader tended to announce policy there.",
     "the leader tended to announce policy there", "Kall"),
    ("Other advisers to the mayor said the council should default on the loan.",
     "the council should default on the loan", "Other advisers to the mayor"),
    ("The family watched the footage on Thursday, attorneys for the family said.",
     "The family watched the footage on Thursday", "attorneys for the family"),
    ("Nearly eight of 10 residents say they plan to vote.", "they plan to vote", "Nearly eight of 10 residents"),
    ("Joan Holt says at a campaign stop in Kingston, Ontario, that the rink will reopen.", "that the rink will reopen",
     "Joan Holt"),
    ("Joan Holt says too much is made of the mayor's tweets.", "too much is made of the mayor's tweets", "Joan Holt"),
])
def test_quotes_patterns_hyphenated_asides_advisers_to_shares_of_and_places_with_commas(
        text: str, content: str, mention: str) -> None:
    _report_is(text, content, mention)


@pytest.mark.parametrize(("text", "content", "mention"), [
    ("Democratic and Liberal councillors said the rink would close.", "the rink would close",
     "Democratic and Liberal councillors"),
    ("Current and former officials said the rink would close.", "the rink would close", "Current and former officials"),
    ("Tenants and landlords in Ridgeway say the rent cap has failed.", "the rent cap has failed",
     "Tenants and landlords in Ridgeway"),
])
def test_quotes_patterns_coordinated_group_words(text: str, content: str, mention: str) -> None:
    _report_is(text, content, mention)
