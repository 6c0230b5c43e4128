"""Story dossiers as self-contained HTML, Markdown or PDF files."""

from __future__ import annotations

from storyline.report.dossier import build_report_model, render_report

__all__ = ["build_report_model", "render_report"]
