"""People, organisations and places of one document, with roles and in-document resolution.

    >>> text = "Councillor Priya Shah criticised the plan. Ms Shah said the mayor had not read it."
    >>> mentions, entities = find_entities(text, [], [])
    >>> [(m.text, m.entity, m.kind) for m in mentions]
    [('Priya Shah', 'e1', 'name'), ('Ms Shah', 'e1', 'title')]
    >>> entities[0].name, entities[0].roles[0].role, entities[0].gender
    ('Priya Shah', 'councillor', 'female')

Rule-based and offline by default (word lists in ``data/entities_*.json``); pass a loaded spaCy
pipeline as ``nlp`` to add the names its NER finds.  Pronouns are left to the quotes stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from storyline.annotate.coref import (
    Person,
    find_full_name_mentions,
    find_role_mentions,
    find_given_name_mentions,
    find_surname_mentions,
    resolve_people,
)
from storyline.annotate.entity_lexicon import lexicon
from storyline.annotate.names import Candidate, Tok, bare, find_candidates, tokenize_spans
from storyline.annotate.roles import read_roles
from storyline.annotate.structure import segment
from storyline.model import Block, Entity, EntityType, Mention, MentionKind, Role, Sentence

__all__ = ["find_entities", "person_gender"]

_GENERIC_OWNERS = frozenset({"council", "company", "trust", "department", "party", "authority", "board",
                             "committee", "government", "firm", "agency", "group", "university", "school"})
_INNER_CAPITAL = re.compile(r"\s[\"“‘'(\[]*[A-Z]")
_HEAD_CHARS = 60
_NOT_CONNECTING = frozenset({"of", "for", "and", "the", "&", "on", "at", "in"})
_OPEN_BRACKET = re.compile(r"\s*\(\s*")


@dataclass
class _Draft:
    """An entity being assembled: its type, the forms seen, its roles."""

    type: EntityType
    forms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None
    name: str = ""


@dataclass
class _Found:
    start: int
    end: int
    kind: MentionKind
    key: str  # draft key


def find_entities(text: str, blocks: list[Block], sentences: list[Sentence],
                  nlp: Any | None = None) -> tuple[list[Mention], list[Entity]]:
    """Mentions of people, organisations and places, each linked to a document-local entity (e1, e2, ...)."""
    if not sentences:
        blocks, sentences = segment(text)
    token_lists: dict[int, list[Tok]] = {}
    candidates: list[Candidate] = []
    spans = [(sentence.start, _scan_end(text, sentence)) for sentence in sentences]
    for sentence, tokens in zip(sentences, tokenize_spans(text, spans)):
        kind = blocks[sentence.block].kind if 0 <= sentence.block < len(blocks) else "paragraph"
        token_lists[sentence.start] = tokens
        candidates.extend(find_candidates(text, tokens, sentence.start, sentence.end, kind))
    if nlp is not None:
        from storyline.annotate.spacy_model import merge_model_candidates

        candidates = merge_model_candidates(text, candidates, sentences, nlp)
    candidates = _surnames_before_places_and_bodies(text, _drop_contested_places(_outside_quoted_titles(text, candidates)))
    drafts, found = _people(text, candidates, token_lists)
    _organisations_and_places(text, candidates, drafts, found)
    _name_owners(drafts)
    return _assemble(text, drafts, found)


def _scan_end(text: str, sentence: Sentence) -> int:
    """Where to stop tokenising: a sentence with no capital after its first word can only name
    something in its first words ("Okafor declined to comment."), so its tail is skipped."""
    if _INNER_CAPITAL.search(text, sentence.start, sentence.end):
        return sentence.end
    return min(sentence.end, sentence.start + _HEAD_CHARS)


_QUOTED_RE = re.compile(r"[“\"‘](?P<inner>[A-Z][^“”\"‘’\n.!?,;:]{2,100})[”\"’]")
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _outside_quoted_titles(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drop names read inside a quoted title-case fragment ("A Fresh Start For Northfield Homes"): a title,
    not a person or a body, unless the text names them outside it too."""
    titles = []
    for match in _QUOTED_RE.finditer(text):
        words = [w for w in _TITLE_WORD.findall(match.group("inner")) if len(w) > 3]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            titles.append(match.span("inner"))
    if not titles:
        return candidates
    inside = [c for c in candidates if any(a <= c.start and c.end <= b for a, b in titles)]
    outside_names = {c.name.lower() for c in candidates if c not in inside}
    return [c for c in candidates if c not in inside or c.name.lower() in outside_names]


