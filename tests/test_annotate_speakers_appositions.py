"""Speakers named beside their roles and titles, British and American: the person, never the role (full pipeline)."""

from __future__ import annotations

import pytest

from .annotated_text import annotated, quote_with

HEADLINE = "Harbour plan divides Westbury\n\n"

# (pattern, paragraph, quoted words, exact quote span, speaker name, words naming the speaker)
CASES = [
    ("role, name, said", "Northfield Mayor, Jane Oduya, said: “We will not be rushed into this.”",
     "rushed", "We will not be rushed into this.", "Jane Oduya", "Jane Oduya"),
    ("deputy role, name, said", "Deputy Mayor, Tom Hale, said the plan had been costed twice.",
     "costed", "the plan had been costed twice", "Tom Hale", "Tom Hale"),
    ("name, role, said", "Keith Morrow, chairman of the harbour board, said the plan had been costed twice.",
     "costed", "the plan had been costed twice", "Keith Morrow", "Keith Morrow"),
    ("role name said", "Housing Minister Meera Banerjee said the money was already set aside.",
     "set aside", "the money was already set aside", "Meera Banerjee", "Housing Minister Meera Banerjee"),
    ("said name, the role", "“It is a fair deal for the town,” said Gordon Pryce, the council’s chief executive.",
     "fair deal", "It is a fair deal for the town,", "Gordon Pryce", "Gordon Pryce"),
    ("says the boy's father, Martin", "“I just want my boy to be safe,” says the boy’s father, Martin.",
     "my boy", "I just want my boy to be safe,", "Martin", "Martin"),
    ("Rep. name, D-Ohio, said", "Rep. Tim Ryan-Walsh, D-Ohio, said the grant would “pay for itself” within a decade.",
     "pay for itself", "the grant would “pay for itself” within a decade", "Tim Ryan-Walsh", "Rep. Tim Ryan-Walsh"),
    ("judge after 'a county court judge'", "A county court judge has halted the eviction. Judge Dominic Shaw said "
     "the notice had been served too early.", "served too early", "the notice had been served too early",
     "Dominic Shaw", "Judge Dominic Shaw"),
    ("long apposition", "Councillor Ann Lee, the cabinet member responsible for housing in the city's Labour-led "
     "council, said: “We have listened to residents.”", "listened", "We have listened to residents.", "Ann Lee",
     "Councillor Ann Lee"),
    ("name, said earlier in response", "Gareth Jones, said earlier in response to the report: “The figures do not "
     "add up.”", "add up", "The figures do not add up.", "Gareth Jones", "Gareth Jones"),
    ("is quoted as saying", "The Council Leader, Colin Ashworth, is quoted as saying: “We have nothing to hide.”",
     "nothing to hide", "We have nothing to hide.", "Colin Ashworth", "Colin Ashworth"),
    ("speaking for his ward", "Speaking for his ward, Cllr Imran Siddiqui said: “My residents were never asked.”",
     "never asked", "My residents were never asked.", "Imran Siddiqui", "Cllr Imran Siddiqui"),
    ("no comma before said", "And Sam Reid, Westbury South MP said: “This is long overdue.”",
     "overdue", "This is long overdue.", "Sam Reid", "Sam Reid"),
    ("two descriptions", "Eddie Griffin, a member of the Fenland Forum, a group of local bloggers, said the mood had "
     "changed.", "mood", "the mood had changed", "Eddie Griffin", "Eddie Griffin"),
    ("who-clause and a description of what it names", "Eddie Griffin, who was then a member of the Fenland Forum, "
     "a group of local bloggers, said the mood had changed.", "mood", "the mood had changed", "Eddie Griffin",
     "Eddie Griffin"),
    ("Rt Hon and postnominal", "The Rt Hon Priti Mahal MP said the ferry must keep running all winter.",
     "ferry", "the ferry must keep running all winter", "Priti Mahal", "The Rt Hon Priti Mahal MP"),
    ("Sir", "Sir Alan Peverell said the harbour would bring visitors back to the town.",
     "visitors", "the harbour would bring visitors back to the town", "Alan Peverell", "Sir Alan Peverell"),
    ("Baroness", "Baroness Elaine Hart said she would oppose the bill in the Lords.",
     "Lords", "she would oppose the bill in the Lords", "Elaine Hart", "Baroness Elaine Hart"),
    ("job description before a name", "Community Researcher Amir Khan said most families backed the scheme.",
     "families", "most families backed the scheme", "Amir Khan", "Community Researcher Amir Khan"),
    ("name, age, description, said", "Tom Hale, 54, a retired teacher from Leeds, said the school had been failing "
     "for years.", "failing", "the school had been failing for years", "Tom Hale", "Tom Hale"),
    ("name, description, who-clause, said", "Willa Minton, an actor in Dallas, who runs a small theatre company, "
     "said the grants had kept her afloat.", "afloat", "the grants had kept her afloat", "Willa Minton",
     "Willa Minton"),
    ("bare party tag", "State Rep. Wanda Nagle (R), a leader of the county's anti-tax coalition, said the levy "
     "would fail.", "levy", "the levy would fail", "Wanda Nagle", "State Rep. Wanda Nagle"),
    ("state abbreviation tag", "Rep. Sam Levitt (Mich.), a superdelegate, said he had spoken to colleagues.",
     "colleagues", "he had spoken to colleagues", "Sam Levitt", "Rep. Sam Levitt"),
    ("union local number before the role", "Amalgamated Transit Union Local 1505 president Chris Scott told "
     "reporters on Monday that members had voted to strike.", "voted", "that members had voted to strike",
     "Chris Scott", "Amalgamated Transit Union Local 1505 president Chris Scott"),
    ("accented capital", "Councillor Émilie Thuillier, who is responsible for the file, said owners of existing "
     "homes would not be affected.", "existing homes", "owners of existing homes would not be affected",
     "Émilie Thuillier", "Councillor Émilie Thuillier"),
    ("whose-clause, said + pronoun clause", "Headteacher Simon Grant, whose school in Leeds has 1,200 pupils, said he "
     "supported his staff.", "supported", "he supported his staff", "Simon Grant", "Headteacher Simon Grant"),
    ("party tag before a trailing 'told'", "The nominee could embrace clean energy, Sen. Lindsay Grahame (R-S.C.) "
     "told reporters on Thursday.", "clean energy", "The nominee could embrace clean energy", "Lindsay Grahame",
     "Sen. Lindsay Grahame"),
    ("name (tag), who-clause, said + clause", "Cllr Meera Joshi (Lab), who chairs the panel, said the ponds fill up "
     "every winter.", "every winter", "the ponds fill up every winter", "Meera Joshi", "Cllr Meera Joshi"),
    ("name (tag), who said: quote", "Neither was his colleague, Cllr Meera Joshi (Lab), who said: “Ponds fill up.”",
     "Ponds", "Ponds fill up.", "Meera Joshi", "Cllr Meera Joshi"),
    ("former state legislator", "Carla Lopez-Hunt, a Republican and former state legislator, said the block grants "
     "should follow population.", "block grants", "the block grants should follow population", "Carla Lopez-Hunt",
     "Carla Lopez-Hunt"),
    ("court's name and title before the name", "In delivering her sentence on Tuesday, Court of King's Bench Justice "
     "Shauna McCarthy said the driver had looked at his phone 14 times.", "his phone",
     "the driver had looked at his phone 14 times", "Shauna McCarthy", "Court of King's Bench Justice Shauna McCarthy"),
    ("title of a portfolio before the name", "The union will likely sit out the election, Director of Government "
     "Affairs Phil Okonjo told reporters.", "sit out", "The union will likely sit out the election", "Phil Okonjo",
     "Director of Government Affairs Phil Okonjo"),
    ("place, title of a portfolio, name", "Palm County Supervisor of Elections Dana Whitlock said the ballots had "
     "been printed twice.", "printed twice", "the ballots had been printed twice", "Dana Whitlock",
     "Palm County Supervisor of Elections Dana Whitlock"),
    ("portfolio title, accented given name", "Minister of Foreign Affairs Mélanie Joly said Canada would respond in "
     "kind.", "in kind", "Canada would respond in kind", "Mélanie Joly", "Minister of Foreign Affairs Mélanie Joly"),
    ("unknown given name of a body said", "Prabha Rao of the Saskatoon Civil Liberties Association said the policy "
     "gives officers too much discretion.", "discretion", "the policy gives officers too much discretion",
     "Prabha Rao", "Prabha Rao of the Saskatoon Civil Liberties Association"),
    ("accented given name, relative", "Lucía Ortega, the victim's sister, said the family had waited two years for "
     "a trial.", "two years", "the family had waited two years for a trial", "Lucía Ortega", "Lucía Ortega"),
    ("initialism among the role words", "Its chair, retired GP Dr Margaret Holroyd, said the village had no shops.",
     "no shops", "the village had no shops", "Margaret Holroyd", "Dr Margaret Holroyd"),
    ("name of a body in a place, in apposition", "This year's winner, Ewan Robertson of Robertson's Bakery in "
     "Pitlochry, said he was gutted the row had spoiled his win.", "gutted", "he was gutted the row had spoiled his "
     "win", "Ewan Robertson", "Ewan Robertson of Robertson's Bakery in Pitlochry"),
    ("name of a body, in apposition to a description", "The winner, Ewan Robertson of Robertson's Bakery, said he "
     "was gutted.", "gutted", "he was gutted", "Ewan Robertson", "Ewan Robertson of Robertson's Bakery"),
    ("post of something, then the holder", "Director of public health Dr Amir Khan said cases were rising.",
     "were rising", "cases were rising", "Amir Khan", "Director of public health Dr Amir Khan"),
    ("name with an age, in apposition to a description", "One of the victims, 82-year-old Eleanor Brandt, said she "
     "lost $61,000 to the scheme.", "61,000", "she lost $61,000 to the scheme", "Eleanor Brandt", "Eleanor Brandt"),
    ("name of a body's unit in lower case", "Sgt. Michael Tran of the Winnipeg Police Service financial crimes unit "
     "said it was a teller's quick thinking that stopped the fraud.", "quick thinking",
     "it was a teller's quick thinking that stopped the fraud", "Michael Tran",
     "Sgt. Michael Tran of the Winnipeg Police Service financial crimes unit"),
    ("role words, name of a body, another verb first", "Tenant advocate Jenna Morrow of ACORN Nova Scotia called "
     "the ruling a “big win” but said many tenants never file complaints.", "never file",
     "many tenants never file complaints", "Jenna Morrow", "Tenant advocate Jenna Morrow of ACORN Nova Scotia"),
    ("name of a body, then a time", "Ann Lee of the Ramblers last week said the path had been closed since May.",
     "since May", "the path had been closed since May", "Ann Lee", "Ann Lee of the Ramblers"),
]


