"""PDF table cells whose words a narrow column broke at its edge are read whole."""

from __future__ import annotations

from lepcheck.extract.document import extract_document
from lepcheck.extract.tables import join_cell_line
from tests.extract.extract_samples import record, table_pdf_bytes


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


def test_narrow_header_cells_of_a_register_table_keep_their_words() -> None:
    header = ["Name", "Job", "Land", "Shares", "Trusts", "Clubs", "Gifts", "Sponsorships", "Date"]
    rows = [
        header,
        ["A Khan", "Solicitor", "None", "None", "None", "None", "None", "None", "2/3/23"],
        ["P Okoro", "Retired", "None", "None", "None", "Rotary", "None", "None", "1/3/23"],
    ]
    body = table_pdf_bytes(rows)
    doc = extract_document(record("https://lep.example/roi.pdf", "application/pdf"), body)
    (table,) = doc.tables
    assert table.header == tuple(header)
