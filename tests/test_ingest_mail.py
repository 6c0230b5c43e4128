"""Email reader: .eml and .mbox, sender as author, header date, attachments linked, quoted replies unattributed."""

from __future__ import annotations

from email.message import EmailMessage

from storyline.annotate.pipeline import make_pipeline, unattributed_spans
from storyline.ingest import IngestOptions, Problem, read_bytes
from storyline.ingest.detect import detect_document_format
from storyline.ingest.mail_quotes import split_quoted, unflow
from storyline.model import Document
from tests.scans import png_bytes, text_pdf

REPLY_BODY = """Dear Minister,

Thank you for your letter. I attach the council's formal reply. Our leader was blunt with me this morning: "We accept the direction, but we will not pretend it was welcome," he said.

Margaret

On Tue, 8 Nov 2022 at 09:12, Rosalind Ferrier <private.office@dcl.gov.example> wrote:
> Dear Ms Ellery,
>
> "The leadership of the service has not been able to grip these failings," I told the House last week, and I stand by it.
> Please confirm that the council will comply.
"""
REPLY_PDF_LINES = ["CASTLEWICK BOROUGH COUNCIL", "Formal reply to the statutory direction",
                   "The council will comply with the direction in full."]


def reply_message() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Margaret Ellery <m.ellery@castlewick.gov.example>"
    msg["To"] = "Rosalind Ferrier <private.office@dcl.gov.example>, h.lennox@dcl.gov.example"
    msg["Cc"] = "Gordon Pryce <mayor@castlewick.gov.example>"
    msg["Subject"] = "Re: Statutory direction: children's services"
    msg["Date"] = "Mon, 21 Nov 2022 23:40:12 -0500"
    msg["Message-ID"] = "<20221121.4411@castlewick.gov.example>"
    msg["In-Reply-To"] = "<20221108.0912@dcl.gov.example>"
    msg.set_content(REPLY_BODY)
    msg.add_attachment(text_pdf([REPLY_PDF_LINES]), maintype="application", subtype="pdf",
                       filename="formal-reply.pdf")
    return msg


def _items(data: bytes, name: str) -> list[Document | Problem]:
    return list(read_bytes(data, name, IngestOptions(), name=name))


def test_mail_message_author_date_and_metadata() -> None:
    message, attachment = _items(reply_message().as_bytes(), "reply.eml")
    assert isinstance(message, Document) and message.format == "email"
    assert message.author == "Margaret Ellery"
    assert message.published == "2022-11-21" and not message.published_inferred  # the sender's own day
    assert message.title == "Re: Statutory direction: children's services"
    assert message.meta["from"] == "Margaret Ellery <m.ellery@castlewick.gov.example>"
    assert message.meta["to"] == ["Rosalind Ferrier <private.office@dcl.gov.example>", "h.lennox@dcl.gov.example"]
    assert message.meta["cc"] == ["Gordon Pryce <mayor@castlewick.gov.example>"]
    assert message.meta["message_id"] == "<20221121.4411@castlewick.gov.example>"
    assert message.meta["in_reply_to"] == "<20221108.0912@dcl.gov.example>"
    assert message.text.startswith("From: Margaret Ellery <m.ellery@castlewick.gov.example>\nTo: ")
    assert "\n\nDear Minister,\n\nThank you for your letter." in message.text


def test_mail_attachment_is_its_own_document_linked_to_the_message() -> None:
    message, attachment = _items(reply_message().as_bytes(), "reply.eml")
    assert isinstance(message, Document) and isinstance(attachment, Document)
    assert attachment.format == "pdf" and attachment.attached_to == message.id
    assert attachment.source == "reply.eml#attachment formal-reply.pdf"
    assert attachment.text == "\n".join(REPLY_PDF_LINES)
    (listed,) = message.meta["attachments"]
    assert listed == {"filename": "formal-reply.pdf", "content_type": "application/pdf",
                      "size": listed["size"], "documents": [attachment.id]}


def test_mail_quoted_reply_is_marked_and_never_attributed_to_the_replier() -> None:
    message = _items(reply_message().as_bytes(), "reply.eml")[0]
    assert isinstance(message, Document)
    (span,) = message.meta["quoted_spans"]
    quoted = message.text[span[0]:span[1]]
    assert quoted.startswith("On Tue, 8 Nov 2022 at 09:12, Rosalind Ferrier")
    assert quoted.endswith("Please confirm that the council will comply.")
    assert not any(line.startswith(">") for line in quoted.split("\n"))  # markers removed: reads as written
    quotes = make_pipeline(None)(message).quotes
    assert [q.text for q in quotes] == ["We accept the direction, but we will not pretend it was welcome,"]
    assert all(not (span[0] <= q.start < span[1]) for q in quotes)
    assert (span[0], span[1]) in unattributed_spans(message)