@pytest.mark.parametrize(("pattern", "paragraph", "words", "span", "speaker", "mention"), CASES,
                         ids=[c[0] for c in CASES])
def test_speakers_appositions_name_the_person(pattern: str, paragraph: str, words: str, span: str, speaker: str,
                                             mention: str) -> None:
    doc, ann = annotated(HEADLINE + paragraph)
    q = quote_with(ann, words)
    assert q.text == span
    assert (q.speaker_name, q.speaker_kind, q.stance) == (speaker, "person", "asserts")
    assert q.speaker is not None and ann.entity(q.speaker) is not None
    assert q.speaker_mention is not None and doc.text[q.speaker_mention[0] : q.speaker_mention[1]] == mention


def test_speakers_appositions_role_is_recorded_for_the_person_with_its_span() -> None:
    doc, ann = annotated(HEADLINE + "Northfield Mayor, Jane Oduya, said: “We will not be rushed into this.”\n\n"
                         "“I just want my boy to be safe,” says the boy’s father, Martin.")
    oduya = next(e for e in ann.entities if e.name == "Jane Oduya")
    assert [(r.role, doc.text[r.start : r.end]) for r in oduya.roles] == [("Northfield Mayor", "Northfield Mayor")]
    martin = next(e for e in ann.entities if e.name == "Martin")
    assert [r.role for r in martin.roles] == ["father"]


