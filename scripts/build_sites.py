"""Regenerate the sample LEP website and the fixture LEP websites from the specs below, and the
sites already moved to spec files in sitespecs/ (see its README) with the builder in sitebuild/.

    PYTHONPATH=src .venv/bin/python scripts/build_sites.py

Writes src/lepcheck/demo/site/ (the fictional Amberdale and Wolds LEP served by `lepcheck demo`)
and tests/sites/{wordpress,moderngov,spreadsheet,drupal,plain}/ (fixture LEPs in other
styles). Every document is described here as a list of blocks and rendered by a real
library: fpdf2 (PDF), python-docx (DOCX), openpyxl (XLSX); HTML pages are written from the
same script. Output is deterministic: fixed creation dates, fixed zip entry times, fixed core
properties, so a rerun changes nothing unless a spec changed. Each site gets a manifest.json giving
the Last-Modified date the server sends for every file.

All people, companies and places are invented.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import Any

import docx
import openpyxl
from fpdf import FPDF

REPO = Path(__file__).resolve().parent.parent
DEMO_ROOT = REPO / "src" / "lepcheck" / "demo" / "site"
FIXED_ZIP_TIME = (2023, 1, 1, 0, 0, 0)
HAND_WRITTEN = {"expected.yaml"}  # fixture files the script must never overwrite

# A document is a list of blocks: (kind, value). Kinds: title, h, p, bullets, table, image,
# page (a page break), signature (text drawn as a line, like "Signed: ...").
Block = tuple[str, Any]


# --------------------------------------------------------------------------- renderers


def when(day: str, clock: str = "09:00") -> datetime:
    """A UTC datetime from "2023-03-01" and "09:00"."""
    return datetime.fromisoformat(f"{day}T{clock}:00").replace(tzinfo=UTC)


def render_pdf(
    path: Path, blocks: Sequence[Block], *, title: str, author: str, made: datetime
) -> None:
    landscape = any(kind == "landscape" for kind, _ in blocks)
    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(made)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    for kind, value in blocks:
        if kind == "landscape":
            continue
        if kind == "page":
            pdf.add_page()
        elif kind == "image":
            pdf.image(io.BytesIO(value), x=15, y=15, w=180)
        elif kind == "table":
            # value: the rows, or {"rows": ..., "widths": column widths in mm} for wide tables
            rows = value["rows"] if isinstance(value, dict) else value
            widths = value.get("widths") if isinstance(value, dict) else None
            pdf.set_font("Helvetica", size=8 if widths else 9)
            with pdf.table(
                first_row_as_headings=True, line_height=5, text_align="LEFT", col_widths=widths
            ) as table:
                for row in rows:
                    cells = table.row()
                    for cell in row:
                        cells.cell(str(cell))
            pdf.ln(3)
        else:
            write_pdf_text(pdf, kind, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def write_pdf_text(pdf: FPDF, kind: str, value: Any) -> None:
    styles = {
        "title": ("B", 16, 9),
        "h": ("B", 12, 7),
        "p": ("", 10, 5.2),
        "signature": ("", 10, 6),
    }
    if kind == "bullets":
        pdf.set_font("Helvetica", size=10)
        for item in value:
            pdf.multi_cell(0, 5.2, f"\u2022 {item}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        return
    style, size, height = styles[kind]
    if kind == "h":
        pdf.ln(2)
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(0, height, str(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2 if kind != "title" else 3)


def render_docx(
    path: Path, blocks: Sequence[Block], *, title: str, author: str, made: datetime
) -> None:
    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = made.replace(tzinfo=None)
    props.modified = made.replace(tzinfo=None)
    props.revision = 1
    for kind, value in blocks:
        if kind == "title":
            document.add_heading(value, level=0)
        elif kind == "h":
            document.add_heading(value, level=1)
        elif kind == "bullets":
            for item in value:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            table = document.add_table(rows=0, cols=len(value[0]))
            table.style = "Table Grid"
            for row in value:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = str(text)
        elif kind in {"p", "signature"}:
            document.add_paragraph(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    fix_zip(path, made)


def render_xlsx(
    path: Path, sheets: dict[str, list[list[Any]]], *, title: str, author: str, made: datetime
) -> None:
    workbook = openpyxl.Workbook()
    first = True
    for name, rows in sheets.items():
        sheet = workbook.active if first else workbook.create_sheet()
        first = False
        sheet.title = name
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = openpyxl.styles.Font(bold=True)
    props = workbook.properties
    props.title = title
    props.creator = author
    props.lastModifiedBy = author
    props.created = made.replace(tzinfo=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))
    fix_zip(path, made)


def fix_zip(path: Path, made: datetime) -> None:
    """Rewrite an Office zip with fixed entry times and modified date, so reruns are identical."""
    stamp = made.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*", rf"\g<1>{stamp}", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


# --------------------------------------------------------------------------- site writer


@dataclass
class Site:
    """Collects a site's files and their Last-Modified dates, then writes manifest.json."""

    root: Path
    lep: dict[str, str]
    as_of: str
    author: str
    files: dict[str, dict[str, str]] = field(default_factory=dict)
    routes: dict[str, str] = field(default_factory=dict)

    def start(self) -> Site:
        """Empty the root, keeping the hand-written expected.yaml of a fixture."""
        self.root.mkdir(parents=True, exist_ok=True)
        for child in self.root.iterdir():
            if child.name in HAND_WRITTEN:
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        return self

    def target(self, url_path: str, modified: datetime) -> Path:
        self.files[url_path] = {"last_modified": modified.strftime("%Y-%m-%dT%H:%M:%SZ")}
        relative = url_path.lstrip("/")
        if relative.endswith("/") or not relative:
            relative += "index.html"
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def pdf(self, url_path: str, modified: datetime, title: str, blocks: Sequence[Block]) -> str:
        path = self.target(url_path, modified)
        render_pdf(
            path, [("title", title), *blocks], title=title, author=self.author, made=modified
        )
        return url_path

    def docx(self, url_path: str, modified: datetime, title: str, blocks: Sequence[Block]) -> str:
        path = self.target(url_path, modified)
        render_docx(
            path, [("title", title), *blocks], title=title, author=self.author, made=modified
        )
        return url_path

    def xlsx(
        self, url_path: str, modified: datetime, title: str, sheets: dict[str, list[list[Any]]]
    ) -> str:
        path = self.target(url_path, modified)
        render_xlsx(path, sheets, title=title, author=self.author, made=modified)
        return url_path

    def text(self, url_path: str, modified: datetime, content: str) -> str:
        self.target(url_path, modified).write_text(content, encoding="utf-8", newline="\n")
        return url_path

    def route(self, target: str, file_name: str, modified: datetime, content: str) -> None:
        self.routes[target] = file_name
        self.text("/" + file_name, modified, content)
        self.files[target] = self.files["/" + file_name]

    def finish(self, **extra: Any) -> None:
        manifest: dict[str, Any] = {"lep": self.lep, "as_of": self.as_of, **extra}
        manifest["files"] = dict(sorted(self.files.items()))
        if self.routes:
            manifest["routes"] = dict(sorted(self.routes.items()))
        (self.root / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def paragraphs(*texts: str) -> str:
    return "\n".join(f"<p>{escape(text)}</p>" for text in texts)


def bullet_links(items: Sequence[tuple[str, str]]) -> str:
    rows = "\n".join(f"    <li>{link(href, text)}</li>" for href, text in items)
    return f"<ul>\n{rows}\n</ul>"


# --------------------------------------------------------------------------- Amberdale (demo)

AMB_NAME = "Amberdale and Wolds Local Enterprise Partnership"
AMB_COMPANY = (
    "Amberdale and Wolds Local Enterprise Partnership Limited is a company limited by guarantee "
    "registered in England and Wales, company number 08417362. Registered office: Enterprise "
    "House, 4 Quayside, Amberdale AM1 2QX."
)
AMB_EMAIL = "governance@amberdalewoldslep.example"
AMB_SCRUTINY_URL = "https://democracy.amberdale-cc.example/mgCommitteeDetails.aspx?ID=412"
AMB_NAV = [
    ("/", "Home"),
    ("/about/", "About us"),
    ("/about/board/", "Our Board"),
    ("/governance/", "Governance and transparency"),
    ("/funding/", "Funding"),
    ("/news/", "News"),
    ("/contact/", "Contact us"),
]
AMB_FOOTER = [
    ("/governance/", "Governance and transparency"),
    ("/governance/complaints/", "Complaints"),
    ("/governance/freedom-of-information/", "Freedom of information"),
    ("/privacy/", "Privacy notice"),
    ("/accessibility/", "Accessibility statement"),
    ("/contact/", "Contact us"),
]


def amberdale_page(
    title: str, body: str, crumbs: Sequence[tuple[str, str]] = (), updated: date | None = None
) -> str:
    stamp = (
        f'\n  <p class="updated">Page last updated: {updated.day} {updated:%B %Y}</p>'
        if updated
        else ""
    )
    nav = "\n".join(f"      <li>{link(href, text)}</li>" for href, text in AMB_NAV)
    footer = "\n".join(f"      <li>{link(href, text)}</li>" for href, text in AMB_FOOTER)
    trail = " &gt; ".join([link("/", "Home"), *(link(h, t) for h, t in crumbs), escape(title)])
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(title)} | Amberdale and Wolds LEP</title>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">Amberdale and Wolds LEP</a>
  <nav class="main-nav" aria-label="Main">
    <ul>
{nav}
    </ul>
  </nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb">{trail}</nav>
