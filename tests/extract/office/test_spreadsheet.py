"""Excel workbooks: a table per sheet, its header found below a title block, scans bounded."""

from datetime import datetime

from lepcheck.extract.document import extract_document
from lepcheck.models import Document
from tests.extract.extract_samples import record, xlsx_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _read(body: bytes, url: str, content_type: str) -> Document:
    return extract_document(record(url, content_type), body)


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


def test_xlsx_very_wide_sheet_is_cut_to_sixty_columns() -> None:
    header = [f"Column {i}" for i in range(200)]
    body = xlsx_bytes({"Wide": [header, list(range(200))]})
    table = _read(body, "https://lep.example/wide.xlsx", XLSX_TYPE).tables[0]
    assert len(table.header) == 60 and table.header[-1] == "Column 59"
    assert table.rows == (tuple(str(i) for i in range(60)),)
