"""Word (.docx) and OpenDocument (.odt) readers: headings and paragraphs kept, properties as metadata."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile

from storyline.ingest import IngestOptions, Problem, read_bytes
from storyline.model import Document


def _items(data: bytes, name: str, options: IngestOptions | None = None) -> list[Document | Problem]:
    return list(read_bytes(data, name, options or IngestOptions(), name=name))


def briefing_docx(tracked: bool = False) -> bytes:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Briefing: transfer of children's services", level=1)
    document.add_paragraph("Prepared for the Mayor of Castlewick, Gordon Pryce, by the Director of Children's Services.")
    document.add_heading("Background", level=2)
    paragraph = document.add_paragraph("The minister wrote on 8 November 2022. ")
    paragraph.add_run("She told the council it had \u201cnot been able to grip these failings\u201d.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "Item", (0, 1): "Cost", (1, 0): "Set-up", (1, 1): "£1.2 million"}.items():
        table.cell(row, col).text = value
    if tracked:  # one insertion and one deletion, as Word records them with track changes on
        run = paragraph.runs[1]._r
        inserted, deleted = paragraph._p.makeelement(qn("w:ins"), {}), paragraph._p.makeelement(qn("w:del"), {})
        gone = copy.deepcopy(run)
        for t in gone.iter(qn("w:t")):
            t.tag = qn("w:delText")
            t.text = " Officials disagreed."
        deleted.append(gone)
        new = copy.deepcopy(run)
        new.find(qn("w:t")).text = " The trust starts in January."
        inserted.append(new)
        paragraph._p.append(deleted)
        paragraph._p.append(inserted)
    props = document.core_properties
    props.author, props.last_modified_by = "Neil Foster", "Carol Whitcombe"
    props.created, props.modified = dt.datetime(2022, 11, 10, 9, 30), dt.datetime(2022, 11, 14, 17, 5)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_office_docx_headings_paragraphs_tables_and_properties() -> None:
    (doc,) = _items(briefing_docx(), "briefing.docx")
    assert isinstance(doc, Document) and doc.format == "docx"
    assert doc.text == (
        "Briefing: transfer of children's services\n\n"
        "Prepared for the Mayor of Castlewick, Gordon Pryce, by the Director of Children's Services.\n\n"
        "Background\n\n"
        "The minister wrote on 8 November 2022. She told the council it had \u201cnot been able to grip these failings\u201d.\n\n"
        "Item | Cost\nSet-up | £1.2 million"
    )
    assert doc.title == "Briefing: transfer of children's services"
    assert [doc.text[s:e] + f"/{level}" for s, e, level in doc.meta["headings"]] == [
        "Briefing: transfer of children's services/1", "Background/2"]
    assert doc.author == "Neil Foster"
    assert doc.published == "2022-11-10" and not doc.published_inferred
    props = doc.meta["properties"]
    assert props["last_modified_by"] == "Carol Whitcombe" and props["modified"].startswith("2022-11-14T17:05")


def test_office_docx_reads_tracked_insertions_not_deletions() -> None:
    (doc,) = _items(briefing_docx(tracked=True), "briefing.docx")
    assert isinstance(doc, Document)
    assert "grip these failings\u201d. The trust starts in January." in doc.text
    assert "Officials disagreed" not in doc.text


def test_office_docx_without_properties_has_no_author_or_date() -> None:
    import docx

    out = io.BytesIO()
    document = docx.Document()  # python-docx's template: author "python-docx", dates of 2013
    document.add_paragraph("Notes from the meeting at the Guildhall on 2 November.")
    document.save(out)
    (doc,) = _items(out.getvalue(), "notes.docx")
    assert isinstance(doc, Document)
    assert doc.author is None and doc.published is None


def test_office_odt_headings_paragraphs_and_meta() -> None:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, S

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Scrutiny committee: questions for the leader"))
    paragraph = P(text="Councillor Amira Shah asked whether the committee had been misled.")
    note = Note(noteclass="footnote", id="n1")
    note.addElement(NoteCitation(text="1"))
    note.addElement(NoteBody())
    note.childNodes[-1].addElement(P(text="Minutes of 12 September 2024."))
    paragraph.addElement(note)
    document.text.addElement(paragraph)
    items = List()
    item = ListItem()
    spaced = P(text="Overspend:")
    spaced.addElement(S(c=1))
    spaced.addText("£4.1 million")
    item.addElement(spaced)
    items.addElement(item)
    document.text.addElement(items)
    document.meta.addElement(meta.InitialCreator(text="Amira Shah"))
    document.meta.addElement(dc.Creator(text="Tom Reilly"))
    document.meta.addElement(meta.CreationDate(text="2024-09-12T08:00:00"))
    document.meta.addElement(dc.Date(text="2024-09-13T10:00:00"))
    out = io.BytesIO()
    document.save(out)
    (doc,) = _items(out.getvalue(), "questions.odt")
    assert isinstance(doc, Document) and doc.format == "odt"
    assert doc.text == ("Scrutiny committee: questions for the leader\n\n"
                        "Councillor Amira Shah asked whether the committee had been misled.\n\n"
                        "Overspend: £4.1 million")
    assert doc.meta["headings"] == [[0, 44, 1]]
    assert doc.author == "Amira Shah" and doc.meta["properties"]["last_modified_by"] == "Tom Reilly"
    assert doc.published == "2024-09-12"


def test_office_bad_files_are_one_clear_problem_each() -> None:
    cases = {
        "damaged.docx": b"PK\x03\x04" + b"\x00" * 200,
        "locked.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64,
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200,
    }
    reasons = {}
    for name, data in cases.items():
        (item,) = _items(data, name)
        assert isinstance(item, Problem)
        reasons[name] = item.reason
    assert reasons == {"damaged.docx": "malformed-office", "locked.docx": "encrypted-office", "old.doc": "legacy-office"}


def test_office_zip_bomb_and_encrypted_odt_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b" " * 2_000_000)
    (item,) = _items(out.getvalue(), "bomb.odt", IngestOptions(max_bytes=1_000_000))
    assert isinstance(item, Problem) and item.reason == "too-large"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", "<manifest:encryption-data/>")
        archive.writestr("content.xml", b"\x8a\x91 encrypted bytes")
    (item,) = _items(out.getvalue(), "locked.odt")
    assert isinstance(item, Problem) and item.reason == "encrypted-office"
