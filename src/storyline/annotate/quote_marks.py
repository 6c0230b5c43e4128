"""Quotation marks: pairing them into quote spans, paragraph by paragraph.

Curly and straight, double and single marks.  A document whose quotes open mostly
with single marks (British style) is read with ‘…’ as the main mark; apostrophes
(don't, Shah’s, 1990s’, the teachers’ union) are told apart from closing marks by
context.  A quote that a paragraph opens without closing is closed at the end of its
paragraph, so one unmatched mark never spoils the rest of the document; when the next
paragraph re-opens it, the quote runs on over paragraphs and each paragraph is its own
span (as GGT annotates them), the later ones marked ``continues``.
Headlines and subheadings are scanned on their own (outlets often use single marks there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.model import Block

__all__ = ["BODY_KINDS", "CLOSING_MARKS", "HEADING_KINDS", "OPENING_MARKS", "SCARE_MAX_WORDS", "WORD_RE", "DirectSpan", "find_direct_spans"]

# '' is the New York Times' straight double mark; one character per branch, so the search skips to them
DOUBLE_RE = re.compile(r"''(?!')|“|”|„|\"|«|»")
SINGLE_RE = re.compile(r"[‘’']")
CURLY_SINGLE_RE = re.compile(r"[‘’]")
OPENERS = "“„«‘"
CLOSERS = "”»’"
CLOSING_MARKS = frozenset(CLOSERS + "\"'")  # a character that may close a quote, curly or straight
OPENING_MARKS = frozenset(OPENERS + "\"'")  # a character that may open one
OPEN_CONTEXT = "([{—–-/ \t\n\r"
SCARE_MAX_WORDS = 3  # unattributed quotes this short are scare quotes or titles
BODY_KINDS = ("paragraph",)
HEADING_KINDS = ("headline", "subheading")
WORD_RE = re.compile(r"[\w’'-]+")
PARAGRAPH_QUOTE_MIN_WORDS = 8  # a paragraph quoted in straight single marks, alone: shorter is a heading
STRAIGHT_PARAGRAPH_OPENER_RE = re.compile(r"\s*'[A-Z]")
SINGLE_OPENER_RE = re.compile(r"'(?<!\S')\w")  # (?:^|\s)'\w, opening with the mark so the search skips to it
SENTENCE_OPENER_RE = re.compile(r"(?:^|(?<=:\s))(‘|“|\"|'(?=[A-Z])|''(?!'))", re.MULTILINE)
# its marks alone, opening with a mark so the search skips to one (where each may open a sentence is tested after)
OPENER_MARK_RE = re.compile(r"‘|“|\"|'(?=[A-Z])|''(?!')")


@dataclass
class DirectSpan:
    """Quotation marks found in the text: ``open``/``close`` are mark positions (close may be None)."""

    open: int
    content_start: int
    content_end: int
    close: int | None
    paragraph: int
    continues: bool = False  # this paragraph carries on the quote of the previous paragraph
    close_end: int | None = None  # just after the closing mark (marks may be two characters: '')
    # a short quote on display (a headline's, a cross-heading in ‘…’ alone in its paragraph): a quote only if the
    # text repeats it (see quotes.py), else a phrase
    display: bool = False

    def __post_init__(self) -> None:
        if self.close is not None and self.close_end is None:
            self.close_end = self.close + 1



def _body(text: str, blocks: list[Block]) -> str:
    """The body paragraphs' text, joined by line breaks (what the mark counts below look at)."""
    return "\n".join(text[b.start : b.end] for b in blocks if b.kind in BODY_KINDS)


def _opening_marks(body: str) -> tuple[int, int]:
    """(single, double) quotes opened in the body, roughly counted."""
    doubles = body.count("“") + body.count('"') // 2 + body.count("''") // 2
    singles = body.count("‘") + len(SINGLE_OPENER_RE.findall(body))
    return singles, doubles


def _sentence_openers(body: str) -> tuple[int, int]:
    """(single, double) marks opening a paragraph or following a colon: whole sentences quoted.  A document may
    quote sentences with '…' and phrases with "…" ("said the council had 'welcomed the community's passion'" the
    other way round): the sentences tell its style."""
    found = [m.group(0) for m in OPENER_MARK_RE.finditer(body) if _opens_line_or_follows_colon(body, m.start())]
    singles = sum(1 for mark in found if mark in "‘'")
    return singles, len(found) - singles


def _opens_line_or_follows_colon(text: str, pos: int) -> bool:
    r"""Where ``SENTENCE_OPENER_RE`` may match: a line's start or after a colon and a space (as
    ``(?:^|(?<=:\s))`` with ``re.MULTILINE``). Its marks are found on their own first: a mark found where none
    may open hides no opener, since a mark is no line break and no space."""
    return pos == 0 or text[pos - 1] == "\n" or (pos >= 2 and text[pos - 2] == ":" and text[pos - 1].isspace())


def _mark_len(text: str, pos: int) -> int:
    return 2 if text.startswith("''", pos) and not text.startswith("'''", pos) else 1


