"""Resolving a speaker phrase bound to a cue: to a person, a body, a group, a document, or an honest description.

Precision first.  A phrase that is (or ends in) a mention of a named person resolves to that person
(0.9 for a name, 0.85 otherwise); a role mention ("the mayor") only when the name came before it; a
bare "the judge" through the one person whose recorded role fits.  Pronouns follow ``pronouns``;
documents, groups and descriptions follow ``speaker_sources``.  A capitalised phrase that no entity
stands for is a name only when it is not a role ("Deputy Mayor"), an outlet ("CBC News"), a
party-state tag ("D-Ohio"), a state or province abbreviation ("Ont.") or ordinary words ("Hours").
Anything else is an unresolved description: ``kind`` "description", no speaker and no name.
"""

from __future__ import annotations

import re

from storyline.annotate.entity_lexicon import lexicon as entity_lexicon
from storyline.annotate.pronouns import resolve_pronoun
from storyline.annotate.speaker_scene import Resolution, Scene, source_words
from storyline.annotate.speaker_sources import (
    described_body,
    described_person,
    document_source,
    group_source,
    is_group_phrase,
    received_by,
    unresolved,
)
from storyline.annotate.speakers import DETERMINERS, POSSESSIVE_PRONOUNS, QUANTITY, SpeakerSpan, lexicon
from storyline.model import Entity, Mention

__all__ = ["Resolution", "attribute_speaker"]

