"""Speakers found across relative clauses and asides: the person a who-clause is about ("Cllr Meera Joshi
(Lab), who said ..."), a described person or group with a who-, whose- or that-clause ("A friend of the victim, who
said ...", "Tenants who live near the depot say ..."), and the name opening a sentence when only asides stand between
it and the reporting verb ("Kasich (who has 25 delegates) said ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.annotate.clause_words import (
    AUXILIARIES,
    AUXILIARY_RE,
    DASH_ASIDE_RE,
    PAST_RE,
    looks_like_clause,
    speaker_span_of,
)
from storyline.annotate.entity_lexicon import lexicon as entity_lexicon
from storyline.annotate.quote_marks import WORD_RE
from storyline.annotate.speakers import NAME, PARTY_TAG, SpeakerSpan, has_verb, lexicon, speaker_before

__all__ = ["PRECEDING_CAPITAL_RE", "WHO_ASIDE_BEFORE_RE", "name_before_asides", "restrictive_who_speaker",
           "who_speaker"]

PRECEDING_CAPITAL_RE = re.compile(r"[A-Z][\w’'.\-]*[^\S\n]+$")  # on the same line: not a title above
NAME_WORD_RE = re.compile(r"(?<![\w’'.\-])[A-Z]")
COORDINATED_BEFORE_RE = re.compile(r"\b(?:and|or|&|nor)\s+$")
PLURAL_AFTER_WHO_RE = re.compile(r"(?:[a-z]+ly\s+|also\s+|both\s+)*(?:have|are|were|do|say|argue|believe|want|think|"
                                 r"claim|insist|warn)\b")
VERB_BETWEEN_NAMES_RE = re.compile(r"[A-Z][\w’'-]*\s+[a-z]{3,}s\s+[A-Z]")  # "Ted Cruz endorses Trump, who says"
NAME_ONLY_RE = re.compile(NAME)


def who_speaker(text: str, lo: int, verb_start: int) -> SpeakerSpan | None:
    """"Cllr Meera Joshi (Lab), who said ...": the person the relative clause is about."""
    window_start = max(lo, verb_start - 120)
    if text.find("who", window_start, verb_start) < 0:
        return None  # no "who" for the pattern's ", who" (a cheap test before a costly search)
    who = lexicon().who_re.search(text, window_start, verb_start)
    if who is None or NOUN_OF_BEFORE_RE.search(text, max(lo, who.start("subj") - 10), who.start("subj")):
        described = _described_who_speaker(text, lo, verb_start)  # "a spokesperson for the Tenants' Union, who
        if described is not None or who is None:  # said": the spokesperson, never the union (but "a reversal for
            return described  # the Wisconsin Republican, who had pledged": the Republican)
    if _inside_longer_name(text, who):
        return None
    span = speaker_span_of(who, "subj")
    if COORDINATED_BEFORE_RE.search(text, max(lo, span.start - 40), span.start) \
            and PLURAL_AFTER_WHO_RE.match(text, who.start() + who.group(0).rfind("who") + 4, verb_start + 12):
        return None  # "both Democrats and Republicans, who have questioned ...": not the Republicans alone (but
        # "Rubio and Chris Christie, who has argued ...": Christie)
    if PAST_RE.search(text, span.start, span.end) or AUXILIARY_RE.search(text, span.start, span.end) \
            or VERB_BETWEEN_NAMES_RE.search(text, span.start, span.end):
        # "Swanson praised evangelist Franklin Graham, who ...", "One such politician was Barack Obama, who ...": the name
        name = next((m.start() for m in NAME_WORD_RE.finditer(text, span.start, span.end)
                     if NAME_ONLY_RE.fullmatch(text, m.start(), span.end)), None)
        return SpeakerSpan(name, span.end, "name") if name is not None else None
    return span


WHO_ASIDE_BEFORE_RE = re.compile(r",\s+who\s[^,;:“”\"]{1,100},\s*$")
NOUN_OF_BEFORE_RE = re.compile(r"\b(?:of|for|at|in)\s+the\s+$")
DESCRIBED_WHO_RE = re.compile(r",\s+who\s+(?:(?:[a-z]+ly|also|had|has|have|earlier|once)\s+)*$")


HEAD_END_WORDS = frozenset({"of", "for", "at", "from", "with", "in", "on", "to", "who"})
PERSON_WORDS = frozenset({"man", "woman", "men", "women", "child", "children", "boy", "girl", "person", "staffer",
                          "staffers", "democrat", "republican", "family", "couple", "team", "crew", "panel", "jury"})


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    roles = entity_lexicon().role_nouns
    return PERSON_WORDS | roles | {f"{noun}s" for noun in roles} | lexicon().group_words


def _described_who_speaker(text: str, lo: int, verb_start: int) -> SpeakerSpan | None:
    """"A friend of the victim, who said ...", "said a spokesperson for the Tenants' Union, who added ...": a
    described person the relative clause is about (a name is who_re's); never a phrase with a verb in it ("The
    remark worried some analysts, who ...") nor one whose head names no person ("with the help of his children,
    who ...")."""
    who = DESCRIBED_WHO_RE.search(text, max(lo, verb_start - 40), verb_start)
    if who is None:
        return None
    span = speaker_before(text, lo, who.start() + 2, strict=False)
    if span is None or span.form != "np" or PAST_RE.search(text, span.start, span.end) \
            or AUXILIARY_RE.search(text, span.start, span.end):
        return None
    words = [word.lower() for word in WORD_RE.findall(text, span.start, span.end)]
    head = next((i for i, word in enumerate(words) if word in HEAD_END_WORDS), len(words))
    return span if any(word in _person_nouns() for word in words[:head]) else None


# the head of a subject a relative clause without commas qualifies: "Tenants who live near the depot say ..."
RELATIVE_HEADS = frozenset({"the", "some", "many", "most", "several", "those", "other", "others", "all", "two",
                            "three", "four", "five", "friends", "people", "residents", "parents", "voters", "critics"})
RELATIVE_CLAUSE_BREAK_RE = re.compile(r"[,;:“”\"‘’()]")
RELATIVE_PRONOUN_RE = re.compile(r" (who|that|whose) ")
RELATIVE_ADVERBS = frozenset({"also", "not", "never", "already", "still", "just", "since", "all", "both"})
RELATIVE_OPENER_RE = re.compile(r"(?:Though|Although|While|Whilst|But|And|So|Yet|Because|Since|If|When|As)\s+")


def restrictive_who_speaker(text: str, lo: int, verb_start: int) -> SpeakerSpan | None:
    """"Tenants who live near the depot say ...", "executives who have worked with him say ...", "The head of the
    company that runs the buses told ...": a described subject and its relative clause (no commas), as one
    description; never a name ("Tom Hale who ...")."""
    window_start = max(lo, verb_start - 160)
    found = [m for m in RELATIVE_PRONOUN_RE.finditer(text, window_start, verb_start)]
    if not found:
        return None
    who, that = found[-1].start(), found[-1].group(1) == "that"
    clause = WORD_RE.findall(text, found[-1].end(), verb_start)
    if not 2 <= len(clause) <= 16 or RELATIVE_CLAUSE_BREAK_RE.search(text, who, verb_start) \
            or all(w.lower() in AUXILIARIES or w.endswith("ly") or w in RELATIVE_ADVERBS for w in clause) \
            or clause[-1].lower() in ("and", "or", "but") or (that and has_verb(text, found[-1].end(), verb_start)):
        return None  # "superdelegates who had publicly pledged", "who endorsed him and said", "The report that MPs
        # say confirms ...": the clause's own verb
    starts = [m.end() for m in lexicon().clause_start_re.finditer(text, window_start, who)]
    start = starts[-1] if starts else window_start
    start += len(text[start:who]) - len(text[start:who].lstrip())
    opener = RELATIVE_OPENER_RE.match(text, start, who)
    if opener is not None:  # "Though executives who have worked with him say ...": the subject after "Though"
        start = opener.end()
    head = WORD_RE.findall(text, start, who)
    if RELATIVE_CLAUSE_BREAK_RE.search(text, start, who):
        return None  # "Sanders, who endorsed ...": a name's aside, never a description
    sentence_initial = len(head) == 1 and not text[lo:start].strip()  # "Parents who book the ice say ..."
    if not 1 <= len(head) <= 6 or not (head[-1][:1].islower() or sentence_initial) \
            or AUXILIARY_RE.search(text, start, who):
        return None
    plural = head[-1].endswith("s") and not head[-1].endswith(("ss", "’s", "'s"))
    whose = found[-1].group(1) == "whose"  # "A man whose car was damaged said ...": the man (a whose-clause has
    if whose and (not looks_like_clause(text, found[-1].end(), verb_start, strict=True)
                  or DASH_ASIDE_RE.search(text, start, verb_start)):
        return None  # a verb of its own: "The hacker whose mischief first revealed that ..." reports by the mischief)
    if head[0].lower() not in RELATIVE_HEADS and not plural and not (whose and head[0].lower() in ("a", "an", "one")):
        return None
    if that and (head[0].lower() not in ("the", "a", "an") or PAST_RE.search(text, start, who)
                 or has_verb(text, start, who)):
        return None  # "The head of the company that runs the buses told ...": a described subject, no verb
    if start > lo and not text[lo:start].rstrip().endswith((",", ";", ":")) and \
            text[lo:start].split()[-1].lower() not in lexicon().clause_openers:
        return None
    return SpeakerSpan(start, verb_start - (len(text[:verb_start]) - len(text[:verb_start].rstrip())), "np")


# a sentence opening with a name, then asides up to its reporting verb: "Kasich (who has 25 delegates) said",
# "Elward Edd, an official at the Hopi Tribal Housing Authority, which has a backlog of 500 homes, said"
NAME_BEFORE_ASIDES_RE = re.compile(
    rf"\s*(?P<subj>{NAME}){PARTY_TAG}(?:\s*\([^()]{{1,120}}\)|,\s+(?P<aside>[^;:“”\"()]{{3,250}}?),)\s*$")
SAID_IN_ASIDE_RE = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|asked|insisted|argued)\b")
ASIDE_LIST_END_RE = re.compile(rf"(?:\b(?:and|or|&)\s+{NAME}|^{NAME})$")  # "Kasich, Rubio and Cruz said": a list


