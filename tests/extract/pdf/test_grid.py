"""Tables ruled with borders (boxes or line segments) are read from the borders."""

from lepcheck.extract.document import extract_document
from tests.extract.extract_samples import line_ruled_table_pdf_bytes, record, table_pdf_bytes


def test_ruled_table_with_wrapped_header_and_centred_cells() -> None:
    rows = [
        ("Name", "Employment, office, trade or profession", "Land and property", "Date signed"),
        (
            "Alistair Crowe",
            "Managing Director, Crowe Aggregates Ltd",
            "Quarry, Fell Lane, Kestrel Vale",
            "14/04/2022",
        ),
        ("Patricia Ng", "Executive Chair, Ng Pharma Ltd", "None", "14/04/2022"),
    ]
    body = table_pdf_bytes(rows, v_align="MIDDLE")
    (table,) = extract_document(record("https://lep.example/r.pdf", "application/pdf"), body).tables
    assert table.header == rows[0]
    assert table.rows == tuple(rows[1:])


def test_table_ruled_with_line_segments() -> None:
    rows = [
        ("Project", "Lead partner", "Local Growth Fund allocation"),
        ("Anytown Quay regeneration and flood defences", "Anytown County Council", "£5,400,000"),
        ("Skills hub", "Anytown College", "£250,000"),
    ]
    body = line_ruled_table_pdf_bytes(rows)
    (table,) = extract_document(record("https://lep.example/p.pdf", "application/pdf"), body).tables
    assert table.header == rows[0]
    assert table.rows == tuple(rows[1:])
