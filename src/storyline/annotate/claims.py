"""Speech acts: claims and allegations, denials, admissions and promises.

A claim comes from a reporting verb whose kind (``data/quotes_verbs.json``) is not a
plain "say": "alleged that", "denied that", "admitted", "vowed to".  Each carries the
claimant (the verb's subject, resolved like a quote speaker), the content clause and,
when the text names one, the target: who is accused ("accused Cllr Shah of ..."), or
whose claim is rejected ("rejected claims by Cllr Shah that ..."; for "rejected claims
that staff were misled" the earlier claimant whose words it echoes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.annotate.claim_claimants import resolve_claimant, unnamed_claimant
from storyline.annotate.claim_markers import content_acts, content_negated, cue_negated
from storyline.annotate.quote_indirect import before_attribution, before_participle
from storyline.annotate.quotes import reported_clause_start
from storyline.annotate.speakers import (
    DET_NP,
    NAME,
    SpeakerSpan,
    lexicon,
    speaker_at_start,
    speaker_before,
    verbs_between,
)
from storyline.model import Claim, Entity, Mention, Quote, Sentence

__all__ = ["find_claims"]

CLAIM_NOUNS = r"(?:claims?|allegations?|accusations?|suggestions?|reports?|charges?|criticism|assertions?|suggestion)"
TARGET = rf"(?P<target>{DET_NP}|{NAME})"
NOUN_RE = re.compile(
    rf"\s+(?:the\s+|these\s+|those\s+|any\s+|(?P<owner>{NAME})[’']s?\s+)?{CLAIM_NOUNS}"
    rf"(?:\s+(?:made\s+)?(?:by|from)\s+{TARGET}?)?(?:\s+that\b)?\s*"
)
CLAIM_NOUNS_END_RE = re.compile(rf"{CLAIM_NOUNS}(?:\s+\w+)?$")
CLAIM_PHRASE_RE = re.compile(rf"(?:the|these|those)\s+{CLAIM_NOUNS}")
ACCUSE_RE = re.compile(rf"\s+{TARGET}(?:,\s+(?P<named>{NAME}),)?\s+of\s+")  # "accused the mayor, Jane Oduya, of"
APOLOGY_RE = re.compile(r"\s+(?:to\s+[^,;.]{1,40}?\s+)?for\s+")
THAT_RE = re.compile(r"\s*that\s+")
STOPWORDS = frozenset(
    ["the", "a", "an", "that", "this", "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "was", "were", "is", "are", "be", "been", "had", "has", "have", "it", "its", "their", "they", "he", "she", "we", "his", "her", "not", "from", "as"]
)
NEGATED_CLAIM_LEMMAS = frozenset({"insist", "maintain", "assert", "contend"})
ADJECTIVE_BEFORE_RE = re.compile(r"\b(?:the|a|an|these|those|their|his|her|its|our|any|some|no)\s+$", re.IGNORECASE)
WORD_RE = re.compile(r"[\w’'-]+")


@dataclass
class _Act:
    kind: str
    subject: SpeakerSpan
    cue: tuple[int, int]
    content: tuple[int, int]
    target: tuple[int, int] | None


# a second reporting verb joined to the first: "denied that any documents had been withheld and said the authority
# would cooperate" (the denial ends before "and said")
NEXT_REPORT_RE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?(?:said|says|added|adds|told|tells|insisted|insists|"
                            r"argued|argues|stressed|stresses|noted|notes|promised|promises|admitted|admits|"
                            r"saying|adding|insisting|arguing|stressing|noting|claiming|maintaining)\b")


def _content_end(text: str, start: int, end: int) -> int:
    joined = NEXT_REPORT_RE.search(text, start, end)
    end = joined.start() if joined is not None else end
    body = text[start:end].rstrip()
    if body.endswith((".", "!", "?")):
        body = body[:-1]
    return start + len(body.rstrip(" ,;:"))


def _strip_that(text: str, start: int, end: int) -> int:
    match = THAT_RE.match(text, start, end)
    return match.end() if match else start


# "Councillors rejected plans for 400 homes", "dismissed the appeal": a decision on a thing, not a denial of
# words; these deny only claims named as such ("rejected the claim") or a that-clause
DECIDING_LEMMAS = frozenset({"reject", "dismiss"})
Read = tuple[int, tuple[int, int] | None, int | None]  # content start, target span, content end


def _read_act(text: str, verb: re.Match[str], lemma: str, kind: str, end: int) -> Read | None:
    """Where the content starts (and ends, when not at the sentence end) after the verb, and the target phrase."""
    pos = verb.end()
    if lemma == "accuse":
        match = ACCUSE_RE.match(text, pos, end)
        if match is None:
            return None
        return match.end(), match.span("named") if match.group("named") else match.span("target"), None
    if lemma == "apologise":
        match = APOLOGY_RE.match(text, pos, end)
        return (match.end(), None, None) if match else None
    noun = NOUN_RE.match(text, pos, end)
    if noun is not None and kind == "denial":
        target = noun.span("target") if noun.group("target") else noun.span("owner") if noun.group("owner") else None
        if not noun.group(0).rstrip().endswith("that"):  # "rejected the allegation": the phrase is the content
            phrase = noun.group(0)
            return noun.start() + len(phrase) - len(phrase.lstrip()), target, noun.start() + len(phrase.rstrip())
        return noun.end(), target, None
    start = reported_clause_start(text, verb, end)
    if start is None and kind in ("denial", "admission") and lemma not in DECIDING_LEMMAS:
        following = re.compile(r"\s+(?=[\w“\"‘])").match(text, pos, end)
        start = following.end() if following else None
    return (_strip_that(text, start, end), None, None) if start is not None else None


def _acts_in_sentence(text: str, sentence: Sentence) -> list[_Act]:
    lex = lexicon()
    acts: list[_Act] = []
    for verb in verbs_between(text, sentence.start, sentence.end):
        lemma = lex.lemma(verb.group(0))
        kind = lex.kind(verb.group(0))
        if kind == "say" or cue_negated(text, sentence.start, verb.start()):
            continue
        if ADJECTIVE_BEFORE_RE.search(text, max(sentence.start, verb.start() - 12), verb.start()):
            continue  # "many of the disputed trips": an adjective, not a verb
        subject = _subject(text, sentence, verb)
        read = _read_act(text, verb, lemma, kind, sentence.end) if subject is not None else None
        if subject is None or read is None:
            continue
        start, target, phrase_end = read
        end = phrase_end if phrase_end is not None else _content_end(text, start, sentence.end)
        end = before_participle(text, start, end)
        if kind == "claim" and lemma in NEGATED_CLAIM_LEMMAS and content_negated(text, start, end):
            kind = "denial"  # "insisted he never concealed ...": a denial
        act = _Act(kind, subject, verb.span(), (start, end), target)
        if acts and _same_denial(text, acts[-1], act):
            acts[-1].target = act.target  # "rejected claims that ..., rejecting Cllr Patel's claim outright"
        elif end - start >= 3:
            acts.append(act)
    return acts


def _subject(text: str, sentence: Sentence, verb: re.Match[str]) -> SpeakerSpan | None:
    """The verb's subject; for ", rejecting ..." / ", denying ..." the subject of the sentence."""
    subject = speaker_before(text, sentence.start, verb.start())
    if subject is None and verb.group(0).endswith("ing") and text[sentence.start : verb.start()].rstrip().endswith(","):
        subject = speaker_at_start(text, sentence.start, verb.start())
    return subject