def name_before_asides(text: str, s0: int, verb_start: int) -> SpeakerSpan | None:
    """The name opening the sentence when only asides stand between it and the reporting verb (who- and which-
    clauses, appositions, a participle phrase, a parenthesis); never a list of names ("Kasich, Rubio and Cruz
    said") nor a name that is itself the aside ("Obama, Trump said, ...")."""
    if verb_start - s0 > 300 or text.find(",", s0, verb_start) < 0 and text.find("(", s0, verb_start) < 0:
        return None
    found = NAME_BEFORE_ASIDES_RE.match(text, s0, verb_start)
    if found is None:
        return None
    aside = found.group("aside")
    if aside is not None and (ASIDE_LIST_END_RE.search(aside.strip())
                              or SAID_IN_ASIDE_RE.search(text, found.start("aside"), found.end("aside"))):
        return None  # (", he said, continued ...", ", the manager, said that ..., noting": reports of their own)
    return SpeakerSpan(found.start("subj"), found.end("subj"), "name")


def _inside_longer_name(text: str, who: re.Match[str]) -> bool:
    """"the leader of the opposition in North-Rhine Westphalia, who suggested": "Westphalia" ends a longer name
    (a place after "in"), so the relative clause is not its own; nobody rather than the wrong one."""
    return PRECEDING_CAPITAL_RE.search(text, max(0, who.start("subj") - 40), who.start("subj")) is not None
