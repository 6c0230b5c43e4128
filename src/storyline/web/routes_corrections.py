"""Correction forms: the reporter fixes the machine from the person, story and document pages, and reads (and
undoes) the corrections log on ``/corrections``.

Every form posts to ``/fix/<action>`` with the app's CSRF token (signed, bound to the browser's cookie,
checked with Origin/Referer by the app's middleware), and is refused with ``--read-only``. A correction
goes through the same API as ``storyline fix`` and the browser returns to the page it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from storyline import api
from storyline.views.corrections import corrections as correction_log
from storyline.corrections import Correction
from storyline.store import Store
from storyline.web import security
from storyline.web.app import context_of, render

router = APIRouter(include_in_schema=False)
WEB_WHO = "web app"

Form = dict[str, str]


def fix_values(request: Request) -> dict[str, Any]:
    """What a page needs to show correction forms: the CSRF token (None with --read-only)."""
    ctx = context_of(request)
    if ctx.read_only:
        return {"fix": None}
    session = request.cookies.get(security.CSRF_COOKIE) or security.new_csrf_session()
    request.state.csrf_session = session
    return {"fix": {"csrf": ctx.csrf.issue(session), "field": security.CSRF_FIELD, "next": request.url.path}}


R = TypeVar("R", bound=Response)


def with_csrf_cookie(request: Request, response: R) -> R:
    """Set the browser's CSRF cookie the page's forms are bound to."""
    session = getattr(request.state, "csrf_session", None)
    if session:
        response.set_cookie(security.CSRF_COOKIE, session, httponly=True, samesite="strict")
    return response


def _none(value: str) -> str | None:
    return None if value.strip().lower() in ("", "none") else value.strip()


def _span(value: str) -> tuple[int, int] | None:
    """A mention's START:END, or None (every mention) for an empty field; anything else is refused, never read as
    every mention."""
    if not value.strip():
        return None
    start, sep, end = value.strip().partition(":")
    if not (sep and start.isdecimal() and end.isdecimal()):
        raise ValueError(f"unreadable mention span {value!r}: give it as START:END, e.g. 120:131, or leave it "
                         "empty to split every mention")
    return int(start), int(end)


Action = Callable[[Form, Store, str | None, str], Any]
ACTIONS: dict[str, Action] = {
    "merge": lambda f, s, n, w: api.fix_merge(f["a"], f["b"], s, n, w),
    "split": lambda f, s, n, w: api.fix_split(f["entity"], f["document"], s, _span(f.get("mention", "")),
                                              _none(f.get("into", "")), n, w),
    "rename": lambda f, s, n, w: api.fix_rename(f["entity"], f["name"], s, n, w),
    "type": lambda f, s, n, w: api.fix_type(f["entity"], f["type"], s, n, w),
    "reject": lambda f, s, n, w: api.fix_reject(f["kind"], f["ref"], s, n, w),
    "speaker": lambda f, s, n, w: api.fix_speaker(f["quote"], _none(f.get("speaker", "")), s, n, w),
    "date": lambda f, s, n, w: api.fix_date(f["event"], f["value"].strip(), s, _none(f.get("precision", "")), n, w),
    "story": lambda f, s, n, w: api.fix_story(f["document"], f.get("story", "").strip() or "new", s, n, w),
    "storyline-join": lambda f, s, n, w: api.fix_storyline_join(f["a"], f["b"], s, n, w),
    "storyline-split": lambda f, s, n, w: api.fix_storyline_split(f["story"], s, n, w),
    "undo": lambda f, s, n, w: api.fix_undo(_number(f["number"]), s),
}


def _number(value: str) -> int:
    if not value.strip().isdecimal():
        raise ValueError(f"no correction {value!r}: the log lists them by number")
    return int(value)


def _said(part: Any) -> str:
    """An anchor or value in a few words: an identity's name, a story's title, a fact's document and span."""
    if isinstance(part, dict):
        if "a" in part and "b" in part:
            return f"{_said(part['a'])} + {_said(part['b'])}"
        if part.get("start") is not None and part.get("document"):
            return f"{str(part['document'])[:10]} {part['start']}-{part['end']}"
        named = part.get("name") or part.get("title")
        if named:
            return f"{named} ({part['id']})" if part.get("id") else str(named)
        inner = [_said(v) for k, v in part.items() if v not in (None, [], {}) and k not in ("target", "mention")]
        return "; ".join(x for x in inner if x) or ("a new story" if part.get("new") else "")
    if isinstance(part, list):
        return ", ".join(_said(x) for x in part)
    return "" if part is None else str(part)


def log_rows(found: list[Correction]) -> list[dict[str, Any]]:
    """The log page's rows: newest first, each correction with its anchor and value in words."""
    return [{"c": c, "anchor": _said(c.anchor), "value": _said(c.value) or "none",
             "kind": c.kind if c.kind != "reject" else f"reject {c.target}"} for c in reversed(found)]


@router.get("/corrections", response_class=HTMLResponse)
def corrections_page(request: Request) -> HTMLResponse:
    """The corrections log (what `storyline fix log` shows), with an undo form per correction still in effect."""
    found = correction_log(context_of(request).store)
    return with_csrf_cookie(request, render(request, "corrections.html", title="Corrections", rows=log_rows(found),
                                            **fix_values(request)))


def _back(value: str | None) -> str:
    """Where to return: a path on this server only."""
    return value if value and value.startswith("/") and not value.startswith("//") and "\\" not in value else "/"


@router.post("/fix/{action}")
async def fix_submit(request: Request, action: str) -> Response:
    ctx = context_of(request)
    if ctx.read_only:
        raise HTTPException(403, "This server runs with --read-only: corrections are disabled. Restart it without "
                                 "--read-only to correct facts.")
    if action not in ACTIONS:
        raise HTTPException(404, f"No correction {action!r}; the forms are on person, story and document pages.")
    form = await request.form(max_files=0, max_fields=20)
    if not ctx.csrf.valid(request.cookies.get(security.CSRF_COOKIE), str(form.get(security.CSRF_FIELD) or "")):
        raise HTTPException(403, "The form has expired or did not come from this site: reload the page and "
                                 "submit again.")
    values = {k: str(v) for k, v in form.items()}
    if any("\x00" in v for v in values.values()):
        raise HTTPException(400, "A field holds a NUL character, which no name, id or date can contain: remove it.")
    try:
        await run_in_threadpool(ACTIONS[action], values, ctx.store, values.get("note") or None,
                                values.get("who") or WEB_WHO)
    except KeyError as err:
        raise HTTPException(400, f"The form lacks the field {err}: reload the page.") from err
    except ValueError as err:  # CorrectionError, NotFound: the message says what to look up
        raise HTTPException(400, str(err)) from err
    return RedirectResponse(_back(values.get("next")), status_code=303)