HEAD_CUT_RE = re.compile(r"\s+(?:of|with|from|at|for|in|to|who|which)\s")
BARE_POLICE_RE = re.compile(r"(?:the\s+)?police", re.IGNORECASE)
POLICE_FORCE_RE = re.compile(r"\b(?:Police|RCMP|Constabulary|OPP|SPVM|Sheriff['’]s\s+Office|Garda[ií]?|PSNI)\b")
FORMER_LATTER_RE = re.compile(r"the\s+(?:former|latter)", re.IGNORECASE)
TITLED_RUN_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|the|for|and|&)\s+)?[A-Z][\w’'.-]*)+")
PERSON_HEAD_RE = re.compile(r"[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z’'-]+")  # "Darran Whiting", "Mary J. Blige"
ROLE_OF_RE = re.compile(r"(?:[Tt]he\s+)?(?P<role>[A-Za-z]+)\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*")
UNDER_ROLE_RE = re.compile(r"\b(?:deputy|vice|assistant|former|shadow|associate|junior|ex)\b", re.IGNORECASE)
SPOKES_RE = re.compile(
    r"(?:a|an|the|one|its|their)\s+(?:[\w’'-]+\s+){0,3}(?:spokesperson|spokesman|spokeswoman|representative)\b"
    r"(?:\s+(?:for|of|with|from)\s+(?P<body>.+))?", re.IGNORECASE | re.DOTALL)
PARTY_STATE_RE = re.compile(r"[DRI]-[A-Z][\w.]*\.?")
QUANTITY_RE = re.compile(QUANTITY)
CLAUSE_START_WORDS = frozenset({
    "under", "which", "as", "lest", "ask", "asked", "asking", "something", "when", "while", "if", "because",
    "although", "though", "after", "before", "since", "until", "unless", "whether", "with", "without", "by", "for",
    "from", "to", "at", "in", "on", "of", "into", "than", "like", "about", "against", "among", "between",
    "through", "during", "over", "said", "says", "told", "where", "whom", "whose", "what", "how", "why",
})
JUNK_END_WORDS = frozenset({"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "that",
                            "who", "which", "whose"})
NONE = Resolution(None, None, 0.2)
DETERMINER_START_RE = re.compile(DETERMINERS + r"\s")
POSSESSIVE_MARK_RE = re.compile(r"[’'](?:s)?\s")
BARE_ROLE_RE = re.compile(r"(?:the|The)\s+[a-z]+")
SPACES_RE = re.compile(r"\s+")
ARTICLE_RE = re.compile(r"(?:The|A|An)\s")
DOCUMENT_TAIL_RE = re.compile(r"(?:of|on|from|by|to|for|in|at|into|prepared|published|issued|released|filed|"
                              r"seen|obtained|shared|posted|written|signed|sent|dated|read|given)\b")
WHICH_AFTER_RE = re.compile(r"\s*,\s*which\s")
POSSESSED_NOUN_RE = re.compile(r"[’']s\s+[a-z]")


def attribute_speaker(
    text: str,
    span: SpeakerSpan,
    mentions: list[Mention],
    entities: list[Entity],
    *,
    excluded: list[tuple[int, int]] | None = None,
    source_kind: str | None = None,
    scene: Scene | None = None,
) -> Resolution:
    """Resolve a speaker phrase bound to a cue (see the module docstring for the rules).

    ``scene`` carries the layout and the quotes attributed so far; without it the phrase is resolved
    against ``mentions``/``entities`` alone, ``excluded`` spans (quotes) holding no candidates.
    """
    if scene is None:
        scene = Scene(text, [], mentions, entities, list(excluded or []), source_kind)
    body = next((m for m in scene.mentions if m.type == "organisation" and m.start < span.start < m.end
                 and span.end <= m.end), None)
    if body is not None:  # "... the Ministry of Housing, Communities and Local Government said": the whole body
        span = SpeakerSpan(body.start, body.end, "name")
    surface = text[span.start : span.end]
    if span.form == "pronoun":
        return _pronoun(scene, surface, span.start)
    if _never_a_speaker(surface):
        return NONE
    if FORMER_LATTER_RE.fullmatch(surface.strip(" ,")):
        return _former_or_latter(scene, span.start, surface.strip(" ,").lower().endswith("former"))
    return _phrase(scene, span, surface)


def _former_or_latter(scene: Scene, position: int, former: bool) -> Resolution:
    """ "Sandra Kirk and Tom Beaudoin organised the petition. The former said ...": the first (or last) of the
    people named in the nearest sentence before that names anyone, when it names two or more; else nobody."""
    text, lo = scene.text, scene.window_start(position)
    hi = position
    while hi > lo:
        start = max(text.rfind(". ", lo, hi), text.rfind("\n", lo, hi)) + 1
        start = max(start, lo)
        people = [m.entity for m in scene.mentions_between(start, hi)
                  if m.entity in scene.by_id and scene.by_id[m.entity].type == "person" and not scene.quoted(m.start)]
        named = list(dict.fromkeys(people))
        if named:
            if len(named) < 2:
                return NONE
            entity = scene.by_id[named[0] if former else named[-1]]
            return Resolution(entity.id, entity.name, 0.7, kind="person")
        hi = start - 1
    return NONE


def _pronoun(scene: Scene, surface: str, position: int) -> Resolution:
    lower = surface.lower()
    wanted = lexicon().pronouns.get(POSSESSIVE_PRONOUNS.get(lower, lower), "")
    if wanted in ("neuter", "plural") and scene.source_kind:
        return Resolution(None, scene.source_kind, 0.7, kind="document")
    return resolve_pronoun(scene, wanted, position)


def _never_a_speaker(surface: str) -> bool:
    """Party-state tags ("D-Ohio"), state and province abbreviations ("Ont.", "Ga.") name nobody."""
    if len(surface) > 12 or " " in surface.strip():
        return False
    stripped = surface.strip(" ,.")
    return bool(PARTY_STATE_RE.fullmatch(stripped)) or (stripped.lower() + ".") in entity_lexicon().state_abbreviations


def _phrase(scene: Scene, span: SpeakerSpan, surface: str) -> Resolution:
    words = surface.strip(" ,.").split()
    first = words[0].lower() if words else ""
    if QUANTITY_RE.fullmatch(surface.strip(" ,.")):
        return group_source(scene, span.start, span.end)  # "About 4 in 10 of voters": a share of those asked
    if not words or words[-1].lower() in JUNK_END_WORDS or first in CLAUSE_START_WORDS:
        return NONE  # "the authors of the", "under Rupert Murdoch", "which many voters": not a speaker phrase
    relative = max(surface.find(" who "), surface.find(" whose "))
    if relative > 0 and span.form == "np":  # "parents who book the ice", "the officer who wrote the report"
        return _qualified(scene, span, relative)
    if (" and " in surface or " & " in surface) and (_people_in(scene, span.start, span.end) >= 2
                                                      or _coordinated_with_a_body(scene, span, surface)):
        return group_source(scene, span.start, span.end)  # "Independent councillors Ann Lee and Bo Park"
    found = _by_mention(scene, span, surface)
    if found is not None:
        return found
    sourced = _source(scene, span, surface)
    if sourced is not None:
        return sourced
    if span.form == "name":
        namesake = _namesake_speaking_on(scene, surface, span.start)
        if namesake is not None:
            return Resolution(namesake.id, namesake.name, 0.8, kind="person")
        head_end = _head_end(scene, span.start, span.end)
        return _unlinked_name(scene, scene.text[span.start : head_end], surface, span)
    return unresolved(surface)


def _namesake_speaking_on(scene: Scene, surface: str, position: int) -> Entity | None:
    """A bare surname that two people named here share ("Tyler Vickers ... his mother, Jolene Vickers, said ...
    “…,” she said. “…,” said Vickers."): the one who spoke last, when the quote before is theirs and neither the
    other bearer nor anyone else has been named since it began; else None (nobody: the entities give it no owner)."""
    word = surface.strip(" ,.")
    if not word[:1].isupper() or " " in word:
        return None
    bearers = [e for e in scene.entities if e.type == "person" and len(e.name.split()) > 1
               and e.name.split()[-1] == word]
    if len(bearers) < 2 or not scene.history:
        return None
    last = next((q for q in reversed(scene.history) if q.speaker_name is not None), None)
    if last is None or last.speaker not in {e.id for e in bearers}:
        return None
    since = [m for m in scene.mentions if last.start <= m.start < position and m.entity != last.speaker
             and m.entity in scene.by_id and scene.by_id[m.entity].type == "person"]
    return None if since else scene.by_id[last.speaker]


def _qualified(scene: Scene, span: SpeakerSpan, relative: int) -> Resolution:
    """A described subject with its relative clause, as one phrase: a group by its head ("parents"; its members
    named in the head only, never "Lachlan Murdoch" of "executives who have worked with Lachlan Murdoch"), else a
    description; never the one person named before (the clause may well single out someone new), never a
    document ("the officer who wrote the report" is a person)."""
    head = scene.text[span.start : span.start + relative]
    if is_group_phrase(head, lexicon().group_words):
        group = group_source(scene, span.start, span.start + relative)
        whole = group_source(scene, span.start, span.end)
        return Resolution(None, whole.speaker_name, group.confidence, kind="group", members=group.members)
    return unresolved(scene.text[span.start : span.end])


def _coordinated_with_a_body(scene: Scene, span: SpeakerSpan, surface: str) -> bool:
    """ "Both Blocher and the SVP": a body after "and" that no mention spans the "and" of (not "Marks and
    Spencer"): the two together speak, never the body alone."""
    joint = surface.find(" and ") if " and " in surface else surface.find(" & ")
    at = span.start + joint
    if any(m.start <= at < m.end for m in scene.mentions):
        return False
    return any(at < m.start and m.end <= span.end and m.entity in scene.by_id
               and scene.by_id[m.entity].type == "organisation" for m in scene.mentions)


def _people_in(scene: Scene, start: int, end: int) -> int:
    return len({m.entity for m in scene.mentions if start <= m.start and m.end <= end
                and m.entity in scene.by_id and scene.by_id[m.entity].type == "person"})


def _by_mention(scene: Scene, span: SpeakerSpan, surface: str) -> Resolution | None:
    """A phrase ending in a mention of an entity (or a bare role one person holds)."""
    text = scene.text
    head_end = _head_end(scene, span.start, span.end)
    last = text[span.start : head_end].rsplit(None, 1)
    if len(last) == 2 and last[1].lower().strip(".,") in entity_lexicon().postnominals:
        head_end = span.start + len(last[0])  # "The Rt Hon Priti Mahal MP": the name before "MP"
    mention = scene.mention_covering(span.start, head_end)
    if mention is None and text.endswith(".", span.start, head_end):
        mention = scene.mention_covering(span.start, head_end - 1)  # '..., said union president Dave Pelletier.'
    if mention is not None and mention.kind == "role" and not _named_before(scene.mentions, mention):
        mention = None  # a role linked forward to a name not yet seen: too unsure to name anyone
    entity = scene.by_id.get(mention.entity) if mention else None
    if entity is None and span.form == "np" and head_end == span.end:
        holder = _by_role(surface, scene.entities)
        return Resolution(holder.id, holder.name, 0.7, kind="person") if holder is not None else None
    if entity is not None and entity.type == "place":
        return NONE if mention is not None and mention.start <= span.start else None  # a place never speaks
    if entity is None or mention is None or received_by(surface):
        return None  # "letters obtained by the Gazette", "emails seen by Jane Holt": not the reader's words
    if entity.type == "person":
        return Resolution(entity.id, entity.name, 0.9 if span.form == "name" else 0.85, kind="person")
    if _document_noun(surface) is not None and DETERMINER_START_RE.match(surface):
        return None  # "the council's report": a document, whoever published it
    by_name = mention.kind == "role" or (mention.kind == "name" and not DETERMINER_START_RE.match(surface))
    name = entity.name if by_name else _clean(surface)  # "the city" linked to the City of Hamilton names it
    return Resolution(entity.id, name, 0.85, kind="organisation")


def _source(scene: Scene, span: SpeakerSpan, surface: str) -> Resolution | None:
    """A spokesperson, a document, a group, or a body or person described."""
    spokes = SPOKES_RE.fullmatch(surface.strip(" ,."))
    if spokes is not None:
        body = _entity_at(scene, span.start + spokes.start("body"), span.end) if spokes.group("body") else None
        if body is None and spokes.group("body"):  # "A spokeswoman for the bank": the one bank named before
            described = described_body(scene, span.start + spokes.start("body"), span.start + spokes.end("body"))
            body = scene.by_id.get(described.speaker) if described is not None and described.speaker else None
        name = surface[0].lower() + surface[1:] if surface[:1].isupper() else surface
        return Resolution(body.id if body else None, _clean(name), 0.8, kind="organisation")
    noun = _document_noun(surface)
    if noun is not None and (span.form != "name" or POSSESSIVE_MARK_RE.search(surface)):
        return document_source(scene, span.start, span.end, noun)
    if POSSESSED_NOUN_RE.search(surface) and lexicon().verb_re.fullmatch(surface.split()[-1].strip(" ,.")):
        return unresolved(surface)  # "the mayor's comments suggested": what someone said, no group of people
    if is_group_phrase(surface, lexicon().group_words) and (span.form != "name" or len(surface.split()) > 1
                                                             or surface.lower() in lexicon().group_words):
        force = _police_force(scene, surface)
        if force is not None:
            return Resolution(force.id, force.name, 0.8, kind="organisation")
        return group_source(scene, span.start, span.end)
    return described_body(scene, span.start, span.end) or described_person(scene, span.start, span.end)


def _police_force(scene: Scene, surface: str) -> Entity | None:
    """ "Police said" in a story naming one police force ("Truro RCMP", "Greater Manchester Police"): that force."""
    if BARE_POLICE_RE.fullmatch(surface.strip(" ,.")) is None:
        return None
    forces = [e for e in scene.entities if e.type == "organisation" and POLICE_FORCE_RE.search(e.name)]
    return forces[0] if len(forces) == 1 else None


APPOSITION_RE = re.compile(r",\s+(?:the|a|an)\s+(?P<np>[^,;:“”\"]{1,80}?)(?=,)")
BODY_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?P<words>(?:[a-z][\w-]*\s+){0,5}[a-z][\w-]*),\s*$")
# what may follow a head noun inside its phrase: "the union representing drivers", "the firm that runs the buses"
POSTMODIFIER_STARTS = frozenset({"representing", "running", "behind", "that", "which", "who", "for", "of", "in",
                                 "at", "with", "on", "from", "operating", "managing", "responsible"})


