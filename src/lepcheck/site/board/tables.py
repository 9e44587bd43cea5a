"""Board members as a table: a row per member, with columns for role, organisation, sector,
appointment, term and gender found by their headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lepcheck.models import BoardMember, Document
from lepcheck.site.board.entries import board_member, not_a_member, split_name
from lepcheck.site.board.member_lines import MemberFacts, read_sector_label
from lepcheck.site.source import collapse
from lepcheck.site.table_header import header_and_rows
from lepcheck.vocab.people import NAME_HEADER
from lepcheck.vocab.roles import (
    APPOINTED_HEADER,
    GENDER_HEADER,
    ORGANISATION_HEADER,
    ROLE_HEADER,
    SECTOR_HEADER,
    TERM_HEADER,
)


def _column(header: Sequence[str], pattern: re.Pattern[str], used: set[int]) -> int | None:
    for index, cell in enumerate(header):
        if index not in used and pattern.search(cell):
            used.add(index)
            return index
    return None


def read_tables(doc: Document) -> list[BoardMember]:
    members: list[BoardMember] = []
    for table in doc.tables:
        header, rows = header_and_rows(table, NAME_HEADER)
        if not header:
            continue
        used: set[int] = set()
        name_at = _column(header, NAME_HEADER, used)
        columns = {
            "role": _column(header, ROLE_HEADER, used),
            "organisation": _column(header, ORGANISATION_HEADER, used),
            "sector": _column(header, SECTOR_HEADER, used),
            "appointed": _column(header, APPOINTED_HEADER, used),
            "term": _column(header, TERM_HEADER, used),
            "gender": _column(header, GENDER_HEADER, used),
        }
        if name_at is None:
            continue
        for row in rows:
            if name_at >= len(row):
                continue
            split = split_name(row[name_at])
            if split is None:
                continue
            raw_name, extra = split
            role_at = columns["role"]
            role_cell = [row[role_at]] if role_at is not None and role_at < len(row) else []
            if not_a_member([*extra, *role_cell]):
                continue
            facts = MemberFacts()
            for part in extra:
                facts.read_line(part)
            for label, at in columns.items():
                if at is not None and at < len(row) and row[at].strip():
                    facts.read_label(label, row[at])
                    if label == "role":
                        facts.sector = facts.sector or read_sector_label(row[at])
            locator = f"table row '{collapse(row[name_at])}'"
            if table.page:
                locator = f"page {table.page}, {locator}"
            members.append(board_member(raw_name, facts, doc, locator, " | ".join(row)))
    return members
