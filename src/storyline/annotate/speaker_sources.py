"""Speakers that are not named people: documents, groups, bodies described, people described.

Each function takes a speaker phrase that named no entity directly and says what it stands for:

* a **document** ("the report", "according to provincial records", "a post on the union's Facebook
  page") is a source of kind ``document``; it takes the name of its publisher when the text says who
  published it ("a report prepared for council by Delmont Advisory", "BC Ferries' own capital plan",
  an earlier "report by X" for a later "the report" or "the study" in the same paragraph, "X sent a letter"
  for "the letter"), never of who saw or obtained it ("a memo seen by CBC News"), else the document phrase itself;
* a **group** ("residents", "council chiefs", "independent councillors Ann Lee and Bo Park") is a
  source of kind ``group`` with the people it names as members, never a person;
* a **body described** ("the utility", "the company", "the agency") is the one organisation named
  earlier that fits the description (word lists in ``data/quotes_sources.json``), else unresolved;
* a **person described** ("the veteran striker", "the 45-year-old nurse") is the one person of a
  compatible gender named in this paragraph or the one before (an age in the description must agree
  with an age the text gives); a role ("the judge") must match a role the text records.  Otherwise
  the description stays unresolved: kind ``description``, no speaker and no name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.annotate.entity_lexicon import lexicon as entity_lexicon
from storyline.annotate.speaker_scene import OF_SOMEONE_NEW_RE, Resolution, Scene, source_words
from storyline.annotate.speakers import GROUP_TAIL
from storyline.model import Entity

__all__ = ["described_body", "described_person", "document_source", "group_source", "is_group_phrase", "received_by"]

DETERMINER_RE = re.compile(r"(?:the|a|an|one|this|that|these|those|its|his|her|their|our|some|several|many|two|three)\s+",
                           re.IGNORECASE)
AGE_RE = re.compile(r"(\d{1,3})-year-old")
GROUP_HEAD_CUT_RE = re.compile(rf"\s+(?:{GROUP_TAIL}|who)\s")
HEAD_CUT_RE = re.compile(r"\s+(?:of|at|with|from|in|for|on|who|which)\s")
THE_RE = re.compile(r"(?:the|The)\s")
AGE_APPOSED_RE = re.compile(r",\s*(?:aged\s+)?(\d{1,3})\s*,")
AGE_BRACKETED_RE = re.compile(r"\s*\((\d{1,3})\)")
DESCRIPTION_START_RE = re.compile(r"(?:The|A|An|One|His|Her|Their|Its)\s")
WORD_RE = re.compile(r"[\w’'-]+")
PARTICIPLE_CUT_RE = re.compile(
    r"\s+(?:filed|released|published|issued|seen|obtained|shared|posted|prepared|sent|dated|presented|made|"
    r"written|signed|tabled|submitted|commissioned|carried|produced|compiled|on|in|at|from|to|which|that)\b.*$",
    re.DOTALL,
)
POSSESSIVE_OWNER_RE = re.compile(r"^(?P<owner>.+?)[’']s?\s+(?:own\s+)?", re.DOTALL)
DEFINITE = ("the ", "this ", "that ")
PUBLISHER_NAME_RE = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w&’'.-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w&’'.-]*){0,5})")


def _words(phrase: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(phrase)]


def _entity_in(scene: Scene, start: int, end: int, types: tuple[str, ...]) -> Entity | None:
    """The (last) entity of one of ``types`` mentioned inside ``[start, end)``."""
    found = None
    for m in scene.mentions:
        if start <= m.start and m.end <= end:
            entity = scene.by_id.get(m.entity)
            if entity is not None and entity.type in types:
                found = entity
    return found


# --- documents --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _publisher_re() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in source_words()["document_publisher_verbs"])
    return re.compile(rf"(?:\s+(?:{verbs}))?(?:\s+for\s+[\w\s’'-]{{1,40}}?)?\s+by\s+(?P<by>.+)$", re.DOTALL)


def document_source(scene: Scene, start: int, end: int, noun: re.Match[str] | None) -> Resolution | None:
    """A document phrase as a source, named after its publisher when the text says who that is."""
    if noun is None:
        return None
    text = scene.text
    entity, name = _publisher_in(scene, start, end)
    if entity is None and name is None and not INDEFINITE_RE.match(text, start):
        entity, name = _publisher_before(scene, start, noun.group(0).lower())  # "a court document": a new one
    if entity is not None:
        return Resolution(entity.id, entity.name, 0.75, kind="document")
    if name is not None:
        return Resolution(None, name, 0.75, kind="document")
    author = _issued_just_before(scene, start, noun.group(0).lower()) or _sender_before(scene, start, noun.group(0))
    if author is not None:
        return author
    phrase = PARTICIPLE_CUT_RE.sub("", text[start:end])
    phrase = DETERMINER_RE.sub("", phrase, count=1) if DETERMINER_RE.match(phrase) else phrase
    return Resolution(None, " ".join(phrase.split()).strip(" ,.;:") or noun.group(0).lower(), 0.75, kind="document")


def _definite(text: str, start: int) -> bool:
    """"the statement", "This letter": a document named before, never "a statement" (a new one)."""
    return text.startswith(DEFINITE, start) or text.startswith(("The ", "This ", "That "), start)


def _issued_just_before(scene: Scene, start: int, noun: str) -> Resolution | None:
    """"Maureen Pelletier said in a statement that ... “…,” the statement read": the person whose words, reported
    just before (the last attributed quote of this paragraph or the one before), came "in a statement" of the same
    kind ("in a letter to parents she wrote that ..., “…,” the letter said" too); never "a statement" (a new one),
    nor when someone else was quoted in between."""
    if not _definite(scene.text, start):
        return None
    before = scene.speaker_quotes(scene.window_start(start), start)
    last = before[-1] if before else None
    if last is None or last.cue is None or last.speaker is None:
        return None
    kind = rf"in\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+)?{re.escape(noun)}\b"
    issued = re.compile(rf"[\s,]+(?:[\w’'.-]+\s+){{0,3}}?{kind}")
    issued_first = re.compile(rf"\b{kind}[^.!?“”\"]*$")  # "in a letter to parents seen by the Echo she wrote that"
    if issued.match(scene.text, last.cue[1], last.cue[1] + 80) is None \
            and issued_first.search(scene.text, max(0, last.cue[0] - 120), last.cue[0]) is None:
        return None
    person = scene.by_id[last.speaker]
    return Resolution(person.id, person.name, 0.7, kind="person")


JOINED_BEFORE_RE = re.compile(r"(?:\band|&|,)\s+$")
SENDER_GAP_RE = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?\s*")  # ("... Union of Kentucky")


def _sender_before(scene: Scene, start: int, noun: str) -> Resolution | None:
    """"The American Civil Liberties Union sent a letter to the Justice Department ... “…,” the letter said": the
    one who sent, wrote or issued a document of that kind, in this paragraph or the one before (only "the letter",
    never "a letter": a new one)."""
    if not _definite(scene.text, start):
        return None
    sent = re.compile(rf"\b(?:sent|wrote|issued|released|published|filed|submitted|posted)\s+(?:a|an)\s+"
                      rf"(?:[\w-]+\s+)?{re.escape(noun)}\b", re.IGNORECASE)
    found = list(sent.finditer(scene.text, scene.window_start(start), start))
    if not found:
        return None
    before = [m for m in scene.mentions if m.end <= found[-1].start()
              and not scene.text.count(".", m.end, found[-1].start()) and m.entity in scene.by_id
              and scene.by_id[m.entity].type in ("person", "organisation")]
    if not before:
        return None
    sender = scene.by_id[before[-1].entity]
    if not SENDER_GAP_RE.fullmatch(scene.text, before[-1].end, found[-1].start()) \
            or JOINED_BEFORE_RE.search(scene.text, max(0, before[-1].start - 6), before[-1].start):
        return None  # the sender is the subject right before the verb ("... Union of Kentucky sent a letter"), alone
        # (never Ryan for "Trump and Ryan issued a statement")
    return Resolution(sender.id, sender.name, 0.7, kind="person" if sender.type == "person" else "organisation")


Publisher = tuple[Entity | None, str | None]
INDEFINITE_RE = re.compile(r"\s*(?:[Aa]n?|[Aa]nother|[Oo]ne)\s")
# a document's reader, not its publisher, after "by": "a memo seen by CBC News", "letters obtained by the Gazette"
RECEIVED_BY_RE = re.compile(r"\b(?:seen|obtained|reviewed|received|viewed|read|examined|acquired|heard|shared|leaked|"
                            r"passed|given|supplied|provided)\s+(?:exclusively\s+)?by\s")


def received_by(phrase: str, end: int | None = None) -> bool:
    """Whether ``phrase`` (up to ``end``) says who saw or obtained a document: "letters seen by Northgate News"."""
    return RECEIVED_BY_RE.search(phrase, 0, len(phrase) if end is None else end) is not None


def _publisher_in(scene: Scene, start: int, end: int, owner_first: bool = True) -> Publisher:
    """"a report prepared for council by the consulting firm Delmont Advisory", "BC Ferries' own capital plan":
    the entity that published the document, or the capitalised name the text gives it (the owner only when
    ``owner_first``: the phrase opens with it)."""
    phrase = scene.text[start:end]
    by = _publisher_re().search(phrase)
    if by is not None and received_by(phrase, by.start("by")):
        return None, None  # "a memo seen by CBC News", "letters obtained by the Gazette": who has it, not who wrote it
    if by is not None:
        found = _entity_in(scene, start + by.start("by"), end, ("organisation", "person"))
        if found is not None:
            return found, None
        named = PUBLISHER_NAME_RE.match(by.group("by"))
        if named is not None:
            return None, " ".join(named.group("name").split())
    owner = POSSESSIVE_OWNER_RE.match(phrase) if owner_first else None
    if owner is not None and not DETERMINER_RE.fullmatch(owner.group("owner") + " "):
        found = _entity_in(scene, start, start + owner.end("owner"), ("organisation", "person"))
        name = owner.group("owner").strip()
        if found is not None or PUBLISHER_NAME_RE.fullmatch(name):
            return found, None if found is not None else name
    return None, None


def _publisher_before(scene: Scene, start: int, noun: str) -> Publisher:
    """The publisher an earlier mention of the same kind of document gave it ("a study by X ... the study")."""
    pattern = re.compile(rf"\b{re.escape(noun)}\b[^.;:“”\"\n]{{0,120}}", re.IGNORECASE)  # (within its paragraph)
    for match in pattern.finditer(scene.text, 0, start):
        found = _publisher_in(scene, match.start(), match.end(), owner_first=False)  # it opens with the noun
        if found != (None, None):
            return found
    if noun in STUDY_WORDS:  # "A report prepared for council by Delmont Advisory says ... The study found ...": the
        # same document under another name, in the same paragraph (the last study of any name before it)
        here = scene.blocks[scene.block_index(start)].start if scene.blocks else max(0, start - 600)
        studies = list(STUDY_RE.finditer(scene.text, here, start))
        if studies:
            return _publisher_in(scene, studies[-1].start(), min(start, studies[-1].start() + 120), owner_first=False)
    return None, None


STUDY_WORDS = frozenset({"report", "study", "review", "analysis", "audit", "survey", "assessment", "evaluation"})
STUDY_RE = re.compile(rf"\b(?:{'|'.join(sorted(STUDY_WORDS))})\b[^.;:“”\"\n]{{0,120}}", re.IGNORECASE)


# --- groups -----------------------------------------------------------------------------------


def is_group_phrase(surface: str, group_words: frozenset[str]) -> bool:
    """"residents", "council chiefs", "Labour experts", "evacuees": a plural head noun, no determiner needed."""
    head = GROUP_HEAD_CUT_RE.split(surface.strip(), maxsplit=1)[0].split()
    if not head:
        return False
    last = head[-1].lower().strip(",.")
    if last in group_words:
        return True
    suffixes = tuple(source_words()["group_heads"])
    return len(last) > 4 and last.endswith(suffixes) and not last.endswith(("ss", "us", "is"))


def group_source(scene: Scene, start: int, end: int) -> Resolution:
    """A group speaker: the phrase as its name, the people it names as members."""
    members = []
    for m in scene.mentions:
        if start <= m.start and m.end <= end and m.entity not in members:
            entity = scene.by_id.get(m.entity)
            if entity is not None and entity.type == "person":
                members.append(entity.id)
    phrase = " ".join(scene.text[start:end].split()).strip(" ,.")
    if phrase[:1].isupper() and not any(m.start == start for m in scene.mentions):
        phrase = phrase[0].lower() + phrase[1:] if not phrase[:2].isupper() else phrase
    phrase = DETERMINER_RE.sub("", phrase, count=1) if THE_RE.match(phrase) else phrase
    return Resolution(None, phrase, 0.75, kind="group", members=tuple(members))


# --- bodies and people described --------------------------------------------------------------


def _head(surface: str) -> tuple[str, str] | None:
    """(determiner, head noun) of a description such as "the veteran striker"; None without a determiner."""
    body = HEAD_CUT_RE.split(surface.strip(" ,."), maxsplit=1)[0]
    match = DETERMINER_RE.match(body)
    words = body.split()
    if match is None or len(words) < 2:
        return None
    head = words[-1].lower().strip(",.")
    age = AGE_RE.search(head)
    return match.group(0).strip().lower(), "year-old" if age else head


def described_body(scene: Scene, start: int, end: int) -> Resolution | None:
    """"the utility", "the company": the one organisation named earlier that fits, else unresolved."""
    found = _head(scene.text[start:end])
    if found is None:
        return None
    determiner, head = found
    fits = source_words()["organisation_nouns"].get(head)
    if fits is None:
        return None
    if determiner in ("the", "this", "that"):
        chosen = _fitting_organisations(scene, start, fits)
        if len(chosen) == 1:
            return Resolution(chosen[0].id, chosen[0].name, 0.75, kind="organisation")
    return unresolved(scene.text[start:end])


def _fitting_organisations(scene: Scene, before: int, fits: list[str]) -> list[Entity]:
    public = frozenset(source_words()["public_words"])
    found = []
    for entity, words, first in _organisations(scene):
        if first < before and ("*any" in fits or ("*public" in fits and not words & public) or words & set(fits)):
            found.append(entity)
    return found


def _organisations(scene: Scene) -> list[tuple[Entity, frozenset[str], int]]:
    """The document's organisations with the words of their names and where the body first names them."""
    if scene.organisations is None:
        first: dict[str, int] = {}
        for m in scene.body_mentions:
            first.setdefault(m.entity, m.start)
        scene.organisations = [(e, frozenset(_words(e.name)), first[e.id]) for e in scene.entities
                               if e.type == "organisation" and e.id in first]
    return scene.organisations


