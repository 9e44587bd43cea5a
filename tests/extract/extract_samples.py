"""Real documents for the extract tests, made with the libraries people make them with."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

import docx
import openpyxl
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from fpdf import FPDF
from PIL import Image, ImageDraw

from lepcheck.models import FetchRecord

FETCHED = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
FIRST_SEEN = datetime(2024, 2, 1, 8, 0, tzinfo=UTC)


def record(url: str, content_type: str = "text/html", **changes: object) -> FetchRecord:
    values: dict[str, object] = {
        "url": url,
        "final_url": url,
        "status": 200,
        "content_type": content_type,
        "fetched_at": FETCHED,
        "first_seen": FIRST_SEEN,
        "sha256": "ab" * 32,
    }
    values.update(changes)
    return FetchRecord.model_validate(values)


def pdf_bytes(
    pages: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    created: datetime | None = None,
    links: Sequence[tuple[str, str]] = (),
    user_password: str | None = None,
) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if title is not None:
        pdf.set_title(title)
    if created is not None:
        pdf.set_creation_date(created)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    for text, url in links:
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT", link=url)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    return bytes(pdf.output())


def image_only_pdf_bytes(page_count: int = 2, *, typed_pages: int = 0) -> bytes:
    """A 'scanned' PDF: pictures of text, no text layer, after `typed_pages` typed ones."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for number in range(typed_pages):
        pdf.add_page()
        pdf.multi_cell(
            0, 6, f"Typed cover page {number}: registers of interest of all members follow."
        )
    for number in range(page_count):
        image = Image.new("RGB", (800, 1000), "white")
        draw = ImageDraw.Draw(image)
        for row in range(20):
            draw.text(
                (40, 40 + row * 40), f"Register of interests line {row} page {number}", "black"
            )
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())


def _add_hyperlink(paragraph: docx.text.paragraph.Paragraph, text: str, url: str) -> None:
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def docx_bytes(
    blocks: Sequence[tuple[str, str]],
    *,
    table: Sequence[Sequence[str]] = (),
    title: str = "",
    created: datetime | None = None,
    modified: datetime | None = None,
    link: tuple[str, str] | None = None,
) -> bytes:
    """blocks: (style, text) where style is "title", "h1".."h3" or "p"."""
    document = docx.Document()
    for style, text in blocks:
        if style == "title":
            document.add_heading(text, level=0)
        elif style.startswith("h"):
            document.add_heading(text, level=int(style[1]))
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if link is not None:
        _add_hyperlink(document.add_paragraph(), *link)
    properties = document.core_properties
    properties.title = title
    if created is not None:
        properties.created = created
    if modified is not None:
        properties.modified = modified
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]], *, title: str = "") -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.properties.title = title or None
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def styled_pdf_bytes(lines: Sequence[tuple[str, str, int]]) -> bytes:
    """One page of (text, font style "" or "B", font size) lines, as a Word export prints."""
    pdf = FPDF()
    pdf.add_page()
    for text, style, size in lines:
        pdf.set_font("helvetica", style, size)
        pdf.cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def register_form_docx_bytes() -> bytes:
    """A register form as templates make it: answers typed into content controls, a line
    break inside a paragraph, and a tracked deletion that must not be read."""
    document = docx.Document()
    document.add_heading("Register of Interests", level=1)
    label = document.add_paragraph("Name: ")
    label._p.append(
        parse_xml(
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtContent><w:r><w:t>Jane Smith</w:t></w:r>'
            "</w:sdtContent></w:sdt>"
        )
    )
    document.element.body.insert(
        len(document.element.body) - 1,
        parse_xml(
            f'<w:sdt xmlns:w="{W_NS}"><w:sdtContent><w:p><w:r><w:t>Directorships: Acme Ltd'
            "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    both = document.add_paragraph("Signed: J Smith")
    both._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:br/><w:t>Date: 12/03/2019</w:t></w:r>'))
    changed = document.add_paragraph("Employment: ")
    changed._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="x"><w:r><w:delText>Old Co'
            "</w:delText></w:r></w:del>"
        )
    )
    changed._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>New Co</w:t></w:r>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def table_pdf_bytes(
    rows: Sequence[Sequence[str]], *, v_align: str = "TOP", before: str = "", after: str = ""
) -> bytes:
    """A PDF table as Word and fpdf2 draw them: bordered cells, wrapped text in narrow columns."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    if before:
        pdf.multi_cell(0, 6, before, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    with pdf.table(v_align=v_align, text_align="LEFT") as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    if after:
        pdf.ln(14)
        pdf.cell(0, 6, after, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def line_ruled_table_pdf_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    """A table whose borders are separate line segments (as Word exports draw them), with
    each cell's text written on its own lines inside the grid."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=9)
    left, top, width, line = 15.0, 30.0, 45.0, 5.0
    heights = [line * (1 + max(len(cell) // 22 for cell in row)) + 2 for row in rows]
    columns = len(rows[0])
    y = top
    for row, height in zip(rows, heights, strict=True):
        for column, cell in enumerate(row):
            words, lines, current = cell.split(), [], ""
            for word in words:
                if len(current) + len(word) > 22:
                    lines.append(current)
                    current = word
                else:
                    current = f"{current} {word}".strip()
            lines.append(current)
            for number, text in enumerate(lines):
                pdf.text(left + column * width + 2, y + 5 + number * line, text)
        pdf.line(left, y, left + columns * width, y)
        y += height
    pdf.line(left, y, left + columns * width, y)
    for column in range(columns + 1):
        pdf.line(left + column * width, top, left + column * width, y)
    return bytes(pdf.output())


# Two pages of board minutes, as typed into a PDF.
MINUTES_PAGES = [
    [
        "MINUTES OF THE LEP BOARD",
        "Held on Tuesday 12 March 2019 at County Hall",
        "Present: Jane Smith (Chair), John Brown, Priya Patel",
        "1. Declarations of Interest",
        "John Brown declared an interest in item 4 and left the room.",
        "2. Minutes of the previous meeting",
        "The minutes of 5 February 2019 were approved as a true record.",
    ],
    [
        "3. Local Growth Fund update",
        "3.1 Programme position",
        "The board noted the spend to date against the allocation.",
        "4. Any other business",
    ],
]
