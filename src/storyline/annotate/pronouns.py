"""Who "he", "she", "it" and "they" stand for as speakers: agreement first, then salience.

A person pronoun goes to a person of its gender (honorifics, given names, gendered roles such as
"spokeswoman" or "his wife", pronouns after the name; a person of unknown gender fits either) named
in body text of this paragraph or the one before, never in a headline, byline or caption:

1. the speaker of the latest attributed quote that fits, unless someone else who fits has since been
   named as the subject of a clause ("Ms Oduya rejected ..., rejecting Cllr Patel's claim" keeps
   Oduya: a possessive or an object is not a rival);
2. a newcomer introduced as the subject after the last speaker takes the pronoun ("Anand Kulkarni
   disagrees. '…,' he said."); with no speaker before it, the one person who fits.

A quote by someone who does not fit ends the scene: people named before it are no longer candidates, unless
nobody fits after it and the one person named in the window who could be the pronoun's spoke before it, with
its gender known ("Helen Marsh said ... Gareth Pryce said ... '…,' she said": Marsh).
A person described but not named ("A council spokeswoman said ...", "A neighbour, who asked not to be named,
said ...") is a speaker like the others: the pronoun after their quote is theirs when it fits (the
description is carried, never a name), and ends the scene when it does not.  So is someone new described as
the subject of a sentence without a quote ("Ortega's sister read a statement in court. '…,' she said.": a
relative of someone, or "A neighbour who saw the crash ..."): the pronoun is theirs, not the person named before;
"his father" or "her sister" may be background to the one who fits, so the speaker is left empty.
Two candidates that both fit leave the speaker empty.  "it" goes to the nearest organisation, "they"
to the group or body that spoke last in the window.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.annotate.entity_lexicon import lexicon
from storyline.annotate.speaker_scene import OF_SOMEONE_NEW_RE, ROLE_WORD_RE, Resolution, Scene, source_words
from storyline.model import Mention, Quote

__all__ = ["resolve_pronoun"]

EXACT = 0.75  # the speaker of the last quote, of the pronoun's gender
NEWCOMER = 0.6
SINGLE = 0.7
WEAK = 0.55  # one candidate of unknown gender, or not named as a subject
NONE = Resolution(None, None, 0.2)
DESCRIBED = 0.6  # a described speaker carried to the pronoun after their quote
REACHED = 0.6  # the only one of the pronoun's gender, across another speaker's quote
# "A reporter asked Ms Reid whether ... '…,' she replied": the pronoun answers the question, it is not the asker's
ASKING = frozenset({"ask", "question", "inquire", "enquire", "wonder", "query"})
NOT_PEOPLE = frozenset({"organisation", "document", "group"})
NAME_HEAD_CUT_RE = re.compile(r"\s+(?:of|from|at|in)\s")
SURNAME_RE = re.compile(r"[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?|(?:Mc|Mac|O’|O')[A-Z][a-z]+")
# a capitalised mention that names nobody in particular: a pronoun, a determiner, a described speaker
UNNAMED_STARTS = frozenset({"he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "one", "another", "his",
                            "her", "their", "its", "our", "this", "that", "these", "those", "some", "many", "several",
                            "two", "three", "both", "all", "most", "officials", "police", "residents", "critics"})
INDEFINITE_RE = re.compile(r"(?:an?|one|another)\s", re.IGNORECASE)
# after someone new as a subject: they are asked, or something happens to them; they are not the next speaker
NOT_SPEAKING = r"asked|questioned|interrupted|was|were|is|are|has|had|died|dies|could|would|may|might|can"
# irregular past tenses of what a new subject does before speaking: "Her sister read a statement"
ACTING = r"read|spoke|told|wept|stood|rose|took|gave|wrote|said|came|went|sat|made|brought|began|held|sent|met|won"
# "his father", "her sister": a relative of someone in the scene, who may as well be the one speaking next
OWN_RELATIVE_RE = re.compile(r"(?:his|her|their)\s", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.!?][”\"’']?\s+")
# a body's voice that is one person: "a county council spokeswoman said" has a gender, a council has none
PERSON_FOR_BODY_RE = re.compile(r"\b(?:spokes(?:person|man|woman)|representative|official)\b", re.IGNORECASE)


def resolve_pronoun(scene: Scene, wanted: str, position: int) -> Resolution:
    """Resolve a pronoun of gender ``wanted`` (male, female, neuter, plural) standing at ``position``."""
    if wanted in ("male", "female"):
        return _cataphora(scene, wanted, position) or _person(scene, wanted, position)
    if wanted == "neuter":
        found = _organisation(scene, position)
        return found if found is not NONE else _document_goes_on(scene, position)
    if wanted == "plural":
        return _group(scene, position)
    return NONE


# a sentence opening with a subordinate clause whose subject is the pronoun: "Even as he accused ..., Giuliani ..."
OPENING_CLAUSE_RE = re.compile(r"(?:Even\s+as|Just\s+as|As|While|Whilst|When|Although|Though|Even\s+though|After|"
                               r"Before|Since|Once)\s+$")


def _cataphora(scene: Scene, wanted: str, position: int) -> Resolution | None:
    """ "Even as he accused the department of bias, Giuliani declined to speculate": a pronoun opening its
    sentence's subordinate clause stands for the person the main clause, right after the comma, opens with."""
    text = scene.text
    start = max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1)
    if not OPENING_CLAUSE_RE.fullmatch(text, start, position):
        return None
    comma = text.find(", ", position)
    if comma < 0 or text.find(". ", position, comma) >= 0 or "“" in text[position:comma] or '"' in text[position:comma]:
        return None
    after = next((m for m in scene.mentions if m.start == comma + 2), None)
    if after is None or not _fits(scene, after.entity, wanted):
        return None
    return _named(scene, after.entity, wanted, SINGLE)


