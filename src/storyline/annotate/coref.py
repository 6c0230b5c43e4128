"""In-document resolution of people: full names, "Mr Okafor", bare "Okafor", and role nouns ("the mayor").

Precision first: a surname resolves only when exactly one person in the document carries it (an
honorific's gender may decide between two); otherwise the mention is left out.  A role noun resolves
only when exactly one person holds that role in this document.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import compress
from operator import attrgetter

from storyline.annotate.entity_lexicon import lexicon
from storyline.annotate.names import Candidate, Tok, bare, is_capitalised
from storyline.annotate.roles import normalise_role, without_portfolio
from storyline.annotate.word_alternation import alternation
from storyline.model import MentionKind, Role

__all__ = ["Person", "PersonMention", "find_full_name_mentions", "find_given_name_mentions", "find_role_mentions",
           "find_surname_mentions", "resolve_people"]


@dataclass
class Person:
    words: tuple[str, ...]
    gender: str | None = None
    forms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    surname: str = ""  # set from ``words``; a fuller form of the same name keeps the surname
    first: int = -1  # where the document first names the person in full (-1: never)

    def __post_init__(self) -> None:
        self.surname = self.surname or surname_of(self.words)

    @property
    def full(self) -> bool:
        return len(self.words) >= 2


@dataclass
class PersonMention:
    start: int
    end: int
    kind: MentionKind
    person: int  # index into the list of people


def surname_of(words: tuple[str, ...]) -> str:
    postnominals = lexicon().postnominals
    kept = [w for w in words if bare(w) not in postnominals] or list(words)
    return bare(kept[-1])


def _honorific_gender(candidate: Candidate) -> str | None:
    """The gender of an honorific among the titles right before the name ("Lord Justice Leveson"); not of a
    word in a body's name before them ("Court of King's Bench Justice Janet McCreary" is no king)."""
    lex = lexicon()
    for tok in reversed(candidate.title):
        word = bare(tok.text)
        if word in lex.honorifics:
            if lex.honorifics[word]:
                return lex.honorifics[word]
        elif word not in lex.titles:
            break
    return None


def _same_person(person: Person, words: tuple[str, ...]) -> bool:
    if not person.full or surname_of(words) != person.surname:
        return False
    mine, theirs = bare(person.words[0]), bare(words[0])
    return mine == theirs or (len(theirs) == 1 and mine[:1] == theirs) or (len(mine) == 1 and theirs[:1] == mine)


def resolve_people(candidates: list[Candidate]) -> tuple[list[Person], dict[int, PersonMention]]:
    """People and, per person candidate (by index in ``candidates``), the mention it becomes."""
    people: list[Person] = []
    chosen: dict[int, PersonMention] = {}
    for index, cand in enumerate(candidates):
        if len(cand.words) >= 2:
            chosen[index] = _attach_full(people, cand)
    for index, cand in enumerate(candidates):
        if len(cand.words) == 1:
            mention = _attach_single(people, cand)
            if mention is not None:
                chosen[index] = mention
    return people, chosen


def _attach_full(people: list[Person], cand: Candidate) -> PersonMention:
    surname = surname_of(cand.words)  # checked first: most people are ruled out by it
    match = next((i for i, p in enumerate(people) if p.surname == surname and _same_person(p, cand.words)), None)
    if match is None:
        people.append(Person(cand.words))
        match = len(people) - 1
    person = people[match]
    person.first = cand.start if person.first < 0 else min(person.first, cand.start)
    if len(cand.name) > len(" ".join(person.words)):
        person.words = cand.words
    person.gender = person.gender or _honorific_gender(cand) or _given_name_gender(cand.words[0])
    _add_form(person, cand.name)
    return PersonMention(cand.start, cand.end, "name", match)


def _given_name_gender(word: str) -> str | None:
    gender = lexicon().first_name_gender(word)
    return gender if gender in ("female", "male") else None


