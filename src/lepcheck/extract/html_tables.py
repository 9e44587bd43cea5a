"""Tables of a web page: header from <thead> or a row of <th>, else detected."""

from __future__ import annotations

from bs4.element import Tag

from lepcheck.extract.html_meta import attribute_text
from lepcheck.extract.parts import MAX_TABLES, clean_line
from lepcheck.extract.tables import build_table, normalise_rows
from lepcheck.models import Table


def html_tables(root: Tag) -> tuple[Table, ...]:
    tables: list[Table] = []
    for element in root.find_all("table"):
        if element.find("table") is not None:  # layout table around real ones
            continue
        header_row: int | None = None
        raw_rows: list[list[str]] = []
        for row_index, row in enumerate(element.find_all("tr")):
            cells = row.find_all(["td", "th"])
            values: list[str] = []
            for cell in cells:
                span = attribute_text(cell, "colspan")
                repeat = min(int(span), 20) if span.isdigit() and int(span) > 0 else 1
                values.extend([cell.get_text(" ", strip=True)] * repeat)
            in_head = row.find_parent("thead") is not None
            if header_row is None and cells and (in_head or all(c.name == "th" for c in cells)):
                header_row = row_index
            raw_rows.append(values)
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