def _fits(scene: Scene, entity_id: str, wanted: str) -> bool:
    entity = scene.by_id.get(entity_id)
    return entity is not None and entity.type == "person" and scene.gender(entity_id) in (wanted, None)


def _boundary(scene: Scene, lo: int, position: int, wanted: str) -> int:
    """Where the scene starts: after the latest quote in the window by a person the pronoun cannot be, named
    or described."""
    boundary = lo
    for quote in scene.speaker_quotes(lo, position):
        if quote.speaker is not None and not _fits(scene, quote.speaker, wanted):
            boundary = max(boundary, _anchor(quote))
    for quote in scene.history:
        if lo <= quote.start < position and _described(quote) and _described_gender(quote) not in (wanted, None):
            boundary = max(boundary, _anchor(quote))
    return boundary


def _unknown_name(scene: Scene, quote: Quote) -> bool:
    """Whether ``quote``'s speaker is named in the text ("Barraclough said") but is no entity we know: the pronoun
    after it may well be that person, so it goes to nobody rather than to someone named before."""
    if quote.speaker is not None or quote.speaker_mention is None or quote.speaker_kind in NOT_PEOPLE \
            or (quote.speaker_name is not None and quote.speaker_kind != "person"):
        return False  # a body or a source named ("according to ProPublica") is no unknown person
    start = quote.speaker_mention[0]
    words = NAME_HEAD_CUT_RE.split(scene.text[start : quote.speaker_mention[1]], maxsplit=1)[0].split()
    if len(words) == 2 and all(SURNAME_RE.fullmatch(w.strip(",.")) for w in words) \
            and words[0].lower() not in UNNAMED_STARTS:
        words = words[1:]  # "Darran Whiting of Liberty Baptist Church": a full name nobody else bears, unknown
    if len(words) != 1 or not SURNAME_RE.fullmatch(words[0].strip(",.")) or words[0].lower() in UNNAMED_STARTS \
            or words[0].lower().strip(",.") in lexicon().places:
        return False  # a surname alone; not "North Korea", "Human Rights Watch", "ProPublica" or "NATO"
    known = {w for e in scene.entities if e.type == "person" for w in e.name.split()}
    if any(w.strip(",.’'s") in known for w in words):
        return False  # "Clinton says ..." with two Clintons: someone known, whom the pronoun's gender may single out
    # "Donna Sampson Rawlings, 59, of Ashton, Md., who watched ..., said": a person named just before the mention
    # is the one who spoke ("Md." is where she lives), so nobody unknown stands in the way
    sentence = max(scene.text.rfind(". ", 0, start), scene.text.rfind("\n", 0, start)) + 1
    return not any(m.entity in scene.by_id and scene.by_id[m.entity].type in ("person", "place")
                   for m in scene.mentions_between(max(sentence, start - 150), start + 1))


