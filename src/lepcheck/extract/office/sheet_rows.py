"""Rows of a worksheet read one cell at a time, within budgets.

openpyxl's read-only worksheets stream rows, but each row is parsed whole before it is
handed over: a one-row sheet of millions of cells (a few hundred kilobytes zipped) would be
held in memory at once, hundreds of bytes a cell (issue 11, class 10). This walks the sheet's
XML cell by cell instead, with openpyxl's own cell parser (shared strings, numbers, dates,
booleans) and its rules for rows that are missing or past the sheet's declared size, so the
values are those `iter_rows(values_only=True, max_col=...)` gives, and stops where a budget
runs out: cells past `max_col` are skipped as they stream by, and the cells scanned in a
workbook are bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.worksheet._reader import CELL_TAG, ROW_TAG, WorkSheetParser
from openpyxl.xml.functions import iterparse

from lepcheck.extract.parts import Budget

# Excel's own limit is 16,384 columns: a row with more cells is not a real spreadsheet's.
MAX_ROW_CELLS = 16_384
MAX_SCANNED_CELLS = 5_000_000

Row = tuple[object, ...]


class CellBudget:
    """Cells a workbook may still have scanned."""

    def __init__(self, cells: int = MAX_SCANNED_CELLS) -> None:
        self.cells = cells


def _parser(sheet: Any, source: Any) -> WorkSheetParser:
    workbook = sheet.parent
    return WorkSheetParser(
        source,
        sheet._shared_strings,
        data_only=workbook.data_only,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )


def _start_row(parser: WorkSheetParser, attributes: dict[str, str]) -> None:
    """openpyxl's parse_row, before its cells: where the row is."""
    if "r" in attributes:
        try:
            parser.row_counter = int(attributes["r"])
        except ValueError:
            value = float(attributes["r"])
            if not value.is_integer():
                raise ValueError(f"row number {value} is not an integer") from None
            parser.row_counter = int(value)
    else:
        parser.row_counter += 1
    parser.col_counter = 0


def _parsed_rows(
    sheet: Any, source: Any, max_col: int, cells: CellBudget, budget: Budget
) -> Iterator[tuple[int, list[tuple[int, object]]]]:
    """(row number, [(column, value) up to max_col]) for each row element, cell by cell."""
    parser = _parser(sheet, source)
    path: list[Any] = []  # open elements, outermost first
    cells_open = 0  # open <c> elements: what lies inside one is read when it ends
    kept: list[tuple[int, object]] = []
    in_row = 0
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            path.append(element)
            cells_open += element.tag == CELL_TAG
            if element.tag == ROW_TAG:
                _start_row(parser, dict(element.attrib))
                kept, in_row = [], 0
            continue
        path.pop()
        if element.tag == CELL_TAG:
            cells_open -= 1
            in_row += 1
            cells.cells -= 1
            if cells.cells < 0 or in_row > MAX_ROW_CELLS:
                budget.cut(_cells_cut(sheet.title, parser.row_counter, in_row))
                yield parser.row_counter, kept  # the row as far as it was read
                return
            cell = parser.parse_cell(element)
            if cell["column"] <= max_col:
                kept.append((cell["column"], cell["value"]))
        elif element.tag == ROW_TAG:
            yield parser.row_counter, kept
        if path and not cells_open:
            # Done with it: each element leaves the tree when it ends, so the tree never holds
            # more than the cell being read (and its parent elements).
            path[-1].remove(element)


def _cells_cut(title: str, row: int, in_row: int) -> str:
    if in_row > MAX_ROW_CELLS:
        return f"sheet '{title}' row {row} has more than {MAX_ROW_CELLS:,} cells: rest not read"
    return f"cells past the first {MAX_SCANNED_CELLS:,} of the workbook not read"


def sheet_rows(sheet: Any, max_col: int, cells: CellBudget, budget: Budget) -> Iterator[Row]:
    """What openpyxl's `sheet.iter_rows(values_only=True, max_col=max_col)` yields for a
    read-only worksheet, read within the budgets."""
    max_row = sheet.max_row
    empty_row: Row = (None,) * max_col
    counter = 1
    index = 1
    with sheet._get_source() as source:
        for index, kept in _parsed_rows(sheet, source, max_col, cells, budget):
            if max_row is not None and index > max_row:
                break
            for _ in range(counter, index):  # rows the file leaves out are empty
                counter += 1
                yield empty_row
            if counter <= index:
                row: list[object] = [None] * max_col
                for column, value in kept:
                    if column >= 1:
                        row[column - 1] = value
                counter += 1
                yield tuple(row)
    if max_row is not None and max_row < index:
        for _ in range(counter, max_row + 1):
            yield empty_row
