from __future__ import annotations

from lepcheck.extract.document import extract_document
from lepcheck.models import Section, Table
from lepcheck.site.projects import read_projects
from tests.extract.extract_samples import record
from tests.site.site_docs import make_doc


def test_project_tables_with_year_columns_and_totals() -> None:
    doc = make_doc(
        "http://lep.test/our-projects",
        title="Local Growth Fund projects",
        tables=(
            Table(
                header=(
                    "Scheme",
                    "Description",
                    "Lead organisation",
                    "Programme",
                    "2021/22",
                    "2022-23",
                    "Total (£m)",
                ),
                rows=(
                    (
                        "Anytown Station",
                        "New station",
                        "Anytown Council",
                        "LGF",
                        "1.2",
                        "0.8",
                        "2.0",
                    ),
                    ("Total", "", "", "", "1.2", "0.8", "2.0"),
                ),
                page=3,
            ),
            Table(
                rows=(
                    ("Project name", "Project lead", "FY23"),
                    ("Skills Hub", "Anytown College", "£500,000"),
                )
            ),
            Table(header=("Name", "Role"), rows=(("Jane Doe", "Chair"),)),
        ),
    )
    projects = read_projects([doc])
    assert [(p.name, p.recipient) for p in projects] == [
        ("Anytown Station", "Anytown Council"),
        ("Skills Hub", "Anytown College"),
    ]
    station, hub = projects
    assert station.description == "New station"
    assert station.programme == "LGF"
    assert station.amounts == (("2021/22", "1.2"), ("2022-23", "0.8"), ("Total (£m)", "2.0"))
    assert station.source.locator == "page 3, table row 'Anytown Station'"
    assert hub.amounts == (("FY23", "£500,000"),)


def test_tables_without_a_project_column_are_ignored() -> None:
    doc = make_doc(
        "http://lep.test/finance",
        tables=(
            Table(header=("Month", "Spend"), rows=(("April", "£1,000"),)),
            Table(
                header=("Name", "Organisation"),
                rows=(("Jane Doe", "Doe Ltd"), ("Cllr Sam Patel", "Anytown Council")),
            ),
        ),
    )
    assert read_projects([doc]) == []


def test_project_cards_on_a_funded_projects_page() -> None:
    doc = make_doc(
        "http://lep.test/our-projects",
        title="Our projects",
        kind="funded_projects",
        sections=(
            Section(
                heading="Our projects",
                level=1,
                text="We invest in the area.\nAnytown Station\nLead partner: Anytown Council",
            ),
            Section(
                heading="Anytown Station",
                level=3,
                text="A new station.\nLead partner: Anytown Council\nProgramme: Local Growth Fund\n"
                "LGF award: £2.1m",
            ),
            Section(heading="Contact us", level=2, text="Email: info@lep.test"),
        ),
    )
    [project] = read_projects([doc])
    assert (project.name, project.recipient, project.programme) == (
        "Anytown Station",
        "Anytown Council",
        "Local Growth Fund",
    )
    assert project.amounts == (("LGF award", "£2.1m"),)
    assert project.source.locator == "section 'Anytown Station'"


def test_a_row_with_only_its_first_cell_groups_the_projects_below_it() -> None:
    doc = make_doc(
        "https://lep.example/investments/",
        title="Our investments",
        kind="funded_projects",
        tables=(
            Table(
                header=("Project", "Lead body", "Grant", "Year"),
                rows=(
                    ("Coastal towns", "", "", ""),  # an HTML row spanning the whole table
                    ("Seafront Lido", "Eastby Town Council", "£400,000", "2021/22"),
                    ("Digital",),  # a spreadsheet row cut after its only cell
                    ("Rural Gigabit", "Westshire County Council", "£1.2m", "2022/23"),
                    # a project with only its lead body left blank is still a project
                    ("Harbour Wall", "", "£90,000", "2022/23"),
                ),
            ),
        ),
    )
    assert [(p.name, p.recipient) for p in read_projects([doc])] == [
        ("Seafront Lido", "Eastby Town Council"),
        ("Rural Gigabit", "Westshire County Council"),
        ("Harbour Wall", ""),
    ]


_INVESTMENT_CARDS = """<html><head><title>Our investments</title></head><body><main>
<h1>Our investments</h1>
<div class="card"><h3>Harbour Quay Regeneration</h3><dl><dt>Lead partner</dt>
<dd>Northgate City Council</dd><dt>Programme</dt><dd>Getting Building Fund</dd>
<dt>LEP investment</dt><dd>£2.1m</dd></dl><p>New quayside workspace.</p></div>
<div class="card"><h3>Digital Skills Hub</h3><dl><dt>Delivered by</dt>
<dd>Northgate College</dd><dt>Grant</dt><dd>£850,000</dd></dl></div>
</main></body></html>"""


def test_project_cards_with_definition_lists_on_an_investments_page() -> None:
    url = "https://lep.example/our-investments/"
    page = extract_document(record(url), _INVESTMENT_CARDS.encode())
    found = [(p.name, p.recipient, p.programme, p.amounts) for p in read_projects([page])]
    assert found == [
        (
            "Harbour Quay Regeneration",
            "Northgate City Council",
            "Getting Building Fund",
            (("LEP investment", "£2.1m"),),
        ),
        ("Digital Skills Hub", "Northgate College", "", (("Grant", "£850,000"),)),
    ]
