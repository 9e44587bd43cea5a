"""Runs of text on a PDF page with their boxes, as PDFium segments them.

A run is a stretch of text PDFium keeps together (one text object on one line); table cells
are separate runs even where the page text joins them with a space.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pypdfium2 as pdfium

from lepcheck.extract.parts import clean_line
from lepcheck.extract.pdf.chars import address_of, rects

_MAX_RUNS = 4_000


@dataclass(frozen=True)
class TextRun:
    left: float
    right: float
    top: float
    bottom: float
    text: str

    @property
    def middle_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def middle_y(self) -> float:
        return (self.top + self.bottom) / 2


def _boxes(text_page: pdfium.PdfTextPage) -> list[tuple[float, float, float, float]]:
    return rects(address_of(text_page), min(text_page.count_rects(), _MAX_RUNS))


def _side_by_side(boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether two runs sit on one line with a gap between them, as table cells do. Prose
    pages have one run per line (or touching runs where the font changes)."""
    ordered = sorted(boxes, key=lambda box: (-box[3], box[0]))
    for (_left1, bottom1, right1, top1), (left2, bottom2, _, top2) in itertools.pairwise(ordered):
        same_line = bottom1 <= (bottom2 + top2) / 2 <= top1
        if same_line and left2 - right1 > (top1 - bottom1) * 0.8:
            return True
    return False


def text_runs(text_page: pdfium.PdfTextPage, *, only_if_tabular: bool = False) -> list[TextRun]:
    """The page's runs. With `only_if_tabular`, none unless two runs share a line apart, so
    prose pages skip the costly per-run text look-up."""
    boxes = _boxes(text_page)
    if only_if_tabular and not _side_by_side(boxes):
        return []
    runs: list[TextRun] = []
    for left, bottom, right, top in boxes:
        text = clean_line(text_page.get_text_bounded(left, bottom, right, top))
        if text:
            runs.append(TextRun(left, right, top, bottom, text))
    return runs
