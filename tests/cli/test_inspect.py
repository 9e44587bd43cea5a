"""`lepcheck inspect FILE --json` for every document type (issue 5): what lepcheck makes of one
document and why. Documents are made here by real libraries."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from fpdf import FPDF
from tests.fixtures.moderngov.emulator import serve_moderngov

from lepcheck.cli import main
from lepcheck.demo.server import serve_site

MINUTES = [
    "Amberdale LEP Board - Minutes of the meeting held on 14 March 2023",
    "1. Apologies",
    "Apologies were received from Ms Helen Varga.",
    "2. Declarations of Interest",
    "Cllr Alan Pryce declared an interest in item 5 (Amberdale Quay) as a member of the "
    "Council's Cabinet and left the meeting for that item.",
    "3. Minutes of the previous meeting",
    "RESOLVED: that the minutes of 13 December 2022 be approved.",
]


def inspect(path: Path | str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["inspect", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def write_pdf(path: Path, lines: list[str]) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_minutes_pdf_yields_kind_dates_people_and_declarations(tmp_path: Path) -> None:
    data = inspect(write_pdf(tmp_path / "board-minutes-2023-03-14.pdf", MINUTES))
    assert data["kind"] == "minutes"
    assert data["reasons"]
    assert any(d["date"] == "2023-03-14" for d in data["dates"])  # type: ignore[union-attr]
    declarations = data["declarations"]
    assert isinstance(declarations, list) and declarations
    assert declarations[0]["action"] == "left_room"
    assert "Pryce" in declarations[0]["member"]


def test_register_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Register of Interests: Jane Doe", level=1)
    for heading in (
        "Employment",
        "Directorships",
        "Significant shareholdings",
        "Land and property",
        "Related-party transactions",
        "Memberships of organisations",
        "Gifts and hospitality",
        "Sponsorships",
        "Household interests",
    ):
        document.add_heading(heading, level=2)
        document.add_paragraph("None")
    document.add_paragraph("Signed: Jane Doe   Date: 3 April 2023")
    path = tmp_path / "register-jane-doe.docx"
    document.save(str(path))
    data = inspect(path)
    assert data["kind"] == "register_of_interests" and data["format"] == "docx"


def test_funded_projects_xlsx_and_csv(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Project", "Description", "Lead organisation", "2022/23", "2023/24"])
    sheet.append(["Quay", "Flood defence works", "Port Council", 100000, 200000])
    xlsx = tmp_path / "funded-projects.xlsx"
    book.save(str(xlsx))
    data = inspect(xlsx)
    assert data["format"] == "xlsx"
    assert data["tables"] == [
        {"header": ["Project", "Description", "Lead organisation", "2022/23", "2023/24"], "rows": 1}
    ]
    csv_path = tmp_path / "funded-projects.csv"
    csv_path.write_text("Project,Recipient,Total\nQuay,Port Council,300000\n", encoding="utf-8")
    data = inspect(csv_path)
    assert data["format"] == "csv" and data["tables"][0]["rows"] == 1  # type: ignore[index]


def test_text_and_html(tmp_path: Path) -> None:
    txt = tmp_path / "whistleblowing-policy.txt"
    txt.write_text(
        "Whistleblowing Policy\nHow to raise a concern about wrongdoing in confidence.\n"
    )
    assert inspect(txt)["format"] == "text"
    html = tmp_path / "code.html"
    html.write_text(
        "<html><head><title>Board Code of Conduct</title></head><body><main>"
        "<h1>Code of Conduct</h1>"
        "<p>The seven principles of public life: selflessness, integrity, objectivity, "
        "accountability, openness, honesty and leadership.</p></main></body></html>"
    )
    data = inspect(html)
    assert data["format"] == "html" and data["kind"] == "code_of_conduct"


def test_corrupt_pdf_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated")
    data = inspect(bad)
    assert data["readable"] is False and data["unreadable_reason"]


def test_url_is_fetched_through_the_guarded_crawler(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    write_pdf(site / "minutes.pdf", MINUTES)
    with serve_site(site) as base_url:
        refused = CliRunner().invoke(main, ["inspect", base_url + "minutes.pdf", "--json"])
        allowed = CliRunner().invoke(
            main, ["inspect", base_url + "minutes.pdf", "--json", "--allow-private-network"]
        )
    assert refused.exit_code == 3 and "--allow-private-network" in refused.stderr
    assert allowed.exit_code == 0, allowed.stderr
    assert json.loads(allowed.stdout)["kind"] == "minutes"


@pytest.mark.parametrize("name", ["missing.pdf", "nowhere/x.docx"])
def test_missing_file_is_a_one_line_usage_error(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(main, ["inspect", str(tmp_path / name)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_inspect_explains_a_moderngov_meeting_page() -> None:
    with serve_moderngov() as council:
        url = f"{council.base}/ieListDocuments.aspx?CId=513&MId=8203"
        result = CliRunner().invoke(main, ["inspect", url, "--json", "--allow-private-network"])
        assert result.exit_code == 0, result.stderr
        lines = json.loads(result.stdout)["committee_system"]
        answer = f"{council.base}/mgWebService.asmx/GetMeeting?lMeetingId=8106"
        result = CliRunner().invoke(main, ["inspect", answer, "--json", "--allow-private-network"])
        service = json.loads(result.stdout)["committee_system"]
    assert lines[0] == "ModernGov meeting page (the agenda, and the minutes once published)"
    assert lines[1] == (
        "meeting 8203 of committee 513 (Wyvern Coast LEP Investment Panel) on 2022-10-19: "
        "not cancelled"
    )
    assert "minutes: published, approved" in lines
    withheld = next(line for line in lines if line.startswith("item 5 "))
    assert "withheld from the public; ground: Exempt information as defined in Paragraph 3" in (
        withheld
    )
    assert lines[-1].startswith("dates: no publication date is declared here")
    assert (
        "paper 71024 'Supplementary - Integration Transition Plan' (item 'Future of LEPs: "
        "Integration into Wyvern County Council'), published 15/06/2023 (declared by the system)"
    ) in service
