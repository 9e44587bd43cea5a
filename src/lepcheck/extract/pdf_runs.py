"""Runs of text on a PDF page with their boxes, as PDFium segments them.

A run is a stretch of text PDFium keeps together (one text object on one line); table cells
are separate runs even where the page text joins them with a space.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from lepcheck.extract.parts import clean_line

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


def text_runs(text_page: pdfium.PdfTextPage) -> list[TextRun]:
    runs: list[TextRun] = []
    for index in range(min(text_page.count_rects(), _MAX_RUNS)):
        left, bottom, right, top = text_page.get_rect(index)
        text = clean_line(text_page.get_text_bounded(left, bottom, right, top))
        if text:
            runs.append(TextRun(left, right, top, bottom, text))
    return runs
