"""The dossier as Markdown: untrusted text escaped so no markup, HTML or link survives from the sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from storyline.render.links import safe_href
from storyline.render.timeline_svg import numbered
from storyline.report.dossier import generated, key_people
from storyline.views.model import Excerpt, StoryClaim, StoryDossier, StoryPerson, StoryQuote

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_SPACE = re.compile(r"\s+")


def md_escape(text: object) -> str:
    """Plain text that Markdown renders literally: HTML defused, markup characters escaped, one line."""
    value = _SPACE.sub(" ", str(text or ""))
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", value)


def md_link(text: str, href: str | None) -> str:
    """A link only for http(s) URLs (already checked by the caller); the URL percent-encoded."""
    if not href:
        return md_escape(text)
    return f"[{md_escape(text)}](<{quote(href, safe=':/?#=&%@+,;~')}>)"


def _ref(d: StoryDossier, document: str, start: int) -> str:
    return f"({md_escape(d.place(document, start))})"


def _refs(d: StoryDossier, sources: Iterable[Any]) -> str:
    """Where each source says it ("(source 2, paragraph 4); (source 3, paragraph 1)"): quotes' and claims' sources."""
    return "; ".join(_ref(d, s.document, s.start) for s in sources)


def _quoted(d: StoryDossier, q: StoryQuote) -> str:
    text = md_escape(q.text)
    text = f"“{text}”" if q.kind == "direct" else f"{text} ({q.kind})"
    if q.act:  # a denial or an accusation, never the speaker's own words
        text = f"**{md_escape(q.speaker_name or 'Someone')} {md_escape(q.act)}:** {text}"
    if q.ocr:
        text += " *(machine-read: check the scan)*"
    return f"> {text} " + _refs(d, q.sources)


def _excerpt(d: StoryDossier, e: Excerpt, document: str, start: int) -> str:
    return f"> {md_escape(e.before)}**{md_escape(e.span)}**{md_escape(e.after)} {_ref(d, document, start)}"


def _person(d: StoryDossier, p: StoryPerson) -> list[str]:
    quoted = f", quoted {p.quotes}×" if p.quotes else ""
    lines = [f"- **{md_escape(p.name)}** ({p.type}{quoted})"]
    for r in p.roles:
        org = f", {md_escape(', '.join(r.organisations))}" if r.organisations else ""
        where = f" {_ref(d, r.sources[0].document, r.sources[0].start)}" if r.sources else ""
        lines.append(f"  - {md_escape(r.role)}{org}, {md_escape(r.dates)}{where}")
    return lines


def _opening(d: StoryDossier) -> list[str]:
    lines = [f"# {md_escape(d.story.title)}", "", f"*{md_escape(d.summary)}*", "",
             "References such as “source 2, paragraph 4” point to the numbered sources below.", "",
             "## Key people", ""]
    for p in key_people(d):
        lines += _person(d, p)
    lines += ["", "## Sources", ""]
    for n, s in enumerate(d.documents, 1):
        meta = " · ".join(md_escape(v) for v in (s.site, s.published or "undated") if v)
        lines.append(f"{n}. {md_link(s.title, safe_href(s.url))} ({meta}; id `{s.id}`)")
    return lines + [""]


def _body(d: StoryDossier) -> list[str]:
    lines = ["## Timeline", "", "| # | Date | Event | Source |", "|---|---|---|---|"]
    lines += [f"| {n or '–'} | {md_escape(ev.when)} | {md_escape(ev.text)} | {md_escape(d.place(ev.document, ev.start))} |"
              for n, ev in numbered(d.timeline)]
    lines += ["", "## Who's who", ""]
    for p in d.people + d.organisations:
        lines += _person(d, p)
    lines += ["", "## Quotes by speaker", ""]
    for group in d.quotes:
        lines += [f"### {md_escape(group.name)}", ""] + [_quoted(d, q) + "\n" for q in group.quotes]
    lines += ["## Claims and denials", "", "| Claims and promises | Denials and admissions |", "|---|---|"]
    left = [c for c in d.claims if c.kind in ("claim", "promise")]
    right = [c for c in d.claims if c.kind not in ("claim", "promise")]
    for i in range(max(len(left), len(right))):
        cells = [f"{c.kind}: **{md_escape(c.claimant_name or 'unknown')}**: {md_escape(c.content or '')} "
                 + _refs(d, c.sources) if c else ""
                 for c in (_at(left, i), _at(right, i))]
        lines.append(f"| {cells[0]} | {cells[1]} |")
    lines += ["", "### Claims no one has answered", ""]
    lines += [f"- {md_escape(c.line)} " + _refs(d, c.sources)
              for c in d.unanswered] or [
        "Every claim found has a denial in the story."]
    lines += ["", "## Where sources disagree", ""]
    for x in d.discrepancies:
        lines += [f"**{md_escape(x.kind)}**: {md_escape(x.description)}", ""]
        lines += [_excerpt(d, s.excerpt, s.document, s.start) + "\n" for s in x.sides]
    lines += ["## What changed", ""]
    for v in d.versions:
        lines += [f"Source {d.source_number(v.a) or '?'} → source {d.source_number(v.b) or '?'} "
                  f"({md_escape(v.link or 'rewrite')}): {md_escape(v.summary)}", ""]
        lines += [f"- {md_escape(c.description)}"
                  + "".join(f" {_ref(d, s.document, s.start)}" for s in (c.before, c.after) if s) for c in v.changes]
        lines.append("")
    lines += ["## Copied passages", ""]
    for copied in d.copied:
        lines += [f"From **{md_escape(copied.source.title)}** ({md_escape(copied.source.published or 'undated')}):", ""]
        for passage in copied.passages:
            original, copy = passage.original, passage.copy
            lines += [_excerpt(d, original.excerpt, original.document, original.start), "",
                      f"copied into {md_escape(copy.title)} (similarity {passage.similarity:.2f}):", "",
                      _excerpt(d, copy.excerpt, copy.document, copy.start), ""]
        if copied.more:
            lines += [f"and {copied.more} more passages copied from this document", ""]
    if d.more.get("copied"):
        lines += [f"and {d.more['copied']} passages copied from other documents", ""]
    return lines


def _at(items: list[StoryClaim], i: int) -> StoryClaim | None:
    return items[i] if i < len(items) else None


def render_markdown(d: StoryDossier) -> str:
    lines = _opening(d) + _body(d)
    return "\n".join(lines) + f"\n\n*Generated by storyline on {generated()}.*\n"
