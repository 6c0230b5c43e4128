"""Rich renderings of the corrections log and of one correction just made."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from storyline.corrections import Correction
from storyline.render.printable import printable

__all__ = ["correction_line", "corrections_table"]

STYLES = {"applied": "green", "orphaned": "yellow", "undone": "dim"}


def correction_line(c: Correction) -> Text:
    """``#3 applied  merge 'Dan Okafor' into 'Daniel Okafor'  (merged P1 into P2)``."""
    line = Text(f"#{c.id} ")
    line.append(c.status, style=STYLES.get(c.status, ""))
    line.append(printable(f"  {c.description}"))
    if c.detail:
        line.append(printable(f"  ({c.detail})"), style="dim")
    return line


def corrections_table(rows: list[Correction]) -> Table:
    table = Table(title=f"{len(rows)} correction{'' if len(rows) == 1 else 's'}")
    for name, kw in (("#", {"justify": "right"}), ("when", {"no_wrap": True}), ("who", {}),
                     ("correction", {"ratio": 1}), ("status", {}), ("note", {"max_width": 30})):
        table.add_column(name, **kw)  # type: ignore[arg-type]
    for c in rows:
        status = Text(c.status, style=STYLES.get(c.status, ""))
        if c.status == "orphaned" and c.detail:
            status.append(printable(f": {c.detail}"))
        table.add_row(str(c.id), c.created_at[:16].replace("T", " "), Text(printable(c.who)),
                      Text(printable(c.description)), status, Text(printable(c.note or "")))
    return table
