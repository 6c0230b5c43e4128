"""Name detection: runs of capitalised words, read as people, organisations or places, with evidence.

A person needs evidence: an honorific or title before the name ("Cllr", "Mayor", "Labour MP"), a known
given name, a role noun before it ("council leader Hargreaves"), a speech verb after it ("X said") or an
apposition after it ("X, 54," / "X, the council's interim chief executive,").  Organisations come from
suffixes ("Borough Council", "Ltd"), prefixes ("Department for"), known names and party names; places
from a gazetteer, street and place words, and "in X".  Unknown capitalised words yield nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from typing import NamedTuple

from storyline.annotate.entity_lexicon import Lexicon, lexicon
from storyline.annotate.structure import gapped_matches
from storyline.annotate.word_alternation import alternation
from storyline.model import EntityType

__all__ = ["Candidate", "Tok", "find_candidates", "tokenize", "tokenize_spans"]

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_]\w*(?:[’'\-](?![sS]\b)\w+)*"
    r"|['’][sS]\b"
    r"|\d[\w,.:]*\w|\d"
    r"|\S"
)
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")  # every other character starts a token
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "cllr", "sen", "rep", "gov", "gen", "col", "lt", "capt", "sgt", "det", "insp",
    "supt", "prof", "rev", "revd", "fr", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "mt", "ft", "messrs",
    "mme", "pres", "atty", "coun", "const", "cpl", "ald", "ste",
})
# "Hertfordshire Fire and Rescue Service", "Leeds Health and Care Partnership": a service named before "and"
_SERVICES_BEFORE_AND = frozenset({"fire", "police", "health", "arts", "parks", "leisure", "housing", "social"})
_SERVICES_AFTER_AND = frozenset({"rescue", "crime", "social", "care", "safety", "recreation", "culture", "heritage",
                                 "regeneration", "wellbeing", "communities", "community", "planning", "leisure"})
# place heads no one has as a surname ("Chelsea Bridge"; "Hill", "Park" and "Lake" are people's too)
_NEVER_SURNAMES = frozenset({"bridge", "river", "harbour", "harbor", "valley", "islands", "estate", "county"})
SAINT_WORDS = frozenset({"st", "ste", "saint", "sainte"})
_OPENING = frozenset("\"“‘'([«")
_MAX_NAME_WORDS = 5
_WARD_TAG_RE = re.compile(rf"\({alternation(lexicon().party_tags)}\s*,\s*$")  # "(Con, " before a ward
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_STRICT_BLOCKS = frozenset({"headline", "caption", "subheading", "byline"})


class Tok(NamedTuple):
    start: int
    end: int
    text: str


@dataclass
class Candidate:
    """A name found in the text, before in-document resolution."""

    start: int
    end: int
    type: EntityType
    name: str
    words: tuple[str, ...] = ()
    title: tuple[Tok, ...] = ()  # title phrase before a person's name, e.g. Labour MP / Cllr
    postnominal: Tok | None = None  # "MP" after a name
    evidence: str = ""
    block_kind: str = "paragraph"
    sentence: tuple[int, int] = (0, 0)
    title_case: bool = False  # found in a title-case heading or caption, where capitals prove little


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Word and punctuation tokens with exact offsets; abbreviation periods stay on their word ("Mr.", "J.")."""
    stop = len(text) if end is None else end
    tokens = _plain_tokens(text, start, stop)
    if text.find(".", start, stop) < 0:
        return tokens
    periods = [i for i, tok in enumerate(tokens) if tok.text == "." and i > 0]
    if not periods:
        return tokens
    states = lexicon().state_abbreviations
    merged: list[Tok] = []
    done = 0
    for i in periods:
        previous = tokens[i - 1]
        if i - 1 < done or previous.end != tokens[i].start or not _absorbs_period(previous.text, states):
            continue
        merged.extend(tokens[done : i - 1])
        merged.append(Tok(previous.start, tokens[i].end, previous.text + "."))
        done = i + 1
    merged.extend(tokens[done:])
    return merged


def tokenize_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[list[Tok]]:
    """The tokens of each span, exactly as ``tokenize(text, start, end)`` gives them, from one pass over the text.

    Sentences start and end between tokens, so their tokens are slices of the document's; a span that
    cuts a token (or an abbreviation and its period) is tokenized on its own.
    """
    tokens = tokenize(text)
    starts = [tok.start for tok in tokens]
    found: list[list[Tok]] = []
    for start, end in spans:
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        cut = (first > 0 and tokens[first - 1].end > start) or (stop > first and tokens[stop - 1].end > end)
        found.append(tokenize(text, start, end) if cut else tokens[first:stop])
    return found


