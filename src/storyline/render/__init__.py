"""Renderings of views for people: the terminal (rich) and the timeline chart (SVG) that the web and reports share."""