def described_person(scene: Scene, start: int, end: int) -> Resolution | None:
    """"the veteran striker": the one fitting person named just before; a role must be one the text records."""
    surface = scene.text[start:end]
    found = _head(surface)
    nouns = source_words()["person_nouns"]
    if found is None or found[1] not in nouns:
        return None
    determiner, head = found
    relative = _relative_named_earlier(scene, start, determiner, head) if surface.split()[1:2] == [head] else None
    if relative is not None:  # ("Her husband", not "her husband's brother")
        return Resolution(relative.id, relative.name, 0.7, kind="person")
    if not surface.lower().startswith(DEFINITE) or _is_role_noun(head) or OF_SOMEONE_NEW_RE.search(surface):
        return unresolved(surface)  # "a colleague" is someone new; "the judge" needs a recorded role
    if _introduced_unnamed(scene, start, head):
        return unresolved(surface)  # "a young woman asked Mrs. Clinton ... “…,” the woman said": the young woman
    people = _people_before(scene, start)
    gender = nouns[head]
    people = [e for e in people if scene.gender(e.id) in (gender, None) or gender is None]
    age = AGE_RE.search(surface)
    if age is not None:
        people = [e for e in people if _age_agrees(scene, e, age.group(1))]
    if len(people) == 1:
        return Resolution(people[0].id, people[0].name, 0.7, kind="person")
    return unresolved(surface)


