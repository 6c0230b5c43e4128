"""Speakers that are not named people: groups, bodies and people described, documents (full pipeline)."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

WATER = (
    "Water bills to rise as storm repairs mount\n\n"
    "Eastmere Water will raise bills by 9 per cent from April after storm damage to two treatment works.\n\n"
    "The utility said the increase would pay for £40m of repairs.\n\n"
    "Residents said they had not been warned. Council chiefs have said the rise is “unavoidable”.\n\n"
    "The opposition group said it would ask the regulator to intervene.\n\n"
    "Independent councillors Ann Lee and Bo Park say the company should freeze bills for pensioners.\n\n"
    "Marcus Hale, 45, has worked at the Kettleby works for twenty years.\n\n"
    "“We patched that pump three times last winter,” the 45-year-old engineer said.\n\n"
    "A report prepared for the council by the consultancy Delmont Advisory says the works need £12m more.\n\n"
    "According to the report, the network lost a fifth of its water to leaks.\n\n"
    "A post on the residents’ group Facebook page read: “Pay for your own mistakes.”\n\n"
    "“Nobody listens to us out here,” said a pensioner who asked not to be named.\n\n"
    "Fenmoor Energy and Eastmere Water both supply the town. The company said customers would be told by letter.\n"
)




@pytest.mark.parametrize(("words", "span", "name", "kind"), [
    ("not been warned", "they had not been warned", "residents", "group"),
    ("unavoidable", "the rise is “unavoidable”", "council chiefs", "group"),
    ("regulator", "it would ask the regulator to intervene", "opposition group", "group"),
    ("£40m", "the increase would pay for £40m of repairs", "Eastmere Water", "organisation"),  # the one utility
    ("three times", "We patched that pump three times last winter,", "Marcus Hale", "person"),  # introduced with his age
    ("£12m", "the works need £12m more", "Delmont Advisory", "document"),  # its publisher
    ("a fifth", "the network lost a fifth of its water to leaks", "Delmont Advisory", "document"),  # the same report
    ("own mistakes", "Pay for your own mistakes.", "post", "document"),  # nobody said who wrote it
])
def test_speaker_sources_named_or_typed(words: str, span: str, name: str, kind: str) -> None:
    _, ann = annotated(WATER)
    q = quote_with(ann, words)
    assert (q.text, q.speaker_name, q.speaker_kind, q.stance) == (span, name, kind, "asserts")
    assert q.speaker_description is None


@pytest.mark.parametrize("sentence", [
    "The trust will close two wards, according to a memo seen by Fenland News.",
    "The trust will close two wards, according to letters obtained by the Eastmere Gazette.",
    "A letter seen by Fenland News says the trust will close two wards.",
    "The trust will close two wards, according to emails seen by Jane Holt.",
])
def test_speaker_sources_who_saw_a_document_did_not_write_it(sentence: str) -> None:
    _, ann = annotated("Wards to close\n\n" + sentence + "\n")
    q = quote_with(ann, "two wards")
    assert q.speaker is None
    assert not any(name in (q.speaker_name or "") for name in ("News", "Gazette", "Holt"))


def test_speaker_sources_the_same_document_under_another_name_keeps_its_publisher() -> None:
    text = ("Arena plan\n\nA report prepared for council by the consulting firm Delmont Advisory says the arena "
            "could bring in $35 million a year. The study found that most of the money would come from visitors.\n\n"
            "The review also found that parking was short.\n")
    _, ann = annotated(text)
    study = quote_with(ann, "visitors")
    assert (study.speaker_name, study.speaker_kind) == ("Delmont Advisory", "document")
    review = quote_with(ann, "parking")  # another paragraph: no longer surely the same document
    assert review.speaker_name != "Delmont Advisory"


def test_speaker_sources_a_spokeswoman_for_a_body_described_speaks_for_it() -> None:
    text = ("Last bank to close\n\nNorthern Counties Bank said fewer than 300 customers used the branch.\n\n"
            "A spokeswoman for the bank said: “We understand this will be disappointing news.”\n")
    _, ann = annotated(text)
    q = quote_with(ann, "disappointing")
    assert (q.speaker_name, q.speaker_kind) == ("a spokeswoman for the bank", "organisation")
    assert q.speaker == next(e.id for e in ann.entities if e.name == "Northern Counties Bank")


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The Civil Liberties Union of Fenland sent a letter to the minister on Thursday.", "Civil Liberties Union"),
    ("Jane Holt and Tom Baker sent a letter to the minister on Thursday.", None),  # the two together: not Baker
])
def test_speaker_sources_the_letter_someone_sent_speaks_for_them(sentence: str, speaker: str | None) -> None:
    text = f"Jail deaths\n\n{sentence} “Three deaths in five months is not bad luck,” the letter said.\n"
    _, ann = annotated(text)
    assert quote_with(ann, "bad luck").speaker_name == (speaker or "letter")


def test_speaker_sources_group_with_named_members() -> None:
    _, ann = annotated(WATER)
    q = quote_with(ann, "freeze bills")
    assert q.text == "the company should freeze bills for pensioners"
    assert (q.speaker, q.speaker_kind) == (None, "group")  # a group, never one of its members
    members = sorted(e.name for e in ann.entities if e.id in q.speaker_members)
    assert members == ["Ann Lee", "Bo Park"]


@pytest.mark.parametrize(("words", "span", "description"), [
    ("Nobody listens", "Nobody listens to us out here,", "a pensioner"),  # someone new, never named
    ("told by letter", "customers would be told by letter", "the company"),  # two companies fit
])
def test_speaker_sources_unresolved_description_is_kept_apart_from_names(words: str, span: str,
                                                                          description: str) -> None:
    _, ann = annotated(WATER)
    q = quote_with(ann, words)
    assert q.text == span
    assert (q.speaker, q.speaker_name) == (None, None)
    assert (q.speaker_kind, q.speaker_description) == ("description", description)


def test_speaker_sources_described_person_resolves_to_the_one_introduced() -> None:
    text = (
        "Ridley calls time on his career\n\n"
        "Danny Ridley has announced his retirement from professional football at the age of 36.\n\n"
        "“My body was telling me something,” said the veteran striker, who scored 147 league goals.\n\n"
        "Barry Lumb, who has run the Black Bull for 22 years, told the hearing he had never had a complaint.\n\n"
        "“Then the barn next door got turned into a holiday let,” said the cheerful landlord.\n"
    )
    _, ann = annotated(text)
    striker = quote_with(ann, "telling me")
    assert (striker.speaker_name, striker.speaker_kind) == ("Danny Ridley", "person")
    landlord = quote_with(ann, "holiday let")
    assert (landlord.speaker_name, landlord.speaker_kind) == ("Barry Lumb", "person")


SUITE = (
    "Couple fights suite rules\n\n"
    "Maria Kowalczyk and her husband, Ben, spent two years designing a suite for her mother.\n\n"
    "Then the city told them it was too tall.\n\n"
    "“We followed every rule,” says Kowalczyk, a nurse.\n\n"
    "Her husband says the couple found out in June. He says the drawings had been approved.\n\n"
    "Lesley Anderson, the planning director, says the bylaw changed in March.\n\n"
    "Ben Kowalczyk says they have not given up.\n"
)


@pytest.mark.parametrize(("words", "speaker"), [
    ("found out in June", "Ben Kowalczyk"),  # "Her husband": the one husband, named with "her" Maria Kowalczyk
    ("drawings had been", "Ben Kowalczyk"),  # then "He"
    ("every rule", "Maria Kowalczyk"),
])
def test_speaker_sources_a_relative_described_is_the_one_named_with_that_role(words: str, speaker: str) -> None:
    _, ann = annotated(SUITE)
    assert quote_with(ann, words).speaker_name == speaker


def test_speaker_sources_a_relative_described_is_nobody_when_her_means_someone_else() -> None:
    # "her husband" after another woman is named: not Maria's husband, whom the text named
    text = SUITE.replace("Her husband says", "Lesley Anderson has lived nearby for years. Her husband says")
    _, ann = annotated(text)
    assert quote_with(ann, "found out in June").speaker is None


def test_speaker_sources_the_woman_after_a_woman_brought_in_unnamed_is_her() -> None:
    # "a young woman asked Mrs Holt ...", "“…,” the woman said": the young woman, not Mrs Holt
    text = ("Mayor faces questions\n\n"
            "Mayor Joan Holt spoke at a packed meeting. A young woman asked Mrs Holt about the closures.\n\n"
            "“You said no library would shut,” the woman said.\n\n"
            "Mrs Holt did not hesitate. “I said we would try,” she said.\n")
    _, ann = annotated(text)
    woman = quote_with(ann, "no library")
    assert (woman.speaker, woman.speaker_kind) == (None, "description")
    assert quote_with(ann, "would try").speaker_name == "Joan Holt"


@pytest.mark.parametrize(("sentence", "description"), [
    ("The daughter of one resident said her mother had died without knowing.", "the daughter of one resident"),
    ("In a statement read to the court, the son of a victim said the family was relieved.", "the son of a victim"),
    ("The widow of another patient said she had not been told.", "the widow of another patient"),
])
def test_speaker_sources_description_anchored_to_someone_new_is_someone_new(sentence: str, description: str) -> None:
    """"the daughter of one resident": a person related to someone unnamed, never the woman in the dock."""
    text = ("Carer jailed for fraud\n\n"
            "Karen Whitlock, 52, admitted stealing from residents of Fellside House.\n\n"
            f"{sentence}\n")
    _, ann = annotated(text)
    q = ann.quotes[-1]
    assert (q.speaker, q.speaker_name) == (None, None)
    assert (q.speaker_kind, q.speaker_description) == ("description", description)


def test_speaker_sources_age_in_a_description_must_agree() -> None:
    text = (
        "Nurses vote to strike\n\n"
        "Claire Beddoes, 52, has worked on the ward for 19 years.\n\n"
        "“We never get a break,” the 45-year-old nurse said.\n"
    )
    _, ann = annotated(text)
    q = quote_with(ann, "never get")
    assert (q.speaker_name, q.speaker_description) == (None, "the 45-year-old nurse")


@pytest.mark.parametrize(("sentence", "group"), [
    # unnamed sources close to or familiar with something
    ("Sources close to the cabinet said the decision had been taken before the consultation ended.",
     "sources close to the cabinet"),
    ("People familiar with the talks said a deal was close.", "people familiar with the talks"),
    # a group named by its trade, without the conjunction that opens the sentence
    ("Shares fell sharply on Monday, traders said.", "traders"),
    ("But some strategists think that the last candidate standing will win.", "some strategists"),
    ("Yet Democratic economists say taxing consumption encourages saving.", "democratic economists"),
    # a group with where it is, before a bare verb
    ("Islanders on Barra say they have been abandoned by the ferry operator.", "islanders on Barra"),
    ("Nurses at Hamilton General Hospital say violence has reached a breaking point.",
     "nurses at Hamilton General Hospital"),
])
def test_speaker_sources_unnamed_groups(sentence: str, group: str) -> None:
    _, ann = annotated("Library row\n\n" + sentence + "\n")
    (q,) = ann.quotes
    assert (q.speaker_name, q.speaker_kind) == (group, "group")


def test_speaker_sources_a_bodys_acronym_between_subject_and_verb() -> None:
    _, ann = annotated("Strike vote\n\nThe union (NTU) said teachers would strike in May.\n")
    (q,) = ann.quotes
    assert (q.text, q.speaker_kind, q.speaker_description) == ("teachers would strike in May", "description",
                                                                "the union")


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("Stagecoach said it was delighted to have won the contract.", "Stagecoach", "organisation"),
    ("Kowalski said he was delighted to have won the contract.", "Kowalski", "person"),
])
def test_speaker_sources_an_unknown_name_reporting_about_it_is_a_body(sentence: str, name: str, kind: str) -> None:
    _, ann = annotated("Bus contract\n\n" + sentence + "\n")
    (q,) = ann.quotes
    assert (q.speaker_name, q.speaker_kind) == (name, kind)


@pytest.mark.parametrize(("sentence", "name"), [
    ("Developer Ashcroft Homes said in a statement that it had listened carefully.", "Ashcroft Homes"),
    ("Campaign group Save Millfield said it would fight the plans.", "Save Millfield"),
    ("Operator Arriva said services would be cut.", "Arriva"),
    ("Charity Shelter said the figures were shocking.", "Shelter"),
    ("Housing association Clarion said repairs would start.", "Clarion"),
    ("In a statement, Nova Scotia Health said it had opened 24 beds.", "Nova Scotia Health"),  # led by a place
    ("The administrators, Begbies Traynor, said they were exploring all options.", "Begbies Traynor"),
    ("The mill's owner, Norvale Paper, said it could no longer compete.", "Norvale Paper"),  # a firm's name
])
def test_speaker_sources_body_named_after_its_kind(sentence: str, name: str) -> None:
    """"Operator Arriva said": a body, named without the word for its kind (never a person "Operator Arriva")."""
    _, ann = annotated(f"Homes plan row\n\n{sentence}\n")
    q = ann.quotes[-1]
    assert (q.speaker_name, q.speaker_kind) == (name, "organisation")
    assert not [e for e in ann.entities if e.type == "person"]


def test_speaker_sources_person_after_a_kind_word_with_a_known_first_name_stays_a_person() -> None:
    _, ann = annotated("Homes plan row\n\nDeveloper Tom Hale said he would appeal.\n")
    assert (ann.quotes[-1].speaker_name, ann.quotes[-1].speaker_kind) == ("Tom Hale", "person")


def test_speaker_sources_document_publisher_never_read_across_paragraphs() -> None:
    """A headline's "report" runs into the next paragraph's "The mayor's office": the mayor is no publisher."""
    text = ("Mayor's office rejects report on snow-clearing delays\n\n"
            "MONTREAL — The mayor's office is rejecting a report by the city's auditor general that found "
            "contractors were paid for work they never did.\n\n"
            "The report, tabled Wednesday, says the city paid $2.3 million for operations that never took place.\n\n"
            "Mayor Soraya Martinez Ferrada did not comment.\n")
    _, ann = annotated(text)
    q = quote_with(ann, "$2.3 million")
    assert (q.speaker, q.speaker_name, q.speaker_kind) == (None, "report", "document")


def test_speaker_sources_person_named_like_a_city_stays_a_person() -> None:
    _, ann = annotated("Party season\n\nParis Hilton said it was the best night of the year.\n")
    assert ann.quotes[-1].speaker_kind == "person"


@pytest.mark.parametrize(("text", "words", "description"), [
    # a description anchored to someone unnamed, never the woman named before
    ("Carer jailed for fraud\n\nKaren Whitlock, 52, admitted stealing from residents of Fellside House.\n\n"
     "In a statement, the daughter of one resident said her mother had died without knowing.\n\n"
     "“Mum thought the world of the staff there,” she said.\n", "world of the staff", "the daughter of one resident"),
    # one who asked not to be named, never the councillor named before
    ("Assaults on buses rising\n\nJanice Lukes chairs the committee.\n\n"
     "One operator, who asked not to be named, said she was choked by a passenger in October.\n\n"
     "“I still think about it every time someone gets on at that stop,” she said.\n", "still think", "one operator"),
])
def test_speaker_sources_pronoun_carries_an_unnamed_description(text: str, words: str, description: str) -> None:
    _, ann = annotated(text)
    q = quote_with(ann, words)
    assert (q.speaker, q.speaker_name) == (None, None)
    assert (q.speaker_kind, q.speaker_description) == ("description", description)


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("Greater Manchester Police were called at 3am. Police said two men had been arrested.",
     "Greater Manchester Police", "organisation"),  # the one force the story names
    ("The Metropolitan Police and Surrey Police were called. Police said two men had been arrested.",
     "police", "group"),  # two forces: which one?
    ("Police said two men had been arrested.", "police", "group"),
])
def test_police_said_is_the_one_force_the_story_names(text: str, speaker: str, kind: str) -> None:
    _, ann = annotated("Two arrested\n\n" + text + "\n")
    q = quote_with(ann, "two men had been arrested")
    assert (q.speaker_name, q.speaker_kind) == (speaker, kind)


def test_speaker_sources_a_health_authority_that_says_it() -> None:
    """ "Island Health said it could not comment": two words, no given name, "it": a body (not "Paris Hilton said it
    was ...", whose first name is a city's)."""
    _, ann = annotated("Hip fracture\n\nIsland Health said it could not comment on individual cases.\n")
    assert (ann.quotes[-1].speaker_name, ann.quotes[-1].speaker_kind) == ("Island Health", "organisation")


@pytest.mark.parametrize(("text", "words", "speaker", "kind"), [
    # a body's or a person's document as the subject: the report is no verb, the reply is its author's
    ("Healthwatch Cornwall's report says: “Patients and families told us again and again that they felt "
     "abandoned.”", "abandoned", "Healthwatch Cornwall", "document"),
    ("The letter came from the chief executive, Margaret Ellery.\n\nMs Ellery’s reply, dated 21 November, admits "
     "that the decision “was not welcome here”.", "not welcome", "Margaret Ellery", "document"),
    # what someone said, as a subject, is nobody's name: "Starr's remarks" is no person
    ("Kenneth Starr spoke at the university.\n\nStarr's remarks suggested a tinge of regret about the inquiry.",
     "tinge of regret", None, "description"),
])
def test_speaker_sources_a_possessed_document_or_remark(text: str, words: str, speaker: str | None,
                                                      kind: str) -> None:
    _, ann = annotated("Report\n\n" + text + "\n")
    q = quote_with(ann, words)
    assert (q.speaker_name, q.speaker_kind) == (speaker, kind)


def test_speaker_sources_a_new_document_takes_no_earlier_documents_publisher() -> None:
    # "a new statewide poll" had been named after the publisher of an earlier, different poll
    text = ("Tight race in Ashford\n\nA poll by the Ashford Echo in May put the mayor ahead.\n\n"
            "A new statewide poll released Friday found that the two candidates are now level.\n\n"
            "The Echo poll also found that most voters wanted the rink kept open.\n")
    _, ann = annotated(text)
    assert quote_with(ann, "now level").speaker_name == "new statewide poll"
    assert quote_with(ann, "rink kept open").speaker_name == "Ashford Echo"


@pytest.mark.parametrize(("between", "speaker"), [
    ("", "Maureen Pelletier"),  # her statement, quoted right after she is reported
    ("Coun. Ray Dunn said he was hopeful. ", "statement"),  # someone else quoted in between: only the document
])
def test_speaker_sources_the_statement_read_is_its_issuers_words(between: str, speaker: str) -> None:
    text = ("Transit talks\n\nThe city's director of transit, Maureen Pelletier, said in a statement that the city "
            "remained committed to a fair deal. " + between + "“We value our operators,” the statement read.\n")
    _, ann = annotated(text)
    assert quote_with(ann, "We value").speaker_name == speaker


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("The union representing drivers, Unite, said it would ballot members.", "Unite", "organisation"),
    ("The man representing the drivers, Tom Hale, said it would strike.", "Tom Hale", "person"),
])
def test_speaker_sources_a_name_apposed_to_a_body_with_its_own_words_is_the_body(
        sentence: str, name: str, kind: str) -> None:
    # "Unite" had been a person: the head of "the union representing drivers" is "union", not "drivers"
    _, ann = annotated("Bus strike\n\nDrivers walked out on Monday. " + sentence + "\n")
    q = [q for q in ann.quotes if q.speaker_name == name]
    assert q and q[0].speaker_kind == kind


def test_speaker_sources_a_body_named_after_the_in_apposition_to_a_description() -> None:
    # "The shelter's operator, the YMCA of Greater Moncton, said" had been the description alone
    text = ("Shelter plan\n\nThe province will fund the shelter. The shelter's operator, the YMCA of Greater "
            "Moncton, said it would hire 22 staff.\n")
    _, ann = annotated(text)
    q = quote_with(ann, "22 staff")
    assert (q.speaker_name, q.speaker_kind) == ("YMCA", "organisation")
