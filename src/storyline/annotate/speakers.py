"""Who said it: reporting verbs and the speaker phrases next to them.

Precision before recall: a speaker phrase is only found when it is bound to a cue (subject
of a reporting verb, "according to X", a colon introducing a quote).  Subjects that name
nobody ("Nobody disputes", "few experts believe") or are really a clause ("the council would
comply but") are refused.  A role with a name in apposition gives the name, in both orders
("Northfield Mayor, Jane Oduya, said", "Sam Reid, Westbury South MP said").  What a phrase
stands for is decided in ``speaker_resolve``.

Word lists live in ``data/quotes_verbs.json`` and ``data/quotes_words.json``.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from storyline.annotate.entity_lexicon import lexicon as entity_lexicon
from storyline.annotate.word_alternation import alternation
from storyline.model import Stance


__all__ = [
    "Lexicon",
    "SpeakerSpan",
    "document_verbs",
    "is_passive",
    "lexicon",
    "possessor",
    "speaker_after",
    "speaker_at_start",
    "speaker_before",
    "speaker_inverted",
    "verbs_between",
]

# capitals beyond ASCII start names too: "Émilie Thuillier", "Łukasz Nowak", "Ørjan Berg"
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
NAME_TOKEN = rf"\b(?:[{UPPER}][\w’'.\-]*|[{UPPER}]\.)"
PARTICLE = r"(?:de|van|von|der|den|del|della|da|di|du|bin|ibn|al|el|la|le|dos|das|ter|St\.)"
NOT_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|It|He|She|They|We|I|In|On|At|But|And|As|If|When|While|After|Before"
    r"|For|With|From|By|Of|To|So|Yet|Or|Then|There|Here|However|Meanwhile|Still|Also|Even|Asked|Speaking"
    r"|Nobody|No|None|Nothing|Neither|Few|Everybody|Everyone|Somebody|Someone|Anyone|Anybody)\b)"
)
WARD = r"(?:(?:Ward|District|Division|Precinct)\s+\d{1,3}\s+)?"  # "Ward 3 Coun. Amanda Lee"
NAME = rf"{NOT_NAME}{NAME_TOKEN}(?:\s+(?:{PARTICLE}\s+)*{NAME_TOKEN}){{0,7}}"
WORD = r"[\w’'&.\-]+"
DETERMINERS = r"\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Bb]oth|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
RELATIVES = r"(?:that|which|who|whom|whose|when|where)\b"
# the last word is no relative pronoun right after a noun ("The officer who wrote the report said ..." is not
# "The officer who" saying "the report said ..."); "many of whom say", "the study -- which notes" keep theirs
LAST_NOT_RELATIVE = rf"(?!(?<=[a-z]\s)(?<!\bof\s){RELATIVES})"
# a noun phrase never ends in a subject pronoun: "In a statement he said" is his ("a statement he" is nobody)
NOT_PRONOUN_END = r"(?!(?:he|she|they|we|I)\b)"  # ("it" may: "several included on it")
DET_NP = rf"{DETERMINERS}\s+(?:(?!{RELATIVES}){WORD}\s+){{0,6}}?{LAST_NOT_RELATIVE}{NOT_PRONOUN_END}{WORD}"
POSSESSIVE = rf"{NAME}(?:[’']s|(?<=s)[’'])\s+(?:[a-z\-]+\s+){{0,2}}?[a-z\-]+"
PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
ORG_OF = rf"{NAME}(?:\s+\d+)?(?:\s+of\s+(?:the\s+)?{NAME}){{1,2}}"  # "Local 1187 of the Amalgamated Transit Union"
NUMBER_WORD = (r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
               r"(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)"
               r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)")
SHARE = (  # "52 per cent", "Sixty-six percent", "Six in 10", "three-quarters", "a majority", "most of them"
    rf"(?:\d[\d.,]*\s*(?:percent|per\s+cent|%)|{NUMBER_WORD}\s+(?:percent|per\s+cent)"
    rf"|(?:\d+|{NUMBER_WORD})(?:\s+|-)(?:in|out\s+of|of)(?:\s+|-)(?:\d+|{NUMBER_WORD})\b"
    r"|(?:[Mm]ost|[Mm]any|[Hh]alf)\s+of\s+them|[Hh]alf|[Aa]\s+(?:third|quarter|fifth|majority)"
    r"|\d{1,3}(?:,\d{3})+(?=\s+[a-z])|\d{2,}(?=\s+[a-z]+s\b)"  # "1,409 teachers", "300 residents"
    r"|(?:[Tt]wo|[Tt]hree|[Ff]our)[-\s](?:thirds|quarters|fifths)|[Mm]ajorities)"
)
QUANTITY = (  # a share of those asked: "Just 28 per cent of voters", "Six in 10 Virginia primary voters"
    r"(?:(?:[Aa]bout|[Jj]ust|[Oo]nly|[Nn]early|[Aa]lmost|[Rr]oughly|[Mm]ore\s+than|[Ff]ewer\s+than|[Ll]ess\s+than"
    r"|[Ss]ome|[Aa]t\s+least)\s+)?(?<!\d,)"
    rf"{SHARE}"
    # of whom: "of voters", "of the respondents", "Democratic registered voters" (a plural noun last)
    r"(?:(?:\s+of\s+(?:the\s+|all\s+|those\s+)?(?:[A-Za-z][\w-]*\s+){0,3}?[a-zA-Z][\w-]*"
    r"|\s+(?:[A-Za-z][\w-]*\s+){0,3}?[a-z][\w-]*s\b)"
    r"(?:\s+(?:polled|surveyed|questioned|overall))?"
    r"(?:\s+in\s+(?:a|the|this|last|our)\s+(?:[\w’'.\-]+\s+){0,5}?(?:poll|survey))?)?"
)
SPOKES_RE = re.compile(r"spokes|representative")
SPOKESPERSON = (  # "A spokesperson for the Department for Children and Learning"
    rf"{DETERMINERS}\s+(?:[\w-]+\s+)?(?:spokesperson|spokesman|spokeswoman|representative)\s+(?:for|of|with|from)\s+"
    rf"(?:the\s+)?{NAME}(?:(?:\s+(?:for|of|and|&|on)|,)\s+(?:the\s+)?{NAME}){{0,4}}"  # "Environment, Food and Rural"
)
# ", the leader of the opposition,", ", 79,", ", who chairs the panel,", ", published on Monday,": never a clause
# of its own (", uses big data to help brands,")
# an age may come first: "Tom Hale, 54, a retired teacher from Leeds, said"
APPOSITIVE = (r"(?P<appos>(?:,\s+\d{1,3}(?=,\s+[a-z]))?"
              # a description and a who-clause: "Willie Minor, an actor in Dallas, who runs a theater, recalled"
              r"(?:,\s+(?:an?|the)\s[^,;:“”\"]{1,120}?,\s+who\s[^,;:“”\"]{1,100}?,"
              # two descriptions, or a who-clause and a description of what it names: "Eddie Griffin, a member of
              # the AfroSpear, a group of black bloggers, said", "Eddie Griffin, who was a member of the AfroSpear,
              # a group of black bloggers, said"
              r"|,\s+(?:(?:an?|the)\s|who\s)[^,;:“”\"]{1,120}?,\s+(?:an?|the)\s"
              r"(?:(?!\b(?:will|would|is|are|was|were|has|have|had|can|could|may|might|must|should)\b)[^,;:“”\"]){1,80}?,"
              r"|,\s+(?!(?!(?:his|its|this|hers|ours|yours|theirs)\b)[a-z]+[^s\W]s\s(?!of\b))"
              r"(?:[^,;:“”\"]|(?<=\d),(?=\d{3})){1,160}?,"
              # between dashes: "Jason Sims — a teacher from Mount Pleasant — says"
              r"|\s+[—–]\s+[^—–;:“”\"\n]{1,120}?\s+[—–]|\s+--?\s+(?:[^;:“”\"\n-]|(?<=\w)-(?=\w)){1,120}?\s+--?(?=\s)))?")
# Between a subject and its verb: a party tag ("Sen. Elizabeth Warren (D-Mass.) said", "Cllr Ann Lee (Lab) said")
# and when or where it was said ("Hillary Clinton on Tuesday said", "the minister in a statement said").
PARTY_TAG = (r"(?:\s+\((?:[DRI]\s*[-–]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?|[DRI]|[A-Z][a-z]{1,4}\."  # "(R)", "(Mich.)"
             r"|[A-Z]{2,6}(?=\))"  # a body's acronym: "the National Education Union (NEU) said"
             rf"|{alternation(entity_lexicon().party_tags)}"  # a ward or division may follow: "(Lab, Stanmore)"
             r"(?:,\s*[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|and|&|ward|division)){0,4})?)\))?")
WEEKDAY_TIME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
SAID_WHEN = (rf"(?:\s+(?:(?:on|late|early)\s+)?{WEEKDAY_TIME}"
             r"|\s+(?:last|this)\s+(?:week|month|weekend|morning|afternoon|evening)|\s+yesterday"
             r"|\s+in\s+(?:a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?"  # "in a Medium post", "in his written statement"
             r"(?:statement|interview|speech|letter|email|post|op-ed|column|tweet|memo|video))?")
LEADING_WORDS = r"In|At|On|During|After|Before|Later|Then|Separately|Earlier|Elsewhere"  # open a sentence's fronted phrase
LEADING_PHRASE_RE = re.compile(rf"(?:{LEADING_WORDS})\b[^,;:]{{0,40}}")
# A sentence's fronted time or linking phrase before its subject: "Last month, FBI Director James Comey called ..."
FRONTED_PHRASE = (rf"(?:(?:{LEADING_WORDS}|Last|This|Since)\b[^,;:“”\"]{{0,60}}"
                  r"|(?:[A-Z][a-z]*|\d+)(?:\s+[a-z]+){0,2}\s+(?:later|earlier|ago|afterwards|before)"  # "Hours later", "Two days later"
                  r"|Yesterday|Today|Meanwhile|However|Instead|Afterwards|Previously)")
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
NOBODY_RE = re.compile(r"\b(?:[Nn]obody|[Nn]o|[Ff]ew|[Nn]either|[Nn]one)\b")
NAME_AND_RE = re.compile(r"\b[A-Z][\w’'-]*\s+(?:and|&|or)\s+$")
# nouns in "-ly", never an adverb before the verb: "The organizer of a rally said", "the local weekly reported"
LY_NOUNS = (r"(?:rally|ally|family|assembly|supply|reply|tally|monopoly|anomaly|bully|belly|jelly|folly|homily|lily|"
            r"daily|weekly|monthly|quarterly|fly|butterfly)")
EVEN_BEFORE_RE = re.compile(r"\b[Ee]ven\s+$")
EVEN_SUBJECT_RE = re.compile(rf"(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s|{NAME_TOKEN})")
# documents and figures in the plural ("polls show", "records show"): a subject with no article
PAPERS = ("polls", "records", "data", "statistics", "surveys", "studies", "filings", "documents", "results", "numbers",
          "figures", "minutes", "emails", "letters")
# who has a document or how it came out, after its noun: "Emails obtained by the Echo", "Letters released under ..."
PAPER_PARTICIPLE = r"\s+(?:seen|obtained|released|published|leaked)\s+(?:by|under|to)\s+"
PAPER_PARTICIPLE_RE = re.compile(rf"(?i:{'|'.join(PAPERS)}){PAPER_PARTICIPLE}")
PAPER_PARTICIPLE_SPLIT_RE = re.compile(PAPER_PARTICIPLE)
# a word of who obtained the documents or how: no clause of its own ("Figures seen by the Courier show that
# spending on repairs" is no subject of "claims")
PAPER_TAIL_WORD = (r"(?!(?:that|which|who|and|but|or|show|shows|showed|reveal|reveals|revealed|suggest|suggests|"
                   r"suggested|say|says|said)\b)[\w’'.&-]+")
RELATIVE_APPOSITION_RE = re.compile(r",\s+(?:who|whose|which)\b")
COORDINATOR_END_RE = re.compile(r"\s(?:and|but|or|nor)$")
CLAUSE_WORD_RE = re.compile(r"\b(?:would|could|should|will|must|might|can)\b")
TOGETHER_RE = re.compile(r"\b(?:all|both|each)\b")  # "ministers all urged": after a plural subject
PROGRESSIVE_AUX_RE = re.compile(r"\b(?:is|are|was|were|been|be|am)\b")
COPULA_RE = re.compile(r"\b(?:is|are|was|were|has|have|had)\b")  # a subject holds none, but in a relative clause
RELATIVE_WORD_RE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
PASSIVE_AUX = {"was", "were", "is", "are", "been", "be", "being"}
INVERTED_FOLLOWERS = (  # "…,” said Mayor Darren Loewen after the vote": words that may follow an inverted speaker
    r"(?:on|in|at|after|before|during|outside|following|when|while|as|last|this|earlier|later|to|from|with|"
    r"yesterday|today|tonight|via|who)"
)
NAME_BEFORE_ROLE_RE = re.compile(rf"(?:^|[\s(“\"‘])(?P<name>{NAME}),\s*$")
SPACES_RE = re.compile(r"\s+")
DETERMINER_START_RE = re.compile(DETERMINERS + r"\s")
AND_RE = re.compile(r"\s(?:and|&)\s")
APPOSED_NAME_RE = re.compile(rf",\s+(?:\d{{1,3}}-year-old\s+)?(?P<name>{NAME})\s*,")  # (", 82-year-old Ann Lee,")
APPOSED_NAME_AFTER_RE = re.compile(rf",\s+({NAME})\s*[,.]")
# ", retired police officer Dale Kowalchuk,": lower-case role words before the name in apposition
APPOSED_ROLE_NAME_RE = re.compile(rf",\s+(?P<role>(?:[a-z][\w’'-]*\s+){{0,3}}(?:[a-z][\w’'-]*|GP|MP|MSP|MLA|MPP)\s+)"
                                  rf"(?P<name>{NAME})\s*,")  # (", retired GP Dr Ann Lee,": an initialism)
# ", Ewan Robertson of Robertson's Bakery in Pitlochry,": a name and where the person is from
APPOSED_NAME_OF_RE = re.compile(rf",\s+(?P<name>{NAME})\s+(?:of|from|at)\s+[^,;:“”\"]{{1,80}},")
# ", the YMCA of Greater Moncton,": a body's name after "the" (a person's never takes it)
APPOSED_BODY_RE = re.compile(r",\s+the\s+(?P<name>[A-Z][\w&’'.-]*(?:\s+(?:of|for|and|&|on|[A-Z][\w&’'.-]*)){0,6})\s*,")


@dataclass(frozen=True)
class SpeakerSpan:
    """A phrase bound to a cue: where it is and what sort of phrase it is."""

    start: int
    end: int
    form: str  # "pronoun", "name", "np", "group"


@dataclass(frozen=True)
class Lexicon:
    verb_lemma: dict[str, str]
    verb_kind: dict[str, str]
    verb_stance: dict[str, str]
    object_verbs: frozenset[str]
    infinitive_verbs: frozenset[str]
    that_only_verbs: frozenset[str]
    documents_only_verbs: frozenset[str]  # "polls show ...": reports only when a document or figures speak
    complement_verbs: frozenset[str]
    object_to_verbs: frozenset[str]
    pronouns: dict[str, str]
    possessed_sources: frozenset[str]
    source_nouns: tuple[str, ...]
    clause_openers: frozenset[str]
    content_openers: frozenset[str]
    not_content: frozenset[str]
    group_words: frozenset[str]
    irregular_past: frozenset[str]
    role_synonyms: dict[str, tuple[str, ...]]
    verb_re: re.Pattern[str]
    before_re: re.Pattern[str]
    rare_before: tuple[re.Pattern[str], ...]  # named members (" and "), "who" clauses, long document phrases, plural papers
    spokesperson_re: re.Pattern[str]
    after_re: re.Pattern[str]
    inverted_re: re.Pattern[str]
    adjunct_re: re.Pattern[str]
    source_re: re.Pattern[str]
    trailing_re: re.Pattern[str]
    trailing_inverted_re: re.Pattern[str]
    parenthetical_re: re.Pattern[str]
    # what follows the verb of ``trailing_re`` and ``parenthetical_re``: a cheap test that must pass before them
    trailing_verb_re: re.Pattern[str]
    trailing_verb_words: int  # the verb and what may follow it span at most this many words
    parenthetical_verb_re: re.Pattern[str]
    who_re: re.Pattern[str]
    according_re: re.Pattern[str]
    start_re: re.Pattern[str]
    clause_start_re: re.Pattern[str]

    def lemma(self, form: str) -> str:
        lowered = form.lower()
        found = self.verb_lemma.get(lowered)
        if found is not None:
            return found
        return self.verb_lemma.get(SPACES_RE.sub(" ", lowered), lowered)

    def kind(self, form: str) -> str:
        return self.verb_kind.get(self.lemma(form), "say")

    def stance(self, lemma: str) -> Stance:
        """"denies", "questions" or (any other verb) "asserts"."""
        found = self.verb_stance.get(lemma, "asserts")
        return "denies" if found == "denies" else "questions" if found == "questions" else "asserts"


def _load(name: str) -> dict:
    return json.loads(resources.files("storyline.data").joinpath(name).read_text(encoding="utf-8"))


AUXILIARY_WORDS = r"(?:has|have|had|is|are|was|were|will|would|could|should|can|may|might|must|did|does|do)"
# no word of a body's unit: a clause, a conjunction or a time ("of the union last week", "of Acme and her ...")
NOT_UNIT_WORDS = (r"(?:who|which|that|and|or|but|also|then|last|this|next|on|in|at|to|for|with|by|as|when|while|"
                  r"[a-z]+ed|[a-z]+ly)")


def _phrase_patterns(words: dict) -> tuple[str, str, str, str, tuple[str, ...], str]:
    """Regex sources for a speaker phrase before a verb, one after a quote, the adverbs between, a role + name."""
    groups = alternation(words["group_nouns"] + [w[0].upper() + w[1:] for w in words["group_nouns"]])
    role_word = (
        r"(?!(?:and|but|or|nor|that|as|while|when|because|though|although|so|then|where|after|before|since|yet|if"
        r"|of|to|in|on|at|for|with|by|from|the|a|an)\b)(?![a-z]+(?:ing|ed)\s+[A-Z])[a-z][\w\-]*"
    )
    # a group's words are no pronoun: ", said he supported his staff" is no group "he supported his staff"
    group_word = (r"(?!(?:he|she|it|they|we|you|his|her|its|their|our|my|your|has|have|had|is|are|was|were|will|would"
                  rf"|could|should|can|may|might|must|did|does|do)\b){role_word}")
    # "Federal and state officials", "Democratic and Republican lawmakers": modifiers may be coordinated
    group = rf"(?:(?:{NOT_NAME}{NAME_TOKEN}|{group_word})\s+(?:(?:and|or)\s+(?=[\w-]+\s))?){{0,3}}(?:{groups})(?:\s+(?:with|of|from|at|for|to|in|on|close\s+to|familiar\s+with)\s+(?:the\s+)?{WORD}(?:\s+{WORD}){{0,4}}?)?"
    # "Independent councillors Karen Ashworth and Dev Patel", "Residents who made the trip to Washington"
    # "... and others", "... and two other councillors", "... and several residents"
    others = (r"(?:others|(?:(?:\d+|two|three|four|five|six|several|many|some|other)\s+){1,2}(?!who\b|that\b)[a-z]{3,}s)"
              r"(?!\s+(?:of|for|at|in|from|with)\b)")
    members = (rf"(?:(?!(?:He|She|They|We|It|I|But|And|Yet|So|Or|Then)\s)(?:{NAME_TOKEN}|{role_word})\s+){{0,3}}?{NAME}(?:,\s+{NAME})*,?\s+(?:and|&)\s+"
               rf"(?:{NAME}|{others}|the\s+(?:{NAME}\s+)?[a-z]{{3,}})")  # ("Jane Holt and the GMB union")
    # "Residents who made the trip to Washington", "A resident who attended the meeting"
    group_who = rf"(?:{group}|{DETERMINERS}\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*)\s+who\s+[^,;:“”\"]{{1,60}}?"
    documents = alternation([w for w in words["source_nouns"] if w not in ("spokesperson", "spokesman",
                              "spokeswoman", "representative", "official", "source", "sources")])
    # "A report prepared by the auditors": the tail neither crosses a dash nor ends in a pronoun of its own
    # ("after a Supreme Court ruling made it legal nationwide - he urged ...")
    document = (rf"{DETERMINERS}\s+(?:[\w’'-]+\s+){{0,3}}?(?:{documents})\b(?:(?!\s[-—–]\s)[^,;:“”\"—–]){{1,100}}?"
                rf"(?<!\s(?:he|it|we))(?<!\sshe)(?<!\sthey)")
    # (a place or a name between role words: "former Pennsylvania governor Ed Rendell", "former George W. Bush
    # speechwriter Noam Neusner", never a verb: "... Josh Earnest said Tuesday")
    inner_role = rf"(?!(?:[a-z]+(?:ed|s)|{alternation(words['irregular_past'])})\b){role_word}"  # no verb
    role_name = (rf"(?:{NAME_TOKEN}[’']s\s+|{NAME}(?:\s+\d{{1,5}})?\s+)?(?:{role_word}\s+){{1,4}}"
                 rf"(?:{NAME}\s+(?:{inner_role}\s+){{1,3}})?{NAME}")
    # a post of something, then its holder: "Director of public health Dr Amir Khan", "Chair of the bench Joan Lee"
    posts = sorted(entity_lexicon().role_nouns)
    post_of = (rf"(?:[Tt]he\s+)?(?:{alternation(posts + [post[0].upper() + post[1:] for post in posts])})\s+of\s+"
               rf"(?:the\s+)?(?:{role_word}\s+){{1,3}}{NAME}")
    adverbs = alternation(words["adverbs"])
    described = rf"(?:(?:[a-z][\w\-]*\s+){{1,4}}(?={NAME_TOKEN})|{WARD})?"
    org_of = ORG_OF
    # documents and figures in the plural, with no article: "Early polls (show)", "campaign finance records (show)"
    papers = (r"(?:(?!(?:as|even|and|but|or|the|a|an|of|to|in|on|at|for|with|by|that|which|who|while|when)\b)"
              rf"[A-Za-z][\w-]*\s+){{0,3}}(?:{'|'.join(f'[{p[0].upper()}{p[0]}]{p[1:]}' for p in PAPERS)})\b"
              rf"(?:{PAPER_PARTICIPLE}(?:{PAPER_TAIL_WORD}\s+){{0,6}}?{PAPER_TAIL_WORD})?")  # "Emails obtained by the
    # Echo", "Documents released under the Freedom of Information Act (reveal that ...)"
    # a name and where the person is from: "Robert Antonacci of the New York delegation", "Sarah Jones from the
    # Ramblers", "Ann Lee at the University of Leeds", "Phil Musser of digital consulting firm IMGE", after role
    # words too ("Tenant advocate Jenna Morrow of ACORN Nova Scotia")
    # the unit of a body may follow it, lower case: "of the Winnipeg Police Service financial crimes unit"
    name_of = (rf"(?:(?:{NAME_TOKEN}[’']s\s+|{NAME}\s+)?(?:{role_word}\s+){{1,4}})?{NAME}\s+(?:of|from|at)\s+(?:the\s+)?(?!time\b|moment\b)"
               rf"(?:(?:{role_word}\s+){{0,3}}{NAME}(?:\s+of\s+{NAME}|(?:\s+(?!{AUXILIARY_WORDS}\b|{NOT_UNIT_WORDS}\b)[a-z][\w-]*){{1,3}})?"
               rf"|[a-z][\w-]*)(?:\s+in\s+{NAME})?")  # (", Ewan Robertson of Robertson's Bakery in Pitlochry, said")
    subjects = (rf"{QUANTITY}|{PRONOUN}|{DET_NP}|{group}|{POSSESSIVE}|{org_of}|{name_of}|{role_name}|{post_of}"
                rf"|{WARD}{NAME}")
    subject = rf"(?<![\w’'\-])(?P<subj>{subjects})"
    # tried only where their words occur (they are costly): named members, "who" clauses, long document phrases,
    # plural papers; after a comma at a sentence's end any of them ("..., campaign finance records show.")
    rare = (rf"(?<![\w’'\-])(?P<subj>{members})", rf"(?<![\w’'\-])(?P<subj>{group_who})",
            rf"(?<![\w’'\-])(?P<subj>{document})", rf"(?<![\w’'\-])(?P<subj>{papers})")
    trailing_subject = rf"(?<![\w’'\-])(?P<subj>{subjects}|{papers})"
    subject_after = (
        rf"(?<![\w’'\-])(?P<subj>{DET_NP}|{role_name}|{POSSESSIVE}|{described}{NAME}|{PRONOUN}|{group})"
        rf"(?:\s+of\s+(?:the\s+)?(?:{role_word}\s+){{0,3}}{NAME})?"  # "said Phil Musser of consulting firm IMGE"
    )
    adverb_run = rf"(?P<aux>(?:(?:{adverbs}|(?!{LY_NOUNS}\b)[a-z]+ly)\s+)*)"
    return subject, subject_after, adverb_run, role_name, rare, trailing_subject


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The reporting-verb and speaker lexicon, loaded once from the package data."""
    verbs = _load("quotes_verbs.json")["verbs"]
    words = _load("quotes_words.json")
    lemma = {form: name for name, v in verbs.items() for form in v["forms"]}
    # a document's verb in its bare form is a noun as often ("the TV show"): a verb only after plural papers
    bare = {n for n, v in verbs.items() if v.get("documents_only")}
    plain = [f for f, n in lemma.items() if not (n in bare and f == n)]
    # (after a plural or "data": which subjects may "show" is told later, see ``documents_only_verbs``; each branch
    # starts with the verb itself, so the scan stays cheap)
    papers_verb = "|".join(rf"{n}(?<=s\s{n})|{n}(?<=data\s{n})" for n in sorted(bare))
    verb_alt = alternation([f for f in plain if not verbs[lemma[f]].get("after_quote")]) + (
        f"|{papers_verb}" if papers_verb else "")
    after_alt = alternation(plain)  # "“…,” she read": some verbs report speech only after a quote
    inverted = [f for f in plain if verbs[lemma[f]]["kind"] in ("say", "claim") and not f.endswith("ing")
                and lemma[f] not in bare]
    inverted_alt = alternation([f for f in inverted if not verbs[lemma[f]].get("object")])
    # right after a quote also "“…?” asked Priya Nair" (not after a clause: "…, asked her what she did")
    quote_inverted_alt = alternation([f for f in inverted
                                      if not verbs[lemma[f]].get("object") or verbs[lemma[f]].get("inverts")])
    subject, subject_after, adverb_run, role_name, rare, trailing_subject = _phrase_patterns(words)
    # what follows a sentence's subject: a verb, not more of a noun phrase ("The council leader, Mark Hollis, ...")
    verb_like = (rf"(?:[a-z]+(?:ed|s)|{alternation(words['irregular_past'])}|has|have|had|was|were|is|are|will|would|can|could|may|might|must|should|did|does|do|who|also"
                 r"|then|later|again|[a-z]+ly)\b")
    return Lexicon(
        verb_lemma=lemma,
        verb_kind={name: v["kind"] for name, v in verbs.items()},
        verb_stance={name: v["stance"] for name, v in verbs.items() if "stance" in v},
        object_verbs=frozenset(n for n, v in verbs.items() if v.get("object")),
        infinitive_verbs=frozenset(n for n, v in verbs.items() if v.get("infinitive")),
        that_only_verbs=frozenset(n for n, v in verbs.items() if v.get("that_only")),
        documents_only_verbs=frozenset(n for n, v in verbs.items() if v.get("documents_only")),
        complement_verbs=frozenset(n for n, v in verbs.items() if v.get("complement")),
        object_to_verbs=frozenset(n for n, v in verbs.items() if v.get("object_to")),
        pronouns=dict(words["pronouns"]),
        possessed_sources=frozenset(words["possessed_sources"]),
        source_nouns=tuple(sorted(words["source_nouns"], key=len, reverse=True)),
        clause_openers=frozenset(words["clause_openers"]),
        content_openers=frozenset(words["content_openers"]),
        not_content=frozenset(words["not_content"]),
        group_words=frozenset(w.lower() for w in words["group_nouns"]),
        irregular_past=frozenset(words["irregular_past"]),
        role_synonyms={k: tuple(v) for k, v in words["role_synonyms"].items()},
        verb_re=re.compile(rf"\b(?:{verb_alt})\b"),
        before_re=re.compile(rf"{subject}{PARTY_TAG}{APPOSITIVE}{SAID_WHEN},?\s+{adverb_run}$"),
        rare_before=tuple(re.compile(rf"{r}{PARTY_TAG}{APPOSITIVE}{SAID_WHEN},?\s+{adverb_run}$") for r in rare),
        spokesperson_re=re.compile(rf"(?P<subj>{SPOKESPERSON}){APPOSITIVE}\s+{adverb_run}$"),
        after_re=re.compile(
            rf"\s*,?\s*{subject_after}{PARTY_TAG}{APPOSITIVE}\s+{adverb_run}(?P<verb>(?!\w+ing\b){after_alt})\b"
        ),
        inverted_re=re.compile(
            rf"\s*,?\s*(?P<verb>{quote_inverted_alt})\b\s*{subject_after}{PARTY_TAG}"
            rf"(?=\s*[,.;!?]|\s*$|\s+{INVERTED_FOLLOWERS}\b)"
        ),
        adjunct_re=re.compile(rf"(?:,?\s+(?:{'|'.join(words['adjuncts'])}))+", re.IGNORECASE),
        source_re=re.compile(rf"\b(?:{alternation(words['source_nouns'])})\b", re.IGNORECASE),
        trailing_re=re.compile(
            rf",\s+{trailing_subject}{PARTY_TAG}{APPOSITIVE}\s+{adverb_run}(?P<verb>(?!\w+ing\b){verb_alt})(?:\s+[\w’'.\-]+){{0,6}}?\s*[.!?]?\s*$"
        ),
        trailing_verb_re=re.compile(rf"(?<=\s)(?:{verb_alt})(?:\s+[\w’'.\-]+){{0,6}}?\s*[.!?]?\s*$"),
        trailing_verb_words=max(len(form.split()) for form in lemma) + 7,
        parenthetical_verb_re=re.compile(rf"(?<=\s)(?:{verb_alt})\b(?:\s+[a-z]+){{0,3}}?,\s"),
        parenthetical_re=re.compile(
            rf",\s+{subject}\s+{adverb_run}(?P<verb>(?!\w+ing\b){verb_alt})\b(?:\s+[a-z]+){{0,3}}?,\s"
        ),
        who_re=re.compile(
            rf"(?<![\w’'\-])(?<!\bat\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bin\s)"
            rf"(?P<subj>{role_name}|{NAME}){PARTY_TAG},\s+who\s+{adverb_run}$"
        ),
        trailing_inverted_re=re.compile(
            rf",\s+(?P<verb>{inverted_alt})\b\s*{subject_after}(?:,(?!\s*(?:and|or|but)\b)[^,;]{{1,80}})?\s*[.!?]?\s*$"
        ),
        clause_start_re=re.compile(
            rf"(?:[,;:—–(“”\"‘’']\s*|\b(?:{alternation(words['clause_openers'])})\s+)(?=\w)"
        ),
        start_re=re.compile(rf"\s*(?:{FRONTED_PHRASE},\s*)?(?:[Ee]ven\s+)?{subject}{PARTY_TAG}{APPOSITIVE}{SAID_WHEN}\s+(?={verb_like})"),
        according_re=re.compile(
            r"(?P<verb>\b[Aa]ccording\s+to)\s+(?P<subj>(?:[^,;:“”\"\n.]|\.(?=\w)){2,100}?)(?=\s*[,.;]|\s*$)"
        ),
    )