def _drop_contested_places(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a place read only from "in X" when X is also someone's name here, and a person named only
    in a title-case heading ("Grace Period Ends") unless the body names them too."""
    name_words = {bare(w) for c in candidates if c.type == "person" for w in c.words}
    body_words = {bare(w) for c in candidates if c.type == "person" and not c.title_case for w in c.words}
    return [c for c in candidates
            if not (c.evidence == "context" and bare(c.name.split()[-1]) in name_words)
            and not (c.type == "person" and c.title_case and bare(c.words[-1]) not in body_words)]


# what a person does right after their surname: "Austin said Tuesday", "Austin, who represents Dartmouth Centre,"
_SPEAKS_AFTER = re.compile(r"(?:\s+(?:said|says|told|added|asked|wrote|argued|explained|noted|insisted|replied)\b"
                           r"|\s*,\s+who\s)")


_SPEAKS_OF_ITSELF = re.compile(r"\s+\w+\s+(?:that\s+)?(?:it|its)\b")  # "Bloomberg said its reporting found": the company


def _surnames_before_places_and_bodies(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drop a one-word place or organisation that is the surname of someone named here and speaks or is described
    as a person ("Coun. Sam Austin ... 'People have built their lives around that ferry,' Austin said": not the
    city; "Crown attorney Melissa Ford ... '…,' Ford said": not the carmaker), so the surname is read as theirs."""
    surnames = {bare(c.words[-1]) for c in candidates if c.type == "person" and len(c.words) >= 2}
    if not surnames:
        return candidates
    return [c for c in candidates
            if not (c.type in ("place", "organisation") and " " not in c.name and bare(c.name) in surnames
                    and _SPEAKS_AFTER.match(text, c.end)
                    and not (c.type == "organisation" and _SPEAKS_OF_ITSELF.match(text, c.end)))]


def _people(text: str, candidates: list[Candidate],
            token_lists: dict[int, list[Tok]]) -> tuple[dict[str, _Draft], list[_Found]]:
    persons = [c for c in candidates if c.type == "person"]
    people, chosen = resolve_people(persons)
    others = [c for c in candidates if c.type != "person"]
    by_sentence: dict[tuple[int, int], list[Candidate]] = {}
    for other in others:
        by_sentence.setdefault(other.sentence, []).append(other)
    for index, mention in chosen.items():
        cand = persons[index]
        pieces = by_sentence.get(cand.sentence, [])
        for role in read_roles(text, token_lists.get(cand.sentence[0], []), cand, pieces):
            person = people[mention.person]
            if all(_role_key(r) != _role_key(role) for r in person.roles):
                person.roles.append(role)
    mentions = list(chosen.values())
    taken = [(m.start, m.end) for m in mentions] + [(c.start, c.end) for c in others]
    mentions += find_full_name_mentions(text, people, taken)
    taken += [(m.start, m.end) for m in mentions[len(chosen):]]
    introduced: dict[int, int] = {}
    for mention in chosen.values():  # where each surname is first given ("her husband, Ben," gives none)
        if bare(text[mention.start : mention.end].split()[-1]) == people[mention.person].surname:
            introduced[mention.person] = min(mention.start, introduced.get(mention.person, mention.start))
    mentions += find_surname_mentions(people, token_lists.values(), taken, introduced)
    taken += [(m.start, m.end) for m in mentions]
    mentions += find_given_name_mentions(people, token_lists.values(), taken)
    taken += [(m.start, m.end) for m in mentions]
    mentions += find_role_mentions(text, people, taken)
    drafts = {f"p{i}": _person_draft(p) for i, p in enumerate(people)}
    return drafts, [_Found(m.start, m.end, m.kind, f"p{m.person}") for m in mentions]


def _role_key(role: Role) -> tuple[str, str, str]:
    return role.role.lower(), (role.organisation or "").lower(), (role.place or "").lower()


def _person_draft(person: Person) -> _Draft:
    name = " ".join(person.words)
    return _Draft("person", [name] + [f for f in person.forms if f != name], person.roles, person.gender, name)


def _organisations_and_places(text: str, candidates: list[Candidate], drafts: dict[str, _Draft],
                              found: list[_Found]) -> None:
    aliases: dict[str, str] = {}
    previous: tuple[Candidate, str] | None = None
    for cand in candidates:
        if cand.type == "person":
            continue
        key = _entity_key(cand, aliases)
        if cand.type == "organisation" and key not in drafts:
            key = _corporate_twin(cand.name, drafts) or key
        if previous is not None and _defines_acronym(text, previous[0], cand):
            key = previous[1]
            aliases[f"{cand.type}:{cand.name.lower()}"] = key
        draft = drafts.setdefault(key, _Draft(cand.type))
        surface = text[cand.start : cand.end]
        for form in (cand.name, surface):
            if form not in draft.forms:
                draft.forms.append(form)
        found.append(_Found(cand.start, cand.end, "name", key))
        previous = (cand, key)


def _entity_key(cand: Candidate, aliases: dict[str, str]) -> str:
    name = cand.name.lower()
    name = name.removeprefix("the ")
    key = f"{cand.type}:{name}"
    return aliases.get(key, key)


def _corporate_twin(name: str, drafts: dict[str, _Draft]) -> str | None:
    """The key of the one organisation named so far that is ``name`` with or without a company form after it
    ("Lakeshore Transit Solutions" then "Lakeshore Transit", or the other way round); None for none or two."""
    forms = lexicon().corporate_forms
    words = _bare_name(name).split()
    twins = []
    for key, draft in drafts.items():
        if draft.type != "organisation" or not draft.forms:
            continue
        other = _bare_name(draft.forms[0]).split()
        short, long = (words, other) if len(words) < len(other) else (other, words)
        if len(short) >= 2 and long[: len(short)] == short and all(w in forms for w in long[len(short) :]) \
                and len(long) > len(short):
            twins.append(key)
    return twins[0] if len(twins) == 1 else None


def _bare_name(name: str) -> str:
    return name.lower().removeprefix("the ").replace(".", "").replace(",", "")


def _defines_acronym(text: str, full: Candidate, acronym: Candidate) -> bool:
    """ "Care Quality Commission (CQC)": the acronym names the organisation just before it."""
    if full.type != "organisation" or not acronym.name.isupper() or " " in acronym.name:
        return False
    if not _OPEN_BRACKET.fullmatch(text[full.end : acronym.start]):
        return False
    initials = "".join(w[0] for w in full.name.split() if w.lower() not in _NOT_CONNECTING)
    return initials.upper() == acronym.name.replace("&", "")


def _name_owners(drafts: dict[str, _Draft]) -> None:
    """ "the council's chief executive": name the council when the document names exactly one."""
    organisations = [d.forms[0] for d in drafts.values() if d.type == "organisation" and d.forms]
    for draft in drafts.values():
        for role in draft.roles:
            owner = (role.organisation or "").lower()
            if owner in _GENERIC_OWNERS:
                named = [o for o in organisations if o.lower().endswith(" " + owner)]
                if len(named) == 1:
                    role.organisation = named[0]


def _assemble(text: str, drafts: dict[str, _Draft], found: list[_Found]) -> tuple[list[Mention], list[Entity]]:
    kept: list[_Found] = []
    reach = -1
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if item.start < reach:
            continue
        kept.append(item)
        reach = item.end
    ids: dict[str, str] = {}
    mentions: list[Mention] = []
    for item in kept:
        entity_id = ids.setdefault(item.key, f"e{len(ids) + 1}")
        draft = drafts[item.key]
        mentions.append(Mention(item.start, item.end, text[item.start : item.end], draft.type, entity_id, item.kind))
    entities = [_entity(entity_id, drafts[key]) for key, entity_id in ids.items()]
    return mentions, entities


def _entity(entity_id: str, draft: _Draft) -> Entity:
    name = draft.name or max(draft.forms, key=len)
    aliases = [f for f in draft.forms if f != name]
    return Entity(entity_id, draft.type, name, aliases, list(draft.roles), draft.gender)


def person_gender(entity: Entity) -> str | None:
    """ "female", "male" or None, from honorifics (Mr/Ms/Sir/Dame...) or the given name."""
    if entity.type != "person":
        return None
    if entity.gender:
        return entity.gender
    lex = lexicon()
    for form in [entity.name, *entity.aliases]:
        words = form.split()
        if not words:
            continue
        gender = lex.honorifics.get(bare(words[0]))
        if gender:
            return gender
        given = lex.first_name_gender(words[0]) if len(words) >= 2 else None
        if given in ("female", "male"):
            return given
    return None
