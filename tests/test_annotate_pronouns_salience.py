"""Pronoun speakers: agreement and salience, never a byline or photo credit, empty when two people fit."""

from __future__ import annotations

import pytest

from storyline.annotate.pronouns import resolve_pronoun
from storyline.annotate.speaker_scene import Scene
from storyline.model import Block, Entity, Mention, Quote

from .annotated_text import annotated, quote_with

LIBRARY = (
    "Library closure row deepens\n\n"
    "By Sarah Mitchell\n\n"
    "Photograph: Rachel Dunn\n\n"
    "Tom Baker, who chairs the Friends of Eastgate Library, said the closure would hit children hardest.\n\n"
    "“The nearest branch is two buses away,” he said.\n\n"
    "Ms Priya Anand, a councillor for the ward, backed the campaign. She said the council had not consulted anyone.\n\n"
    "“We found out from a notice on the door,” she said.\n\n"
    "Karen Hughes and Linda Reyes run the reading group on Tuesdays. She said the group would move to the church hall.\n\n"
    "Chris Wade, the council’s head of libraries, defended the decision. Mr Wade said the building needed "
    "£400,000 of repairs.\n\n"
    "“It was not a decision anyone wanted to take,” she said.\n\n"
    "David Moss met Peter Lang at the library on Friday. He said the petition had 3,000 names.\n\n"
    "Helen Ford, a retired teacher, also spoke. “Children need somewhere warm to read,” she said.\n"
)


@pytest.mark.parametrize(("words", "span", "speaker"), [
    ("nearest branch", "The nearest branch is two buses away,", "Tom Baker"),  # the last speaker, his gender
    ("not consulted", "the council had not consulted anyone", "Priya Anand"),  # "Ms": female; the byline is not hers
    ("notice on the door", "We found out from a notice on the door,", "Priya Anand"),  # the chain goes on
    ("somewhere warm", "Children need somewhere warm to read,", "Helen Ford"),  # a newcomer with a quote of her own
])
def test_pronouns_salience_resolves_the_compatible_speaker(words: str, span: str, speaker: str) -> None:
    _, ann = annotated(LIBRARY)
    q = quote_with(ann, words)
    assert (q.text, q.speaker_name, q.speaker_kind, q.stance) == (span, speaker, "person", "asserts")
    assert 0.5 <= q.confidence < 0.9


@pytest.mark.parametrize(("words", "span"), [
    ("church hall", "the group would move to the church hall"),  # two women in one paragraph: either could be "she"
    ("anyone wanted", "It was not a decision anyone wanted to take,"),  # "she" would land on Mr Wade: nobody
    ("3,000 names", "the petition had 3,000 names"),  # two men, both fit
])
def test_pronouns_salience_leaves_the_speaker_empty_when_unsure(words: str, span: str) -> None:
    doc, ann = annotated(LIBRARY)
    q = quote_with(ann, words)
    assert q.text == span
    assert (q.speaker, q.speaker_name, q.speaker_kind) == (None, None, None)
    assert q.speaker_mention is not None and doc.text[q.speaker_mention[0] : q.speaker_mention[1]].lower() in ("she", "he")


def test_pronouns_salience_never_the_byline_author_or_photographer() -> None:
    text = (
        "Ferry timetable cut again\n\n"
        "By Sarah Mitchell\n\n"
        "Photograph: Rachel Dunn\n\n"
        "The winter timetable has been cut for the third year running.\n\n"
        "“Nobody asked the people who actually use the boat,” she said.\n"
    )
    doc, ann = annotated(text)
    q = quote_with(ann, "Nobody asked")
    assert (q.speaker, q.speaker_name) == (None, None)
    assert {e.name for e in ann.entities if e.type == "person"} >= {"Sarah Mitchell"}


def test_pronouns_salience_gender_from_a_role_noun() -> None:
    text = (
        "Pool reopens\n\n"
        "Jordan Ellis, a spokeswoman for the leisure trust, confirmed the date. Samuel Okafor, who swims there daily, "
        "was pleased.\n\n"
        "“We expect queues on the first morning,” she said.\n"
    )
    _, ann = annotated(text)
    q = quote_with(ann, "queues")
    assert (q.speaker_name, q.speaker_kind) == ("Jordan Ellis", "person")  # "Jordan" could be anyone; "spokeswoman"
    assert [q.text for q in ann.quotes] == ["We expect queues on the first morning,"]