<main id="content">
<h1>{escape(title)}</h1>
{body}
</main>
<footer class="site-footer">
  <nav aria-label="Footer">
    <ul>
{footer}
    </ul>
  </nav>
  <p>{escape(AMB_COMPANY)}</p>
  <p>Our accountable body is Amberdale County Council.</p>
  <p>&copy; 2023 Amberdale and Wolds Local Enterprise Partnership</p>{stamp}
</footer>
</body>
</html>
"""


@dataclass(frozen=True)
class Member:
    name: str  # as on the board page
    register_name: str  # as written on the register form
    role: str
    organisation: str
    sector: str  # "Private sector", "Public sector", "Education"
    interests: dict[str, list[str]]
    household: list[str] | None  # None: the form omits the household section
    signed: bool = True
    has_register: bool = True


REGISTER_HEADINGS = [
    ("employment", "1. Employment, office, trade or profession"),
    ("directorships", "2. Directorships"),
    ("shareholdings", "3. Significant shareholdings"),
    ("land_property", "4. Land and property"),
    ("related_party_transactions", "5. Related-party transactions / contracts with the LEP"),
    ("memberships", "6. Memberships of organisations"),
    ("gifts_hospitality", "7. Gifts and hospitality"),
    ("sponsorships", "8. Sponsorships"),
]

AMB_MEMBERS = [
    Member(
        "Richard Ashworth-Lane",
        "Richard J. Ashworth-Lane",
        "Chair",
        "Managing Director, Wolds Precision Engineering Ltd",
        "Private sector",
        {
            "employment": ["Managing Director, Wolds Precision Engineering Ltd"],
            "directorships": ["Wolds Precision Engineering Ltd", "Ashworth-Lane Holdings Ltd"],
            "shareholdings": ["Wolds Precision Engineering Ltd (more than 25%)"],
            "land_property": ["Industrial unit, Eastmoor Business Park, Amberdale (leasehold)"],
            "memberships": ["Amberdale Chamber of Commerce", "Make UK"],
        },
        ["Spouse: partner in Lane & Co Chartered Accountants, Amberdale"],
    ),
    Member(
        "Mrs Ruth Okafor",
        "Ruth Okafor",
        "Deputy Chair",
        "Chief Executive, Okafor Logistics Group",
        "Private sector",
        {
            "employment": ["Chief Executive, Okafor Logistics Group"],
            "directorships": ["Okafor Logistics Group Ltd", "Wolds Freight Consortium Ltd"],
            "shareholdings": ["Okafor Logistics Group Ltd"],
            "related_party_transactions": [
                "Wolds Freight Consortium Ltd has a Growing Places Fund loan agreement with the LEP"
            ],
            "memberships": ["Chartered Institute of Logistics and Transport"],
            "gifts_hospitality": [
                "Dinner at the Amberdale Business Awards, 24 February 2023 (value about £60)"
            ],
        },
        ["None"],
    ),
    Member(
        "Dr Priya Raman OBE",
        "Priya K. Raman",
        "Board member",
        "Founder and Chief Scientific Officer, Raman Biosciences Ltd",
        "Private sector",
        {
            "employment": ["Chief Scientific Officer, Raman Biosciences Ltd"],
            "directorships": ["Raman Biosciences Ltd"],
            "shareholdings": ["Raman Biosciences Ltd"],
            "memberships": [
                "Royal Society of Biology",
                "Board of Trustees, Wolds Science Festival",
            ],
        },
        ["Partner: Visiting Professor, University of Amberdale"],
    ),
    Member(
        "Cllr Alan Pryce",
        "Councillor Alan Pryce",
        "Board member",
        "Leader, Amberdale County Council",
        "Public sector",
        {
            "employment": ["Leader of Amberdale County Council (elected member)"],
            "land_property": ["Residential property, Hollowmere, Amberdale"],
            "memberships": ["Amberdale County Council Cabinet", "Local Government Association"],
        },
        ["None"],
    ),
    Member(
        "Cllr Margaret Thorne",
        "Cllr Margaret A. Thorne",
        "Board member",
        "Leader, Wolds District Council",
        "Public sector",
        {
            "employment": [
                "Leader of Wolds District Council (elected member)",
                "Retired headteacher",
            ],
            "memberships": ["Wolds District Council Cabinet", "Governor, Seabrook Primary School"],
        },
        ["Spouse: self-employed farmer, Low Fell Farm, Wolds"],
    ),
    Member(
        "Cllr David Ellery",
        "Cllr David Ellery",
        "Board member",
        "Leader, Amberdale City Council",
        "Public sector",
        {
            "employment": ["Leader of Amberdale City Council (elected member)"],
            "directorships": ["Amberdale City Developments Ltd (council-owned company)"],
            "memberships": ["Amberdale City Council Executive"],
        },
        None,
    ),
    Member(
        "Professor Simon Achebe",
        "Prof. Simon O. Achebe",
        "Board member",
        "Vice-Chancellor, University of Amberdale",
        "Education",
        {
            "employment": ["Vice-Chancellor, University of Amberdale"],
            "directorships": ["University of Amberdale Enterprises Ltd"],
            "memberships": ["Universities UK", "Amberdale Science Park Advisory Board"],
            "sponsorships": ["None beyond salary from the University of Amberdale"],
        },
        ["None"],
    ),
    Member(
        "Ms Helen Varga",
        "Helen M. Varga",
        "Board member",
        "Director, Varga Digital Ltd",
        "Private sector",
        {
            "employment": ["Director, Varga Digital Ltd"],
            "directorships": ["Varga Digital Ltd", "Amberdale Tech Network CIC"],
            "shareholdings": ["Varga Digital Ltd"],
            "memberships": ["BCS, The Chartered Institute for IT"],
        },
        ["None"],
    ),
    Member(
        "Thomas Brightwell",
        "Thomas Brightwell",
        "Board member",
        "Senior Partner, Brightwell & Keane LLP",
        "Private sector",
        {},
        ["None"],
        has_register=False,
    ),
    Member(
        "Mark Delaney",
        "Mark Delaney",
        "Board member",
        "Managing Director, Delaney Farms Ltd; President, Amberdale Chamber of Commerce",
        "Private sector",
        {
            "employment": ["Managing Director, Delaney Farms Ltd"],
            "directorships": ["Delaney Farms Ltd", "Wolds Food and Drink Partnership Ltd"],
            "shareholdings": ["Delaney Farms Ltd"],
            "land_property": ["Agricultural land at Thornby, Wolds (freehold)"],
            "memberships": ["President, Amberdale Chamber of Commerce", "National Farmers' Union"],
        },
        None,
    ),
    Member(
        "Sarah Whitlock",
        "Sarah Whitlock",
        "Board member",
        "Chief Executive, Coastline Energy Ltd",
        "Private sector",
        {
            "employment": ["Chief Executive, Coastline Energy Ltd"],
            "directorships": ["Coastline Energy Ltd"],
            "memberships": ["Energy Institute", "Amberdale Offshore Wind Cluster"],
            "gifts_hospitality": [
                "Hospitality at Offshore Energy Conference, Aberdeen, May 2022 (about £120)"
            ],
        },
        ["Partner: engineer, Coastline Energy Ltd"],
    ),
    Member(
        "Gareth Moss",
        "Gareth Moss",
        "Board member (SME representative)",
        "Managing Director, Moss Haulage Ltd",
        "Private sector",
        {
            "employment": ["Managing Director, Moss Haulage Ltd"],
            "directorships": ["Moss Haulage Ltd"],
            "shareholdings": ["Moss Haulage Ltd"],
            "memberships": ["Federation of Small Businesses"],
        },
        ["None"],
        signed=False,
    ),
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def register_blocks(member: Member, lep_name: str, signed_on: str) -> list[Block]:
    blocks: list[Block] = [
        ("p", f"{lep_name}: Board members' register of interests"),
        ("p", f"Name: {member.register_name}"),
        ("p", f"Position: {member.role}, {lep_name}"),
        ("p", "Please list the interests below. Write 'None' where you have nothing to declare."),
    ]
    for key, heading in REGISTER_HEADINGS:
        entries = member.interests.get(key) or ["None"]
        blocks += [("h", heading), ("bullets", entries) if len(entries) > 1 else ("p", entries[0])]
    if member.household is not None:
        blocks += [
            ("h", "9. Household interests"),
            ("p", "Interests of your spouse or partner and other members of your household:"),
            ("p", "; ".join(member.household)),
        ]
    blocks.append(("h", "Declaration"))
    blocks.append(
        (
            "p",
            "I confirm that the above is a complete record of my interests and that I will notify "
            "the LEP of any change within 28 days.",
        )
    )
    if member.signed:
        blocks += [
            ("signature", f"Signed: {member.register_name}"),
            ("signature", f"Date: {signed_on}"),
        ]
    else:
        blocks += [("signature", "Signed: "), ("signature", "Date: ")]
    return blocks


def board_card(member: Member) -> str:
    return f"""<div class="board-member">
  <h3>{escape(member.name)}</h3>
  <p>{escape(member.role)}</p>
  <p>{escape(member.organisation)}</p>
  <p>Sector: {escape(member.sector)}</p>
  <p>Appointed: 1 April 2021</p>
