"""PDF documents, set with fpdf2 in its core Helvetica font."""

from __future__ import annotations

import io

from fpdf import FPDF

from .scan import scanned_form_png
from .spec import Block, Bullets, PdfDocument, Scan, Table, WideTable

# block kind -> (font style, size in pt, line height in mm)
TEXT_STYLES = {
    "title": ("B", 16, 9),
    "h": ("B", 12, 7),
    "p": ("", 10, 5.2),
    "signature": ("", 10, 6),
}


def render_pdf(document: PdfDocument, author: str) -> bytes:
    pdf = FPDF(orientation="L" if document.landscape else "P", format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(document.modified)
    pdf.set_title(document.title)
    pdf.set_author(author)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    write_text(pdf, "title", document.title)
    for block in document.blocks:
        write_block(pdf, block)
    return bytes(pdf.output())


def write_block(pdf: FPDF, block: Block) -> None:
    if isinstance(block, str):  # the only word a block can be: new_page
        pdf.add_page()
    elif isinstance(block, Scan):
        pdf.image(io.BytesIO(scanned_form_png(block.scan)), x=15, y=15, w=180)
    elif isinstance(block, Table):
        write_table(pdf, block.table)
    elif isinstance(block, Bullets):
        pdf.set_font("Helvetica", size=10)
        for item in block.bullets:
            pdf.multi_cell(0, 5.2, f"\u2022 {item}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    else:
        ((kind, text),) = block.model_dump().items()
        write_text(pdf, kind, text)


def write_table(pdf: FPDF, table: list[list[object]] | WideTable) -> None:
    rows = table.rows if isinstance(table, WideTable) else table
    widths = table.widths if isinstance(table, WideTable) else None
    pdf.set_font("Helvetica", size=8 if widths else 9)
    with pdf.table(
        first_row_as_headings=True, line_height=5, text_align="LEFT", col_widths=widths
    ) as grid:
        for row in rows:
            cells = grid.row()
            for cell in row:
                cells.cell(str(cell))
    pdf.ln(3)


def write_text(pdf: FPDF, kind: str, text: str) -> None:
    style, size, height = TEXT_STYLES[kind]
    if kind == "h":
        pdf.ln(2)
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2 if kind != "title" else 3)
