"""Optional OCR for scanned PDFs: pytesseract plus the tesseract binary, when both exist.

Scanned registers behind a typed cover page are common on LEP sites, so scans are read by
OCR when it is installed. A hostile PDF can ask OCR for unbounded work: a tiny file can
declare a page of 200,000 points square (a raster of 10^11 pixels), or hundreds of scanned
pages. So OCR is bounded (issue 11, class 9; issue 13, item 5), and every page it leaves
unread is reported, never dropped silently:

- pixels per page: a page is rasterised at `OCR_DPI` unless that exceeds `MAX_OCR_PIXELS`,
  when the resolution is lowered to fit; below `MIN_OCR_DPI` the page is not OCR'd at all;
- pages per document (`MAX_OCR_PAGES`) and per audit (`MAX_OCR_PAGES_PER_AUDIT`, set by
  `audit_ocr_budget` around one audit's extraction);
- time per page (`OCR_PAGE_SECONDS`, tesseract's own timeout) and per document
  (`OCR_DOCUMENT_SECONDS`).
"""

from __future__ import annotations

import importlib.util
import math
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium

# 200 dpi reads typed registers about as well as 300 dpi, in about half the time.
OCR_DPI = 200
# An A3 page at 300 dpi is 17.4 million pixels; 20 million keeps a rendered page (3 bytes a
# pixel, then copied once for tesseract) near 120 MB.
MAX_OCR_PIXELS = 20_000_000
# Below this resolution tesseract reads typed text poorly: such a page is left unread.
MIN_OCR_DPI = 100
MAX_OCR_PAGES = 30
MAX_OCR_PAGES_PER_AUDIT = 300
OCR_PAGE_SECONDS = 30.0
OCR_DOCUMENT_SECONDS = 120.0


def ocr_available() -> bool:
    return (
        importlib.util.find_spec("pytesseract") is not None
        and shutil.which("tesseract") is not None
    )


def ocr_image(image: Any, timeout: float = OCR_PAGE_SECONDS) -> str:
    import pytesseract  # optional extra: imported only when OCR is actually used

    text: str = pytesseract.image_to_string(image, lang="eng", timeout=timeout)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def ocr_scale(width: float, height: float) -> float | None:
    """The render scale (pixels per point) for OCR of a page this size, or None when even the
    lowest useful resolution would exceed the pixel limit."""
    scale = OCR_DPI / 72
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > MAX_OCR_PIXELS:
        scale = math.sqrt(MAX_OCR_PIXELS / area)
    return scale if scale * 72 >= MIN_OCR_DPI else None


@dataclass
class AuditOcrBudget:
    """Pages one audit may still OCR, shared by the documents it reads."""

    limit: int
    claimed: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def claim(self) -> bool:
        with self._lock:
            if self.claimed >= self.limit:
                return False
            self.claimed += 1
            return True


_AUDIT_BUDGET: ContextVar[AuditOcrBudget | None] = ContextVar("audit_ocr_budget", default=None)


@contextmanager
def audit_ocr_budget(pages: int = MAX_OCR_PAGES_PER_AUDIT) -> Iterator[AuditOcrBudget]:
    """Bound the pages OCR'd by everything read inside this block (one audit)."""
    budget = AuditOcrBudget(pages)
    token = _AUDIT_BUDGET.set(budget)
    try:
        yield budget
    finally:
        _AUDIT_BUDGET.reset(token)


@dataclass
class OcrResult:
    lines: dict[int, list[str]] = field(default_factory=dict)  # page number -> lines read
    unread: dict[int, str] = field(default_factory=dict)  # page number -> why not

    def reason(self) -> str | None:
        """One line naming the scanned pages OCR left unread, grouped by why."""
        if not self.unread:
            return None
        by_reason: dict[str, list[int]] = {}
        for number, why in sorted(self.unread.items()):
            by_reason.setdefault(why, []).append(number)
        return "; ".join(
            f"scanned page{'s' if len(numbers) > 1 else ''} {_numbers(numbers)} not read: {why}"
            for why, numbers in by_reason.items()
        )


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def ocr_pages(document: pdfium.PdfDocument, numbers: list[int]) -> OcrResult:
    """OCR the scanned pages `numbers` (1-based) within the page, pixel and time limits."""
    result = OcrResult()
    audit = _AUDIT_BUDGET.get()
    deadline = time.monotonic() + OCR_DOCUMENT_SECONDS
    for position, number in enumerate(numbers):
        left = deadline - time.monotonic()
        if position >= MAX_OCR_PAGES:
            result.unread[number] = f"past the limit of {MAX_OCR_PAGES} OCR pages a document"
        elif left <= 0:
            result.unread[number] = f"OCR time limit of {OCR_DOCUMENT_SECONDS:.0f} s a document"
        elif audit is not None and not audit.claim():
            result.unread[number] = f"past the limit of {audit.limit} OCR pages an audit"
        else:
            _ocr_page(document, number, min(OCR_PAGE_SECONDS, left), result)
    return result


def _ocr_page(document: pdfium.PdfDocument, number: int, timeout: float, result: OcrResult) -> None:
    page = document[number - 1]
    try:
        width, height = page.get_size()
        scale = ocr_scale(width, height)
        if scale is None:
            result.unread[number] = (
                f"page of {width:,.0f} x {height:,.0f} points is too large to rasterise "
                f"within {MAX_OCR_PIXELS:,} pixels"
            )
            return
        image = page.render(scale=scale).to_pil()
    finally:
        page.close()
    try:
        text = ocr_image(image, timeout=timeout)
    except RuntimeError as error:  # pytesseract: "Tesseract process timeout"
        if "timeout" not in str(error).lower():
            raise
        result.unread[number] = f"OCR took longer than {timeout:.0f} s"
        return
    result.lines[number] = [line for line in text.split("\n") if line]
