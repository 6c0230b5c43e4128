"""Gzip, possibly nested: one decompressed-size budget for every layer, a nesting limit, complete members kept.

A gzip bomb can hide in layers (a 65 KB file of 30 nested layers inflates to gigabytes): every byte any layer
produces counts against the one ``max_bytes`` budget, and more than ``MAX_GZIP_LAYERS`` layers is refused.
A file cut off mid-way keeps the members that are complete (a ``.warc.gz`` holds one record per member).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from storyline.ingest.detect import GZIP_MAGIC
from storyline.ingest.problems import Problem, problem

MAX_GZIP_LAYERS = 3  # .gz of a .gz happens by accident; deeper nesting is an attack or a mistake


@dataclass(frozen=True)
class Inflated:
    """The content under every gzip layer; ``broken`` says why it ends early (then only whole members are kept)."""

    data: bytes
    layers: int
    broken: str | None = None


@dataclass(frozen=True)
class _Layer:
    data: bytes
    broken: str | None


def _inflate_members(data: bytes, budget: int) -> _Layer | None:
    """The complete members of one gzip layer; None as soon as the output passes ``budget`` bytes."""
    out = bytearray()
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = inflater.decompress(data, budget + 1 - len(out))
        except zlib.error as exc:
            return _Layer(bytes(out), f"the gzip data is damaged ({exc})")
        if len(out) + len(chunk) > budget:
            return None
        if not inflater.eof:
            return _Layer(bytes(out), "the gzip data ends early")
        out += chunk
        data = inflater.unused_data.lstrip(b"\x00")
    return _Layer(bytes(out), None)


def unwrap_gzip(data: bytes, source: str, max_bytes: int, max_layers: int = MAX_GZIP_LAYERS) -> Inflated | Problem:
    """The content under every gzip layer of ``data``, within one budget of ``max_bytes`` decompressed bytes.

    Problems: ``too-large`` when the layers together produce more than ``max_bytes``, ``nested-gzip`` beyond
    ``max_layers`` layers, ``truncated-gzip`` when a layer is cut off before any complete member.
    """
    budget, layers, broken = max_bytes, 0, None
    while data.startswith(GZIP_MAGIC) and broken is None:
        if layers == max_layers:
            return problem(source, "nested-gzip", f"the gzip data is nested more than {max_layers} layers deep")
        layer = _inflate_members(data, budget)
        if layer is None:
            return problem(source, "too-large", f"its gzip layers decompress to more than {max_bytes:,} bytes")
        if layer.broken and not layer.data:
            return problem(source, "truncated-gzip", layer.broken)
        data, broken, layers = layer.data, layer.broken, layers + 1
        budget -= len(data)
    return Inflated(data, layers, broken)
