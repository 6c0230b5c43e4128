"""Source arguments -> SourceRefs, and any SourceRef -> Documents or Problems.

``read_source`` never raises for bad input: every failure is a Problem, and a
file holding many records (JSON Lines, CSV, WARC, feed) yields one item per record.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from storyline.ingest.compressed import Inflated, unwrap_gzip
from storyline.ingest.detect import (
    GZIP_MAGIC,
    decode_bytes,
    detect_binary_format,
    detect_document_format,
    detect_text_format,
    looks_binary,
    strip_gz,
)
from storyline.ingest.feed import read_feed
from storyline.ingest.fetch import fetch_url
from storyline.ingest.html import read_html
from storyline.ingest.options import IngestOptions
from storyline.ingest.pdf import read_pdf
from storyline.ingest.primary import read_primary
from storyline.ingest.problems import Problem, problem
from storyline.ingest.tabular import read_csv, read_json, read_jsonl
from storyline.ingest.text import read_markdown, read_text
from storyline.ingest.warc import read_warc
from storyline.model import Document

STDIN_NAMES = ("-", "<stdin>")
_GLOB_CHARS = frozenset("*?[")
Items = Iterator[Document | Problem]


@dataclass(frozen=True)
class SourceRef:
    """One unit of input: a file, a URL or standard input."""

    source: str  # the path or URL as the user gave it (or "-" / "<stdin>")
    kind: Literal["file", "url", "stdin"]
    path: str | None = None


def _is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _link_problem(path: Path) -> Problem | None:
    """A Problem for a symbolic link that cannot be read: one that loops, or points at nothing."""
    try:
        target = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return problem(str(path), "symlink-loop", "the symbolic link goes round in a loop")
        return problem(str(path), "not-found", "the symbolic link points to a missing file")
    if stat.S_ISDIR(target.st_mode) and path.parent.resolve().is_relative_to(path.resolve()):
        return problem(str(path), "symlink-loop", "the symbolic link leads back into a folder that holds it")
    return None


def _directory_entries(root: Path) -> list[SourceRef | Problem]:
    """Files under ``root``, recursively, sorted, hidden files and folders skipped; Problems for broken links."""
    entries: list[SourceRef | Problem] = []
    for path in sorted(p for p in root.rglob("*") if not _is_hidden(p, root)):
        broken = _link_problem(path) if path.is_symlink() else None
        if broken is not None:
            entries.append(broken)
        elif path.is_file():
            entries.append(_file_ref(path, str(path)))
    return entries


def _file_ref(path: Path, shown: str) -> SourceRef:
    return SourceRef(source=shown, kind="file", path=str(path))


def _expand_one(arg: str) -> Iterator[SourceRef | Problem]:
    if arg in STDIN_NAMES:
        yield SourceRef(source=arg, kind="stdin")
    elif _is_url(arg):
        yield SourceRef(source=arg, kind="url")
    elif "://" in arg:
        yield problem(arg, "unsupported-type", "only http and https URLs are supported")
    elif os.path.isdir(arg):
        entries = _directory_entries(Path(arg))
        if not entries:
            yield problem(arg, "not-found", "the directory holds no (non-hidden) files")
        yield from entries
    elif os.path.islink(arg) and (broken := _link_problem(Path(arg))) is not None:
        yield broken
    elif os.path.exists(arg):
        yield _file_ref(Path(arg), arg)
    elif _GLOB_CHARS & set(arg):
        yield from _expand_glob(arg)
    else:
        yield problem(arg, "not-found", "no such file or directory")


def _expand_glob(pattern: str) -> Iterator[SourceRef | Problem]:
    matches = sorted(glob.glob(os.path.expanduser(pattern), recursive=True))
    if not matches:
        yield problem(pattern, "not-found", "the pattern matches no files")
    for match in matches:
        yield from _expand_one(match) if os.path.isdir(match) else iter([_file_ref(Path(match), match)])


def expand_sources(args: Sequence[str | SourceRef], options: IngestOptions) -> Iterator[SourceRef | Problem]:
    """SourceRefs for files, directories (recursive, sorted, no hidden files), globs, URLs and "-".

    A SourceRef passes as it is (a file whose name to show differs from its path, such as an upload).
    A missing path is Problem ``"not-found"``; each file is listed once.
    """
    seen: set[str] = set()
    for arg in args:
        if isinstance(arg, SourceRef):
            items: Iterator[SourceRef | Problem] = iter([arg])
        else:
            items = _expand_one(os.path.expanduser(arg) if arg.startswith("~") else arg)
        for item in items:
            if isinstance(item, SourceRef) and item.kind == "file":
                key = os.path.realpath(item.path or item.source)
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _single(format: str | None, default: str) -> str:
    return format or default


def _read_text_format(
    text: str, fmt: str, source: str, url: str | None, options: IngestOptions, single: str | None
) -> Items:
    """Dispatch decoded text to the reader for ``fmt``."""
    if fmt == "html":
        return read_html(text, source, url, format=_single(single, "html"))
    if fmt == "feed":
        return read_feed(text, source, options)
    if fmt == "json":
        return read_json(text, source)
    if fmt == "jsonl":
        return read_jsonl(text, source)
    if fmt == "csv":
        return read_csv(text, source)
    if fmt == "markdown":
        return read_markdown(text, source, url, format=_single(single, "markdown"))
    return read_text(text, source, url, format=_single(single, "text"))


def _cut_off_gzip(inflated: Inflated, source: str, max_bytes: int) -> Items:
    """A gzip file cut off mid-way: a WARC keeps its whole records before the break; anything else is refused."""
    assert inflated.broken is not None
    if detect_binary_format(inflated.data) == "warc":
        yield from read_warc(inflated.data, source, broken=inflated.broken, max_bytes=max_bytes)
    else:
        yield problem(source, "truncated-gzip", inflated.broken)


def _without_gz(name: str, layers: int) -> str:
    for _ in range(layers):
        name = strip_gz(name)
    return name


def read_bytes(
    data: bytes,
    source: str,
    options: IngestOptions,
    *,
    name: str = "",
    url: str | None = None,
    kind: str | None = None,
    single_format: str | None = None,
) -> Items:
    """Documents or Problems from raw bytes; ``name`` (file name or URL path) and ``kind`` are hints.

    ``single_format`` overrides the format of one-document sources (``"url"`` for fetched pages).
    """
    if len(data) > options.max_bytes:
        yield problem(source, "too-large", f"{len(data):,} bytes is over the {options.max_bytes:,}-byte cap")
        return
    if data.startswith(GZIP_MAGIC):
        inflated = unwrap_gzip(data, source, options.max_bytes)
        if isinstance(inflated, Problem):
            yield inflated
            return
        if inflated.broken is not None:
            yield from _cut_off_gzip(inflated, source, options.max_bytes)
            return
        data, name = inflated.data, _without_gz(name, inflated.layers)
    if not data.strip():
        yield problem(source, "empty", "the source is empty")
        return
    yield from _read_content(data, source, options, name=name, url=url, kind=kind, single_format=single_format)


def _read_content(
    data: bytes, source: str, options: IngestOptions, *, name: str, url: str | None, kind: str | None,
    single_format: str | None,
) -> Items:
    """Dispatch uncompressed bytes to the reader of their format."""
    binary = detect_binary_format(data)
    if binary == "pdf":
        yield from read_pdf(data, source, url, format=_single(single_format, "pdf"), options=options)
        return
    if binary == "warc":
        yield from read_warc(data, source, max_bytes=options.max_bytes)
        return
    document = detect_document_format(data, name)
    if document is not None:
        yield from read_primary(document, data, source, options, _nested_reader(options), url)
        return
    if looks_binary(data):
        yield problem(source, "binary", "the content is binary data (NUL or control bytes), not text")
        return
    text = decode_bytes(data, source)
    if isinstance(text, Problem):
        yield text
        return
    fmt = kind if kind not in (None, "xml", "text") else detect_text_format(text, name)
    yield from _read_text_format(text, fmt or "text", source, url, options, single_format)


def _nested_reader(options: IngestOptions) -> Callable[[bytes, str, str], Items]:
    """Reads an email attachment like any other source, by its content (the file name is a hint)."""
    return lambda data, source, name: read_bytes(data, source, options, name=name)


READ_CHUNK = 1 << 20


def read_capped(stream: BinaryIO, cap: int) -> bytes:
    """At most ``cap`` + 1 bytes of ``stream`` (one more than the cap tells that it is over), a chunk at a time:
    ``read(n)`` sets aside n bytes first, so a cap of a terabyte or more raised MemoryError or OverflowError."""
    chunks, left = [], cap + 1
    while left > 0:
        chunk = stream.read(min(left, READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_file(ref: SourceRef, options: IngestOptions) -> bytes | Problem:
    path = ref.path or ref.source
    try:
        size = os.path.getsize(path)
        if size > options.max_bytes:
            return problem(ref.source, "too-large", f"{size:,} bytes is over the {options.max_bytes:,}-byte cap")
        with open(path, "rb") as handle:
            return read_capped(handle, options.max_bytes)
    except FileNotFoundError:
        return problem(ref.source, "not-found", "no such file")
    except IsADirectoryError:
        return problem(ref.source, "not-found", "this is a directory; pass it to expand_sources first")
    except OSError as exc:
        return problem(ref.source, "unreadable", f"the file could not be read ({exc.strerror or exc})")


def _read_url(ref: SourceRef, options: IngestOptions) -> Items:
    fetched = fetch_url(ref.source, options)
    if isinstance(fetched, Problem):
        yield fetched
        return
    name = fetched.url.split("?", 1)[0].split("#", 1)[0]
    yield from read_bytes(
        fetched.content, ref.source, options, name=name, url=fetched.url, kind=fetched.kind, single_format="url"
    )


def _guarded(ref: SourceRef, read: Callable[[], Items]) -> Items:
    """Run a reader; an unexpected error becomes a Problem instead of ending the batch."""
    try:
        yield from read()
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch; report it instead
        yield Problem(
            ref.source, "reader-failed",
            f"{ref.source}: the reader failed ({type(exc).__name__}: {exc}); please report this with the file",
        )


def read_source(ref: SourceRef, options: IngestOptions, stdin: BinaryIO | None = None) -> Items:
    """Documents (possibly many) or Problems from one SourceRef; never raises for bad input."""
    if ref.kind == "url":
        yield from _guarded(ref, lambda: _read_url(ref, options))
        return
    if ref.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data: bytes | Problem = read_capped(stream, options.max_bytes)
        name = ""
    else:
        data, name = _read_file(ref, options), ref.path or ref.source
    if isinstance(data, Problem):
        yield data
        return
    raw = data
    yield from _guarded(ref, lambda: read_bytes(raw, ref.source, options, name=name))