def _apposed_body(text: str, end: int) -> bool:
    """"Save Elm Lodge, the campaign set up by relatives, said": the head of the apposition ("campaign", not
    "relatives"; "candidate" in "the party's candidate") says the name is a body."""
    found = APPOSITION_RE.match(text, end)
    if found is None:
        return False
    words, lists = found.group("np").split(), source_words()
    cut = next((i for i, w in enumerate(words) if w in lists["apposition_head_ends"]), len(words))
    head = words[:cut][-1].lower() if cut else ""
    return head in lists["organisation_nouns"] or head in lists["apposition_body_nouns"]


def _body_before(text: str, start: int) -> bool:
    """"The company, First Student Canada, said": the name stands in apposition to a body named before it."""
    found = BODY_BEFORE_RE.search(text, max(0, start - 80), start)
    if found is None:
        return False
    words = found.group("words").split()
    cut = next((i for i, w in enumerate(words[1:], 1) if w in POSTMODIFIER_STARTS), None)
    if cut is None and len(words) > 3:
        return False  # a long phrase with no place where its head ends: no safe head
    head = words[cut - 1] if cut is not None else words[-1]  # "The union representing drivers, Unite, said": union
    lists = source_words()
    return head in lists["organisation_nouns"] or head in lists["apposition_body_nouns"]