def test_pronouns_salience_scene_change_blocks_earlier_people() -> None:
    blocks = [Block("paragraph", 0, 120)]
    text = ("Jane Smith spoke first. “It will work,” said Tom Baker. “We checked,” she said. " + " " * 40)[:120]
    entities = [Entity("e1", "person", "Jane Smith", gender="female"), Entity("e2", "person", "Tom Baker", gender="male")]
    mentions = [Mention(0, 10, "Jane Smith", "person", "e1"), Mention(44, 53, "Tom Baker", "person", "e2")]
    tom_quote = Quote("q1", 25, 37, "It will work", speaker="e2", speaker_name="Tom Baker", speaker_mention=(44, 53))
    scene = Scene(text, blocks, mentions, entities, [(24, 38), (55, 66)], history=[tom_quote])
    res = resolve_pronoun(scene, "female", text.index("she"))
    assert res.speaker is None  # Jane Smith was named before another person's quote: a new scene


def test_pronouns_salience_minister_in_her_letter_is_not_the_mayor() -> None:
    text = (
        "Minister sends in commissioners\n\n"
        "The mayor, Jane Oduya, had asked for more time.\n\n"
        "In her letter to the council's interim chief executive, Margaret Ellery, the housing minister, Meera "
        "Banerjee, said she had used her powers to appoint two commissioners. She wrote that the council had "
        "failed to get a grip on the backlog.\n"
    )
    doc, ann = annotated(text)
    powers = quote_with(ann, "her powers")
    assert (powers.text, powers.speaker_name) == ("she had used her powers to appoint two commissioners",
                                                  "Meera Banerjee")
    grip = quote_with(ann, "get a grip")
    assert (grip.text, grip.speaker_name, grip.cue_verb) == (
        "that the council had failed to get a grip on the backlog", "Meera Banerjee", "write")


def test_pronouns_gender_learned_from_a_pronoun_already_resolved() -> None:
    """Nothing tells Lise's gender but "She said" resolved to her; a later "He" is then not her (it had been,
    when the man it meant was never named)."""
    text = (
        "Bus route to be cut\n\n"
        "“It is the only way to get to the clinic,” said Lise Charbonneau, 79, who has lived in Aylmer for 50 years. "
        "She said she no longer drives because of her eyesight.\n\n"
        "Her neighbour started a petition. He told Radio-Canada the STO had not held a public meeting.\n"
    )
    _, ann = annotated(text)
    assert quote_with(ann, "no longer drives").speaker_name == "Lise Charbonneau"
    assert quote_with(ann, "public meeting").speaker_name is None


def test_relative_named_in_apposition_is_not_taken_for_the_speaker_of_the_same_surname() -> None:
    """"her son, Humayun Khan": "Ms. Khan" who speaks is the mother, whom the text never names in full."""
    text = (
        "Parents answer Trump\n\n"
        "Ms. Khan said she had not spoken because she could not talk about her son, Humayun Khan.\n\n"
        "“I am a Gold Star mother,” Ms. Khan wrote.\n"
    )
    _, ann = annotated(text)
    q = quote_with(ann, "Gold Star")
    assert q.speaker_name != "Humayun Khan"


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # "Courtney", "Lindsay", "Hilary", "Ashley" are given names of men too: "he" may be Courtney Walcott
    ("Coun. Dan McLean brought the motion. Coun. Courtney Walcott called the decision “a gift to no one.”\n\n"
     "“We are in a housing crisis, and we just voted to make it harder to build homes,” he said.",
     "housing crisis", "Courtney Walcott"),
    # a couple after a preposition is nobody's subject: "he" stays with the man who said the sentence before
    ("Khizr Khan said the mayor had shown disrespect to his wife.\n\n“He does not know what the word sacrifice "
     "means,” Mr. Khan said.\n\nSenator Tom Graham said on Sunday that the mayor had crossed another line. Like his "
     "comments about the judge, Mr. Graham said, the mayor's jabs at Mr. and Mrs. Khan were entirely unacceptable. "
     "“This is going to a place where we have never gone before,” he said.", "never gone before", "Tom Graham"),
    ("Don Fowler, a former party chairman, recalled his first meeting in 1972, when he supported a decision to "
     "replace the running mate.\n\nThough that transition was relatively seamless, he said, replacing the nominee "
     "would be much more acrimonious and could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders. "
     "That is why, he argued, the party should be prepared.\n\n“This is a different time,” he said.",
     "different time", "Don Fowler"),
    # one of two people joined as the subject, and the only one the pronoun fits, takes it
    ("Helen Ford and Tom Baker met the residents on Monday. “We will not let this library close,” she said.",
     "library close", "Helen Ford"),
])
def test_pronouns_salience_people_joined_by_and(text: str, words: str, speaker: str) -> None:
    _, ann = annotated("Council news\n\n" + text + "\n")
    assert quote_with(ann, words).speaker_name == speaker


