"""Rich renderings of views for the terminal. No data access here: every function takes a view's result."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storyline import timex3
from storyline.answers import speaker_label
from storyline.render.printable import printable
from storyline.store import ErrorRecord
from storyline.store.engine import shown_url
from storyline.views.model import (
    ClaimRow,
    DocumentSummary,
    DocumentView,
    EventRow,
    EvidenceItem,
    Overview,
    Page,
    PersonSummary,
    QuoteRow,
    SearchResults,
    StoryClaim,
    StoryDossier,
    StoryQuote,
    StorySummary,
)

if TYPE_CHECKING:
    from storyline.api import LinkSummary
    from storyline.ingest.batch import IngestReport

NOUNS = {"person": "people", "organisation": "organisations", "place": "places"}


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


def _shown(page: Page[Any], noun: str, option: str = "--limit") -> str:
    """ "20 quotes", "20 of 230 quotes (see --limit)" or "quotes 21-40 (more: --offset 40)"."""
    n = len(page.items)
    if not n and page.offset:
        total = f" ({page.total} in all)" if page.total is not None else ""
        return f"no {noun} past --offset {page.offset}{total}"
    first = f"{page.offset + 1}-{page.offset + n} of " if page.offset else ""
    if page.total is not None and (page.more or page.offset):
        return f"{first or f'{n} of '}{page.total} {noun} (see {option})"
    if page.more:
        return f"{first}{n} {noun} (more: {option} or --offset {page.offset + n})"
    return f"{first}{n} {noun}" if not first else f"{noun} {page.offset + 1}-{page.offset + n}"


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


def documents_table(page: Page[DocumentSummary]) -> Table:
    table = Table(title=_shown(page, "documents"))
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=40)
    table.add_column("title", ratio=1)
    for r in page.items:
        flag = " (dup)" if r.duplicate_of else (" (version)" if r.version_of else "")
        table.add_row(r.id[:10], r.published or "—", _plain(r.source, 40), _plain(_clip(r.title, 60) + flag))
    return table


def document_view(view: DocumentView) -> Group:
    doc = view.summary
    meta = Table.grid(padding=(0, 2))
    published = (doc.published or "") + (" (inferred from the text)" if doc.published and doc.published_inferred
                                         else "")
    for label, value in (("id", doc.id), ("title", doc.title), ("source", doc.source), ("url", doc.url),
                         ("published", published), ("author", doc.author), ("site", doc.site),
                         ("format", doc.format), ("version of", doc.version_of), ("duplicate of", doc.duplicate_of),
                         ("story", doc.story_title)):
        if value:
            meta.add_row(Text(label, style="bold"), _plain(str(value)))
    parts: list[Any] = [meta, Panel(Text(printable(view.text, keep="\n\t")), title="text")]
    parts.append(Text(f"{len(view.entities)} entities, {len(view.quotes)} quotes, {len(view.events)} events, "
                      f"{len(view.claims)} claims"))
    if view.attached_to is not None:
        parts.append(Text(printable(f"attached to {view.attached_to.id[:10]} {view.attached_to.title}")))
    for a in view.attachments:
        parts.append(Text(printable(f"attachment {a.id[:10]} {a.title} ({a.format})")))
    if doc.ocr:
        parts.append(Text("text machine-read (OCR) from page images: names and figures may be misread",
                          style="yellow"))
    for q in view.quotes:
        where = f"[{q.start}:{q.end}" + (f", {q.page}" if q.page else "") + "]"
        said = q.line if (q.speaker_name or q.speaker_description) else f"(unattributed): {q.text}"
        parts.append(Text(printable(f"  {_local(q.id)} {where} {said}")))
    for e in view.events:
        parts.append(Text(printable(f"  {_local(e.id)} [{e.start}:{e.end}] {e.short_when}: {_clip(e.text, 90)}")))
    for c in view.claims:
        parts.append(Text(printable(f"  {_local(c.id)} [{c.start}:{c.end}] {c.kind} by {c.claimant_name or '?'}: "
                                    f"{_clip(c.content or c.text, 80)}")))
    return Group(*parts)


def _local(fact_id: str) -> str:
    """A fact's id within its document (``q3``), which `storyline fix` takes as DOC:q3."""
    return fact_id.rpartition(":")[2]