def _anchor(quote: Quote) -> int:
    """Where a quote and its attribution begin."""
    return min(quote.start, quote.speaker_mention[0]) if quote.speaker_mention else quote.start


def _described(quote: Quote) -> bool:
    """Whether ``quote``'s speaker is one person described, not named, or carried from such a quote: someone
    new ("a neighbour who asked not to be named"; "the Republican nominee" is more often someone named before,
    whom the pronoun reaches through the earlier quote; "a page on climate" is no person) or a body's
    spokesperson or official; not a question ("a reporter asked"): the one asked answers."""
    phrase = _description(quote)
    if phrase is None or quote.cue_verb in ASKING:
        return False
    if quote.speaker_kind == "organisation":
        return PERSON_FOR_BODY_RE.search(phrase) is not None
    if INDEFINITE_RE.match(phrase) is None and OF_SOMEONE_NEW_RE.search(phrase) is None \
            and _relative_re().match(phrase) is None:
        return False  # (but "the daughter of one resident" and "Ortega's sister" are someone new too)
    words = source_words()
    nouns = (words["person_nouns"], words["gendered_nouns"], words["more_person_nouns"])
    return any(w in kind for w in ROLE_WORD_RE.findall(phrase.lower()) for kind in nouns)


def _description(quote: Quote) -> str | None:
    """The words describing a speaker who has no name: the description, or a body's voice ("a spokeswoman")."""
    if quote.speaker_kind == "description":
        return quote.speaker_description
    return quote.speaker_name if quote.speaker_kind == "organisation" else None


def _described_gender(quote: Quote) -> str | None:
    """"female" for "a county council spokeswoman", None for "a council spokesperson" or "a neighbour"."""
    return _described_gender_of(_description(quote) or "")


