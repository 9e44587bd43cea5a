"""SourceRef construction: every site-model fact says which document and which words it read.

Checks turn these into evidence (design.md: never `pass` without evidence), so the quote must be
verbatim from the document and short enough to show in a report.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lepcheck.models import Document, SourceRef

QUOTE_LIMIT = 240


def collapse(text: str) -> str:
    """Whitespace runs (line breaks in PDFs, nbsp in HTML) as single spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def short_quote(text: str) -> str:
    quote = collapse(text)
    if len(quote) <= QUOTE_LIMIT:
        return quote
    return quote[: QUOTE_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def cite(doc: Document, locator: str, quote: str) -> SourceRef:
    return SourceRef(
        url=doc.url,
        sha256=doc.sha256,
        fetched_at=doc.fetched_at,
        locator=locator,
        quote=short_quote(quote),
    )


def section_locator(heading: str, page: int | None = None) -> str:
    where = f"section '{collapse(heading)[:80]}'"
    return f"page {page}, {where}" if page else where


def page_of(doc: Document, needle: str) -> int | None:
    """The number of the first page whose text contains `needle` (collapsed), if any."""
    wanted = collapse(needle)[:60]
    for page in doc.pages:
        if wanted and wanted in collapse(page.text):
            return page.number
    return None


def line_locator(doc: Document, line: str) -> str:
    page = page_of(doc, line)
    return f"page {page}" if page is not None else "text"


class PageOffsets:
    """Which page of `doc.text` (pages joined by line breaks) an offset into it falls on.

    Readers that split a long text into blocks know where each block starts; looking its words
    up again page by page (`line_locator`) would read the whole text once per block."""

    def __init__(self, doc: Document) -> None:
        self._starts: list[int] = []
        self._numbers: list[int] = []
        offset = 0
        for page in doc.pages:
            self._starts.append(offset)
            self._numbers.append(page.number)
            offset += len(page.text) + 1

    def locator(self, offset: int) -> str:
        index = bisect_right(self._starts, offset) - 1
        return f"page {self._numbers[index]}" if index >= 0 else "text"