# "campaign group Save Millfield said", "Charity Shelter said": a kind of body right before the name
KIND_BEFORE_RE = re.compile(r"(?:^|\s)(?P<kind>[A-Za-z]+)\s+$")
# "Stagecoach said it was delighted": one unknown word reporting about "it" is a body, not a person
IT_REPORTS_RE = re.compile(r"\s+(?:has\s+|had\s+)?[a-z]+\s+(?:that\s+)?(?:it|its)\b")


def _unlinked_name(scene: Scene, head: str, surface: str, span: SpeakerSpan) -> Resolution:
    """A capitalised phrase no entity stands for: an organisation's short name, an outlet, a role, or a name."""
    lex = entity_lexicon()
    lowered = [w.lower().strip(",.’'") for w in head.split()]
    if not lowered or all(w[:1].isalpha() and (w in lex.never_names or _common_word(scene.text, w)) for w in lowered):
        return NONE  # "Hours later", "Walking to the next address": ordinary words opening a sentence
    organisation = _organisation_by_first_word(scene, head)
    if organisation is not None:
        return Resolution(organisation.id, organisation.name, 0.8, kind="organisation")
    if lowered[-1] in lex.titles or lowered[-1] in lex.role_nouns or " ".join(lowered[-2:]) in lex.titles:
        return unresolved(surface)  # "Deputy Mayor", "Westbury South MP", "Secretary of Defense": a role
    words = surface.split()
    kinds = [i for i, w in enumerate(words[:-1]) if w.lower() in lex.org_kinds_before
             and (w.islower() or i == 0) and words[i + 1][:1].isupper()]
    if kinds:  # "Operator Arriva said", "Housing association Clarion said": the body is named after its kind
        return Resolution(None, _clean(" ".join(words[kinds[-1] + 1 :])), 0.8, kind="organisation")
    whole = [w.lower().strip(",.’'") for w in words]
    if len(head.split()) != len(words) and PERSON_HEAD_RE.fullmatch(head.strip()):
        whole = lowered  # "Darran Whiting of Liberty Baptist Church": a person of a body, not the body
    if (any(w in source_words()["outlet_words"] for w in lowered) or any(w in lex.org_suffixes for w in whole)
            or _kind_before(scene.text, span.start)
            or _apposed_body(scene.text, span.end) or _body_before(scene.text, span.start)
            or (IT_REPORTS_RE.match(scene.text, span.end) is not None
                and (len(lowered) == 1 or (len(lowered) == 2 and lex.first_name_gender(words[0]) is None
                                           and lowered[0] not in lex.places)))  # "Island Health said it" (not Paris Hilton)
            or WHICH_AFTER_RE.match(scene.text, span.end) is not None  # "Arriva, which runs ..., said": a thing
            or _place_led_body(lowered)):
        return Resolution(None, _clean(surface), 0.8, kind="organisation")  # "CBC News", "Local 412 of the ... Union"
    if POSSESSED_NOUN_RE.search(surface) and lexicon().verb_re.fullmatch(words[-1].strip(" ,.")):
        return unresolved(surface)  # "Starr's remarks suggested": what someone said, no person
    person = head if whole is lowered else surface  # "Darran Whiting" of "... of Liberty Baptist Church"
    return Resolution(None, _clean(person), 0.8, kind="person")


