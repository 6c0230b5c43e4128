"""Each correction in one line, in the reporter's words (pure: the log, the export and the web pages use it)."""

from __future__ import annotations

from storyline.corrections.model import Correction

__all__ = ["describe"]


def _quoted(text: str | None, width: int = 60) -> str:
    words = " ".join((text or "").split())
    return "“" + (words if len(words) <= width else words[: width - 1] + "…") + "”"


def describe(c: Correction) -> str:
    """One line saying what a correction does, in the reporter's words."""
    a, v = c.anchor, c.value or {}
    span = f"({a.get('document', '')[:10]} {a.get('start')}-{a.get('end')})"
    if c.kind == "merge":
        return f"merge {a['a']['name']!r} into {a['b']['name']!r}"
    if c.kind == "split":
        where = f"mention {a['mention'][0]}-{a['mention'][1]}" if a.get("mention") else f"{a['name']!r}"
        into = f"into {v['into']['name']!r}" if v.get("into") else "into an identity of its own"
        return f"split {where} of {a['document'][:10]} from {a['identity']['name']!r} ({a['identity']['id']}) {into}"
    if c.kind == "rename":
        return f"rename {a['name']!r} to {v['name']!r}"
    if c.kind == "type":
        return f"{a['name']!r} is a{'n' if v['type'][0] in 'aeiou' else ''} {v['type']}"
    if c.kind == "reject" and c.target == "entity":
        return f"{a['name']!r} is not a{'n' if a['type'][0] in 'aeiou' else ''} {a['type']}"
    if c.kind == "reject":
        return f"reject {c.target} {_quoted(a.get('text'))} {span}"
    if c.kind == "speaker":
        who = f"said by {v['speaker']['name']!r}" if v.get("speaker") else "has no known speaker"
        return f"quote {_quoted(a.get('text'))} {span} {who}"
    if c.kind == "date":
        return f"event {_quoted(a.get('text'))} {span} dated {v['date']} ({v['precision']})"
    if c.kind == "story":
        where = "a new story" if v.get("new") else f"story {v['story']['title']!r}"
        return f"move document {a['document'][:10]} ({a.get('title') or 'untitled'}) to {where}"
    if c.kind == "storyline-join":
        return f"one storyline for {a['a']['title']!r} and {a['b']['title']!r}"
    return f"take {a['story']['title']!r} out of its storyline"