POSSESSOR_GENDER = {"his": "male", "her": "female"}


def _relative_named_earlier(scene: Scene, start: int, determiner: str, head: str) -> Entity | None:
    """ "Maria Kowalczyk and her husband, Ben, ..." then, paragraphs later, "Her husband says": the one person the
    document records as a husband, when the one he was named with ("Maria Kowalczyk", just before the role) is
    still whom "her" means (the last woman named before the description)."""
    gender = POSSESSOR_GENDER.get(determiner.lower())
    if gender is None or head not in entity_lexicon().kin_nouns:
        return None
    holders = [(e, r) for e in scene.entities if e.type == "person" for r in e.roles if r.role.split()[-1:] == [head]]
    if len(holders) != 1:
        return None
    holder, role = holders[0]
    before_role = [m for m in scene.mentions if m.end <= role.start and m.entity != holder.id
                   and scene.text.count(".", m.end, role.start) == 0]
    before_us = [m for m in scene.mentions if m.end <= start and m.entity != holder.id
                 and scene.gender(m.entity) == gender]
    if not before_role or not before_us or before_role[-1].entity != before_us[-1].entity \
            or scene.gender(before_role[-1].entity) != gender:
        return None
    return holder


def _introduced_unnamed(scene: Scene, start: int, head: str) -> bool:
    """Whether this paragraph or the one before brought in someone new with the same head noun ("a young woman",
    "an elderly man"), whom "the woman", "the man" then means."""
    pattern = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}\b")
    return pattern.search(scene.text, scene.window_start(start), start) is not None


