"""What one format reader hands back, and the bounds every reader keeps to.

Readers see hostile or broken input (a 30 MB spreadsheet of blank rows, a PDF of 5,000 pages,
a zip bomb dressed as DOCX), so each stops at these limits instead of running out of memory or
time. The limits are far above any real LEP governance document.
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
MAX_LINKS = 5_000
MAX_SECTIONS = 2_000
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


def unreadable(fmt: DocumentFormat, reason: str) -> Extracted:
    return Extracted(format=fmt, unreadable_reason=reason)


def soft_error(fmt: DocumentFormat, reason: str, title: str = "") -> Extracted:
    """A response that is not the document: only its title is kept, so a report can say what
    came back; no text of it may count."""
    return Extracted(format=fmt, title=title, unreadable_reason=reason, soft_error=True)


def clean_line(text: str) -> str:
    """Collapse runs of whitespace (incl. non-breaking spaces) into single spaces."""
    return " ".join(text.split())
