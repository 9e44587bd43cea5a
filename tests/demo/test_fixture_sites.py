"""Fixture LEP websites in tests/sites/: served for real, documents readable, expected.yaml sane."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import openpyxl
import pypdfium2
import pytest
import yaml
from bs4 import BeautifulSoup
from tests.demo.site_documents import (
    FIXTURES,
    crawl,
    document_text,
    fetch,
)

from lepcheck.demo import load_manifest, serve_site
from lepcheck.models import REGISTER_CATEGORIES

SINGLE_ROOTS = {"wordpress": FIXTURES / "wordpress", "spreadsheet": FIXTURES / "spreadsheet"}
ALL_ROOTS = {
    **SINGLE_ROOTS,
    "moderngov-lep": FIXTURES / "moderngov" / "lep",
    "moderngov-council": FIXTURES / "moderngov" / "council",
}
EXPECTED = {
    name: FIXTURES / name / "expected.yaml" for name in ("wordpress", "moderngov", "spreadsheet")
}
ROLES = {"chair", "deputy_chair", "member", "co_opted"}
SECTORS = {"private", "public", "education", "voluntary", "unknown"}
ACTIONS = {"left_room", "took_no_part", "no_action_stated", "none_declared", "nothing_recorded"}


def expected(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(EXPECTED[name].read_text(encoding="utf-8"))
    return loaded


def squashed(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def moderngov_bases() -> Iterator[tuple[str, str]]:
    with (
        serve_site(ALL_ROOTS["moderngov-council"]) as council,
        serve_site(ALL_ROOTS["moderngov-lep"], substitutions={"COUNCIL": council}) as lep,
    ):
        yield lep, council


@pytest.mark.parametrize("name", sorted(ALL_ROOTS))
def test_manifest_lists_every_file(name: str) -> None:
    root = ALL_ROOTS[name]
    manifest = load_manifest(root)
    on_disk = {
        "/" + p.relative_to(root).as_posix().removesuffix("index.html")
        for p in root.rglob("*")
        if p.is_file() and p.name not in {"manifest.json", "expected.yaml"}
    }
    listed = {path for path in manifest["files"] if "?" not in path}
    assert on_disk == listed
    for route, file_name in manifest["routes"].items():
        assert (root / file_name).is_file(), route
        assert route in manifest["files"]


@pytest.mark.parametrize("name", sorted(SINGLE_ROOTS))
def test_single_site_crawls_cleanly_with_manifest_dates(name: str) -> None:
    root = SINGLE_ROOTS[name]
    files = load_manifest(root)["files"]
    with serve_site(root) as base:
        statuses = crawl(base)
        assert statuses and set(statuses.values()) == {200}
        for url_path, entry in files.items():
            status, headers, _ = fetch(base, url_path)
            assert status == 200, url_path
            modified = parsedate_to_datetime(headers["last-modified"])
            assert modified == datetime.fromisoformat(entry["last_modified"].replace("Z", "+00:00"))
    crawled_paths = {"/" + url.split("/", 3)[3] for url in statuses}
    assert crawled_paths == set(files) - {"/robots.txt"}


def test_moderngov_lep_links_reach_the_council_site(moderngov_bases: tuple[str, str]) -> None:
    lep, council = moderngov_bases
    status, _, body = fetch(lep, "/governance/board-papers/")
    assert status == 200
    page = BeautifulSoup(body, "lxml")
    hrefs = [str(a["href"]) for a in page.find_all("a", href=True)]
    assert f"{council}ieListDocuments.aspx?CId=123&MId=456" in hrefs
    assert f"{council}mgCommitteeDetails.aspx?ID=123" in hrefs
    assert b"{{COUNCIL}}" not in body
    statuses = crawl(lep)  # same host, other port: the crawl follows into the council site
    assert set(statuses.values()) == {200}
    council_pdfs = [url for url in statuses if url.startswith(council) and ".pdf" in url]
    assert len(council_pdfs) == 3 * 4  # agenda, two reports, minutes per meeting


def test_moderngov_document_urls_with_spaces_and_query(moderngov_bases: tuple[str, str]) -> None:
    _, council = moderngov_bases
    pack = "Printed minutes 06th-Jun-2022 10.00 Kestrel Vale LEP Board.pdf"
    target = "/documents/g457/" + pack.replace(" ", "%20") + "?T=1"
    status, headers, body = fetch(council, target)
    assert status == 200 and headers["content-type"] == "application/pdf"
    assert (
        "Declarations, Disclosures and Conflicts of Interest"
        in pypdfium2.PdfDocument(body)[0].get_textpage().get_text_range()
    )
    status, _, body = fetch(council, "/ieListDocuments.aspx?CId=123&MId=457")
    assert status == 200 and b"Printed minutes" in body
    assert fetch(council, "/ieListDocuments.aspx?CId=123&MId=999")[0] == 404


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_yaml_has_the_agreed_shape(name: str) -> None:
    data = expected(name)
    assert set(data) == {"target", "board", "registers", "meetings", "declarations", "projects"}
    assert data["target"]["id"] == f"{name}-fixture"
    board_names = [m["name"] for m in data["board"]]
    assert len(set(board_names)) == len(board_names)
    for member in data["board"]:
        assert set(member) == {"name", "role", "organisation", "sector"}
        assert member["role"] in ROLES and member["sector"] in SECTORS
    for register in data["registers"]:
        assert set(register) == {"member", "categories", "household", "signed", "dated"}
        assert register["member"] in board_names
        assert set(register["categories"]) <= set(REGISTER_CATEGORIES)
        assert register["dated"] is None or isinstance(register["dated"], date)
        assert register["signed"] == (register["dated"] is not None)
    meeting_dates = set()
    for meeting in data["meetings"]:
        assert set(meeting) == {"body", "date", "agenda", "papers", "minutes"}
        assert isinstance(meeting["date"], date)
        meeting_dates.add(meeting["date"])
    for declaration in data["declarations"]:
        assert declaration["action"] in ACTIONS
        assert declaration["meeting_date"] in meeting_dates
        named = declaration["action"] not in {"none_declared", "nothing_recorded"}
        assert (declaration["member"] in board_names) if named else declaration["member"] == ""
    assert all(set(p) == {"name", "recipient"} for p in data["projects"])


@pytest.mark.parametrize(
    ("name", "root", "board_page"),
    [
        ("wordpress", "wordpress", "about-us/our-board/index.html"),
        ("moderngov", "moderngov-lep", "about/board/index.html"),
        ("spreadsheet", "spreadsheet", "board.html"),
    ],
)
def test_expected_board_is_what_the_board_page_says(name: str, root: str, board_page: str) -> None:
    html = (ALL_ROOTS[root] / board_page).read_text(encoding="utf-8")
    text = squashed(BeautifulSoup(html, "lxml").get_text(" "))
    members = expected(name)["board"]
    for member in members:
        assert member["name"] in text and member["organisation"] in text
    assert text.count("Chair") - text.count("Deputy Chair") - text.count("Vice Chair") == 1


def test_wordpress_documents_match_expected() -> None:
    root = ALL_ROOTS["wordpress"]
    page = BeautifulSoup((root / "about-us/our-board/index.html").read_text(), "lxml")
    assert len(page.select("div.team-member")) == len(expected("wordpress")["board"])
    assert page.select_one("#cookie-notice") is not None
    assert page.select_one("#menu-footer-menu") is not None
    registers = sorted(root.glob("wp-content/uploads/2022/05/Register-of-Interests-*.pdf"))
    assert len(registers) == len(expected("wordpress")["registers"])
    asante = document_text(
        root / "wp-content/uploads/2022/05/Register-of-Interests-Dr-Kwame-Asante.pdf"
    )
    assert "Category Interest" in asante and "Name: Kwame A. Asante" in asante
    assert "Sponsorships" not in asante and "Household" not in asante
    minutes = squashed(
        document_text(root / "wp-content/uploads/2022/03/Board-Minutes-10-03-2022.pdf")
    )
    assert "Apologies and Declarations of Interest" in minutes
    assert "10th March 2022" in minutes and "left the room" in minutes
    assert not list(root.glob("wp-content/uploads/2022/12/*Minutes*"))


def test_moderngov_combined_register_lists_all_but_the_co_optee() -> None:
    text = squashed(
        document_text(ALL_ROOTS["moderngov-lep"] / "documents/board-register-of-interests-2022.pdf")
    )
    for register_name in (
        "Alistair J. Crowe",
        "Patricia Ng DBE",
        "Councillor Robert Fenwick",
        "Prof. Hugh Llewellyn",
        "Samuel T. Adeyemi",
    ):
        assert register_name in text
    assert "Marcus Bell" not in text
    assert "14/04/2022" in text


def test_spreadsheet_registers_workbook_and_scan() -> None:
    root = ALL_ROOTS["spreadsheet"]
    sheet = openpyxl.load_workbook(
        io.BytesIO((root / "files/registers-of-interest-2022.xlsx").read_bytes()), read_only=True
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Name" and rows[0][-3:] == ("Household", "Signed", "Date")
    assert len(rows[0]) == 1 + 8 + 3
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {
        "Helen M. Prothero",
        "Ian Kowalski",
        "Councillor Nadia Rahman",
        "Owen Pritchard",
        "Bernard Achterberg",
    }
    assert by_name["Ian Kowalski"][9] in (None, "")
    assert by_name["Bernard Achterberg"][10] == "No"
    scan = pypdfium2.PdfDocument(root / "files/register-rachel-stone-scan.pdf")
    assert scan[0].get_textpage().get_text_range().strip() == ""
    assert any(obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE for obj in scan[0].get_objects())


def test_spreadsheet_minutes_and_projects() -> None:
    root = ALL_ROOTS["spreadsheet"]
    july = document_text(root / "files/2022-07-12-minutes.pdf")
    assert re.search(r"Conflicts of Interest\r?\nMinutes\r?\n", july)
    october = squashed(document_text(root / "files/2022-10-11-minutes.pdf"))
    assert "took no part in the decision" in october
    assert "Conflicts of interest policy" in (root / "transparency.html").read_text()
    assert "perception of bias" in document_text(root / "files/conflicts-of-interest-policy.docx")
    projects = list(csv.DictReader(io.StringIO((root / "files/funded-projects.csv").read_text())))
    assert [(p["Project"], p["Recipient"]) for p in projects] == [
        (p["name"], p["recipient"]) for p in expected("spreadsheet")["projects"]
    ]
    meetings = (root / "meetings.html").read_text()
    assert "March 2022 board meeting (2022-03-15)" in meetings