def search_results(results: SearchResults) -> Table:
    table = Table("id", "title", "snippet", title=plural(len(results.hits), "result"))
    for h in results.hits:
        snippet = Text()
        for i, part in enumerate(h.snippet.replace("\x03", "\x02").split("\x02")):
            snippet.append(printable(part), style="bold yellow" if i % 2 else "")
        table.add_row(h.document.id[:10], _plain(h.document.title, 40), snippet)
    return table


def errors_table(rows: list[ErrorRecord]) -> Table:
    """Each failed source once: when it last failed, why, how often, and what to do."""
    table = Table("last failed", "source", "reason", "failures", "what to do",
                  title=f"{plural(len(rows), 'source')} failed to ingest")
    for r in rows:
        table.add_row(r.created_at, _plain(r.source, 50), r.reason, str(r.failures), _plain(r.message))
    return table


def people_table(page: Page[PersonSummary], kind: str = "person") -> Table:
    table = Table("id", "name", "roles", "quotes", "aliases", title=_shown(page, NOUNS.get(kind, kind)))
    for r in page.items:
        table.add_row(r.id[:14], _plain(r.name), _plain("; ".join(r.roles), 60), str(r.quotes),
                      _plain(", ".join(r.aliases), 40))
    return table


def quotes_table(page: Page[QuoteRow]) -> Table:
    table = Table(title=_shown(page, "quotes"))
    table.add_column("date", no_wrap=True)
    table.add_column("speaker", max_width=32)
    table.add_column("quote", ratio=1)
    table.add_column("source", no_wrap=True)
    for q in page.items:
        table.add_row(q.published or "—", _plain(speaker_label(q) or "(unattributed)"), _plain(quote_cell(q)),
                      _plain(_source(q.title, q.document, q.start, q.page, q.ocr)))
    return table


def quote_cell(q: QuoteRow | StoryQuote, width: int = 90) -> str:
    """The quote's words, after what the speaker does with them when that is not saying them ("denied: …",
    "accused the mayor: …"): a denial never reads as the speaker's own words."""
    text = _clip(q.text, width)
    return f"{q.act}: {text}" if q.act else text


def _source(title: str | None, document: str, start: int, page: str | None = None, ocr: bool = False) -> str:
    short = _clip(title, 30)
    where = f"{short} @{start}" if short else f"{document[:10]}:{start}"
    return where + (f", {page}" if page else "") + (" (machine-read)" if ocr else "")


def timeline_table(events: list[EventRow] | Page[EventRow]) -> Table:
    """Events with their date in words and where they come from."""
    page = events if isinstance(events, Page) else Page(list(events))
    table = Table(title=_shown(page, "events"))
    table.add_column("date", no_wrap=True)
    table.add_column("event", ratio=1)
    table.add_column("source", max_width=36)
    for e in page.items:
        when = e.short_when + (" (dates disagree)" if e.disputed else "")
        told = f" [reported by {len(e.sources)} sources]" if e.sources else ""
        table.add_row(when, _plain(_clip(e.text, 100) + told), _plain(_source(e.title, e.document, e.start, e.page)))
    return table


def claims_table(claims: list[ClaimRow] | Page[ClaimRow]) -> Table:
    page = claims if isinstance(claims, Page) else Page(list(claims))
    table = Table("kind", "who", "against", "what", "source", title=_shown(page, "claims"))
    for c in page.items:
        table.add_row(c.kind, _plain(c.claimant_name or "?"), _plain(c.against), _plain(c.content or c.text, 80),
                      _plain(_source(c.title, c.document, c.start)))
    return table


def story_claims_table(d: StoryDossier, claims: list[StoryClaim]) -> Table:
    """A story's claims, each once, with where every version or copy that carries it says it."""
    table = Table("kind", "who", "against", "what", "sources", title=f"{len(d.claims)} claims")
    for c in claims:
        where = "; ".join(d.place(s.document, s.start) for s in c.sources[:4])
        more = f" and {len(c.sources) - 4} more" if len(c.sources) > 4 else ""
        table.add_row(c.kind, _plain(c.claimant_name or "?"), _plain(c.against), _plain(c.content, 80),
                      _plain(where + more))
    return table