def test_mail_mbox_reads_every_message() -> None:
    first = reply_message()
    second = EmailMessage()
    second["From"] = "private.office@dcl.gov.example"
    second["Subject"] = "Statutory direction"
    second["Date"] = "Tue, 08 Nov 2022 09:12:00 +0000"
    second["Message-ID"] = "<20221108.0912@dcl.gov.example>"
    second.set_content("Dear Ms Ellery,\n\nFrom the start of January the trust will run the service.\n")
    mbox = (b"From MAILER-DAEMON Tue Nov  8 09:12:00 2022\n" + second.as_bytes().replace(b"\nFrom the", b"\n>From the")
            + b"\nFrom MAILER-DAEMON Mon Nov 21 23:40:12 2022\n" + first.as_bytes())
    items = _items(mbox, "castlewick.mbox")
    assert [i.source for i in items] == ["castlewick.mbox#message 1", "castlewick.mbox#message 2",
                                         "castlewick.mbox#message 2#attachment formal-reply.pdf"]
    assert isinstance(items[0], Document) and items[0].author == "private.office@dcl.gov.example"
    assert "\n\nFrom the start of January" in items[0].text  # mbox escaping undone
    assert items[0].published == "2022-11-08"


def test_mail_html_only_reply_marks_the_blockquote() -> None:
    msg = EmailMessage()
    msg["From"] = "Owen Maddox <owen.maddox@parliament.example>"
    msg["Date"] = "Wed, 23 Nov 2022 10:00:00 +0000"
    msg["Subject"] = "Re: Castlewick"
    msg["Message-ID"] = "<a1@parliament.example>"
    msg.set_content("<html><body><p>Noted, and I will raise it in the House.</p>"
                    "<div>On 22 Nov 2022, Gordon Pryce wrote:</div><blockquote><p>\u201cWe chose this path,\u201d "
                    "the mayor told me.</p></blockquote></body></html>", subtype="html")
    (doc,) = _items(msg.as_bytes(), "maddox.eml")
    assert isinstance(doc, Document)
    (span,) = doc.meta["quoted_spans"]
    assert doc.text[span[0]:span[1]] == "On 22 Nov 2022, Gordon Pryce wrote:\n\n\u201cWe chose this path,\u201d the mayor told me."
    assert make_pipeline(None)(doc).quotes == []


def test_mail_inline_logo_skipped_unreadable_attachment_listed() -> None:
    from PIL import Image

    msg = EmailMessage()
    msg["From"] = "Neil Foster <n.foster@castlewick.gov.example>"
    msg["Date"] = "Thu, 24 Nov 2022 08:00:00 +0000"
    msg["Message-ID"] = "<n1@castlewick.gov.example>"
    msg["Subject"] = "Figures"
    msg.set_content("The spreadsheet is attached.")
    msg.add_alternative("<p>The spreadsheet is attached.</p><img src='cid:logo'>", subtype="html")
    msg.get_payload()[1].add_related(png_bytes(Image.new("L", (40, 20), 0)), "image", "png", cid="<logo>")
    msg.add_attachment(b"\x00\x01\x02 binary workbook", maintype="application", subtype="octet-stream",
                       filename="figures.xlsb")
    (doc,) = _items(msg.as_bytes(), "figures.eml")
    assert isinstance(doc, Document)
    (listed,) = doc.meta["attachments"]
    assert listed["filename"] == "figures.xlsb" and listed["not_read"] == "binary" and listed["documents"] == []


def test_mail_detection_needs_mail_headers_or_a_mail_name() -> None:
    memo = b"From: the Chief Executive\nTo: all staff\nSubject: Transfer\n\nThe trust takes over on 1 January.\n"
    assert detect_document_format(memo, "memo.txt") is None
    assert detect_document_format(memo, "memo.eml") == "eml"
    assert detect_document_format(b"MIME-Version: 1.0\n" + memo, "memo") == "eml"
    assert detect_document_format(b"From someone@example Mon Nov 21 2022\n" + memo, "") is None
    assert detect_document_format(b"From someone@example Mon Nov 21 2022\nMessage-ID: <x@y>\n" + memo, "") == "mbox"


def test_mail_quote_splitting_outlook_and_flowed() -> None:
    body = "Agreed, go ahead.\n\n-----Original Message-----\nFrom: Carol Whitcombe\nSent: 3 May 2023\n\nCan we publish?"
    assert split_quoted(body) == [
        ("Agreed, go ahead.", False),
        ("-----Original Message-----\nFrom: Carol Whitcombe\nSent: 3 May 2023\n\nCan we publish?", True),
    ]
    assert unflow("The council will \ncomply.\n-- \nNeil") == "The council will comply.\n-- \nNeil"
