"""Indirect and mixed speech: reported clauses after reporting verbs, trailing and parenthetical
attributions ("…, officials said."), and "according to X".

Span convention: the reported clause, including a leading "that", without the final full stop
("Smith said that the council had overspent." -> "that the council had overspent").
Speakers are phrases bound to the cue (see ``speakers``); resolution happens in ``quotes``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from storyline.annotate.attribution_tails import attribution_tail
from storyline.annotate.claim_markers import cue_negated
from storyline.annotate.clause_words import (
    AUXILIARIES,
    AUXILIARY_RE,
    DASH_ASIDE_RE,
    PAST_RE,
    looks_like_clause,
    speaker_span_of,
)
from storyline.annotate.quote_marks import BODY_KINDS, WORD_RE
from storyline.annotate.relative_subjects import (
    PRECEDING_CAPITAL_RE,
    WHO_ASIDE_BEFORE_RE,
    name_before_asides,
    restrictive_who_speaker,
    who_speaker,
)
from storyline.annotate.speaker_phrases import junk_speaker, trimmed_speaker_span
from storyline.annotate.speakers import (
    NAME,
    PARTY_TAG,
    STATES_NOUN_RE,
    TIME_LEAD_RE,
    WEEKDAY_TIME,
    SpeakerSpan,
    apposed_speaker,
    document_verbs,
    has_verb,
    is_passive,
    lexicon,
    speaker_after,
    speaker_at_start,
    speaker_before,
    speaker_inverted,
    verbs_between,
)
from storyline.model import Block, Sentence

__all__ = ["OBJECT_RE", "Found", "find_indirect", "reported_clause_start", "speaker_span_of", "who_speaker"]

MANNER_RE = re.compile(r"\s+(?!only\b|early\b|likely\b|elderly\b)[a-z]{3,}ly(?=\s*[,:]|\s+(?:in|at|on|during|after|before|"
                       r"to|from|with|outside|over)\b)")
# "wrote back, “…”", "said back then that ...": no part of what was said (but "tweeted back at Trump" is)
BACK_RE = re.compile(r"\s+back(?:\s+then)?\b(?!\s+(?:at|to)\b)")
FROM_THAT_RE = re.compile(r"\s+(?:(?:only|simply|merely|just|also|repeatedly|again|[a-z]{3,}ly)\s+)?"  # "said only that ..."
                          r"(?:(?:on|in|at|during|after|before|to|from|with|via|through|earlier|late|last|this|outside|inside|following)\b"
                          r"(?:[^,;:“”\"]|,\s(?=[A-Z][a-z]+,\s)|[“\"][A-Z][^“”\"]{0,40}[”\"])"  # "at a campaign stop in
                          r"{0,60}?,?\s+|\s*[—–]\s*[^—–;:“”\"]{1,60}?\s*[—–]\s*)?(?=that\b)")  # Toledo, Ohio, that", 'on ABC's
# "This Week" that', "said — on Twitter, as it happens — that"
OBJECT_RE = re.compile(
    rf"\s+(?:reporters|journalists|him|her|them|it|us|me|you|{NAME}|the\s+{NAME}"
    r"|(?:the|a|an|his|her|their|its)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=[\s,:])"
)
FIRST_WORD_RE = re.compile(r"\s*,?\s*(?P<w>[\w’'-]+|[“\"‘])")
CLAIM_NOUN_RE = re.compile(r"claims?|allegations?|accusations?|suggestions?|reports?|charges?|criticism|assertions?")
CONJOINED_RE = re.compile(r"(?:,\s*|\s+(?:and|but)\s+(?:(?:[a-z]+ly|has|have|had|also|then|later)\s+)*)$")
LATER_LINK_RE = re.compile(r"(?:,|;|\b(?:and|but|though|although|while|whereas|yet))\s*$")
TRAILING_LINK_RE = re.compile(r"(?:[,;]?\s*\b(?:and|but|though|although|while|whereas|yet)\b)?[\s,;]*$")
SPLIT_RE = re.compile(r",?\s+(?:but|and)\s+(?:also\s+)?(?P<that>that)\b")
APPOSED_PARTICIPLE_RE = re.compile(rf",\s+(?P<subj>{NAME}),\s*$")  # "..., Fiona Reddy, telling members": hers, not the subject's
OBJECT_TO_RE = re.compile(
    rf"\s+(?P<obj>(?:the|a|an|his|her|their|its|our|all|every|him|them|us|{NAME})\b[^,;:.“”\"]{{0,60}}?)\s+to\s+[a-z]"
)
OBJECT_THAT_RE = re.compile(r"\s+(?:[^,;:.“”\"]|[“\"][A-Z][^“”\"]{0,40}[”\"]){1,80}?\s(?=that\b)")  # ('told ABC's
# “Good Morning America” that')
ACCUSED_OF_RE = re.compile(r"\s+(?:[^;:.“”\"]{1,70}?)\s+(?P<of>of)\s+(?=[\w“\"‘'])")
# the "of" of the accusation before a gerund or a quote, past an "of" in the accused's name ("accused the leader of
# Ashdown Borough Council of misleading ...", never past a list: "accused him of fraud and of misleading ...")
ACCUSED_OF_DOING_RE = re.compile(r"\s+(?:(?!\b(?:and|or)\b)[^;:.“”\"]){1,90}?\s+(?P<of>of)\s+(?=[a-z]+ing\b|[“\"‘'])")
DENIED_CLAIM_RE = re.compile(  # ("dismissed as “nonsense” suggestions that", "rejected as untrue claims that")
    r"(?:\s+as\s+(?:[“\"][^“”\"]{1,40}[”\"]|[a-z-]+(?:\s+[a-z-]+)?)(?=\s))?"
    r"\s+(?:(?:the|these|those|any|all|his|her|their|its)\s+)?(?:[\w’'.-]+[’']s?\s+)?(?:[a-z-]+\s+)?"
    r"(?:claims?|allegations?|accusations?|suggestions?|reports?|charges?|assertions?|conclusions?|findings?|"
    r"criticism|characteri[sz]ations?|ideas?|notion|view|rumou?rs?)"
    r"(?:\s+(?:made\s+)?(?:by|from|of)\s+[^,;:.“”\"]{1,60}?)?\s+"
    r"(?=that\b|(?:he|she|they|we|I)\s+(?:should|would|had|has|was|were|is|are|could|will|must|might|did)\b)"
)  # ("rejected the idea he should resign": no "that" before a pronoun and its auxiliary)
DENIED_GERUND_RE = re.compile(r"\s+(?:ever\s+|knowingly\s+|deliberately\s+)?(?P<ing>(?:having|being|[a-z]{3,}ing)\s+\w)")
TOLD_WHEN = rf"(?:\s+(?:last|this)\s+(?:week|month|year|weekend)|\s+yesterday|\s+(?:on\s+)?{WEEKDAY_TIME})?"
TOLD_CLAUSE_RE = re.compile(  # "told the committee the company had spent ...", "told the Echo last week she would ..."
    rf"\s+(?:reporters|journalists|him|her|them|us|me|you|(?:[Tt]he\s+)?{NAME}(?:\s+of\s+{NAME})?|(?:the|a|an|his|her|their|its)\s+(?:[a-z][\w-]*\s+)??[a-z][\w-]*"
    r"|(?:fellow\s+)?[a-z][\w-]*[a-z]s"  # "told councillors the estimate was ...", "told fellow members"
    r"|council|cabinet|parliament|congress|court|committee|conference|assembly|senate|police"  # "told council"
    r"|[A-Za-z]+['’]s\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*"  # "told council's public works committee"
    rf"|(?:a|an|the)\s+(?:[A-Z][\w’'-]*\s+){{1,3}}(?!(?:in|at|on|of|for|with|by|from|to|about|after|before|"
    rf"during|over|last|this)\b)[a-z][\w-]*(?:\s+in\s+{NAME})?)"  # "told a Planned Parenthood
    rf"{TOLD_WHEN}\s+(?=(?:the|a|an|he|she|it|they|we|I|there|this|his|her|their|its|\d)\b"
    r"|[A-Z][\w’'-]+\s+(?:had|has|was|were|is|are|would|will|could|did|should|must)\b"  # "... Whitford had sold"
    r"|(?!(?:today|tonight|yesterday|now|then)\b)[a-z]{4,}\s+(?:had|has|was|were|is|are|would|will|could|did|should|"
    r"must)\s+[a-z])"  # "told trustees administration could have a draft ready"
)
WARNED_CLAUSE_RE = re.compile(  # "warned the freeze would have to be paid for": no hearer, the clause's subject
    r"\s+(?P<subj>(?:the|a|an|his|her|their|its|this|these|those)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*"
    r"|[a-z][\w-]*s)\s+(?=(?:would|could|will|might|may|must|should|was|were|is|are)\s+[a-z])"
)
MUCH_OF_RE = re.compile(r"(?:much|most|many|some|all|none|part)\s+of\s+(?:the|his|her|their|its|our|this|that|these|those)\b")
WH_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who"})
PARTICIPLE_CUE_RE = re.compile(r",\s+(?:\w+ly\s+)?(?P<verb>[a-z]+ing)\b")
AMOUNT_OPENER_RE = re.compile(r"(?:about|around|nearly|almost|roughly|some|over|more\s+than|fewer\s+than|less\s+than|up\s+to|at\s+least)\s+(?:[\d$£€]|half\b|a\s+(?:third|quarter|fifth)\b|(?:two|three)[-\s](?:thirds|quarters)\b)")
# an absolute phrase after the verb: ", his voice breaking", ", her eyes welling with tears"
ABSOLUTE_RE = re.compile(r"(?:his|her|their|its)\s+(?:[a-z]+\s+){0,2}?[a-z]+ing\b")
# what a defendant admits in court is a plea, not speech: "admitted 11 offences under the Housing Act"
PLEA_RE = re.compile(r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|the|all|both|his|her|their)\s+)?"
                     r"(?:[\w-]+\s+){0,2}?(?:charges?|counts?|offen[cs]es?|crimes?|guilt|liability|wrongdoing|manslaughter"
                     r"|murder|theft|fraud|assault|burglary|possession|breach(?:es)?|(?:bodily\s+)?harm|driving|robbery"
                     r"|affray|criminal\s+damage|harassment|stalking|arson|wounding|battery|cruelty|misconduct|perjury|bribery"
                     r"|trespass|kidnapping|blackmail|embezzlement|causing\s+[\w\s]{1,40}?)\b"
                     r"(?!\s+(?:had|has|have|was|were|is|are|would|will|could|should|did|may|might|must|can)\b)",
                     re.IGNORECASE)  # (an offence admitted in court, "admitted grievous bodily harm"; not "admitted the
# damage had been done")
# a reporting verb's form used as a noun: "a Republican and former state legislator", "the state budget"
NOUN_CUE_RE = re.compile(  # "the claim", "his former claim"; but "The former said ...": the first of two people
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Oo]wn|(?<![Tt]he\s)former|whole|entire|home)\s+$")
# "Cllr Meera Joshi (Lab), who chairs the panel, said the ponds fill up.": the subject before ", said", not what
# was said by "the ponds fill up"
# "Cllr Ann Lee (Lab), who ..., said ...", "His neighbour, who did not want to be named, said ...": the subject
# comes first, so what follows "said" is what was said, not who said it
NAME_WHO_RE = re.compile(rf"(?:{NAME}{PARTY_TAG}|(?:[Hh]is|[Hh]er|[Tt]heir|[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+"
                         rf"(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*)(?:,\s+\d{{1,3}})?,\s+who\s[^;]*")
# "Her friend, who did not want to be named, said the same.": what was said, not who said it
PRO_FORM_SUBJECT_RE = re.compile(r"(?:much\s+)?the\s+(?:same|opposite|reverse|contrary|following)(?:\s+things?)?", re.I)


@dataclass
class Found:
    start: int
    end: int
    kind: str
    speaker_span: SpeakerSpan | None = None
    cue: tuple[int, int] | None = None
    bound: float = 0.0  # how strongly the speaker phrase is bound to the cue
    inherit: bool = False
    absorbed: list[int] = field(default_factory=list)
    chain_head: Found | None = None  # a later paragraph of a quote: the paragraph holding its attribution




# --- indirect speech ----------------------------------------------------------------


def reported_clause_start(text: str, verb: re.Match[str], end: int) -> int | None:
    """Where the reported clause after a reporting verb starts, or None when there is none.

    "accused the mayor of hiding ...": the accusation, from "of" (the accused is its target, never its
    speaker); a denial reports only what it denies: "denied that ...", "rejected claims (by X) that ...",
    "denied having ...".
    """
    lex = lexicon()
    lemma = lex.lemma(verb.group(0))
    pos = verb.end()
    manner = MANNER_RE.match(text, pos, end)  # "said firmly in a news conference that ...": how, not what
    pos = manner.end() if manner is not None else pos
    back = BACK_RE.match(text, pos, end)  # "wrote back, “…”", "said back then that ...": no part of what was said
    pos = back.end() if back is not None else pos
    if verb.group(0).endswith("ed") and PARTICIPLE_THEN_VERB_RE.match(text, verb.end(), end):
        return None  # "The Democratic plan rejected on Monday was similar to ...": a participle, no report
    if lemma == "accuse":
        accused = ACCUSED_OF_DOING_RE.match(text, pos, end) or ACCUSED_OF_RE.match(text, pos, end)
        return accused.start("of") if accused else None
    if lex.verb_kind.get(lemma) == "denial":
        return _denied_content(text, pos, end, lemma)
    that = FROM_THAT_RE.match(text, pos, end)
    if that is not None and (lemma not in lex.object_verbs or that.end() - pos < 40):
        return that.end()
    if lemma == "charge":
        return None  # "charged that ..." reports; "charged the officer with murder" is a court's act
    if lemma in lex.that_only_verbs:
        # "announced she wasn’t coming": a clause all the same (never "thought it meant ...": a thought)
        bare = PRONOUN_CLAUSE_RE.match(text, pos, end) if lemma == "announce" else None
        if bare is not None and (AUXILIARY_RE.fullmatch(bare.group("verb")) or PAST_RE.fullmatch(bare.group("verb"))
                                 or bare.group("verb") in lex.irregular_past):
            return bare.start("subj")
        return None  # "found a body", "thought about it": speech only with a that-clause
    if lemma in lex.complement_verbs:
        return _complement_start(text, pos, end)
    if lemma in lex.object_to_verbs:  # "She wants the town to set up ...", never "wants to go home"
        wanted = OBJECT_TO_RE.match(text, pos, end)
        return wanted.start("obj") if wanted else None
    if lemma in lex.object_verbs:
        that = OBJECT_THAT_RE.match(text, pos, end)  # "told a crowd in Miami on Tuesday that ..."
        if that is not None and not _clause_before_that(text, pos, that.end()):
            return that.end()
        told = TOLD_CLAUSE_RE.match(text, pos, end)  # "told the committee the company had spent ..."
        if told is not None and lemma in ("tell", "warn", "assure") \
                and looks_like_clause(text, told.end(), _before_comma(text, told.end(), min(end, told.end() + 80))):
            return told.end()  # (its verb before any comma: "told CBS' Face the Nation on Sunday, saying ..." is none)
        warned = WARNED_CLAUSE_RE.match(text, pos, end) if lemma == "warn" else None
        if warned is not None:
            return warned.start("subj")
        obj = OBJECT_RE.match(text, pos, end)
        pos = obj.end() if obj else pos
    adjunct = lex.adjunct_re.match(text, pos, end)
    pos = adjunct.end() if adjunct else pos
    first = FIRST_WORD_RE.match(text, pos, end)
    if first is None:
        return None
    word = first.group("w")
    if "," in text[pos : first.start("w")] and (
            (word.endswith("ing") and word[:1].islower()) or ABSOLUTE_RE.match(text, first.start("w"), end)):
        return None  # '"...," he says, standing in the car park', ', his voice breaking': what he did, not said
    if CLAIM_NOUN_RE.fullmatch(word):
        return None  # "rejected claims that ...": a denial of someone else's words (see claims.py)
    if lemma == "admit" and (word.lower() in OFFENCE_WORDS or OFFENCE_COUNT_RE.match(text, first.start("w"), end)):
        return None  # "admitted arson", "admitted two counts of fraud": a plea in court, no words reported
    if lex.verb_re.fullmatch(word) and not (word == "states" and not text.startswith(" that", first.end("w"))):
        return None  # "a report that MPs say confirms ...": the verb of a relative clause, not content (but "said
        # states like California will ...": a noun)
    if word.lower() in RELATIVE_REPORT_MODALS and RELATIVE_REPORT_RE.search(text, max(0, verb.start() - 60), verb.start()):
        return first.start("w")  # "a crest that forecasters say could rival the flood of 2011": what they say of it
    if word.lower() in OBJECT_PRONOUNS and not looks_like_clause(text, first.start("w"), end, strict=True) \
            and not any(mark in text[first.start("w") : end] for mark in "“\"«"):
        return None  # "Lowe reported it in August": an object, nothing reported ("called it “news to me”" is)
    if word in ("to", "not", "against") and lemma in lex.infinitive_verbs:
        return first.start("w")
    if word.lower() in WH_WORDS:
        return first.start("w")  # "asked (him) whether the audit could be published"
    if lemma in lex.object_verbs:
        return None  # "told an audience in Brampton": a hearer, not what was said
    if (word.lower() in NP_OPENERS or word[:1].isdigit() or lemma == "declare") \
            and not _np_reports(text, lemma, first.start("w"), end):
        return None  # "adds a responder to every shift", "adds 40 new homes", "declared victory": an object
    if word.lower() in lex.content_openers or (word[:1].isupper() and word != "I" and len(word) > 1):
        return first.start("w")
    if word[:1].isdigit() or AMOUNT_OPENER_RE.match(text, first.start("w"), end):
        return first.start("w")  # "said 87 per cent of members ...", "said about 300 homes were cut off"
    if word[:1].islower() and word not in lex.not_content and not word.endswith("ly"):
        return first.start("w")
    if word == "too" and text.startswith((" much ", " many "), first.end("w")):
        return first.start("w")  # "says too much is made of his tweets"
    if MUCH_OF_RE.match(text, first.start("w"), end) and looks_like_clause(text, first.start("w"), end):
        return first.start("w")  # "said much of his discussion with Trump was about Israel"
    return None


# words that open a noun phrase: after a reporting verb, a reported clause only if a verb follows
NP_OPENERS = frozenset({"a", "an", "another", "the", "this", "these", "those", "its", "their", "his", "her", "our", "my",
                        "every", "each", "some", "several", "many", "more", "new"})
# a reporting verb that as often takes a plain object ("the deal adds a responder to every shift", "the plan
# adds 40 homes", "wrote a host of new songs", "declared victory", "posted a screenshot"): its clause must show a past or an auxiliary,
# since a plural noun looks like a verb in "-s".
# ("acknowledged the reality of climate change", "questioned the plan" stay: PolNeAR counts them as reports.)
NP_OBJECT_VERBS = frozenset({"add", "write", "declare", "post"})
COMMA_AFTER_RE = re.compile(r"\s*,")
# what a defendant admits in court: an offence, not words
OFFENCE_WORDS = frozenset({
    "arson", "murder", "manslaughter", "assault", "assaulting", "theft", "stealing", "burglary", "robbery", "fraud",
    "rape", "causing", "possession", "possessing", "supplying", "wounding", "affray", "harassment", "stalking",
    "kidnapping", "attempted", "conspiracy", "conspiring", "perverting", "misconduct", "breaching", "dangerous",
    "careless", "drink-driving", "drug-driving", "criminal", "common", "sexual", "indecent", "threatening",
    "unlawful", "handling", "blackmail", "bribery", "embezzlement", "trespass", "vandalism", "mischief", "impaired",
})
OFFENCE_COUNT_RE = re.compile(r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+(?:further\s+)?"
                              r"(?:counts?|charges?|offences?|offenses?)\s+of\b", re.IGNORECASE)
# a reporting verb's past participle qualifying its noun, then the clause's own verb: "the plan rejected on Monday was"
PARTICIPLE_THEN_VERB_RE = re.compile(
    rf"(?:\s+(?:(?:on|last|this|next)\s+(?:{WEEKDAY_TIME}|week|month|year|weekend)|(?:in|at|by)\s+[A-Z][\w’']+)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"\s+(?:was|were|is|are|has|had|have|will|would|could|should|may|might|must)\b")
# a verb that reports someone's words before an apposed name: "Minutes record the director, Fiona Reddy, telling"
REPORTED_BEFORE_RE = re.compile(r"\b(?:said|says|told|tells|records?|recorded|shows?|showed|wrote|writes|heard|quoted|"
                                r"according\s+to)\b")
SUBORDINATOR_BEFORE_RE = re.compile(r"\b(?:[Aa]lthough|[Tt]hough|[Ww]hile|[Bb]ecause|[Ss]ince|[Aa]fter|[Bb]efore|[Ww]hen|"
                                    r"[Ii]f|[Oo]nce|[Uu]ntil|[Uu]nless)\s+$")  # ("As Comey noted, ..." reports)
# "a plan that critics say will raise taxes": the reporting verb inside a relative clause, what it says of the noun
RELATIVE_REPORT_MODALS = frozenset({"could", "would", "will", "may", "might", "should", "can", "must", "is", "was",
                                    "were", "are", "has", "had", "have"})
# "a crest that forecasters say could ...", "policy changes, which officials said will ...", "what she said is ...":
# the report of a relative clause, whose subject is the noun (or "what") before it
RELATIVE_REPORT_RE = re.compile(r"(?:\b\w+,?\s+(?:that|which)|\b[Ww]hat)\s+(?P<subj>(?:[A-Za-z][\w’'.\-]*\s+){1,4})$")
SAYING_LEMMAS = frozenset({"say", "tell", "argue", "claim", "insist", "warn", "complain", "believe", "fear", "allege"})
# a group after a preposition (an object: the sentence ends with its relative clause) saying something
OBJECT_WHO_SAY_RE = re.compile(r"\b(?:from|of|by|among|with|for|to)\s+(?P<subj>(?:[a-z][\w-]*\s+){0,3}[a-z]{3,}s)\s+"
                               r"who\s+$")
QUOTE_OPENERS = frozenset("“\"‘'«")
PRONOUN_CLAUSE_RE = re.compile(r"\s+(?P<subj>he|she|they|we|it|I)\s+(?P<verb>[\w’']+)")
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "this", "these", "those", "me", "us"})
ASKED_RE = re.compile(r"(?:When|If|Once)\s+(?:he\s+was\s+|she\s+was\s+|they\s+were\s+)?asked\b")
# a sentence opening with a subordinate clause or a comparison: its main clause follows
SUBORDINATE_START_RE = re.compile(r"(?:Though|Although|Even though|Even if|While|Whilst|Like|Unlike|As with|If|When|"
                                  r"Because|Since|Despite|Once|Unless|Until|Whether)\b")


def _before_comma(text: str, start: int, end: int) -> int:
    comma = text.find(",", start, end)
    return end if comma == -1 else comma


def _np_reports(text: str, lemma: str, start: int, end: int) -> bool:
    """Whether a reported clause opening with a noun phrase (or a number) has a verb of its own."""
    if lemma not in NP_OBJECT_VERBS:
        return True
    if lemma == "declare" and any(mark in text[start:end] for mark in ("“", '"', "‘", "«", "''")):
        return True  # "declared a determination to “continue our open, tolerant life”": quoted words
    comma = text.find(",", start, end)
    end = comma if comma != -1 else end  # "who declared victory on Tuesday, will ...", "posted a screenshot of the
    # reply, which promised ...": the verb after the comma is another clause's
    return AUXILIARY_RE.search(text, start, end) is not None or PAST_RE.search(text, start, end) is not None or any(
        w.lower() in lexicon().irregular_past for w in WORD_RE.findall(text, start, end))


def _denied_content(text: str, pos: int, end: int, lemma: str) -> int | None:
    that = FROM_THAT_RE.match(text, pos, end) or DENIED_CLAIM_RE.match(text, pos, end)
    if that is not None:
        return that.end()
    gerund = DENIED_GERUND_RE.match(text, pos, end)
    if gerund is not None:
        return gerund.start("ing")
    bare = DENIED_CLAUSE_RE.match(text, pos, end) if lemma == "deny" else None
    return bare.start("subj") if bare is not None else None  # "denied he had any knowledge of the payments"


# a clause denied without "that": its subject, then an auxiliary ("denied he had ...", "denied the council was ...")
DENIED_CLAUSE_RE = re.compile(
    r"\s+(?P<subj>he|she|they|we|I|it|(?:the|his|her|their|its)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
    r"(?:had|has|have|was|were|is|are|would|will|could|should|did|knew|ever|never)\b")


def _complement_start(text: str, pos: int, end: int) -> int | None:
    """"urged residents to leave": the whole complement, hearer included, is what was urged."""
    adjunct = lexicon().adjunct_re.match(text, pos, end)
    first = FIRST_WORD_RE.match(text, adjunct.end() if adjunct else pos, end)
    if first is None or first.group("w") in lexicon().not_content - {"to", "not"}:
        return None
    return first.start("w")


# a finite verb between an object and "that": "told council the firm found rot in the trusses that was ...": the
# "that" is a relative pronoun inside the reported clause, which starts after "council" (no "-ed" word: "told a
# crowded hall that", "an invited crowd", "a tape-recorded meeting" are adjectives)
FINITE_VERB_RE = re.compile(r"\b(?:found|was|were|is|are|had|has|made|took|gave|saw|knew|became|began|"
                            r"came|went|got|kept|left|lost|met|paid|put|ran|sent|spent|won|wrote|will|would|could|"
                            r"should|can|must)\b")
RELATIVE_IN_OBJECT_RE = re.compile(r"\b(?:who|whom|whose|which)\b")


def _clause_before_that(text: str, start: int, that: int) -> bool:
    return FINITE_VERB_RE.search(text, start, that) is not None and RELATIVE_IN_OBJECT_RE.search(text, start, that) is None


def _content_end(text: str, start: int, end: int) -> int:
    content = text[start:end].rstrip()
    if content.endswith((".", "!", "?")) and not content.endswith(("...", "…")):
        content = content[:-1]
    return start + len(content.rstrip(" ,;:"))


def _enough_words(text: str, start: int, end: int, minimum: int = 3) -> bool:
    return len(WORD_RE.findall(text, start, end)) >= minimum


def _indirect_in_sentence(
    text: str, sentence: Sentence, inside: list[tuple[int, int]], verbs: list[re.Match[str]]
) -> list[Found]:
    s0, s1 = sentence.start, sentence.end
    verbs = [v for v in verbs if not (v.group(0) == "states" and STATES_NOUN_RE.search(text, max(s0, v.start() - 20),
                                                                                      v.start()))]
    found = None
    named = bool(verbs) and name_before_asides(text, s0, verbs[-1].start()) is not None
    if verbs and not named and text.rfind(",", s0, verbs[-1].start()) >= 0:  # "..., said X" or "..., said X, a
        found = _trailing(text, s0, s1)  # researcher." (not "Sen. Chuck Grassley, facing ..., a swing state, said")
    if found is None and verbs and not named and "," in text[s0:s1]:
        found = _parenthetical(text, s0, s1)
    if found is not None and found.cue is not None and found.speaker_span is not None \
            and not _may_report(text, found.cue, found.speaker_span):
        found = None
    if found is None and "ccording to" in text[s0:s1]:
        found = _according(text, s0, s1)
    if found is not None:
        return [found]
    hits: list[Found] = []
    for verb in verbs:
        if _inside(verb.start(), inside) or _passive_aside(text, verb, s1):
            continue
        hit = _reported_clause(text, s0, s1, verb, later=bool(hits))
        if hit is None:
            if hits and hits[-1].start < verb.start() < hits[-1].end:  # "A said that X, and some B warned that
                other = OTHER_REPORT_RE.search(text, hits[-1].start, verb.start())  # Y": B's report is no part of A's,
                if other is not None and FROM_THAT_RE.match(text, verb.end(), s1):  # whoever B is
                    hits[-1].end = other.start()
            continue
        if hits:
            previous = hits[-1]
            if hit[1] < previous.start and hit[0].start > previous.end:
                hits.append(hit[0])  # "Barkley, who said he votes Democratic, said ...": the main clause's report
                continue
            if not previous.start < hit[1] <= previous.end + 2:  # its clause starts inside (or right after) the first
                continue
            if hit[0].speaker_span is not None and previous.start <= hit[0].speaker_span.start < previous.end \
                    and text.startswith(", who ", hit[0].speaker_span.end):
                hits.append(hit[0])  # "Boileau said she had spoken with the minister, who promised to ...": his
                continue  # report inside hers, which runs on to its end
            previous.end = _content_end(text, previous.start, hit[1])
            previous.end = previous.start + len(TRAILING_LINK_RE.sub("", text[previous.start : previous.end]))
        hits.append(hit[0])
    return [part for hit in hits if _enough_words(text, hit.start, hit.end) for part in _split_conjoined(text, hit)]


# no words reported: a clause cut short ("as his officials have suggested he might, he will ..."), a request for
# anonymity ("who asked that her name not be used", "asked not to be named")
EMPTY_CONTENT_RE = re.compile(
    r"(?:(?:he|she|they|it|we|I|you)\s+(?:might|would|could|will|can|may|should|must|did|does|do|had|has|have|was|"
    r"were|is|are)(?:\s+not|n[’']t)?(?:\s+(?:too|so|again))?\s*(?:[,;:!?—–]|\.(?!\w)|$)|(?:that\s+)?(?:his|her|"
    r"their|my)\s+(?:full\s+)?(?:name|identity|surname)\s+(?:not\s+be|be\s+withheld)|not\s+to\s+be\s+(?:named|"
    r"identified)"
    r"|(?:almost\s+|next\s+to\s+|virtually\s+|very\s+|little\s+or\s+)?(?:nothing|little)\b"
    r"(?!\s+(?:more\s+)?than\b|\s+(?:had|has|have|was|were|is|are|would|will|could|can|should|must|might|may|did|"
    r"does|[a-z]+ed)\b))")
# ("said nothing about the budget", "revealed almost nothing about his intentions": nothing said; but "nothing had
# changed", "little more than a week had passed" open a clause)
# what follows the verb opens with someone's reporting aside ("Cost estimates, he added, were ..."): the "verb" was a
# noun ("estimates"), and the aside is the report
ASIDE_FIRST_RE = re.compile(r",?\s*(?:he|she|they|we|I)\s+(?:said|says|added|adds|told\s+\w+|noted|argued|insisted),")
OTHER_REPORT_RE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:[\w’'.\-]+\s+){1,5}$")
TOLD_HEARER_RE = re.compile(rf"\s+(?:reporters|journalists|him|her|them|us|(?:the\s+)?{NAME}){TOLD_WHEN}")
QUOTE_CLOSE_RE = re.compile(r"[”\"](?=\s*,?\s*[\w])")
# "Sheridan, asked whether he would support an audit, said: ...": he was asked; what he said comes after
PASSIVE_ASIDE_VERBS = frozenset({"asked", "pressed", "questioned", "challenged"})
LATER_SAID_RE = re.compile(r",\s+(?:\w+\s+){0,2}?(?:said|says|replied|replies|added|adds|answered|responded)\b")


def _passive_aside(text: str, verb: re.Match[str], s1: int) -> bool:
    """A participle after a subject and a comma, with the subject's own reporting verb after it."""
    return (verb.group(0).lower() in PASSIVE_ASIDE_VERBS and text[max(0, verb.start() - 2) : verb.start()] == ", "
            and LATER_SAID_RE.search(text, verb.end(), s1) is not None)