def _plain_tokens(text: str, start: int, stop: int) -> list[Tok]:
    """``_TOKEN`` matches in ``text[start:stop]`` as Toks (the hot spot of entity finding)."""
    stop = start + len(text[start:stop].rstrip())  # trailing spaces would make the search quadratic
    return list(map(tuple.__new__, repeat(Tok), gapped_matches(_SPACED_TOKEN, text, start, stop)))


def _absorbs_period(word: str, states: dict[str, str]) -> bool:
    if not word[:1].isupper() or word.endswith("."):
        return False
    return len(word) == 1 or word.lower() in _ABBREVIATIONS or (word.lower() + ".") in states


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


@lru_cache(maxsize=1 << 15)  # ~32k distinct words: a few MB at most
def bare(word: str) -> str:
    """Lower case without a final period: "Cllr." -> "cllr"."""
    return word.lower().rstrip(".")


def _runs(tokens: list[Tok], lex: Lexicon) -> list[tuple[int, int]]:
    """Index ranges of capitalised runs (name particles such as "van der" allowed inside)."""
    runs: list[tuple[int, int]] = []
    caps = [t.text[:1].isupper() and t.text[:1].isalpha() for t in tokens]
    n, j = len(tokens), 0
    for i in [k for k, cap in enumerate(caps) if cap]:
        if i < j:  # inside the previous run
            continue
        j = i + 1
        while j < n:
            if caps[j]:
                j += 1
            elif _possessive_inside(tokens, j, lex) or j + 1 < n and caps[j + 1] and tokens[j].text in lex.particles:
                j += 2
            else:
                break
        runs.append((i, j))
    return _merge_org_runs(tokens, runs, lex)


def _possessive_inside(tokens: list[Tok], j: int, lex: Lexicon) -> bool:
    """ "Children's Minister", "Brightpath Children's Trust": a possessive inside a title or organisation."""
    if tokens[j].text not in ("'s", "’s") or j + 1 >= len(tokens) or tokens[j - 1].end != tokens[j].start:
        return False
    following = bare(tokens[j + 1].text)
    owner = bare(tokens[j - 1].text) + "'s"
    return is_capitalised(tokens[j + 1].text) and (
        owner in lex.role_qualifiers or following in lex.titles or following in lex.org_suffixes)


