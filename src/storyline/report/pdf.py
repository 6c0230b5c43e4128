"""The dossier as PDF through reportlab (optional extra: ``pip install 'storyline[pdf]'``).

It opens for an editor: title, the summary line, key people, the sources, then the timeline chart
and table; quotes, claims, disagreements and copied passages follow. References read "source 2,
paragraph 4".
"""

from __future__ import annotations

import io
from html import escape
from collections.abc import Iterable
from typing import Any

from storyline.render.links import safe_href
from storyline.render.timeline_svg import layout_timeline, mark_y, numbered
from storyline.report.dossier import generated, key_people
from storyline.views.model import Excerpt, StoryDossier, StoryPerson

INSTALL_HINT = "PDF reports need reportlab: pip install 'storyline[pdf]'"
BLUE = "#1f4e79"


def _reportlab() -> Any:
    try:
        import reportlab  # noqa: F401
    except ImportError as err:
        raise RuntimeError(INSTALL_HINT) from err
    from reportlab.lib import colors, styles
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    return colors, styles, A4, mm, Paragraph, SimpleDocTemplate, Spacer


def _e(text: object) -> str:
    return escape(str(text or ""), quote=True)


def _ref(d: StoryDossier, document: str, start: int) -> str:
    return f"<font color='{BLUE}'>({_e(d.place(document, start))})</font>"


def _refs(d: StoryDossier, sources: Iterable[Any]) -> str:
    """Where each source says it ("(source 2, paragraph 4); (source 3, paragraph 1)"): quotes' and claims' sources."""
    return "; ".join(_ref(d, s.document, s.start) for s in sources)