# a subordinate clause with a subject of its own, after the sentence's subject: a verb conjoined after it is that
# subject's ("... as he spoke of ... and urged ...")
INNER_SUBJECT_RE = re.compile(r"\b(?:as|when|while|after|before|because|since|until|once)\s+"
                              r"(?P<subj>he|she|they|we|I)\s+(?![\w’']+\s+(?:that|what|how|whether)\b)")


def _quote_speaker_before(text: str, s0: int, end: int) -> SpeakerSpan | None:
    """'“It is over,” Tom Baker said, adding that ...': the speaker of the quote the sentence opens with, when
    the attribution after it runs right up to the participle."""
    closes = list(QUOTE_CLOSE_RE.finditer(text, s0, end))
    if not closes:
        return None
    close = closes[-1]
    found = speaker_after(text, close.end(), end) or speaker_inverted(text, close.end(), end)
    if found is None:
        return None
    span, verb = found
    rest = max(span.end, verb[1])
    hearer = TOLD_HEARER_RE.match(text, rest, end) if text[verb[0] : verb[1]] in ("told", "tells") else None
    rest = hearer.end() if hearer is not None else rest  # '“…,” a spokesperson told the Echo, adding that ...'
    return span if not text[rest:end].strip(" ,") else None


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the sorted, non-overlapping ``regions``."""
    index = bisect_left(regions, (pos + 1, -1)) - 1
    return index >= 0 and regions[index][0] <= pos < regions[index][1]


def _reported_clause(
    text: str, s0: int, s1: int, verb: re.Match[str], later: bool
) -> tuple[Found, int] | None:
    """The reported clause after ``verb`` with its speaker, and where its own clause begins."""
    start = reported_clause_start(text, verb, s1)  # cheap: look for content before looking for a speaker
    if start is None or NOUN_CUE_RE.search(text, max(s0, verb.start() - 10), verb.start()) \
            or EMPTY_CONTENT_RE.match(text, start, s1) or ASIDE_FIRST_RE.match(text, start, s1):
        return None
    lex = lexicon()
    if lex.verb_kind.get(lex.lemma(verb.group(0))) == "admission" and PLEA_RE.match(text, start):
        return None
    if verb.group(0) == "state" and PRECEDING_CAPITAL_RE.search(text, max(s0, verb.start() - 30), verb.start()):
        return None  # "a former Oklahoma state senator": a name's "state" is a noun
    if cue_negated(text, s0, verb.start()):
        return None  # "Mr Hale did not reveal how much ...", "declined to say whether ...": nothing was said
    speaker, bound = speaker_before(text, s0, verb.start()), 0.85
    if text.endswith(" who ", s0, verb.start()):  # the verb of a relative clause: its subject is the noun before
        speaker = None
    relative = False  # a who-clause's report: it ends where the main clause starts
    reported_of = RELATIVE_REPORT_RE.search(text, max(s0, verb.start() - 60), verb.start()) \
        if text[start : start + 8].split(" ")[0] in RELATIVE_REPORT_MODALS else None
    if reported_of is not None:  # "policy changes, which officials said will ...", "what many analysts said was
        # ...": the officials', the analysts'; the report ends with the relative clause, or at a dash ("a job that
        # many economists say is the future - she works in a lab")
        if speaker is None or speaker.start < reported_of.start("subj"):
            speaker = speaker_before(text, reported_of.start("subj"), verb.start(), strict=False)
        if speaker is not None and text[speaker.start : speaker.end].lower() == "they":
            return None  # "rivals have called for her to be prosecuted for what they say was ...": "they" could be
            # the rivals or anyone named before; a relative clause gives no subject to tell them apart
        relative = speaker is not None
        dash = DASH_ASIDE_RE.search(text, start, s1)
        s1 = dash.start() if dash is not None else s1
    if speaker is None:
        speaker = who_speaker(text, s0, verb.start())
        relative = speaker is not None
    if speaker is None and not verb.group(0).endswith("ing"):
        speaker = restrictive_who_speaker(text, s0, verb.start())
        aside = WHO_ASIDE_BEFORE_RE.search(text, max(s0, verb.start() - 120), verb.start()) if speaker is None else None
        if aside is not None:  # "A mother whose sons are in care, who asked not to be named, told ...": the mother
            speaker = restrictive_who_speaker(text, s0, aside.start())
    if speaker is None and not verb.group(0).endswith("ing"):  # (a participle's subject is found below)
        speaker = name_before_asides(text, s0, verb.start())
    if speaker is None and not verb.group(0).endswith("ing"):
        saying = OBJECT_WHO_SAY_RE.search(text, max(s0, verb.start() - 60), verb.start()) \
            if lex.lemma(verb.group(0)) in SAYING_LEMMAS else None
        if saying is not None:  # "objections from riders who say the service is unreliable": the riders'
            speaker = SpeakerSpan(saying.start("subj"), saying.end("subj"), "np")
    if speaker is not None and not _may_report(text, verb.span(), speaker):
        return None  # "the Republicans show how ill-equipped they are": only documents show what they report
    clause_start = speaker.start if speaker is not None else verb.start()
    if speaker is not None and later and not LATER_LINK_RE.search(text, s0, speaker.start) \
            and not text.startswith((", who ", ", which "), speaker.end):
        return None  # "said that the mayor had promised ...": a report inside the report (but "Barkley, who said
        # he votes Democratic, said ...": the main clause's)
    if speaker is None:
        participle = verb.group(0).endswith("ing") or not text[s0 : verb.start()].rstrip().endswith(",")
        link = CONJOINED_RE.search(text, s0, verb.start())
        if not (participle and link):
            return None
        if later and verb.group(0).endswith("ing") and verb.group(0) != "adding" \
                and text.startswith(",", link.start()) and _document_before(text, s0, link.start()):
            return None  # "She said she had seen an email from an officer, dated June, warning that ...": the
            # email warns, inside what she said
        speaker, bound, clause_start = speaker_at_start(text, s0, verb.start()), 0.75, link.start()
        quoted = _quote_speaker_before(text, s0, link.start()) if verb.group(0).endswith("ing") else None
        close = QUOTE_CLOSE_RE.search(text, s0, link.start()) if quoted is not None else None
        if quoted is not None and (speaker is None or (close is not None and speaker.end <= close.start())):
            speaker = quoted  # '“... Let’s see what happens,” he said, adding that ...': his, never words of the
            # quote the sentence opens in
        inner = list(INNER_SUBJECT_RE.finditer(text, speaker.end, link.start())) if speaker is not None \
            and not verb.group(0).endswith("ing") else []
        if inner:  # "Mr. Obama's eyes welled with tears as he spoke of ... and urged voters to ...": he urged
            speaker = SpeakerSpan(inner[-1].start("subj"), inner[-1].end("subj"), "pronoun")
        apposed = APPOSED_PARTICIPLE_RE.search(text, max(s0, verb.start() - 80), verb.start())
        if apposed is not None and verb.group(0).endswith("ing") \
                and REPORTED_BEFORE_RE.search(text, s0, apposed.start()):
            # "Minutes record the director, Fiona Reddy, telling members": hers (never "Emanuel fired his police
            # chief, Garry F. McCarthy, acknowledging ...": Emanuel's, the one who fired)
            speaker = speaker_span_of(apposed, "subj")
    if speaker is None:
        return None
    if not text[verb.end() : start].strip(" ,") and "," in text[verb.end() : start] \
            and SUBORDINATOR_BEFORE_RE.search(text, max(s0, speaker.start - 12), speaker.start):
        return None  # "although Lazar confessed, he showed no remorse": what Lazar did, then the main clause
    if ASKED_IF_BEFORE_RE.search(text, max(s0, speaker.start - 60), speaker.start):
        return None  # "when asked if he still believes Trump cannot be trusted": what he was asked, not what he said
    end = before_attribution(text, start, before_participle(text, start, _content_end(text, start, s1)))
    end = _before_main_clause(text, s0, clause_start, start, end)
    if relative:
        end = _relative_clause_end(text, start, end)
    if ADJUNCT_CLAUSE_RE.match(text, start, end) and "," not in text[start:end]:
        return None  # '“Really,” she added when the interviewer expressed shock': when she said it, not what
    return Found(start, end, "indirect", speaker, verb.span(), bound), clause_start


ASKED_IF_BEFORE_RE = re.compile(r"\b(?:asked|asking|wondered|questioned)\b[^.;:“”\"]{0,40}?\s(?:if|whether)\s+$")
# a subordinate clause alone after the verb tells when or why something was said, never what ("added when ...";
# "said when he arrived, the shop was shut" has its main clause after the comma)
ADJUNCT_CLAUSE_RE = re.compile(r"(?:when|as|after|before|while|whilst|because|since|once|until)\s")


# a sentence opening with a subordinate clause of time or concession: "Hours after the mayor said the plan was
# dead, the council approved it" (what the mayor said ends at the comma: the main clause is the reporter's)
SUBORDINATE_OPENING_RE = re.compile(
    r"\s*(?:(?:just\s+|only\s+)?(?:(?:(?:a\s+few|a\s+couple\s+of|several|two|three|four|five|six|\d+)\s+)?"
    r"(?:hours|days|weeks|months|years|minutes|moments)|a\s+(?:day|week|month|year)|"
    r"one\s+(?:day|week|month|year))\s+(?:after|before)|After|Before|When|While|Whilst|Since|Although|Though|Even\s+"
    r"though|Even\s+as|Just\s+as|Once|Until)\s+$", re.IGNORECASE)


NESTED_RELATIVE_RE = re.compile(r",\s+(?:which|who|whom|whose|where)\b")


def _relative_clause_end(text: str, start: int, end: int) -> int:
    """"Councillor Gale, who claimed the rink was losing money, voted no": what the relative clause reports ends
    at the comma before the main clause's verb (not at one closing a clause of its own: ", which opened in 1990,")."""
    comma, nested = text.find(",", start, end), False
    while comma != -1:
        after = comma + 1 + len(text[comma + 1 : end]) - len(text[comma + 1 : end].lstrip())
        if NESTED_RELATIVE_RE.match(text, comma, end):
            nested = True  # ", which opened in 1990,": the next comma closes it
        elif nested:
            nested = False
        elif _predicate_start(text, after) or lexicon().verb_re.match(text, after):
            return comma  # "..., voted no", "..., said GOP voters should ...": the main clause
        comma = text.find(",", comma + 1, end)
    return end