def _prefers_appositive(subject: str) -> bool:
    """"the mayor, Grace Hughes," "Tyler's mother, Jolene Vickers," "Northfield Mayor, Jane Oduya,": the name in
    apposition to a description or a role names the speaker."""
    return _form(subject) == "np" or "’s " in subject or "'s " in subject or _role_like(subject)


@lru_cache(maxsize=8192)
def _role_like(phrase: str) -> bool:
    """A phrase ending in a title or role noun: "Deputy Mayor", "Westbury South MP", "The Council Leader"."""
    words = [w.lower().strip(",.’'") for w in phrase.split()]
    if not words:
        return False
    titles = entity_lexicon().titles
    return words[-1] in titles or words[-1] in entity_lexicon().role_nouns or " ".join(words[-2:]) in titles


def _form(subject: str) -> str:
    lex = lexicon()
    if subject.lower() in lex.pronouns:
        return "pronoun"
    if subject[:1].isupper() and not DETERMINER_START_RE.match(subject):
        return "name"
    return "np"


def _left_is_boundary(text: str, lo: int, start: int) -> bool:
    left = text[lo:start].rstrip()
    if not left:
        return True
    if left[-1] in ",;:—–-(“”\"‘’'":
        return True
    last = left.rsplit(None, 1)[-1]
    return last in lexicon().clause_openers or bool(LEADING_PHRASE_RE.fullmatch(left)) \
        or bool(BODY_OF_RE.fullmatch(text, lo, start)) or bool(INNER_FRONTED_RE.search(left)) \
        or bool(INNER_PHRASE_BEFORE_RE.search(left))


