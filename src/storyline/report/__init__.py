"""Story dossiers as self-contained HTML, Markdown or PDF files, rendered from :class:`storyline.views.StoryDossier`."""

from __future__ import annotations

from storyline.report.dossier import render_report

__all__ = ["render_report"]