def _before_main_clause(text: str, s0: int, clause_start: int, start: int, end: int) -> int:
    if not SUBORDINATE_OPENING_RE.fullmatch(text, s0, clause_start):
        return end
    comma = text.find(", ", start, end)
    return comma if comma > start else end


PARTICIPLE_OR_ADVERB_RE = re.compile(r"[a-z]+(?:ly|ing)\b")
AUTHORED_RE = re.compile(r"\s(?:from|by|dated|signed|sent|written)\s")


def _document_before(text: str, s0: int, end: int) -> bool:
    """A document with its author or date ("an email from a senior officer, dated June 2023") ends the words before
    ``end``, with no verb after it: a participle after it is the document's (but "said it could not file its
    financial statement in time, warning that ...": the company's)."""
    documents = list(lexicon().source_re.finditer(text, max(s0, end - 60), end))
    return bool(documents) and AUTHORED_RE.search(text, documents[-1].end(), end) is not None \
        and not AUXILIARY_RE.search(text, documents[-1].end(), end) and not has_verb(text, documents[-1].end(), end)


def before_participle(text: str, start: int, end: int) -> int:
    """Reported content ends before ", rejecting ...", ", saying ...": the speaker's next act, not part of this one;
    and before "... at risk” and referred the matter to ...": a quoted fragment closes, the speaker acts again."""
    for match in PARTICIPLE_CUE_RE.finditer(text, start, end):
        if lexicon().verb_re.fullmatch(match.group("verb")):
            end = start + len(text[start : match.start()].rstrip(" ,;"))
            break
    act = QUOTE_THEN_ACT_RE.search(text, start, end)
    return act.start() + 1 if act is not None else end


