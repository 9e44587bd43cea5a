"""Word (DOCX), Excel (XLSX), CSV and plain text.

Legacy binary Office files (.doc, .xls) are not read: `document.py` reports them as unreadable
with a reason rather than guessing at their text.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import docx
import openpyxl

from lepcheck.extract.office.word_body import WordParagraph, body_items
from lepcheck.extract.outline import (
    BODY,
    Block,
    blocks_from_lines,
    heading_level,
    headings_of,
    sections_from_blocks,
)
from lepcheck.extract.parts import (
    MAX_CHARS,
    MAX_PAGES,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_TABLES,
    MAX_UNZIPPED_BYTES,
    Extracted,
    clean_line,
    unreadable,
)
from lepcheck.extract.tables import build_table, normalise_rows
from lepcheck.models import DocumentFormat, Link, PageText, Table

_MAX_ZIP_ENTRIES = 20_000
# Blank rows are skipped, but a sheet can claim a million of them: stop scanning after this.
_MAX_SCANNED_ROWS = 50_000
_PARSED_WHOLE = frozenset(("word/document.xml", "xl/sharedStrings.xml", "xl/workbook.xml"))
_MAX_PARSED_PART_BYTES = 60_000_000


def zip_bomb_reason(body: bytes, fmt: DocumentFormat) -> str | None:
    """Why this zip must not be opened (too large once unpacked), or None when it is safe."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > _MAX_ZIP_ENTRIES or unpacked > MAX_UNZIPPED_BYTES:
        return (
            f"{fmt.upper()} unpacks to {unpacked:,} bytes in {len(entries):,} parts, "
            "over the safety limit: not opened"
        )
    # Images inside may be large, but the XML parts are parsed whole into memory.
    for entry in entries:
        if entry.filename in _PARSED_WHOLE and entry.file_size > _MAX_PARSED_PART_BYTES:
            return (
                f"{fmt.upper()} part {entry.filename} unpacks to {entry.file_size:,} bytes, "
                "over the safety limit: not opened"
            )
    return None


def _aware(value: object) -> datetime | None:
    # OOXML core properties are stored in UTC; python-docx and openpyxl return them naive.
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _docx_heading_level(style: str, text: str, next_text: str) -> int:
    lowered = style.lower()
    if lowered == "title":
        return 1
    if lowered.startswith("heading"):
        digits = "".join(c for c in lowered if c.isdigit())
        return min(int(digits), 6) if digits else 2
    # Many authors make headings bold instead of styling them; fall back to the line's shape.
    return heading_level(text, next_text)


def read_docx(body: bytes) -> Extracted:
    reason = zip_bomb_reason(body, "docx")
    if reason:
        return unreadable("docx", reason)
    document = docx.Document(io.BytesIO(body))
    style_names = {style.style_id: style.name or "" for style in document.styles}
    items = list(body_items(document.element.body, document.part.rels))
    texts = [clean_line(item.text) if isinstance(item, WordParagraph) else "" for item in items]
    blocks: list[Block] = []
    tables: list[Table] = []
    links: list[Link] = []
    total = 0
    for index, item in enumerate(items):
        if total >= MAX_CHARS:
            break
        if isinstance(item, WordParagraph):
            text = texts[index]
            if not text:
                continue
            following = next((t for t in texts[index + 1 : index + 20] if t), "")
            style = style_names.get(item.style_id, "")
            lines = [clean_line(line) for line in item.text.split("\n")]
            lines = [line for line in lines if line]
            if _docx_heading_level(style, text, following) != BODY or len(lines) == 1:
                # a styled heading stays one heading even if it wraps with line breaks
                lines = [text]
            for number, line in enumerate(lines):
                after = lines[number + 1] if number + 1 < len(lines) else following
                level = _docx_heading_level(style, line, after)
                blocks.append(Block(level=level, text=line, page=1))
            total += len(text)
            links.extend(Link(url=url, text=label) for url, label in item.links)
            continue
        rows = normalise_rows(item.rows)
        table = build_table(rows, page=1) if len(tables) < MAX_TABLES else None
        if table is not None:
            tables.append(table)
        for row in rows:
            line = " | ".join(cell for cell in row if cell)
            blocks.append(Block(level=BODY, text=line, page=1))
            total += len(line)
    properties = document.core_properties
    first_heading = next((b.text for b in blocks if b.level != BODY), "")
    first_line = blocks[0].text if blocks else ""
    return Extracted(
        format="docx",
        title=clean_line(properties.title or "") or first_heading or first_line[:200],
        pages=(PageText(number=1, text="\n".join(b.text for b in blocks)),),
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks),
        links=tuple(dict.fromkeys(links)),
        tables=tuple(tables),
        created=_aware(properties.created),
        modified=_aware(properties.modified),
    )


