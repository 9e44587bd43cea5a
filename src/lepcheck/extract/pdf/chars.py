"""PDFium's per-character and per-run calls, taking and returning plain integers.

The reader asks PDFium about every line of every page (font size, text object, font) and,
on pages that may hold a table, about every run of text (its box). Through pypdfium2's
bindings each call converts typed pointers and builds result objects, and those conversions
cost more than PDFium's own work: a third of the reader's time on a page of prose (issue 13
item 6, benchmarks/extract.py). The same functions of the same library, declared here with
plain address and integer arguments, do the same work without the conversions. Each text
page is named by its address (`address_of`), valid while pypdfium2 keeps the page open.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_Address = ctypes.c_void_p


def _redeclared(function: Any, result: Any, *arguments: Any) -> Callable[..., Any]:
    """`function` of PDFium, called with the given C types instead of pypdfium2's, and
    keeping the GIL: these only read what the text page holds, in less time than releasing
    and taking back the GIL costs (a third of each call); PDFium is used under one lock
    (reader.PDFIUM_LOCK) anyway."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if not address:
        raise ImportError(f"PDFium has no {function.__name__}")
    prototype: Callable[..., Any] = ctypes.PYFUNCTYPE(result, *arguments)(address)
    return prototype


# font_size(text_page, index): the size of the font of character `index`.
font_size: Callable[[int, int], float] = _redeclared(
    pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _Address, ctypes.c_int
)
_text_object = _redeclared(pdfium_c.FPDFText_GetTextObject, _Address, _Address, ctypes.c_int)
_object_font = _redeclared(pdfium_c.FPDFTextObj_GetFont, _Address, _Address)
_rect = _redeclared(
    pdfium_c.FPDFText_GetRect, ctypes.c_int, _Address, ctypes.c_int, _Address, _Address, _Address,
    _Address,
)  # fmt: skip


def address_of(text_page: pdfium.PdfTextPage) -> int:
    """The text page's address, as the functions below take it."""
    return int(ctypes.cast(text_page.raw, ctypes.c_void_p).value or 0)


def font_of(text_page: int, index: int) -> int | None:
    """The address of the font of character `index`, or None when PDFium knows of no text
    object for it (a line break or space it generated)."""
    text_object = _text_object(text_page, index)
    if not text_object:
        return None
    font: int | None = _object_font(text_object)  # None for a null pointer
    return font


def rects(text_page: int, count: int) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of the first `count` text rectangles (FPDFText_GetRect;
    FPDFText_CountRects must have been called over the whole page first)."""
    sides = (ctypes.c_double * 4)()  # left, top, right, bottom, as FPDFText_GetRect writes them
    start = ctypes.addressof(sides)
    places = [start + side * ctypes.sizeof(ctypes.c_double) for side in range(4)]
    boxes: list[tuple[float, float, float, float]] = []
    for index in range(count):
        if not _rect(text_page, index, *places):
            raise pdfium.PdfiumError(f"Failed to get text rectangle {index}.")
        left, top, right, bottom = sides
        boxes.append((left, bottom, right, top))
    return boxes
