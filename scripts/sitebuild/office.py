"""DOCX (python-docx) and XLSX (openpyxl) documents, zipped so that a rebuild is identical."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import openpyxl
from openpyxl.styles import Font

from .spec import Bullets, Document, Heading, Paragraph, Signature, Table, Workbook

FIXED_ZIP_TIME = (2023, 1, 1, 0, 0, 0)


def render_docx(document: Document, author: str) -> bytes:
    word = docx.Document()
    props = word.core_properties
    props.title = document.title
    props.author = author
    props.last_modified_by = author
    props.created = props.modified = document.modified.replace(tzinfo=None)
    props.revision = 1
    word.add_heading(document.title, level=0)
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.h, level=1)
        elif isinstance(block, Bullets):
            for item in block.bullets:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table) and isinstance(block.table, list):
            table = word.add_table(rows=0, cols=len(block.table[0]))
            table.style = "Table Grid"
            for row in block.table:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = str(text)
        elif isinstance(block, Paragraph | Signature):
            word.add_paragraph(block.p if isinstance(block, Paragraph) else block.signature)
    out = io.BytesIO()
    word.save(out)
    return fixed_zip(out.getvalue(), document)


def render_xlsx(workbook: Workbook, author: str) -> bytes:
    book = openpyxl.Workbook()
    for number, (name, rows) in enumerate(workbook.sheets.items()):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = name
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    props = book.properties
    props.title = workbook.title
    props.creator = author
    props.lastModifiedBy = author
    props.created = workbook.modified.replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return fixed_zip(out.getvalue(), workbook)


def fixed_zip(data: bytes, spec: Document | Workbook) -> bytes:
    """The Office zip again with fixed entry times and the spec's date as created and modified
    (the libraries stamp the time of the run), so reruns are identical."""
    stamp = spec.modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = source.read(info)
            if info.filename == "docProps/core.xml":
                text = entry.decode("utf-8")
                for field in ("modified", "created"):
                    text = re.sub(rf"(<dcterms:{field}[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                entry = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, entry)
    return buffer.getvalue()
