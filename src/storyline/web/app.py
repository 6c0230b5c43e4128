"""The FastAPI application: one factory, the shared context (store, settings) and templates.

Every page reads what it shows through :mod:`storyline.views` (bounded queries, fresh on every
request), so pages stay fast and current while an ingest writes.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from storyline import timex3
from storyline.store import Store
from storyline.store.search import mark_snippet
from storyline.web import security
from storyline.web.highlight import fact_href

if TYPE_CHECKING:
    from storyline.ingest import SourceRef

LOG = logging.getLogger(__name__)
IngestFunction = Callable[[list["str | SourceRef"], Store], Any]  # URLs, and uploads named as uploaded


def default_ingest(sources: list[str | SourceRef], store: Store) -> Any:
    """Ingest, annotate and link through the public API (imported late: it pulls in the whole pipeline)."""
    from storyline import api

    return api.ingest(sources, store)


@dataclass
class WebContext:
    store: Store
    read_only: bool = False
    token: str | None = None
    max_upload_bytes: int = 20_000_000
    ingest: IngestFunction = default_ingest
    csrf: security.CsrfTokens = field(default_factory=security.CsrfTokens)  # a new secret per server
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = make_environment()


def make_environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = security.safe_href
    env.globals["fact_href"] = fact_href
    env.filters["snippet"] = snippet_html
    env.filters["when"] = timex3.short_words
    env.globals["key_date_words"] = lambda k: timex3.words(k.date, inferred=k.inferred, anchor=k.anchor)
    return env


def snippet_html(snippet: str) -> Markup:
    """A search snippet escaped, with its match markers turned into <mark> elements."""
    return Markup(mark_snippet(str(escape(snippet)), "<mark>", "</mark>"))


def context_of(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.web
    return ctx


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """Render a page template with the values every page needs."""
    ctx = context_of(request)
    html = ctx.env.get_template(template).render(read_only=ctx.read_only, path=request.url.path, **values)
    return HTMLResponse(html, status_code=status_code)


async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "Something went wrong.")
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": detail}, status_code=status)
    return render(request, "error.html", status_code=status, status=status, detail=str(detail))


async def _server_error(request: Request, exc: Exception) -> Response:
    """An unexpected failure: logged with its traceback on the server, answered with the app's error page (no
    traceback or path in it) and the same security headers as every other response."""
    LOG.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    detail = ("Something went wrong while reading this page; the server log has the details. Please report it, "
              "with the address of the page.")
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        response: Response = JSONResponse({"detail": detail}, status_code=500)
    else:
        response = render(request, "error.html", status_code=500, status=500, detail=detail)
    return security.add_security_headers(response)


def create_app(
    db: str | None = None,
    *,
    read_only: bool = False,
    token: str | None = None,
    max_upload_bytes: int = 20_000_000,
    hosts: Iterable[str] = security.LOCAL_HOSTS,
) -> FastAPI:
    """The storyline web app over one database (``None``: ./storyline.db or $STORYLINE_DB).

    ``hosts``: the host names requests may name (``"*"``: any); ``token``: when set, every request needs it.
    """
    from storyline.web import routes_api, routes_corrections, routes_ingest, routes_pages

    if token:
        security.check_token(token)
    web = WebContext(Store(db, create=not read_only), read_only, token, max_upload_bytes)  # browse only: no new db

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        web.store.close()

    app = FastAPI(title="storyline", version="1", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Verified story dossiers from news coverage: every fact links to its source span.",
                  lifespan=lifespan)
    app.state.web = web
    # The last added runs first: host check, HEAD as GET, Origin/Referer of POSTs, the token, then no NUL.
    app.middleware("http")(security.nul_gate())
    app.middleware("http")(security.token_gate(token))
    app.middleware("http")(security.origin_gate())
    app.add_middleware(security.HeadAsGet)
    app.middleware("http")(security.host_gate(hosts))
    app.add_exception_handler(StarletteHTTPException, _http_error)  # FastAPI's and Starlette's (form limits)
    app.add_exception_handler(404, _http_error)
    app.add_exception_handler(Exception, _server_error)
    app.mount("/static", StaticFiles(directory=str(resources.files("storyline.web") / "static")), name="static")
    for module in (routes_pages, routes_ingest, routes_corrections, routes_api):
        app.include_router(module.router)
    return app
