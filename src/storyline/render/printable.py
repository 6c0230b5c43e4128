"""Text from documents and file names made safe to print on a terminal: control characters become visible escapes.

A file name or page may carry ESC or OSC sequences (``\\x1b]8;;…`` links, cursor moves, window titles) or bidi
overrides that make printed text lie; printed raw they act on the reader's terminal. Backslashes stay as they
are, so escaping twice changes nothing.
"""

from __future__ import annotations

import re

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates, line separators.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character escaped (``\\x1b``, ``\\n``, ``\\u202e``), except those in ``keep``."""
    if keep:
        return _UNPRINTABLE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return _UNPRINTABLE.sub(_escape, text)
