"""Key-date timelines written out: JSON (the documented shape), CSV (one row per sentence), TimelineJS3.

    {"timeline": [{"date": "2011-02-11", "inferred": false, "words": "11 February 2011", "anchor": null,
                   "documents": 40, "sources": 3,
                   "sentences": [{"text": "...", "document": "3fa2...", "start": 120, "end": 233}]}]}

Dates are TIMEX3 values in ascending order: a day, or a coarser period ("2011-02", "2011") when that is
all the sources say; ``words`` reads them for people (:func:`storyline.timex3.words`). Every sentence
keeps its source span: ``documents[document].text[start:end]`` in the export.
"""

from __future__ import annotations

import csv
import html
import json
from typing import Any, TextIO

from storyline import timex3
from storyline.export import spreadsheet_safe
from storyline.link.keydates import KeyDate
from storyline.render.links import safe_href

__all__ = ["FORMATS", "timeline_json", "timelinejs", "write_timeline"]

FORMATS = ("table", "json", "csv", "timelinejs")


def timeline_json(dates: list[KeyDate]) -> dict[str, Any]:
    """The documented JSON object of a key-date timeline."""
    return {"timeline": [
        {"date": k.date, "inferred": k.inferred, "words": timex3.words(k.date, anchor=k.anchor),
         "anchor": k.anchor, "documents": k.documents, "sources": k.sources,
         "sentences": [{"text": s.text, "document": s.document, "start": s.start, "end": s.end} for s in k.sentences]}
        for k in dates
    ]}


def _start_date(value: str) -> dict[str, Any] | None:
    parsed = timex3.parse(value)
    span = timex3.interval(value)
    if parsed is None or span is None:
        return None
    out: dict[str, Any] = {"year": span[0].year}
    if parsed.precision in ("day", "time", "week", "month"):
        out["month"] = span[0].month
    if parsed.precision in ("day", "time"):
        out["day"] = span[0].day
    out["display_date"] = timex3.words(value)
    return out


def timelinejs(dates: list[KeyDate], title: str) -> dict[str, Any]:
    """A TimelineJS3 JSON file: one slide per date (sentences as text, sources as credit). Dates that
    cannot be placed on a calendar (a year unknown) are left out: TimelineJS needs a year. TimelineJS renders
    text, headline and credit as HTML, so each is escaped, and only an http(s) URL becomes a slide's media."""
    events = []
    for k in dates:
        start = _start_date(k.date)
        if start is None:
            continue
        sources = sorted({s.source or s.document for s in k.sentences})
        body = "".join(f"<p>{html.escape(s.text)}</p>" for s in k.sentences)
        slide: dict[str, Any] = {
            "start_date": start,
            "unique_id": k.date,
            "text": {"headline": timex3.words(k.date, inferred=k.inferred, anchor=k.anchor), "text": body},
        }
        url = next((safe_href(s.url) for s in k.sentences if safe_href(s.url)), None)  # never javascript: ...
        if url:
            slide["media"] = {"url": url, "credit": html.escape(", ".join(sources))}  # TimelineJS shows it as HTML
        elif sources:
            slide["text"]["text"] += f"<p><small>Source: {html.escape(', '.join(sources))}</small></p>"
        events.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}


def write_timeline(dates: list[KeyDate], fmt: str, out: TextIO, title: str = "Key dates") -> None:
    """Write a key-date timeline as json, csv or timelinejs."""
    if fmt == "json":
        json.dump(timeline_json(dates), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "timelinejs":
        json.dump(timelinejs(dates, title), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(["date", "words", "inferred", "document", "start", "end", "text"])
        for k in dates:
            for s in k.sentences:
                writer.writerow([k.date, timex3.words(k.date, anchor=k.anchor), k.inferred, s.document, s.start,
                                 s.end, spreadsheet_safe(s.text)])
    else:
        raise ValueError(f"unknown timeline format {fmt!r}; choose one of json, csv, timelinejs (or table)")
