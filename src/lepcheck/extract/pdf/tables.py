"""Tables in PDFs, rebuilt from where PDFium places runs of text.

PDF text has no tables, only positioned runs: PDFium's text loses the cell boundaries
("Name Employment Directorships"). Its text rectangles keep them: each cell's text is its own
run. Tables drawn with borders are read from the borders (`pdf.grid`). For the rest, runs on
one line form cells; a table starts at a line of two or more cells and goes on
while every run stays inside the columns that line set up. A run in the first column starts
a new row; other lines are wrapped text of the row above (Word and most tools align cells to
the top). Only a block whose first line reads as a header is kept, so two-column prose is not
mistaken for a table.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pypdfium2 as pdfium

from lepcheck.extract.pdf.grid import grid_tables, page_edges, rule_heights_of
from lepcheck.extract.pdf.runs import TextRun, text_runs
from lepcheck.extract.tables import build_table, header_index, join_cell_line
from lepcheck.models import Table

_ALIGN = 6.0  # points of slack when matching a run to a column start
_MAX_GAP_LINES = 2.5  # a blank band this many line heights tall ends a table


def _lines(runs: list[TextRun]) -> list[list[TextRun]]:
    """Runs grouped by line (vertical overlap), top to bottom, each line left to right; runs
    that touch on a line are one cell."""
    lines: list[list[TextRun]] = []
    for run in sorted(runs, key=lambda r: -r.top):
        middle = (run.top + run.bottom) / 2
        if lines and lines[-1][0].bottom <= middle <= lines[-1][0].top:
            lines[-1].append(run)
        else:
            lines.append([run])
    merged: list[list[TextRun]] = []
    for line in lines:
        cells: list[TextRun] = []
        for run in sorted(line, key=lambda r: r.left):
            height = run.top - run.bottom
            if cells and run.left - cells[-1].right < height * 0.8:
                last = cells[-1]
                cells[-1] = TextRun(last.left, max(last.right, run.right), last.top, last.bottom,
                                 f"{last.text} {run.text}")  # fmt: skip
            else:
                cells.append(run)
        merged.append(cells)
    return merged


def _column_of(run: TextRun, starts: Sequence[float]) -> int | None:
    """The column a run sits in, or None if it starts between columns or spills over."""
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else float("inf")
        if start - _ALIGN <= run.left < end - _ALIGN and run.right <= end + _ALIGN:
            return index
    return None


def _block_from(lines: list[list[TextRun]], first: int) -> int:
    """Index of the line after the run of lines that fit the columns of line `first`."""
    starts = [cell.left for cell in lines[first]]
    height = lines[first][0].top - lines[first][0].bottom
    index = first + 1
    while index < len(lines):
        gap = lines[index - 1][0].bottom - lines[index][0].top
        if gap > _MAX_GAP_LINES * height:
            break  # a wide gap: what follows (a signature block) is not in the table
        if any(_column_of(cell, starts) is None for cell in lines[index]):
            break
        index += 1
    return index


def _rows(
    lines: list[list[TextRun]], starts: Sequence[float], rule_heights: Sequence[float]
) -> list[list[str]]:
    """Data rows: a line with a first-column cell anchors a row; every other line holds
    wrapped cell text and joins an anchor. Drawn row borders decide when there are some;
    else, as tools align cells to the top (Word's default) or the middle, text above the
    first anchor means the middle and lines join the nearest anchor, else the one above."""
    anchors = [i for i, line in enumerate(lines) if _column_of(line[0], starts) == 0]
    if not anchors:
        return []

    def middle(i: int) -> float:
        return (lines[i][0].top + lines[i][0].bottom) / 2

    def band(i: int) -> int:
        return sum(1 for height in rule_heights if height > middle(i))

    ruled = all(band(a) < band(b) for a, b in itertools.pairwise(anchors))
    centred = anchors[0] > 0
    owner: dict[int, list[int]] = {anchor: [] for anchor in anchors}
    for i in range(len(lines)):
        if i in owner:
            owner[i].append(i)
            continue
        if ruled:
            same = [a for a in anchors if band(a) == band(i)]
            nearest = same[0] if same else max((a for a in anchors if a < i), default=anchors[0])
        elif centred:
            nearest = min(anchors, key=lambda a: abs(middle(a) - middle(i)))
        else:
            nearest = max((a for a in anchors if a < i), default=anchors[0])
        owner[nearest].append(i)
    rows: list[list[str]] = []
    for anchor in anchors:
        row = [""] * len(starts)
        for i in sorted(owner[anchor]):
            for cell in lines[i]:
                column = _column_of(cell, starts)
                if column is not None:
                    row[column] = join_cell_line(row[column], cell.text)
        rows.append(row)
    # A trailing "Signed: ..." or "Date: ..." line fills only the first column.
    while rows and sum(1 for cell in rows[-1] if cell) <= 1:
        rows.pop()
    return rows


def page_tables(page: pdfium.PdfPage, text_page: pdfium.PdfTextPage, number: int) -> list[Table]:
    """Ruled tables from their borders first, then unruled ones from how runs line up."""
    runs = text_runs(text_page, only_if_tabular=True)
    if not runs:
        return []
    edges = page_edges(page)
    tables, rest = grid_tables(edges, runs, number)
    lines = _lines(rest)
    if not any(len(line) >= 2 for line in lines):
        return tables
    rule_heights = rule_heights_of(edges)
    index = 0
    while index < len(lines):
        header = lines[index]
        if len(header) < 2:
            index += 1
            continue
        after = _block_from(lines, index)
        starts = [cell.left for cell in header]
        rows = _rows(lines[index + 1 : after], starts, rule_heights)
        head = tuple(cell.text for cell in header)
        if rows and header_index([head]) == 0:
            table = build_table([head, *(tuple(row) for row in rows)], header_row=0, page=number)
            if table is not None:
                tables.append(table)
            index = after
        else:
            index += 1
    return tables
