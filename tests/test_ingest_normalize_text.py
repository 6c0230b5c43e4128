"""Text normalisation and document identity."""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest import IngestOptions, SourceRef, document_id, make_document, normalize_text, read_source
from storyline.ingest.normalize import _FTFY_CONFIG, fix_mojibake
from storyline.ingest.problems import Problem
from storyline.model import Document


def test_normalize_repairs_mojibake_and_keeps_curly_quotes() -> None:
    broken = "The councilâ€™s leader called it â€œa fair dealâ€\x9d."
    fixed = normalize_text(broken)
    assert fixed == "The council’s leader called it “a fair deal”."


def test_normalize_keeps_straight_and_curly_quotes_exactly() -> None:
    text = "“No,” she said. \"Never.\" It's the mayor’s call — 'final' and ‘binding’."
    assert normalize_text(text) == text


def test_normalize_applies_nfc() -> None:
    decomposed = "Cafe\u0301 owner Zoe\u0308 Hart"
    assert normalize_text(decomposed) == "Café owner Zoë Hart"
    assert len(normalize_text(decomposed)) == len("Café owner Zoë Hart")


def test_normalize_line_endings_and_paragraph_breaks() -> None:
    text = "Headline  \r\n\r\nFirst paragraph.\t \r\nStill first.\r\n\r\n\r\n\r\nSecond paragraph.\r\n"
    assert normalize_text(text) == "Headline  \n\nFirst paragraph.\t \nStill first.\n\n\n\nSecond paragraph."


def test_normalize_keeps_offsets_of_clean_text() -> None:
    text = "  Lead-in line\n\n\n“Quote,” she said.  \n\nEnd.\n"
    normalized = normalize_text(text)
    assert normalized == text.rstrip()
    assert normalized.index("Quote") == text.index("Quote")


def test_normalize_leaves_entities_and_ligature_text_alone() -> None:
    text = "Fish &amp; chips at the Oﬃce"
    assert normalize_text(text) == text


def test_document_id_is_sha256_prefix() -> None:
    assert document_id("abc") == "ba7816bf8f01cfea"
    assert len(document_id("anything")) == 16


def test_make_document_reports_no_text() -> None:
    result = make_document("  \n\n \t ", source="blank.txt")
    assert isinstance(result, Problem)
    assert result.reason == "no-text"
    assert result.source == "blank.txt"


def test_make_document_normalises_metadata_date() -> None:
    doc = make_document("Body text here.", source="x", published="Tue, 14 Mar 2023 23:30:00 -0500")
    assert isinstance(doc, Document)
    assert doc.published == "2023-03-14"
    assert not doc.published_inferred


def test_make_document_same_text_same_id_from_txt_and_json(tmp_path: Path) -> None:
    body = "Ferry fares to rise\n\nFares on the Kingsport ferry will rise by 6% in April, the operator said."
    (tmp_path / "story.txt").write_text(body + "\n", encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"title": "Ferry fares", "text": body.replace("\n", "\r\n")}))
    options = IngestOptions()
    from_txt = list(read_source(SourceRef(str(tmp_path / "story.txt"), "file", str(tmp_path / "story.txt")), options))
    from_json = list(
        read_source(SourceRef(str(tmp_path / "story.json"), "file", str(tmp_path / "story.json")), options)
    )
    assert isinstance(from_txt[0], Document) and isinstance(from_json[0], Document)
    assert from_txt[0].id == from_json[0].id == document_id(body)
    assert (from_txt[0].format, from_json[0].format) == ("text", "json")


def test_normalize_is_idempotent() -> None:
    raw = "  Headline\r\n\r\n\r\nThe councilâ€™s “plan” – ‘final’.   \r\nCafe\u0301 \"open\".\n\n\n"
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert document_id(normalize_text(once)) == document_id(once)


MOJIBAKE_PIECES = st.sampled_from([
    "The council", " said", "\n", "\n\n", "\t", " ", "don’t", "â€™", "Ã©", "cafÃ©", "â€œ", "Â£4m", "\x1b[31m",
    "\x00", "\x7f", "\x0c", "\x85", "e\u0301", "ﬁ", "&amp;", "ＬＯＵＤ", "\ud83d", "ð\x9f\x98\x80", "’", "“No.”",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(MOJIBAKE_PIECES, max_size=20).map("".join))
def test_normalize_fix_mojibake_is_ftfy_line_by_line(text: str) -> None:
    assert fix_mojibake(text) == ftfy.fix_text(text, _FTFY_CONFIG)


def test_normalize_fix_mojibake_repairs_a_line_and_keeps_ascii_lines() -> None:
    text = "Plain line\nThe mayorâ€™s reply\n\n\tTabbed & fine\n"
    assert fix_mojibake(text) == "Plain line\nThe mayor’s reply\n\n\tTabbed & fine\n"


def test_make_document_title_loses_direction_overrides_text_keeps_them() -> None:
    """A title with a right-to-left override ("Invoice \u202egpj.exe") would read reversed in every list and page."""
    text = "Body text with \u202ean override kept, so offsets stay the file's."
    doc = make_document(text, source="x", title="Council report \u202egpj.exe\u202c here")
    assert isinstance(doc, Document)
    assert doc.title == "Council report gpj.exe here"
    assert "\u202e" in doc.text
