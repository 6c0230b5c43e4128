"""Speaker phrases that are no speaker, and the words around a speaker that are no part of it.

A phrase found where a speaker should stand may be no speaker at all: it opens with a preposition or a relative
pronoun ("under Rupert Murdoch", "which Beijing"), holds a clause of its own ("the Khan family deserved better",
"The survey showed that 54 percent of ..."), or is a bare noun with an infinitive ("plans to merge with Dow
Chemical"). And a real speaker may come with words that are not theirs: a fronted phrase ("On Sunday, Mr. Rubio and
Senator Ted Cruz"), the verb or an adverb before an inverted name ("said Harvey", "soon Donald J. Trump"), a
relative pronoun before the name in "who Beck called “...”". Pure functions over the text and a span.
"""

from __future__ import annotations

import re

from storyline.annotate.speakers import SpeakerSpan

__all__ = ["junk_speaker", "trimmed_speaker_span"]

FRONTED_COMMA_RE = re.compile(r"(?:On|In|At|After|Before|During|By|Since|Later|Earlier)\b[^,]{1,40},\s+(?=[A-Z])")
LEADING_SAID_RE = re.compile(r"(?:said|says|added|adds|told|tells|soon|also|then|now|later|even|only|just|still)\s+"
                             r"(?=[A-Z])")
RELATIVE_LEAD_RE = re.compile(r"(?:(?:under|in|by|with|of)\s+)?(?:which|who|whom|what)\s+(?=[A-Z])")
# what no speaker phrase opens with: a preposition or a relative pronoun ("under Rupert Murdoch, asserted itself",
# "..., which Beijing has vowed to ignore"), or a word that is no subject's ("like Gary Hufbauer", "getting ...")
NOT_SPEAKER_OPENERS = frozenset({"under", "which", "who", "whom", "whose", "in", "on", "at", "with", "by", "for",
                                 "from", "of", "to", "after", "before", "during", "if", "when", "while", "whether",
                                 "what", "like", "is", "getting", "talk"})
OBJECT_CASE_PRONOUNS = frozenset({"him", "them", "me", "us"})  # never a subject
CLAUSE_LINKS = frozenset({"how", "that", "why", "whether", "what", "when", "where", "which", "who"})
# a verb of its own followed by more words, inside the phrase: "the Khan family deserved better"
SPEAKER_CLAUSE_RE = re.compile(
    r"(?<![-\w])(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!ally\s)(?<!ously\s)(?<!ively\s)(?<!fully\s)(?<!ntly\s)"
    r"(?<!ably\s)(?<!ibly\s)(?<!wly\s)(?<!ewly\s)[a-z]{3,}ed\s+"
    r"(?!(?:by|of|to|for|in|at|on|with|from|under|last|this|earlier|yesterday|today|previously|recently|[a-z]+ly)\b)[a-z]+")
INFINITIVE_RE = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|"
                           r"us|me|it)\b)[a-z]+\b")
# participles that describe people ("the retired teacher", "officials involved in the talks")
KNOWN_PARTICIPLE_RE = re.compile(r"\b(?:retired|elected|unnamed|united|disabled|concerned|based|appointed|involved|"
                                 r"indicted|accused|armed|unidentified|embattled|affected|registered|licensed|"
                                 r"qualified|trained|married|respected|related|interested|worried|frustrated)\b")
PARTICIPLE_LEAD_RE = re.compile(r"[a-z]{3,}ing\s+(?=(?:the|a|an|some|many|several|his|her|their|its)\b)")
WHO_TAIL_RE = re.compile(r"\s+who(?:\s+(?:have|has|had))?\s*$")
DETERMINER_WORDS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those",
                              "some", "many", "several", "most", "both", "all", "one", "two", "three", "other"})


def trimmed_speaker_span(text: str, span: SpeakerSpan, *, direct: bool) -> SpeakerSpan:
    """``span`` without a fronted phrase ("On Sunday, Mr. Rubio and Senator Ted Cruz"), a verb or adverb before
    the name ("said Harvey", "soon Donald J. Trump"), and, before a direct quote, a relative pronoun ("Trump, who
    Beck called “a horrible ...”": Beck's words)."""
    lead = FRONTED_COMMA_RE.match(text, span.start, span.end) or LEADING_SAID_RE.match(text, span.start, span.end)
    if lead is not None:
        span = SpeakerSpan(lead.end(), span.end, span.form)
    relative = RELATIVE_LEAD_RE.match(text, span.start, span.end) if direct else None
    if relative is not None:
        span = SpeakerSpan(relative.end(), span.end, span.form)
    # "(echoing) some far-right commentators (who have) argued that ...": the commentators
    participle = PARTICIPLE_LEAD_RE.match(text, span.start, span.end)
    who = WHO_TAIL_RE.search(text, span.start, span.end) if participle is not None else None
    if participle is not None and who is not None:
        span = SpeakerSpan(participle.end(), who.start(), span.form)
    return span


def junk_speaker(text: str, span: SpeakerSpan) -> bool:
    """Whether a phrase found where a speaker should be is no speaker at all ("plans to merge with Dow Chemical",
    "which Beijing", "under Rupert Murdoch", "the Khan family deserved better")."""
    phrase = text[span.start : span.end]
    words = phrase.split()
    if not words:
        return True
    first = words[0].lower().strip(",")
    if first in NOT_SPEAKER_OPENERS or (len(words) == 1 and first.strip(".") in OBJECT_CASE_PRONOUNS):
        return True
    if first in ("and", "or", "but") and len(words) > 1 and words[1].lower() in CLAUSE_LINKS:
        return True  # '"…" and how the Labor Department wants', '"…" and that the U.S. Chamber thinks': a clause
    if span.form == "pronoun" or words[0][:1].isupper() and len(words) == 1:
        return False
    if "ed" in phrase and SPEAKER_CLAUSE_RE.search(phrase) and not KNOWN_PARTICIPLE_RE.search(phrase) \
            and " who " not in phrase and " whose " not in phrase:  # (the pattern's "...ed" looked for first)
        return True  # ("people who have battled online threats": a relative clause, a description)
    return words[0][:1].islower() and first not in DETERMINER_WORDS and INFINITIVE_RE.search(phrase) is not None
