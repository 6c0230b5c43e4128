"""The dossier as PDF through reportlab (optional extra: ``pip install 'storyline[pdf]'``)."""

from __future__ import annotations

import io
from html import escape
from typing import Any

from storyline.report.dossier import Excerpt, ReportModel
from storyline.web.timeline_svg import layout_timeline

INSTALL_HINT = "PDF reports need reportlab: pip install 'storyline[pdf]'"


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


def timeline_drawing(m: ReportModel, width: float, max_height: float | None = None) -> Any:
    """The same layout as the SVG timeline, as a reportlab drawing (scaled down to ``max_height`` when taller)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
    from reportlab.lib import colors

    lay = layout_timeline(m.timeline_events, int(width))
    if not lay.marks:
        return None
    drawing = Drawing(lay.width, lay.height)
    flip = lay.height  # reportlab's y axis points up

    def y(value: float) -> float:
        return flip - value

    drawing.add(Line(28, y(lay.axis_y), lay.width - 28, y(lay.axis_y), strokeColor=colors.grey))
    for x, label in lay.ticks:
        drawing.add(Line(x, y(lay.axis_y), x, y(lay.axis_y + 5), strokeColor=colors.grey))
        drawing.add(String(x, y(lay.axis_y + 16), label, fontSize=7, textAnchor="middle", fillColor=colors.grey))
    for mark in lay.marks:
        my = lay.axis_y - 14 - mark.lane * 24
        if mark.is_range:
            drawing.add(Rect(mark.x0, y(my + 5), max(6.0, mark.x1 - mark.x0), 10, fillColor=colors.HexColor("#8fb3d9"),
                             strokeColor=None))
        else:
            drawing.add(Circle(mark.x0, y(my), 5, fillColor=colors.HexColor("#1f4e79"), strokeColor=None))
        drawing.add(String(mark.x0 + 8, y(my + 3), str(mark.number), fontSize=8))
    if max_height and lay.height > max_height:  # many overlapping events: fit the page instead of failing
        factor = max_height / lay.height
        drawing.scale(factor, factor)
        drawing.width, drawing.height = lay.width * factor, lay.height * factor
    return drawing


def _quoted(q: dict[str, Any]) -> str:
    return f"“{_e(q['text'])}”" if q.get("kind") == "direct" else f"{_e(q['text'])} <i>({_e(q.get('kind'))})</i>"


def _excerpt(e: Excerpt) -> str:
    return f"{_e(e.before)}<b>{_e(e.span)}</b>{_e(e.after)} <font color='#1f4e79'>{_e(e.ref)}</font>"


def _story_paragraphs(m: ReportModel, para: Any, st: dict[str, Any]) -> list[Any]:
    out = [para(f"<b>{ev['mark'] or '–'}</b> {_e(ev['date'])}: {_e(ev['text'])} {_e(ev['ref'])}", st["small"])
            for ev in m.events]
    out.append(para("Who's who", st["h2"]))
    for p in m.people + m.organisations:
        roles = "; ".join(f"{_e(r['role'])} ({_e(r.get('date') or 'undated')}) {_e(r['ref'])}" for r in p["role_list"])
        out.append(para(f"<b>{_e(p['name'])}</b> {roles}", st["body"]))
    out.append(para("Quotes by speaker", st["h2"]))
    for speaker, quotes in m.quotes_by_speaker.items():
        out.append(para(_e(speaker), st["h3"]))
        out += [para(f"{_quoted(q)} {_e(q['ref'])}", st["quote"]) for q in quotes]
    out.append(para("Claims and denials", st["h2"]))
    out += [para(f"<b>{_e(c['kind'])}</b>: {_e(c.get('claimant_name') or 'unknown')}: {_e(c['span_text'])} "
                 f"{_e(c['ref'])}", st["body"]) for c in m.claims + m.denials]
    out.append(para("Where sources disagree", st["h2"]))
    for x in m.discrepancies:
        out.append(para(f"<b>{_e(x['kind'])}</b>: {_e(x['description'])}", st["body"]))
        out += [para(_excerpt(s), st["small"]) for s in x["sides"]]
    out.append(para("Copied passages", st["h2"]))
    for a, b, sim in m.reuse:
        out += [para(f"Similarity {sim:.2f}", st["small"]), para(_excerpt(a), st["small"]), para(_excerpt(b), st["small"])]
    return out


def _sources(m: ReportModel, para: Any, st: dict[str, Any]) -> list[Any]:
    out = [para("Sources", st["h2"])]
    for s in m.sources:
        title = _e(s.get("title") or s["source"])
        if s["href"]:
            title = f"<link href=\"{_e(s['href'])}\" color='#1f4e79'>{title}</link>"
        meta = _e(" · ".join(str(v) for v in (s.get("site_name"), s.get("published") or "undated") if v))
        out.append(para(f"{s['n']}. {title} <font color='grey'>{meta}; id {_e(s['id'])}</font>", st["small"]))
    return out


def render_pdf(m: ReportModel) -> bytes:
    """The dossier as PDF bytes; RuntimeError naming the install command when reportlab is missing."""
    colors, styles, a4, mm, para, doc_template, spacer = _reportlab()
    sheet = styles.getSampleStyleSheet()
    st = {"h1": sheet["Title"], "h2": sheet["Heading2"], "h3": sheet["Heading4"], "body": sheet["BodyText"],
          "small": styles.ParagraphStyle("small", parent=sheet["BodyText"], fontSize=8.5, leading=11),
          "quote": styles.ParagraphStyle("quote", parent=sheet["BodyText"], leftIndent=12, textColor=colors.black)}
    buf = io.BytesIO()
    doc = doc_template(buf, pagesize=a4, leftMargin=18 * mm, rightMargin=18 * mm, title=f"Dossier: {m.title}",
                       author="storyline")
    story: list[Any] = [para(_e(m.title), st["h1"]),
                        para(f"{_e(m.date_range)} · {len(m.sources)} sources · generated {_e(m.generated)}", st["small"]),
                        para("References like [2:120-165] point to source 2, characters 120 to 165 of its text.",
                             st["small"]), spacer(1, 4 * mm), para("Timeline", st["h2"])]
    drawing = timeline_drawing(m, doc.width, max_height=doc.height * 0.85)
    if drawing is not None:
        story.append(drawing)
    story += _story_paragraphs(m, para, st) + _sources(m, para, st)
    doc.build(story)
    return buf.getvalue()