</div>"""


@dataclass(frozen=True)
class Paper:
    item: int
    title: str
    summary: list[str]
    recommendation: str


@dataclass(frozen=True)
class BoardMeeting:
    day: date
    agenda_published: str
    minutes_published: str
    papers: list[Paper]
    extra_items: list[str]  # agenda items after the papers (before AOB)
    declarations: list[str]
    minuted: dict[int, str]  # agenda item number -> what the minutes record (RESOLVED: ...)
    apologies: str
    minutes_status: str  # "Approved minutes" or "Draft minutes"
    declarations_on_agenda: bool = True
    minutes_html: bool = False
    papers_published: str = ""  # when the reports went up, if not with the agenda

    @property
    def long_date(self) -> str:
        return f"{self.day.day} {self.day:%B %Y}"

    @property
    def iso(self) -> str:
        return self.day.isoformat()


def amberdale_meetings() -> list[BoardMeeting]:
    return [
        BoardMeeting(
            date(2023, 3, 14),
            "2023-03-01",
            "2023-03-21",
            [
                Paper(
                    4,
                    "Chief Executive's Report",
                    [
                        "This report updates the Board on activity since the meeting of 13 "
                        "December 2022, including the Growth Hub, the Local Industrial Strategy "
                        "refresh and staffing.",
                        "The Growth Hub supported 412 businesses in the quarter to 31 December "
                        "2022.",
                    ],
                    "The Board is asked to note the report.",
                ),
                Paper(
                    5,
                    "Amberdale Quay Regeneration: Full Business Case",
                    [
                        "Amberdale County Council has submitted the full business case for phase "
                        "2 of the Amberdale Quay regeneration scheme, seeking £2,400,000 of Local "
                        "Growth Fund.",
                        "The independent technical evaluator rates the scheme as high value for "
                        "money (benefit-cost ratio 2.8). The Section 151 Officer has reviewed the "
                        "funding profile.",
                    ],
                    "The Board is asked to approve £2,400,000 of Local Growth Fund for phase 2.",
                ),
                Paper(
                    6,
                    "Local Growth Fund Programme Update",
                    [
                        "Spend to 31 January 2023 is £11.2m against an allocation of £12.5m for "
                        "the year.",
                        "Two projects are rated amber for delivery risk; none are rated red.",
                    ],
                    "The Board is asked to note progress and the risks identified.",
                ),
            ],
            ["7. Risk Register (quarterly review)"],
            [
                "Cllr Alan Pryce declared an interest in item 5 (Amberdale Quay regeneration) as "
                "a member of the Council's Cabinet and left the meeting for that item."
            ],
            {
                5: "RESOLVED: that the Board approves Local Growth Fund of £2,400,000 for phase 2 "
                "of the Amberdale Quay regeneration scheme, subject to the conditions in the "
                "appraisal report.",
                6: "RESOLVED: that the Board notes progress on the Local Growth Fund programme and "
                "the risks identified.",
                7: "The Board reviewed the risk register. No risks were rated red.",
            },
            "Ms Helen Varga",
            "Approved minutes",
        ),
        BoardMeeting(
            date(2023, 6, 13),
            "2023-06-08",
            "2023-06-20",
            [
                Paper(
                    4,
                    "Chief Executive's Report",
                    [
                        "This report covers the period March to May 2023, including the "
                        "integration of LEP functions into local government announced in the "
                        "Spring Budget.",
                    ],
                    "The Board is asked to note the report.",
                ),
                Paper(
                    5,
                    "Wolds Agri-Tech Innovation Centre: Change Request",
                    [
                        "The University of Amberdale requests a three-month extension to the "
                        "build programme of the Wolds Agri-Tech Innovation Centre with no change "
                        "to the grant.",
                    ],
                    "The Board is asked to approve the change request.",
                ),
                Paper(
                    6,
                    "Freeport Logistics Skills Programme",
                    [
                        "A proposal for £350,000 from the Skills Capital programme to fund a "
                        "logistics skills programme delivered by Amberdale College with employer "
                        "partners.",
                    ],
                    "The Board is asked to approve the programme.",
                ),
            ],
            [
                "7. Amberdale Quay land acquisition (Confidential – exempt under paragraph 3 of "
                "Schedule 12A to the Local Government Act 1972)"
            ],
            [
                "Mrs Ruth Okafor declared an interest in item 6 (Freeport Logistics Skills "
                "Programme) as Chief Executive of Okafor Logistics Group, an employer partner in "
                "the programme, and took no part in the decision.",
                "Professor Simon Achebe declared a non-pecuniary interest in item 5 (Wolds "
                "Agri-Tech Innovation Centre) as Vice-Chancellor of the University of Amberdale.",
            ],
            {
                5: "RESOLVED: that the Board approves the change request for the Wolds Agri-Tech "
                "Innovation Centre.",
                6: "RESOLVED: that the Board approves £350,000 for the Freeport Logistics Skills "
                "Programme.",
                7: "The Board considered this item in private session, the report being exempt "
                "under paragraph 3 of Schedule 12A. RESOLVED: that the Board approves the "
                "recommendation in the confidential report on the Amberdale Quay land acquisition.",
            },
            "Cllr David Ellery and Sarah Whitlock",
            "Approved minutes",
            papers_published="2023-06-01",
        ),
        BoardMeeting(
            date(2023, 9, 12),
            "2023-08-31",
            "2023-10-18",
            [
                Paper(
                    3,
                    "Chief Executive's Report",
                    [
                        "This report updates the Board on the transition planning for the "
                        "transfer of LEP functions to the upper-tier councils from April 2024.",
                    ],
                    "The Board is asked to note the report.",
                ),
                Paper(
                    4,
                    "Annual Report 2022/23 and Accounts",
                    [
                        "The audited accounts for the year to 31 March 2023 received an "
                        "unqualified opinion. The annual report 2022/23 is presented for "
                        "publication.",
                    ],
                    "The Board is asked to approve the annual report and the accounts.",
                ),
            ],
            ["5. Transition plan for LEP functions"],
            ["There were no declarations of interest."],
            {
                4: "RESOLVED: that the Board approves the Annual Report 2022/23 and the audited "
                "accounts for the year ended 31 March 2023.",
                5: "RESOLVED: that the Board endorses the transition plan for submission to "
                "government.",
            },
            "Mark Delaney",
            "Approved minutes",
            declarations_on_agenda=False,
        ),
        BoardMeeting(
            date(2023, 11, 14),
            "2023-11-01",
            "2023-11-21",
            [
                Paper(
                    4,
                    "Chief Executive's Report",
                    [
                        "This report updates the Board on the transition of functions and on "
                        "delivery of the 2023/24 delivery plan at the half-year point.",
                    ],
                    "The Board is asked to note the report.",
                ),
                Paper(
                    5,
                    "Growth Hub Performance, April to September 2023",
                    [
                        "The Growth Hub supported 781 businesses in the half year against a "
                        "target of 700.",
                    ],
                    "The Board is asked to note performance.",
                ),
                Paper(
                    6,
                    "Digital Skills Bootcamps: Funding Recommendation",
                    [
                        "The appraisal panel recommends £180,000 for Digital Skills Bootcamps led "
                        "by Northgate Training Partnership, with delivery partners to be "
                        "confirmed.",
                    ],
                    "The Board is asked to approve the funding.",
                ),
            ],
            ["7. Meeting dates for 2024"],
            [
                "Ms Helen Varga declared an interest in item 6 (Digital Skills Bootcamps) as a "
                "director of Varga Digital Ltd, a proposed delivery partner, and left the meeting "
                "for that item.",
                "Cllr Margaret Thorne declared an interest in item 6 as a governor of a school "
                "named in the proposal and took no part in the decision.",
            ],
            {
                6: "RESOLVED: that the Board approves £180,000 for Digital Skills Bootcamps.",
                7: "RESOLVED: that the Board approves the meeting dates for 2024.",
            },
            "Professor Simon Achebe",
            "Draft minutes",
            minutes_html=True,
        ),
    ]


def agenda_items(meeting: BoardMeeting) -> list[str]:
    items = ["1. Welcome and apologies"]
    if meeting.declarations_on_agenda:
        items += ["2. Declarations of Interest", "3. Minutes of the previous meeting"]
    else:
        items += ["2. Minutes of the previous meeting"]
    items += [f"{paper.item}. {paper.title}" for paper in meeting.papers]
    items += meeting.extra_items
    number = int(re.match(r"\d+", items[-1]).group()) + 1  # type: ignore[union-attr]
    items += [f"{number}. Any other business", f"{number + 1}. Date of next meeting"]
    return items


DRAFT_STATUS = "Draft: subject to approval at the next meeting of the Board."


def minutes_sections(meeting: BoardMeeting, next_meeting: str) -> list[tuple[str, list[str]]]:
    """The minutes, item by item in agenda order, as (heading, paragraphs)."""
    # Approved minutes carry no approval date: their Last-Modified is their first publication.
    status = [] if meeting.minutes_status.startswith("Approved") else [("Status", [DRAFT_STATUS])]
    present = [
        member.name + (f" ({member.role})" if "Chair" in member.role else "")
        for member in AMB_MEMBERS
        if member.name not in meeting.apologies
    ]
    sections = [
        *status,
        ("Present", [", ".join(present)]),
        (
            "In attendance",
            [
                "Daniel Osei (Chief Executive), Karen Whitfield (Section 151 Officer, Amberdale "
                "County Council), Lucy Brennan (Governance Manager)"
            ],
        ),
        ("1. Welcome and apologies", [f"Apologies were received from {meeting.apologies}."]),
    ]
    if meeting.declarations_on_agenda:
        sections.append(("2. Declarations of Interest", meeting.declarations))
    else:
        opening = (
            "The Chair invited declarations of interest, although the item was not on the agenda."
        )
        sections.append(("Declarations of Interest", [opening, *meeting.declarations]))
    previous = 3 if meeting.declarations_on_agenda else 2
    sections.append(
        (
            f"{previous}. Minutes of the previous meeting",
            ["RESOLVED: that the minutes of the previous meeting be approved as a correct record."],
        )
    )
    for paper in meeting.papers:
        decision = meeting.minuted.get(paper.item, "RESOLVED: that the Board notes the report.")
        sections.append(
            (f"{paper.item}. {paper.title}", ["The Board considered the report.", decision])
        )
    for extra in meeting.extra_items:
        number = int(extra.split(".")[0])
        title = extra.split(" (Confidential")[0]
        sections.append((title, [meeting.minuted.get(number, "The Board noted the item.")]))
    last = int(agenda_items(meeting)[-1].split(".")[0])
    sections += [
        (f"{last - 1}. Any other business", ["There was no other business."]),
        (f"{last}. Date of next meeting", [f"The next meeting will be held on {next_meeting}."]),
    ]
    return sections


def build_amberdale(root: Path) -> None:
    site = Site(
        root, {"id": "amberdale", "name": AMB_NAME}, "2023-11-30", "Amberdale and Wolds LEP"
    ).start()
    meetings = amberdale_meetings()
    meeting_rows = build_amberdale_meetings(site, meetings)
    register_links = build_amberdale_registers(site)
    policy_links = build_amberdale_policies(site)
    build_amberdale_pages(site, meeting_rows, register_links, policy_links)
    site.text("/robots.txt", when("2021-04-01"), "User-agent: *\nAllow: /\n")
    site.finish()


def build_amberdale_meetings(site: Site, meetings: list[BoardMeeting]) -> list[str]:
    rows = []
    next_dates = [m.long_date for m in meetings[1:]] + ["12 March 2024"]
    for meeting, next_meeting in zip(meetings, next_dates, strict=True):
        sections = minutes_sections(meeting, next_meeting)
        base = f"/documents/board/{meeting.iso}"
        agenda = site.pdf(
            f"{base}-agenda.pdf",
            when(meeting.agenda_published, "10:30"),
            f"Board meeting: {meeting.long_date}",
            [
                ("p", f"{AMB_NAME}"),
                (
                    "p",
                    f"Meeting of the Board, Tuesday {meeting.long_date}, 10.00am, Enterprise "
                    "House, Amberdale",
                ),
                ("h", "Agenda"),
                *[("p", item) for item in agenda_items(meeting)],
                (
                    "p",
                    "Papers marked confidential are not published; the reason is given against "
                    "the item.",
                ),
            ],
        )
        papers = []
        for paper in meeting.papers:
            url = site.pdf(
                f"{base}-item-{paper.item}-{slug(paper.title)}.pdf",
                when(meeting.papers_published or meeting.agenda_published, "10:30"),
                f"Item {paper.item}: {paper.title}",
                [
                    ("p", f"Board meeting {meeting.long_date}"),
                    ("p", "Report of the Chief Executive"),
                    ("h", "Purpose of the report"),
                    *[("p", text) for text in paper.summary],
                    ("h", "Recommendation"),
                    ("p", paper.recommendation),
                ],
            )
            papers.append(link(url, f"Item {paper.item} – {paper.title}"))
        title = f"{meeting.minutes_status}: Board meeting, {meeting.long_date}"
        blocks: list[Block] = [
            ("p", AMB_NAME),
            ("p", f"Held on {meeting.long_date} at Enterprise House, Amberdale"),
        ]
        for heading, texts in sections:
            blocks += [("h", heading), *[("p", text) for text in texts]]
        published = when(meeting.minutes_published, "15:00")
        if meeting.minutes_html:
            body = paragraphs(
                AMB_NAME, f"Held on {meeting.long_date} at Enterprise House, Amberdale"
            )
            for heading, texts in sections:
                body += f"\n<h2>{escape(heading)}</h2>\n" + paragraphs(*texts)
            minutes = site.text(
                f"/governance/board-meetings/{meeting.iso}-minutes/",
                published,
                amberdale_page(
                    title,
                    body,
                    [
                        ("/governance/", "Governance"),
                        ("/governance/board-meetings/", "Board meetings"),
                    ],
                    updated=published.date(),
                ),
            )
        else:
            minutes = site.pdf(f"{base}-minutes.pdf", published, title, blocks)
        rows.append(
            f"""<tr>
  <td>{escape(meeting.long_date)}</td>
  <td>{link(agenda, "Agenda")}</td>
  <td>{"<br>".join(papers)}</td>
  <td>{link(minutes, meeting.minutes_status)}</td>