def _mark_role(text: str, pos: int, single: bool) -> str:
    ch = text[pos]
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + _mark_len(text, pos)
    nxt = text[after] if after < len(text) else " "
    if single:
        return _single_role(text, pos, ch, prev, nxt)
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    if prev in OPEN_CONTEXT:
        return "either" if nxt.isspace() else "open"
    return "close"


def _single_role(text: str, pos: int, ch: str, prev: str, nxt: str) -> str:
    if prev.isalnum() and nxt.isalnum():
        return "none"  # don't, Shah’s
    if prev in OPEN_CONTEXT or ch == "‘":
        return "open" if (nxt.isalpha() or nxt in "“\"") else "none"  # ’90s, ’em stay apostrophes
    if nxt.isalpha():
        return "none"
    after = text[pos + 2] if pos + 2 < len(text) else ""
    if prev in "sS" and nxt == " " and after.islower():
        return "none"  # the teachers’ union
    return "close"


def _block_starts_with_opener(text: str, block: Block, single: bool) -> int | None:
    stripped = len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip())
    pos = block.start + stripped
    marks = OPENERS + ("'" if single else '"')
    if pos < block.end and text[pos] in marks and _mark_role(text, pos, single) in ("open", "either"):
        return pos
    return None


def find_direct_spans(text: str, blocks: list[Block]) -> list[DirectSpan]:
    """Pair quotation marks paragraph by paragraph; a quote running over paragraphs gives one span each."""
    body = _body(text, blocks)
    singles, doubles = _opening_marks(body)
    sentence_singles, sentence_doubles = _sentence_openers(body)
    # British style: quotes open mostly with single marks, or whole sentences do
    single = singles > 0 and (singles > 1.5 * doubles or sentence_singles > max(1, 2 * sentence_doubles))
    mixed = single or 2 * singles >= doubles  # both kinds open quotes of their own, not one nested in the other
    mark_re = SINGLE_RE if single else DOUBLE_RE
    spans: list[DirectSpan] = []
    pending: DirectSpan | None = None
    for index, block in enumerate(blocks):
        if block.kind not in BODY_KINDS:
            pending = None
            if block.kind in HEADING_KINDS:
                spans.extend(_heading_spans(text, block, index))
            continue
        continues = pending is not None and _block_starts_with_opener(text, block, single) is not None
        if pending is not None:  # unclosed quote: it ends with its paragraph
            _close_at(text, pending, blocks[pending.paragraph].end, spans, keep_short=continues or pending.continues)
        first = len(spans)
        pending = _pair_marks(text, block, index, mark_re, single, continues, spans)
        # "‘We expect her back by Friday,’ Mr Ramsay said.": a paragraph opening with a curly single mark is quoted
        # with them, however few the document's single-marked quotes
        own_quotes = mixed or text[block.start : block.end].lstrip()[:1] == "‘"
        if own_quotes or STRAIGHT_PARAGRAPH_OPENER_RE.match(text, block.start, block.end):
            spans.extend(_others_outside(text, block, index, spans[first:], pending, single, own_quotes))
        elif not single and len(spans) == first and pending is None:
            spans.extend(_cross_heading(text, block, index))
    if pending is not None:
        _close_at(text, pending, pending.content_end, spans, keep_short=pending.continues)
    if not single:
        for span in spans:
            span.display = span.display or _cross_heading_span(text, blocks[span.paragraph], span)
    spans.sort(key=lambda s: s.open)
    return spans


def _others_outside(text: str, block: Block, index: int, mains: list[DirectSpan], pending: DirectSpan | None,
                    single: bool, own_quotes: bool) -> list[DirectSpan]:
    """Closed pairs of the other marks in a paragraph that no quote in the document's main marks holds (one
    left open holds the rest of its paragraph): a quote of their own, not a nested one.  A document quoting
    with ‘…’ may quote a paragraph with “…”; one quoting with “…” may quote whole sentences with curly ‘…’
    (and partial quotes with “…”).  Straight single marks are too often apostrophes to be read this way, unless
    one opens the paragraph before a capital ("'We are not against houses,' she said."): a paragraph quoted.
    ``own_quotes``: the other marks open quotes of their own in this paragraph (the document uses both kinds, or
    the paragraph opens with ‘)."""
    straight = not single and STRAIGHT_PARAGRAPH_OPENER_RE.match(text, block.start, block.end) is not None
    if not single and not straight and (not own_quotes or "‘" not in text[block.start : block.end]):
        return []
    held = [(s.open, s.close_end or block.end) for s in mains]
    if pending is not None:
        held.append((pending.open, block.end))
    found: list[DirectSpan] = []
    others = DOUBLE_RE if single else SINGLE_RE if straight else CURLY_SINGLE_RE
    left_open = _pair_marks(text, block, index, others, not single, False, found)
    if straight and left_open is not None and STRAIGHT_PARAGRAPH_OPENER_RE.match(text, block.end):
        _close_at(text, left_open, block.end, found)  # "'… in the wrong place.\n\n'Every one …": it goes on
    return [d for d in found if not any(lo <= d.open < hi for lo, hi in held)
            and (single or _opens_sentence_quote(text, block, index, d))
            and not (straight and _short_paragraph_quote(text, block, d))]


