"""Generate the demo corpus PDF (a council scrutiny report) with reportlab.

Run once from the repository root; the PDF it writes is committed:

    python src/storyline/demo/make_pdf.py

Lines are wrapped here, not by reportlab, so the text a PDF reader extracts is
predictable (one line of the report = one line of extracted text).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

OUTPUT = Path(__file__).resolve().parent / "corpus" / "2023-06-06-castlewick-scrutiny-committee-report.pdf"
WRAP_WIDTH = 88
LEFT_MARGIN = 56
TOP = 790
BOTTOM = 60
LINE_HEIGHT = 14

TITLE = "Children's Services Improvement: Progress Report"

REPORT: list[tuple[str, str]] = [
    ("heading", "CASTLEWICK BOROUGH COUNCIL"),
    ("heading", "Overview and Scrutiny Committee - 6 June 2023"),
    ("heading", TITLE),
    ("para", "Report of: Neil Foster, Director of Children's Services"),
    ("para", "Cabinet member: Councillor Carol Whitcombe, Deputy Mayor (Children and Families)"),
    ("para", "Wards affected: All. Key decision: No. Status: Public."),
    ("heading", "1. Purpose of the report"),
    (
        "para",
        (
            "1.1 This report updates the committee on the improvement of children's social care since "
            "the inspection that concluded on 14 October 2022, which judged the service inadequate."
        ),
    ),
    (
        "para",
        (
            "1.2 The committee asked on 21 March 2023 for a full account of how the decision to transfer "
            "the service to Brightpath Children's Trust was taken. That account is set out in section 3."
        ),
    ),
    ("heading", "2. Recommendations"),
    ("para", "2.1 That the committee notes the progress made since 1 January 2023."),
    (
        "para",
        (
            "2.2 That the committee receives a further report in March 2024, and annually until the "
            "direction is lifted."
        ),
    ),
    ("heading", "3. Background: the statutory direction"),
    (
        "para",
        (
            "3.1 On 8 November 2022 the Minister of State for Children and Families issued a direction "
            "under section 497A of the Education Act 1996. The direction required the council to "
            "transfer the operation of children's social care to an independent trust by 1 January 2023."
        ),
    ),
    (
        "para",
        (
            "3.2 Before the direction was issued, the Mayor had asked the minister for a further six "
            "months to deliver improvement under existing arrangements. That request was declined."
        ),
    ),
    (
        "para",
        (
            "3.3 The council confirmed its compliance by letter on 21 November 2022. Brightpath "
            "Children's Trust was selected from three providers put forward by the department, and a "
            "contract was signed on 19 December 2022. The contract runs until 31 March 2026."
        ),
    ),
    ("heading", "4. Performance"),
    ("para", "4.1 Unallocated cases fell from 412 in October 2022 to 17 at the end of May 2023."),
    ("para", "4.2 The proportion of referrals seen within 48 hours rose from 61 per cent to 98 per cent."),
    (
        "para",
        (
            "4.3 Thirty-four permanent social workers have been recruited since January 2023. Agency "
            "staff now make up 23 per cent of the workforce, down from 44 per cent."
        ),
    ),
    (
        "para",
        (
            "4.4 The management fee paid to Brightpath is 2.9 million pounds a year. Set-up costs of "
            "1.4 million pounds were met in part by a government grant of 0.8 million pounds."
        ),
    ),
    ("heading", "5. Risks"),
    ("para", "5.1 Caseloads remain above the national average in the two northern localities."),
    (
        "para",
        (
            "5.2 The contract has no break clause before 31 March 2026. Officers will bring options for "
            "the future of the service to Cabinet in autumn 2025."
        ),
    ),
    ("heading", "6. Contact officer"),
    ("para", "Neil Foster, Director of Children's Services, Castlewick Borough Council"),
]


def report_lines() -> list[tuple[str, str]]:
    """The report as (style, line) pairs, wrapped to the page width."""
    lines: list[tuple[str, str]] = []
    for style, text in REPORT:
        if style == "heading":
            lines.append(("", ""))
            lines.append(("heading", text))
            continue
        lines.extend(("para", line) for line in textwrap.wrap(text, WRAP_WIDTH))
        lines.append(("", ""))
    return lines


def write_report_pdf(path: Path = OUTPUT) -> Path:
    """Draw the report onto A4 pages and save it to ``path``."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setTitle(TITLE)
    canvas.setAuthor("Neil Foster, Castlewick Borough Council")
    canvas.setSubject("Overview and Scrutiny Committee, 6 June 2023")
    y = TOP
    for style, line in report_lines():
        if y < BOTTOM:
            canvas.showPage()
            y = TOP
        canvas.setFont(
            "Helvetica-Bold" if style == "heading" else "Helvetica", 11 if style == "heading" else 10
        )
        if line:
            canvas.drawString(LEFT_MARGIN, y, line)
        y -= LINE_HEIGHT
    canvas.save()
    return path


if __name__ == "__main__":
    print(write_report_pdf())
