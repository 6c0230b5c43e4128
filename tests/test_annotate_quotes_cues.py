"""Reporting cues beyond "said": urged, warned against, estimates, found, believes, read, wants, called,
signed quotes, second cues in one sentence, and the look-alikes that are not speech (hand-written sentences)."""

from __future__ import annotations

from storyline.annotate.quotes import find_quotes
from storyline.model import Entity, Mention

from .test_annotate_quotes_patterns import Person, build, only, quotes_of, span_text

OKAFOR: Person = ("Grace Okafor", "female", ["Okafor"])
LINDQVIST: Person = ("Ezra Lindqvist", "male", ["Lindqvist"])
MORIN: Person = ("Denis Morin", "male", ["Morin"])


def test_quotes_cues_urged_takes_the_whole_complement() -> None:
    text = "Regional district chair Ezra Lindqvist urged residents who get an evacuation order to leave at once."
    q = only(quotes_of(text, [LINDQVIST]), "residents")
    assert q.text == "residents who get an evacuation order to leave at once"
    assert (q.speaker_name, span_text(text, q.cue)) == ("Ezra Lindqvist", "urged")


def test_quotes_cues_warned_against() -> None:
    text = "Okafor warned against cutting the late-night bus routes before the winter."
    q = only(quotes_of(text, [OKAFOR]), "bus routes")
    assert q.text == "against cutting the late-night bus routes before the winter"
    assert q.speaker_name == "Grace Okafor"


def test_quotes_cues_estimates_and_believes() -> None:
    text = (
        "The budget office estimates a modest drag on wages over the next decade.\n\n"
        "Investigators believe that black ice may have played a part in the crash."
    )
    quotes = quotes_of(text)
    drag = only(quotes, "drag")
    assert drag.text == "a modest drag on wages over the next decade"
    assert span_text(text, drag.cue) == "estimates" and drag.cue_verb == "estimate"
    # a body described but never named: an honest description, not a name
    assert (drag.speaker_name, drag.speaker_kind, drag.speaker_description) == (None, "description", "the budget office")
    ice = only(quotes, "black ice")
    assert ice.text == "that black ice may have played a part in the crash"
    assert (ice.speaker_name, ice.speaker_kind) == ("investigators", "group")


def test_quotes_cues_found_needs_that_or_a_trailing_attribution() -> None:
    text = (
        "Justice Grace Okafor found that the mining company had not consulted the First Nation.\n\n"
        "The housing fund cannot say how many homes it built, the auditor general has found, in a report on Tuesday.\n\n"
        "Police found a wallet near the river on Sunday."
    )
    quotes = quotes_of(text, [OKAFOR])
    assert [q.text for q in quotes] == [
        "that the mining company had not consulted the First Nation",
        "The housing fund cannot say how many homes it built",
    ]
    assert quotes[0].speaker_name == "Grace Okafor"
    assert quotes[1].speaker_description == "the auditor general" and quotes[1].speaker_name is None
    assert span_text(text, quotes[1].cue) == "found"


def test_quotes_cues_read_only_after_a_quote() -> None:
    text = (
        "Grace Okafor stood to address the court.\n\n"
        "“My brother was not perfect. He was poor, and he was trying,” she read.\n\n"
        "She read the list of names aloud before the hearing began."
    )
    quotes = quotes_of(text, [OKAFOR])
    assert len(quotes) == 1
    assert quotes[0].text == "My brother was not perfect. He was poor, and he was trying,"
    assert quotes[0].speaker_name == "Grace Okafor" and span_text(text, quotes[0].speaker_mention) == "she"
    assert span_text(text, quotes[0].cue) == "read"


def test_quotes_cues_wants_an_object_and_to_infinitive_only() -> None:
    text = (
        "Denis Morin wants the town to open a free water station at the arena.\n\n"
        "Morin wants to retire next spring."
    )
    quotes = quotes_of(text, [MORIN])
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("the town to open a free water station at the arena", "Denis Morin")
    ]


def test_quotes_cues_called_it_binds_the_quoted_words() -> None:
    text = 'Opposition critic Denis Morin called it "a scandal of bookkeeping, if not of money," on Wednesday.'
    q = only(quotes_of(text, [MORIN]), "scandal")
    assert q.text == "a scandal of bookkeeping, if not of money,"
    assert q.speaker_name == "Denis Morin" and span_text(text, q.cue) == "called"