# a time phrase fronted inside a sentence, at a clause start: "..., but on Tuesday she said ...", "and last week he"
INNER_LEAD = (r"(?:(?:on|at|in|during|after|before|since|until|by)\s+(?:the\s+)?(?:\d+|[A-Z][a-z]+|[a-z]+day)"
              r"(?:\s+(?:\d+|[A-Z][a-z]+|morning|afternoon|evening|night))?"
              r"|(?:last|this|next|earlier|later)(?:\s+(?:week|month|year|weekend|morning|afternoon|evening|night|"
              r"summer|winter|spring|autumn|fall|[A-Z][a-z]+))?)")
INNER_LEAD_RE = re.compile(INNER_LEAD + r",?\s+(?=\w)")
# a phrase opening a clause inside the sentence, before its subject: "(but) in a letter to parents (she wrote)"
INNER_PHRASE = r"(?:in|at|during|after|before)\s+(?:a|an|the|his|her|their|its)\s"
INNER_PHRASE_RE = re.compile(INNER_PHRASE)
INNER_PHRASE_BEFORE_RE = re.compile(rf"(?:[,;:—–]|\b(?:and|but|yet|so|that))\s+{INNER_PHRASE}[^,;:.!?“”\"]{{0,40}}$")
INNER_FRONTED_RE = re.compile(r"(?:[,;:—–]|\b(?:and|but|yet|so|that))\s+" + INNER_LEAD + r",?$")