def test_speakers_appositions_coun_is_the_councillor_the_document_names() -> None:
    _, ann = annotated(HEADLINE + "Coun Jones said he would table a motion at the next meeting.\n\n"
                       "Gareth Jones, who represents the Abbey ward, has raised the harbour at every meeting.")
    q = quote_with(ann, "motion")
    assert (q.text, q.speaker_name) == ("he would table a motion at the next meeting", "Gareth Jones")


def test_speakers_appositions_role_alone_is_a_description_not_a_name() -> None:
    _, ann = annotated(HEADLINE + "The Deputy Mayor said the harbour would reopen in the spring.")
    q = quote_with(ann, "reopen")
    assert (q.speaker, q.speaker_name) == (None, None)
    assert (q.speaker_kind, q.speaker_description) == ("description", "the Deputy Mayor")


@pytest.mark.parametrize("paragraph", [
    "“It will pay for itself,” said Rep. Tim Ryan-Walsh, D-Ohio, at a hearing on Tuesday.",
    "Residents of Kingsville, Ont., said they had waited three years for the ferry.",
])
def test_speakers_appositions_party_state_tags_and_abbreviations_are_never_people(paragraph: str) -> None:
    doc, ann = annotated(HEADLINE + paragraph)
    people = {e.name for e in ann.entities if e.type == "person"}
    assert not people & {"D-Ohio", "Ont", "Ont."}
    for q in ann.quotes:
        assert q.speaker_name not in ("D-Ohio", "Ont.", "Ont")