# a quoted fragment closes and the speaker acts again: "said the leak had “put money at risk” and referred it to ..."
QUOTE_THEN_ACT_RE = re.compile(
    r"[”\"](?:\s*,)?\s+and\s+(?:then\s+|also\s+|later\s+)?(?:referred|added|called|urged|asked|told|wrote|sent|"
    r"vowed|promised|warned|pledged|demanded|threatened|refused|declined|accused|criticised|criticized|praised|"
    r"apologised|apologized|resigned|walked|stormed|insisted|argued|claimed|denied|announced|confirmed|said)\b")
# ", which it denied", ", a claim the council rejects": the reporter noting a denial, not the claimant's words
DENIED_TAIL_RE = re.compile(
    r",\s+(?:which|something|a\s+claim|an\s+allegation|a\s+charge|claims)\s+(?:[\w’'-]+\s+){0,4}?"
    r"(?:denied|denies|disputed|disputes|rejected|rejects|has\s+denied|have\s+denied)\b[^.;!?]*[.!?]?\s*$")


def before_attribution(text: str, start: int, end: int) -> int:
    """Reported content ends before a trailing attribution (", letters seen by Northgate News show", ", the report
    found"): it says where the reporter learned it, not what was said; nor is a denial noted after it
    (", which it denied")."""
    denied = DENIED_TAIL_RE.search(text, max(start, end - 120), end)
    if denied is not None and len(WORD_RE.findall(text, start, denied.start())) >= 3:
        end = denied.start()
    tail = attribution_tail(text, start, end)
    return end if tail is None else start + len(text[start : tail.start].rstrip(" ,;:—–"))


