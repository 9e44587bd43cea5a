from __future__ import annotations

from lepcheck.models import Section, Table
from lepcheck.site.projects import read_projects
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
