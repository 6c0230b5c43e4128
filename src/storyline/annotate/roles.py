"""Roles and affiliations of people, read from the words around their names, each with its span.

    Councillor Priya Shah            -> councillor
    Children's Minister Tom Baird    -> Children's Minister
    Conservative councillor X        -> councillor (Conservative)
    X, Labour MP for Eastmere,       -> MP (Labour, place Eastmere)
    X, the council's interim chief executive, -> interim chief executive (council)
    the deputy mayor, X,             -> deputy mayor
"""

from __future__ import annotations

import re
from functools import cache
from itertools import repeat
from typing import NamedTuple

from storyline.annotate.entity_lexicon import Lexicon, lexicon
from storyline.annotate.names import Candidate, Tok, bare, is_capitalised
from storyline.annotate.structure import gapped_matches
from storyline.model import Role

__all__ = ["normalise_role", "read_role_phrase", "read_roles"]

_WORD = re.compile(r"[\w'’&.-]+")
_GAPPED_WORD = re.compile(r"([^\w'’&.-]*)(" + _WORD.pattern + ")")  # (characters between words, a word)
_APPOSITION_AFTER = re.compile(
    r"\s*,\s*(?:(?:aged\s+)?\d{1,3}\s*,\s*)?(?P<phrase>[^,;:()“”\"\n]{2,140}?)\s*"
    r"(?=,|;|\.(?:\s|$)|\)|$|\s(?:said|says|told|added|who)\b)"
)
_APPOSITION_BEFORE = re.compile(
    r"(?:^|[,;:(“\"‘]\s*|\b(?:said|says|told|added|and)\s+)(?P<phrase>[^,;:()“”\"]{2,140}?),\s*$"
)
# a body's name as a letter's address or signature writes it: "Haringey Council", "Department for Children and Learning"
_BODY_WORD = r"[A-Z][\w'’&.-]*"
_NEXT_BODY_WORD = rf"\s+(?:of|for|and|&|the)?\s*{_BODY_WORD}"
SIGNED_BODY_RE = re.compile(rf",\s*{_BODY_WORD}(?:{_NEXT_BODY_WORD}){{0,6}}")  # "Leader, Haringey Council"
BODY_LINE_RE = re.compile(rf"{_BODY_WORD}(?:{_NEXT_BODY_WORD})*")
_BRACKET_AFTER = re.compile(r"\s*\([^()\n]{1,60}\)")
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "another", "one"})
_PREPOSITIONS = frozenset({"of", "for", "at", "with", "on", "in", "from"})
_PORTFOLIO_WORDS = 4
_PORTFOLIO_STOPS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "on", "at", "in", "who",
                              "which", "since", "until", "from", "with"})
_SEAT_ROLES = frozenset({"mp", "msp", "mep", "am", "councillor", "councilor", "representative", "senator",
                         "congressman", "congresswoman", "member", "assemblyman", "assemblywoman", "delegate"})
_TOPICAL_POSSESSIVES = frozenset({"children's", "women's", "men's", "people's", "veterans'", "adults'"})
_KEPT_QUALIFIERS = frozenset({"deputy", "vice", "shadow", "former", "assistant", "associate", "junior", "co", "joint",
                              "chief", "executive", "general", "managing", "operating", "financial", "technical",
                              "medical", "then", "outgoing", "incoming", "home", "foreign", "prime", "permanent"})


class _Word(NamedTuple):
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return bare(self.text)


def read_roles(text: str, tokens: list[Tok], person: Candidate, pieces: list[Candidate]) -> list[Role]:
    """Every role the text gives ``person`` around this mention (title, role noun, appositions)."""
    found = [
        _title_role(text, person, pieces),
        _postnominal_role(person),
        _role_noun_before(text, tokens, person, pieces),
        _apposition_after(text, person, pieces),
        _apposition_before(text, person, pieces),
        _line_below(text, person),
    ]
    roles: list[Role] = []
    for role in found:
        if role is not None and all((r.start, r.end) != (role.start, role.end) for r in roles):
            roles.append(role)
    return roles


def _single_title(word: str, lex: Lexicon) -> str | None:
    return lex.titles.get(bare(word))


def _title_role(text: str, person: Candidate, pieces: list[Candidate]) -> Role | None:
    if not person.title:
        return None
    lex = lexicon()
    first, last = person.title[0].start, person.title[-1].end
    inside = [p for p in pieces if p.start >= first and p.end <= last and p.type != "person"]
    cut = max((p.end for p in inside), default=first)
    words = [t for t in person.title if t.start >= cut]
    while words and _droppable_title_word(words, lex):
        words = words[1:]
    if all(bare(w.text) in lex.honorifics or bare(w.text) in _DETERMINERS for w in words):
        return None  # "The Rt Hon": a form of address, not a role
    if len(words) == 1:
        role = _single_title(words[0].text, lex)
        if role is None:
            return None
    else:
        role = text[words[0].start : words[-1].end]
    organisation = next((p.name for p in inside if p.type == "organisation"), None)
    place = next((p.name for p in inside if p.type == "place"), None)
    if organisation is None:
        organisation = _party_before(text, first, pieces)
    return Role(role, words[0].start, words[-1].end, organisation, place)