</tr>"""
        )
    return rows


def build_amberdale_registers(site: Site) -> list[tuple[str, str]]:
    links = []
    for member in AMB_MEMBERS:
        if not member.has_register:
            continue
        url = site.pdf(
            f"/documents/registers/register-of-interests-{slug(member.name)}.pdf",
            when("2023-04-04", "11:00"),
            f"Register of Interests: {member.register_name}",
            register_blocks(member, AMB_NAME, "3 April 2023"),
        )
        links.append((url, f"{member.name} – register of interests (PDF)"))
    staff = site.pdf(
        "/documents/registers/senior-staff-declarations-of-interest-2023.pdf",
        when("2023-04-04", "11:00"),
        "Senior Staff Declarations of Interest 2023",
        [
            ("p", "Declarations by the LEP's senior staff, reviewed in April 2023."),
            (
                "table",
                [
                    ["Name", "Post", "Interests declared", "Date"],
                    [
                        "Daniel Osei",
                        "Chief Executive",
                        "Trustee, Amberdale Youth Trust",
                        "3 April 2023",
                    ],
                    ["Lucy Brennan", "Governance Manager", "None", "3 April 2023"],
                    [
                        "Imran Shah",
                        "Programme Director",
                        "Member, Institution of Civil Engineers",
                        "4 April 2023",
                    ],
                ],
            ),
        ],
    )
    links.append((staff, "Senior staff declarations of interest 2023 (PDF)"))
    return links


NOLAN = [
    ("Selflessness", "Holders of public office should act solely in terms of the public interest."),
    (
        "Integrity",
        "Holders of public office must avoid placing themselves under any obligation to people or "
        "organisations that might try inappropriately to influence them.",
    ),
    (
        "Objectivity",
        "Holders of public office must act and take decisions impartially, fairly and on merit, "
        "using the best evidence and without discrimination or bias.",
    ),
    (
        "Accountability",
        "Holders of public office are accountable to the public for their decisions and actions "
        "and must submit themselves to the scrutiny necessary to ensure this.",
    ),
    (
        "Openness",
        "Holders of public office should act and take decisions in an open and transparent manner.",
    ),
    ("Honesty", "Holders of public office should be truthful."),
    (
        "Leadership",
        "Holders of public office should exhibit these principles in their own behaviour and "
        "challenge poor behaviour wherever it occurs.",
    ),
]


def build_amberdale_policies(site: Site) -> dict[str, str]:
    links: dict[str, str] = {}
    links["code"] = site.pdf(
        "/documents/policies/code-of-conduct.pdf",
        when("2023-04-20"),
        "Code of Conduct for Board Members and Staff",
        [
            ("p", f"{AMB_NAME}. Version 4, approved by the Board on 14 March 2023."),
            ("h", "1. Scope"),
            (
                "p",
                "This Code applies to all Board members, co-opted members of sub-boards and all "
                "staff of the LEP. Every Board member and member of staff signs the Code on "
                "appointment and before taking part in any decision, and re-confirms it each year.",
            ),
            ("h", "2. The Seven Principles of Public Life"),
            ("p", "The Code is based on the seven Nolan Principles of Public Life:"),
            ("bullets", [f"{name}: {text}" for name, text in NOLAN]),
            ("h", "3. Conduct of Board business"),
            (
                "p",
                "The Board conducts its business openly. Agendas, papers and minutes are "
                "published in line with the LEP's publication timetable; items are taken in "
                "private only on the grounds set out in our Handling Confidential and Exempt "
                "Information statement.",
            ),
            ("h", "4. The role of Board members"),
            (
                "p",
                "Board members provide strategic leadership, act in the interests of the whole "
                "LEP area, and support the Chair and the accountable body in ensuring the proper "
                "use of public money.",
            ),
            ("h", "5. Conflicts of interest and declarations"),
            (
                "p",
                "Members must complete a register of interests within 28 days of appointment, "
                "keep it up to date, and declare any interest in an item at the start of each "
                "meeting. Declarations and the action taken are recorded in the minutes. See the "
                "Conflicts of Interest Policy.",
            ),
            ("h", "6. Gifts and hospitality"),
            (
                "p",
                "Any gift or hospitality worth more than £50 must be declared within 28 days and "
                "is entered in the published gifts and hospitality register.",
            ),
            ("h", "7. Fees and expenses"),
            (
                "p",
                "Board members are unremunerated. Reasonable travel expenses may be claimed under "
                "the Expenses Policy.",
            ),
            ("h", "8. Paid work for the LEP"),
            (
                "p",
                "Board members and their businesses should avoid undertaking paid work or "
                "contracts for the LEP. Where a member's organisation applies for a grant or "
                "contract, the member must declare the interest, take no part in the appraisal or "
                "decision, and the decision is recorded transparently in the minutes.",
            ),
            (
                "signature",
                "Signed (Board member or member of staff): ____________________   Date: ________",
            ),
        ],
    )
    links["coi"] = site.pdf(
        "/documents/policies/conflicts-of-interest-policy.pdf",
        when("2023-04-20"),
        "Conflicts of Interest Policy",
        [
            ("p", f"{AMB_NAME}. Approved by the Board on 14 March 2023. Review date: March 2024."),
            ("h", "1. Purpose"),
            (
                "p",
                "This policy sets out how the LEP identifies, manages and records conflicts of "
                "interest so that decisions about public money are taken without bias or any "
                "perception of bias.",
            ),
            ("h", "2. Personal responsibility"),
            (
                "p",
                "It is the personal responsibility of every Board member, sub-board member and "
                "member of staff to declare any interest and to avoid any perception of bias. If "
                "in doubt, declare.",
            ),
            ("h", "3. Scope"),
            (
                "p",
                "The policy applies to any involvement in LEP business, including work outside "
                "formal meetings, decisions taken by written procedure or urgent decision, "
                "appraisal panels and informal discussions with applicants.",
            ),
            ("h", "4. Managing conflicts"),
            (
                "p",
                "A member with a pecuniary interest in an item must leave the room for that item "
                "and take no part in the discussion or vote. A member with a non-pecuniary "
                "interest may stay, with the Chair's agreement, but takes no part in the decision.",
            ),
            ("h", "5. Recording"),
            (
                "p",
                "Every declaration, the nature of the interest and the action taken are recorded "
                "in the minutes. New interests declared at a meeting are added to the member's "
                "published register within 28 days.",
            ),
            ("h", "6. Local authority members"),
            (
                "p",
                "Councillors on the Board have dual roles. Where an item concerns their council's "
                "land, companies or trusts, they declare the interest and the action taken is "
                "recorded. Councillors complete the LEP's own register form in addition to their "
                "council register.",
            ),
            ("h", "7. Private sector members"),
            (
                "p",
                "Private sector members are appointed for their business expertise. Using that "
                "expertise in general discussion is welcome; where a member's business could "
                "benefit from a decision, sections 4 and 5 apply.",
            ),
        ],
    )
    links["whistleblowing"] = site.docx(
        "/documents/policies/whistleblowing-policy.docx",
        when("2023-04-20"),
        "Whistleblowing Policy",
        [
            ("p", f"{AMB_NAME}. Approved by the Board on 14 March 2023."),
            ("h", "1. Introduction"),
            (
                "p",
                "The LEP is committed to the highest standards of openness, probity and "
                "accountability. This policy enables Board members, staff and contractors to "
                "raise concerns about wrongdoing without fear of victimisation.",
            ),
            ("h", "2. What concerns are covered"),
            (
                "bullets",
                [
                    "fraud, bribery or corruption",
                    "misuse of public funds",
                    "failure to declare a conflict of interest",
                    "breaches of the Code of Conduct",
                    "danger to health and safety or the environment",
                ],
            ),
            ("h", "3. How to raise a concern"),
            (
                "p",
                "Concerns may be raised with the Chief Executive, the Chair, or the Section 151 "
                "Officer of Amberdale County Council, our accountable body. Concerns can be "
                "raised in confidence.",
            ),
            ("h", "4. Protection"),
            (
                "p",
                "The LEP will not tolerate harassment or victimisation of anyone raising a "
                "concern in good faith, in line with the Public Interest Disclosure Act 1998.",
            ),
        ],
    )
    links["remuneration"] = site.pdf(
        "/documents/policies/pay-and-remuneration-policy.pdf",
        when("2023-04-20"),
        "Pay and Remuneration Policy",
        [
            ("p", f"{AMB_NAME}. Approved by the Board on 14 March 2023."),
            ("h", "Board members"),
            ("p", "Board members, including the Chair, are unremunerated."),
            ("h", "Staff"),
            (
                "p",
                "Staff are paid on Amberdale County Council's pay scales. The Chief Executive's "
                "pay is set by the Chair and Deputy Chair with the Section 151 Officer and "
                "published in the annual report (2022/23: £85,000 to £90,000).",
            ),
        ],
    )
    links["expenses"] = site.pdf(
        "/documents/policies/expenses-policy.pdf",
        when("2023-04-20"),
        "Board Members' Expenses Policy",
        [
            (
                "p",
                "Board members are unremunerated. They may claim reasonable travel and "
                "subsistence expenses incurred on LEP business, with receipts, within 60 days.",
            ),
            ("h", "Rates"),
            (
                "table",
                [
                    ["Expense", "Rate"],
                    ["Car mileage", "45p per mile"],
                    ["Rail", "Standard class fare"],
                    ["Subsistence", "Actual cost up to £25 a day"],
                ],
            ),
            ("h", "Publication"),
            ("p", "Expenses paid to Board members are published each year in the annual report."),
        ],
    )
    links["gifts"] = site.pdf(
        "/documents/policies/gifts-and-hospitality-policy.pdf",
        when("2023-04-20"),
        "Gifts and Hospitality Policy",
        [
            (
                "p",
                "Board members and staff must not accept gifts or hospitality that could be seen "
                "to influence their decisions.",
            ),
            ("h", "Threshold"),
            (
                "p",
                "Any gift or hospitality offered with an estimated value of £50 or more must be "
                "declared to the Governance Manager within 28 days, whether accepted or declined, "
                "and is entered in the gifts and hospitality register, which is published on our "
                "website.",
            ),
            ("h", "Acceptable hospitality"),
            (
                "p",
                "Modest refreshments at meetings and attendance at events where the member "
                "represents the LEP.",
            ),
        ],
    )
    links["gifts_register"] = site.pdf(
        "/documents/policies/gifts-and-hospitality-register-2023.pdf",
        when("2023-10-02"),
        "Gifts and Hospitality Register 2023",
        [
            ("p", "Gifts and hospitality of £50 or more declared by Board members and staff."),
            (
                "table",
                [
                    ["Date", "Name", "Offered by", "Description", "Value", "Accepted"],
                    [
                        "24/02/2023",
                        "Mrs Ruth Okafor",
                        "Amberdale Chamber of Commerce",
                        "Dinner, Amberdale Business Awards",
                        "£60",
                        "Yes",
                    ],
                    [
                        "18/05/2023",
                        "Daniel Osei",
                        "Wolds Construction Ltd",
                        "Rugby tickets",
                        "£140",
                        "Declined",
                    ],
                    [
                        "07/09/2023",
                        "Richard Ashworth-Lane",
                        "University of Amberdale",
                        "Graduation dinner",
                        "£55",
                        "Yes",
                    ],
                ],
            ),
        ],
    )
    build_amberdale_corporate_documents(site, links)
    return links


def build_amberdale_corporate_documents(site: Site, links: dict[str, str]) -> None:
    links["laf"] = site.pdf(
        "/documents/governance/local-assurance-framework.pdf",
        when("2022-03-18"),
        "Local Assurance Framework",
        [
            (
                "p",
                f"{AMB_NAME}. Version 5.0. Approved by the Board: 15 March 2022. "
                "Signed off by the Section 151 Officer, Amberdale County Council: 16 March 2022.",
            ),
            ("h", "1. Introduction"),
            (
                "p",
                "This Local Assurance Framework sets out how the LEP and its accountable body use "
                "public money responsibly, in line with the National Local Growth Assurance "
                "Framework.",
            ),
            ("h", "2. Roles and responsibilities"),
            (
                "p",
                "The Board sets strategy and takes funding decisions. The Investment Panel "
                "appraises projects. The Chief Executive leads the executive team. The "
                "accountable body holds and accounts for the funds.",
            ),
            ("h", "3. Decision making"),
            (
                "p",
                "All funding decisions are taken by the Board in meetings held in accordance with "
                "the publication timetable, on the basis of a written report with the Section 151 "
                "Officer's comments. The Scheme of Delegation sets out decisions delegated to "
                "officers.",
            ),
            ("page", None),
            ("h", "4. Accountable body"),
            (
                "p",
                "The Accountable Body for the LEP is Amberdale County Council, the single "
                "accountable body for all LEP funding. Its Section 151 Officer has a formal "
                "mandate, attends the Board and may give written and oral financial advice on "
                "every decision. The roles are set out in the Accountable Body Agreement between "
                "the LEP and the Council.",
            ),
            ("h", "5. Value for money"),
            (
                "p",
                "Every business case is appraised for value for money in line with HM Treasury "
                "Green Book guidance by an independent technical evaluator.",
            ),
            ("h", "6. Programme and contract management"),
            (
                "p",
                "The LEP manages its programmes and funding streams (Local Growth Fund, Getting "
                "Building Fund, Growing Places Fund and the Growth Hub) through grant funding "
                "agreements and contracts issued by the accountable body. Each project reports "
                "spend and outputs quarterly; the Investment Panel reviews programme performance "
                "and risks, and the Board receives a programme update at every meeting.",
            ),
            ("h", "7. Risk management"),
            (
                "p",
                "The LEP keeps a risk register, reviewed quarterly by the Audit and Risk "
                "Committee and reported to the Board.",
            ),
            ("h", "8. Open calls for projects"),
            (
                "p",
                "Calls for projects are advertised openly on our website with published selection "
                "criteria, scoring and deadlines.",
            ),
            ("page", None),
            ("h", "9. Publication of financial information"),
            (
                "p",
                "We publish a rolling schedule of funded projects with amounts by year, our "
                "accounts and the accountable body's statements of LEP funds.",
            ),
            ("h", "10. Succession planning"),
            (
                "p",
                "Board appointments are staggered and members serve three-year terms, renewable "
                "once, so that about a third of the Board is renewed each year.",
            ),
            ("h", "11. Urgent decisions and written procedure"),
            (
                "p",
                "Urgent decisions between meetings may be taken by the Chair and Deputy Chair "
                "with the Section 151 Officer, or by written procedure of the whole Board. They "
                "rest on a written report and are reported to, and published with, the next Board "
                "meeting.",
            ),
            ("h", "12. Scrutiny"),
            (
                "p",
                "The LEP's decisions are subject to scrutiny by the Amberdale County Council "
                "Economy and Growth Scrutiny Committee, which meets twice a year.",
            ),
        ],
    )
    links["apr_letter"] = site.pdf(
        "/documents/governance/annual-performance-review-2022-23-letter.pdf",
        when("2023-03-28"),
        "Annual Performance Review 2022/23: feedback letter",
        [
            ("p", "From: Cities and Local Growth Unit. To: the Chair, Amberdale and Wolds LEP."),
            (
                "p",
                "Thank you for meeting us for the Annual Performance Review on 1 February 2023. "
                "We have assessed the LEP's governance as good, its delivery as good and its "
                "strategic impact as good.",
            ),
            (
                "p",
                "We ask the LEP to make sure that board papers are always published at least five "
                "clear working days before each meeting.",
            ),
        ],
    )
    links["appraisal"] = site.pdf(
        "/documents/funding/amberdale-quay-phase-2-independent-appraisal-summary.pdf",
        when("2023-03-01"),
        "Amberdale Quay Regeneration Phase 2: Independent Appraisal Summary",
        [
            ("p", "Prepared by the LEP's independent technical evaluator."),
            ("h", "Value for money"),
            ("p", "Benefit-cost ratio 2.8: high value for money under the Green Book."),
            ("h", "Deliverability and risk"),
            ("p", "Planning consent granted; land in council ownership; medium construction risk."),
            ("h", "Conclusion"),
            ("p", "The scheme is recommended for approval subject to conditions."),
        ],
    )
    links["statement"] = site.pdf(
        "/documents/governance/annual-governance-and-transparency-statement-2022-23.pdf",
        when("2023-07-14"),
        "Annual Governance and Transparency Statement 2022/23",
        [
            (
                "p",
                "This statement by the Chair and the Chief Executive reports on governance and "
                "transparency at the LEP in 2022/23.",
            ),
            (
                "p",
                "The Board met four times in public session. Registers of interests were reviewed "
                "in April 2023. Our arrangements were subject to scrutiny by the Economy and "
                "Growth Scrutiny Committee in October 2022 and March 2023, and by the Audit and "
                "Risk Committee.",
            ),
            ("p", "We identified one area for improvement: the timeliness of some meeting papers."),
            ("signature", "Signed: Richard Ashworth-Lane, Chair"),
            ("signature", "Signed: Daniel Osei, Chief Executive"),
            ("signature", "Date: 10 July 2023"),
        ],
    )
    links["annual_report"] = site.pdf(
        "/documents/corporate/annual-report-2022-23.pdf",
        when("2023-09-20"),
        "Annual Report 2022/23",
        [
            (
                "p",
                "Our year in numbers: 1,540 businesses supported, 620 jobs created, £14.8m "
                "invested.",
            ),
            ("h", "Board expenses"),
            ("p", "Board members are unremunerated. Expenses paid in 2022/23: £3,214."),
            ("h", "Senior salaries"),
            (
                "p",
                "Chief Executive: £85,000 to £90,000. No other member of staff earns over £60,000.",
            ),
            ("h", "How we are funded"),
            ("p", "Core funding of £500,000 from government and £250,000 from our councils."),
        ],
    )
    links["delivery_plan"] = site.pdf(
        "/documents/corporate/delivery-plan-2023-24.pdf",
        when("2023-04-28"),
        "Delivery Plan 2023/24",
        [
            ("p", "Our objectives and targets for the year 1 April 2023 to 31 March 2024."),
            (
                "table",
                [
                    ["Objective", "Target 2023/24"],
                    ["Businesses supported by the Growth Hub", "1,400"],
                    ["Local Growth Fund spend", "£9.5m"],
                    ["Skills Bootcamp learners", "450"],
                ],
            ),
        ],
    )
    links["accounts"] = site.pdf(
        "/documents/corporate/accounts-2022-23.pdf",
        when("2023-09-20"),
        "Annual Report and Financial Statements for the year ended 31 March 2023",
        [
            (
                "p",
                "Amberdale and Wolds Local Enterprise Partnership Limited, a company limited by "
                "guarantee. Company number 08417362.",
            ),
            (
                "table",
                [
                    ["Statement of income", "2023 £", "2022 £"],
                    ["Grant income", "1,214,000", "1,098,000"],
                    ["Expenditure", "(1,187,000)", "(1,071,000)"],
                    ["Surplus", "27,000", "27,000"],
                ],
            ),
            (
                "p",
                "Independent auditor's report: in our opinion the financial statements give a "
                "true and fair view.",
            ),
        ],
    )
    links["strategy"] = site.pdf(
        "/documents/corporate/local-industrial-strategy.pdf",
        when("2021-07-01"),
        "Amberdale and Wolds Local Industrial Strategy",
        [
            (
                "p",
                "Our Local Industrial Strategy sets out how the area will grow clean energy, "
                "agri-tech and advanced manufacturing, agreed with government in 2020 and "
                "refreshed in 2021.",
            ),
            ("h", "Priorities"),
            (
                "bullets",
                [
                    "Clean growth and offshore wind",
                    "Agri-tech and food",
                    "Advanced engineering",
                    "Skills for a changing economy",
                ],
            ),
        ],
    )
    links["delegation"] = site.pdf(
        "/documents/governance/scheme-of-delegation.pdf",
        when("2023-04-20"),
        "Scheme of Delegation",
        [
            (
                "table",
                [
                    ["Decision", "Delegated to", "Limit"],
                    ["Approve projects over £500,000", "Board", "No limit"],
                    ["Approve projects up to £500,000", "Investment Panel", "£500,000"],
                    [
                        "Change requests within 10% of grant",
                        "Chief Executive with S151 Officer",
                        "10%",
                    ],
                    [
                        "Urgent decisions between meetings",
                        "Chair and Deputy Chair with S151 Officer",
                        "£1m",
                    ],
                ],
            )
        ],
    )
    links["projects"] = site.xlsx(
        "/documents/funding/funded-projects-2023.xlsx",
        when("2023-10-31"),
        "Funded projects",
        {
            "Funded projects": [
                [
                    "Project",
                    "Description",
                    "Lead organisation",
                    "Programme",
                    "2021/22",
                    "2022/23",
                    "2023/24",
                    "Total",
                ],
                *[[*row, row[4] + row[5] + row[6]] for row in AMB_PROJECTS],
            ]
        },
    )


AMB_PROJECTS: list[list[Any]] = [
    [
        "Amberdale Quay Regeneration",
        "Public realm and flood defence works to open the quay for business use",
        "Amberdale County Council",
        "Local Growth Fund",
        1200000,
        1800000,
        2400000,
    ],
    [
        "Wolds Agri-Tech Innovation Centre",
        "Research and incubation space for agri-tech businesses",
        "University of Amberdale",
        "Getting Building Fund",
        900000,
        2100000,
        500000,
    ],
    [
        "Eastmoor Business Park Access Road",
        "New junction and access road opening 12 hectares",
        "Wolds District Council",
        "Local Growth Fund",
        650000,
        1100000,
        0,
    ],
    [
        "Advanced Engineering Skills Hub",
        "Equipment and workshop refit for engineering apprenticeships",
        "Amberdale College",
        "Skills Capital",
        0,
        750000,
        350000,
    ],
    [
        "Digital Skills Bootcamps",
        "Short courses in software and data skills for adults",
        "Northgate Training Partnership",
        "Skills Bootcamps",
        0,
        0,
        180000,
    ],
    [
        "Amberdale Growth Hub",
        "Business support and advice service for the LEP area",
        "Amberdale and Wolds LEP",
        "Growth Hub",
        410000,
        420000,
        430000,
    ],
    [
        "Seabrook Town Centre Revival",
        "Conversion of vacant shops into flexible workspace",
        "Amberdale City Council",
        "Getting Building Fund",
        300000,
        950000,
        0,
    ],
    [
        "Low Carbon Freight Hub",
        "Electric HGV charging and consolidation centre (loan)",
        "Wolds Freight Consortium Ltd",
        "Growing Places Fund",
        0,
        1500000,
        0,
    ],
]


def build_amberdale_pages(
    site: Site, meeting_rows: list[str], register_links: list[tuple[str, str]], docs: dict[str, str]
) -> None:
    gov = [("/governance/", "Governance and transparency")]

    def page(
        url: str, day: str, title: str, body: str, crumbs: Sequence[tuple[str, str]] = gov
    ) -> None:
        page_html = amberdale_page(title, body, crumbs, updated=date.fromisoformat(day))
        site.text(url, when(day, "12:00"), page_html)

    page(
        "/",
        "2023-11-22",
        "Amberdale and Wolds Local Enterprise Partnership",
        paragraphs(
            "We are the business-led partnership between the private sector, local councils and "
            "the University of Amberdale, driving growth and jobs across Amberdale and the Wolds.",
            "Our Board sets the strategy and decides how Local Growth Fund, Getting Building Fund "
            "and Growing Places Fund money is invested, with Amberdale County Council as our "
            "accountable body.",
        )
        + "\n<h2>Find out more</h2>\n"
        + bullet_links(
            [
                ("/about/board/", "Meet our Board"),
                ("/governance/", "Governance and transparency"),
                ("/governance/board-meetings/", "Board meetings, agendas and minutes"),
                ("/funding/funded-projects/", "Projects we have funded"),
                ("/funding/open-calls/", "Open calls for projects"),
                ("/about/strategy/", "Our Local Industrial Strategy"),
            ]
        ),
        crumbs=[],
    )
    page(
        "/about/",
        "2023-05-02",
        "About us",
        paragraphs(
            "Amberdale and Wolds Local Enterprise Partnership was established in 2011 and "
            "incorporated as a company limited by guarantee in 2013.",
            "Our area covers Amberdale County, Amberdale City and Wolds District.",
        )
        + "\n<h2>Our values and standards</h2>\n"
        + paragraphs(
            "We act in the public interest, openly and accountably, and hold our Board and staff "
            "to the standards expected of anyone spending public money, not only to the duties of "
            "company directors. Our Code of Conduct sets these standards out.",
        )
        + "\n"
        + bullet_links(
            [
                ("/about/board/", "Our Board"),
                ("/about/board-recruitment/", "Join our Board"),
                ("/about/strategy/", "Our strategy"),
                ("/governance/", "Governance"),
            ]
        ),
        crumbs=[],
    )
    cards = "\n".join(board_card(member) for member in AMB_MEMBERS)
    page(
        "/about/board/",
        "2023-04-05",
        "Our Board",
        paragraphs(
            "The Board is made up of twelve members: eight from the private sector, the leaders "
            "of our three councils and the Vice-Chancellor of the University of Amberdale. The "
            "Chair and Deputy Chair are both from the private sector. Five of the twelve members "
            "(42%) are women.",
            "Board members are unremunerated. The time commitment is around two days a month; ten "
            "board meetings a year, including Investment Panel and Audit and Risk Committee "
            "meetings.",
        )
        + f'\n<div class="board-grid">\n{cards}\n</div>\n'
        + paragraphs(
            "Each member's register of interests is published on our Registers of interest page.",
        )
        + "\n"
        + bullet_links([("/governance/registers-of-interest/", "Registers of interest")]),
        crumbs=[("/about/", "About us")],
    )
    page(
        "/about/board-recruitment/",
        "2023-02-01",
        "Board recruitment",
        paragraphs(
            "Private sector Board vacancies are advertised openly on our website, in the local "
            "press and through business networks. Appointments are made on merit through an open "
            "and competitive process, against a published role description and person "
            "specification.",
            "Candidates are shortlisted and interviewed by a panel of the Chair, a council leader "
            "and an independent member. We welcome applications from every part of the business "
            "community.",
            "Members serve a three-year term, renewable once. The Chair is appointed after an "
            "open recruitment process and consultation with the business community.",
            "New members receive an induction from the Chief Executive and the Section 151 "
            "Officer, and complete their register of interests and sign the Code of Conduct "
            "before their first meeting.",
        ),
        crumbs=[("/about/", "About us")],
    )
    page(
        "/about/strategy/",
        "2021-07-01",
        "Our strategy",
        paragraphs(
            "Our Local Industrial Strategy sets the long-term priorities for the Amberdale and "
            "Wolds economy.",
        )
        + "\n"
        + bullet_links(
            [
                (docs["strategy"], "Local Industrial Strategy (PDF)"),
                (docs["delivery_plan"], "Delivery Plan 2023/24 (PDF)"),
            ]
        ),
        crumbs=[("/about/", "About us")],
    )
    hub = [
        (
            "Our Board",
            [
                ("/about/board/", "Board members"),
                ("/about/board-recruitment/", "Board recruitment"),
                ("/governance/registers-of-interest/", "Registers of interest"),
            ],
        ),
        (
            "Meetings",
            [
                ("/governance/board-meetings/", "Board meetings: agendas, papers and minutes"),
                ("/governance/meeting-dates/", "Board meeting dates"),
                (
                    "/governance/confidential-and-exempt-information/",
                    "Handling confidential and exempt information",
                ),
                ("/governance/audit-and-risk-committee/", "Audit and Risk Committee"),
            ],
        ),
        (
            "Assurance",
            [
                (docs["laf"], "Local Assurance Framework (PDF)"),
                (docs["statement"], "Annual Governance and Transparency Statement 2022/23 (PDF)"),
                (docs["delegation"], "Scheme of Delegation (PDF)"),
                ("/governance/decisions-between-meetings/", "Decisions taken between meetings"),
                ("/governance/annual-performance-review/", "Annual Performance Review"),
                ("/governance/scrutiny/", "Scrutiny"),
            ],
        ),
        (
            "Policies",
            [
                (docs["code"], "Code of Conduct (PDF)"),
                (docs["coi"], "Conflicts of Interest Policy (PDF)"),
                (docs["whistleblowing"], "Whistleblowing Policy (Word)"),
                (
                    "/governance/confidential-reporting/",
                    "Confidential reporting procedure for the public",
                ),
                ("/governance/complaints/", "Complaints policy"),
                (docs["expenses"], "Expenses Policy (PDF)"),
                (docs["remuneration"], "Pay and Remuneration Policy (PDF)"),
                (docs["gifts"], "Gifts and Hospitality Policy (PDF)"),
                (docs["gifts_register"], "Gifts and Hospitality Register 2023 (PDF)"),
            ],
        ),
        (
            "Finance and performance",
            [
                (docs["accounts"], "Accounts 2022/23 (PDF)"),
                (docs["annual_report"], "Annual Report 2022/23 (PDF)"),
                (docs["delivery_plan"], "Delivery Plan 2023/24 (PDF)"),
                ("/funding/funded-projects/", "Funded projects"),
                ("/funding/open-calls/", "Open calls for projects"),
            ],
        ),
        (
            "Access to information",
            [("/governance/freedom-of-information/", "Freedom of information")],
        ),
    ]
    body = paragraphs(
        "Everything about how the LEP is run and how it spends public money, in one place."
    )
    for heading, items in hub:
        body += f"\n<h2>{escape(heading)}</h2>\n" + bullet_links(items)
    page("/governance/", "2023-10-31", "Governance and transparency", body, crumbs=[])
    table = "\n".join(meeting_rows)
    page(
        "/governance/board-meetings/",
        "2023-11-21",
        "Board meetings",
        paragraphs(
            "Board meetings are held in public at Enterprise House, Amberdale, unless stated "
            "otherwise. Agendas and papers are published at least five clear working days before "
            "each meeting; draft minutes within ten clear working days after it.",
        )
        + f"""