# a time phrase opening a clause, before its subject: "a day after the union called it ...", "hours before"
TIME_LEAD_RE = re.compile(r"(?:an?|one|two|three|four|five|six|several|some|just|only|hours|days|weeks|months|years)"
                          r"(?:\s+(?:day|days|week|weeks|month|months|year|years|hours?|minutes?))?\s+"
                          r"(?:after|before|since)\s+(?=\S)", re.IGNORECASE)
# a subject cannot end in an adverb made of an adjective: "Britain's emotionally (charged uprising)"
ADVERB_END_RE = re.compile(rf"\b(?!{LY_NOUNS}\b)[a-z]+(?:al|ous|ive|ful|less|ent|ant|ed|ing|ic|ate|ish|ar|ab|ib)ly\s*$")
# a sentence adverb and its comma before the subject: "Instead, Matthews, Seitz-Wald and Lopez argued ..."
LINKING_ADVERB_RE = re.compile(r"(?:Instead|However|Meanwhile|Still|Indeed|Moreover|Nonetheless|Nevertheless|Finally|"
                               r"Similarly|Likewise|Besides|Otherwise|Separately|Elsewhere|Earlier|Later|Now|Then|"
                               r"Also|Yet|Again|Overall|Ultimately|Previously|Afterwards|Initially),\s+(?=\S)")
