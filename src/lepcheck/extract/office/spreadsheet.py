"""Excel (XLSX): each sheet a page of text and a table, its header found below any title block."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

import openpyxl

from lepcheck.extract.office.ooxml import utc_aware, zip_bomb_reason
from lepcheck.extract.office.sheet_rows import CellBudget, sheet_rows
from lepcheck.extract.parts import (
    MAX_PAGES,
    MAX_TABLE_COLUMNS,
    MAX_TABLES,
    Budget,
    Extracted,
    clean_line,
    unreadable,
)
from lepcheck.extract.tables import build_table, normalise_rows
from lepcheck.models import PageText, Table

# Blank rows are skipped, but a sheet can claim a million of them: stop scanning after this.
_MAX_SCANNED_ROWS = 50_000


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


def _sheet_rows(
    sheet: Any, budget: int, cells: CellBudget, reading: Budget
) -> tuple[list[tuple[str, ...]], int]:
    """The sheet's non-empty rows, and how many rows were scanned to find them."""
    scanned = 0

    def values() -> Iterator[list[str]]:
        nonlocal scanned
        for row in sheet_rows(sheet, MAX_TABLE_COLUMNS, cells, reading):
            if scanned >= budget:
                # Sheets often claim a million blank rows: only a row with something in it is
                # a row not read.
                if any(value is not None for value in row):
                    reading.cut(f"rows past the first {_MAX_SCANNED_ROWS:,} scanned not read")
                return
            scanned += 1
            yield [_cell_text(value) for value in row]

    return normalise_rows(values(), reading), scanned


def read_xlsx(body: bytes) -> Extracted:
    reason = zip_bomb_reason(body, "xlsx")
    if reason:
        return unreadable("xlsx", reason)
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    try:
        tables: list[Table] = []
        pages: list[PageText] = []
        reading = Budget()
        cells = CellBudget()
        budget = _MAX_SCANNED_ROWS  # for the whole workbook: 400 sheets of blanks add up
        sheets = workbook.worksheets
        if len(sheets) > MAX_PAGES:
            reading.cut(f"sheets past the first {MAX_PAGES:,} not read")
        for sheet in sheets[:MAX_PAGES]:
            if budget <= 0 or cells.cells <= 0 or reading.spent:
                reading.cut(f"sheet '{sheet.title}' and those after it not read")
                break
            rows, scanned = _sheet_rows(sheet, budget, cells, reading)
            budget -= scanned
            table = build_table(rows, name=sheet.title, page=len(pages) + 1)
            if table is not None and len(tables) < MAX_TABLES:
                tables.append(table)
            text = reading.take("\n".join(" | ".join(cell for cell in row if cell) for row in rows))
            pages.append(PageText(number=len(pages) + 1, text=text))
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
            created=utc_aware(properties.created),
            modified=utc_aware(properties.modified),
            truncated_reason=reading.reason,
        )
    finally:
        workbook.close()
