import io
import zipfile
from datetime import UTC, date, datetime

import pytest

from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from tests.extract.extract_samples import docx_bytes, record, register_form_docx_bytes, xlsx_bytes

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _read(body: bytes, url: str, content_type: str) -> Document:
    return extract_document(record(url, content_type), body)


def test_docx_headings_sections_tables_links_and_properties() -> None:
    body = docx_bytes(
        [
            ("title", "Conflicts of Interest Policy"),
            ("h1", "1. Purpose"),
            ("p", "Members take personal responsibility for declaring interests."),
            ("h1", "2. Managing conflicts"),
            ("h2", "2.1 At meetings"),
            ("p", "A member with a conflict leaves the room."),
            ("h2", "2.2 Outside meetings"),
            ("p", "Decisions taken outside meetings are recorded."),
        ],
        table=[["Version", "Date", "Approved by"], ["3.0", "12/03/2019", "LEP Board"]],
        created=datetime(2019, 3, 1, 9, 0),
        modified=datetime(2019, 3, 12, 17, 45),
        link=("National guidance", "https://www.gov.uk/guidance"),
    )
    doc = _read(body, "https://lep.example/coi.docx", DOCX_TYPE)
    assert doc.readable and doc.format == "docx"
    assert doc.title == "Conflicts of Interest Policy"
    assert doc.headings[:3] == (
        "Conflicts of Interest Policy",
        "1. Purpose",
        "2. Managing conflicts",
    )
    managing = next(s for s in doc.sections if s.heading == "2. Managing conflicts")
    assert managing.level == 1
    assert managing.text.splitlines()[:2] == [
        "2.1 At meetings",
        "A member with a conflict leaves the room.",
    ]
    at_meetings = next(s for s in doc.sections if s.heading == "2.1 At meetings")
    assert at_meetings.text == "A member with a conflict leaves the room."
    assert doc.tables[0].header == ("Version", "Date", "Approved by")
    assert doc.tables[0].rows == (("3.0", "12/03/2019", "LEP Board"),)
    assert "3.0 | 12/03/2019 | LEP Board" in doc.text
    assert doc.created == datetime(2019, 3, 1, 9, 0, tzinfo=UTC)
    assert doc.modified == datetime(2019, 3, 12, 17, 45, tzinfo=UTC)
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://www.gov.uk/guidance", "National guidance")
    ]


def test_docx_title_from_properties_wins() -> None:
    body = docx_bytes([("p", "Some first line")], title="Whistleblowing Policy")
    assert _read(body, "https://lep.example/w.docx", DOCX_TYPE).title == "Whistleblowing Policy"


