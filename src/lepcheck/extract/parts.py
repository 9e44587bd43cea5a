"""What one format reader hands back, and the bounds every reader keeps to.

Readers see hostile or broken input (a 30 MB spreadsheet of blank rows, a PDF of 5,000 pages,
a zip bomb dressed as DOCX, a one-row sheet of a million cells), so each stops at these limits
instead of running out of memory or time (issue 11: any one document read in at most 1 GB and
in time linear in its size). The limits are far above any real LEP governance document. A
reader that stops early says so (`Extracted.truncated_reason`): a document read in part is
never passed off as whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lepcheck.models import DatedValue, DocumentFormat, Link, PageText, Section, Table

MAX_PAGES = 400
MAX_CHARS = 2_000_000
MAX_TABLE_ROWS = 5_000
MAX_TABLES = 200
MAX_TABLE_COLUMNS = 60
MAX_LINKS = 20_000
MAX_SECTIONS = 20_000
MAX_UNZIPPED_BYTES = 200_000_000


@dataclass(frozen=True)
class Extracted:
    """The format-specific part of a Document; `document.py` adds what the fetch recorded."""

    format: DocumentFormat
    title: str = ""
    pages: tuple[PageText, ...] = ()
    headings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    links: tuple[Link, ...] = ()
    tables: tuple[Table, ...] = ()
    created: datetime | None = None
    modified: datetime | None = None
    # Dates the format marks up explicitly (HTML <time datetime>); text dates are found later.
    marked_dates: tuple[DatedValue, ...] = ()
    unreadable_reason: str | None = None
    soft_error: bool = False  # not the document at all (soft_errors.py)
    truncated_reason: str | None = None
    ocr: bool = False  # some of the text was read from images by OCR


def text_cut() -> str:
    return f"text cut at the {MAX_CHARS:,}-character limit"


class Budget:
    """What a reader may still take from one document, and why it stopped when it did.

    Readers spend characters as they read (mid-page, mid-sheet), not after a page or a row
    has been materialised whole, and note each limit they reach."""

    def __init__(self, chars: int | None = None) -> None:
        self.chars = MAX_CHARS if chars is None else chars
        self._cuts: list[str] = []

    @property
    def spent(self) -> bool:
        return self.chars <= 0

    def take(self, text: str) -> str:
        """`text`, or as much of it as the budget still allows."""
        if len(text) > self.chars:
            self.cut(text_cut())
            text = text[: max(self.chars, 0)]
        self.chars -= len(text)
        return text

    def spend(self, text: str) -> bool:
        """Whether a whole line of `text` may still be read (the line that crosses the limit
        is kept whole); once the budget is spent, every further line is a cut."""
        if self.spent:
            self.cut(text_cut())
            return False
        self.chars -= len(text)
        return True

    def cut(self, reason: str) -> None:
        if reason not in self._cuts:
            self._cuts.append(reason)

    @property
    def reason(self) -> str | None:
        return "; ".join(self._cuts) or None


def unreadable(fmt: DocumentFormat, reason: str) -> Extracted:
    return Extracted(format=fmt, unreadable_reason=reason)


def soft_error(fmt: DocumentFormat, reason: str, title: str = "") -> Extracted:
    """A response that is not the document: only its title is kept, so a report can say what
    came back; no text of it may count."""
    return Extracted(format=fmt, title=title, unreadable_reason=reason, soft_error=True)


def clean_line(text: str) -> str:
    """Collapse runs of whitespace (incl. non-breaking spaces) into single spaces."""
    return " ".join(text.split())
