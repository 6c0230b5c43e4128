"""Document text as HTML with its annotations wrapped in elements, every piece escaped here.

Facts (quotes, events, claims, roles, copied passages, discrepancy spans) become
anchors with ``id="c{start}-{end}"`` so any page can link to
``/documents/{id}#c{start}-{end}``; mentions and dates become marks.  Spans may
nest or overlap: an element that would cross another is closed and reopened
(only its first part carries the id).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

from markupsafe import Markup

from storyline.views.model import DocumentView


@dataclass
class Span:
    start: int
    end: int
    classes: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    anchor: bool = False
    href: str | None = None
    data: dict[str, str] = field(default_factory=dict)


def anchor_id(start: int, end: int) -> str:
    return f"c{start}-{end}"


def fact_href(doc_id: str, start: int, end: int) -> str:
    """The link to one source span on its document page."""
    return f"/documents/{doc_id}#{anchor_id(start, end)}"


def _merge(spans: list[Span], length: int) -> list[Span]:
    """One span per (start, end, href): classes and titles combined, out-of-range spans dropped."""
    merged: dict[tuple[int, int, str | None], Span] = {}
    for s in spans:
        if not (0 <= s.start < s.end <= length):
            continue
        key = (s.start, s.end, s.href)
        if key not in merged:
            merged[key] = Span(s.start, s.end, href=s.href)
        m = merged[key]
        m.classes += [c for c in s.classes if c not in m.classes]
        m.titles += [t for t in s.titles if t not in m.titles]
        m.anchor = m.anchor or s.anchor
        m.data.update(s.data)
    return list(merged.values())


def _open_tag(s: Span, first: bool) -> str:
    tag = "a" if s.href else "span"
    attrs = [f'class="{escape(" ".join(s.classes))}"']
    ident = anchor_id(s.start, s.end)
    if s.anchor:
        attrs.append(f'id="{ident}"' if first else f'data-part="{ident}"')
    if s.href:
        attrs.append(f'href="{escape(s.href)}"')
    if s.titles:
        attrs.append(f'title="{escape(" · ".join(s.titles))}"')
    attrs += [f'data-{escape(k)}="{escape(v)}"' for k, v in sorted(s.data.items())]
    return f"<{tag} {' '.join(attrs)}>"


def _close_tag(s: Span) -> str:
    return "</a>" if s.href else "</span>"


def highlight_html(text: str, spans: list[Span]) -> Markup:
    """Escaped text with the spans as (properly nested) elements."""
    spans = _merge(spans, len(text))
    opens: dict[int, list[Span]] = defaultdict(list)
    for s in spans:
        opens[s.start].append(s)
    for group in opens.values():
        group.sort(key=lambda s: (-s.end, s.href is not None))
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    stack: list[Span] = []
    for i, pos in enumerate(bounds):
        reopen: list[Span] = []
        while any(s.end == pos for s in stack):
            s = stack.pop()
            out.append(_close_tag(s))
            if s.end != pos:
                reopen.append(s)
        for s in reversed(reopen):
            out.append(_open_tag(s, first=False))
            stack.append(s)
        for s in opens.get(pos, []):
            out.append(_open_tag(s, first=True))
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(escape(text[pos : bounds[i + 1]]))
    out.extend(_close_tag(s) for s in reversed(stack))
    return Markup("".join(out))


def document_spans(view: DocumentView) -> list[Span]:
    """Every fact of one document as spans: facts as anchors, mentions and dates as marks (people linked)."""
    spans = []
    for m in view.marks:
        href = f"/people/{quote(m.entity, safe='')}" if m.kind == "mention" and m.entity else None
        data = {"speaker": m.label.removeprefix("Quote: ")} if m.kind == "quote" else {}
        spans.append(Span(m.start, m.end, [m.css], [m.label], m.anchor, href, data))
    return spans


def excerpt_html(text: str, start: int, end: int, context: int = 90) -> Markup:
    """The span marked inside a little of its surrounding text, escaped."""
    start, end = max(0, start), min(len(text), end)
    left = max(0, start - context)
    right = min(len(text), end + context)
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return Markup(f"{escape(before)}<mark>{escape(text[start:end])}</mark>"
                  f"{escape(after)}")
