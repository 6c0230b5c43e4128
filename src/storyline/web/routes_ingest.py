"""The ingest form: uploads and URLs go through the normal ingest, behind CSRF, size and type checks."""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from storyline.store import StoreError
from storyline.web import security
from storyline.web.app import WebContext, context_of, render

if TYPE_CHECKING:
    from storyline.ingest import SourceRef

router = APIRouter(include_in_schema=False)
CHUNK = 64 * 1024
MAX_FILES = 50
LOG = logging.getLogger(__name__)


def _refuse_if_read_only(ctx: WebContext) -> None:
    if ctx.read_only:
        raise HTTPException(403, "This server runs with --read-only: ingest is disabled. Restart it without "
                                 "--read-only to add documents.")


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    ctx = context_of(request)
    _refuse_if_read_only(ctx)
    session = request.cookies.get(security.CSRF_COOKIE) or security.new_csrf_session()
    response = render(request, "ingest.html", title="Ingest", csrf=ctx.csrf.issue(session),
                      max_mb=ctx.max_upload_bytes / 1e6)
    response.set_cookie(security.CSRF_COOKIE, session, httponly=True, samesite="strict")
    return response


def _check_length(request: Request, limit: int) -> None:
    length = request.headers.get("content-length")
    if length is None:
        raise HTTPException(411, "Send the upload with a Content-Length header.")
    if not length.isdigit() or int(length) > limit + 64 * 1024:
        raise HTTPException(413, f"Upload too large: the limit is {limit / 1e6:.1f} MB in total.")


def uploaded_name(filename: str) -> str:
    """The name the user uploaded, without any folders a browser or client put in front (kept as the source)."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1].strip() or security.sanitise_filename(filename)


async def _save_upload(upload: UploadFile, folder: Path, used: int, limit: int) -> tuple[Path, int]:
    """Write one upload into ``folder`` under a sanitised name; raise UploadRejected on type or size."""
    name = security.sanitise_filename(upload.filename)
    head = await upload.read(4096)
    security.check_upload_content(name, head)
    target = folder / name
    n = 1
    while target.exists():
        target, n = folder / f"{n}-{name}", n + 1
    if not security.inside(folder, target):
        raise security.UploadRejected(400, f"{name}: unsafe file name")
    size = used + len(head)
    with target.open("wb") as out:
        out.write(head)
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise security.UploadRejected(413, f"Upload too large: the limit is {limit / 1e6:.1f} MB in total.")
            out.write(chunk)
    if size > limit:
        raise security.UploadRejected(413, f"Upload too large: the limit is {limit / 1e6:.1f} MB in total.")
    return target, size


def _urls(raw: str) -> list[str]:
    urls = [line.strip() for line in raw.splitlines() if line.strip()]
    bad = [u for u in urls if security.safe_href(u) is None]
    if bad:
        raise HTTPException(400, f"Only http:// and https:// addresses can be ingested; refused: {bad[0][:200]}")
    return urls


async def _collect_sources(form: Any, folder: Path, limit: int) -> list[str | SourceRef]:
    """Uploads saved under ``folder`` (each keeps the name it was uploaded under as its source), then URLs."""
    from storyline.ingest import SourceRef

    sources: list[str | SourceRef] = []
    used = 0
    for upload in form.getlist("files"):
        if not isinstance(upload, UploadFile) or not upload.filename:
            continue
        path, used = await _save_upload(upload, folder, used, limit)
        sources.append(SourceRef(source=uploaded_name(upload.filename), kind="file", path=str(path)))
    return sources + _urls(str(form.get("urls") or ""))


def _run_ingest(ctx: WebContext, sources: list[str | SourceRef]) -> Any:
    """Run the ingest; an unexpected failure becomes a 500 page that says what happened."""
    try:
        return ctx.ingest(sources, ctx.store)
    except Exception as err:  # shown to the user instead of a bare 500, and logged
        LOG.exception("ingest of %d source(s) failed", len(sources))
        # our own errors are written for the user; anything else may carry paths, addresses or passwords, which
        # stay in the server log
        said = f": {err}" if isinstance(err, StoreError) else ""
        raise HTTPException(500, f"Ingest failed ({type(err).__name__}{said}). Documents stored before the "
                                 "failure are kept; the server log has the details: fix the input and try "
                                 "again.") from err


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_submit(request: Request) -> HTMLResponse:
    ctx = context_of(request)
    _refuse_if_read_only(ctx)
    _check_length(request, ctx.max_upload_bytes)
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    if not ctx.csrf.valid(request.cookies.get(security.CSRF_COOKIE), str(form.get(security.CSRF_FIELD) or "")):
        raise HTTPException(403, "The form has expired or did not come from this site: reload the ingest page and "
                                 "submit again.")
    folder = Path(tempfile.mkdtemp(prefix="storyline-upload-"))
    try:
        try:
            sources = await _collect_sources(form, folder, ctx.max_upload_bytes)
        except security.UploadRejected as err:
            raise HTTPException(err.status, err.message) from err
        if not sources:
            raise HTTPException(400, "Nothing to ingest: choose at least one file or enter a URL.")
        report = await run_in_threadpool(_run_ingest, ctx, sources)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        await form.close()
    return render(request, "ingest_done.html", title="Ingest finished", report=report,
                  names=[s if isinstance(s, str) else s.source for s in sources])