def test_pronouns_salience_the_mother_of_one_of_the_victims() -> None:
    """ "The mother of one of the victims read a victim impact statement. '…,' she said": someone new, described,
    not the judge named before her."""
    text = ("Sentencing hearing\n\nThe judge, Janet McCreary, heard the case on Tuesday.\n\nThe mother of one of the "
            "victims read a victim impact statement. “I will never hear him laugh again,” she said.\n")
    _, ann = annotated(text)
    q = quote_with(ann, "laugh again")
    assert (q.speaker_name, q.speaker_kind, q.speaker_description) == (
        None, "description", "The mother of one of the victims")


@pytest.mark.parametrize(("text", "words"), [
    # a surname that is also a place's name (Austin, Bolton, Israel, Jordan, Paris): the person, when they speak
    ("Coun. Sam Austin raised the ferry delays.\n\n“People have built their lives around that ferry,” Austin said "
     "Tuesday.", "built their lives"),
    ("Coun. Sam Austin raised the ferry delays.\n\nAustin, who represents Dartmouth Centre, said he would ask for "
     "a staff report.", "staff report"),
])
def test_pronouns_salience_a_surname_that_names_a_place(text: str, words: str) -> None:
    _, ann = annotated("Ferry delays\n\n" + text + "\n")
    assert quote_with(ann, words).speaker_name == "Sam Austin"
    assert "Austin" not in {e.name for e in ann.entities if e.type == "place"}


def test_pronouns_salience_a_surname_that_names_a_company() -> None:
    # "Crown attorney Melissa Ford ... '…,' Ford said": the prosecutor, not the carmaker
    text = "Trial\n\nCrown attorney Melissa Ford opened the case.\n\n\"He knew what he had done,\" Ford said.\n"
    _, ann = annotated(text)
    q = quote_with(ann, "what he had done")
    assert (q.speaker_name, q.speaker_kind) == ("Melissa Ford", "person")
    assert "Ford" not in {e.name for e in ann.entities if e.type == "organisation"}
    # but the company speaking of itself stays the company ("Ford said its recall ...")
    text = "Recall\n\nCrown attorney Melissa Ford opened the case. Ford said its recall would cover 9,000 cars.\n"
    _, ann = annotated(text)
    assert quote_with(ann, "recall would cover").speaker_name != "Melissa Ford"


def test_pronouns_salience_the_one_person_named_in_the_pronouns_paragraph() -> None:
    """Someone named in the paragraph before and one person named as a subject in the pronoun's own paragraph:
    the pronoun is the latter's ("Mr Pryce did not respond. / ... Owen Maddox, has written to the minister. He
    said ..."); two people in the pronoun's paragraph still leave it empty."""
    text = ("Mr Pryce did not respond to requests for comment.\n\nThe Labour MP for Castlewick North, Owen Maddox, has "
            "written to the minister. He said the mayor should “stop taking credit for other people’s decisions”.\n")
    _, ann = annotated("Who decided\n\n" + text)
    assert quote_with(ann, "taking credit").speaker_name == "Owen Maddox"
    text = "Mr Pryce did not respond.\n\nDavid Moss and Peter Lang met on Monday. He said the deal was done.\n"
    _, ann = annotated("Who decided\n\n" + text)
    assert quote_with(ann, "deal was done").speaker_name is None


def test_pronouns_salience_a_letter_goes_on() -> None:
    """ "In her letter ..., the minister, Rosalind Ferrier, described ... In it she said ... / It went on: '…'": the
    letter goes on, so its author speaks."""
    text = ("Minister forced the takeover\nThe decision to bring in an outside trust to run children's services in "
            "Castlewick was forced on the council by a government minister months before the mayor claimed the "
            "credit for it.\nIn her letter to the chief executive, the minister, Rosalind Ferrier, described the "
            "findings as “among the most serious I have read”. In it she said the direction was not a decision “that "
            "the council invited”.\nIt went on: “When we met, the mayor asked for a further six months to deliver "
            "improvement.”\n")
    _, ann = annotated(text)
    assert quote_with(ann, "further six months").speaker_name == "Rosalind Ferrier"


def test_pronoun_after_a_speaker_we_could_not_name_goes_to_nobody() -> None:
    # "Barraclough" is named only by his surname and is no entity: "He said ..." after him had gone to Haworth
    text = ("Library row\n\nLabour's Peter Haworth accused the administration of cuts. He said the library had "
            "14,000 visits last year.\n\nBarraclough, the cabinet member for resources, said the council had no "
            "choice. He said the building needed £600,000 of repairs.\n\n"
            "\"I didn't come into politics to close libraries,\" he said.\n")
    _, ann = annotated(text)
    assert quote_with(ann, "14,000 visits").speaker_name == "Peter Haworth"
    assert quote_with(ann, "£600,000").speaker_name is None
    assert quote_with(ann, "close libraries").speaker_name is None