def _party_before(text: str, start: int, pieces: list[Candidate]) -> str | None:
    """ "Republican state Rep. Tom Gaines": a party just before the title, past lower-case qualifiers."""
    lex = lexicon()
    for piece in pieces:
        between = text[piece.end : start].split()
        if piece.type == "organisation" and piece.name in lex.parties.values() and 0 < len(between) <= 2 \
                and text[piece.end : start].endswith(" ") and all(w in lex.role_qualifiers for w in between):
            return piece.name
    return None


def _droppable_title_word(words: list[Tok], lex: Lexicon) -> bool:
    """Honorifics and ordinary words at the start of a title phrase ("Mr" in "Mr Justice", "However")."""
    word = bare(words[0].text)
    if word in lex.honorifics:
        return True
    possessive = len(words) > 1 and words[1].text in ("'s", "’s")
    kept = word in lex.titles or word in lex.role_qualifiers or possessive
    return word in lex.never_names and not kept


def _postnominal_role(person: Candidate) -> Role | None:
    tok = person.postnominal
    if tok is None:
        return None
    role = lexicon().postnominals.get(bare(tok.text))
    return Role(role, tok.start, tok.end) if role else None


def _role_noun_before(text: str, tokens: list[Tok], person: Candidate, pieces: list[Candidate]) -> Role | None:
    """ "Conservative councillor Derek Hollins", "council leader Alan Hargreaves", "analyst Chris Weafer"."""
    lex = lexicon()
    anchor = person.title[0].start if person.title else person.start
    index = next((i for i, t in enumerate(tokens) if t.start == anchor), None)
    if index is None or index == 0:
        return None
    head = tokens[index - 1]
    if not head.text.islower() or (bare(head.text) not in lex.role_nouns and bare(head.text) not in lex.titles):
        return None
    j = index - 1
    while j > 0 and index - j < 4 and tokens[j - 1].text.islower() and bare(tokens[j - 1].text) in lex.role_qualifiers:
        j -= 1
    while j < index - 1 and bare(tokens[j].text) in _DETERMINERS:
        j += 1
    piece = next((p for p in pieces if j > 0 and p.end == tokens[j - 1].end and p.type != "person"), None)
    organisation = piece.name if piece is not None and piece.type == "organisation" else None
    place = piece.name if piece is not None and piece.type == "place" else None
    return Role(text[tokens[j].start : head.end], tokens[j].start, head.end, organisation, place)


def _apposition_after(text: str, person: Candidate, pieces: list[Candidate]) -> Role | None:
    end = person.postnominal.end if person.postnominal else person.end
    bracket = _BRACKET_AFTER.match(text, end, person.sentence[1])
    if bracket is not None:  # "Cllr Frankie Singleton (Lib Dem, Bredbury Green), cabinet member for communities,"
        end = bracket.end()
    if not text[end : end + 2].lstrip().startswith(","):
        return None
    match = _APPOSITION_AFTER.match(text, end, person.sentence[1])
    if not match:
        return None
    return read_role_phrase(text, match.start("phrase"), match.end("phrase"), pieces, leading=True)


def _apposition_before(text: str, person: Candidate, pieces: list[Candidate]) -> Role | None:
    anchor = person.title[0].start if person.title else person.start
    if not text[max(0, anchor - 3) : anchor].rstrip().endswith(","):
        return None
    offset = max(person.sentence[0], anchor - 160)
    match = _APPOSITION_BEFORE.search(text[offset:anchor])
    if not match:
        return None
    closed = text[person.end : person.end + 2].lstrip().startswith(",")
    return read_role_phrase(text, offset + match.start("phrase"), offset + match.end("phrase"), pieces,
                            leading=False, closed=closed)