CLAUSE_END_RE = re.compile(r"\b(?!(?:the|a|an|his|her|their|its|our|this|that)\b)[a-z]{3,}(?<!ly)\s+[a-z]{3,}ed\s*$")
# a day or week before a name, with no comma: "On Tuesday Holt said", "Last week Dunn told" (not "Sunday Times")
DAY_LEAD_RE = re.compile(
    rf"(?:(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier|[Ll]ater)\s+)?{WEEKDAY_TIME}"
    r"|(?:[Ll]ast|[Tt]his|[Ee]arlier|[Ll]ater)\s+(?:week|month|year|weekend|night|morning|spring|summer|autumn|"
    r"winter)"  # "A fortnight later Ellis announced", "Two days later Ellis said", "Hours later Ellis told"
    rf"|(?:[Aa]n?|{NUMBER_WORD}|\d+|[Ss]everal|[Hh]ours|[Dd]ays|[Ww]eeks|[Mm]onths|[Yy]ears|[Mm]inutes|[Mm]oments)"
    r"(?:\s+(?:hours?|days?|weeks?|fortnight|months?|years?|minutes?))?\s+(?:later|earlier|afterwards))\s+(?=[A-Z])(?!(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Independent|People|Sport|"
    r"World|Night|Morning)\b)")