def _person(scene: Scene, wanted: str, position: int) -> Resolution:
    boundary = _boundary(scene, scene.window_start(position), position, wanted)
    mentions = [m for m in scene.mentions_between(boundary, position) if _fits(scene, m.entity, wanted)]
    latest = next((q for q in reversed(scene.history) if boundary <= q.start < position), None)
    if latest is not None and _described(latest) and _described_gender(latest) in (wanted, None):
        return _carried(scene, latest, mentions, wanted)
    if latest is not None and _unknown_name(scene, latest):
        return NONE  # "Barraclough, the cabinet member, said ... He said ...": him, whom we could not name
    newcomer = _described_subject(scene, max(boundary, _anchor(latest) if latest else boundary), position, wanted)
    if newcomer is not None and latest is not None and latest.speaker is not None and latest.speaker_mention \
            and latest.speaker_mention[0] == newcomer[0]:
        newcomer = None  # "Her husband says ... He says ...": the description was resolved (to Ben Kowalczyk)
    if newcomer is not None and not _subjects(scene, [m for m in mentions if m.start > newcomer[0]]):
        if OWN_RELATIVE_RE.match(newcomer[1]) and mentions:
            return NONE  # "Gary Whitlock worked at the mill. His father worked there before him. '…,' he says"
        return Resolution(None, None, DESCRIBED, kind="description", description=newcomer[1])
    spoken = [q for q in scene.speaker_quotes(boundary, position) if q.speaker and _fits(scene, q.speaker, wanted)]
    if spoken:
        last = spoken[-1]
        assert last.speaker is not None
        # someone named since, unless the speaker is named again after them ("Asked whether Donald Trump, who
        # ..., could win, Ban demurred. '…,' he said": Ban)
        anchor = max([_anchor(last)] + [m.start for m in mentions if m.entity == last.speaker and scene.subject_like(m)])
        rivals = _subjects(scene, [m for m in mentions if m.start > anchor])
        if not rivals:
            return _named(scene, last.speaker, wanted, EXACT)
        if len(rivals) == 1 and rivals[0] != PLURAL:
            return _named(scene, rivals[0], wanted, NEWCOMER)
        return NONE
    named = list(dict.fromkeys(m.entity for m in mentions))
    if not named and newcomer is None and boundary > scene.window_start(position):
        # (from the paragraph before the other speaker's: "Robert Hume said ...\n\n'…,' Anita Desai said.\n\n
        # '…,' he replied": Hume, who spoke before her)
        lo = scene.window_start(position)
        after = scene.blocks[scene.block_index(boundary)].end if scene.blocks else boundary
        if _no_name_since(scene.text, after, position):  # (not "..., Lazar had no training. He told ...")
            lo = min(lo, scene.window_start(boundary))
        back = _only_one_of_the_gender(scene, lo, boundary, position, wanted)
        if back is not None:  # "Helen Marsh said ... Gareth Pryce said ... '…,' she said": Marsh, the only woman
            return _named(scene, back, wanted, REACHED)
    subjects = _subjects(scene, mentions)
    if len(named) > 1 and PLURAL not in subjects:
        here = _own_paragraph(scene, mentions, position)  # "Mr Pryce did not respond.\n\n... Owen Maddox, has
        if here is not None:                              # written to the minister. He said ...": Maddox
            return _checked(scene, here, set(named), wanted, SINGLE)
    if len(named) != 1 or PLURAL in subjects:
        return NONE  # nobody, or two people who both fit ("David Moss met Peter Lang. He said ...")
    subject = bool(subjects)
    return _checked(scene, named[0], set(named), wanted, SINGLE if subject else WEAK)


def _no_name_since(text: str, start: int, end: int) -> bool:
    """No capitalised word but a sentence's first and "I" in ``text[start:end]`` (after the other speaker's
    paragraph): nobody named since, known or not."""
    for sentence in SENTENCE_END_RE.split(text[start:end]):
        words = sentence.split()[1:]
        if any(w.strip("“”\"‘’'(),;:")[:1].isupper() and w.strip("“”\"‘’'(),;:") != "I" for w in words):
            return False
    return True


def _only_one_of_the_gender(scene: Scene, lo: int, boundary: int, position: int, wanted: str) -> str | None:
    """Across a quote by someone of the other gender: the one person of the pronoun's gender who spoke in the
    window before it, when nobody else named there could be the pronoun's (of its gender or of unknown gender)
    and no one described is (a spokeswoman, "his wife", "a woman who ...")."""
    people = {m.entity for m in scene.mentions_between(lo, position)
              if m.entity in scene.by_id and scene.by_id[m.entity].type == "person"}
    fitting = [p for p in people if scene.gender(p) in (wanted, None)]
    if len(fitting) != 1 or scene.gender(fitting[0]) != wanted:
        return None
    if not any(q.speaker == fitting[0] for q in scene.speaker_quotes(lo, boundary)):
        return None
    if any(_described_gender(q) in (wanted, None) for q in scene.history if lo <= q.start < position and _described(q)):
        return None
    if _described_subject(scene, lo, position, wanted) is not None:
        return None
    return fitting[0]


