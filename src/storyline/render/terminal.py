"""Rich renderings of store rows and views for the terminal. No data access here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storyline.api import LinkSummary
from storyline.render.dates import describe_timex
from storyline.ingest.batch import IngestReport
from storyline.model import Annotations, Document
from storyline.render.printable import printable
from storyline.store import DocumentSummary, ErrorRecord, SearchHit
from storyline.views import Dossier, distinct_roles, index_by_id

Record = dict[str, Any]


def _clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _plain(text: str | None, width: int | None = None) -> Text:
    """A cell of untrusted text (file names, titles): control characters escaped, never read as rich markup."""
    shown = printable(text or "")
    return Text(_clip(shown, width) if width else shown)


def plural(n: int, one: str, many: str | None = None) -> str:
    """``"1 story"``, ``"2 stories"``: a count with its noun in the right number."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def ingest_summary(report: IngestReport) -> Text:
    parts = [f"added {plural(len(report.added), 'document')}"]
    if report.already_present:
        parts.append(f"{report.already_present} already present")
    if report.enriched:
        parts.append(f"{len(report.enriched)} completed with metadata from another copy")
    if report.versions:
        parts.append(f"{plural(report.versions, 'new version')} of earlier URLs")
    problems = plural(len(report.problems), "problem")
    parts.append(problems + (" (see `storyline errors`)" if report.problems else ""))
    return Text(", ".join(parts))


def link_summary(summary: LinkSummary) -> Text:
    return Text(
        f"linked {summary.documents} documents ({summary.new_documents} new): {summary.stories} stories, "
        f"{summary.storylines} storylines, {summary.entities} entities, {summary.reuse} copied passages, "
        f"{summary.discrepancies} discrepancies"
    )


def documents_table(rows: list[DocumentSummary]) -> Table:
    table = Table(title=f"{len(rows)} documents")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=40)
    table.add_column("title", ratio=1)
    for r in rows:
        flag = " (dup)" if r.duplicate_of else (" (version)" if r.version_of else "")
        table.add_row(r.id[:10], r.published or "—", _plain(r.source, 40), _plain(_clip(r.title, 60) + flag))
    return table


def document_view(doc: Document, ann: Annotations | None) -> Group:
    meta = Table.grid(padding=(0, 2))
    for label, value in (("id", doc.id), ("title", doc.title), ("source", doc.source), ("url", doc.url),
                         ("published", _published(doc)), ("author", doc.author), ("site", doc.site_name),
                         ("format", doc.format), ("version of", doc.version_of), ("duplicate of", doc.duplicate_of)):
        if value:
            meta.add_row(Text(label, style="bold"), _plain(str(value)))
    parts: list[Any] = [meta, Panel(Text(printable(doc.text, keep="\n\t")), title="text")]
    if ann is not None:
        parts.append(Text(f"{len(ann.entities)} entities, {len(ann.quotes)} quotes, {len(ann.events)} events, "
                          f"{len(ann.claims)} claims"))
        for q in ann.quotes:
            who = q.speaker_name or "(unattributed)"
            parts.append(Text(printable(f"  [{q.start}:{q.end}] {who}: “{_clip(q.text, 90)}”")))
    return Group(*parts)


def _published(doc: Document) -> str | None:
    if not doc.published:
        return None
    return doc.published + (" (inferred from the text)" if doc.published_inferred else "")


def search_results(hits: list[SearchHit]) -> Table:
    table = Table("id", "title", "snippet", title=f"{len(hits)} results")
    for h in hits:
        snippet = Text()
        for i, part in enumerate(h.snippet.replace("\x03", "\x02").split("\x02")):
            snippet.append(part, style="bold yellow" if i % 2 else "")
        table.add_row(h.doc_id[:10], _clip(h.title, 40), snippet)
    return table


def errors_table(rows: list[ErrorRecord]) -> Table:
    """Each failed source once: when it last failed, why, how often, and what to do."""
    table = Table("last failed", "source", "reason", "failures", "what to do",
                  title=f"{plural(len(rows), 'source')} failed to ingest")
    for r in rows:
        table.add_row(r.created_at, _plain(r.source, 50), r.reason, str(r.failures), _plain(r.message))
    return table