BINS = (
    "Bin collections row\n\n"
    "Council leader Helen Marsh said the change would save £1.2 million a year. Her deputy, Cllr Gareth Pryce, said "
    "residents had not been consulted.\n\n"
    "“I understand people are worried,” she said at the meeting.\n\n"
    "Council leader Helen Marsh said the change would save money. Sam Ellis, a resident, agreed. Cllr Gareth Pryce "
    "said residents had not been consulted.\n\n"
    "“Nobody wants rats in the street,” she said.\n\n"
    "Council leader Helen Marsh said the change would save money. Cllr Gareth Pryce said residents had not been "
    "consulted. His wife, who runs a nursery, walked out.\n\n"
    "“We were never asked,” she said.\n"
)


@pytest.mark.parametrize(("words", "speaker"), [
    # across a man's quote, the only woman who spoke in the window (the scene had ended at Pryce's quote)
    ("people are worried", "Helen Marsh"),
    # not when someone of unknown gender is named there ("Sam Ellis"), nor when a woman is described ("His wife")
    ("rats in the street", None),
    ("never asked", None),
])
def test_pronouns_salience_the_only_one_of_the_gender_across_another_speaker(words: str, speaker: str | None) -> None:
    _, ann = annotated(BINS)
    assert quote_with(ann, words).speaker_name == speaker


EXCHANGE = (
    "Library row\n\n"
    "Cllr Robert Hume said the saving was a mirage.\n\n"
    "“Councillor Hume was happy to vote for the budget,” Cllr Anita Desai said.\n\n"
    "“I voted for a budget, not for this,” he replied.\n\n"
    "Cllr Robert Hume said the saving was a mirage. Tom Baker, a resident, agreed.\n\n"
    "“He was happy to vote for the budget,” Cllr Anita Desai said.\n\n"
    "“I voted for a budget, not for that,” he replied.\n\n"
    "Cllr Robert Hume said the saving was a mirage.\n\n"
    "“Libraries matter,” Cllr Anita Desai said.\n\n"
    "A former miner, Dunmore had no formal training. He told the Gazette that he taught himself to code.\n"
)


@pytest.mark.parametrize(("words", "speaker"), [
    ("not for this", "Robert Hume"),  # he spoke in the paragraph before hers: the only man in reach
    ("not for that", None),  # another man is named there: either could reply
    ("taught himself", None),  # someone named since her paragraph (unknown to us): never Hume
])
def test_pronouns_salience_a_reply_across_the_other_speakers_paragraph(words: str, speaker: str | None) -> None:
    _, ann = annotated(EXCHANGE)
    assert quote_with(ann, words).speaker_name == speaker


def test_pronouns_salience_after_a_name_of_a_body_nobody_knows() -> None:
    """ "One pastor, Darran Whiting of Liberty Baptist Church in Marion, said ...": a person (not the church); the
    "he" after him is his, or nobody's when the entities do not know him, never the man named before him."""
    text = ("Caucus\n\n\"He was very effective,\" said Eric Woolson, who ran Mike Huckabee's campaign.\n\n"
            "One pastor supporting the senator, Darran Whiting of Liberty Baptist Church in Marion, said he had made "
            "150 phone calls. He said pastors were tired of waiting.\n")
    _, ann = annotated(text)
    q = quote_with(ann, "150 phone calls")
    assert (q.speaker_name, q.speaker_kind) == ("Darran Whiting", "person")
    assert quote_with(ann, "tired of waiting").speaker_name in ("Darran Whiting", None)


def test_pronouns_salience_an_unknown_full_name_of_a_body_blocks_earlier_people() -> None:
    # a speaker named in full ("Darran Whiting of ...") whom the entities do not know: "he" may well be him, so
    # it goes to nobody rather than to Tom Baker, named before
    text = "Tom Baker spoke first. Darran Whiting of Liberty Church said it was late. He said it was over."
    blocks = [Block("paragraph", 0, len(text))]
    entities = [Entity("e1", "person", "Tom Baker", gender="male")]
    mentions = [Mention(0, 9, "Tom Baker", "person", "e1")]
    start = text.index("Darran")
    whiting = Quote("q1", text.index("it was late"), text.index(" He") - 1, "it was late", speaker=None,
                    speaker_name="Darran Whiting", speaker_mention=(start, text.index(" said")),
                    speaker_kind="person")
    scene = Scene(text, blocks, mentions, entities, [], history=[whiting])
    assert resolve_pronoun(scene, "male", text.index("He said")).speaker is None
