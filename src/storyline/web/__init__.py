"""The local web app: ``serve()`` runs it with uvicorn; ``create_app()`` builds it (see docs/web.md)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storyline.web.security import LOCAL_HOSTS, allowed_hosts, server_token

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db: str | None = None, *, read_only: bool = False, token: str | None = None,
               max_upload_bytes: int = 20_000_000, hosts: Iterable[str] = LOCAL_HOSTS) -> FastAPI:
    """Build the FastAPI app (see :func:`storyline.web.app.create_app`); imported late to keep reports light."""
    from storyline.web.app import create_app as factory

    return factory(db, read_only=read_only, token=token, max_upload_bytes=max_upload_bytes, hosts=hosts)


def serve(db: str | None, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False,
          token: str | None = None) -> None:
    """Serve the web app to the host names of ``host``; a token (or $STORYLINE_TOKEN) must be strong, and
    beyond loopback one is generated and printed when none is given."""
    import uvicorn

    from storyline.web.app import create_app as factory

    token, generated = server_token(host, token or os.environ.get("STORYLINE_TOKEN") or None)
    app = factory(db, read_only=read_only, token=token, hosts=allowed_hosts(host))
    if generated:
        shown = "127.0.0.1" if "*" in allowed_hosts(host) else (f"[{host}]" if ":" in host else host)
        print(f"storyline: access token {token}\n  open http://{shown}:{port}/?token={token} once in your browser "
              "(or send 'Authorization: Bearer TOKEN'); pass --token to choose one", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
