"""Document structure: blocks (headline, subheading, caption, byline, dateline, paragraph) and sentences.

    >>> blocks, sentences = segment("Mayor hits back\\n\\nMr. Okafor spoke. He left at 9 p.m. on Friday.")
    >>> [b.kind for b in blocks]
    ['headline', 'paragraph']
    >>> [(s.start, s.end) for s in sentences]
    [(0, 15), (17, 34), (35, 63)]

Blocks split on blank lines, and on single newlines when a line is clearly a unit of its own
(a short headline above a paragraph, a byline, a caption, a line of a list).  A sentence never
crosses a block boundary; headlines, subheadings, captions, bylines and datelines are one sentence
each.  All offsets are exact character offsets into ``text``.  Word lists live in
``data/entities_structure.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import accumulate, chain, islice
from operator import itemgetter
from typing import Any

from storyline.model import Block, BlockKind, Sentence

__all__ = ["block_kind", "gapped_matches", "segment", "split_blocks", "split_sentences"]

_SINGLE_SENTENCE_KINDS = frozenset({"headline", "subheading", "caption", "byline", "dateline"})
_WRAP_WIDTH = 100  # lines no longer than this may be hard-wrapped prose
_SHORT_HEADING = 160
_SHORT_SUBHEADING = 90

_LINE = re.compile(r"[^\n]+")
# (\.{2,}|…|[.!?]+) written so that every branch opens with one character: the search then skips to them
_CANDIDATE = re.compile(r"(\.\.+|…|\.[.!?]*|![.!?]*|\?[.!?]*)([\"”’'\)\]»]*)(\s+)(?=\S)")
_LEADING_PUNCTUATION = "\"“‘'(["
_CAPTION_HINTS = ("|", "photo", "pictur", "image", "credit", "caption")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_INITIAL = re.compile(r"^[A-Z]$")
_OPENERS = "\"“‘'([«—–-"
_TERMINAL = ".,;:!"
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
_BYLINE_SEPARATORS = re.compile(r"\s[·•|]\s|\s[–—]\s")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]*([\w’'-]+)")
_WORD = re.compile(r"[\w’'-]+")

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:BST|GMT|UTC|[ECMP][SD]T))?)"
_DATELINE = re.compile(
    rf"^(?:(?:Published|Updated|Last updated|Posted|Date)\s*:?\s*(?:on\s+)?)?(?:{_WEEKDAY}\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTH}\s+\d{{4}})"
    rf"{_TIME}?\s*$",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z][\w'’.-]*"
_BYLINE_BY = re.compile(
    rf"^by\s+{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|and|&|,|de|van|von|la|le|du|da|del|bin|al-)){{0,12}}"
    r"(?:\s*[,|–—-]\s*[A-Za-z ,'’&-]{0,60})?\s*$",
    re.IGNORECASE,
)


@cache
def _lists() -> dict[str, Any]:
    data = resources.files("storyline.data").joinpath("entities_structure.json").read_text(encoding="utf-8")
    raw = json.loads(data)
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in raw.items()}


@cache
def _byline_role() -> re.Pattern[str]:
    roles = "|".join(sorted(_lists()["byline_roles"], key=len, reverse=True))
    # the name capitalised ("Outside the courthouse, Roy told reporters ..." is no byline), the role in any case
    return re.compile(
        rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}\s*[,|–—-]\s*"
        rf"(?i:(?:(?!(?:who|which|said|says|told|tells)\b)[A-Za-z'’&]+\s+){{0,4}}(?:{roles}))\b"
        rf"(?![^“”\"]*[“”\"])(?:(?!\b(?:said|says|told|tells)\b).){{0,40}}$",
    )


@cache
def _caption_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lists = _lists()
    prefixes = "|".join(sorted(lists["caption_prefixes"], key=len, reverse=True))
    credits = "|".join(re.escape(c) for c in sorted(lists["caption_credits"], key=len, reverse=True))
    prefix = re.compile(rf"^[(\[]?\s*(?:{prefixes})\s*(?::|–|—|-|\|)", re.IGNORECASE)
    piped = re.compile(rf"\|\s*(?:{credits})\b", re.IGNORECASE)
    trailing = re.compile(r"[(\[]?\s*(?:Photo|Picture|Image|Credit|Photograph)(?:\s+credit)?\s*:\s*[^.]{0,60}[)\]]?$",
                          re.IGNORECASE)
    return prefix, piped, trailing


def segment(text: str) -> tuple[list[Block], list[Sentence]]:
    """Split ``text`` into typed blocks and the sentences inside them (exact offsets)."""
    blocks = split_blocks(text)
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in _SINGLE_SENTENCE_KINDS:
            sentences.append(Sentence(block.start, block.end, index))
            continue
        for start, end in split_sentences(text, block.start, block.end):
            sentences.append(Sentence(start, end, index))
    return blocks, sentences


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as (start, end, after_blank) with surrounding whitespace trimmed."""
    lines: list[tuple[int, int, bool]] = []
    previous_end = 0
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        after_blank = not lines or text.count("\n", previous_end, start) >= 2
        lines.append((start, end, after_blank))
        previous_end = end
    return lines


