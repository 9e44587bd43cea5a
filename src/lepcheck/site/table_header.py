"""Which row of a table is its header.

HTML tables built without <th>, spreadsheets and CSV files put the header in the first row,
so a reader looks for its key column ("Name", "Project") in the header and then in row one.
"""

from __future__ import annotations

import re

from lepcheck.models import Table

Rows = tuple[tuple[str, ...], ...]


def header_and_rows(table: Table, key_column: re.Pattern[str]) -> tuple[tuple[str, ...], Rows]:
    """(header, rows below it), or ((), ()) when no header names the key column."""
    if table.header and any(key_column.search(cell) for cell in table.header):
        return table.header, table.rows
    if table.rows and any(key_column.search(cell) for cell in table.rows[0]):
        return table.rows[0], table.rows[1:]
    return (), ()