def test_quotes_cues_branded_and_dubbed_bind_the_quoted_words() -> None:
    text = 'Morin branded the allegations "a pack of lies". Okafor dubbed the scheme "the bridge to nowhere".'
    quotes = quotes_of(text, [MORIN, OKAFOR])
    assert [(q.text, q.speaker_name, span_text(text, q.cue)) for q in quotes] == [
        ("a pack of lies", "Denis Morin", "branded"), ("the bridge to nowhere", "Grace Okafor", "dubbed")]


def test_quotes_cues_signed_quote_after_a_dash() -> None:
    text = "The plaque by the door reads:\n\n“Every house on this street will be rebuilt.” — Grace Okafor, mayor"
    q = only(quotes_of(text, [OKAFOR]), "rebuilt")
    assert q.speaker_name == "Grace Okafor" and span_text(text, q.speaker_mention) == "Grace Okafor"
    assert q.cue is None and q.confidence <= 0.8


def test_quotes_cues_second_reporting_verb_gives_a_second_quote() -> None:
    text = (
        "Lindqvist said the fire had jumped the highway, warning that the wind would turn by evening. "
        "Okafor said the shelters were full and cautioned that more buses were needed."
    )
    quotes = quotes_of(text, [LINDQVIST, OKAFOR])
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("the fire had jumped the highway", "Ezra Lindqvist"),
        ("that the wind would turn by evening", "Ezra Lindqvist"),
        ("the shelters were full", "Grace Okafor"),
        ("that more buses were needed", "Grace Okafor"),
    ]
    assert span_text(text, quotes[3].cue) == "cautioned"


def test_quotes_cues_colon_after_a_named_subject() -> None:
    text = "Outside the courthouse, Okafor was blunt: “Nobody checked the alarms, not once in two years.”"
    q = only(quotes_of(text, [OKAFOR]), "alarms")
    assert q.speaker_name == "Grace Okafor" and span_text(text, q.speaker_mention) == "Okafor"
    assert q.confidence < 0.8


def test_quotes_cues_organisation_of_and_group_speakers() -> None:
    text = (
        "Local 412 of the Canadian Union of Postal Workers said late Friday that 91 per cent of members backed a strike.\n\n"
        "Volunteers at the arena said they had handed out about 600 cots by noon."
    )
    quotes = quotes_of(text)
    union = only(quotes, "91 per cent")
    assert union.text == "that 91 per cent of members backed a strike"
    assert union.speaker_name == "Local 412 of the Canadian Union of Postal Workers"
    cots = only(quotes, "cots")
    assert (cots.speaker_name, cots.speaker_kind, cots.speaker) == ("volunteers at the arena", "group", None)


def test_quotes_cues_look_alikes_are_not_speech() -> None:
    text = (
        "Denis Morin, 58, pleaded guilty to two counts of fraud in March.\n\n"
        "Nobody disputes that the clinic has too few nurses.\n\n"
        "But few experts believe that the new schedule will fix it.\n\n"
        "The family has started a petition asking the province to add rumble strips.\n\n"
        "It is a report that opposition MPs say confirms their worst fears about the fund.\n\n"
        "Morin thinks the schedule is a mistake."
    )
    assert quotes_of(text, [MORIN]) == []


def test_quotes_cues_a_noun_phrase_after_the_verb_is_no_reported_clause() -> None:
    """"adds a responder to every shift", "adds 40 homes": an object, not words reported; "added the council
    was wrong", "said 87 per cent of members backed it" stay quotes."""
    text = (
        "The deal raises starting pay and adds a mental health responder to every shift.\n\n"
        "The plan adds 40 new homes to the estate.\n\n"
        "Morin added the council was wrong to sign it.\n\n"
        "Morin said 87 per cent of members backed the strike.\n\n"
        "Morin said the figures showed nothing new."
    )
    assert [q.text for q in quotes_of(text, [MORIN])] == [
        "the council was wrong to sign it", "87 per cent of members backed the strike", "the figures showed nothing new"]


def test_quotes_cues_role_mention_linked_to_an_organisation_names_it() -> None:
    text = "The City of Halden closed the pool in May.\n\nThe city said that the pool would reopen in the autumn."
    blocks, sentences, mentions, entities = build(text, orgs=[("City of Halden", [])])
    role_at = text.index("The city said")
    mentions = sorted([*mentions, Mention(role_at, role_at + 8, "The city", "organisation", "e1", kind="role")], key=lambda m: m.start)
    q = only(find_quotes(text, blocks, sentences, mentions, entities), "reopen")
    assert (q.speaker, q.speaker_name) == ("e1", "City of Halden")


