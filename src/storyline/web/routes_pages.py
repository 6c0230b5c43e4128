"""Server-rendered pages: overview, stories, story, documents, people, search. Each renders one view."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from storyline import views
from storyline.render.timeline_svg import numbered, render_timeline_svg
from storyline.views.base import MOST_ROWS
from storyline.views.model import EventRow
from storyline.web.app import context_of, render
from storyline.web.routes_corrections import fix_values, with_csrf_cookie
from storyline.web.highlight import document_spans, excerpt_html, fact_href, highlight_html

router = APIRouter(include_in_schema=False)
REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}
PAGE = 100
KEY_DATES, KEY_SENTENCES = 8, 1  # the story page's key-date view
NAMES_LISTED = 300  # people and organisations offered as filter suggestions
Offset = Query(0, ge=0, le=MOST_ROWS)


def pager(request: Request, offset: int, limit: int, more: bool) -> dict[str, str | None]:
    """Links to the previous and next page of a list (the same query with another offset)."""
    params = {k: v for k, v in request.query_params.items() if k != "offset"}

    def link(at: int) -> str:
        query = urlencode({**params, **({"offset": str(at)} if at else {})})
        return request.url.path + ("?" + query if query else "")

    return {"previous": link(max(0, offset - limit)) if offset else None,
            "next": link(offset + limit) if more else None}


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    ctx = context_of(request)
    return render(request, "overview.html", title="Overview", o=views.overview(ctx.store),
                  errors=ctx.store.errors()[-20:])


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, date_from: str = "", date_to: str = "", person: str = "", organisation: str = "",
                 source: str = "", offset: int = Offset) -> HTMLResponse:
    store = context_of(request).store
    filters = views.StoryFilters(date_from.strip(), date_to.strip(), person.strip(), organisation.strip(),
                                 source.strip())
    try:
        page = views.stories(store, PAGE, offset, filters, newest_first=True, details=True)
    except ValueError as err:
        raise HTTPException(400, str(err)) from err
    names = {kind: [p.name for p in views.people(store, kind, NAMES_LISTED)] for kind in ("person", "organisation")}
    return render(request, "stories.html", title="Stories", page=page, filters=filters, people=names["person"],
                  organisations=names["organisation"], pages=pager(request, offset, PAGE, page.more))


def _event_href(ev: EventRow) -> str:
    return fact_href(ev.document, ev.start, ev.end)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    store = context_of(request).store
    d = views.story_dossier(store, story_id)
    if d is None:
        raise HTTPException(404, f"No story with id {story_id!r}. Pick one from the story list.")
    key_dates = views.key_dates(store, views.TimelineScope(story=d.story.id), KEY_DATES, KEY_SENTENCES)
    return with_csrf_cookie(request, render(
        request, "story.html", title=d.story.title, d=d, story=d.story, key_dates=key_dates,
        timeline_svg=Markup(render_timeline_svg(d.timeline, href=_event_href)),
        events=numbered(d.timeline), claims_left=[c for c in d.claims if c.kind in ("claim", "promise")],
        claims_right=[c for c in d.claims if c.kind not in ("claim", "promise")], excerpt=_excerpt,
        **fix_values(request)))


def _excerpt(side: views.Side) -> Markup:
    e = side.excerpt
    return excerpt_html(e.before + e.span + e.after, len(e.before), len(e.before) + len(e.span), 10_000)


@router.get("/stories/{story_id}/report.{fmt}")
def story_report(request: Request, story_id: str, fmt: Literal["html", "md", "pdf"]) -> Response:
    from storyline.report.dossier import render_report

    d = views.story_dossier(context_of(request).store, story_id, views.FULL)
    if d is None:
        raise HTTPException(404, f"No story with id {story_id!r}.")
    try:
        body = render_report(d, fmt)
    except RuntimeError as err:
        raise HTTPException(501, str(err)) from err
    headers = {"Content-Disposition": f'attachment; filename="dossier-{d.story.id[:16]}.{fmt}"'}
    return Response(body, media_type=REPORT_TYPES[fmt], headers=headers)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, offset: int = Offset) -> HTMLResponse:
    page = views.documents(context_of(request).store, PAGE, offset, newest_first=True)
    return render(request, "documents.html", title="Documents", page=page,
                  pages=pager(request, offset, PAGE, page.more))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    view = views.document(context_of(request).store, doc_id)
    if view is None:
        raise HTTPException(404, f"No document with id {doc_id!r}. Search for it or pick one from the list.")
    body = highlight_html(view.text, document_spans(view))
    return with_csrf_cookie(request, render(request, "document.html", title=view.summary.title, v=view,
                                            doc=view.summary, body=body, **fix_values(request)))


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, kind: str = "person", offset: int = Offset) -> HTMLResponse:
    kind = kind if kind in ("person", "organisation", "place") else "person"
    page = views.people(context_of(request).store, kind, PAGE, offset)
    return render(request, "people.html", title="People" if kind == "person" else kind.capitalize() + "s",
                  page=page, kind=kind, pages=pager(request, offset, PAGE, page.more))


@router.get("/people/{entity_id}", response_class=HTMLResponse)
def person_page(request: Request, entity_id: str) -> HTMLResponse:
    found = views.person(context_of(request).store, entity_id)
    if found is None:
        raise HTTPException(404, f"No person or organisation with id {entity_id!r}. See the people list.")
    return with_csrf_cookie(request, render(request, "person.html", title=found.summary.name, p=found,
                                            **fix_values(request)))


def facet_link(params: dict[str, str], key: str, value: str) -> str:
    """/search URL with one facet set (or cleared when already selected)."""
    chosen = {**params, key: "" if params.get(key) == value else value}
    return "/search?" + urlencode([(k, v) for k, v in chosen.items() if v])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", site: str = "", year: str = "", story: str = "") -> HTMLResponse:
    results = views.search(context_of(request).store, q, site=site, year=year, story=story)
    params = {"q": q, "site": site, "year": year, "story": story}
    links = {key: {f.value: facet_link(params, key, f.value) for f in values} for key, values in results.facets.items()}
    return render(request, "search.html", title="Search", q=q, r=results, facet_links=links, params=params)