def _is_special_line(line: str) -> bool:
    return bool(_MARKDOWN_HEADING.match(line) or _DATELINE.match(line) or _is_byline(line) or _is_caption(line))


def _runs(text: str) -> list[list[tuple[int, int]]]:
    runs: list[list[tuple[int, int]]] = []
    for start, end, after_blank in _lines(text):
        if after_blank or not runs:
            runs.append([])
        runs[-1].append((start, end))
    return runs


def _split_run(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a run of hard-wrapped prose; keep lines that are units of their own apart."""
    if len(run) == 1:
        return run
    lengths = [end - start for start, end in run]
    longest = max(lengths)
    if longest > _WRAP_WIDTH:
        return run
    pieces: list[tuple[int, int]] = [run[0]]
    for (start, end), _length in zip(run[1:], lengths[1:]):
        prev_start, prev_end = pieces[-1]
        prev_line_start = text.rfind("\n", prev_start, prev_end) + 1 or prev_start
        prev_line = text[max(prev_line_start, prev_start):prev_end]
        line = text[start:end]
        joined = (len(prev_line) >= 40 and len(prev_line) >= 0.6 * longest
                  and not _is_special_line(prev_line) and not _is_special_line(line)
                  and not line.lstrip().startswith(("- ", "* ", "• ")))
        pieces[-1:] = [(prev_start, end)] if joined else [pieces[-1], (start, end)]
    return pieces


def split_blocks(text: str) -> list[Block]:
    """Blocks of ``text`` with their kinds, in document order."""
    spans = [piece for run in _runs(text) for piece in _split_run(text, run)]
    blocks: list[Block] = []
    seen_paragraph = False
    for start, end in spans:
        kind = block_kind(text[start:end], first=not blocks, seen_paragraph=seen_paragraph,
                          headline_seen=any(b.kind == "headline" for b in blocks))
        blocks.append(Block(kind, start, end))
        seen_paragraph = seen_paragraph or kind == "paragraph"
    return blocks


def _is_byline(line: str) -> bool:
    """ "By Jane Doe", "Jane Doe, Political Correspondent", "Ledger · By Jane Doe · June 3, 2025"."""
    if len(line) > 150:
        return False
    parts = [p.strip() for p in _BYLINE_SEPARATORS.split(line)] if len(line) > 0 else []
    return any(_BYLINE_BY.match(p) or _byline_role().match(p) for p in parts if p)


def _is_caption(line: str) -> bool:
    if len(line) > 400:
        return False
    prefix, piped, trailing = _caption_patterns()
    if prefix.match(line):
        return True
    lower = line.lower()
    if not any(hint in lower for hint in _CAPTION_HINTS):
        return False
    if "|" in line and piped.search(line):
        return True
    return len(line) < 300 and bool(trailing.search(line))


def _is_short_unit(line: str, limit: int) -> bool:
    return len(line) <= limit and len(line.split()) <= 25 and "\n" not in line


def block_kind(line: str, first: bool = False, seen_paragraph: bool = True, headline_seen: bool = True) -> BlockKind:
    """The kind of one block, from its text and its place in the document."""
    if _MARKDOWN_HEADING.match(line):
        return "headline" if first or not (seen_paragraph or headline_seen) else "subheading"
    line = line.strip("*_ ") or line
    if _DATELINE.match(line):
        return "dateline"
    if _is_byline(line):
        return "byline"
    if _is_caption(line):
        return "caption"
    last = line.rstrip("\"”’'")[-1:] if line.rstrip("\"”’'") else ""
    opens_quote = line[:1] in "\"“‘'"
    if not seen_paragraph and not headline_seen and _is_short_unit(line, _SHORT_HEADING) and last not in ".,;:":
        return "headline"
    if (_is_short_unit(line, _SHORT_SUBHEADING) and last not in _TERMINAL and not opens_quote
            and line[:1].isupper() and len(line.split()) <= 12 and (last != "?" or len(line.split()) <= 8)):
        return "subheading"
    return "paragraph"


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (whitespace trimmed, offsets into ``text``)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, match, end):
            spans.append((cursor, match.end(2)))
            cursor = match.end()
    spans.append((cursor, end))
    trimmed = []
    for s, e in spans:
        chunk = text[s:e]
        if chunk.strip():
            s2 = s + len(chunk) - len(chunk.lstrip())
            trimmed.append((s2, s2 + len(chunk.strip())))
    return trimmed


def _next_word(text: str, position: int, end: int) -> str:
    match = _NEXT_WORD.match(text[position:min(end, position + 40)])
    return match.group(1) if match else ""


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    """Whether the punctuation in ``match`` ends a sentence."""
    punct, closer = match.group(1), match.group(2)
    following = match.end()
    if following >= end:
        return False
    nxt = text[following]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    if punct.startswith("..") or punct == "…":
        return nxt.isupper() or nxt in _OPENERS
    if "?" in punct or "!" in punct:
        return not (closer and _speech_tag_follows(text, following, end))
    if closer and closer[0] not in ")]":
        return True
    return _period_ends_sentence(text, match.start(1), following, end)


def _period_ends_sentence(text: str, period: int, following: int, end: int) -> bool:
    lists = _lists()
    word = _word_before(text, period)
    lower = word.lower()
    nxt = text[following]
    if lower in lists["titles"] or lower in lists["always_inside"] or _INITIAL.match(word):
        return False
    if lower in lists["before_number"] and nxt.isdigit():
        return False
    if lower in lists["time_abbreviations"]:
        return nxt in _OPENERS or _next_word(text, following, end).lower() not in lists["after_time"]
    if lower in lists["ambiguous"] or _DOTTED.match(word):  # a dash goes on: "HALIFAX, N.S. — The province ..."
        return (nxt in _OPENERS and nxt not in "—–-") or _next_word(text, following, end).lower() in lists["sentence_starters"]
    return bool(word) or nxt.isupper()


def _word_before(text: str, position: int) -> str:
    """The non-space run ending at ``position``, without opening quotes or brackets."""
    low = max(0, position - 40)
    space = max(text.rfind(" ", low, position), text.rfind("\n", low, position), text.rfind("\t", low, position))
    start = low if space < 0 else space + 1
    return text[start:position].lstrip(_LEADING_PUNCTUATION)


def _speech_tag_follows(text: str, position: int, end: int) -> bool:
    """`"Why now?" Ms Shah asked.` -- the question belongs to the sentence that names its speaker."""
    words = _WORD.findall(text[position:min(end, position + 60)])[:4]
    verbs = _lists()["speech_verbs"]
    return any(w.lower() in verbs for w in words[1:4]) and all(w[:1].isupper() for w in words[:1])


_SECOND = itemgetter(1)


def gapped_matches(pattern: re.Pattern[str], text: str, start: int, stop: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each word a ``(gap)(word)`` pattern finds, without a Python-level loop.

    ``pattern`` must have two groups, the characters between words and a word, and every character
    must belong to one or the other (as in ``(\\s*)(\\S+)``), so the groups' lengths give the offsets.
    End ``stop`` at the last word: a long gap after it would be searched in quadratic time.
    """
    pairs = pattern.findall(text, start, stop)
    bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=start))
    return zip(islice(bounds, 1, None, 2), islice(bounds, 2, None, 2), map(_SECOND, pairs))