def _place_led_body(lowered: list[str]) -> bool:
    """"Nova Scotia Health said": a name led by a place of two words, with more after it, is a body's (a
    one-word place leads people's names too: "Chelsea Clinton", "Paris Hilton")."""
    return len(lowered) > 2 and " ".join(lowered[:2]) in entity_lexicon().places


def _kind_before(text: str, start: int) -> bool:
    found = KIND_BEFORE_RE.search(text, max(0, start - 20), start)
    return found is not None and found.group("kind").lower() in entity_lexicon().org_kinds_before


def _common_word(text: str, word: str) -> bool:
    """An "-ing" or "-ly" word, or one the text also writes in lower case: not a name."""
    if not word[:1].isalpha():
        return False
    if word.endswith(("ing", "ly")) and len(word) > 4:
        return True
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(word, end)
    return False


def _organisation_by_first_word(scene: Scene, surface: str) -> Entity | None:
    """"Northcrest" after "Northcrest Gold": the one organisation whose name starts with the word (not "Podesta"
    when the document also names a person Podesta: a surname more likely names one of them)."""
    if " " in surface.strip():
        return None
    word = surface.strip(" ,.").lower()
    if any(e.type == "person" and e.name.lower().split()[-1:] == [word] for e in scene.entities):
        return None
    found = {e.id: e for e in scene.entities if e.type == "organisation" and e.name.lower().split()[:1] == [word]
             and len(e.name.split()) > 1}
    return next(iter(found.values())) if len(found) == 1 else None