def _sheet_rows(sheet: Any, budget: int) -> tuple[list[tuple[str, ...]], int]:
    """The sheet's non-empty rows, and how many rows were scanned to find them."""
    scanned = 0

    def values() -> Iterator[list[str]]:
        nonlocal scanned
        for row in sheet.iter_rows(values_only=True, max_col=MAX_TABLE_COLUMNS):
            if scanned >= budget:
                return
            scanned += 1
            yield [_cell_text(value) for value in row]

    return normalise_rows(values()), scanned


def read_xlsx(body: bytes) -> Extracted:
    reason = zip_bomb_reason(body, "xlsx")
    if reason:
        return unreadable("xlsx", reason)
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    try:
        tables: list[Table] = []
        pages: list[PageText] = []
        budget = _MAX_SCANNED_ROWS  # for the whole workbook: 400 sheets of blanks add up
        for sheet in workbook.worksheets[:MAX_PAGES]:
            if budget <= 0:
                break
            rows, scanned = _sheet_rows(sheet, budget)
            budget -= scanned
            table = build_table(rows, name=sheet.title, page=len(pages) + 1)
            if table is not None and len(tables) < MAX_TABLES:
                tables.append(table)
            text = "\n".join(" | ".join(cell for cell in row if cell) for row in rows)
            pages.append(PageText(number=len(pages) + 1, text=text[:MAX_CHARS]))
        properties = workbook.properties
        first_text = next(
            (
                cell
                for table in tables
                for row in (table.header, *table.rows[:1])
                for cell in row
                if any(c.isalpha() for c in cell)
            ),
            "",
        )
        return Extracted(
            format="xlsx",
            title=clean_line(properties.title or "") or first_text,
            pages=tuple(pages),
            headings=tuple(table.name for table in tables if table.name),
            tables=tuple(tables),
            created=_aware(properties.created),
            modified=_aware(properties.modified),
        )
    finally:
        workbook.close()


def decode_text(body: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which Excel on UK Windows writes."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def read_csv(body: bytes) -> Extracted:
    text = decode_text(body[: MAX_CHARS * 2])
    sample = text[:20_000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = normalise_rows(row for _, row in zip(range(MAX_TABLE_ROWS * 2), reader, strict=False))
    table = build_table(rows, page=1)
    lines = [" | ".join(cell for cell in row if cell) for row in rows]
    return Extracted(
        format="csv",
        title="",  # a CSV has no title of its own; document.py names it after the file
        pages=(PageText(number=1, text="\n".join(lines)),),
        tables=(table,) if table is not None else (),
    )


def read_text(body: bytes) -> Extracted:
    text = decode_text(body[:MAX_CHARS])
    lines = [clean_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    blocks = blocks_from_lines(lines, page=1)
    return Extracted(
        format="text",
        title=lines[0][:200] if lines else "",
        pages=(PageText(number=1, text="\n".join(lines)),),
        headings=headings_of(blocks),
        sections=sections_from_blocks(blocks),
    )
