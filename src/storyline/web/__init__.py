"""The local web app: ``serve()`` runs it with uvicorn; ``create_app()`` builds it (see docs/web.md)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from storyline.web.security import check_bind

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app", "serve"]


def create_app(db: str | None = None, *, read_only: bool = False, token: str | None = None,
               max_upload_bytes: int = 20_000_000) -> FastAPI:
    """Build the FastAPI app (see :func:`storyline.web.app.create_app`); imported late to keep reports light."""
    from storyline.web.app import create_app as factory

    return factory(db, read_only=read_only, token=token, max_upload_bytes=max_upload_bytes)


def serve(db: str | None, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False,
          token: str | None = None) -> None:
    """Serve the web app; any address beyond loopback requires a token (or $STORYLINE_TOKEN)."""
    import uvicorn

    from storyline.web.app import create_app as factory

    token = token or os.environ.get("STORYLINE_TOKEN") or None
    check_bind(host, token)
    uvicorn.run(factory(db, read_only=read_only, token=token), host=host, port=port, log_level="info")