def stories_table(page: Page[StorySummary]) -> Table:
    table = Table(title=_shown(page, "stories"))
    table.add_column("id", no_wrap=True)
    table.add_column("dates", no_wrap=True)
    table.add_column("docs", justify="right")
    table.add_column("storyline", no_wrap=True, max_width=18)
    table.add_column("title", ratio=1)
    for s in page.items:
        first, last = s.first_date or "?", s.last_date or "?"
        dates = first if first == last else f"{first} – {last}"
        table.add_row(s.id, dates, str(s.size), _plain(s.storyline_title or s.storyline, 24), _plain(s.title, 70))
    return table


SHOWN = {"sources": 30, "people": 25, "events": 50, "speakers": 12, "quotes": 6, "claims": 30, "copied": 8,
         "passages": 3, "discrepancies": 20}  # rows per section of a terminal dossier (all with --all)


def _more(console: Console, hidden: int, noun: str) -> None:
    if hidden > 0:
        console.print(Text(f"   … and {hidden} more {noun} (storyline story ID --all shows everything)", style="dim"))


def print_dossier(console: Console, d: StoryDossier, full: bool = False) -> None:
    """The story dossier, section by section: summary, sources, who's who, timeline, quotes, claims, copies.
    A big story prints the first rows of each section unless ``full``."""
    n = {k: (10**9 if full else v) for k, v in SHOWN.items()}
    s = d.story
    console.rule(Text(printable(s.title), style="bold"))
    line = f"{s.id}  {d.summary}"
    console.print(_plain(line + (f"  storyline {s.storyline_title or s.storyline}" if s.storyline else "")))
    sources = Table("#", "date", "title", "source", title="Sources")
    for number, doc in enumerate(d.documents[: n["sources"]], 1):
        where = doc.url or doc.source.replace("\\", "/").rsplit("/", 1)[-1]
        sources.add_row(str(number), doc.published or "—", _plain(doc.title, 60), _plain(where, 50))
    console.print(sources)
    _more(console, len(d.documents) - n["sources"], "sources")
    whos = Table("name", "roles", "quotes", title="Who's who")
    everyone = d.people + d.organisations
    for p in everyone[: n["people"]]:
        whos.add_row(_plain(p.name), _plain("; ".join(f"{r.role} ({r.dates})" for r in p.roles), 90), str(p.quotes))
    console.print(whos)
    _more(console, len(everyone) - n["people"] + d.more.get("people", 0), "people and organisations")
    console.print(timeline_table(d.timeline[: n["events"]]))
    _more(console, len(d.timeline) - n["events"] + d.more.get("events", 0), "events")
    _print_quotes(console, d, n)
    if d.claims:
        console.print(story_claims_table(d, d.claims[: n["claims"]]))
        _more(console, len(d.claims) - n["claims"] + d.more.get("claims", 0), "claims")
        _print_unanswered(console, d, n["claims"])
    _print_copied(console, d, n)
    for disc in d.discrepancies[: n["discrepancies"]]:
        console.print(Text(printable(f"discrepancy ({disc.kind}): {disc.description}"), style="red"))
    _more(console, len(d.discrepancies) - n["discrepancies"] + d.more.get("discrepancies", 0), "discrepancies")


def _print_quotes(console: Console, d: StoryDossier, n: dict[str, int]) -> None:
    for speaker in d.quotes[: n["speakers"]]:
        console.print(Text(printable(f"{speaker.name} ({len(speaker.quotes)})"), style="bold"))
        for quote in speaker.quotes[: n["quotes"]]:
            where = "; ".join(d.place(x.document, x.start) for x in quote.sources)
            said = f"{quote.act}: “{_clip(quote.text, 110)}”" if quote.act else f"“{_clip(quote.text, 110)}”"
            console.print(Text(printable(f"   {said}  [{where}]" + (" (machine-read)" if quote.ocr else ""))))
        _more(console, len(speaker.quotes) - n["quotes"], "quotes")
    _more(console, len(d.quotes) - n["speakers"] + d.more.get("speakers", 0), "speakers")


