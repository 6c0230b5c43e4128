"""Story dossiers as one self-contained file: HTML (inline CSS and SVG), Markdown or PDF.

Every format renders the one dossier model, :class:`storyline.views.StoryDossier`, in the order an
editor reads: the summary line, the key people, the sources, then the timeline, the quotes (each
once, with every source carrying it), claims and denials, where sources disagree and copied
passages. References read "source 2, paragraph 4"; the character offsets stay in the export and
in the web app's links (and in the HTML report's tooltips).
"""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Literal

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storyline.render.links import safe_href
from storyline.render.timeline_svg import numbered, render_timeline_svg
from storyline.views.model import StoryDossier, StoryPerson

Format = Literal["html", "md", "pdf"]
KEY_PEOPLE = 6  # people named in the opening "key people" list


def key_people(d: StoryDossier, n: int = KEY_PEOPLE) -> list[StoryPerson]:
    """The people an editor needs first: the most quoted, then those holding the most roles in the story."""
    return d.people[:n]


def generated() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("storyline.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_href"] = safe_href
    return env


@lru_cache(maxsize=1)
def _stylesheet() -> str:
    return (resources.files("storyline.report") / "templates" / "report.css").read_text(encoding="utf-8")


def render_html(d: StoryDossier) -> bytes:
    """One HTML file that works offline: inline CSS, inline SVG, no scripts, only http(s) links live."""
    html = _environment().get_template("dossier.html").render(
        d=d, key_people=key_people(d), events=numbered(d.timeline), generated=generated(),
        timeline_svg=Markup(render_timeline_svg(d.timeline)), css=Markup(_stylesheet()))
    return html.encode("utf-8")


def render_report(d: StoryDossier, fmt: Format) -> bytes:
    """A self-contained dossier of one story as HTML, Markdown or PDF bytes."""
    if fmt == "html":
        return render_html(d)
    if fmt == "md":
        from storyline.report.markdown import render_markdown

        return render_markdown(d).encode("utf-8")
    if fmt == "pdf":
        from storyline.report.pdf import render_pdf

        return render_pdf(d)
    raise ValueError(f"unknown report format {fmt!r}; choose html, md or pdf")