def _compatible(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender


def _attach_single(people: list[Person], cand: Candidate) -> PersonMention | None:
    surname, gender = bare(cand.words[0]), _honorific_gender(cand)
    same = [i for i, p in enumerate(people) if p.surname == surname and p.full]
    if len(same) > 1:
        same = [i for i in same if _compatible(people[i], gender) and (gender is None or people[i].gender == gender)]
    if len(same) > 1:  # "Maria Kowalczyk and her husband, Ben ... says Kowalczyk" (Ben's full name comes later):
        named = [i for i in same if 0 <= people[i].first < cand.start]  # the one named in full so far
        same = named if len(named) == 1 else same
    elif same and not _compatible(people[same[0]], gender):
        same = []
    if not same:
        same = [i for i, p in enumerate(people) if not p.full and p.surname == surname and _compatible(p, gender)]
    if len(same) > 1:
        return None
    if not same:
        if cand.evidence == "model" or any(p.surname == surname for p in people):
            return None
        same = _named_in_full_by_given_name(people, cand)
    if not same:
        people.append(Person(cand.words, gender))
        same = [len(people) - 1]
    person = people[same[0]]
    person.gender = person.gender or gender
    start = _title_word_start(cand)
    kind: MentionKind = "title" if start < cand.start else "surname"
    _add_form(person, cand.name if kind == "surname" else f"{cand.title[-1].text} {cand.name}")
    return PersonMention(start, cand.end, kind, same[0])


def _named_in_full_by_given_name(people: list[Person], cand: Candidate) -> list[int]:
    """ "Maria Kowalczyk and her husband, Ben, ...", later "Ben Kowalczyk says": a relative or a role holder named by
    a given name alone in apposition is the one person the document names in full with that given name (a given name
    the lexicon knows, no title before it, nobody's surname)."""
    word = bare(cand.words[0])
    if cand.evidence != "apposition" or cand.title or lexicon().first_name_gender(word) is None:
        return []
    bearers = [i for i, p in enumerate(people) if p.full and bare(p.words[0]) == word]
    return bearers if len(bearers) == 1 else []


def _title_word_start(cand: Candidate) -> int:
    """Start of "Mr" in "Mr Okafor" (the title word right before a surname), else the name's start."""
    if not cand.title:
        return cand.start
    last = cand.title[-1]
    lex = lexicon()
    known = bare(last.text) in lex.honorifics or bare(last.text) in lex.titles
    return last.start if known and cand.start - last.end <= 1 else cand.start


def _add_form(person: Person, form: str) -> None:
    if form not in person.forms:
        person.forms.append(form)


def find_surname_mentions(people: list[Person], sentences: Iterable[list[Tok]],
                          taken: list[tuple[int, int]], introduced: dict[int, int] | None = None
                          ) -> list[PersonMention]:
    """Bare surnames ("Okafor said", "Okafor's") of people whose surname is unique in the document, or, given
    where each person is first named (``introduced``), unique among those named before it ("Luc Boudreau ...
    Boudreau recalls ... Mireille Boudreau": Luc's until Mireille is named; after that nobody's)."""
    bearers: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        bearers.setdefault(p.surname, []).append(i)
    named = {surname: found for surname, found in bearers.items() if len(found) == 1 or introduced is not None}
    lex = lexicon()
    found: list[PersonMention] = []
    for tokens, i in _bare_words(sentences, named.keys(), taken):
        tok = tokens[i]
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if is_capitalised(before) and bare(before) not in lex.never_names or is_capitalised(after):
            continue
        owners = named[tok.text.lower()]
        if len(owners) > 1 and introduced is not None:
            owners = [o for o in owners if introduced.get(o, tok.start) < tok.start]
        if len(owners) == 1:
            found.append(PersonMention(tok.start, tok.end, "surname", owners[0]))
    return found


def _bare_words(sentences: Iterable[list[Tok]], words: Collection[str],
                taken: list[tuple[int, int]]) -> Iterator[tuple[list[Tok], int]]:
    """Each capitalised token whose lower-case text is one of ``words``, outside every ``taken`` span: its
    sentence's tokens and its index there."""
    for tokens in sentences:
        for i in _indices_of_words(tokens, words):
            tok = tokens[i]
            if is_capitalised(tok.text) and not _inside(tok.start, tok.end, taken):
                yield tokens, i


# given names that are also months or days ("in May", "on June 3"): never a person alone
GIVEN_NAME_EXCEPTIONS = frozenset({"april", "may", "june", "july", "august", "january", "february", "march",
                                   "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                                   "thursday", "friday", "saturday", "sunday"})


def find_given_name_mentions(people: list[Person], sentences: Iterable[list[Tok]],
                             taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Bare given names ("Agnes said", the way features name ordinary people) of people named in full, when no one
    else in the document bears that name (as given name or surname, or alone) and the text never writes it in lower
    case ("will", "grace"); never a month, a day or a place ("Paris", "Jordan")."""
    lex = lexicon()
    bearers: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        if p.full:
            bearers.setdefault(p.words[0].lower(), []).append(i)
    others = {p.surname.lower() for p in people} | {p.words[0].lower() for p in people if not p.full}
    unique = {name: ids[0] for name, ids in bearers.items()
              if len(ids) == 1 and name not in others and name not in GIVEN_NAME_EXCEPTIONS and name not in lex.places
              and lex.first_name_gender(name.capitalize()) is not None}
    if not unique:
        return []
    sentences = list(sentences)
    lower = {t.text for tokens in sentences for t in tokens if t.text in unique}  # "will", "grace" in lower case
    unique = {name: i for name, i in unique.items() if name not in lower}
    found: list[PersonMention] = []
    for tokens, i in _bare_words(sentences, unique.keys(), taken):
        tok = tokens[i]
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        opens = all(not t.text[:1].isalnum() for t in tokens[:i])
        if is_capitalised(after) or not (opens or after.lower() in lex.speech_verbs):
            continue  # only a subject ("Agnes said ...", "Agnes started at the mill"), never "‘Little Marco’"
        found.append(PersonMention(tok.start, tok.end, "surname", unique[tok.text.lower()]))
    return found


def _indices_of_words(tokens: list[Tok], lowered: Collection[str]) -> Iterator[int]:
    """Indices of the tokens whose lower-case text is in ``lowered`` (looped in C: every token is tried)."""
    return compress(range(len(tokens)), map(lowered.__contains__, map(str.lower, map(_TEXT, tokens))))


_TEXT = attrgetter("text")


def find_full_name_mentions(text: str, people: list[Person], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Repeats of a full name the rules did not read on their own (e.g. inside a title-case headline)."""
    found: list[PersonMention] = []
    for index, person in enumerate(people):
        if not person.full:
            continue
        name = " ".join(person.words)
        for start in _whole_word_offsets(text, name):
            if not _inside(start, start + len(name), taken):
                found.append(PersonMention(start, start + len(name), "name", index))
    return found


def _whole_word_offsets(text: str, phrase: str) -> Iterator[int]:
    r"""Starts of ``phrase`` where no word character, apostrophe or hyphen touches either end
    (as ``(?<![\w'’-])phrase(?![\w'’-])`` would find them, but with a fast literal search)."""
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if not (start and _joins_word(text[start - 1])) and not (end < len(text) and _joins_word(text[end])):
            yield start
            start = text.find(phrase, end)
        else:
            start = text.find(phrase, start + 1)


def _joins_word(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def _inside(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


@cache
def _role_noun_pattern() -> re.Pattern[str]:
    nouns = alternation(lexicon().resolvable_roles, space=r"\ ", ignore_case=True)
    # \b(?i:the\s+...), opening with a letter (the search skips to it) and checking the word start after it
    return re.compile(rf"[Tt](?<!\w[Tt])(?i:he\s+(?P<role>(?:[\w'’-]+\s+){{0,2}}?(?:{nouns}))\b(?!-))")


def find_role_mentions(text: str, people: list[Person], taken: list[tuple[int, int]]) -> list[PersonMention]:
    """ "the mayor", "the chief executive": the one person holding that role in this document."""
    holders: dict[str, set[int]] = {}
    for index, person in enumerate(people):
        for role in person.roles:
            for name in {normalise_role(role.role), normalise_role(without_portfolio(role.role))}:
                holders.setdefault(name, set()).add(index)  # "the director" of "director of recreation" too
    if not holders:
        return []
    found: list[PersonMention] = []
    for match in _role_noun_pattern().finditer(text):
        if _inside(match.start(), match.end(), taken):
            continue
        owners = holders.get(normalise_role(match.group("role")), set())
        if len(owners) == 1:
            found.append(PersonMention(match.start(), match.end(), "role", next(iter(owners))))
    return found