def _split_conjoined(text: str, found: Found) -> list[Found]:
    """"said A, but that B": two reported clauses, as the GGT guidelines annotate them."""
    match = SPLIT_RE.search(text, found.start + 1, found.end)
    if match is None or not _enough_words(text, found.start, match.start()):
        return [found]
    first = Found(found.start, match.start(), found.kind, found.speaker_span, found.cue, found.bound)
    second = Found(match.start("that"), found.end, found.kind, found.speaker_span, found.cue, found.bound)
    return [first, second]


RELATIVE_TAIL_RE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;:]*$")


def _words_after(text: str, pos: int, s1: int) -> list[str]:
    """The words after a verb ending at ``pos``, past when and where it was said ("found their voice" -> their,
    voice)."""
    adjuncts = lexicon().adjunct_re.match(text, pos, s1)
    return WORD_RE.findall(text, adjuncts.end() if adjuncts else pos, s1)


def _trailing(text: str, s0: int, s1: int) -> Found | None:
    lex = lexicon()
    lo = max(s0, s1 - 400)  # long sentences end with ', said Rita Katz, a researcher.'
    for pattern in (lex.trailing_re, lex.trailing_inverted_re):
        if pattern is lex.trailing_re and not _verb_near_end(text, lo, s1):
            continue  # the search could not match: no reporting verb among the last words
        match = pattern.search(text, lo, s1)
        if match is None or _clause_as_subject(text, match) or _clause_after_subject(text, match, s1):
            continue
        if TIME_LEAD_RE.match(text, match.start("subj")):
            return None  # "..., a day after the union called it a band-aid.": when, not who said the first part
        if pattern is lex.trailing_inverted_re and (PRO_FORM_SUBJECT_RE.fullmatch(match.group("subj").rstrip("."))
                                                    or NAME_WHO_RE.fullmatch(text, s0, match.start())):
            return None
        if pattern is lex.trailing_re and _verb_has_complement(text, s0, match, s1):
            return None  # "In a statement on Wednesday, Mr Pryce denied misleading the public.": said after the verb
        if cue_negated(text, s0, match.start("verb")):
            return None  # ", Mr Hale did not reveal ...": nothing reported
        if pattern is lex.trailing_re and is_passive(match.group("aux")):
            return None  # "..., councillors were told on Wednesday.": the hearers, not the speakers
        if pattern is lex.trailing_re and lex.lemma(match.group("verb")) in lex.that_only_verbs \
                and _words_after(text, match.end("verb"), s1):
            return None  # "..., Democrats have found their voice on gun control again.": what they found, no report
        if lex.lemma(match.group("verb")) in lex.documents_only_verbs and any(
                speaker_before(text, s0, v.start()) is not None for v in verbs_between(text, s0, match.start())):
            return None  # "Bamberg also said the videos do not show ..., the footage showed.": Bamberg's report
        end = _content_end(text, s0, match.start())
        short = pattern is lex.trailing_re and looks_like_clause(text, s0, end, strict=True)
        if text[s0:end].lstrip()[:1] in "“\"‘'" or not _enough_words(text, s0, end, 2 if short else 4):
            return None  # "No engineer came, he said." is a report; "Good luck, he said." is not
        relative = RELATIVE_TAIL_RE.search(text, s0, end) if pattern is lex.trailing_inverted_re else None
        if pattern is lex.trailing_inverted_re and (
                not looks_like_clause(text, s0, end, strict=True)
                or relative is not None and not looks_like_clause(text, s0, relative.start(), strict=True)):
            return None  # "Her neighbour Ray Clegg, 79, said the same.": the subject, not what was said; "The
            # audit, which the mayor ordered in May, confirmed the scale of ...": a subject and its relative clause
        return Found(_clause_start(text, s0, end), end, "indirect", speaker_span_of(match, "subj"),
                     match.span("verb"), 0.85)
    return None


