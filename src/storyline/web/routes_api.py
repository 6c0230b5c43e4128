"""The JSON API under /api/ (records follow the export contract, docs/export.md) and its docs page."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from storyline import views
from storyline.model import to_dict
from storyline.web.app import context_of, render
from storyline.web.corpus_index import enrich_hits, person_profile

router = APIRouter(prefix="/api", tags=["corpus"])
Record = dict[str, Any]


def _summary(doc: Record) -> Record:
    return {k: v for k, v in doc.items() if k != "text"}


@router.get("/documents", summary="List documents (without their text)")
def api_documents(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> Record:
    data, _ = context_of(request).cache.get()
    docs = sorted(data["documents"], key=lambda d: (views.date_sort_key(d.get("published")), d["id"]))
    return {"total": len(docs), "documents": [_summary(d) for d in docs[offset : offset + limit]]}


@router.get("/documents/{doc_id}", summary="One document with its text and annotations")
def api_document(request: Request, doc_id: str) -> Record:
    ctx = context_of(request)
    data, index = ctx.cache.get()
    doc = index.documents.get(doc_id)
    if doc is None:
        raise HTTPException(404, f"No document with id {doc_id!r}.")
    return {
        "document": doc,
        "quotes": [q for q in data["quotes"] if q["document"] == doc_id],
        "events": [e for e in data["events"] if e["document"] == doc_id],
        "claims": [c for c in data["claims"] if c["document"] == doc_id],
        "annotations": to_dict(ctx.store.get_annotations(doc_id)),
        "story": index.story_of.get(doc_id),
    }


@router.get("/stories", summary="List stories")
def api_stories(request: Request) -> Record:
    data, _ = context_of(request).cache.get()
    return {"stories": views.stories(data)}


@router.get("/stories/{story_id}", summary="The dossier of one story")
def api_story(request: Request, story_id: str) -> Record:
    data, _ = context_of(request).cache.get()
    d = views.dossier(data, story_id)
    if d is None:
        raise HTTPException(404, f"No story with id {story_id!r}.")
    out = dataclasses.asdict(d)
    out["documents"] = [_summary(doc) for doc in d.documents]
    return out


@router.get("/people", summary="People (or organisations, places), most quoted first")
def api_people(request: Request, kind: str = Query("person", pattern="^(person|organisation|place)$")) -> Record:
    data, _ = context_of(request).cache.get()
    return {"people": views.people(data, kind)}


@router.get("/people/{entity_id}", summary="One identity: roles over time, quotes, claims, stories")
def api_person(request: Request, entity_id: str) -> Record:
    data, index = context_of(request).cache.get()
    profile = person_profile(data, index, entity_id)
    if profile is None:
        raise HTTPException(404, f"No person or organisation with id {entity_id!r}.")
    profile["documents"] = [_summary(doc) for doc in profile["documents"]]
    return profile


@router.get("/quotes", summary="Quotes, optionally by speaker name")
def api_quotes(request: Request, speaker: str | None = None) -> Record:
    data, _ = context_of(request).cache.get()
    return {"quotes": views.quotes(data, speaker)}


@router.get("/search", summary="Full-text search; snippets mark matches with \\u0002 ... \\u0003")
def api_search(request: Request, q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=200)) -> Record:
    ctx = context_of(request)
    _, index = ctx.cache.get()
    return {"query": q, "hits": enrich_hits(ctx.store.search(q, limit=limit), index)}


@router.get("/export", summary="The whole corpus as the JSON export object (docs/export.md)")
def api_export(request: Request) -> Record:
    data, _ = context_of(request).cache.get()
    return data


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
