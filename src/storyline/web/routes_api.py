"""The JSON API under /api/: the views as JSON (docs/web.md), the export streamed, and its docs page."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from storyline import views
from storyline.export import iter_export
from storyline.views.base import MOST_ROWS
from storyline.web.app import context_of, render

router = APIRouter(prefix="/api", tags=["corpus"])
Record = dict[str, Any]


def _json(value: Any) -> Record:
    out: Record = dataclasses.asdict(value)
    return out


@router.get("/documents", summary="List documents (without their text), oldest first")
def api_documents(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MOST_ROWS)) -> Record:
    page = views.documents(context_of(request).store, limit, offset)
    return {"total": page.total, "more": page.more, "documents": [_json(d) for d in page.items]}


@router.get("/documents/{doc_id}", summary="One document with its text and every fact found in it")
def api_document(request: Request, doc_id: str) -> Record:
    view = views.document(context_of(request).store, doc_id)
    if view is None:
        raise HTTPException(404, f"No document with id {doc_id!r}.")
    return {"document": {**_json(view.summary), "text": view.text}, "story": view.summary.story,
            "entities": [_json(e) for e in view.entities], "quotes": [_json(q) for q in view.quotes],
            "events": [_json(e) for e in view.events], "claims": [_json(c) for c in view.claims],
            "marks": [_json(m) for m in view.marks]}


@router.get("/stories", summary="List stories, oldest first")
def api_stories(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MOST_ROWS)) -> Record:
    page = views.stories(context_of(request).store, limit, offset)
    return {"total": page.total, "more": page.more, "stories": [_json(s) for s in page.items]}


@router.get("/stories/{story_id}", summary="The dossier of one story")
def api_story(request: Request, story_id: str) -> Record:
    d = views.story_dossier(context_of(request).store, story_id, views.FULL)
    if d is None:
        raise HTTPException(404, f"No story with id {story_id!r}.")
    return _json(d)


@router.get("/people", summary="People (or organisations, places), most quoted first")
def api_people(request: Request, kind: str = Query("person", pattern="^(person|organisation|place)$"),
               limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MOST_ROWS)) -> Record:
    page = views.people(context_of(request).store, kind, limit, offset)
    return {"total": page.total, "more": page.more, "people": [_json(p) for p in page.items]}


@router.get("/people/{entity_id}", summary="One identity: roles (each once, with dates), quotes, claims, stories")
def api_person(request: Request, entity_id: str) -> Record:
    found = views.person(context_of(request).store, entity_id)
    if found is None:
        raise HTTPException(404, f"No person or organisation with id {entity_id!r}.")
    return _json(found)


@router.get("/quotes", summary="Quotes, optionally by speaker name")
def api_quotes(request: Request, speaker: str | None = None, limit: int = Query(100, ge=1, le=1000),
               offset: int = Query(0, ge=0, le=MOST_ROWS)) -> Record:
    page = views.quotes(context_of(request).store, speaker, limit, offset)
    return {"more": page.more, "quotes": [_json(q) for q in page.items]}


@router.get("/search", summary="Full-text search; snippets mark matches with \\u0002 ... \\u0003")
def api_search(request: Request, q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=200)) -> Record:
    results = views.search(context_of(request).store, q, limit)
    return {"query": q, "total": results.total, "hits": [_json(h) for h in results.hits],
            "facets": {k: [_json(f) for f in v] for k, v in results.facets.items()}}


@router.get("/export", summary="The whole corpus as the JSON export object (docs/export.md), streamed")
def api_export(request: Request) -> StreamingResponse:
    return StreamingResponse(iter_export(context_of(request).store, "json"), media_type="application/json")


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A plain, script-free reference page generated from the OpenAPI schema."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [(p["name"], p["in"], p.get("required", False)) for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "params": params})
    return render(request, "api_docs.html", title="API", endpoints=endpoints)