def _is_role_noun(head: str) -> bool:
    lex = entity_lexicon()
    return head in lex.titles or head in lex.resolvable_roles


def _people_before(scene: Scene, start: int) -> list[Entity]:
    """People named (or quoted as speakers) in this paragraph and the one before, before ``start``."""
    lo = scene.window_start(start)
    ids = [m.entity for m in scene.mentions_between(lo, start)]
    ids += [q.speaker for q in scene.speaker_quotes(lo, start) if q.speaker]
    people = [scene.by_id[i] for i in dict.fromkeys(ids) if i in scene.by_id]
    return [e for e in people if e.type == "person"]


def _age_agrees(scene: Scene, entity: Entity, age: str) -> bool:
    """An age the text gives this person must be the description's; no age given is no contradiction."""
    given = set()
    for m in (m for m in scene.mentions if m.entity == entity.id):
        tail = scene.text[m.end : m.end + 40]
        number = AGE_APPOSED_RE.match(tail) or AGE_BRACKETED_RE.match(tail)
        if number is not None:
            given.add(number.group(1))
    return not given or age in given


def unresolved(surface: str) -> Resolution:
    """A description that names nobody for sure: kept as such, never as a name."""
    phrase = " ".join(surface.split()).strip(" ,.")
    if DESCRIPTION_START_RE.match(phrase):
        phrase = phrase[0].lower() + phrase[1:]
    return Resolution(None, None, 0.7, kind="description", description=phrase)