def _same_denial(text: str, previous: _Act, act: _Act) -> bool:
    """A participle denial by the same subject that only names whose claim it is: one denial, with a target."""
    return (previous.kind == act.kind == "denial" and act.target is not None and previous.target is None
            and act.content[0] >= previous.content[1] and CLAIM_NOUNS_END_RE.search(text, act.content[0], act.content[1])
            is not None and act.cue[0] - previous.cue[1] < 160)


def _content_words(text: str, span: tuple[int, int]) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(text, span[0], span[1])} - STOPWORDS


def _echoed_claimant(text: str, content: tuple[int, int], earlier: list[Claim]) -> Claim | None:
    """The earlier claim whose words this denial repeats (two content words or more); for a bare
    "the allegation" / "the claims", the latest earlier claim."""
    if CLAIM_PHRASE_RE.fullmatch(text, content[0], content[1]):
        return next((c for c in reversed(earlier) if c.kind == "claim" and c.claimant_name), None)
    words = _content_words(text, content)
    best, best_overlap = None, 1
    for claim in earlier:
        if claim.kind != "claim" or claim.content is None or claim.claimant_name is None:
            continue
        overlap = len(words & _content_words(text, claim.content))
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def _resolve(text: str, span: tuple[int, int], mentions: list[Mention], entities: list[Entity],
             excluded: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    phrase = text[span[0] : span[1]]
    form = "pronoun" if phrase.lower() in lexicon().pronouns else ("name" if phrase[:1].isupper() else "np")
    return resolve_claimant(text, SpeakerSpan(span[0], span[1], form), mentions, entities, excluded)


def _quote_claimant(text: str, q: Quote, entities: list[Entity]) -> tuple[str | None, str | None]:
    if q.speaker is not None:
        return q.speaker, q.speaker_name
    surface = text[q.speaker_mention[0] : q.speaker_mention[1]] if q.speaker_mention else (q.speaker_name or "")
    return unnamed_claimant(surface, q.speaker_name, entities) if surface else (None, None)


def _from_quotes(text: str, quotes: list[Quote], entities: list[Entity]) -> list[Claim]:
    lex = lexicon()
    out = []
    for q in quotes:
        kind = lex.kind(text[q.cue[0] : q.cue[1]]) if q.cue else "say"
        start = min(q.cue[0] if q.cue else q.start, q.start, q.speaker_mention[0] if q.speaker_mention else q.start)
        end = max(q.end, q.cue[1] if q.cue else q.end)
        claimant, name = _quote_claimant(text, q, entities)
        if kind != "say":
            if q.cue is not None and not cue_negated(text, max(0, q.cue[0] - 40), q.cue[0]):
                content = (_strip_that(text, q.start, q.end), q.end)
                out.append(Claim("", start, end, kind, claimant, name, content=content, cue=q.cue))  # type: ignore[arg-type]
            continue
        if claimant is None and name is None:
            continue
        for act_kind, content in content_acts(text, q.start, q.end, direct=q.kind == "direct"):
            out.append(Claim("", start, end, act_kind, claimant, name, content=content, cue=q.cue))  # type: ignore[arg-type]
    return out


def find_claims(
    text: str, sentences: list[Sentence], mentions: list[Mention], entities: list[Entity], quotes: list[Quote]
) -> list[Claim]:
    """Claims, denials, admissions and promises, with claimant, target and content spans; each denial
    points (``answers``) to the claim of this document it answers, when one is found."""
    excluded = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    spoken = {q.cue: q for q in quotes if q.cue is not None and (q.speaker or q.speaker_name)}
    claims: list[Claim] = []
    for sentence in sentences:
        for act in _acts_in_sentence(text, sentence):
            if any(a <= act.cue[0] < b for a, b in excluded):
                continue
            quote = spoken.get(act.cue)  # the quote's speaker, resolved with the whole document in view
            claimant, claimant_name = ((quote.speaker, quote.speaker_name) if quote is not None else
                                       _resolve(text, (act.subject.start, act.subject.end), mentions, entities, excluded))
            target, target_name = (None, None)
            if act.target is not None:
                target, target_name = _resolve(text, act.target, mentions, entities, excluded)
            claims.append(Claim("", act.subject.start, act.content[1], act.kind, claimant, claimant_name,  # type: ignore[arg-type]
                                target, target_name, act.content, act.cue))
    seen = {c.cue for c in claims}
    claims.extend(c for c in _from_quotes(text, quotes, entities) if c.cue is None or c.cue not in seen)
    for claim in claims:
        claim.content = _without_attribution(text, claim.content)
    claims.sort(key=lambda c: (c.start, c.end))
    for number, claim in enumerate(claims, start=1):
        claim.id = f"c{number}"
    for denial in (c for c in claims if c.kind == "denial"):
        _pair_denial(text, denial, claims)
    return claims


def _without_attribution(text: str, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """What is claimed, without a trailing attribution (", letters seen by Northgate News show", ", the report
    found"): that names the reporter's source, not the claim; it stays inside the claim's span."""
    if content is None:
        return None
    return content[0], before_attribution(text, content[0], content[1])


def _pair_denial(text: str, denial: Claim, claims: list[Claim]) -> None:
    """Link a denial to the claim it answers: the target's claim, the claim against the denier, or the one
    whose words it repeats; a denial with no target takes the answered claimant as its target."""
    earlier = [c for c in claims if c.kind == "claim" and c.start < denial.start]
    later = [c for c in claims if c.kind == "claim" and c.start > denial.end]
    answered = _answered(text, denial, earlier) or _answered(text, denial, later)
    if answered is None:
        return
    denial.answers = answered.id
    if denial.target is None and denial.target_name is None and answered.claimant_name is not None:
        denial.target, denial.target_name = answered.claimant, answered.claimant_name


def _answered(text: str, denial: Claim, candidates: list[Claim]) -> Claim | None:
    def party(entity: str | None, name: str | None) -> str | None:
        return entity or (name.lower() if name else None)

    target, denier = party(denial.target, denial.target_name), party(denial.claimant, denial.claimant_name)
    by_target = [c for c in candidates if target and party(c.claimant, c.claimant_name) == target]
    against = [c for c in candidates if denier and party(c.target, c.target_name) == denier]
    if by_target or against:
        return (by_target or against)[-1]
    if denial.content is None:
        return None
    return _echoed_claimant(text, denial.content, candidates)