# a body's name with "of" or "for" opening the sentence: "Bank of England governor Andrew Bailey said", "Friends
# of the Earth campaigner Sian Evans said" (the subject found starts after "of")
BODY_OF_RE = re.compile(r"\s*(?:The\s+)?(?:[A-Z][\w’'&.-]*\s+){1,4}(?:of|for)\s+(?:the\s+)?")
# the rest of the body's name, a lower-case role and a capitalised name ("England governor Andrew Bailey")
ROLE_AND_NAME_RE = re.compile(r"(?:[A-Z][\w’'&.-]*\s+){1,4}[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+[A-Z]")


def is_passive(aux: str) -> bool:
    """"was (widely) reported": the subject is what was reported on, not who reported it."""
    words = [w for w in aux.split() if not w.lower().endswith("ly")]
    return bool(words) and words[-1].lower() in PASSIVE_AUX


PROGRESSIVE_RE = re.compile(r"[a-z]+ing\b")
WORD_START_RE = re.compile(r"(?<![\w’'\-])\w+")
START_WORDS = frozenset(
    ["the", "a", "an", "another", "one", "two", "three", "several", "some", "many", "both", "his", "her", "their", "its", "he", "she", "they", "it", "we", "i"]
)


def _candidate_starts(text: str, lo: int, end: int, strict: bool) -> list[int]:
    """Word starts where a subject may begin: clause starts (strict) or any plausible word."""
    if not strict:
        return [w.start() for w in WORD_START_RE.finditer(text, lo, end)
                if w.group(0)[0].isupper() or w.group(0).lower() in START_WORDS | lexicon().group_words]
    first = re.compile(r"\s*").match(text, lo, end)
    starts = [first.end() if first else lo]
    clause_starts = [m.end() for m in lexicon().clause_start_re.finditer(text, lo, end)]
    starts += clause_starts
    starts += [lead.end() for c in clause_starts if (lead := INNER_LEAD_RE.match(text, c, end)) is not None]
    if LEADING_PHRASE_RE.match(text, starts[0], end):
        starts += [w.start() for w in WORD_START_RE.finditer(text, starts[0], min(end, starts[0] + 45))]
    for c in clause_starts:  # "..., but in a letter to parents she wrote that": the subject after the phrase
        if INNER_PHRASE_RE.match(text, c, end):
            starts += [w.start() for w in WORD_START_RE.finditer(text, c, min(end, c + 45))]
    body = BODY_OF_RE.match(text, starts[0], end)
    if body is not None and ROLE_AND_NAME_RE.match(text, body.end(), end):
        starts.append(body.end())  # "Bank of England governor Andrew Bailey said": the subject after "of"
    return sorted(set(starts))


@lru_cache(maxsize=4)
def subject_before_re(apostrophe: bool, of: bool) -> re.Pattern[str]:
    """``before_re`` less the subject branches that cannot match in a window without an apostrophe (a possessive,
    "Ms Hale's spokesman") or without "of" ("Local 1187 of the Amalgamated Transit Union"). The other branches are
    tried in the same order, so the match is the one ``before_re`` finds: only failing work is left out."""
    pattern = lexicon().before_re.pattern
    for branch, present in ((POSSESSIVE, apostrophe), (ORG_OF, of)):
        if not present and pattern.count(f"|{branch}|") == 1:  # one of the subject's alternatives
            pattern = pattern.replace(f"|{branch}|", "|")
    return re.compile(pattern) if pattern != lexicon().before_re.pattern else lexicon().before_re


def _leftmost_subject(text: str, lo: int, end: int, strict: bool) -> re.Match[str] | None:
    """``before_re`` tried only where a subject can start (much faster than a plain search)."""
    before_re = lexicon().before_re
    if SPOKES_RE.search(text, lo, end):  # rare and costly, so tried only when the words are there
        before_re = lexicon().spokesperson_re
        for start in _candidate_starts(text, lo, end, strict):
            match = before_re.match(text, start, end)
            if match is not None:
                return match
        before_re = lexicon().before_re
    lex = lexicon()
    window = text[lo:end]
    present = (" and " in window or " & " in window, " who " in window,  # a long document phrase needs room
               len(window) > 40 and lex.source_re.search(window) is not None, any(p in window or p.capitalize() in window for p in PAPERS))
    rare = [pattern for pattern, found in zip(lex.rare_before, present) if found]
    before_re = subject_before_re("’" in window or "'" in window, "of" in window)
    for start in _candidate_starts(text, lo, end, strict):
        match = before_re.match(text, start, end)
        for pattern in rare:
            if match is not None:
                break
            match = pattern.match(text, start, end)
        if match is not None:
            return match
    return None


PLURAL_START_RE = re.compile(r"(?:[Ss]ome|[Mm]any|[Ss]everal|[Bb]oth|[Tt]wo|[Tt]hree|[Mm]ost|[Aa]ll|[Oo]ther)\b")


# "in five states", "both states": "states" counted is a noun, not "says"
STATES_NOUN_RE = re.compile(rf"\b(?:\d+|{NUMBER_WORD}|[Tt]he|[Aa]ll|[Bb]oth|[Mm]any|[Ss]everal|[Ss]ome|[Oo]ther|[Tt]hese|"
                            r"[Tt]hose|[Mm]ost|[Ff]ew)\s+$")