def _document_noun(surface: str) -> re.Match[str] | None:
    """The document noun a phrase ends with ("the report", "an agreed statement of facts filed in court")."""
    matches = list(lexicon().source_re.finditer(surface))
    if not matches or SPOKES_RE.match(surface.strip(" ,.")):
        return None
    last = matches[-1]
    rest = surface[last.end() :].strip(" ,.")
    if rest and not DOCUMENT_TAIL_RE.match(rest):
        return None
    return last if last.group(0).lower() not in ("official", "source", "sources", "representative") else None


def _entity_at(scene: Scene, start: int, end: int) -> Entity | None:
    for m in scene.mentions:
        if start <= m.start and m.end <= end and m.entity in scene.by_id:
            return scene.by_id[m.entity]
    return None


def _head_end(scene: Scene, start: int, end: int) -> int:
    """End of the phrase's head: "Robert Antonacci" in "Robert Antonacci of the New York delegation", but all of
    "Court of Appeal Justice Michael Penny" (a body's name and a title before a name)."""
    cut = HEAD_CUT_RE.search(scene.text, start, end)
    if cut is None or _titled_name(scene, start, end):
        return end
    return cut.start()


def _titled_name(scene: Scene, start: int, end: int) -> bool:
    """ "Court of King's Bench Justice Shauna McCarthy", "Minister of Foreign Affairs Mélanie Joly": a capitalised
    run of a body's name or a portfolio and a title, then a person's name that ends the phrase."""
    text = scene.text
    stop = len(text[start:end].rstrip(" ,.")) + start
    name = next((m for m in scene.mentions if m.end == stop and start < m.start and m.entity in scene.by_id
                 and scene.by_id[m.entity].type == "person"), None)
    if name is None:
        return False
    words = text[start : name.start].split()
    lex = entity_lexicon()
    last = words[-1].lower().strip(".") if words else ""
    post = words[:-1] if last in lex.titles or last in lex.honorifics else words
    role_of = ROLE_OF_RE.fullmatch(" ".join(post))  # (a title of the holder's may follow: "... health Dr")
    if role_of is not None and role_of.group("role").lower() in lex.role_nouns:
        return True  # "Chair of the bench Joan Lee", "Director of public health Dr Amir Khan": a post, then its holder
    if len(words) < 3 or not TITLED_RUN_RE.fullmatch(" ".join(words)):
        return False
    titles = entity_lexicon().titles
    if words[0].lower() in source_words()["person_nouns"] and words[-1].lower().strip(".") in titles:
        return False  # "Lawyer for Mayor Karen Holt": two people, the mayor and her lawyer
    return any(w.lower().strip(".") in titles for w in words)


def _named_before(mentions: list[Mention], role: Mention) -> bool:
    return any(m.entity == role.entity and m.kind != "role" and m.end <= role.start for m in mentions)


def _by_role(surface: str, entities: list[Entity]) -> Entity | None:
    """"the judge" -> the one person whose recorded role (or title) is a judge or justice."""
    if not BARE_ROLE_RE.fullmatch(surface):
        return None  # only a bare "the judge": "the leader of X" may be anyone's leader
    head = surface.split()[-1].lower().strip(",.")
    names = set(lexicon().role_synonyms.get(head, ()))
    if not names:
        return None
    found = [
        e for e in entities
        if e.type == "person"
        and (any(r.role.lower().split()[-1:][0] in names and not UNDER_ROLE_RE.search(r.role) for r in e.roles
                 if r.role.split())
             or e.name.split()[0].lower().strip(".") in names)
    ]
    return found[0] if len(found) == 1 else None


def _clean(surface: str) -> str:
    surface = SPACES_RE.sub(" ", surface).strip(" ,.")
    if ARTICLE_RE.match(surface):
        surface = surface[0].lower() + surface[1:]
    return surface
