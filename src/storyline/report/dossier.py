"""Story dossiers as one self-contained file: HTML (inline CSS and SVG), Markdown or PDF.

Every fact carries its provenance as ``[n:start-end]``: source number ``n`` in
the Sources list and the character offsets of the span in that document's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storyline import views
from storyline.web.security import safe_href
from storyline.web.timeline_svg import event_interval, render_timeline_svg

Record = dict[str, Any]
Format = Literal["html", "md", "pdf"]


@dataclass
class Excerpt:
    """A span in a little context, kept as plain strings so each format escapes it its own way."""

    before: str
    span: str
    after: str
    ref: str
    source: str


@dataclass
class ReportModel:
    title: str
    date_range: str
    storyline: str | None
    generated: str
    sources: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    timeline_events: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    organisations: list[Record] = field(default_factory=list)
    quotes_by_speaker: dict[str, list[Record]] = field(default_factory=dict)
    claims: list[Record] = field(default_factory=list)
    denials: list[Record] = field(default_factory=list)
    discrepancies: list[Record] = field(default_factory=list)
    reuse: list[tuple[Excerpt, Excerpt, float]] = field(default_factory=list)


def date_range(story: Record) -> str:
    first, last = story.get("first_date"), story.get("last_date")
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last or "undated"


class _Refs:
    """Numbers the story's sources and writes provenance references."""

    def __init__(self, documents: list[Record]) -> None:
        self.number = {d["id"]: i for i, d in enumerate(documents, 1)}
        self.docs = {d["id"]: d for d in documents}

    def ref(self, doc_id: str, start: int, end: int) -> str:
        return f"[{self.number.get(doc_id, '?')}:{start}-{end}]"

    def title(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id, {})
        return str(doc.get("title") or doc.get("source") or doc_id)

    def text(self, doc_id: str) -> str:
        return str(self.docs.get(doc_id, {}).get("text", ""))

    def excerpt(self, doc_id: str, start: int, end: int, context: int = 70) -> Excerpt:
        text = self.text(doc_id)
        left, right = max(0, start - context), min(len(text), end + context)
        return Excerpt(("…" if left else "") + text[left:start], text[start:end],
                       text[end:right] + ("…" if right < len(text) else ""), self.ref(doc_id, start, end),
                       self.title(doc_id))


def _roles(entity: Record, refs: _Refs) -> list[Record]:
    roles = [r for r in entity.get("roles", []) if r["document"] in refs.number]
    roles.sort(key=lambda r: views.date_sort_key(r.get("date")))
    return [{**r, "ref": refs.ref(r["document"], r["start"], r["end"])} for r in roles]


def _with_ref(records: list[Record], refs: _Refs) -> list[Record]:
    return [{**r, "ref": refs.ref(r["document"], r["start"], r["end"]), "source_title": refs.title(r["document"]),
             "span_text": refs.text(r["document"])[r["start"]:r["end"]]} for r in records]


def build_report_model(data: Record, story_id: str) -> ReportModel:
    """Everything a dossier shows, with provenance references, from the export object."""
    d = views.dossier(data, story_id)
    if d is None:
        raise ValueError(f"no story with id {story_id!r}; list the stories with `storyline stories`")
    refs = _Refs(d.documents)
    sources = [{**doc, "n": refs.number[doc["id"]], "href": safe_href(doc.get("url"))} for doc in d.documents]
    events = _with_ref(d.timeline, refs)
    n = 0
    for ev in events:
        ev["mark"] = (n := n + 1) if event_interval(ev.get("date")) else None
    return ReportModel(
        title=str(d.story["title"]), date_range=date_range(d.story),
        storyline=d.storyline["title"] if d.storyline else None,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        sources=sources, events=events, timeline_events=d.timeline,
        people=[{**p, "role_list": _roles(p, refs)} for p in d.people],
        organisations=[{**o, "role_list": _roles(o, refs)} for o in d.organisations],
        quotes_by_speaker={k: _with_ref(v, refs) for k, v in d.quotes_by_speaker.items()},
        claims=_with_ref([c for c in d.claims if c["kind"] in ("claim", "promise")], refs),
        denials=_with_ref([c for c in d.claims if c["kind"] not in ("claim", "promise")], refs),
        discrepancies=[{**x, "sides": [refs.excerpt(s["document"], s["start"], s["end"]) for s in x.get("spans", [])
                                       if s["document"] in refs.number]} for x in d.discrepancies],
        reuse=[(refs.excerpt(r["a"], r["a_start"], r["a_end"]), refs.excerpt(r["b"], r["b_start"], r["b_end"]),
                float(r["similarity"])) for r in d.reuse if r["a"] in refs.number and r["b"] in refs.number],
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("storyline.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return (resources.files("storyline.report") / "templates" / "report.css").read_text(encoding="utf-8")


def render_html(model: ReportModel) -> bytes:
    """One HTML file that works offline: inline CSS, inline SVG, no scripts, only http(s) links live."""
    svg = Markup(render_timeline_svg(model.timeline_events))
    html = _environment().get_template("dossier.html").render(m=model, timeline_svg=svg, css=Markup(_stylesheet()))
    return html.encode("utf-8")


def render_report(data: dict[str, Any], story_id: str, fmt: Format) -> bytes:
    """A self-contained dossier of one story as HTML, Markdown or PDF bytes."""
    model = build_report_model(data, story_id)
    if fmt == "html":
        return render_html(model)
    if fmt == "md":
        from storyline.report.markdown import render_markdown

        return render_markdown(model).encode("utf-8")
    if fmt == "pdf":
        from storyline.report.pdf import render_pdf

        return render_pdf(model)
    raise ValueError(f"unknown report format {fmt!r}; choose html, md or pdf")
