"""What changed between two versions, for the terminal."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from storyline.render.printable import printable
from storyline.versions import FactChange, Span, VersionDiff

__all__ = ["version_diff"]

MARKS = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}


def _where(span: Span | None) -> str:
    return f"{span.document[:10]} {span.start}-{span.end}" if span else "—"


def _line(c: FactChange) -> Text:
    mark, style = MARKS.get(c.change, ("·", ""))
    line = Text(f"  {mark} ", style=style)
    line.append(printable(c.description))
    line.append(f"  [{_where(c.before)} → {_where(c.after)}]", style="dim")
    return line


def version_diff(d: VersionDiff) -> Group:
    """The changes, grouped by kind of fact, each with where it is in both documents."""
    link = f" ({d.link}, similarity {d.similarity:.2f})" if d.link and d.similarity is not None else ""
    parts: list[Text] = [Text(f"{d.a} → {d.b}{link}: {d.summary}", style="bold")]
    parts += [_line(c) for c in d.changes]
    return Group(*parts)