<h2>Board meetings in 2023</h2>
<table class="meetings">
<thead><tr><th>Date</th><th>Agenda</th><th>Papers</th><th>Minutes</th></tr></thead>
<tbody>
{table}
</tbody>
</table>
"""
        + paragraphs(
            "Archive: papers for meetings before 2023 are available on request from "
            + AMB_EMAIL
            + "."
        ),
    )
    page(
        "/governance/meeting-dates/",
        "2023-11-16",
        "Board meeting dates",
        paragraphs(
            "The Board meets quarterly. Future meetings are held at 10.00am at Enterprise House, "
            "Amberdale:",
        )
        + "\n<ul>\n<li>Tuesday 12 March 2024</li>\n<li>Tuesday 11 June 2024</li>\n"
        "<li>Tuesday 10 September 2024</li>\n<li>Tuesday 10 December 2024</li>\n</ul>\n"
        + paragraphs(
            "Members of the public may attend as observers; please tell us in advance.",
            "Public questions: anyone who lives or works in the LEP area may submit a written "
            f"question to the Board by email to {AMB_EMAIL} at least three working days before a "
            "meeting. Questions and answers are recorded in the minutes.",
            "Annual General Meeting: the company's Annual General Meeting is held each September "
            "after the Board meeting.",
        ),
    )
    page(
        "/governance/registers-of-interest/",
        "2023-04-05",
        "Registers of interest",
        paragraphs(
            "Each Board member completes a register of interests on appointment, updates it "
            "within 28 days of any change and reviews it every year. The registers below were "
            "reviewed in April 2023.",
            "The Board's committee and sub-board members (the Investment Panel and the Audit and "
            "Risk Committee) are all Board members, so these registers cover every decision-maker.",
        )
        + "\n"
        + bullet_links(register_links),
    )
    page(
        "/governance/confidential-reporting/",
        "2023-04-20",
        "Confidential reporting procedure",
        paragraphs(
            "If you are a member of the public or a partner organisation and have a concern about "
            "fraud, corruption or other wrongdoing involving the LEP, you can report it in "
            "confidence.",
            f"Email: {AMB_EMAIL} (marked 'Confidential: for the attention of the Chief Executive')",
            "Telephone: 01632 960 418 (the Chief Executive's office, in confidence)",
            "Post: Confidential, Chief Executive, Amberdale and Wolds LEP, Enterprise House, 4 "
            "Quayside, Amberdale AM1 2QX",
            "If your concern is about the Chief Executive, write to the Section 151 Officer of "
            "Amberdale County Council, County Hall, Amberdale AM1 1AA. Concerns are handled under "
            "the accountable body's Anti-Fraud and Corruption Policy.",
        )
        + "\n"
        + bullet_links(
            [(docs["whistleblowing"], "Whistleblowing policy for staff and Board members")]
        ),
    )
    page(
        "/governance/complaints/",
        "2023-04-20",
        "Complaints policy",
        paragraphs(
            "We aim to provide a high standard of service. If you are unhappy with anything we "
            "have done, please tell us.",
            f"Stage 1: write to {AMB_EMAIL} or to our office. We will acknowledge your complaint "
            "within five working days and reply in full within twenty working days.",
            "Stage 2: if you are not satisfied, ask for a review by the Chair. The Chair's "
            "decision is final for the LEP; complaints about the use of public funds may then be "
            "referred to the Section 151 Officer of Amberdale County Council.",
            "We report the number of complaints received each year in our annual report.",
        ),
    )
    page(
        "/governance/confidential-and-exempt-information/",
        "2023-04-20",
        "Handling confidential and exempt information",
        paragraphs(
            "The Board takes an item in private only when the report contains confidential or "
            "exempt information.",
            "Confidential information is information provided by a government department on terms "
            "that forbid its public disclosure, or information whose disclosure is prohibited by "
            "law or a court order.",
            "Exempt information follows the descriptions in Schedule 12A to the Local Government "
            "Act 1972: information relating to any individual; information likely to reveal the "
            "identity of an individual; information relating to the financial or business affairs "
            "of any particular person (including the LEP); information relating to consultations "
            "or negotiations on labour relations; information in respect of which legal "
            "professional privilege could be claimed; and information about action in connection "
            "with the prevention, investigation or prosecution of crime.",
            "When a paper is withheld, the published agenda still lists the item, the decision "
            "sought and the paragraph of Schedule 12A that applies.",
        ),
    )
    page(
        "/governance/freedom-of-information/",
        "2022-11-07",
        "Freedom of information",
        paragraphs(
            "Although the LEP is not a public authority under the Freedom of Information Act "
            "2000, we aim to answer requests for information in the spirit of the Act. "
            "Information we hold on behalf of Amberdale County Council can be requested from the "
            "Council.",
            f"Send requests to {AMB_EMAIL}. We reply within twenty working days.",
        ),
    )
    page(
        "/governance/scrutiny/",
        "2023-03-30",
        "Scrutiny",
        paragraphs(
            "The LEP's decisions and performance are scrutinised by the Economy and Growth "
            "Scrutiny Committee of Amberdale County Council, which meets twice a year and may "
            "call the Chair and Chief Executive to give evidence. The committee's reports are "
            "published on the Council's website.",
        )
        + "\n"
        + bullet_links([(AMB_SCRUTINY_URL, "Economy and Growth Scrutiny Committee: meetings")]),
    )
    page(
        "/governance/audit-and-risk-committee/",
        "2023-06-30",
        "Audit and Risk Committee",
        paragraphs(
            "The Audit and Risk Committee reviews the LEP's risk register every quarter, receives "
            "internal and external audit reports and advises the Board on financial controls.",
            "Members: Sarah Whitlock (Chair of the committee), Thomas Brightwell, Cllr Margaret "
            "Thorne. The Section 151 Officer attends every meeting.",
        ),
    )
    page(
        "/governance/decisions-between-meetings/",
        "2023-08-10",
        "Decisions taken between meetings",
        paragraphs(
            "Urgent decisions taken between Board meetings by the Chair and Deputy Chair with the "
            "Section 151 Officer, or by written procedure, are recorded here and reported to the "
            "next Board meeting.",
        )
        + """
