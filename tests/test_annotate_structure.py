"""Blocks and sentences: kinds, exact offsets, abbreviations, quotes that close sentences."""

from __future__ import annotations

import pytest

from storyline.annotate.structure import block_kind, segment, split_sentences

ARTICLE = (
    "Harbour plan ‘in tatters’ after vote\n"
    "By Helen Marsh, Local Democracy Reporter\n"
    "Tuesday 4 March 2025\n"
    "\n"
    "Councillors in Eastmere voted down the harbour plan on Monday night. Cllr. Ruth Adeyemi said it "
    "had been rushed.\n"
    "\n"
    "Photo: The harbour at low tide | Credit: Eastmere Council\n"
    "\n"
    "What happens now\n"
    "\n"
    "Mr. Daniel Okafor, the interim chief executive, said the £4.5m scheme was “not dead yet.” "
    "He will report back on Oct. 14 at 10 a.m. in the council chamber.\n"
)


def _texts(text: str) -> list[str]:
    _, sentences = segment(text)
    return [text[s.start : s.end] for s in sentences]


def test_structure_block_kinds() -> None:
    blocks, _ = segment(ARTICLE)
    assert [b.kind for b in blocks] == [
        "headline", "byline", "dateline", "paragraph", "caption", "subheading", "paragraph",
    ]
    assert ARTICLE[blocks[0].start : blocks[0].end] == "Harbour plan ‘in tatters’ after vote"
    assert ARTICLE[blocks[1].start : blocks[1].end] == "By Helen Marsh, Local Democracy Reporter"


def test_structure_sentences_exact_offsets() -> None:
    _blocks, sentences = segment(ARTICLE)
    texts = [ARTICLE[s.start : s.end] for s in sentences]
    assert texts[3] == "Councillors in Eastmere voted down the harbour plan on Monday night."
    assert texts[4] == "Cllr. Ruth Adeyemi said it had been rushed."
    assert texts[-2] == "Mr. Daniel Okafor, the interim chief executive, said the £4.5m scheme was “not dead yet.”"
    assert texts[-1] == "He will report back on Oct. 14 at 10 a.m. in the council chamber."
    start = ARTICLE.index("Cllr. Ruth")
    assert (sentences[4].start, sentences[4].end) == (start, start + len(texts[4]))


def test_structure_sentence_never_crosses_block() -> None:
    blocks, sentences = segment(ARTICLE)
    for s in sentences:
        block = blocks[s.block]
        assert block.start <= s.start < s.end <= block.end


def test_structure_headline_and_caption_are_single_sentences() -> None:
    text = "Mayor quits. Council stunned\n\nPictured: Mayor Dan Wright. He left on Friday.\n\nHe resigned."
    blocks, sentences = segment(text)
    assert [b.kind for b in blocks] == ["headline", "caption", "paragraph"]
    assert [s.block for s in sentences] == [0, 1, 2]


def test_structure_abbreviations_and_initials() -> None:
    text = "J. K. Morgan met Dr. Lee and Mrs. Patel at St. Mary's. They talked until 9 p.m. Nothing was agreed."
    assert _texts(text) == [
        "J. K. Morgan met Dr. Lee and Mrs. Patel at St. Mary's.",
        "They talked until 9 p.m.",
        "Nothing was agreed.",
    ]


def test_structure_us_style_abbreviations() -> None:
    text = ("The U.S. Department of Transportation wrote to Gov. Alvarez on Jan. 9. "
            "No. 10 has not said, e.g. through a spokesman, what it thinks. The figure was 3.75 per cent.")
    assert _texts(text) == [
        "The U.S. Department of Transportation wrote to Gov. Alvarez on Jan. 9.",
        "No. 10 has not said, e.g. through a spokesman, what it thinks.",
        "The figure was 3.75 per cent.",
    ]


def test_structure_no_and_art_end_a_sentence_unless_a_number_follows() -> None:
    text = ("Vasquez and Varwig voted no. Varwig said parents needed help. She studied art. "
            "Art. 5 and No. 10 and Nos. 3 were cited.")
    assert _texts(text) == [
        "Vasquez and Varwig voted no.",
        "Varwig said parents needed help.",
        "She studied art.",
        "Art. 5 and No. 10 and Nos. 3 were cited.",
    ]


