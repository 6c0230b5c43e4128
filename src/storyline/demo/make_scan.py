"""Generate the demo corpus's scanned letter: a printed letter as a document scanner saves it.

Run once from the repository root; the PDF it writes is committed:

    python src/storyline/demo/make_scan.py

The letter is typeset with reportlab, rendered to a 200 dpi page image with pypdfium2, turned
a fraction of a degree (paper is never quite straight on the glass), reduced to black and
white and saved by Pillow as an image-only PDF: there is no text layer, so storyline reads it
by OCR.  The freedom of information stamp is part of the image, as a rubber stamp would be.
"""

from __future__ import annotations

import io
import textwrap
import time
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "corpus" / "2022-11-14-foi-letter-mayor-to-minister-scan.pdf"
DPI = 200
SKEW_DEGREES = 0.35
WRAP_WIDTH = 84

LETTER: list[str] = [
    "THE MAYOR OF CASTLEWICK",
    "The Guildhall, Castlewick CW1 2GH",
    "",
    "14 November 2022",
    "",
    "Rosalind Ferrier MP",
    "Minister of State for Children and Families",
    "Department for Children and Learning",
    "",
    "Dear Minister,",
    "",
    "Children's social care in Castlewick",
    "",
    "Thank you for your letter of 8 November to our interim chief executive, Margaret Ellery. I am "
    "writing to ask you to reconsider your decision to direct the council to transfer children's "
    "social care to an independent trust.",
    "",
    "I do not accept that a trust is the right answer for Castlewick. Our director of children's "
    "services, Neil Foster, already has an improvement plan under way, and with a further six months "
    "I am confident that my cabinet can turn the service round without the cost and disruption of a "
    "transfer to Brightpath Children's Trust or any other operator.",
    "",
    "If you are not minded to change your decision, I would ask that the direction be reviewed after "
    "one year rather than three.",
    "",
    "Yours sincerely,",
    "",
    "Gordon Pryce",
    "Mayor of Castlewick",
    "",
    "cc: Councillor Carol Whitcombe, Deputy Mayor (Children and Families)",
    "    Howard Lennox, Commissioner for Children's Services, Castlewick",
]
STAMP = "RELEASED UNDER THE FREEDOM OF INFORMATION ACT 2000 - REQUEST FOI-2023-0522"
# What the FOI team's scanner wrote: the day of the release, not the day of the letter.
PDF_TITLE = "FOI-2023-0522 document 1: letter from the Mayor of Castlewick"
SCANNED_ON = time.strptime("2023-03-10 09:12", "%Y-%m-%d %H:%M")


def letter_lines() -> list[str]:
    lines: list[str] = []
    for paragraph in LETTER:
        lines.extend(textwrap.wrap(paragraph, WRAP_WIDTH) or [""])
    return lines


def typeset_letter() -> bytes:
    """The letter as a one-page PDF with a text layer (the 'printed' original)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    y = 770
    for line in letter_lines():
        canvas.setFont("Times-Roman", 11.5)
        canvas.drawString(72, y, line)
        y -= 16
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawString(72, 60, STAMP)
    canvas.rect(66, 52, 440, 20)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def write_scan(path: Path = OUTPUT) -> Path:
    """Render, skew and save the letter as an image-only PDF at ``path``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(typeset_letter())
    image = pdf[0].render(scale=DPI / 72, grayscale=True).to_pil()
    pdf.close()
    scanned = image.rotate(SKEW_DEGREES, fillcolor=255).point(lambda value: 255 if value > 150 else 0).convert("1")
    scanned.save(path, "PDF", resolution=DPI, title=PDF_TITLE, creationDate=SCANNED_ON, modDate=SCANNED_ON,
                 producer="FOI release scanner")
    return path


if __name__ == "__main__":
    print(write_scan())
