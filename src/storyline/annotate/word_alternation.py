"""Word lists as regex alternations factored into a trie, so matching them stays fast.

A plain alternation of a few hundred words (``"mayor|minister|..."``) makes the regex engine try every
word at every position it reaches; the same words factored by common prefixes
(``m(?:ayor|inister)``) are tried one character at a time.  The trie matches exactly what the plain
alternation of the same words sorted longest first matches: words that match at one position are
prefixes of one another, and the trie tries the longer ones first (``(?:...)?`` is greedy).

    >>> alternation(["chief executive", "chief", "mayor"])
    '(?:chief(?:\\\\s+executive)?|mayor)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation"]

_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a word in a trie node


def alternation(words: Iterable[str], *, space: str = r"\s+", ignore_case: bool = False,
                dotted: Iterable[str] = ()) -> str:
    """A regex source matching any of ``words`` (longest first), for use inside a larger pattern.

    ``space`` is what a space inside a word becomes (``r"\\s+"``: any run of white space; ``r"\\ "``:
    one space, as ``re.escape`` leaves it).  With ``ignore_case`` (for patterns compiled with
    ``re.IGNORECASE``) words are lower-cased first, so case variants share one branch.  Words in
    ``dotted`` may end with a full stop ("Oct." as well as "Oct").

    When ``space`` matches a run of white space, words are phrases as word lists write them: no space at
    either end and no two spaces in a row (in ``"chief  executive"`` the runs would be ambiguous, and the
    trie could stop short where the plain alternation backtracks).
    """
    fold = str.lower if ignore_case else str
    words, dotted = list(words), list(dotted)
    if space != r"\ ":
        for word in (*words, *dotted):
            _check_phrase(word)
    trie: _Trie = {}
    for word in words:
        _insert(trie, fold(word))
    for word in dotted:
        node = _insert(trie, fold(word))
        node.setdefault(".", {})[_END] = {}
    return _pattern(trie, space)


def _check_phrase(word: str) -> None:
    if not word.strip() or word != word.strip() or "  " in word:
        raise ValueError(f"word list entry {word!r}: write phrases with single spaces between words and none "
                         "at either end")


def _insert(trie: _Trie, word: str) -> _Trie:
    node = trie
    for char in word:
        node = node.setdefault(char, {})
    node[_END] = {}
    return node


def _pattern(node: _Trie, space: str) -> str:
    branches = [(space if char == " " else re.escape(char)) + _pattern(child, space)
                for char, child in node.items() if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
