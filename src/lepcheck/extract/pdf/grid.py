"""Ruled tables in PDFs: cells from the borders drawn around them.

Word, LibreOffice and report generators draw table borders, as boxes per cell or as line
segments. Horizontal borders make row bands; the vertical borders that cross a band make its
columns; each text run belongs to the cell that holds its middle. This reads headers and
cells wrapped over several lines, whatever their vertical alignment, which the alignment
heuristics of `pdf.tables` cannot.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lepcheck.extract.pdf.runs import TextRun
from lepcheck.extract.tables import build_table, header_index, join_cell_line
from lepcheck.models import Table

_MAX_PATHS = 5_000
_THIN = 3.0  # a path thinner than this is a line, thicker a box
_SAME = 2.5  # borders closer than this are one border
_MIN_ROW = 4.0
_MIN_RULE_WIDTH = 15.0


@dataclass(frozen=True)
class _Edge:
    position: float  # y of a horizontal edge, x of a vertical one
    start: float  # its extent along the other axis
    end: float


@dataclass(frozen=True)
class PageEdges:
    horizontal: tuple[_Edge, ...]
    vertical: tuple[_Edge, ...]


def page_edges(page: pdfium.PdfPage) -> PageEdges:
    """Edges of the lines and boxes drawn on the page (table borders among them)."""
    horizontal: list[_Edge] = []
    vertical: list[_Edge] = []
    for count, obj in enumerate(page.get_objects(max_depth=2)):
        if count >= _MAX_PATHS:
            break
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height < _THIN and width >= _THIN:
            horizontal.append(_Edge((top + bottom) / 2, left, right))
        elif width < _THIN and height >= _THIN:
            vertical.append(_Edge((left + right) / 2, bottom, top))
        elif width >= _THIN and height >= _THIN:
            horizontal += [_Edge(top, left, right), _Edge(bottom, left, right)]
            vertical += [_Edge(left, bottom, top), _Edge(right, bottom, top)]
    return PageEdges(tuple(horizontal), tuple(vertical))


def rule_heights_of(edges: PageEdges) -> list[float]:
    """Heights of the horizontal rules and box edges wider than a glyph, top first: the row
    borders of tables ruled only across (no vertical lines)."""
    return _levels(
        [edge.position for edge in edges.horizontal if edge.end - edge.start >= _MIN_RULE_WIDTH],
        descending=True,
    )


def _levels(positions: Sequence[float], descending: bool) -> list[float]:
    merged: list[float] = []
    for position in sorted(positions, reverse=descending):
        if not merged or abs(merged[-1] - position) > _SAME:
            merged.append(position)
    return merged


@dataclass
class _Band:
    top: float
    bottom: float
    columns: list[float]  # x of the vertical borders crossing the band, left to right


def _bands(horizontal: Sequence[_Edge], vertical: Sequence[_Edge]) -> list[_Band]:
    rows = _levels([edge.position for edge in horizontal], descending=True)
    bands: list[_Band] = []
    for top, bottom in itertools.pairwise(rows):
        if top - bottom < _MIN_ROW:
            continue
        crossing = [
            edge.position
            for edge in vertical
            if edge.start <= bottom + _SAME and edge.end >= top - _SAME
        ]
        columns = _levels(crossing, descending=False)
        if len(columns) >= 3:
            bands.append(_Band(top, bottom, columns))
    return bands


def _tables_of(bands: list[_Band]) -> list[list[_Band]]:
    """Bands stacked edge to edge with overlapping widths make one table."""
    tables: list[list[_Band]] = []
    for band in bands:
        if tables:
            last = tables[-1][-1]
            touching = abs(last.bottom - band.top) <= _SAME
            overlapping = band.columns[0] < last.columns[-1] and last.columns[0] < band.columns[-1]
            if touching and overlapping:
                tables[-1].append(band)
                continue
        tables.append([band])
    return tables


def _cell_rows(
    bands: list[_Band], runs: Sequence[TextRun]
) -> tuple[list[tuple[str, ...]], set[int]]:
    columns = _levels([x for band in bands for x in band.columns], descending=False)
    left, right = columns[0], columns[-1]
    rows: list[tuple[str, ...]] = []
    used: set[int] = set()
    for band in bands:
        cells = [""] * (len(columns) - 1)
        inside = [
            (i, run)
            for i, run in enumerate(runs)
            if band.bottom <= run.middle_y <= band.top and left <= run.middle_x <= right
        ]
        for i, run in sorted(inside, key=lambda item: (-item[1].top, item[1].left)):
            column = max(c for c in range(len(columns) - 1) if columns[c] <= run.middle_x)
            cells[column] = join_cell_line(cells[column], run.text)
            used.add(i)
        if any(cells):
            rows.append(tuple(cells))
    return rows, used


def grid_tables(
    edges: PageEdges, runs: Sequence[TextRun], number: int
) -> tuple[list[Table], list[TextRun]]:
    """Tables drawn with borders on the page, and the runs left outside them."""
    if not edges.horizontal or not edges.vertical:
        return [], list(runs)
    tables: list[Table] = []
    consumed: set[int] = set()
    for bands in _tables_of(_bands(edges.horizontal, edges.vertical)):
        rows, used = _cell_rows(bands, runs)
        filled_columns = {i for row in rows for i, cell in enumerate(row) if cell}
        if len(rows) < 2 or len(filled_columns) < 2:
            continue
        # Columns no row fills (borders of merged cells) carry nothing: drop them.
        keep = sorted(filled_columns)
        rows = [tuple(row[i] for i in keep) for row in rows]
        header_row = 0 if header_index(rows[:1]) == 0 else None
        table = build_table(rows, header_row=header_row, page=number)
        if table is not None:
            tables.append(table)
            consumed |= used
    return tables, [run for i, run in enumerate(runs) if i not in consumed]