CROSS_HEADING_RE = re.compile(r"\s*‘([^‘’\n]{2,80})’\s*$")


def _cross_heading(text: str, block: Block, index: int) -> list[DirectSpan]:
    """A paragraph that is one phrase in curly single marks, in a document quoting with double marks ("‘It came
    over the ridge’"): a cross-heading quoting someone, on display."""
    found = CROSS_HEADING_RE.match(text, block.start, block.end)
    if found is None:
        return []
    open_at = found.start(1) - 1
    return [DirectSpan(open_at, found.start(1), found.end(1), found.end(1), index, close_end=found.end(),
                       display=True)]


def _cross_heading_span(text: str, block: Block, span: DirectSpan) -> bool:
    """A short phrase in curly single marks that is its whole paragraph, in a document quoting with double marks."""
    return block.kind in BODY_KINDS and text[span.open] == "‘" and _short_paragraph_quote(text, block, span)


def _short_paragraph_quote(text: str, block: Block, span: DirectSpan) -> bool:
    """A short phrase in straight single marks that is its whole paragraph: a section heading quoting someone
    ("'There's so much anger.'"), not a quote of its own."""
    return not text[block.start : span.open].strip() and not text[span.close_end or block.end : block.end].strip() \
        and len(WORD_RE.findall(text, span.content_start, span.content_end)) < PARAGRAPH_QUOTE_MIN_WORDS


def _opens_sentence_quote(text: str, block: Block, index: int, span: DirectSpan) -> bool:
    """A curly single-marked quote in a double-marked document counts when it opens its paragraph or a sentence,
    or follows a colon ("said: ‘…’"), and is no title ("‘Bad Angels Of Our Nature’" in a headline-like first line); after a
    comma (", ‘What do you mean?’ They said, ‘Well …’") it is too often nested in a quote the marks lost."""
    before = text[block.start : span.open].rstrip()
    return index > 0 and (not before or before.endswith((":", ".", "?", "!"))) and \
        not _title_case(text[span.content_start : span.content_end])


def _title_case(words: str) -> bool:
    """"Bad Angels Of Our Nature": a title quoted in a headline-like line, not someone's sentence."""
    found = WORD_RE.findall(words)
    return len(found) >= 2 and sum(w[:1].isupper() for w in found) >= 0.75 * len(found)


def _pair_marks(
    text: str, block: Block, index: int, mark_re: re.Pattern[str], single: bool, continues: bool,
    spans: list[DirectSpan],
) -> DirectSpan | None:
    """Closed quotes of one paragraph go to ``spans``; a quote left open is returned."""
    open_at: int | None = None
    for match in mark_re.finditer(text, block.start, block.end):
        pos = match.start()
        role = _mark_role(text, pos, single)
        if open_at is None and role in ("open", "either"):
            open_at = pos
        elif open_at is not None and role in ("close", "either"):
            spans.append(DirectSpan(open_at, open_at + _mark_len(text, open_at), pos, pos, index, continues,
                                    close_end=match.end()))
            open_at, continues = None, False
        elif open_at is not None and role == "open":
            open_at, continues = pos, False  # a stray opener: start again here
    if open_at is None:
        return None
    return DirectSpan(open_at, open_at + _mark_len(text, open_at), block.end, None, index, continues)


def _heading_spans(text: str, block: Block, index: int) -> list[DirectSpan]:
    """Quotes in a headline or subheading (outlets often use single marks there); never attributed."""
    single = DOUBLE_RE.search(text, block.start, block.end) is None
    mark_re = SINGLE_RE if single else DOUBLE_RE
    out: list[DirectSpan] = []
    open_at: int | None = None
    for match in mark_re.finditer(text, block.start, block.end):
        role = _mark_role(text, match.start(), single)
        if open_at is None and role in ("open", "either"):
            open_at = match.start()
        elif open_at is not None and role in ("close", "either"):
            span = DirectSpan(open_at, open_at + _mark_len(text, open_at), match.start(), match.start(), index,
                              close_end=match.end())
            if len(WORD_RE.findall(text, span.content_start, span.content_end)) <= SCARE_MAX_WORDS:
                span.display = True
            out.append(span)
            open_at = None
    return out


def _close_at(text: str, span: DirectSpan, end: int, out: list[DirectSpan], keep_short: bool = False) -> None:
    """An unclosed quote ends at ``end`` (its paragraph end); short ones are kept only inside a long quote."""
    content = text[span.content_start : end]
    span.content_end = span.content_start + len(content.rstrip())
    words = len(WORD_RE.findall(content))
    if words > SCARE_MAX_WORDS or (keep_short and words > 0):
        out.append(span)