def test_quotes_cues_unlinked_description_keeps_the_phrase_without_an_entity() -> None:
    text = "A Winnipeg teacher says she never expected her post to be shared 80,000 times."
    q = only(quotes_of(text), "80,000")
    assert (q.speaker, q.speaker_name) == (None, None)
    assert (q.speaker_kind, q.speaker_description) == ("description", "a Winnipeg teacher")


def test_quotes_cues_pronoun_prefers_the_person_just_introduced() -> None:
    text = (
        "“The road has taken too many of our kids,” said Ezra Lindqvist.\n\n"
        "For Denis Morin, who drives the route every day, the answer is rumble strips. "
        "“They cost almost nothing,” he said."
    )
    entities = [Entity("e1", "person", "Ezra Lindqvist", gender="male"), Entity("e2", "person", "Denis Morin")]
    blocks, sentences, mentions, _ = build(text, [LINDQVIST, ("Denis Morin", None, ["Morin"])])
    q = only(find_quotes(text, blocks, sentences, mentions, entities), "almost nothing")
    assert q.speaker_name == "Denis Morin"
    assert 0.5 <= q.confidence < 0.8


def test_quotes_cues_he_never_resolves_to_an_organisation() -> None:
    text = "Halden Transit cut two routes on Monday.\n\n“We had no choice,” he said."
    q = only(quotes_of(text, orgs=[("Halden Transit", [])]), "no choice")
    assert q.speaker is None and q.speaker_name is None


def test_quotes_cues_share_of_those_asked_speaks() -> None:
    text = (
        "About 4 in 10 say they want the next premier to cut the gas tax.\n\n"
        "Just 28 per cent of voters said they had a favourable view of the mayor."
    )
    quotes = quotes_of(text)
    assert [(q.text, q.speaker_name, q.speaker_kind) for q in quotes] == [
        ("they want the next premier to cut the gas tax", "about 4 in 10", "group"),
        ("they had a favourable view of the mayor", "just 28 per cent of voters", "group"),
    ]


def test_quotes_cues_shares_in_words_and_whom_they_are_of_speak() -> None:
    text = (
        "Sixty-two percent said the ferry timetable should be set by islanders.\n\n"
        "Seven in 10 Highland Liberal Democrat voters say the council has lost touch.\n\n"
        "Even so, three-quarters of the respondents said they would use the new route.\n\n"
        "Nearly half said they had never been asked.\n\n"
        "Only 18 per cent of residents in a council survey said the consultation was fair."
    )
    assert [(q.text, q.speaker_name, q.speaker_kind) for q in quotes_of(text)] == [
        ("the ferry timetable should be set by islanders", "sixty-two percent", "group"),
        ("the council has lost touch", "seven in 10 Highland Liberal Democrat voters", "group"),
        ("they would use the new route", "three-quarters of the respondents", "group"),
        ("they had never been asked", "nearly half", "group"),
        ("the consultation was fair", "only 18 per cent of residents in a council survey", "group"),
    ]


def test_quotes_cues_states_counted_are_no_reporting_verb() -> None:
    text = (
        "Voters in both states say the crossing matters more than the fare.\n\n"
        "The other two states voting next week are seen as safe for the governor.\n\n"
        "The audit states that the council overpaid."
    )
    assert [(q.text, q.speaker_name) for q in quotes_of(text)] == [
        ("the crossing matters more than the fare", "voters in both states"),
        ("that the council overpaid", "audit"),
    ]


def test_quotes_cues_trailing_name_with_appositive_after_a_long_sentence() -> None:
    text = (
        "The same stock photo of a smiling family turns up on every page of the flyer, on the bus shelters along "
        "Main Street and on the posters taped to the windows of the empty shops, said Grace Okafor, a researcher."
    )
    q = only(quotes_of(text, [OKAFOR]), "stock photo")
    assert q.text.startswith("The same stock photo") and q.text.endswith("empty shops")
    assert q.speaker_name == "Grace Okafor" and span_text(text, q.cue) == "said"