GERUND_NOUNS = frozenset({"during", "following", "including", "regarding", "concerning", "according", "morning",
                          "evening", "meeting", "briefing", "hearing", "sitting"})
CLAUSE_SUBJECT_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those",
                                    "he", "she", "they", "it", "we", "i"})
PREPOSITION_OPENERS = frozenset({"in", "on", "at", "according", "after", "before", "during", "following", "under",
                                 "despite", "amid", "since", "speaking", "asked", "writing", "responding", "for",
                                 "with", "by", "from", "as", "within", "outside", "ahead"})


DENIED_OBJECT_WORDS = frozenset({"it", "them", "this", "these", "those", "the", "a", "an", "his", "her", "their",
                                 "its", "any", "all", "both", "each", "every"})


def _verb_has_complement(text: str, s0: int, match: re.Match[str], s1: int) -> bool:
    """Whether a trailing attribution's verb has what was said after it, so the words before it are not
    reported content: the verb takes a gerund or a "that" clause ("denied misleading the public"), or the
    words before open with a preposition ("According to the report, ...") and the verb has an object."""
    lex = lexicon()
    rest = _words_after(text, match.end("verb"), s1)
    if not rest:
        return False
    first = rest[0].lower()
    if first == "that" or (first.endswith("ing") and first not in GERUND_NOUNS):
        return True
    if first == "to" and lex.lemma(match.group("verb")) in lex.object_to_verbs | lex.infinitive_verbs:
        return True  # "..., he wants to be engaged this fall": what he wants comes after the verb
    if first in DENIED_OBJECT_WORDS and lex.verb_kind.get(lex.lemma(match.group("verb"))) == "denial":
        return True  # "Although the mayor said the plan was sound, the council rejected it.": what it rejected is "it"
    if first in CLAUSE_SUBJECT_OPENERS and lex.lemma(match.group("verb")) not in lex.object_verbs and any(
            w in AUXILIARIES or w.endswith("ed") or w in lex.irregular_past for w in map(str.lower, rest[1:])):
        return True  # ", many of whom say the council ignored their letters.": what they say comes after the verb
    opener = WORD_RE.findall(text, s0, min(s1, s0 + 40))
    return bool(opener) and opener[0].lower() in PREPOSITION_OPENERS and first not in PREPOSITION_OPENERS


