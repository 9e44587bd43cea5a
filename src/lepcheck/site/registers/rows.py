"""Combined registers as tables (spreadsheets, CSV, HTML): a row per member with the Ney 6.1
categories as columns, or a row per interest with the category in a cell.

A category column counts for a member when their cell holds anything, "None" included (they
answered, ROI-05); an empty cell is a question left unanswered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lepcheck.models import REGISTER_CATEGORIES, Document, RegisterEntry, Table
from lepcheck.site.day_dates import date_in_label
from lepcheck.site.names import best_match, display_name, looks_like_person_name
from lepcheck.site.registers.content import categories_in, dpi_only_in, mentions_household
from lepcheck.site.source import cite, collapse
from lepcheck.site.table_header import header_and_rows
from lepcheck.vocab.people import NAME_HEADER
from lepcheck.vocab.registers import (
    CATEGORY_HEADER,
    DATE_HEADER,
    LOG_HEADER,
    MEETING_HEADER,
    SIGNED_HEADER,
    UNSIGNED_CELL,
)


def table_entries(doc: Document, board_names: Sequence[str]) -> list[RegisterEntry]:
    """Combined tables: one row per member (categories as columns) or one row per interest."""
    entries: list[RegisterEntry] = []
    for table in doc.tables:
        header, rows = header_and_rows(table, NAME_HEADER)
        if not header or _declarations_log(header):
            continue
        name_at = next(i for i, h in enumerate(header) if NAME_HEADER.search(h))
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for row in rows:
            if name_at < len(row) and looks_like_person_name(row[name_at]):
                grouped.setdefault(row[name_at].strip(), []).append(row)
        lost = _categories_lost_from_header(doc, header, list(grouped))
        for raw_name, member_rows in grouped.items():
            entry = _row_entry(doc, table, header, raw_name, member_rows, board_names)
            if lost:
                covered = set(entry.categories) | lost
                ordered = tuple(c for c in REGISTER_CATEGORIES if c in covered)
                entry = entry.model_copy(update={"categories": ordered})
            entries.append(entry)
    return entries


def _declarations_log(header: tuple[str, ...]) -> bool:
    """A log of declarations made at meetings (Date of meeting | Member | Item | Action taken):
    one row per declaration, which is what the minutes record, not anyone's register."""
    return any(MEETING_HEADER.search(h) for h in header) and any(
        LOG_HEADER.search(h) for h in header
    )


def only_declarations_logs(doc: Document) -> bool:
    """Every table of the document is a log of declarations at meetings (nothing else to read)."""
    headers = [header_and_rows(t, NAME_HEADER)[0] or t.header for t in doc.tables]
    return bool(headers) and all(_declarations_log(tuple(h)) for h in headers)


def _categories_lost_from_header(
    doc: Document, header: tuple[str, ...], names: list[str]
) -> set[str]:
    """Categories the printed header asks that the table's header lost.

    A PDF table's header is rebuilt from positioned words, and headers wrapped over three or
    four lines ("Related-party / transactions / contracts") can come out cut or merged. The
    header as printed, the text before the first member's row, is then the authority on what
    the form asks (Ney 6.1); a cell the table did keep still counts as it is.
    """
    if doc.format != "pdf" or not names:
        return set()
    first_row = doc.text.find(names[0].split()[0])
    if first_row <= 0:
        return set()
    printed = set(categories_in(doc.text[:first_row]))
    return printed - set(categories_in(" | ".join(header)))


def _row_entry(
    doc: Document,
    table: Table,
    header: tuple[str, ...],
    raw_name: str,
    rows: list[tuple[str, ...]],
    board_names: Sequence[str],
) -> RegisterEntry:
    """One member's row(s). A category column counts when its cell holds anything, "None"
    included (the member answered, ROI-05); an empty cell is a question left unanswered."""
    long_format = any(CATEGORY_HEADER.search(h) for h in header)
    answered: list[str] = []
    cells: list[str] = []
    signed = False
    signed_dates: list[date] = []
    dates: list[date] = []
    for row in rows:
        for label, cell in zip(header, row, strict=False):
            value = cell.strip()
            if not value or NAME_HEADER.search(label):
                continue
            if SIGNED_HEADER.search(label):
                when = date_in_label(value)
                signed = signed or when is not None or not UNSIGNED_CELL.match(value)
                signed_dates.extend([when] if when else [])
            elif DATE_HEADER.search(label):
                dates.extend([d] if (d := date_in_label(value)) else [])
            else:
                answered.append(label)
                cells.append(value)
    text = "\n".join(cells)
    # One generic "Interests" column names no category: the answers then show which it covers.
    categories = categories_in(text if long_format else " | ".join(answered)) or categories_in(text)
    household = mentions_household(" | ".join(answered)) or mentions_household(text)
    locator = f"table row '{collapse(raw_name)}'"
    if table.page:
        locator = f"page {table.page}, {locator}"
    match = best_match(raw_name, board_names)
    signed_date = max(signed_dates) if signed_dates else None
    # A dated row with a "Signed: Yes" column is dated by the member's signature.
    if signed and signed_date is None and dates:
        signed_date = max(dates)
    return RegisterEntry(
        member_name=display_name(raw_name),
        matched_member=match[0] if match else None,
        categories=categories,
        dpi_categories=dpi_only_in(text if long_format else " | ".join(answered)),
        household=household,
        signed=signed,
        signed_date=signed_date,
        dated=max(dates) if dates else signed_date,
        source=cite(doc, locator, " | ".join(rows[0])),
    )
