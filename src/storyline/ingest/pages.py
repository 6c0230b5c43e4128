"""Text assembled from parts (pages, email segments, headings and paragraphs) with each part's span.

Each part is normalised on its own (see :func:`normalize_text`) and the parts are joined
with a blank line, so the offsets are exact in the document's normalised text.

    >>> join_parts(["Page one.", "", "Page three."])
    ('Page one.\\n\\nPage three.', [0, 11, 11])
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.ingest.normalize import normalize_text

PART_BREAK = "\n\n"


def join_part_spans(parts: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """(text, (start, end) of each part); an empty part is an empty span where the next part starts."""
    spans: list[tuple[int, int]] = []
    text = ""
    empty = 0  # empty parts waiting for the start of the next part with text
    for part in parts:
        cleaned = normalize_text(part).strip()
        if not cleaned:
            empty += 1
            continue
        if text:
            text += PART_BREAK
        spans.extend([(len(text), len(text))] * empty)
        empty = 0
        spans.append((len(text), len(text) + len(cleaned)))
        text += cleaned
    spans.extend([(len(text), len(text))] * empty)
    return text, spans


def join_parts(parts: Sequence[str]) -> tuple[str, list[int]]:
    """(text, start offset of each part): a page map when the parts are pages."""
    text, spans = join_part_spans(parts)
    return text, [start for start, _ in spans]