def _verb_near_end(text: str, lo: int, s1: int) -> bool:
    """Whether a reporting verb, followed by nothing but a few words, ends ``text[lo:s1]`` (what ``trailing_re``
    needs after its verb; looked for among the last words only, so much cheaper than ``trailing_re`` itself)."""
    lex = lexicon()
    words = text[lo:s1].rsplit(None, lex.trailing_verb_words)
    start = lo + len(words[0]) if len(words) > lex.trailing_verb_words else lo
    return lex.trailing_verb_re.search(text, start, s1) is not None


def _clause_after_subject(text: str, match: re.Match[str], end: int) -> bool:
    """", said the late, fast melt had made ...": what follows the "subject" is a clause of its own."""
    return AUXILIARY_RE.search(text, max(match.end("subj"), match.end("verb")), end) is not None


def _clause_as_subject(text: str, match: re.Match[str]) -> bool:
    """", said the letters confirmed what ...": a reported clause, not the speaker of what came before."""
    subject = text[match.start("subj") : match.end("subj")]
    body = subject.rsplit(None, 1)[0] if " " in subject else ""  # the head noun may look like a verb: "the report"
    return lexicon().verb_re.search(body) is not None or AUXILIARY_RE.search(subject) is not None


def _parenthetical(text: str, s0: int, s1: int) -> Found | None:
    """"Residents will have to boil water, town officials say, after a pump failed.": the part before."""
    if lexicon().parenthetical_verb_re.search(text, s0, s1) is None:
        return None  # no reporting verb followed by a comma a few words on: the search below could not match
    match = lexicon().parenthetical_re.search(text, s0, s1)
    if match is None or text.endswith("of ", s0, match.start("verb")):
        return None  # ", the former secretary of state, ": a noun
    if match.group("verb") == "state" and not text.startswith(",", match.end("verb")):
        return None  # "Gary Emineth, a former state party chairman, became ...": a noun before a noun
    if PARTICIPLE_OR_ADVERB_RE.match(text, match.start("subj")):
        return None  # ", largely targeting voters in battleground states, according to ...": no subject, no verb
    if is_passive(match.group("aux")):
        return None  # "The scheme, councillors were told, will cost more": the hearers, not the speakers
    end = _content_end(text, s0, match.start())
    if text[s0:end].lstrip()[:1] in "“\"‘'":
        return None
    if OPEN_CLAUSE_END_RE.search(text, s0, match.start()) and not verbs_between(text, s0, match.start()):
        return _clause_after_aside(text, match, s1)  # (after another report in the sentence the aside may be its
        # speaker's: "Schlafly replied that she was pleased Friedan had said that because, she said, ...")
    main = _main_clause_after_aside(text, s0, end, match.end(), s1)
    whole = None if main is not None else _split_by_aside(text, s0, match.start(), match.end(), s1)
    if main is not None:
        end = main
    elif whole is not None:  # "Many of the closures, he said, have ...", "Tax breaks on homes, he said, amount to ..."
        end = whole
    elif not _enough_words(text, s0, end, 5) or not looks_like_clause(text, s0, end):
        return None
    else:
        end = _and_clause_after_aside(text, match.end(), s1) or end
    return Found(_clause_start(text, s0, end), end, "indirect", speaker_span_of(match, "subj"), match.span("verb"), 0.8)


AND_CLAUSE_RE = re.compile(r"\s*and\s+(?:(?:the|a|an|his|her|their|its|these|those|it|he|she|they|we|I)\b|[A-Z])")


def _and_clause_after_aside(text: str, aside_end: int, s1: int) -> int | None:
    """ "The money had been allocated to a programme, she said, and work would start in April.": a clause joined by
    "and" after the aside goes on with what was said (the whole sentence is, aside included), or None."""
    joined = AND_CLAUSE_RE.match(text, aside_end, s1)
    if joined is None:
        return None
    end = _content_end(text, aside_end, s1)
    return end if looks_like_clause(text, joined.end(), end, strict=True) and "“" not in text[aside_end:end] \
        and '"' not in text[aside_end:end] else None


# a clause left open before an aside: "... after a fight in which, she says, he was ...", "because, he said, ..."
# (a relative pronoun must follow a preposition: "which, he said, had been warned" has no subject of its own)
OPEN_CLAUSE_END_RE = re.compile(r"\b(?:(?:in|on|at|for|from|with|by|under|during|after|before)\s+(?:which|whom)|because|"
                                r"since|where|when|although|though|while|whereas|unless)\s*,?\s*$")


def _clause_after_aside(text: str, aside: re.Match[str], s1: int) -> Found | None:
    """ "Josh was excluded after a fight in which, she says, he was defending a younger pupil": only the clause the
    aside opens is what she says (the part before is the writer's), or nothing when no clause follows."""
    after = aside.end() + len(text[aside.end() : s1]) - len(text[aside.end() : s1].lstrip())
    end = _content_end(text, after, s1)
    if text[after : after + 1] in QUOTE_OPENERS or not _enough_words(text, after, end, 3) \
            or not looks_like_clause(text, after, end):
        return None
    return Found(after, end, "indirect", speaker_span_of(aside, "subj"), aside.span("verb"), 0.8)


def _main_clause_after_aside(text: str, s0: int, end: int, aside_end: int, s1: int) -> int | None:
    """"Though the transition was smooth, he said, replacing her would be harder": a sentence opening with a
    subordinate clause has its main clause after the aside, so the whole sentence is what was said (where it ends).
    None before a quotation ("When the rule takes effect, Dr. Clark added, “…”": the quotation is found on its
    own) or after a question ("When asked why, Tyler said, …")."""
    opening = _clause_start(text, s0, end)
    if not SUBORDINATE_START_RE.match(text, opening) or ASKED_RE.match(text, opening):
        return None
    after = aside_end + len(text[aside_end:s1]) - len(text[aside_end:s1].lstrip())
    main = _content_end(text, after, s1)
    if text[after : after + 1] in QUOTE_OPENERS or not _enough_words(text, after, main, 4) \
            or not looks_like_clause(text, after, main):
        return None
    return main


