"""Server-rendered pages: overview, stories, story, documents, people, search."""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from storyline import views
from storyline.web.app import context_of, render
from storyline.web.corpus_index import (
    StoryFilters,
    display_title,
    enrich_hits,
    filter_hits,
    filter_stories,
    newest_first,
    overview,
    person_profile,
    search_facets,
    split_claims,
    with_source_text,
)
from storyline.web.highlight import document_spans, excerpt_html, fact_href, highlight_html
from storyline.web.timeline_svg import event_interval, render_timeline_svg

router = APIRouter(include_in_schema=False)
Record = dict[str, Any]
REPORT_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    ctx = context_of(request)
    data, _ = ctx.cache.get()
    recent = newest_first(data["documents"], "published")[:8]
    return render(request, "overview.html", title="Overview", **overview(data), recent=recent,
                  errors=ctx.store.errors()[-20:])


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, date_from: str = "", date_to: str = "", person: str = "", organisation: str = "",
                 source: str = "") -> HTMLResponse:
    data, index = context_of(request).cache.get()
    filters = StoryFilters(date_from.strip(), date_to.strip(), person.strip(), organisation.strip(), source.strip())
    rows = filter_stories(data, index, filters)
    return render(request, "stories.html", title="Stories", stories=rows, filters=filters,
                  people=sorted(e["name"] for e in data["entities"] if e["type"] == "person"),
                  organisations=sorted(e["name"] for e in data["entities"] if e["type"] == "organisation"))


def _event_href(ev: Record) -> str:
    return fact_href(ev["document"], ev["start"], ev["end"])


def _numbered(events: list[Record]) -> list[tuple[int | None, Record]]:
    """Events with the number of their mark on the timeline (None when the date cannot be placed)."""
    out: list[tuple[int | None, Record]] = []
    n = 0
    for ev in events:
        if event_interval(ev.get("date")) is None:
            out.append((None, ev))
        else:
            n += 1
            out.append((n, ev))
    return out


def _reuse_rows(reuse: list[Record], documents: dict[str, Record]) -> list[Record]:
    rows = []
    for r in reuse:
        a, b = documents.get(r["a"]), documents.get(r["b"])
        if a is None or b is None:
            continue
        rows.append({**r, "doc_a": a, "doc_b": b, "a_html": excerpt_html(a["text"], r["a_start"], r["a_end"]),
                     "b_html": excerpt_html(b["text"], r["b_start"], r["b_end"])})
    return rows


def _discrepancy_rows(discrepancies: list[Record], documents: dict[str, Record]) -> list[Record]:
    rows = []
    for d in discrepancies:
        sides = [{**s, "doc": documents[s["document"]],
                  "html": excerpt_html(documents[s["document"]]["text"], s["start"], s["end"], 60)}
                 for s in d.get("spans", []) if s["document"] in documents]
        rows.append({**d, "sides": sides})
    return rows


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    data, index = context_of(request).cache.get()
    d = views.dossier(data, story_id)
    if d is None:
        raise HTTPException(404, f"No story with id {story_id!r}. Pick one from the story list.")
    claims_left, claims_right = split_claims(with_source_text(d.claims, index.documents))
    d.quotes_by_speaker = {k: with_source_text(v, index.documents) for k, v in d.quotes_by_speaker.items()}
    return render(
        request, "story.html", title=d.story["title"], d=d, story=d.story,
        timeline_svg=Markup(render_timeline_svg(d.timeline, href=_event_href)),
        events=_numbered(d.timeline), claims_left=claims_left, claims_right=claims_right,
        reuse=_reuse_rows(d.reuse, index.documents), discrepancies=_discrepancy_rows(d.discrepancies, index.documents),
    )


@router.get("/stories/{story_id}/report.{fmt}")
def story_report(request: Request, story_id: str, fmt: Literal["html", "md", "pdf"]) -> Response:
    from storyline.report.dossier import render_report

    data, _ = context_of(request).cache.get()
    story = views.find_story(data, story_id)
    if story is None:
        raise HTTPException(404, f"No story with id {story_id!r}.")
    try:
        body = render_report(data, story["id"], fmt)
    except RuntimeError as err:
        raise HTTPException(501, str(err)) from err
    headers = {"Content-Disposition": f'attachment; filename="dossier-{story["id"][:16]}.{fmt}"'}
    return Response(body, media_type=REPORT_TYPES[fmt], headers=headers)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    data, index = context_of(request).cache.get()
    docs = newest_first(data["documents"], "published")
    return render(request, "documents.html", title="Documents", documents=docs, story_of=index.story_of,
                  stories=index.stories)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    ctx = context_of(request)
    data, index = ctx.cache.get()
    doc = index.documents.get(doc_id)
    if doc is None:
        found = ctx.store.get_document(doc_id)
        doc = index.documents.get(found.id) if found else None
    if doc is None:
        raise HTTPException(404, f"No document with id {doc_id!r}. Search for it or pick one from the list.")
    annotations = ctx.store.get_annotations(doc["id"])
    entity_map = ctx.store.entity_map([doc["id"]])
    body = highlight_html(doc["text"], document_spans(doc, data, annotations, entity_map))
    story_id = index.story_of.get(doc["id"])
    return render(request, "document.html", title=display_title(doc), doc=doc, body=body,
                  story=index.stories.get(story_id) if story_id else None,
                  quotes=[q for q in data["quotes"] if q["document"] == doc["id"]],
                  events=views.timeline(data, document=doc["id"]),
                  claims=with_source_text([c for c in data["claims"] if c["document"] == doc["id"]], index.documents))


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, kind: str = "person") -> HTMLResponse:
    data, _ = context_of(request).cache.get()
    kind = kind if kind in ("person", "organisation", "place") else "person"
    return render(request, "people.html", title="People" if kind == "person" else kind.capitalize() + "s",
                  rows=views.people(data, kind), kind=kind)


@router.get("/people/{entity_id}", response_class=HTMLResponse)
def person_page(request: Request, entity_id: str) -> HTMLResponse:
    data, index = context_of(request).cache.get()
    profile = person_profile(data, index, entity_id)
    if profile is None:
        raise HTTPException(404, f"No person or organisation with id {entity_id!r}. See the people list.")
    profile["claims"] = with_source_text(profile["claims"], index.documents)
    return render(request, "person.html", title=profile["entity"]["name"], p=profile)


def facet_link(params: dict[str, str], key: str, value: str) -> str:
    """/search URL with one facet set (or cleared when already selected)."""
    chosen = {**params, key: "" if params.get(key) == value else value}
    return "/search?" + urlencode([(k, v) for k, v in chosen.items() if v])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", site: str = "", year: str = "", story: str = "") -> HTMLResponse:
    ctx = context_of(request)
    _, index = ctx.cache.get()
    hits: list[Record] = enrich_hits(ctx.store.search(q, limit=200), index) if q.strip() else []
    facets = search_facets(hits, index)
    shown = filter_hits(hits, site, year, story)
    params = {"q": q, "site": site, "year": year, "story": story}
    links = {key: {value: facet_link(params, key, value) for value, _, _ in values} for key, values in facets.items()}
    return render(request, "search.html", title="Search", q=q, hits=shown, total=len(hits), facets=facets,
                  facet_links=links, params=params, stories=index.stories)