def _line_below(text: str, person: Candidate) -> Role | None:
    """A name alone on its line and a role on the next, as a letter is signed or addressed:
    "Ed Harper / Secretary of State for Children, Schools and Families", "Mary Hollins / Leader, Haringey Council"."""
    anchor = person.title[0].start if person.title else person.start
    end = person.postnominal.end if person.postnominal else person.end
    line_end = text.find("\n", end)
    if line_end < 0 or text[text.rfind("\n", 0, anchor) + 1 : anchor].strip() or text[end:line_end].strip(" ,"):
        return None
    below_end = text.find("\n", line_end + 1)
    below_end = len(text) if below_end < 0 else below_end
    line = text[line_end + 1 : below_end]
    if not line.strip() or len(line.split()) > 10 or line.rstrip().endswith((".", ":", "?", "!")):
        return None
    start = line_end + 1 + len(line) - len(line.lstrip())
    stop = line_end + 1 + len(line.rstrip())
    role = read_role_phrase(text, start, stop, [], leading=True)
    if role is None or role.start != start:
        return None
    rest = text[role.end : stop]
    if role.organisation is None and SIGNED_BODY_RE.fullmatch(rest):
        role.organisation, role.end = rest.lstrip(" ,"), stop  # "Leader, Haringey Council"
    body = _body_line(text, below_end)
    if body is not None:  # "Interim Chief Executive / Castlewick Borough Council"
        role.organisation, role.end = text[body[0] : body[1]], body[1]
    return role


def _body_line(text: str, line_start: int) -> tuple[int, int] | None:
    """The span of a line naming a body ("Castlewick Borough Council", "Department for Children and Learning")."""
    if not text.startswith("\n", line_start):
        return None
    end = text.find("\n", line_start + 1)
    end = len(text) if end < 0 else end
    line = text[line_start + 1 : end].strip()
    if not BODY_LINE_RE.fullmatch(line) or len(line.split()) > 7:
        return None
    words = [bare(w) for w in line.split()]
    lex = lexicon()
    if words[-1] not in lex.org_suffixes and " ".join(words[:2]) not in lex.org_prefix_heads:
        return None
    start = text.index(line, line_start)
    return start, start + len(line)


def _words(text: str, start: int, end: int) -> list[_Word]:
    return list(map(tuple.__new__, repeat(_Word), gapped_matches(_GAPPED_WORD, text, start, end)))


@cache
def _phrase_starts() -> frozenset[str]:
    """First words of the role nouns and titles that have more than one word ("chief" of "chief executive")."""
    lex = lexicon()
    return frozenset(p.split(" ", 1)[0] for p in (*lex.role_nouns, *lex.titles) if " " in p)


def _find_head(words: list[_Word], lex: Lexicon) -> tuple[int, int] | None:
    """Index range of the role noun: the last one before a preposition ("leader of the group")."""
    head: tuple[int, int] | None = None
    lowers = [w.lower for w in words]
    starts = _phrase_starts()
    i = 0
    while i < len(words):
        if lowers[i] in _PREPOSITIONS and head is not None:
            break
        for width in (3, 2, 1) if lowers[i] in starts else (1,):
            phrase = " ".join(lowers[i : i + width])
            if i + width <= len(words) and (phrase in lex.role_nouns or phrase in lex.titles) \
                    and not (phrase == "critic" and lowers[i + 1 : i + 2] == ["of"]):  # "a critic of the contract"
                head = (i, i + width)
                i += width - 1
                break
        i += 1
    return head


def read_role_phrase(text: str, start: int, end: int, pieces: list[Candidate], leading: bool,
                     closed: bool = False) -> Role | None:
    """A role from an appositive phrase such as "the council's interim chief executive" or "leader of X".

    ``leading`` phrases follow the name and must start with their role; others precede the name and
    must end with it (or with "of/for ..." after it), near the start of the clause unless the name is
    ``closed`` by a comma ("an audit by the city auditor, Jerome Tate, found").
    """
    lex = lexicon()
    words = _words(text, start, end)
    head = _find_head(words, lex)
    if head is None:
        return None
    first = _role_start(words, head[0], lex)
    if first is None or (leading and not _only_owner_before(words, first)):
        return None
    if not leading and ((first > 3 and not closed) or not _ends_role(words, head[1])):
        return None
    party, owner = _affiliation(words, first, head[0], lex, pieces)
    begin = first
    while begin < head[0] and (words[begin].lower in lex.parties or words[begin].lower in _DETERMINERS):
        begin += 1
    last = _portfolio_end(words, head[1]) or head[1]
    tail_org, tail_place = _tail(text, words, head, lex) if last == head[1] else (None, None)
    organisation = tail_org or owner or party
    role_text = " ".join(text[words[begin].start : words[last - 1].end].split())  # one line, as a reader says it
    if role_text.lower() in lex.titles and " " not in role_text:
        role_text = lex.titles[role_text.lower()] if role_text.isupper() else role_text
    return Role(role_text, words[begin].start, words[last - 1].end, organisation, tail_place)


def _portfolio_end(words: list[_Word], after: int) -> int | None:
    """The end of a lower-case portfolio after the role noun ("director of recreation", "mayor for transport",
    "minister of social services"), which belongs to the role and names no body; None when there is none."""
    if after >= len(words) or words[after].lower not in ("of", "for"):
        return None
    end = after + 1
    while end < len(words) and end - after <= _PORTFOLIO_WORDS and _portfolio_word(words[end]):
        end += 1
    if end == after + 1 or words[end - 1].lower == "and":
        return None
    return end


