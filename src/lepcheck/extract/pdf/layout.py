"""Headings in PDFs from how lines are printed: larger or bold type, as authors mark them.

Word exports of policies and registers rarely number every heading, but they print headings
in a larger or bold font. PDFium tells the size and font of each character; the size that
covers most of the text is the body size, anything clearly larger is a heading (the larger,
the higher), and short bold lines at body size are the lowest headings. Lines whose style is
unknown (OCR text) fall back to the shape of the line (`outline.heading_level`).
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from lepcheck.extract.outline import BODY, Block, heading_level
from lepcheck.extract.parts import clean_line

_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_LARGER = 1.15
_MAX_HEADING_WORDS = 15


@dataclass(frozen=True)
class StyledLine:
    text: str
    page: int
    size: float = 0.0  # 0: unknown (OCR)
    bold: bool = False


def _font_is_bold(text_page: pdfium.PdfTextPage, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(text_page.raw, index) >= 600:
        return True
    flags = ctypes.c_int(0)
    size = pdfium_c.FPDFText_GetFontInfo(text_page.raw, index, None, 0, ctypes.byref(flags))
    if size <= 0 or size > 512:
        return False
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFText_GetFontInfo(text_page.raw, index, buffer, size, ctypes.byref(flags))
    return bool(_BOLD_NAME.search(buffer.value.decode("latin-1", "replace")))


class FontWeights:
    """Whether a character's font is bold, asked of PDFium once per font.

    Weight and name belong to the font, and a page has a few fonts but dozens of lines: asking
    per line cost a sixth of the PDF reader's time (issue 13, speed)."""

    def __init__(self) -> None:
        self._bold: dict[int | None, bool] = {}

    def is_bold(self, text_page: pdfium.PdfTextPage, index: int) -> bool:
        text_object = pdfium_c.FPDFText_GetTextObject(text_page.raw, index)
        font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
        # The address of the font, by addressof: ctypes.cast costs several times as much.
        key = ctypes.addressof(font.contents) if font else None
        if key is None:
            return _font_is_bold(text_page, index)
        if key not in self._bold:
            self._bold[key] = _font_is_bold(text_page, index)
        return self._bold[key]


_LINE = re.compile(r"[^\r\n]+")


def styled_lines(text_page: pdfium.PdfTextPage, raw_text: str, page: int) -> list[StyledLine]:
    """Lines of one page with the size and weight of their first printed character.

    PDFium's text is indexed like its characters (line breaks it generates included), so the
    offset of a line in `raw_text` is the index of its first character.
    """
    # Per page: the page's objects keep its fonts alive, so a font's address names one font.
    fonts = FontWeights()
    count = text_page.count_chars()
    lines: list[StyledLine] = []
    for match in _LINE.finditer(raw_text):
        raw = match.group(0)
        text = clean_line(raw)
        if not text:
            continue
        first = match.start() + (len(raw) - len(raw.lstrip()))
        if first < count:
            size = pdfium_c.FPDFText_GetFontSize(text_page.raw, first)
            lines.append(StyledLine(text, page, round(size, 1), fonts.is_bold(text_page, first)))
        else:
            lines.append(StyledLine(text, page))
    return lines


def _body_style(lines: Sequence[StyledLine]) -> tuple[float, bool]:
    """(body font size, whether bold marks headings) by characters covered."""
    sizes: Counter[float] = Counter()
    bold_chars = 0
    for line in lines:
        if line.size:
            sizes[line.size] += len(line.text)
            bold_chars += len(line.text) if line.bold else 0
    if not sizes:
        return 0.0, False
    total = sum(sizes.values())
    return sizes.most_common(1)[0][0], bold_chars * 2 < total


def blocks_from_styled(lines: Sequence[StyledLine]) -> list[Block]:
    body_size, bold_is_distinctive = _body_style(lines)
    larger = sorted(
        {line.size for line in lines if body_size and line.size >= body_size * _LARGER},
        reverse=True,
    )[:4]
    blocks: list[Block] = []
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        level = heading_level(line.text, following)
        short = len(line.text.split()) <= _MAX_HEADING_WORDS and len(line.text) <= 120
        if short and line.size and body_size:
            if line.size in larger:
                level = larger.index(line.size) + 1
            elif line.size >= body_size * _LARGER:
                level = len(larger)  # an odd size among the largest: lowest of them
            elif (
                line.bold
                and bold_is_distinctive
                and not line.text.endswith((".", ","))
                and sum(c.isalpha() for c in line.text) >= 3
            ):
                level = max(level, len(larger) + 1) if level == BODY else level
        blocks.append(Block(level=min(level, 6), text=line.text, page=line.page))
    return blocks