def _own_paragraph(scene: Scene, mentions: list[Mention], position: int) -> str | None:
    """The one person who fits named in the pronoun's own paragraph, as a subject, when the others who fit are
    named only in the paragraph before; None otherwise."""
    start = scene.blocks[scene.block_index(position)].start if scene.blocks else position
    here = [m for m in mentions if m.start >= start]
    people = {m.entity for m in here}
    if len(people) != 1:
        return None
    subjects = _subjects(scene, here)
    if not subjects or PLURAL in subjects:
        return None
    return next(iter(people))


def _described_subject(scene: Scene, lo: int, hi: int, wanted: str) -> tuple[int, str] | None:
    """The latest someone new described as the subject of a body sentence in ``[lo, hi)`` outside quotes, of a
    gender that fits: "Ortega's sister read ...", "Her husband, who ..., wept", "A neighbour who saw it ...";
    (start, description).  Not one who asks ("A reporter asked the mayor ..."): the one asked answers."""
    found = None
    for start in _sentence_starts(scene, lo, hi):
        match = _described_subject_re().match(scene.text, start, hi)
        if match is None or scene.quoted(start):
            continue
        phrase = match.group("np")
        gender = _described_gender_of(phrase)
        if gender in (wanted, None):
            found = (start, phrase)
    return found


def _sentence_starts(scene: Scene, lo: int, hi: int) -> list[int]:
    """Where body sentences start in ``[lo, hi)``: at a paragraph's start, and after a full stop and space."""
    starts = [b.start for b in scene.blocks if lo <= b.start < hi and b.kind == "paragraph"]
    starts += [m.end() for m in SENTENCE_END_RE.finditer(scene.text, lo, hi)]
    return sorted(set(starts))


