"""Quoted earlier messages inside an email body: ``>`` lines with their "On ..., X wrote:" line,
and everything below an Outlook "Original Message" or a forward separator.

Pure functions over text; patterns live in ``data/ingest_email.json``.

    >>> split_quoted("Agreed.\\n\\nOn 3 May, Jo wrote:\\n> We must act.")
    [('Agreed.', False), ('On 3 May, Jo wrote:\\nWe must act.', True)]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["split_quoted", "unflow"]

_MARKERS = re.compile(r"^(?:[ \t]*>)+[ \t]?")


@dataclass(frozen=True)
class QuotePatterns:
    attribution: tuple[re.Pattern[str], ...]
    attribution_start: re.Pattern[str]
    quote_marker: re.Pattern[str]
    separators: tuple[re.Pattern[str], ...]
    outlook_rule: re.Pattern[str]
    outlook_header: re.Pattern[str]
    outlook_header_next: re.Pattern[str]


@lru_cache(maxsize=1)
def quote_patterns() -> QuotePatterns:
    raw = json.loads(resources.files("storyline.data").joinpath("ingest_email.json").read_text("utf-8"))

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    return QuotePatterns(
        attribution=tuple(compile_(p) for p in raw["attribution"]),
        attribution_start=compile_(raw["attribution_start"]),
        quote_marker=compile_(raw["quote_marker"]),
        separators=tuple(compile_(p) for p in raw["separators"]),
        outlook_rule=compile_(raw["outlook_rule"]),
        outlook_header=compile_(raw["outlook_header"]),
        outlook_header_next=compile_(raw["outlook_header_next"]),
    )


def unflow(text: str, delsp: bool = False) -> str:
    """Undo ``format=flowed`` soft line breaks (RFC 3676): a line ending in a space continues on the next."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1].endswith(" ") and out[-1] != "-- ":
            out[-1] = (out[-1][:-1] if delsp else out[-1]) + line
        else:
            out.append(line)
    return "\n".join(out)


def _quoted_tail_start(lines: list[str], p: QuotePatterns) -> int | None:
    """Index of the line where an Outlook-style quoted message (to the end of the body) begins."""
    for i, line in enumerate(lines):
        stripped = line.strip()
        if any(s.match(stripped) for s in p.separators):
            return i
        following = [x.strip() for x in lines[i + 1 : i + 4]]
        if i > 0 and p.outlook_rule.match(stripped) and any(p.outlook_header.match(x) for x in following):
            return i
        if i > 0 and p.outlook_header.match(stripped) and any(p.outlook_header_next.match(x) for x in following):
            return i
    return None


def _attribution_lines(lines: list[str], quoted: list[bool], p: QuotePatterns) -> None:
    """Mark the "On <date>, <name> wrote:" line (one or two lines) just above each quoted run."""
    for i in range(1, len(lines)):
        if not quoted[i] or quoted[i - 1] and lines[i - 1].strip():
            continue
        j = i - 1
        while j >= 0 and not lines[j].strip() and not quoted[j]:
            j -= 1
        if j < 0 or quoted[j]:
            continue
        one = lines[j].strip()
        two = f"{lines[j - 1].strip()} {one}" if j > 0 else ""
        if any(a.match(one) for a in p.attribution):
            quoted[j] = True
        elif two and p.attribution_start.match(two) and any(a.match(two) for a in p.attribution):
            quoted[j - 1] = quoted[j] = True


def _segments(lines: list[str], quoted: list[bool]) -> list[tuple[str, bool]]:
    """Consecutive lines of one kind joined; blank lines go with the run they sit in."""
    out: list[tuple[list[str], bool]] = []
    for line, is_quoted in zip(lines, quoted):
        kind = is_quoted if line.strip() or not out else out[-1][1]
        if out and out[-1][1] == kind:
            out[-1][0].append(line)
        else:
            out.append(([line], kind))
    return [("\n".join(chunk).strip(), kind) for chunk, kind in out if "".join(chunk).strip()]


def split_quoted(body: str) -> list[tuple[str, bool]]:
    """The body as (text, is_quoted) segments in order; quote markers (``>``) are removed from quoted lines."""
    p = quote_patterns()
    lines = body.split("\n")
    tail = _quoted_tail_start(lines, p)
    quoted = [bool(p.quote_marker.match(line)) or (tail is not None and i >= tail) for i, line in enumerate(lines)]
    _attribution_lines(lines, quoted, p)
    cleaned = [_MARKERS.sub("", line) if q else line for line, q in zip(lines, quoted)]
    return _segments(cleaned, quoted)
