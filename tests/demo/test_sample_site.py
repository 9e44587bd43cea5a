"""The bundled sample site: real documents, opened by real parsers, say what DEFECTS.md says."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import docx
import openpyxl
import pypdfium2
import pytest
from bs4 import BeautifulSoup
from tests.demo.site_documents import document_text

from lepcheck.demo import SAMPLE_SITE_ROOT, load_manifest
from lepcheck.working_days import clear_working_days_between

REPO = Path(__file__).resolve().parents[2]
SITE = SAMPLE_SITE_ROOT
NOLAN = [
    "selflessness",
    "integrity",
    "objectivity",
    "accountability",
    "openness",
    "honesty",
    "leadership",
]
REGISTER_HEADINGS = [
    "Employment, office, trade or profession",
    "Directorships",
    "Significant shareholdings",
    "Land and property",
    "Related-party transactions / contracts with the LEP",
    "Memberships of organisations",
    "Gifts and hospitality",
    "Sponsorships",
]


def pdf_text(relative: str) -> str:
    return document_text(SITE / relative)


def html(relative: str) -> BeautifulSoup:
    return BeautifulSoup((SITE / relative).read_text(encoding="utf-8"), "lxml")


def last_modified(url_path: str) -> date:
    return date.fromisoformat(load_manifest(SITE)["files"][url_path]["last_modified"][:10])


def test_sample_site_is_found_as_package_data() -> None:
    assert SITE.is_dir()
    assert (SITE / "index.html").is_file()
    assert (SITE / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_every_file_is_in_the_manifest_and_every_entry_exists() -> None:
    files = load_manifest(SITE)["files"]
    on_disk = {
        "/" + p.relative_to(SITE).as_posix().removesuffix("index.html")
        for p in SITE.rglob("*")
        if p.is_file() and p.name != "manifest.json"
    }
    assert on_disk == set(files)


def test_every_internal_link_resolves_and_every_page_is_reachable_from_home() -> None:
    files = set(load_manifest(SITE)["files"]) - {"/robots.txt"}
    seen: set[str] = set()
    queue = ["/"]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        assert path in files, f"broken link to {path}"
        if not path.endswith("/") and not path.endswith(".html"):
            continue
        page = html(path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        for anchor in page.find_all("a", href=True):
            target = urlsplit(urljoin("http://site" + path, anchor["href"]))
            if target.netloc == "site":
                queue.append(target.path)
    assert seen == files


def test_board_page_has_twelve_cards_with_the_stated_mix() -> None:
    page = html("about/board/index.html")
    cards = page.select("div.board-member")
    assert len(cards) == 12
    rows = [[p.get_text() for p in card.find_all("p")] for card in cards]
    names = [card.h3.get_text() for card in cards]
    sectors = [row[2] for row in rows]
    assert sectors.count("Sector: Private sector") == 8
    assert sectors.count("Sector: Public sector") == 3
    assert sectors.count("Sector: Education") == 1
    assert all(row[3] == "Appointed: 1 April 2021" for row in rows)
    assert rows[0][0] == "Chair" and sectors[0] == "Sector: Private sector"
    assert rows[1][0] == "Deputy Chair" and sectors[1] == "Sector: Private sector"
    assert sum(name.startswith("Cllr ") for name in names) == 3
    assert "Dr Priya Raman OBE" in names and "Thomas Brightwell" in names
    text = page.get_text(" ")
    assert "Board members are unremunerated" in text
    assert "around two days a month; ten board meetings a year" in text


def test_registers_page_lists_eleven_registers_and_not_brightwell() -> None:
    links = html("governance/registers-of-interest/index.html").select("main a")
    members = [a for a in links if "register of interests" in a.get_text()]
    assert len(members) == 11
    assert any("Senior staff" in a.get_text() for a in links)
    assert not any("Brightwell" in a.get_text() for a in links)
    assert not list(SITE.glob("documents/registers/*brightwell*"))


@pytest.mark.parametrize(
    "path",
    sorted(p.name for p in (SITE / "documents" / "registers").glob("register-of-interests-*.pdf")),
)
def test_register_has_the_eight_categories(path: str) -> None:
    text = pdf_text(f"documents/registers/{path}")
    for heading in REGISTER_HEADINGS:
        assert heading in text, (path, heading)


def test_register_defects_household_and_signature() -> None:
    folder = "documents/registers/register-of-interests-"
    for name in ("cllr-david-ellery", "mark-delaney"):
        assert "Household" not in pdf_text(f"{folder}{name}.pdf")
    moss = pdf_text(f"{folder}gareth-moss.pdf")
    assert "Household interests" in moss
    assert not re.search(r"Signed: \S", moss) and "3 April 2023" not in moss
    raman = pdf_text(f"{folder}dr-priya-raman-obe.pdf")
    assert "Priya K. Raman" in raman and "OBE" not in raman
    assert "Signed: Priya K. Raman" in raman and "Date: 3 April 2023" in raman
    assert "Household interests" in raman


def test_agendas_carry_declarations_except_september() -> None:
    for day in ("2023-03-14", "2023-06-13", "2023-11-14"):
        text = pdf_text(f"documents/board/{day}-agenda.pdf")
        assert "2. Declarations of Interest" in text
        assert "1. Welcome and apologies" in text and "Any other business" in text
    september = pdf_text("documents/board/2023-09-12-agenda.pdf")
    assert "Declarations" not in september
    assert "Minutes of the previous meeting" in september


def test_june_agenda_marks_a_confidential_item() -> None:
    text = " ".join(pdf_text("documents/board/2023-06-13-agenda.pdf").split())
    assert "Confidential – exempt under paragraph 3 of Schedule 12A" in text


def test_publication_dates_are_compliant_except_the_documented_defects() -> None:
    files = load_manifest(SITE)["files"]
    for url_path in files:
        match = re.match(r"/documents/board/(\d{4}-\d\d-\d\d)-(agenda|item|minutes)", url_path)
        if not match:
            continue
        meeting = date.fromisoformat(match.group(1))
        published = last_modified(url_path)
        if url_path == "/documents/board/2023-06-13-agenda.pdf":
            assert clear_working_days_between(published, meeting) == 2
        elif url_path == "/documents/board/2023-09-12-minutes.pdf":
            assert clear_working_days_between(meeting, published) == 25
        elif match.group(2) == "minutes":
            assert 0 < clear_working_days_between(meeting, published) <= 8, url_path
        else:
            assert clear_working_days_between(published, meeting) >= 7, url_path
    html_minutes = last_modified("/governance/board-meetings/2023-11-14-minutes/")
    assert 0 < clear_working_days_between(date(2023, 11, 14), html_minutes) <= 8


def test_minutes_record_declarations_and_decisions() -> None:
    march = pdf_text("documents/board/2023-03-14-minutes.pdf")
    assert "Approved minutes" in march and "Declarations of Interest" in march
    assert "Cllr Alan Pryce declared an interest in item 5" in " ".join(march.split())
    assert "RESOLVED: that the Board approves" in " ".join(march.split())
    june = " ".join(pdf_text("documents/board/2023-06-13-minutes.pdf").split())
    assert "took no part in the decision" in june
    september = pdf_text("documents/board/2023-09-12-minutes.pdf")
    assert "There were no declarations of interest." in september
    november = html("governance/board-meetings/2023-11-14-minutes/index.html")
    assert november.h1 is not None and "Draft minutes" in november.h1.get_text()
    headings = [h.get_text() for h in november.find_all("h2")]
    assert "2. Declarations of Interest" in headings
    assert "left the meeting for that item" in november.get_text(" ")


def test_meetings_page_lists_four_meetings_with_documents() -> None:
    rows = html("governance/board-meetings/index.html").select("table.meetings tbody tr")
    assert [row.td.get_text() for row in rows] == [
        "14 March 2023",
        "13 June 2023",
        "12 September 2023",
        "14 November 2023",
    ]
    for row in rows:
        cells = row.find_all("td")
        assert cells[1].a.get_text() == "Agenda"
        assert 2 <= len(cells[2].find_all("a")) <= 3
        assert cells[3].a.get_text() in {"Approved minutes", "Draft minutes"}


def test_code_of_conduct_names_the_seven_principles() -> None:
    text = pdf_text("documents/policies/code-of-conduct.pdf").lower()
    for principle in NOLAN:
        assert principle in text
    assert "sign" in text and "staff" in text and "gifts and hospitality" in text


def test_conflicts_policy_covers_ney_points() -> None:
    text = " ".join(pdf_text("documents/policies/conflicts-of-interest-policy.pdf").split()).lower()
    for phrase in (
        "personal responsibility",
        "perception of bias",
        "leave the room",
        "take no part",
        "recorded in the minutes",
        "any involvement",
        "dual roles",
        "expertise",
    ):
        assert phrase in text, phrase


def test_assurance_framework_is_stale_and_has_the_sections() -> None:
    document = pypdfium2.PdfDocument(SITE / "documents/governance/local-assurance-framework.pdf")
    assert len(document) >= 3
    document.close()
    text = pdf_text("documents/governance/local-assurance-framework.pdf")
    assert "Approved by the Board: 15 March 2022" in " ".join(text.split())
    for heading in (
        "Roles and responsibilities",
        "Decision making",
        "Accountable body",
        "Value for money",
        "Risk management",
        "Open calls",
        "financial information",
        "Succession planning",
        "Urgent decisions",
        "Scrutiny",
        "Section 151",
    ):
        assert heading in text, heading
    assert last_modified("/documents/governance/local-assurance-framework.pdf") == date(2022, 3, 18)


def test_no_diversity_statement_anywhere() -> None:
    for path in SITE.rglob("*"):
        if path.suffix in {".html", ".pdf", ".docx", ".xlsx"}:
            text = document_text(path)
        else:
            continue
        assert "diversity" not in text.lower(), path
        assert "equality" not in text.lower(), path


def test_whistleblowing_policy_docx_opens() -> None:
    document = docx.Document(str(SITE / "documents/policies/whistleblowing-policy.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Whistleblowing Policy" in text and "Section 151 Officer" in text
    assert document.core_properties.title == "Whistleblowing Policy"
    assert document.core_properties.created.year == 2023


def test_funded_projects_workbook() -> None:
    data = (SITE / "documents/funding/funded-projects-2023.xlsx").read_bytes()
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Project",
        "Description",
        "Lead organisation",
        "Programme",
        "2021/22",
        "2022/23",
        "2023/24",
        "Total",
    )
    assert len(rows) == 9
    for row in rows[1:]:
        assert row[7] == row[4] + row[5] + row[6]
    assert (rows[1][0], rows[1][2]) == ("Amberdale Quay Regeneration", "Amberdale County Council")


def test_statement_accounts_and_confidential_reporting() -> None:
    statement = pdf_text(
        "documents/governance/annual-governance-and-transparency-statement-2022-23.pdf"
    )
    assert "scrutiny" in statement and "Chair" in statement and "Chief Executive" in statement
    accounts = pdf_text("documents/corporate/accounts-2022-23.pdf")
    assert "company limited by guarantee" in accounts and "08417362" in accounts
    reporting = html("governance/confidential-reporting/index.html").get_text(" ")
    assert (
        "Email:" in reporting
        and "Post:" in reporting
        and "Anti-Fraud and Corruption Policy" in reporting
    )
    exempt = html("governance/confidential-and-exempt-information/index.html").get_text(" ")
    assert "Schedule 12A" in exempt
