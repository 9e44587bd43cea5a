"""Tables from any format: trimming, bounding and finding the header row.

Spreadsheets of funded projects and registers often start with a title block ("Growth Deal
projects 2019/20", blank rows, a logo cell) before the real header, so the header is the first
row that looks like column labels rather than simply the first row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lepcheck.extract.dates import parse_uk_date
from lepcheck.extract.parts import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, Budget, clean_line
from lepcheck.models import Table
from lepcheck.vocab.dates import FINANCIAL_YEAR
from lepcheck.vocab.wording import SHORT_WORDS

_HEADER_SEARCH_ROWS = 15
_NUMBER = re.compile(r"^[£$€]?\s*-?[\d,]+(?:\.\d+)?\s*[%km]?$", re.IGNORECASE)


# The tail of a word too wide for its cell, broken onto the next line: "Sponsorsh" / "ips".
_BROKEN_TAIL = re.compile(r"^[a-z]{1,3}$")


def join_cell_line(cell: str, line: str) -> str:
    """A cell's text with its next wrapped line: a space between words, none inside a word
    broken at the cell edge ("Spouse/partne" + "r") or after a line-end hyphen ("Lewis-" +
    "Hall"). A renderer breaks inside a word only when the word alone is wider than the cell,
    so the cell so far is that one long word."""
    tail = line.strip()
    if not cell:
        return tail
    broken_word = (
        bool(_BROKEN_TAIL.match(tail))
        and tail not in SHORT_WORDS
        and " " not in cell
        and len(cell) >= _LONG_WORD
        and cell[-1:].isalpha()
    )
    if broken_word or re.search(r"[A-Za-z]-$", cell):
        return f"{cell}{tail}"
    return f"{cell} {tail}"


_LONG_WORD = 6


def _is_label(cell: str) -> bool:
    """A cell that reads like a column label: short text, not a number, amount or date."""
    if FINANCIAL_YEAR.match(cell):
        return True
    return (
        bool(cell)
        and len(cell) <= 60
        and any(c.isalpha() for c in cell)
        and not _NUMBER.match(cell)
        and parse_uk_date(cell) is None
    )


def header_index(rows: Sequence[Sequence[str]]) -> int | None:
    """Index of the first row with at least two non-empty cells that all look like labels."""
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        filled = [cell for cell in row if cell]
        if len(set(filled)) >= 2 and all(_is_label(cell) for cell in filled):
            # A title row spanning one merged cell has one filled cell and is skipped above;
            # require the header to be at least half as wide as the widest row near it.
            widest = max((sum(1 for c in r if c) for r in rows[:_HEADER_SEARCH_ROWS]), default=0)
            if len(filled) * 2 >= widest:
                return index
    return None


def normalise_rows(
    raw_rows: Iterable[Sequence[object]], budget: Budget | None = None
) -> list[tuple[str, ...]]:
    """Cells as clean strings, trailing empty cells and wholly empty rows dropped, bounded."""
    rows: list[tuple[str, ...]] = []
    for raw in raw_rows:
        if len(rows) >= MAX_TABLE_ROWS:
            if budget is not None and any(value not in (None, "") for value in raw):
                budget.cut(f"table rows past the first {MAX_TABLE_ROWS:,} not read")
            break
        cells = [clean_line("" if value is None else str(value)) for value in raw]
        cells = cells[:MAX_TABLE_COLUMNS]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(tuple(cells))
    return rows


def build_table(
    rows: Sequence[tuple[str, ...]],
    *,
    header_row: int | None = None,
    page: int | None = None,
    name: str | None = None,
) -> Table | None:
    """A Table with the header found (or given), or None when there is nothing in it."""
    if not rows:
        return None
    index = header_row if header_row is not None else header_index(rows)
    if index is None:
        return Table(rows=tuple(rows), page=page, name=name)
    return Table(header=rows[index], rows=tuple(rows[index + 1 :]), page=page, name=name)
