"""Tables from any format: funding tables label their amount columns by financial year (labels,
not data), and a cell's words broken by a narrow column are joined whole."""

from __future__ import annotations

from lepcheck.extract.tables import build_table, header_index, join_cell_line


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


def test_a_letter_broken_off_a_word_joins_it_and_other_lines_join_with_a_space() -> None:
    assert join_cell_line("Spouse/partne", "r") == "Spouse/partner"
    assert join_cell_line("Sponsorsh", "ips") == "Sponsorships"
    assert join_cell_line("Lewis-", "Hall") == "Lewis-Hall"
    assert join_cell_line("Director", "of") == "Director of"  # a short word, not a tail
    assert join_cell_line("Dinner with", "spouse") == "Dinner with spouse"
    assert join_cell_line("Plan A", "b") == "Plan A b"  # several words: wrapped at a space
    assert join_cell_line("2021 -", "2022") == "2021 - 2022"
    assert join_cell_line("Managing Director,", "Lewis Hall Ltd") == (
        "Managing Director, Lewis Hall Ltd"
    )