<table class="decisions">
<thead><tr><th>Date</th><th>Decision</th><th>Taken by</th><th>Reported to</th></tr></thead>
<tbody>
<tr><td>2 August 2023</td><td>Approved a three-month extension to the Growth Hub delivery contract
(no additional funding), on a written report with the Section 151 Officer's comments.</td>
<td>Chair and Deputy Chair with the Section 151 Officer</td><td>Board, 12 September 2023</td></tr>
</tbody>
</table>""",
    )
    page(
        "/governance/annual-performance-review/",
        "2023-03-28",
        "Annual Performance Review",
        paragraphs(
            "Each year government reviews the LEP's governance, delivery and strategy at the "
            "Annual Performance Review. We publish the department's feedback letter.",
        )
        + "\n"
        + bullet_links(
            [(docs["apr_letter"], "Annual Performance Review 2022/23: feedback letter (PDF)")]
        ),
    )
    page(
        "/funding/business-cases/",
        "2023-03-16",
        "Business cases and independent appraisals",
        paragraphs(
            "Summaries of the business cases for projects the Board has approved, with the "
            "independent technical evaluator's appraisal.",
        )
        + "\n"
        + bullet_links(
            [
                (
                    "/documents/board/2023-03-14-item-5-amberdale-quay-regeneration-full-business-case.pdf",
                    "Amberdale Quay Regeneration phase 2: business case report (PDF)",
                ),
                (
                    docs["appraisal"],
                    "Amberdale Quay Regeneration phase 2: independent appraisal (PDF)",
                ),
            ]
        ),
        crumbs=[("/funding/", "Funding")],
    )
    page(
        "/funding/",
        "2023-10-31",
        "Funding",
        bullet_links(
            [
                ("/funding/open-calls/", "Open calls for projects"),
                ("/funding/funded-projects/", "Funded projects"),
            ]
        ),
        crumbs=[],
    )
    page(
        "/funding/open-calls/",
        "2023-09-25",
        "Open calls for projects",
        paragraphs(
            "Skills Capital call 2023/24: open to colleges, training providers and employers in "
            "the LEP area.",
            "Selection criteria: strategic fit with the Local Industrial Strategy (30%), value "
            "for money (30%), deliverability (25%) and match funding (15%). Applications are "
            "scored by the Investment Panel and recommendations go to the Board.",
            "Deadline for expressions of interest: 15 December 2023.",
        ),
        crumbs=[("/funding/", "Funding")],
    )
    page(
        "/funding/funded-projects/",
        "2023-10-31",
        "Funded projects",
        paragraphs(
            "A rolling schedule of the projects the LEP has funded, with the lead organisation, "
            "programme and amounts by year. Updated quarterly.",
            "Funded projects acknowledge their funding with the HM Government 'Funded by' logo, "
            "in line with the government branding guidance for Local Growth Fund and Getting "
            "Building Fund projects.",
        )
        + "\n"
        + bullet_links(
            [
                (docs["projects"], "Funded projects 2021 to 2024 (Excel spreadsheet)"),
                ("/funding/business-cases/", "Business cases and independent appraisals"),
            ]
        ),
        crumbs=[("/funding/", "Funding")],
    )
    page(
        "/news/",
        "2023-11-22",
        "News",
        paragraphs(
            "22 November 2023: Digital Skills Bootcamps approved for 2024.",
            "14 September 2023: Annual Report 2022/23 published.",
        ),
        crumbs=[],
    )
    page(
        "/contact/",
        "2023-01-09",
        "Contact us",
        paragraphs(
            "Amberdale and Wolds LEP, Enterprise House, 4 Quayside, Amberdale AM1 2QX",
            f"Email: {AMB_EMAIL}",
            "Documents are available in other formats on request.",
        ),
        crumbs=[],
    )
    page(
        "/privacy/",
        "2022-05-16",
        "Privacy notice",
        paragraphs(
            "We process personal data in line with UK data protection law. Board members' "
            "registers of interests are published as part of our public duties."
        ),
        crumbs=[],
    )
    page(
        "/accessibility/",
        "2022-05-16",
        "Accessibility statement",
        paragraphs(
            "We want as many people as possible to be able to use this website. If you need a "
            "document in another format, email us."
        ),
        crumbs=[],
    )


def main() -> None:
    build_amberdale(DEMO_ROOT)
    from sitebuild import find_sites, load_site, write_site  # beside this script

    for folder in find_sites():  # the sites already moved to specs in sitespecs/
        site = load_site(folder)
        write_site(site, REPO / site.spec.output)


if __name__ == "__main__":
    main()
