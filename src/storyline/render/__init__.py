"""Renderings of views for people: the terminal (rich)."""