def test_appositions_a_where_clause_between_subject_and_verb_is_an_aside() -> None:
    # "Lincoln City FC, where the man is a season-ticket holder, said in a statement: “…”" had no speaker
    text = ("Hit-and-run\n\nA cyclist was hurt on Saturday. Lincoln City FC, where the man is a season-ticket holder, "
            "said in a statement: \u201cOur thoughts are with him and his family.\u201d\n")
    _, ann = annotated(text)
    assert quote_with(ann, "Our thoughts").speaker_name == "Lincoln City FC"


@pytest.mark.parametrize(("sentence", "words", "speaker"), [
    # a name opening the sentence, then only asides before the reporting verb
    ("Councillor Dana Pryor (who chairs the rink trust) said the roof had to be fixed.", "roof had", "Dana Pryor"),
    ("Elward Edd, an official at the Hopi Housing Authority, which has a backlog of 500 homes, said the rule would "
     "cost jobs.", "cost jobs", "Elward Edd"),
    ("Sen. Amy Grassick, facing a spirited challenge in Iowa, a swing state, said she would welcome the vote.",
     "welcome the vote", "Amy Grassick"),
])
def test_speakers_appositions_a_name_then_asides_then_the_verb(sentence: str, words: str, speaker: str) -> None:
    _, ann = annotated(HEADLINE + sentence)
    assert quote_with(ann, words).speaker_name == speaker


@pytest.mark.parametrize("sentence", [
    "Kasich, Rubio and Cruz said the debate had been unfair.",  # a list: none of them alone
    "Obama, Trump said, was a disaster for the party.",  # the aside is the speaker
])
def test_speakers_appositions_a_list_or_a_speaker_in_the_aside_is_no_aside(sentence: str) -> None:
    _, ann = annotated(HEADLINE + sentence)
    assert all(q.speaker_name not in ("Kasich", "Obama") for q in ann.quotes)


def test_speakers_appositions_relative_named_by_an_unlisted_given_name_speaks() -> None:
    doc, ann = annotated(HEADLINE + "Sian Prosser said her father had lived at the home for six years.\n\n"
                         "Her brother, Alun, said the family had been told at a meeting on Wednesday. He said "
                         "managers had refused to take questions.")
    q = quote_with(ann, "Wednesday")
    assert (q.speaker_name, q.speaker_kind) == ("Alun", "person")
    assert quote_with(ann, "managers").speaker_name == "Alun"
    alun = next(e for e in ann.entities if e.name == "Alun")
    assert [r.role for r in alun.roles] == ["brother"]


def test_speakers_appositions_relative_named_by_an_unlisted_given_name_speaks_after_a_who_clause() -> None:
    _, ann = annotated(HEADLINE + "Kevin Rowe said the pontoons had been broken since the winter storms. "
                       "His daughter, Lowenna, who crews for him, said she had raised the crane three times.")
    q = quote_with(ann, "crane")
    assert (q.speaker_name, q.speaker_kind) == ("Lowenna", "person")
    assert q.speaker == next(e.id for e in ann.entities if e.name == "Lowenna")  # a person found, not a bare name