def test_quotes_cues_a_clause_is_never_the_speaker() -> None:
    text = (
        "Councillor Grace Okafor, leader of the Labour group, said the letters confirmed what her group had suspected.\n\n"
        "A spokesperson for the Department for Children and Learning said: “The minister acted because children were at risk.”\n\n"
        "The reply confirms that the council would comply but admits that the decision was not welcome."
    )
    quotes = quotes_of(text, [OKAFOR])
    letters = only(quotes, "letters")
    assert letters.text == "the letters confirmed what her group had suspected"
    assert letters.speaker_name == "Grace Okafor"
    minister = only(quotes, "children were at risk")
    assert minister.speaker_name != "Learning"
    assert all(q.speaker_name != "the council would comply but" for q in quotes)


def test_quotes_cues_spokesperson_for_a_body_with_and_in_its_name() -> None:
    text = "A spokeswoman for the Department of Parks and Recreation said: “The pool will reopen in May.”"
    q = only(quotes_of(text), "pool")
    assert q.speaker_name == "a spokeswoman for the Department of Parks and Recreation"
    assert span_text(text, q.speaker_mention) == "A spokeswoman for the Department of Parks and Recreation"


def test_quotes_cues_quote_paragraph_after_a_paragraph_introducing_its_speaker() -> None:
    text = (
        "“We will not close the library,” Grace Okafor said.\n\n"
        "Councillor Denis Morin, who voted against the budget, read from a memo sent to the mayor in 2022.\n\n"
        "“The memo says the roof will fail. That was three years ago. Nobody picked up the phone.”"
    )
    q = only(quotes_of(text, [OKAFOR, MORIN]), "roof will fail")
    assert q.speaker_name == "Denis Morin" and q.speaker_mention is None
    assert q.confidence < 0.6


def test_quotes_cues_it_after_a_body_spoke_is_that_body() -> None:
    text = (
        "In a statement on Tuesday, the council said the service had been “transformed in six months”. "
        "It went on: “A new front door service brings police, health and school staff under one roof.”"
    )
    q = only(quotes_of(text, orgs=[("Brightwater Trust", [])]), "front door")
    assert q.speaker_description == "the council" and span_text(text, q.speaker_mention) == "It"
    assert q.speaker_name is None  # no council is named: the description carries on, unresolved


def test_quotes_cues_participle_after_a_name_in_apposition_is_not_the_subjects() -> None:
    text = "Minutes of the meeting record the director, Fiona Reddy, telling members that spending was on track."
    q = only(quotes_of(text, [("Fiona Reddy", "female", ["Reddy"])]), "spending")
    assert q.text == "that spending was on track"
    assert q.speaker_name == "Fiona Reddy" and span_text(text, q.speaker_mention) == "Fiona Reddy"


def test_quotes_cues_possessive_source_noun_belongs_to_its_owner() -> None:
    text = (
        "Denis Morin has polled farmers on the rebate for a decade. "
        "His polling suggests that fewer than a third of them believe it pays.\n\n"
        "Grace Okafor runs the shelter. Her lawyer said the lease was void."
    )
    quotes = quotes_of(text, [MORIN, OKAFOR])
    polling = only(quotes, "fewer than a third")
    assert polling.speaker_name == "Denis Morin" and span_text(text, polling.speaker_mention) == "His"
    lease = only(quotes, "lease")
    assert lease.speaker_description == "her lawyer" and lease.speaker is None and lease.speaker_name is None


def test_quotes_cues_asked_after_the_subject_is_what_was_put_to_them() -> None:
    """"Morin, asked whether ..., said: “…”": Morin was asked; what he said is the quote, not the question."""
    text = ("Morin, asked whether he would support an independent audit, said: “Bring it on.”\n\n"
            "Morin, pressed on the cost, replied that the scheme was within its budget.")
    quotes = quotes_of(text, [MORIN])
    assert [(q.kind, q.text) for q in quotes] == [
        ("direct", "Bring it on."), ("indirect", "that the scheme was within its budget")]
    assert all(q.speaker_name == "Denis Morin" for q in quotes)


def test_quotes_cues_a_denial_noted_after_the_content_is_not_part_of_it() -> None:
    text = ("Okafor claimed the council had ignored objections during the consultation, which it denied.\n\n"
            "Okafor said the council had ignored objections, a claim the council rejects.\n\n"
            "Okafor said the council ignored objections, which was a scandal.")
    assert [q.text for q in quotes_of(text, [OKAFOR])] == [
        "the council had ignored objections during the consultation", "the council had ignored objections",
        "the council ignored objections, which was a scandal"]