def people_table(rows: list[Record], kind: str = "person", total: int | None = None) -> Table:
    noun = {"person": "people", "organisation": "organisations", "place": "places"}.get(kind, kind)
    shown = f"{len(rows)} {noun}" if total in (None, len(rows)) else f"{len(rows)} of {total} {noun} (see --limit)"
    table = Table("id", "name", "roles", "quotes", "aliases", title=shown)
    for r in rows:
        table.add_row(r["id"][:14], r["name"], _clip("; ".join(r["role_names"]), 60), str(r["quotes"]),
                      _clip(", ".join(r.get("aliases", [])), 40))
    return table


def quotes_table(rows: list[Record], total: int | None = None) -> Table:
    shown = f"{len(rows)} quotes" if total in (None, len(rows)) else f"{len(rows)} of {total} quotes (see --limit)"
    table = Table(title=shown)
    table.add_column("date", no_wrap=True)
    table.add_column("speaker", max_width=24)
    table.add_column("quote", ratio=1)
    table.add_column("source", no_wrap=True)
    for q in rows:
        speaker = q.get("speaker_name") or "(unattributed)"
        table.add_row(q.get("published") or "—", speaker, _clip(q["text"], 90), _source(q))
    return table


def timeline_table(rows: list[Record], titles: dict[str, str] | None = None) -> Table:
    """Events with their date in words (TIMEX3 value beside it) and where they come from."""
    titles = titles or {}
    table = Table(title=f"{len(rows)} events")
    table.add_column("date", no_wrap=True)
    table.add_column("event", ratio=1)
    table.add_column("source", max_width=36)
    for e in rows:
        date = describe_timex(e["date"]) + (" (inferred)" if e.get("inferred") else "")
        source = _clip(titles.get(e["document"]), 30) or e["document"][:10]
        table.add_row(date, _clip(e["text"], 100), f"{source} @{e['start']}")
    return table


def _source(record: Record) -> str:
    title = _clip(record.get("title"), 30)
    return f"{title} @{record['start']}" if title else f"{record['document'][:10]}:{record['start']}"


def claims_table(rows: list[Record], data: Record) -> Table:
    names = {e["id"]: e["name"] for e in data["entities"]}
    texts = {d["id"]: d["text"] for d in data["documents"]}
    table = Table("kind", "who", "against", "what", "source", title=f"{len(rows)} claims")
    for c in rows:
        content = c.get("content") or {"start": c["start"], "end": c["end"]}
        what = texts.get(c["document"], "")[content["start"] : content["end"]]
        who = c.get("claimant_name") or names.get(c.get("claimant") or "", "?")
        against = c.get("target_name") or names.get(c.get("target") or "", "")
        table.add_row(c["kind"], who, against, _clip(what, 80), f"{c['document'][:10]}:{c['start']}")
    return table


