"""A key-date timeline as a terminal table: the date in words (inferred ones say so), its sentences and sources."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from storyline import timex3
from storyline.link.keydates import KeyDate
from storyline.render.printable import printable


def key_dates_table(dates: list[KeyDate]) -> Table:
    table = Table(title=f"{len(dates)} dates", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("what happened")
    table.add_column("source", no_wrap=True)
    for k in dates:
        when = Text(timex3.words(k.date, inferred=k.inferred, anchor=k.anchor))
        if k.documents > 1:
            when.append(f"\n{k.documents} documents, {k.sources} source{'s' if k.sources != 1 else ''}", style="dim")
        # The sentences are the documents' own words: never read as rich markup, control characters escaped.
        text = Text("\n".join(printable(s.text) for s in k.sentences))
        sources = "\n".join(f"{s.document[:8]} {s.start}-{s.end}" for s in k.sentences)
        table.add_row(when, text, sources)
    return table