def _split_by_aside(text: str, s0: int, aside_start: int, aside_end: int, s1: int) -> int | None:
    """"The budget, she said, would protect every library", "The scheme, according to the council, cost ...": a
    clause whose subject comes before the aside (``aside_start`` to ``aside_end``) and its verb after; the whole
    sentence is what was said (where it ends), or None."""
    if len(WORD_RE.findall(text, s0, aside_start)) > 8 or AUXILIARY_RE.search(text, s0, aside_start) \
            or PAST_RE.search(text, s0, aside_start):
        return None  # the part before has a verb of its own: it is no subject waiting for its verb
    after = aside_end + len(text[aside_end:s1]) - len(text[aside_end:s1].lstrip())
    if not _predicate_start(text, after):
        return None
    end = _content_end(text, after, s1)
    return end if _enough_words(text, s0, end, 5) and "“" not in text[after:end] and '"' not in text[after:end] else None


# the verb a clause continues with after an aside: "…, she said, would protect …", "…, he said, have involved …"
PREDICATE_START_RE = re.compile(
    r"(?:would|will|could|should|can|may|might|must|is|are|was|were|has|have|had|did|does|do|need|needs|"
    r"remains?|remained|[a-z]+ed)\b")
PRESENT_PREDICATE_RE = re.compile(r"(?P<verb>[a-z]{2,})\s+(?=[a-z“\"‘$£€\d])")  # "…, he said, amount to …"
# what follows an aside without being the verb its subject waits for: "…, he said, after a pump failed"
NOT_PREDICATES = frozenset({
    "after", "before", "as", "at", "by", "for", "from", "in", "into", "of", "on", "to", "with", "without", "about",
    "than", "since", "until", "because", "although", "though", "while", "whereas", "unless", "if", "when", "where",
    "and", "but", "or", "nor", "so", "yet", "then", "not", "also", "even", "still", "only", "just", "now", "there",
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "some",
    "he", "she", "they", "it", "we", "you", "who", "which", "whose", "what", "how", "why", "once", "despite", "amid",
    "including", "like", "unlike", "per", "via", "over", "under", "through", "across", "against", "among", "within",
    "behind", "beyond", "near", "beside", "besides", "toward", "towards", "upon", "around", "throughout", "except",
    "along", "alongside", "following", "regarding", "concerning", "plus", "versus", "whether", "either", "neither",
    "both", "each", "every", "any", "all", "most", "many", "more", "less", "such", "other", "another", "here", "too",
    "instead", "perhaps", "i", "me", "him", "them", "us", "no", "yes", "well", "ago", "later", "earlier",
})


def _predicate_start(text: str, at: int) -> bool:
    """Whether ``text`` continues at ``at`` with the verb of a subject left before an aside: an auxiliary, a past
    form, or a present form followed by more of the clause ("amount to", "mean fewer"), not a preposition,
    conjunction, pronoun, participle or adverb."""
    if PREDICATE_START_RE.match(text, at):
        return True
    match = PRESENT_PREDICATE_RE.match(text, at)
    if match is None:
        return False
    verb = match.group("verb")
    return verb not in NOT_PREDICATES and not verb.endswith(("ing", "ly"))


# "MONTREAL — ", "MILLERSBURG, Ohio (AP) — " (a state or country after the town, in its own case)
DATELINE_RE = re.compile(r"\s*[A-Z][A-Z .,'’\-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
                         r"(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s+")


def _clause_start(text: str, s0: int, end: int) -> int:
    """Where a clause reported before its attribution starts: after the sentence's leading spaces and any
    dateline ("MONTREAL — Montreal will ban ..., the mayor announced")."""
    dateline = DATELINE_RE.match(text, s0, end)
    start = dateline.end() if dateline is not None and any(c.islower() for c in text[dateline.end() : end]) else s0
    return start + len(text[start:end]) - len(text[start:end].lstrip())


LIST_TAIL_RE = re.compile(r"\s*[a-z][\w’'-]*(?:,\s*[a-z][\w’'-]*)*,?\s+(?:and|or)\s+[a-z][\w’'-]*\s*,")
LINK_WORD_RE = re.compile(r"(?:But|And|Now|So|Yet|However|Still|Meanwhile|Instead|Indeed|Also|Then|Again|Even so|"
                          r"In fact|Today|Overall)\s*,?")


def _according(text: str, s0: int, s1: int) -> Found | None:
    match = lexicon().according_re.search(text, s0, s1)
    if match is None:
        return None
    before = text[s0 : match.start()].strip()
    speaker, apposed_end = apposed_speaker(text, speaker_span_of(match, "subj"), s1)
    if not before or LINK_WORD_RE.fullmatch(before):  # "But, according to the poll, 46 percent ..."
        comma = text.find(",", max(match.end(), apposed_end - 1), s1)
        if comma < 0 or text[max(match.end(), apposed_end - 1) : comma].strip():
            return None
        listed = LIST_TAIL_RE.match(text, comma + 1, s1)  # "according to interviews with his friends, aides
        comma = listed.end() - 1 if listed is not None else comma  # and allies, he wants ...": the whole list
        start = comma + 1 + len(text[comma + 1 : s1]) - len(text[comma + 1 : s1].lstrip())
        end = _content_end(text, start, s1)
    else:  # "..., according to the report." or "... by 271 delegates according to a count by AP, but ..."
        end = s0 + len(text[s0 : match.start()].rstrip(" ,;—–"))
        start = _clause_start(text, s0, end)
        aside = COMMA_AFTER_RE.match(text, max(match.end(), apposed_end - 1), s1)
        if not _enough_words(text, start, end, 4) and text[end : match.start()].strip() == "," and aside:
            whole = _split_by_aside(text, s0, match.start(), aside.end(), s1)  # "The scheme, according to X, cost"
            end = whole if whole is not None else end
    if not _enough_words(text, start, end, 4):
        return None
    return Found(start, end, "indirect", speaker, match.span("verb"), 0.8)


def find_indirect(text: str, blocks: list[Block], sentences: list[Sentence], inside: list[tuple[int, int]]) -> list[Found]:
    """Indirect speech in the body sentences, skipping reporting verbs ``inside`` direct quotes (sorted regions)."""
    found: list[Found] = []
    verbs, verb_starts = document_verbs(text)
    for sentence in sentences:
        if blocks[min(sentence.block, len(blocks) - 1)].kind not in BODY_KINDS:
            continue
        here = verbs[bisect_left(verb_starts, sentence.start) : bisect_left(verb_starts, sentence.end)]
        if here or "ccording to" in text[sentence.start : sentence.end]:
            found.extend(kept for hit in _indirect_in_sentence(text, sentence, inside, here)
                         if (kept := clean_speaker_span(text, hit, keep_words=False)) is not None)
    return found


# what may "show" something: a document, figures or pictures ("polls show ...", "records show ..."), never a person
# ("the Republicans show how ill-equipped they are"): the phrase holds one of these words
DOCUMENT_WORDS = frozenset({"poll", "polls", "polling", "survey", "surveys", "report", "reports", "study", "studies",
                            "data", "figures", "numbers", "records", "record", "results", "statistics", "analysis",
                            "research", "audit", "review", "census", "documents", "document", "emails", "filings",
                            "video", "videos", "footage", "images", "photos", "photographs", "pictures", "map", "maps",
                            "chart", "charts", "tests", "findings", "estimates", "projections", "forecast", "accounts",
                            "minutes", "transcript", "transcripts", "recording", "recordings", "memo", "letters"})


def _may_report(text: str, cue: tuple[int, int], speaker: SpeakerSpan) -> bool:
    """Whether ``speaker`` may report with the verb at ``cue``: a verb that reports only for documents ("show")
    needs a document, figures or pictures as its speaker."""
    lex = lexicon()
    if lex.lemma(text[cue[0] : cue[1]]) not in lex.documents_only_verbs:
        return True
    return any(w.lower() in DOCUMENT_WORDS for w in WORD_RE.findall(text, speaker.start, speaker.end))


def clean_speaker_span(text: str, found: Found, *, keep_words: bool) -> Found | None:
    """``found`` with its speaker phrase trimmed; when that phrase is no speaker at all, None (a reported clause then
    has nothing to stand on), or with ``keep_words`` (a quote in quotation marks) ``found`` with no speaker."""
    if found.speaker_span is None:
        return found
    found.speaker_span = trimmed_speaker_span(text, found.speaker_span, direct=found.kind == "direct")
    if not junk_speaker(text, found.speaker_span):
        return found
    if not keep_words:
        return None
    found.speaker_span, found.cue, found.inherit = None, None, False
    return found