def stories_table(rows: list[Record], data: Record) -> Table:
    lines = {sid: _clip(sl.get("title") or sl["id"], 24) for sl in data["storylines"] for sid in sl["stories"]}
    table = Table(title=f"{len(rows)} stories")
    table.add_column("id", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    table.add_column("docs", justify="right")
    table.add_column("storyline", no_wrap=True, max_width=18)
    table.add_column("title", ratio=1)
    for s in rows:
        first, last = s.get("first_date") or "?", s.get("last_date") or "?"
        dates = first if first == last else f"{first} – {last}"
        table.add_row(s["id"], dates, str(s["size"]), lines.get(s["id"], ""), _clip(s["title"], 70))
    return table


def print_dossier(console: Console, d: Dossier, data: Record) -> None:
    """The story dossier, section by section."""
    s = d.story
    console.rule(f"[bold]{s['title']}[/bold]")
    console.print(f"{s['id']}  {s.get('first_date') or '?'} – {s.get('last_date') or '?'}  "
                  f"{len(d.documents)} sources" + (f"  storyline {d.storyline['id']}" if d.storyline else ""))
    sources = Table("date", "title", "source", title="Sources")
    for doc in d.documents:
        where = doc.get("url") or Path(doc["source"].split("#")[0]).name + _record_suffix(doc["source"])
        sources.add_row(doc.get("published") or "—", _clip(doc.get("title"), 60), _clip(where, 50))
    console.print(sources)
    whos = Table("name", "roles", title="Who's who")
    for e in d.people + d.organisations:
        whos.add_row(e["name"], _clip("; ".join(distinct_roles(e.get("roles", []))), 80))
    console.print(whos)
    console.print(timeline_table(d.timeline, {doc["id"]: doc.get("title") or doc["source"] for doc in d.documents}))
    for speaker, qs in d.quotes_by_speaker.items():
        console.print(Text(f"{speaker} ({len(qs)})", style="bold"))
        for q in qs:
            console.print(Text(f"   “{_clip(q['text'], 110)}”  [{q['document'][:8]}:{q['start']}]"))
    if d.claims:
        console.print(claims_table(d.claims, data))
    _print_reuse(console, d.reuse, data)
    for disc in d.discrepancies:
        console.print(Text(f"discrepancy ({disc['kind']}): {disc['description']}", style="red"))


EVIDENCE_LABELS = {"person": "people", "organisation": "organisations", "place": "places",
                   "phrase": "phrases", "date": "dates", "figure": "figures"}


def print_why(console: Console, d: Dossier, data: Record) -> None:
    """Why a story's documents belong together, and why its storyline's stories do: shared items with
    where each document says them."""
    s = d.story
    console.rule(f"[bold]{s['title']}[/bold]")
    console.print(f"{s['id']}  {s.get('first_date') or '?'} – {s.get('last_date') or '?'}  {len(d.documents)} sources")
    texts = {doc["id"]: doc.get("text", "") for doc in data["documents"]}
    title = (f"Why these {len(d.documents)} documents belong together" if len(d.documents) > 1
             else "A story of one document: what it names")
    console.print(evidence_table(s.get("evidence", []), texts, title, "docs"))
    if d.storyline:
        line = d.storyline
        console.print(f"storyline {line['id']}: {len(line['stories'])} stories")
        console.print(evidence_table(line.get("evidence", []), texts, "Why its stories belong together", "stories"))


def evidence_table(evidence: list[Record], texts: dict[str, str], title: str, members: str) -> Table:
    """One row per shared item: its kind, value, how many members share it, and where (excerpts)."""
    table = Table("kind", "shared", members, "where (document:start)", title=title)
    for item in evidence:
        where = "; ".join(f"{sp['document'][:8]}:{sp['start']} “{_clip(texts.get(sp['document'], '')[sp['start']:sp['end']], 40)}”"
                          for sp in item.get("spans", [])[:3])
        value = item["value"] + (" (inferred from the text)" if item.get("inferred") else "")
        table.add_row(EVIDENCE_LABELS.get(item["kind"], item["kind"]), value, str(item["documents"]), where)
    if not evidence:
        table.add_row("—", "nothing shared was found", "", "")
    return table


def _record_suffix(source: str) -> str:
    return "#" + source.split("#", 1)[1] if "#" in source else ""


def _print_reuse(console: Console, reuse: list[Record], data: Record) -> None:
    if not reuse:
        return
    docs = index_by_id(data["documents"])
    table = Table("copied", "from", "to", "similarity", title="Copied passages")
    for r in reuse[:20]:
        text = docs.get(r["b"], {}).get("text", "")[r["b_start"] : r["b_end"]]
        table.add_row(_clip(text, 70), _clip(docs.get(r["a"], {}).get("title"), 30),
                      _clip(docs.get(r["b"], {}).get("title"), 30), f"{r['similarity']:.2f}")
    console.print(table)


def print_demo(console: Console, report: IngestReport, data: Record, db: str, brief: bool) -> None:
    """What the demo found, and where to look next."""
    console.print(ingest_summary(report))
    nouns = {"documents": ("document",), "entities": ("entity", "entities"), "quotes": ("quote",),
             "events": ("event",), "claims": ("claim",), "stories": ("story", "stories"),
             "storylines": ("storyline",), "reuse": ("copied passage",),
             "discrepancies": ("discrepancy", "discrepancies")}
    counts = ", ".join(plural(len(data[key]), *noun) for key, noun in nouns.items())
    console.print(f"found: {counts}")
    from storyline import views

    stories = views.stories(data)
    console.print(stories_table(stories, data))
    if stories and not brief:
        biggest = max(stories, key=lambda s: s["size"])
        found = views.dossier(data, biggest["id"])
        if found is not None:
            print_dossier(console, found, data)
    console.print(Text(f"\nThe demo database is {db}. Try: storyline --db {db} stories | people | quotes | "
                       f"story ID | serve"))
