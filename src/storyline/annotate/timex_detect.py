"""Find candidate temporal expressions: word lists and rule patterns from data files, compiled once.

The rules live in ``data/timex_patterns.json`` as regex templates whose ``{NAME}`` placeholders are
filled from the word lists in ``data/timex_lexicon.json``.  One combined regex finds the leftmost
position where any rule matches; every rule is then tried at that position and the longest match
that the caller accepts wins (leftmost-longest, as in most rule-based taggers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any, Protocol, TypeVar

from storyline.annotate.word_alternation import alternation


class _Spanned(Protocol):
    end: int


R = TypeVar("R", bound=_Spanned)

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_GROUP_NAME = re.compile(r"\(\?P([<=])(\w+)")


@cache
def lexicon() -> dict[str, Any]:
    """The timex word lists (months, weekdays, numbers, units, ...), loaded once."""
    return _load_json("timex_lexicon.json")


def _load_json(name: str) -> dict[str, Any]:
    data = resources.files("storyline.data").joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def _alternation(words: Iterable[str], abbreviations: Iterable[str] = ()) -> str:
    """A non-capturing alternation, longest words first; spaces match any whitespace; the
    ``abbreviations`` may end with a full stop ("Oct.").  The rules are case-insensitive."""
    return "(?:" + alternation(words, ignore_case=True, dotted=abbreviations) + ")"


def _number_words(lex: dict[str, Any]) -> str:
    tens = [w for w, n in lex["numbers"].items() if isinstance(n, int) and 20 <= n <= 90]
    units = [w for w, n in lex["numbers"].items() if isinstance(n, int) and 1 <= n <= 9 and w not in ("a", "an")]
    compound = _alternation(tens) + r"[\s-]" + _alternation(units)
    return "(?:" + compound + "|" + _alternation(lex["numbers"]) + ")"


def _year_words(lex: dict[str, Any]) -> str:
    """A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen oh five",
    "nineteen hundred", "two thousand and one" (the normaliser takes "two thousand" only after "the year")."""
    numbers = lex["numbers"]
    tens = _alternation([w for w, n in numbers.items() if isinstance(n, int) and n in range(20, 100, 10)])
    units = _alternation([w for w, n in numbers.items() if isinstance(n, int) and 1 <= n <= 9 and w not in ("a", "an")])
    teens = _alternation([w for w, n in numbers.items() if isinstance(n, int) and 10 <= n <= 19])
    sep = r"[\s-]+"
    nineteen = (rf"nineteen{sep}(?:hundred(?:{sep}and)?{sep})?(?:{tens}(?:{sep}{units})?|{teens}|oh{sep}{units})"
                rf"|nineteen{sep}hundred")
    return rf"(?:{nineteen}|two{sep}thousand(?:{sep}and)?(?:{sep}(?:{teens}|{units}))?)"


@cache
def placeholders() -> dict[str, str]:
    """Regex fragments for every ``{NAME}`` used in the rule templates."""
    lex = lexicon()
    months = lex["months"]
    full_months = [m for m in months if len(m) > 4 or m in ("may", "june", "july")]
    full_weekdays = [w for w in lex["weekdays"] if w.endswith("day")]
    numword = _number_words(lex)
    ordinals = [w for w in lex["ordinals"] if w != "last"]
    refwords = lex["present_ref"] + lex["past_ref"] + lex["future_ref"]
    return {
        "YEAR4": r"(?:1[0-9]{3}|20[0-9]{2})",
        "DAYNUM": r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?",
        "MONTH": _alternation(full_months, [m for m in months if m not in full_months]),
        "MONTH_FULL": _alternation(full_months),
        "WEEKDAY": _alternation(full_weekdays, [w for w in lex["weekdays"] if w not in full_weekdays]),
        "WEEKDAY_FULL": _alternation(full_weekdays),
        "POSMOD": _alternation(lex["position_mods"]),
        "QMOD": _alternation(lex["quantity_mods"]),
        "QORD": r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)",
        "ORDWORD": _alternation(ordinals),
        "SEASON": _alternation(lex["seasons"]),
        "HOLIDAY": _alternation(lex["holidays"]),
        "TZ": _alternation(lex["timezones"]),
        "CLOCKWORD": _alternation(list(lex["clock_words"]) + [str(n) for n in range(1, 13)]),
        "NUMWORD": numword,
        "YEARWORD": _year_words(lex),
        "NUM": r"(?:[0-9]+(?:[.,][0-9]+)?|" + numword + ")",
        "VAGUE": _alternation(lex["vague_numbers"]),
        "UNIT": _alternation(lex["units"]),
        "SETADVERB": _alternation(lex["set_adverbs"]),
        "REFWORD": _alternation(refwords),
    }


def _expand(template: str) -> str:
    fragments = placeholders()
    return _PLACEHOLDER.sub(lambda m: fragments[m.group(1)], template)


@cache
def rule_patterns() -> dict[str, re.Pattern[str]]:
    """Every rule compiled on its own (named groups as written), in priority order."""
    rules = _load_json("timex_patterns.json")["rules"]
    return {name: re.compile(r"\b(?:" + _expand(template) + ")", re.IGNORECASE) for name, template in rules}


_WORD = re.compile(r"[^\W\d_]+|\d+")
_SPLIT_WORDS = re.compile("(" + _WORD.pattern + ")")  # its split: the gaps between words and the words in turn
_DIGITS = "#"  # dispatch key of a number that cannot be a year
_YEAR_DIGITS = "#4"  # dispatch key of a four-digit number


def _first_word(phrase: str) -> str:
    found = _WORD.search(phrase.lower())
    return found.group() if found else phrase


@cache
def word_classes() -> dict[str, frozenset[str]]:
    """First words of the lexicon lists, by the class names rule ``starts`` use."""
    lex = lexicon()
    firsts = {
        "MONTH": lex["months"], "WEEKDAY": lex["weekdays"], "SEASON": lex["seasons"], "UNIT": lex["units"],
        "POSMOD": lex["position_mods"], "QMOD": lex["quantity_mods"], "ORD": lex["ordinals"],
        "NUMBER": list(lex["numbers"]) + lex["vague_numbers"], "HOLIDAY": lex["holidays"],
        "REF": lex["present_ref"] + lex["past_ref"] + lex["future_ref"], "SETADV": lex["set_adverbs"],
        "DECADE": ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
    }
    return {name: frozenset(_first_word(p) for p in phrases) for name, phrases in firsts.items()}


@cache
def dispatch_table() -> dict[str, tuple[str, ...]]:
    """First word (lower case; "#4" for a four-digit number, "#" for another) -> the rules that can
    start with it, in priority order."""
    classes: dict[str, frozenset[str]] = {**word_classes(), "DIGIT": frozenset({_DIGITS}),
                                          "YEAR": frozenset({_YEAR_DIGITS})}
    table: dict[str, list[str]] = {}
    for rule, starts in _load_json("timex_patterns.json")["starts"].items():
        for start in starts:
            for word in classes.get(start, frozenset({start})):
                if rule not in table.setdefault(word, []):
                    table[word].append(rule)
    order = list(rule_patterns())
    return {word: tuple(sorted(rules, key=order.index)) for word, rules in table.items()}


@cache
def weak_words() -> frozenset[str]:
    """Start words tried only when the next word can continue a timex (the, two, last, about ...)."""
    classes = word_classes()
    weak = set(lexicon()["trigger_words"]["weak"])
    for name in ("NUMBER", "ORD", "POSMOD", "QMOD"):
        weak |= classes[name]
    weak |= {u for u in lexicon()["units"] if not u.endswith("s")}
    return frozenset(weak)


@cache
def continuation_words() -> frozenset[str]:
    """Every word that can follow the first word of a timex: all lexicon words, the literal words of
    the rule templates and the ``continuations`` (th, pm ...)."""
    lex = lexicon()
    found: set[str] = set(lex["trigger_words"]["continuations"]) | set(dispatch_table())
    for key, entries in lex.items():
        if isinstance(entries, (list, dict)) and key != "trigger_words":
            found.update(w for phrase in entries if isinstance(phrase, str) for w in _WORD.findall(phrase.lower()))
    for _, template in _load_json("timex_patterns.json")["rules"]:
        found.update(re.findall(r"[a-z]{2,}", template.lower()))
    return frozenset(found)


def trigger_positions(text: str) -> list[tuple[int, str]]:
    """(offset, dispatch key) of each word where a rule could start (see ``trigger_words`` in the lexicon)."""
    table, weak, continuations = dispatch_table(), weak_words(), continuation_words()
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lower-cased
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    starts, ends, words = _word_spans(lower)
    found = []
    for i in [i for i, w in enumerate(words) if w in table or w[0].isdigit()]:
        word = words[i]
        key = (_YEAR_DIGITS if len(word) == 4 else _DIGITS) if word[0].isdigit() else word
        if key not in table:
            continue
        if key == _YEAR_DIGITS or (key != _DIGITS and word not in weak):
            found.append((starts[i], key))
        elif i + 1 < len(words):
            after = words[i + 1]
            if after in continuations or (after[0].isdigit() and (
                    key != _DIGITS or lower[ends[i]:starts[i + 1]] in (":", "/", ".", "-")
                    or lower.startswith(" 1/2", ends[i]))):  # "5 1/2 hours"
                found.append((starts[i], key))
    return found


def _word_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """Where every ``_WORD`` (letter run or digit run) in ``text`` starts, where it ends, and the words.

    One split of the text gives the gaps and the words in turn, with no tuple or match object per word (the
    gaps are the characters no word takes, so their lengths and the words' add up to the offsets).
    """
    stop = len(text.rstrip())
    while stop and not text[stop - 1].isalnum():  # letters and digits are exactly the characters words take
        stop -= 1
    parts = _SPLIT_WORDS.split(text[:stop])  # gap, word, gap, word, ..., gap (the last one empty)
    bounds = list(accumulate(map(len, parts)))
    return bounds[0:-1:2], bounds[1::2], parts[1::2]


@cache
def _rules_by_key() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The dispatch table with each rule's compiled pattern beside its name."""
    rules = rule_patterns()
    return {key: tuple((name, rules[name]) for name in names) for key, names in dispatch_table().items()}


def scan(text: str, accept: Callable[[str, re.Match[str]], R | None]) -> list[R]:
    """Leftmost-longest scan: at each word where a rule can start, keep the longest accepted match.

    Only the rules whose ``starts`` name that word are tried, which keeps the scan fast.
    ``accept(rule_name, match)`` returns a result with an ``end`` attribute, or None to reject.
    """
    by_key = _rules_by_key()
    found: list[R] = []
    covered = 0
    for start, key in trigger_positions(text):
        if start < covered:
            continue
        result = _longest_at(text, start, by_key[key], accept)
        if result is not None:
            found.append(result)
            covered = result.end
    return found


def _longest_at(text: str, start: int, rules: tuple[tuple[str, re.Pattern[str]], ...],
                accept: Callable[[str, re.Match[str]], R | None]) -> R | None:
    """The longest match at ``start`` that ``accept`` takes (the earlier rule on a tie)."""
    matches = [(m.end(), -i, name, m) for i, (name, rx) in enumerate(rules)
               if (m := rx.match(text, start)) is not None and m.end() > start]
    if len(matches) > 1:
        matches.sort(reverse=True)  # (end, -index) is unique, so names and matches are never compared
    for _, _, name, match in matches:
        result = accept(name, match)
        if result is not None:
            return result
    return None