def test_structure_a_dash_after_a_dotted_abbreviation_goes_on() -> None:
    assert _texts("HALIFAX, N.S. — The province will cut the fee. It said so.") == [
        "HALIFAX, N.S. — The province will cut the fee.", "It said so."]


def test_structure_quotes_that_close_sentences() -> None:
    text = ("She said: 'We will fight this.' The leader disagreed. \"Is that fair?\" he asked. "
            "“Why now?” Ms Shah asked. ‘Nobody knew?’ That was the question.")
    assert _texts(text) == [
        "She said: 'We will fight this.'",
        "The leader disagreed.",
        "\"Is that fair?\" he asked.",
        "“Why now?” Ms Shah asked.",
        "‘Nobody knew?’",
        "That was the question.",
    ]


def test_structure_ellipsis() -> None:
    text = "It was ... difficult, he said. We waited… Then the vote came."
    assert _texts(text) == ["It was ... difficult, he said.", "We waited…", "Then the vote came."]


def test_structure_hard_wrapped_paragraph_is_one_block() -> None:
    text = (
        "The committee heard that the transport budget had been overspent for a\n"
        "third year running, and that officers had warned members in the spring\n"
        "that a review was needed.\n"
        "\n"
        "The review begins next week."
    )
    blocks, sentences = segment(text)
    assert [b.kind for b in blocks] == ["paragraph", "paragraph"]
    assert text[sentences[0].start : sentences[0].end].endswith("review was needed.")


def test_structure_single_newline_units() -> None:
    text = "Bus contract scrapped\nMayor Dan Wright said on Tuesday that the city would end the contract with Acme Transit Inc. after an audit found missed routes, and that a new tender would follow.\nCaption: Buses at the depot (Image: City of Port Ellison)"
    blocks, _ = segment(text)
    assert [b.kind for b in blocks] == ["headline", "paragraph", "caption"]


def test_structure_block_kind_rules() -> None:
    assert block_kind("Jane Doe, Political Correspondent") == "byline"
    assert block_kind("(Image: Harbor County Times)") == "caption"
    assert block_kind("September 13, 2024") == "dateline"
    assert block_kind("The vote was lost.") == "paragraph"
    assert block_kind("Why it matters") == "subheading"
    assert block_kind("## Background") == "subheading"


def test_structure_split_sentences_offsets_into_text() -> None:
    text = "xx  One. Two!  yy"
    assert split_sentences(text, 4, 13) == [(4, 8), (9, 13)]


def test_structure_markdown_byline_and_caption() -> None:
    text = ("# Ferry fares to rise\n\n"
            "*Harbour Gazette · By Nadia Quist · April 2, 2025*\n\n"
            "*Photo: The ferry at the pier. | Nadia Quist/Harbour Gazette*\n\n"
            "Fares will rise by 12 per cent from May.")
    blocks, _ = segment(text)
    assert [b.kind for b in blocks] == ["headline", "byline", "caption", "paragraph"]


@pytest.mark.parametrize("line", [
    'Outside the courthouse, Roy told reporters the sentence sent "a clear message."',  # had been a byline
    "Chris Smith, who told reporters the plan was dead.",
])
def test_a_sentence_naming_reporters_is_no_byline(line: str) -> None:
    blocks, _ = segment("Court\n\nThe Crown sought eight years.\n\n" + line + "\n")
    assert [b.kind for b in blocks] == ["headline", "paragraph", "paragraph"]


@pytest.mark.parametrize("line", ["Jane Doe, Political Correspondent", "Harriet Quayle, Local Democracy Reporter",
                                  "JANE DOE, STAFF REPORTER", "Tom Hale, Editor, The Gazette"])
def test_bylines_with_a_role(line: str) -> None:
    blocks, _ = segment("Ferry fares rise\n\n" + line + "\n\nFares will rise by 4% in April, the operator said.\n")
    assert [b.kind for b in blocks] == ["headline", "byline", "paragraph"]