def _described_gender_of(phrase: str) -> str | None:
    """The gender a description's nouns give ("Ortega's sister": female), None when none or both."""
    nouns = source_words()["gendered_nouns"]
    found = {nouns[w] for w in ROLE_WORD_RE.findall(phrase.lower()) if w in nouns}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _relative_re() -> re.Pattern[str]:
    """A relative of someone: "Ortega's sister", "her husband", "the victim's mother", "the mother of one of the
    victims"."""
    kin = "|".join(sorted(lexicon().kin_nouns, key=len, reverse=True))
    return re.compile(rf"(?:(?:her|his|their)|(?:the\s+)?[A-Za-z][\w-]*['’]s)\s+(?:[a-z][\w-]*\s+)?(?:{kin})\b"
                      # "the mother of one of the victims", "the widow of a soldier"
                      rf"|the\s+(?:{kin})\s+of\s+(?:one\s+of\s+)?(?:the|a|an)\s+(?:[a-z][\w-]*\s+)?[a-z][\w-]*",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _described_subject_re() -> re.Pattern[str]:
    """A sentence opening with someone new as its subject, then a verb or a clause about them."""
    words = source_words()
    nouns = sorted({*words["person_nouns"], *words["more_person_nouns"]}, key=len, reverse=True)
    someone = rf"(?:an?|one|another)\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(nouns)})"
    where = r"(?:\s+(?:of|from|in|at|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?"  # "of Elm Street"
    verb = rf"(?:\s+(?:then|also|later|now|too))?\s+(?!(?:{NOT_SPEAKING})\b)(?:[a-z]+(?:ed|s)|{ACTING})\b(?![’'])"
    return re.compile(rf"(?P<np>(?i:{_relative_re().pattern}|{someone})){where}(?=,|\s+who\b|{verb})")


def _carried(scene: Scene, quote: Quote, mentions: list[Mention], wanted: str) -> Resolution:
    """The described speaker of ``quote`` again, unless someone who fits has been named as a subject since
    (one such newcomer takes the pronoun, as after a named speaker)."""
    rivals = _subjects(scene, [m for m in mentions if m.start > _anchor(quote)])
    if len(rivals) == 1 and rivals[0] != PLURAL:
        return _named(scene, rivals[0], wanted, NEWCOMER)
    if rivals:
        return NONE
    return Resolution(quote.speaker, quote.speaker_name, DESCRIBED, kind=quote.speaker_kind,
                      description=quote.speaker_description)


PLURAL = ""  # among the subjects: two people joined by "and", who block a pronoun but never take it


def _subjects(scene: Scene, mentions: list[Mention]) -> list[str]:
    """The people who are subjects among ``mentions`` (those the pronoun fits) in order. People joined by "and"
    are one subject: PLURAL when two of them fit ("Karen Hughes and Linda Reyes run the group. She said"), else
    the one who fits when their gender is known ("Clinton and Sanders met. She said")."""
    joined = {m.entity for m in mentions if scene.conjoined_subject(m)}
    if len(joined) == 1 and scene.gender(next(iter(joined))) is None:
        joined = set()  # "she, Sanders and President Obama were in the Senate": no one of unknown gender is "she"
    found = (m.entity if scene.subject_like(m) or len(joined) == 1 else PLURAL for m in mentions
             if scene.subject_like(m) or m.entity in joined)
    return list(dict.fromkeys(found))


def _checked(scene: Scene, chosen: str, others: set[str], wanted: str, confidence: float) -> Resolution:
    """``chosen`` unless its gender is unknown while another person named here is of the pronoun's gender."""
    if scene.gender(chosen) is None and any(scene.gender(o) == wanted for o in others - {chosen}):
        return NONE
    return _named(scene, chosen, wanted, confidence)


def _named(scene: Scene, entity_id: str, wanted: str, confidence: float) -> Resolution:
    entity = scene.by_id[entity_id]
    if scene.gender(entity_id) != wanted:
        confidence = min(confidence, WEAK if confidence < EXACT else 0.6)
        scene.learn_gender(entity_id, wanted)  # (only when nothing told it: _fits let the pronoun reach them)
    return Resolution(entity.id, entity.name, confidence, kind="person")


def _organisation(scene: Scene, position: int) -> Resolution:
    """"it": the organisation named nearest before, in this paragraph or the one before."""
    lo = scene.window_start(position)
    for mention in reversed(scene.mentions_between(lo, position)):
        entity = scene.by_id.get(mention.entity)
        if entity is not None and entity.type == "organisation":
            return Resolution(entity.id, entity.name, 0.6, kind="organisation")
    return NONE


# "It went on: '…'" after "In her letter ..., the minister described ... In it she said ...": the letter goes on
GOES_ON_RE = re.compile(r"It\s+(?:went\s+on|goes\s+on|continued|continues|added|adds|concluded|concludes)\b")
WRITTEN_RE = re.compile(r"\b(?:letter|email|e-mail|memo|statement|report|note|submission)\b", re.IGNORECASE)


def _document_goes_on(scene: Scene, position: int) -> Resolution:
    """"It went on" right after the last quote, in a paragraph that names a letter or report: the document
    goes on, so the speaker of that quote (its author) does too; else nobody."""
    if not GOES_ON_RE.match(scene.text, position):
        return NONE
    lo = scene.window_start(position)  # this paragraph and the one before
    before = [q for q in scene.history if q.end <= position]
    if not before or before[-1].speaker_name is None or before[-1].start < lo \
            or not WRITTEN_RE.search(scene.text, lo, position):
        return NONE
    last = before[-1]
    return Resolution(last.speaker, last.speaker_name, 0.6, kind=last.speaker_kind,
                      description=last.speaker_description)


def _group(scene: Scene, position: int) -> Resolution:
    """"they": the group or body that spoke last, in this paragraph or the one before."""
    lo = scene.window_start(position)
    for quote in reversed(scene.history):
        if quote.start < lo:
            break
        if quote.start < position and quote.speaker_kind in ("group", "organisation") and quote.speaker_name:
            return Resolution(quote.speaker, quote.speaker_name, 0.6, kind=quote.speaker_kind,
                              members=tuple(quote.speaker_members))
    return NONE
