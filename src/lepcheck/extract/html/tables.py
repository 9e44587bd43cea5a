"""Tables of a web page: header from <thead> or a row of <th>, else detected.

Merged cells are read as a reader sees them: a cell spanning columns (colspan) or rows (rowspan)
fills every position it covers, and a header of two rows ("LEP funding" over "2021/22 |
2022/23") becomes one row of combined labels ("LEP funding 2021/22").
"""

from __future__ import annotations

from bs4.element import Tag

from lepcheck.extract.html.meta import span_of
from lepcheck.extract.parts import MAX_TABLES, clean_line
from lepcheck.extract.tables import build_table, normalise_rows
from lepcheck.models import Table


def _fill_from_above(values: list[str], pending: dict[int, tuple[str, int]]) -> None:
    """Append the texts of cells from rows above that span down into the next positions."""
    while len(values) in pending:
        column = len(values)
        text, remaining = pending[column]
        values.append(text)
        if remaining > 1:
            pending[column] = (text, remaining - 1)
        else:
            del pending[column]


def _grid(element: Tag) -> tuple[list[list[str]], list[bool]]:
    """Every row's cell texts with spans filled in, and whether each row is a header row."""
    rows: list[list[str]] = []
    is_head: list[bool] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered below)
    for row in element.find_all("tr"):
        cells = row.find_all(["td", "th"])
        values: list[str] = []
        for cell in cells:
            _fill_from_above(values, pending)
            text = cell.get_text(" ", strip=True)
            down = span_of(cell, "rowspan")
            for _ in range(span_of(cell)):
                if down > 1:
                    pending[len(values)] = (text, down - 1)
                values.append(text)
        _fill_from_above(values, pending)
        in_head = row.find_parent("thead") is not None
        rows.append(values)
        is_head.append(bool(cells) and (in_head or all(c.name == "th" for c in cells)))
    return rows, is_head


def _combined_header(rows: list[list[str]]) -> list[str]:
    """Stacked header rows as one: each column's distinct labels, top to bottom."""
    width = max(len(r) for r in rows)
    combined: list[str] = []
    for column in range(width):
        parts: list[str] = []
        for row in rows:
            text = row[column] if column < len(row) else ""
            if text and text not in parts:
                parts.append(text)
        combined.append(" ".join(parts))
    return combined


def html_tables(root: Tag) -> tuple[Table, ...]:
    tables: list[Table] = []
    for element in root.find_all("table"):
        if element.find("table") is not None:  # layout table around real ones
            continue
        raw_rows, is_head = _grid(element)
        header_row = next((i for i, head in enumerate(is_head) if head), None)
        if header_row is not None:
            last = header_row
            while last + 1 < len(raw_rows) and is_head[last + 1]:
                last += 1
            if last > header_row:
                merged = _combined_header(raw_rows[header_row : last + 1])
                raw_rows = [*raw_rows[:header_row], merged, *raw_rows[last + 1 :]]
        rows = normalise_rows(raw_rows)
        if header_row is not None and header_row >= len(rows):
            header_row = None
        caption = element.find("caption")
        name = clean_line(caption.get_text(" ", strip=True)) if isinstance(caption, Tag) else None
        table = build_table(rows, header_row=header_row, name=name or None)
        if table is not None:
            tables.append(table)
        if len(tables) >= MAX_TABLES:
            break
    return tuple(tables)