def _zip_of(parts: dict[str, tuple[bytes, int]]) -> bytes:
    """A zip whose parts are `unit` repeated `times` (built one part at a time)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, (unit, times) in parts.items():
            archive.writestr(name, unit * times)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("parts", "reason"),
    [
        # images that unpack to 250 MB in all: a zip bomb
        (
            {"word/document.xml": (b"<w:p/>", 1)}
            | {f"word/media/i{n}.png": (b"\x00", 50_000_000) for n in range(5)},
            "DOCX unpacks to 250,000,",
        ),
        # one XML part of 66 MB: under the total, but parsed whole into memory
        ({"word/document.xml": (b"<w:p/>", 11_000_000)}, "part word/document.xml unpacks"),
    ],
)
def test_docx_too_large_unpacked_is_not_opened(
    parts: dict[str, tuple[bytes, int]], reason: str
) -> None:
    doc = _read(_zip_of(parts), "https://lep.example/bomb.docx", DOCX_TYPE)
    assert not doc.readable
    assert reason in (doc.unreadable_reason or "")


def test_corrupt_docx_is_unreadable() -> None:
    body = bytearray(docx_bytes([("p", "Register of interests")]))
    body[len(body) // 2 : len(body) // 2 + 200] = b"\xff" * 200
    doc = _read(bytes(body), "https://lep.example/c.docx", DOCX_TYPE)
    assert not doc.readable and doc.unreadable_reason


def test_xlsx_header_after_title_block_each_sheet_a_table() -> None:
    body = xlsx_bytes(
        {
            "LGF projects": [
                ["Growth Deal funded projects 2019/20"],
                [],
                ["Project", "Lead partner", "LGF 2019/20 £", "Start"],
                ["Anytown bridge", "Anytown Council", 1500000, datetime(2019, 4, 1)],
                ["Skills hub", "Anytown College", 250000.5, datetime(2019, 9, 1)],
            ],
            "Notes": [["Figures are unaudited"]],
        },
        title="Funded projects",
    )
    doc = _read(body, "https://lep.example/projects.xlsx", XLSX_TYPE)
    assert doc.readable and doc.format == "xlsx" and doc.title == "Funded projects"
    projects = doc.tables[0]
    assert projects.name == "LGF projects"
    assert projects.header == ("Project", "Lead partner", "LGF 2019/20 £", "Start")
    assert projects.rows == (
        ("Anytown bridge", "Anytown Council", "1500000", "2019-04-01"),
        ("Skills hub", "Anytown College", "250000.5", "2019-09-01"),
    )
    assert doc.tables[1].header == () and doc.tables[1].rows == (("Figures are unaudited",),)
    assert [page.number for page in doc.pages] == [1, 2]
    assert "Anytown bridge | Anytown Council" in doc.pages[0].text


def test_xlsx_scan_stops_after_many_blank_rows() -> None:
    body = xlsx_bytes(
        {
            "Sheet": [["Name", "Role"], ["Jane", "Chair"]]
            + [[None, None]] * 60_000
            + [["late", "row"]]
        }
    )
    doc = _read(body, "https://lep.example/big.xlsx", XLSX_TYPE)
    assert doc.readable
    assert doc.tables[0].rows == (("Jane", "Chair"),)


def test_csv_in_windows_encoding_with_semicolons() -> None:
    text = (
        "Project;Recipient;Amount\r\nBridge;Anytown Council;£1,500\r\nHub;Anytown College;£250\r\n"
    )
    doc = _read(text.encode("cp1252"), "https://lep.example/p.csv", "text/csv")
    assert doc.format == "csv"
    assert doc.tables[0].header == ("Project", "Recipient", "Amount")
    assert doc.tables[0].rows[0] == ("Bridge", "Anytown Council", "£1,500")


def test_csv_with_bom_served_as_octet_stream() -> None:
    body = "\ufeffName,Organisation\nJane Smith,Acme Ltd\n".encode()
    doc = _read(body, "https://lep.example/board.csv", "application/octet-stream")
    assert doc.format == "csv"
    assert doc.tables[0].header == ("Name", "Organisation")


def test_plain_text_has_inferred_headings() -> None:
    body = b"AGENDA\n1. Apologies\n2. Declarations of Interest\n3. Minutes of the last meeting\n"
    doc = _read(body, "https://lep.example/a.txt", "text/plain")
    assert doc.format == "text" and doc.title == "AGENDA"
    assert "2. Declarations of Interest" in doc.headings
    assert doc.printed_dates == ()


def test_legacy_excel_is_unreadable_with_reason() -> None:
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    doc = _read(body, "https://lep.example/old.xls", "application/vnd.ms-excel")
    assert not doc.readable
    assert doc.unreadable_reason is not None and ".xls" in doc.unreadable_reason
    assert date(2024, 1, 1) not in {d.value for d in doc.printed_dates}


def test_xlsx_financial_year_columns_are_header_labels() -> None:
    body = xlsx_bytes(
        {
            "Projects": [
                ["Project", "Lead", "2021/22", "2022/23", "Total"],
                ["Quay", "Council", 1, 2, 3],
            ]
        }
    )
    table = _read(body, "https://lep.example/p.xlsx", XLSX_TYPE).tables[0]
    assert table.header == ("Project", "Lead", "2021/22", "2022/23", "Total")
    assert table.rows == (("Quay", "Council", "1", "2", "3"),)


def test_csv_is_named_after_its_file() -> None:
    body = b"Project,Recipient,2021-22,2022-23\nQuay,Council,100,200\n"
    doc = _read(body, "https://lep.example/files/Funded-Projects_2023.csv", "text/csv")
    assert doc.title == "Funded Projects 2023"


def test_xlsx_very_wide_sheet_is_cut_to_sixty_columns() -> None:
    header = [f"Column {i}" for i in range(200)]
    body = xlsx_bytes({"Wide": [header, list(range(200))]})
    table = _read(body, "https://lep.example/wide.xlsx", XLSX_TYPE).tables[0]
    assert len(table.header) == 60 and table.header[-1] == "Column 59"
    assert table.rows == (tuple(str(i) for i in range(60)),)


def test_docx_form_fields_line_breaks_and_tracked_deletions() -> None:
    doc = _read(register_form_docx_bytes(), "https://lep.example/roi.docx", DOCX_TYPE)
    assert doc.text.splitlines() == [
        "Register of Interests",
        "Name: Jane Smith",
        "Directorships: Acme Ltd",
        "Signed: J Smith",
        "Date: 12/03/2019",
        "Employment: New Co",
    ]
    assert any(d.quote == "Date: 12/03/2019" for d in doc.printed_dates)