def _print_unanswered(console: Console, d: StoryDossier, limit: int) -> None:
    """The claims no denial in the story answers (or a line saying every claim has one)."""
    if not d.unanswered:
        console.print(Text("Every claim found has a denial in the story.", style="dim"))
        return
    console.print(Text(f"Unanswered claims ({len(d.unanswered)}):", style="bold"))
    for c in d.unanswered[:limit]:
        where = "; ".join(d.place(x.document, x.start) for x in c.sources)
        console.print(Text(printable(f"   {_clip(c.line, 120)}  [{where}]")))
    _more(console, len(d.unanswered) - limit, "unanswered claims")


EVIDENCE_LABELS = {"person": "people", "organisation": "organisations", "place": "places",
                   "phrase": "phrases", "date": "dates", "figure": "figures"}


def print_why(console: Console, d: StoryDossier) -> None:
    """Why a story's documents belong together, and why its storyline's stories do: shared items with
    where each document says them."""
    s = d.story
    console.rule(Text(printable(s.title), style="bold"))
    console.print(Text(f"{s.id}  {s.first_date or '?'} – {s.last_date or '?'}  {plural(len(d.documents), 'source')}"))
    title = (f"Why these {len(d.documents)} documents belong together" if len(d.documents) > 1
             else "A story of one document: what it names")
    console.print(evidence_table(d.evidence, title, "docs"))
    if s.storyline:
        console.print(Text(f"storyline {s.storyline}: {plural(len(d.storyline_stories), 'story', 'stories')}"))
        console.print(evidence_table(d.storyline_evidence, "Why its stories belong together", "stories"))


def evidence_table(evidence: list[EvidenceItem], title: str, members: str) -> Table:
    """One row per shared item: its kind, value, how many members share it, and where (excerpts)."""
    table = Table("kind", "shared", members, "where (document:start)", title=title)
    for item in evidence:
        where = "; ".join(f"{sp.document[:8]}:{sp.start} “{_clip(sp.text, 40)}”" for sp in item.spans[:3])
        value = item.value + (" (inferred from the text)" if item.inferred else "")
        table.add_row(EVIDENCE_LABELS.get(item.kind, item.kind), _plain(value), str(item.documents), _plain(where))
    if not evidence:
        table.add_row("—", "nothing shared was found", "", "")
    return table


def _print_copied(console: Console, d: StoryDossier, n: dict[str, int]) -> None:
    for group in d.copied[: n["copied"]]:
        number = d.source_number(group.source.id)
        label = f"source {number}" if number else "another document"
        console.print(Text(printable(f"Copied from {_clip(group.source.title, 60)} ({label}):"), style="bold"))
        for p in group.passages[: n["passages"]]:
            into = d.source_number(p.copy.document)
            console.print(_plain(f"   → {_clip(p.copy.title, 40)}" + (f" (source {into})" if into else "")
                                 + f", similarity {p.similarity:.2f}: “{_clip(p.copy.excerpt.span, 80)}”"))
        _more(console, len(group.passages) - n["passages"] + group.more, "passages")
    _more(console, sum(len(g.passages) + g.more for g in d.copied[n["copied"]:]) + d.more.get("copied", 0),
          "copied passages")


def print_demo(console: Console, report: IngestReport, front: Overview, stories: Page[StorySummary],
               dossier: StoryDossier | None, db: str) -> None:
    """What the demo found, and where to look next."""
    console.print(ingest_summary(report))
    nouns = {"documents": ("document",), "people": ("person", "people"),
             "organisations": ("organisation",), "quotes": ("quote",), "events": ("event",), "claims": ("claim",),
             "stories": ("story", "stories"), "copied passages": ("copied passage",),
             "discrepancies": ("discrepancy", "discrepancies")}
    counts = ", ".join(plural(front.counts.get(key, 0), *noun) for key, noun in nouns.items())
    console.print(f"found: {counts}")
    console.print(stories_table(stories))
    if dossier is not None:
        print_dossier(console, dossier)
    shown = shown_url(db)  # a password is never printed: the user gave the URL and has it
    given, after = (db, "") if shown == db else ("URL", " (URL: the one you gave, with its password)")
    console.print(Text(f"\nThe demo database is {shown}. Try: storyline --db {given} stories | people | quotes | "
                       f"story ID | serve{after}"))


def when(value: str | None) -> str:
    """A TIMEX3 value in words, short (for tables)."""
    return timex3.short_words(value)
