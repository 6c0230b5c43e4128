"""Format detection by content (the extension is only a hint), and Markdown stripping."""

from __future__ import annotations

import pytest

from storyline.ingest.detect import decode_bytes, detect_binary_format, detect_text_format, looks_binary
from storyline.ingest.problems import Problem
from storyline.ingest.text import strip_markdown


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "page.txt", "html"),
        ("<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "", "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "updates", "feed"),
        ('{"title": "A", "text": "B"}', "", "json"),
        ('{"text": "a"}\n{"text": "b"}\n', "", "jsonl"),
        ('[{"text": "a"}]', "records.jsonl.gz", "jsonl"),
        ("title,text,date\nA,B,2023-01-01\n", "", "csv"),
        ("# Heading\n\nBody text.", "", "markdown"),
        ("Headline\n\nBody, with commas, and more.", "", "text"),
        ("[Updated] Council vote moved to Friday.", "story.txt", "text"),
        ("Plain words only.", "notes.md", "markdown"),
    ],
)
def test_detect_text_format(text: str, name: str, expected: str) -> None:
    assert detect_text_format(text, name) == expected


def test_detect_binary_formats_by_magic() -> None:
    assert detect_binary_format(b"\x1f\x8b\x08\x00rest") == "gzip"
    assert detect_binary_format(b"%PDF-1.7\n...") == "pdf"
    assert detect_binary_format(b"WARC/1.1\r\nWARC-Type: warcinfo") == "warc"
    assert detect_binary_format(b"plain text") is None


def test_detect_binary_and_utf16() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not looks_binary("Mayor’s reply".encode("utf-16"))
    assert decode_bytes("Mayor’s reply".encode("utf-16"), "x") == "Mayor’s reply"
    assert decode_bytes(b"\xef\xbb\xbfCaf\xc3\xa9", "x") == "Café"
    assert isinstance(decode_bytes(b"\x81\x8d\x8f\x90\x9d" * 20, "x"), Problem)


def test_detect_markdown_stripping_is_conservative() -> None:
    markdown = (
        "## Council *row* deepens\n\n"
        "The **leader** said it was \"a [storm](https://x.example) in a teacup\" and _nothing_ more.\n\n"
        "> ‘We stand by every word,’ she added.\n\n"
        "- first point\n- second point\n\n"
        "The snake_case_name and 5 * 3 = 15 stay."
    )
    assert strip_markdown(markdown) == (
        "Council row deepens\n\n"
        "The leader said it was \"a storm in a teacup\" and nothing more.\n\n"
        "‘We stand by every word,’ she added.\n\n"
        "first point\nsecond point\n\n"
        "The snake_case_name and 5 * 3 = 15 stay."
    )
