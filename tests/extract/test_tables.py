"""Funding tables label their amount columns by financial year; those are labels, not data."""

from __future__ import annotations

from lepcheck.extract.tables import build_table, header_index


def test_financial_year_columns_are_header_labels() -> None:
    rows = [
        ("Project", "Description", "Lead organisation", "2021/22", "2022-23", "FY24", "Total"),
        ("Quay", "Flood works", "County Council", "1200000", "1800000", "0", "3000000"),
    ]
    assert header_index(rows) == 0
    table = build_table(rows)
    assert table is not None and table.header[3] == "2021/22"


def test_a_row_of_amounts_is_still_not_a_header() -> None:
    rows = [("Quay", "1200000", "1800000"), ("Dock", "500", "600")]
    assert header_index(rows) is None