def timeline_drawing(d: StoryDossier, width: float, max_height: float | None = None) -> Any:
    """The same layout as the SVG timeline (labels, broken axis), as a reportlab drawing (scaled down to
    ``max_height`` when taller)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
    from reportlab.lib import colors

    lay = layout_timeline(d.timeline, int(width))
    if not lay.marks:
        return None
    drawing = Drawing(lay.width, lay.height)

    def y(value: float) -> float:  # reportlab's y axis points up
        return lay.height - value

    for s in lay.stretches:
        drawing.add(Line(s.left, y(lay.axis_y), s.right, y(lay.axis_y), strokeColor=colors.grey))
    for x in lay.breaks:
        for dx in (-3, 3):
            drawing.add(Line(x + dx - 2, y(lay.axis_y + 5), x + dx + 2, y(lay.axis_y - 5), strokeColor=colors.grey))
    for x, label in lay.ticks:
        drawing.add(Line(x, y(lay.axis_y), x, y(lay.axis_y + 5), strokeColor=colors.grey))
        drawing.add(String(x, y(lay.axis_y + 16), label, fontSize=7, textAnchor="middle", fillColor=colors.grey))
    for mark in lay.marks:
        my = mark_y(lay, mark)
        if mark.is_range:
            drawing.add(Rect(mark.x0, y(my + 5), max(6.0, mark.x1 - mark.x0), 10, fillColor=colors.HexColor("#8fb3d9"),
                             strokeColor=None))
        else:
            drawing.add(Circle(mark.x0, y(my), 5, fillColor=colors.HexColor(BLUE), strokeColor=None))
        drawing.add(String(mark.x0 + 8, y(my + 3), mark.text, fontSize=7))
    if max_height and lay.height > max_height:  # many overlapping events: fit the page instead of failing
        factor = max_height / lay.height
        drawing.scale(factor, factor)
        drawing.width, drawing.height = lay.width * factor, lay.height * factor
    return drawing


def _excerpt(d: StoryDossier, e: Excerpt, document: str, start: int) -> str:
    return f"{_e(e.before)}<b>{_e(e.span)}</b>{_e(e.after)} {_ref(d, document, start)}"


def _person(d: StoryDossier, p: StoryPerson) -> str:
    roles = "; ".join(f"{_e(r.role)}{', ' + _e(', '.join(r.organisations)) if r.organisations else ''} "
                      f"({_e(r.dates)})" for r in p.roles)
    quoted = f" · quoted {p.quotes}×" if p.quotes else ""
    return f"<b>{_e(p.name)}</b>{quoted}{': ' + roles if roles else ''}"


def _opening(d: StoryDossier, para: Any, st: dict[str, Any]) -> list[Any]:
    out = [para(_e(d.story.title), st["h1"]), para(_e(d.summary), st["lead"]),
           para("References such as “source 2, paragraph 4” point to the numbered sources below.", st["small"]),
           para("Key people", st["h2"])]
    out += [para(_person(d, p), st["body"]) for p in key_people(d)] or [para("No people identified.", st["body"])]
    out.append(para("Sources", st["h2"]))
    for n, s in enumerate(d.documents, 1):
        title, href = _e(s.title), safe_href(s.url)
        if href:
            title = f"<link href=\"{_e(href)}\" color='{BLUE}'>{title}</link>"
        meta = _e(" · ".join(v for v in (s.site, s.published or "undated") if v))
        out.append(para(f"{n}. {title} <font color='grey'>{meta}</font>", st["small"]))
    return out


def _story(d: StoryDossier, para: Any, st: dict[str, Any]) -> list[Any]:
    out = [para(f"<b>{n or '–'}</b> {_e(ev.when)}: {_e(ev.text)} {_ref(d, ev.document, ev.start)}", st["small"])
           for n, ev in numbered(d.timeline)]
    out.append(para("Quotes by speaker", st["h2"]))
    for group in d.quotes:
        out.append(para(_e(group.name), st["h3"]))
        for q in group.quotes:
            text = f"“{_e(q.text)}”" if q.kind == "direct" else f"{_e(q.text)} <i>({_e(q.kind)})</i>"
            if q.act:  # a denial or an accusation, never the speaker's own words
                text = f"<b>{_e(q.speaker_name or 'Someone')} {_e(q.act)}:</b> {text}"
            if q.ocr:
                text += " <i>(machine-read: check the scan)</i>"
            out.append(para(text + " " + _refs(d, q.sources), st["quote"]))
    out.append(para("Claims and denials", st["h2"]))
    out += [para(f"<b>{_e(c.kind)}</b>: {_e(c.claimant_name or 'unknown')}: {_e(c.content or '')} "
                 + _refs(d, c.sources), st["body"]) for c in d.claims]
    out.append(para("Claims no one has answered", st["h3"]))
    out += [para(f"{_e(c.line)} " + _refs(d, c.sources), st["body"])
            for c in d.unanswered] or [
        para("Every claim found has a denial in the story.", st["body"])]
    out.append(para("Where sources disagree", st["h2"]))
    for x in d.discrepancies:
        out.append(para(f"<b>{_e(x.kind)}</b>: {_e(x.description)}", st["body"]))
        out += [para(_excerpt(d, s.excerpt, s.document, s.start), st["small"]) for s in x.sides]
    out.append(para("Copied passages", st["h2"]))
    for copied in d.copied:
        out.append(para(f"From <b>{_e(copied.source.title)}</b>", st["body"]))
        for p in copied.passages:
            out += [para(_excerpt(d, p.original.excerpt, p.original.document, p.original.start), st["small"]),
                    para(f"→ copied into {_e(p.copy.title)} (similarity {p.similarity:.2f}): "
                         + _excerpt(d, p.copy.excerpt, p.copy.document, p.copy.start), st["small"])]
    out.append(para("Who's who", st["h2"]))
    out += [para(_person(d, p), st["body"]) for p in d.people + d.organisations]
    return out


def render_pdf(d: StoryDossier) -> bytes:
    """The dossier as PDF bytes; RuntimeError naming the install command when reportlab is missing."""
    colors, styles, a4, mm, para, doc_template, spacer = _reportlab()
    sheet = styles.getSampleStyleSheet()
    st = {"h1": sheet["Title"], "h2": sheet["Heading2"], "h3": sheet["Heading4"], "body": sheet["BodyText"],
          "lead": styles.ParagraphStyle("lead", parent=sheet["BodyText"], fontSize=11, leading=15),
          "small": styles.ParagraphStyle("small", parent=sheet["BodyText"], fontSize=8.5, leading=11),
          "quote": styles.ParagraphStyle("quote", parent=sheet["BodyText"], leftIndent=12, textColor=colors.black)}
    buf = io.BytesIO()
    doc = doc_template(buf, pagesize=a4, leftMargin=18 * mm, rightMargin=18 * mm, title=f"Dossier: {d.story.title}",
                       author="storyline")
    story: list[Any] = _opening(d, para, st) + [spacer(1, 4 * mm), para("Timeline", st["h2"])]
    drawing = timeline_drawing(d, doc.width, max_height=doc.height * 0.85)
    if drawing is not None:
        story.append(drawing)
    story += _story(d, para, st)
    story.append(para(f"Generated by storyline on {_e(generated())}.", st["small"]))
    doc.build(story)
    return buf.getvalue()
