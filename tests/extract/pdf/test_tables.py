"""PDF tables rebuilt from where PDFium places runs of text; prose in columns is not a table."""

from lepcheck.extract.document import extract_document
from tests.extract.extract_samples import MINUTES_PAGES, pdf_bytes, record, table_pdf_bytes

REGISTER_ROWS = [
    ("Name", "Employment", "Directorships", "Land and property"),
    ("Jane Smith", "Director, Acme Ltd", "Acme Ltd; Anytown FC", "None"),
    (
        "John Brown",
        "Leader, Anytown Council",
        "None",
        "Home in Anytown, held jointly with spouse since 2001",
    ),
    ("Priya Patel", "Vice-Chancellor, University of Anytown", "Anytown Science Park Ltd", "None"),
]


def test_table_with_wrapped_cells_top_aligned() -> None:
    body = table_pdf_bytes(
        REGISTER_ROWS,
        before="Register of interests of board members",
        after="Signed: the Company Secretary",
    )
    doc = extract_document(record("https://lep.example/roi.pdf", "application/pdf"), body)
    (table,) = doc.tables
    assert table.page == 1
    assert table.header == REGISTER_ROWS[0]
    assert table.rows == tuple(REGISTER_ROWS[1:])


def test_table_with_wrapped_cells_vertically_centred() -> None:
    rows = [
        ("Date", "Name", "Offered by", "Value"),
        (
            "24/02/2023",
            "Ruth Okafor",
            "Anytown Chamber of Commerce and Industry awards committee",
            "£60",
        ),
        ("18/05/2023", "Daniel Osei", "Wolds Construction", "£140"),
    ]
    body = table_pdf_bytes(rows, v_align="MIDDLE")
    (table,) = extract_document(record("https://lep.example/g.pdf", "application/pdf"), body).tables
    assert table.rows == tuple(rows[1:])


def test_two_column_prose_is_not_a_table() -> None:
    body = pdf_bytes([MINUTES_PAGES[0]])
    assert (
        extract_document(record("https://lep.example/m.pdf", "application/pdf"), body).tables == ()
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