_RELATIVES = frozenset({"who", "whose", "whom", "which", "that"})


def _role_start(words: list[_Word], head: int, lex: Lexicon) -> int | None:
    """First word of the role (after determiners, possessives, parties); None if the phrase is not a role."""
    i = head
    unknown = 0
    while i > 0:
        word = words[i - 1]
        lower = word.lower.replace("’", "'")
        qualifier = lower in lex.role_qualifiers and (not lower.endswith("'s") or lower in _TOPICAL_POSSESSIVES)
        if word.lower in _DETERMINERS or (word.text.endswith(("'s", "’s")) and not qualifier):
            break
        if word.lower in _RELATIVES:
            return None  # ", whose daughter is in Grade 5,": a clause about someone else, not a role
        if word.lower in lex.parties or qualifier:
            i -= 1
            continue
        if word.text.islower() and unknown < 2:
            unknown += 1
            i -= 1
            continue
        if is_capitalised(word.text):
            i -= 1
            continue
        return None
    if i > 0 and words[i - 1].lower not in _DETERMINERS and not words[i - 1].text.endswith(("'s", "’s")):
        return None
    return i


def _only_owner_before(words: list[_Word], first: int) -> bool:
    """After a name the role comes first: only "the", "a", "its" or an owner ("Acme Transit's") before it."""
    before = words[:first]
    if len(before) > 4:
        return False
    return all(w.lower in _DETERMINERS or is_capitalised(w.text) or w.text.endswith(("'s", "’s")) for w in before)


def _ends_role(words: list[_Word], after: int) -> bool:
    return after == len(words) or words[after].lower in ("of", "for", "at")


def _affiliation(words: list[_Word], first: int, head: int, lex: Lexicon,
                 pieces: list[Candidate]) -> tuple[str | None, str | None]:
    """(party, possessive owner) read before the role noun: "the Labour leader", "the council's chief"."""
    party = next((lex.parties[w.lower] for w in words[first:head] if w.lower in lex.parties
                  and is_capitalised(w.text)), None)
    owner = None
    if first > 0 and words[first - 1].text.endswith(("'s", "’s")):
        possessor = words[first - 1]
        piece = next((p for p in pieces if p.start <= possessor.start and p.end >= possessor.end - 2), None)
        owner = piece.name if piece is not None and piece.type != "person" else possessor.text[:-2]
        owner = None if owner.lower() in _DETERMINERS else owner
    return party, owner


def _tail(text: str, words: list[_Word], head: tuple[int, int], lex: Lexicon) -> tuple[str | None, str | None]:
    """Organisation or place after the role noun: "leader of the Y group", "MP for Eastmere"."""
    if head[1] >= len(words) or words[head[1]].lower not in ("of", "for", "at", "with"):
        return None, None
    rest = words[head[1] + 1 :]
    if rest and rest[0].lower == "the":
        rest = rest[1:]
    cut = next((i for i, w in enumerate(rest) if i > 0 and w.lower in ("on", "at", "in", "who", "which")), len(rest))
    rest = rest[:cut]
    if not rest:
        return None, None
    value = text[rest[0].start : rest[-1].end].rstrip(".")
    head_word = " ".join(w.lower for w in words[head[0] : head[1]])
    if words[head[1]].lower == "for" and head_word in _SEAT_ROLES and is_capitalised(rest[0].text):
        return None, value
    return value, None


def _portfolio_word(word: _Word) -> bool:
    """A lower-case word of a portfolio ("social", "services", "children's"), not one that opens a clause."""
    bare_word = _POSSESSIVE_END.sub("", word.text)
    return bare_word.isalpha() and word.text.islower() and word.lower not in _PORTFOLIO_STOPS


_POSSESSIVE_END = re.compile(r"['’]s?$")
PORTFOLIO_RE = re.compile(r"\s+(?:of|for)\s+[a-z][^A-Z]*$")


def without_portfolio(role: str) -> str:
    """The role without a lower-case portfolio after it: "director of recreation" -> "director"."""
    return PORTFOLIO_RE.sub("", role)


def normalise_role(role: str) -> str:
    """The role without determiners and topical qualifiers: "the Children's Minister" -> "minister"."""
    lex = lexicon()
    kept = []
    for word in role.lower().split():
        if word in _DETERMINERS or (word.endswith(("'s", "’s")) and word not in _KEPT_QUALIFIERS):
            continue
        if word in lex.role_qualifiers and word not in _KEPT_QUALIFIERS:
            continue
        kept.append(word)
    return " ".join(kept)