NOUN_USE_RE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his|[Oo]ur|[Oo]wn)|\w[’']s)\s+$")


def has_verb(text: str, start: int, end: int) -> bool:
    """A reporting verb in ``text[start:end]``, not counting nouns that look like one ("A report prepared by",
    "Healthwatch Cornwall's report says")."""
    return any(NOUN_USE_RE.search(text, max(start, m.start() - 6), m.start()) is None
               and not (m.group(0) == "states" and STATES_NOUN_RE.search(text, max(start, m.start() - 20), m.start()))
               for m in verbs_between(text, start, end))


@lru_cache(maxsize=4)
def document_verbs(text: str) -> tuple[list[re.Match[str]], list[int]]:
    """Every reporting verb ``verb_re`` finds in ``text`` and where each starts: one scan per document,
    shared by the stages that look for verbs (the cache holds the last few documents)."""
    matches = list(lexicon().verb_re.finditer(text))
    return matches, [m.start() for m in matches]


_INSIDE_WORD_RE = re.compile(r"\w\w")


def verbs_between(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Exactly the verbs ``lexicon().verb_re.finditer(text, lo, hi)`` finds, taken from :func:`document_verbs`.

    A verb of the whole text that crosses ``lo`` or ``hi``, or ``hi`` inside a word (where the search
    bounded at ``hi`` would see a word end), makes the bounded search differ: it is then run as such.
    """
    matches, starts = document_verbs(text)
    first, last = bisect_left(starts, lo), bisect_left(starts, hi)
    if ((first > 0 and matches[first - 1].end() > lo) or (last > first and matches[last - 1].end() > hi)
            or (0 < hi < len(text) and _INSIDE_WORD_RE.match(text, hi - 1))):
        return list(lexicon().verb_re.finditer(text, lo, hi))
    return matches[first:last]


# what joins a group's head to where or what it is: "residents on the estate", "sources close to the cabinet"
GROUP_TAIL = r"of|on|in|at|from|with|for|to|across|close\s+to|familiar\s+with"
HEAD_BEFORE_PREPOSITION_RE = re.compile(rf"\s+(?:{GROUP_TAIL})\s")


def _bare_verb_fits(phrase: str, aux: str, verb: str) -> bool:
    """A bare form ("report", "claim") needs a plural subject or an auxiliary: "A progress report" is a noun."""
    if verb.lower() not in lexicon().verb_kind or aux.strip():
        return True
    if AND_RE.search(phrase):
        return True  # "Ann Lee and Bo Park say"
    head = HEAD_BEFORE_PREPOSITION_RE.split(phrase, maxsplit=1)[0]  # "Residents on the estate say"
    head = PAPER_PARTICIPLE_SPLIT_RE.split(head, maxsplit=1)[0]  # "Emails obtained by the Echo reveal"
    return any(p.lower() in ("they", "we", "i", "you") or p.endswith("s") or p[-1:].isdigit()
               or bool(PLURAL_START_RE.match(p)) or p.lower() in lexicon().group_words for p in (phrase, head))


def speaker_before(text: str, lo: int, verb_start: int, *, strict: bool = True) -> SpeakerSpan | None:
    """The subject phrase that ends right before a reporting verb at ``verb_start``.

    ``lo`` bounds the search (clause or sentence start).  With ``strict`` the
    phrase must start a clause (sentence start, after a comma, "and", "that"...).
    """
    lo = max(lo, verb_start - 160)
    match = _leftmost_subject(text, lo, verb_start, strict)
    if not match or (is_passive(match.group("aux")) and not text.startswith("quoted as", verb_start)
                     and not PROGRESSIVE_RE.match(text, verb_start)):  # "is (suddenly) promising": no passive
        return None
    start, end = match.span("subj")
    if strict and not _left_is_boundary(text, lo, start):
        return None
    if TOGETHER_RE.search(match.group("aux")) and _form(text[start:end]) == "name" \
            and not AND_RE.search(text, start, end):
        return None  # "Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.) all suggested":
        # the three together, not the last name
    if EVEN_BEFORE_RE.search(text, max(lo, start - 6), start) and (
            not EVEN_SUBJECT_RE.match(text, start, end) or (match.group("appos") and _form(text[start:end]) != "name")):
        return None  # "and even a little trepidation, about ..., telling": after "even" a plain subject or a name
        # ("Even China, North Korea's only ally, said")
    inner_time = any(w in text[start:end] for w in (" after ", " before ", " since ", "After ", "Before ", "Since "))
    lead = (TIME_LEAD_RE.search(text, start, end) if inner_time else None) or DAY_LEAD_RE.match(text, start, end) \
        or LINKING_ADVERB_RE.match(text, start, end)
    if lead is not None:  # "a day after the Nurses' Union called it ...": the union; "On Tuesday Holt said": Holt
        start = lead.end()
    if NOBODY_RE.search(" ".join(text[start:end].split()[:2])):
        return None  # "Nobody disputes that ...", "few experts believe ...": nobody in particular says it
    if NAME_AND_RE.search(text, max(lo, start - 40), start) or CLAUSE_WORD_RE.search(text, start, end) \
            or COORDINATOR_END_RE.search(text, start, end) \
            or (COPULA_RE.search(text, start, end) and not RELATIVE_WORD_RE.search(text, start, end)):
        # "The mayor shook her head and (said)": no subject; "The group is short, said (former ...)": a clause
        return None  # "the Department for Children and Learning said": not "Learning"; "the council would comply but"
    opened = _relative_clause_before(text, lo, start, verb_start)
    if opened is not None:  # "the Coalition, which is made up of investors and developers, said": not the
        # developers but the Coalition; "Barkley, who said he votes Democratic, said ...": Barkley
        return speaker_before(text, lo, opened + 2, strict=strict)  # (its pattern ends at the clause: the
        # subject before it, or the name of an apposition before it: "Hogan Gidley, a former director, whose ...")
    ending = text[start:end].rstrip()[-2:]  # both patterns end there ("...ly", "...ed"): a cheap test first
    if (ending == "ly" and ADVERB_END_RE.search(text, start, end)) or (
            ending == "ed" and CLAUSE_END_RE.search(text, start, end) and not text[end:verb_start].strip()):
        # "Britain's emotionally (charged uprising)": an adverb before an adjective; "The report that the council
        # published says ...": a relative clause's subject and verb, not the speaker (but "a poll released Friday
        # found": a reduced relative clause, and its time, inside the subject)
        return None
    if text[start:end].endswith(("’s", "'s")) or has_verb(text, start, end) or _verb_between_names(text[start:end]):
        return None  # "the IG’s report": a noun, not a verb; "A leader has rejected claims": no subject
    verb = lexicon().verb_re.match(text, verb_start)
    if verb is not None and not _bare_verb_fits(text[start:end], match.group("aux"), verb.group(0)):
        return None
    if verb is not None and verb.group(0).endswith("ing") and not PROGRESSIVE_AUX_RE.search(match.group("aux")):
        return None  # "a city audit accusing it of ...", "the debate, even suggesting ...": a participle after a
        # noun qualifies it, nobody speaks (but "she is now suggesting")
    appos = match.group("appos")
    if appos and RELATIVE_APPOSITION_RE.match(appos) and _form(text[start:end]) == "np" \
            and text[lo:start].rstrip().endswith(","):  # "Hogan Gidley, a former director, whose roots are ...,
        named = speaker_before(text, lo, start, strict=strict)  # said": the name the description is apposed to
        if named is not None and named.form == "name":
            return named
    if appos and CLAUSE_APPOSITION_RE.match(appos):
        return None  # "Even if the department closed, some of its work would go on, said DeSantis": no apposition
    offset = _apposed_name_offset(appos) if appos and _prefers_appositive(text[start:end]) else None
    if offset is not None:
        return _trim_name(text, match.start("appos") + offset, match.end("appos") - 1)
    named = _name_before_role(text, lo, start, end)
    return named if named is not None else _trim_name(text, start, end)


def _relative_clause_before(text: str, lo: int, start: int, verb_start: int) -> int | None:
    """Where the relative clause opened by ", which"/", who" starts, when the phrase at ``start`` ends it and the
    comma right before the verb closes it: the verb is the main clause's, whose subject came before the clause."""
    if not text[start:verb_start].rstrip().endswith(","):
        return None
    opened = max(text.rfind(", which ", lo, start), text.rfind(", who ", lo, start), text.rfind(", whose ", lo, start))
    return opened if opened != -1 and "," not in text[opened + 1 : start] else None


def _name_before_role(text: str, lo: int, start: int, end: int) -> SpeakerSpan | None:
    """"And Sam Reid, Westbury South MP said": a role after a name and a comma, with no closing comma (never
    "the minister": "..., Margaret Ellery, the minister described ..." is someone else's apposition)."""
    if not _role_like(text[start:end]) or _form(text[start:end]) != "name":
        return None
    found = NAME_BEFORE_ROLE_RE.search(text, max(lo, start - 60), start)
    if found is None:
        return None
    return _trim_name(text, found.start("name"), found.end("name"))


# ", some of its functions would be performed ...,": a clause of its own between commas, not an apposition (", the
# man who was mayor," and ", who was elected," are; ", asked whether he would ...," is an aside)
CLAUSE_APPOSITION_RE = re.compile(
    r",\s*(?!(?:who|which|that|whose|where)\b|[a-z]+(?:ed|ing)\b)(?:(?!(?:who|which|that|whose|where)\b)[\w’'-]+\s+){1,5}"
    r"(?:would|will|could|should|can|may|might|must|is|are|was|were|has|have|had)\s", re.IGNORECASE)
VERB_BETWEEN_NAMES_RE = re.compile(r"[A-Z][\w’'.-]*\s+(?P<verb>[a-z]+ed)\s+(?:[a-z][\w-]*\s+){0,3}[A-Z]")
ADJECTIVES_IN_ED = frozenset({"elected", "appointed", "retired", "embattled", "disgraced", "celebrated", "respected",
                              "unelected", "acclaimed", "beloved", "veteran", "noted"})


ADVERB_VERB_RE = re.compile(r"\b[a-z]{3,}ly\s+(?P<verb>[a-z]{3,}ed)\s")


def _verb_between_names(phrase: str) -> bool:
    """"Swanson praised evangelist Franklin Graham", "gradually turned tougher against Mr. Trump": a sentence or
    a verb phrase, not a role before a name ("the recently appointed director Ann Lee" is one)."""
    match = VERB_BETWEEN_NAMES_RE.search(phrase) or ADVERB_VERB_RE.search(phrase)
    return match is not None and match.group("verb") not in ADJECTIVES_IN_ED \
        and not PAPER_PARTICIPLE_RE.match(phrase, match.start())  # "Emails obtained by the Echo": a document


ABBREVIATION_ENDS = frozenset({"Jr", "Sr", "Inc", "Ltd", "Corp", "Bros", "Assn", "Dept", "Univ"})


def _trim_name(text: str, start: int, end: int) -> SpeakerSpan:
    surface = text[start:end]
    form = _form(surface)
    last = surface.split()[-1] if surface.split() else ""
    if form == "name" or (last.endswith(".") and last[:1].isupper() and len(last) > 3 and "." not in last[:-1]
                          and last[:-1] not in ABBREVIATION_ENDS):
        # "Smith's campaign" stays whole; a trailing title-less run is the name (and the full stop after "said
        # longtime resident Gail Thibodeau." ends the sentence, not the name)
        surface = surface.rstrip(".")
        end = start + len(surface)
    group_words = surface.split()
    if form == "np" and len(group_words) == 1:
        form = "group"
    return SpeakerSpan(start, end, form)


def possessor(text: str, span: SpeakerSpan) -> SpeakerSpan:
    """"His polling suggests ...": the words are his, so the speaker is the possessive pronoun."""
    words = text[span.start : span.end].split()
    if len(words) == 2 and words[0].lower() in POSSESSIVE_PRONOUNS and words[1] in lexicon().possessed_sources:
        return SpeakerSpan(span.start, span.start + len(words[0]), "pronoun")
    return span


def speaker_after(text: str, pos: int, limit: int) -> tuple[SpeakerSpan, tuple[int, int]] | None:
    """`` X said`` / `` X, the chief executive, said`` right after a closing quote mark at ``pos``."""
    match = lexicon().after_re.match(text, pos, limit)
    if not match or is_passive(match.group("aux")):
        return None
    start, end = match.span("subj")
    if text.startswith(("as ", "like "), start) or has_verb(text, start, end) or _verb_between_names(text[start:end]):
        return None  # "''I can't breathe,'' as Eric Garner, gasping, said": a comparison, not the speaker
    return _trim_name(text, start, end), match.span("verb")


def speaker_inverted(text: str, pos: int, limit: int) -> tuple[SpeakerSpan, tuple[int, int]] | None:
    """`` said X`` right after a closing quote mark; prefers a name given in apposition to a role."""
    match = lexicon().inverted_re.match(text, pos, limit)
    if not match:
        return None
    start, end = match.span("subj")
    appos = APPOSED_NAME_AFTER_RE.match(text[end : min(limit, end + 60)])
    if appos and _prefers_appositive(text[start:end]):
        start, end = end + appos.start(1), end + appos.end(1)
    return _trim_name(text, start, end), match.span("verb")


# ", who lives next door," after a name: a relative clause between commas (what follows is the reported clause)
RELATIVE_ASIDE_RE = re.compile(r",\s+(?:who|whose|which)\s[^,;:“”\"]{1,100}?,")
# "Kent, Surrey and Essex had ...": the name after the comma begins a list, no apposition; "According to the FBI's
# summary, Cheryl Mills, a top aide, sent ...": a name with an apposition of its own is the reported clause's subject
LIST_GOES_ON_RE = re.compile(rf"\s*(?:{NAME}\s*,|{NAME}\s+(?:and|or)\s|(?:an?|the|whose|who)\s)")


def apposed_speaker(text: str, span: SpeakerSpan, limit: int) -> tuple[SpeakerSpan, int]:
    """The speaker phrase ``span`` with what is apposed to it ("According to the neighbour, Agnieszka Nowak,": the
    name; "According to Nowak, who lives next door,": Nowak) and where the apposition ends (``span.end`` when
    there is none)."""
    name = APPOSED_NAME_AFTER_RE.match(text, span.end, limit)
    if (name is not None and _prefers_appositive(text[span.start : span.end])
            and not LIST_GOES_ON_RE.match(text, name.end(), limit)):
        return _trim_name(text, name.start(1), name.end(1)), name.end()
    aside = RELATIVE_ASIDE_RE.match(text, span.end, limit)
    if aside is not None:
        return span, aside.end()
    return span, span.end


def speaker_at_start(text: str, start: int, limit: int) -> SpeakerSpan | None:
    """The subject opening a sentence ("Jane Smith, the chief executive, defended ..."), for conjoined cues."""
    match = lexicon().start_re.match(text, start, limit)
    if match is None or has_verb(text, match.start("subj"), match.end("subj")):
        return None
    s, e = match.span("subj")
    appos = match.group("appos")
    if appos and CLAUSE_APPOSITION_RE.match(appos):
        return None  # "Even if the department closed, some of its work would go on, said DeSantis": no apposition
    offset = _apposed_name_offset(appos) if appos and _prefers_appositive(text[s:e]) else None
    if offset is not None:  # "The council leader, Mark Hollis, defended ..."
        return _trim_name(text, match.start("appos") + offset, match.end("appos") - 1)
    return _trim_name(text, s, e)


def _apposed_name_offset(appos: str) -> int | None:
    """Where the name starts in an apposition that is a name (", Grace Hughes,") or role words and a name
    (", retired police officer Dale Kowalchuk,"); None when it is anything else (", who backs Dale Kowalchuk,")."""
    named = APPOSED_NAME_RE.fullmatch(appos)
    if named is not None:
        return named.start("name")
    found = APPOSED_ROLE_NAME_RE.fullmatch(appos)
    if found is not None and _role_like(found.group("role")):
        return found.start("name")
    body = APPOSED_BODY_RE.fullmatch(appos)
    if body is not None:
        return body.start("name")
    named_of = APPOSED_NAME_OF_RE.fullmatch(appos)  # ", Ewan Robertson of Robertson's Bakery in Pitlochry,"
    return named_of.start("name") if named_of is not None else None