def _merge_org_runs(tokens: list[Tok], runs: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """Join "Department" + "for" + "Education", "Bank" + "of" + "England", "Health" + "and" + "Safety Executive"."""
    merged: list[tuple[int, int]] = []
    for run in runs:
        if merged and _joins(tokens, merged[-1], run, lex):
            merged[-1] = (merged[-1][0], run[1])
        else:
            merged.append(run)
    return merged


def _joins(tokens: list[Tok], left: tuple[int, int], right: tuple[int, int], lex: Lexicon) -> bool:
    if not 0 < right[0] - left[1] <= 2:
        return False
    gap = [t.text.lower() for t in tokens[left[1] : right[0]]]
    last = bare(tokens[left[1] - 1].text)
    connector = gap[0]
    if _listing_department(tokens, left) and gap in ([","], ["and"], [",", "and"], ["&"]) \
            and bare(tokens[right[0]].text) not in lex.places \
            and not (right[1] - right[0] >= 2 and lex.first_name_gender(tokens[right[0]].text) is not None):
        # (not a person in apposition: "the Department of Health, Jeremy Trevors, said")
        return True  # "Department for Digital, Culture, Media and Sport": one body, its portfolios listed
    if gap not in (["of"], ["for"], ["of", "the"], ["for", "the"], ["on"], ["and"], ["&"]):
        return False
    if f"{last} {connector}" in lex.org_prefix_heads:
        return True
    right_last = bare(tokens[right[1] - 1].text)
    if connector in ("and", "&"):
        services = last in _SERVICES_BEFORE_AND and bare(tokens[right[0]].text) in _SERVICES_AFTER_AND
        words = left[1] - left[0] - (tokens[left[0]].text == "The")  # "The Brighton & Hove Bus Company"
        single = (words == 1 or services) and lex.first_name_gender(last) is None
        long_right = right[1] - right[0] >= 2
        return single and long_right and right_last in lex.org_suffixes and last not in lex.honorifics
    return connector in ("of", "for") and last in lex.org_suffixes and last not in ("party", "group")


def _listing_department(tokens: list[Tok], left: tuple[int, int]) -> bool:
    """Whether a run is a ministry or department named by its portfolios ("Ministry of Housing", on to ", ...")."""
    return any(bare(tokens[k].text) in ("department", "ministry") and tokens[k + 1].text in ("of", "for")
               for k in range(left[0], left[1] - 2))


@cache
def _apposition_pattern() -> re.Pattern[str]:
    nouns = alternation(lexicon().role_nouns, space=r"\ ", ignore_case=True)
    return re.compile(
        r"\s*,\s*(?:(?:aged\s+)?\d{1,3}\s*,"
        r"|(?:the|a|an|its|his|her|their|[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,4}['’]s)\s+"
        rf"(?:[\w'’-]+\s+){{0,5}}?(?:{nouns})\b"
        rf"|(?:[a-z][\w'’-]*\s+){{0,2}}?(?:{nouns})\s+(?:of|for|at)\s"  # ", president of the union,"
        r"|who\s)",
        re.IGNORECASE,
    )


@dataclass
class _Sentence:
    text: str
    tokens: list[Tok]
    start: int
    end: int
    block_kind: str


def find_candidates(text: str, tokens: list[Tok], start: int, end: int, block_kind: str) -> list[Candidate]:
    """Candidates in one sentence ``text[start:end]`` whose tokens (see :func:`tokenize`) are given."""
    lex = lexicon()
    sentence = _Sentence(text, tokens, start, end, block_kind)
    found: list[Candidate] = []
    for first, last in _runs(sentence.tokens, lex):
        if _after_party_tag(sentence, first):
            found.append(_ward(sentence, first, last))  # "Cllr Lisa Walker (Con, Hazel Grove)": her ward
            continue
        found.extend(_read_run(sentence, first, last, lex))
    if found and block_kind in _STRICT_BLOCKS and block_kind != "byline" and _is_title_case(tokens):
        for cand in found:
            cand.title_case = True
        found = [_headline_name(cand, lex, text) for cand in found]
    return found


def _after_party_tag(s: _Sentence, first: int) -> bool:
    """Whether the run at ``first`` follows a party's tag in brackets: "(Con, Hazel Grove)", "(Lab, Reddish North)"."""
    start = s.tokens[first].start
    return _WARD_TAG_RE.search(s.text, max(s.start, start - 30), start) is not None


def _ward(s: _Sentence, first: int, last: int) -> Candidate:
    """A councillor's ward, named after the party's tag: a place (up to the bracket's end)."""
    end = next((k for k in range(first, last) if s.tokens[k].text == ")"), last)
    tokens = s.tokens[first:end]
    return _candidate(s, tokens[0].start, tokens[-1].end, "place", " ".join(t.text for t in tokens))


def _headline_name(cand: Candidate, lex: Lexicon, text: str) -> Candidate:
    """In a title-case headline a name runs into the words after it ("Hillary Clinton Wins Delaware Primary"):
    a known given name keeps one surname (and a middle initial), nothing more."""
    words = cand.words
    if cand.type != "person" or len(words) < 3 or lex.first_name_gender(words[0]) is None:
        return cand
    keep = 3 if len(words[1]) == 2 and words[1].endswith(".") else 2
    while keep < len(words) and words[keep].rstrip(".,") in _NAME_SUFFIXES:
        keep += 1  # "Joseph R. Biden Jr."
    if len(words) <= keep:
        return cand
    short = " ".join(words[:keep])
    if not text.startswith(short, cand.start):
        return cand
    cand.words, cand.name, cand.end = words[:keep], short, cand.start + len(short)
    return cand


def _is_title_case(tokens: list[Tok]) -> bool:
    """ "Grace Period Ends For Council Tenants": most words capitalised."""
    words = [t.text for t in tokens if t.text[:1].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _read_run(s: _Sentence, first: int, last: int, lex: Lexicon) -> list[Candidate]:
    """Split one capitalised run into organisation/place pieces, a title phrase and a person's name."""
    found: list[Candidate] = []
    pos = first
    portfolio = _portfolio_then_name(s, first, last, lex)
    if portfolio is not None:
        return _person(s, portfolio, last, lex, title=tuple(s.tokens[first - 2 : portfolio]))
    while pos < last:
        word = bare(s.tokens[pos].text)
        possessive = pos + 1 < last and s.tokens[pos + 1].text in ("'s", "’s")
        if (_is_function_word(word, lex) and not possessive) or word in ("'s", "’s"):
            pos += 1
            continue
        split = _title_split(s, pos, last, lex)
        split = split if split is not None else _role_split(s, pos, last, lex)
        if split is not None:
            found.extend(_title_pieces(s, pos, _title_start(s, pos, split, lex), lex))
            found.extend(_person(s, split, last, lex, title=tuple(s.tokens[pos:split])))
            return found
        named = _organisation_then_name(s, pos, last, lex)
        if named:
            return found + named
        if pos == first and last - pos in (2, 3) and _role_before(s, pos, lex) \
                and _valid_name(s, pos, last, lex, place_names=True):
            person = _person(s, pos, last, lex, title=())  # "health critic France Gélinas": a name, not a country
            if person:
                return found + person
        whole = _classify(s, pos, last, lex)
        if whole is not None:
            return found + [whole]
        if last - pos >= 2 and lex.first_name_gender(s.tokens[pos].text) is not None:
            person = _person(s, pos, last, lex, title=())
            if person:
                return found + person
        known = _known_prefix(s, pos, last, lex, whole_tried=True)
        if known is not None:
            found.append(known[0])
            pos = known[1]
            continue
        if bare(s.tokens[pos].text) in lex.never_names or _drops_first(s, pos, last, lex):
            pos += 1
            continue
        return found + (_person(s, pos, last, lex, title=()) or _place_from_context(s, pos, last, lex))
    return found


def _portfolio_then_name(s: _Sentence, first: int, last: int, lex: Lexicon) -> int | None:
    """ "Director of | Government Affairs Phil Smith", "Supervisor of | Elections Susan Bucher": a run after a
    title and "of" that is a portfolio, then a given name; where the name starts, or None."""
    if first < 2 or s.tokens[first - 1].text != "of" or bare(s.tokens[first - 2].text) not in lex.titles:
        return None
    if lex.first_name_gender(s.tokens[first].text) is not None:
        return None
    for k in range(first + 1, min(last - 1, first + 4)):
        if lex.first_name_gender(s.tokens[k].text) is not None:
            return k if _valid_name(s, k, _strip_postnominal(s, k, last, lex)[0], lex) else None
    return None


def _place_from_context(s: _Sentence, pos: int, last: int, lex: Lexicon) -> list[Candidate]:
    """ "in Brackendale", "Springfield, Ill.", "Manhattan, New York": a place read from its context."""
    words = s.tokens[pos:last]
    if len(words) > 3 or lex.first_name_gender(words[0].text) is not None:
        return []
    if any(bare(w.text) in lex.never_names or not w.text[:1].isalpha() for w in words):
        return []
    before = s.tokens[pos - 1].text.lower() if pos > 0 else ""
    after = s.tokens[last + 1].text if last + 1 < len(s.tokens) and s.tokens[last].text == "," else ""
    after_place = after.lower() in lex.state_abbreviations or bare(after) in lex.places
    if any(len(w.text) > 1 and w.text.isupper() for w in words) and not after_place:
        return []
    if before not in lex.place_prepositions and not after_place:
        return []
    found = _candidate(s, words[0].start, words[-1].end, "place", " ".join(w.text for w in words))
    found.evidence = "context"
    return [found]


def _organisation_then_name(s: _Sentence, pos: int, last: int, lex: Lexicon) -> list[Candidate]:
    """ "Chrysler LLC Jim Press": an organisation or place, then a name that starts with a given name (or a party
    adjective, then the name: "Conservative Neil Barraclough")."""
    for k in range(pos + 1, last - 1):
        if lex.first_name_gender(s.tokens[k].text) is None or not _valid_name(s, k, last, lex):
            continue
        piece = _classify(s, pos, k, lex)
        if piece is not None:
            return [piece, *_person(s, k, last, lex, title=())]
        if k == pos + 1 and bare(s.tokens[pos].text) in lex.party_adjectives:
            return _person(s, k, last, lex, title=())  # "and Conservative Neil Barraclough": his party, then him
    return []


def _is_function_word(word: str, lex: Lexicon) -> bool:
    """Sentence-initial and ordinary words that never start a name ("However", "On", "Yesterday")."""
    if word in lex.may_start_names or word in lex.titles or word in lex.honorifics:
        return False
    return word in lex.never_names


def _drops_first(s: _Sentence, pos: int, last: int, lex: Lexicon) -> bool:
    """A sentence-initial ordinary word before a given name: "Critics Daniel Okafor ..." -> drop "Critics"."""
    if pos + 1 >= last or not _sentence_initial(s, pos):
        return False
    return lex.first_name_gender(s.tokens[pos].text) is None and lex.first_name_gender(s.tokens[pos + 1].text) is not None


def _sentence_initial(s: _Sentence, index: int) -> bool:
    return all(t.text in _OPENING for t in s.tokens[:index])


def _title_start(s: _Sentence, pos: int, split: int, lex: Lexicon) -> int:
    """Where the title word(s) before a name at ``split`` start: "Court of Appeal | Justice", "Labour | MP"."""
    key = _title_key(s, split - 1, pos, lex)
    if key is None and bare(s.tokens[split - 1].text) in lex.role_nouns:
        key = split - 1
    return key if key is not None and key > pos else split


def _title_key(s: _Sentence, k: int, pos: int, lex: Lexicon) -> int | None:
    """Start index of a title ending at token ``k`` (multi-word titles such as "Chief Executive")."""
    if bare(s.tokens[k].text) not in _title_last_words():
        return None  # no title or honorific ends with this word (tokens hold no space, so none is cut)
    for width in (3, 2, 1):
        j = k - width + 1
        if j < pos:
            continue
        phrase = " ".join(bare(t.text) for t in s.tokens[j : k + 1])
        if phrase in lex.titles or phrase in lex.honorifics:
            return j
    return None


@cache
def _title_last_words() -> frozenset[str]:
    """The last word of every title and honorific: a phrase ``_title_key`` looks up ends with one of them."""
    lex = lexicon()
    return frozenset(phrase.rsplit(" ", 1)[-1] for phrase in (*lex.titles, *lex.honorifics))


def _title_split(s: _Sentence, pos: int, last: int, lex: Lexicon) -> int | None:
    """Index where a person's name starts after a title inside the run, or None."""
    for k in range(last - 2, pos - 1, -1):
        if _title_key(s, k, pos, lex) is None:
            continue
        name_end = _strip_postnominal(s, k + 1, last, lex)[0]
        if _valid_name(s, k + 1, name_end, lex, place_names=True):
            return k + 1
    return None


def _role_split(s: _Sentence, pos: int, last: int, lex: Lexicon) -> int | None:
    """ "Community Researcher Amir Khan": a capitalised job description before a given name is a role, not a name."""
    for k in range(pos + 1, last - 1):
        if bare(s.tokens[k - 1].text) in lex.role_nouns and lex.first_name_gender(s.tokens[k].text) is not None:
            if _valid_name(s, k, _strip_postnominal(s, k, last, lex)[0], lex):
                return k
    return None


def _strip_postnominal(s: _Sentence, start: int, last: int, lex: Lexicon) -> tuple[int, Tok | None]:
    if last - start >= 2 and bare(s.tokens[last - 1].text) in lex.postnominals:
        word = bare(s.tokens[last - 1].text)
        if lex.postnominals[word] == "":
            return last, None
        return last - 1, s.tokens[last - 1]
    return last, None


def _valid_name(s: _Sentence, start: int, end: int, lex: Lexicon, place_names: bool = False) -> bool:
    """Whether tokens[start:end] can be a person's name (not a place, an organisation or an ordinary word).
    With ``place_names`` (after a title or honorific) one word that names a place is a surname: "Ms Kent",
    "Mr Chester", "Cllr Derby"."""
    words = [t.text for t in s.tokens[start:end]]
    if not words or len(words) > _MAX_NAME_WORDS or not is_capitalised(words[0]):
        return False
    if words[0] == "Jan" and len(words) == 2 and (bare(words[1]) in lex.parties or bare(words[1]) in lex.places):
        return False  # "In Jan Labour won the seat": January (not "Jan Piercy", "Jan Moir")
    first = bare(words[0])
    if first in lex.titles or first in lex.honorifics:
        return False
    surname_ok = len(words) >= 2 and lex.first_name_gender(words[0]) is not None  # "Brad French", "Theresa May"
    for position, word in enumerate(words, 1):
        lower = bare(word)
        if word in ("'s", "’s"):
            return False
        if lower in lex.particles:
            continue
        if lower in lex.never_names and not (surname_ok and position == len(words) and lower in lex.may_end_names):
            return False
        if len(word) > 2 and word.isupper() and not word.endswith("."):
            return False
    phrase = " ".join(bare(w) for w in words)
    tail = bare(words[-1])
    if (phrase in lex.places and not (place_names and len(words) == 1)) or phrase in lex.org_known \
            or phrase in lex.parties:
        return False
    if (len(words) >= 3 and tail in lex.place_heads) or tail in _NEVER_SURNAMES:
        return False  # "George Washington Bridge", "Franklin Delano Roosevelt Park", "Chelsea Bridge" (not "Grace Park")
    return tail not in lex.org_suffixes and tail not in lex.street_words


def _title_pieces(s: _Sentence, pos: int, split: int, lex: Lexicon) -> list[Candidate]:
    """Organisations, parties and places named inside a title phrase: "Labour MP", "Ford Motor Company CEO"."""
    found: list[Candidate] = []
    i = pos
    while i < split:
        known = _known_prefix(s, i, split, lex)
        if known is not None:
            found.append(known[0])
            i = known[1]
            continue
        i += 1
    return found


def _known_prefix(s: _Sentence, pos: int, last: int, lex: Lexicon,
                  whole_tried: bool = False) -> tuple[Candidate, int] | None:
    """The longest organisation, party or place that starts the run at ``pos`` (and ends by ``last``)."""
    longest = min(last - 1 if whole_tried else last, pos + 6)
    for end in range(longest, pos, -1):
        found = _classify(s, pos, end, lex)
        if found is not None:
            return found, end
    return None


def _classify(s: _Sentence, pos: int, end: int, lex: Lexicon) -> Candidate | None:
    """Organisation or place reading of tokens[pos:end], or None."""
    tokens = s.tokens[pos:end]
    if tokens and tokens[0].text.lower() == "the" and len(tokens) > 1:
        tokens, pos = tokens[1:], pos + 1
    if len(tokens) > 1 and bare(tokens[0].text) in lex.org_descriptors:
        tokens, pos = tokens[1:], pos + 1  # "Developer Ashcroft Homes said": the body is Ashcroft Homes
    words = [t.text for t in tokens]
    lowers = [bare(w) for w in words]
    if not words or not words[0][:1].isalpha():
        return None
    phrase = " ".join(lowers)
    generic = len(lowers) > 1 and all(_is_role_word(w, lex) for w in lowers)
    if generic and phrase not in lex.parties and phrase not in lex.org_known:
        return None
    kind = _org_or_place(words, lowers, phrase, lex, s, end)
    if kind is None:
        return None
    entity_type, name = kind
    if name == " ".join(words):
        name = s.text[tokens[0].start : tokens[-1].end]
    return _candidate(s, tokens[0].start, tokens[-1].end, entity_type, name)


def _is_role_word(word: str, lex: Lexicon) -> bool:
    return word in lex.role_qualifiers or word in lex.titles or word in lex.role_nouns or word in lex.honorifics


def _candidate(s: _Sentence, start: int, end: int, entity_type: EntityType, name: str) -> Candidate:
    return Candidate(start, end, entity_type, name, block_kind=s.block_kind, sentence=(s.start, s.end))


def _org_or_place(words: list[str], lowers: list[str], phrase: str, lex: Lexicon, s: _Sentence,
                  end: int) -> tuple[EntityType, str] | None:
    if phrase in lex.parties:
        if phrase in lex.party_adjectives and not _followed_by_role(s, end, lex):
            return None
        return "organisation", lex.parties[phrase]
    if phrase in lex.org_known:
        short = len(words) == 1 and len(words[0]) <= 5 and not words[0].isupper()
        return None if short and phrase not in ("ford", "apple", "fiat", "meta") else ("organisation", " ".join(words))
    if _shouting(words) and phrase not in lex.places:
        return None
    if len(words) >= 2 and (lowers[-1] in lex.org_suffixes or " ".join(lowers[-2:]) in lex.org_suffixes) \
            and not _all_generic(lowers, lex) and not _ends_in_title(lowers, lex):
        return "organisation", " ".join(words)  # ("... Unified School District": a two-word suffix)
    if len(words) >= 3 and f"{lowers[0]} {lowers[1]}" in lex.org_prefix_heads:
        return "organisation", " ".join(words)
    if phrase in lex.places or (len(words) == 1 and words[0].lower() in lex.state_abbreviations):
        return "place", " ".join(words)
    if len(words) in (2, 3) and lowers[0] in SAINT_WORDS and all(w[:1].isupper() for w in words[1:]) \
            and not s.text.startswith(("'s", "’s"), s.tokens[end - 1].end):
        # "St Albans", "Ste. Anne", "St. Albert Trail" (a body's suffix came first; "St Mary's" is a church or school)
        return "place", " ".join(words)
    if len(words) >= 2 and lowers[0] not in lex.never_names:
        if lowers[-1] in lex.street_words:
            return "place", " ".join(words)
        if lowers[-1] in lex.place_heads and (lex.first_name_gender(words[0]) is None or lowers[-1] in _NEVER_SURNAMES):
            return "place", " ".join(words)
    if len(words) == 1 and _is_acronym(words[0]) and phrase not in lex.acronym_stop:
        return None if _beside_capitals(s, end - 1, end) else ("organisation", words[0])
    return None


def _ends_in_title(lowers: list[str], lex: Lexicon) -> bool:
    """ "... Planning Committee Chair": the last words are a title or a role, not a body's name."""
    return " ".join(lowers[-2:]) in lex.titles or " ".join(lowers[-3:]) in lex.role_nouns


def _shouting(words: list[str]) -> bool:
    """Two or more words in capitals ("MAYOR NAMES NEW CHIEF"): a shouted heading, not an organisation."""
    return len(words) >= 2 and all(w.isupper() and len(w) > 1 for w in words if w[:1].isalpha())


def _beside_capitals(s: _Sentence, start: int, end: int) -> bool:
    """An acronym-looking word next to another word in capitals ("CITY HALL", "PORT ELLISON")."""
    neighbours = [s.tokens[i].text for i in (start - 1, end) if 0 <= i < len(s.tokens)]
    return any(len(w) > 1 and w.isupper() and w[:1].isalpha() for w in neighbours)


def _all_generic(lowers: list[str], lex: Lexicon) -> bool:
    """"Council", "The Council" and "Scrutiny" are not names; "City Council" and "Borough Council" are."""
    specific = [w for w in lowers if w not in lex.never_names and w not in lex.org_suffixes]
    return not specific and lowers[-2] not in ("city", "county", "borough", "district", "town", "parish")


def _is_acronym(word: str) -> bool:
    letters = word.replace("&", "")
    return 2 <= len(word) <= 6 and letters.isalpha() and letters.isupper()


def _followed_by_role(s: _Sentence, end: int, lex: Lexicon) -> bool:
    if end >= len(s.tokens):
        return False
    word = bare(s.tokens[end].text)
    if word in lex.role_qualifiers and s.tokens[end].text.islower() and end + 1 < len(s.tokens):
        word = bare(s.tokens[end + 1].text)
    return word in lex.role_nouns or word in lex.titles or word in ("party", "group", "councillors", "members", "candidate", "government")


def _person(s: _Sentence, start: int, last: int, lex: Lexicon, title: tuple[Tok, ...]) -> list[Candidate]:
    end, postnominal = _strip_postnominal(s, start, last, lex)
    if not _valid_name(s, start, end, lex, place_names=bool(title)):
        return []
    evidence = _person_evidence(s, start, end, lex, title)
    if not evidence:
        return []
    tokens = s.tokens[start:end]
    words = tuple(t.text for t in tokens)
    found = _candidate(s, tokens[0].start, tokens[-1].end, "person", " ".join(words))
    found.words, found.title, found.postnominal, found.evidence = words, title, postnominal, evidence
    return [found]


def _person_evidence(s: _Sentence, start: int, end: int, lex: Lexicon, title: tuple[Tok, ...]) -> str:
    """Why tokens[start:end] is a person ("" when there is no evidence)."""
    count = end - start
    first = s.tokens[start].text
    strict = s.block_kind in _STRICT_BLOCKS
    if count >= 2 and lex.first_name_gender(first) is not None:
        return "first-name"
    if strict:
        return "title" if title and count >= 2 else ""
    if title:
        return "title"
    if _role_before(s, start, lex):
        return "role"
    if count == 1 and _role_in_apposition_before(s, start, lex) and (
            lex.first_name_gender(first) is not None or _kin_apposition_speaks(s, start, end, lex)):
        return "apposition"  # "says the boy's father, Martin": a given name named by its role; "Her brother,
        # Alun, said": a name we do not know, between commas after a relative, speaking
    if count < 2 or any(bare(t.text) in lex.places for t in s.tokens[start:end]):
        return ""
    if bare(first) in lex.org_descriptors or (start > 0 and s.tokens[start - 1].text in lex.org_kinds_before):
        return ""  # "Operator Arriva said", "campaign group Save Millfield said": a body speaking
    if _role_in_apposition_before(s, start, lex) and bare(s.tokens[start - 2].text) not in lex.kin_nouns:
        # "Her neighbour, Réjean Lavoie, started a petition": a name we do not know (not "her son, Humayun
        # Khan": a relative shares the surname, and "Mr. Khan" would then be taken for him)
        return "apposition"
    if end < len(s.tokens) and s.tokens[end].text.lower() in lex.speech_verbs:
        return "speech"
    if start > 0 and s.tokens[start - 1].text.lower() in ("said", "says", "asked", "added"):
        return "speech"
    if _of_body_then_speech(s, end, lex):
        return "speech"
    if _apposition_pattern().match(s.text, s.tokens[end - 1].end, s.end):
        return "apposition"
    return ""


def _kin_apposition_speaks(s: _Sentence, start: int, end: int, lex: Lexicon) -> bool:
    """ "Her brother, Alun, said": one capitalised word between commas after a relative, then a speech verb (after
    a "who" clause of its own too: "His daughter, Lowenna, who crews for him, said")."""
    tokens = s.tokens
    if bare(tokens[start - 2].text) not in lex.kin_nouns or end + 1 >= len(tokens) or tokens[end].text != ",":
        return False
    verb = end + 1
    if tokens[verb].text == "who":
        verb = next((k + 1 for k in range(verb + 1, min(len(tokens), verb + 16)) if tokens[k].text == ","), len(tokens))
    return verb < len(tokens) and tokens[verb].text.lower() in lex.speech_verbs


def _of_body_then_speech(s: _Sentence, end: int, lex: Lexicon) -> bool:
    """ "Prabha Rao of the Saskatoon Civil Liberties Association said": a name, "of" a body, then speech."""
    tokens = s.tokens
    if end >= len(tokens) or tokens[end].text != "of":
        return False
    k = end + 1 + (end + 1 < len(tokens) and tokens[end + 1].text.lower() == "the")
    body = k
    while k < len(tokens) and (is_capitalised(tokens[k].text) or tokens[k].text in ("of", "for", "and", "&")
                               and k + 1 < len(tokens) and is_capitalised(tokens[k + 1].text)):
        k += 1  # "the Canadian Federation of Independent Business"
    return k - body >= 2 and k < len(tokens) and tokens[k].text.lower() in lex.speech_verbs


def _role_in_apposition_before(s: _Sentence, start: int, lex: Lexicon) -> bool:
    """ "the boy's father, Martin": a lower-case role noun and a comma right before the name; or the role's "of"
    phrase between them ("the executive director of the shelter, Jean-Claude Cormier")."""
    if start < 2 or s.tokens[start - 1].text != ",":
        return False
    roles = [start - 2] + [k - 1 for k in range(start - 3, max(0, start - 10), -1) if s.tokens[k].text == "of"
                           and all(t.text.isalpha() or t.text in ("’s", "'s") for t in s.tokens[k + 1 : start - 1])]
    return any(s.tokens[k].text.islower() and (bare(s.tokens[k].text) in lex.role_nouns
                                               or bare(s.tokens[k].text) in lex.titles) for k in roles)


def _role_before(s: _Sentence, start: int, lex: Lexicon) -> bool:
    """A lower-case role noun right before the name: "councillor Derek Hollins", "analyst Chris Weafer"."""
    if start == 0:
        return False
    previous = s.tokens[start - 1].text
    return previous.islower() and (bare(previous) in lex.role_nouns or bare(previous) in lex.titles)
