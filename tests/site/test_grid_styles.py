"""Reading rules found by auditing tests/sites/grid (a Squarespace-like LEP site) in a style the
readers were not written against; each test here is a second, different example."""

from __future__ import annotations

from datetime import date

from lepcheck.models import Link, Table
from lepcheck.site.board.reader import is_board_document
from lepcheck.site.meetings.declarations import read_declarations
from lepcheck.site.meetings.reader import placements
from lepcheck.site.projects import read_projects
from lepcheck.site.registers.reader import read_registers
from tests.site.site_docs import make_doc, member


def test_a_bulleted_declaration_that_names_no_interest_in_words_is_still_a_declaration() -> None:
    # Under the declarations item, "<Name> – <item>: <what>; <action>": the entry says
    # "declared" nowhere, but nothing else would be listed there.
    minutes = make_doc(
        "https://lep.example/board/minutes-14-feb-2024",
        text="Minutes of the Investment Committee\n3. Conflicts of Interest\n"
        "• Mr Karl Jensen (Agenda item 4): his brother owns the site; took no part.\n"
        "• Dr Lucy Amos – item 7 – did not vote\n"
        "• Fiona Clarke - Jensen Marine contract; left the meeting.\n"
        "4. Site acquisition\nApproved.",
    )
    found = read_declarations(minutes, date(2024, 2, 14))
    assert [(d.member, d.action) for d in found] == [
        ("Karl Jensen", "took_no_part"),
        ("Lucy Amos", "took_no_part"),
        ("Fiona Clarke", "left_room"),
    ]


def test_a_name_then_a_dash_without_an_item_or_action_is_not_a_declaration() -> None:
    minutes = make_doc(
        "https://lep.example/board/minutes-3-may-2024",
        text="Minutes of the Board\n2. Declarations of interest\n"
        "Chair – Ms Rachel Hume welcomed everyone.\nNone were declared.\n3. Finance\nNoted.",
    )
    found = read_declarations(minutes, date(2024, 5, 3))
    assert [(d.member, d.action) for d in found] == [("", "none_declared")]


def test_a_log_of_declarations_made_at_meetings_is_not_a_register() -> None:
    log = make_doc(
        "https://lep.example/files/conflicts-log.csv",
        format="csv",
        title="Conflicts of interest register 2023",
        tables=(
            Table(
                header=("Meeting", "Name", "Agenda item", "Interest", "Action"),
                rows=(
                    ("Board 12/01/2023", "Karl Jensen", "4", "Brother owns site", "Withdrew"),
                    ("Board 12/01/2023", "Lucy Amos", "7", "Employer", "Did not vote"),
                ),
            ),
        ),
    )
    register = make_doc(
        "https://lep.example/files/register.csv",
        format="csv",
        title="Register of interests",
        tables=(
            Table(
                header=("Name", "Employment", "Directorships", "Date of last update"),
                rows=(("Karl Jensen", "Jensen Marine", "None", "01/02/2023"),),
            ),
        ),
    )
    board = [member("Karl Jensen"), member("Lucy Amos")]
    entries = read_registers([log, register], board)
    assert [(e.member_name, e.source.url) for e in entries] == [
        ("Karl Jensen", "https://lep.example/files/register.csv")
    ]


def test_a_column_header_naming_a_link_does_not_place_the_first_rows_link() -> None:
    # The header "Papers" sits after the last listed meeting and before the table's first row:
    # the first row's "Papers" link belongs to that row's date, not to the meeting above.
    page = make_doc(
        "https://lep.example/skills-board",
        title="Skills Board",
        text="Skills Board meetings\nBoard meeting 4 April 2023: Papers\nSkills Board\n"
        "Meeting | Papers\nSkills Board 12/09/2023 | Papers\nSkills Board 05/12/2023 | Papers",
        links=(
            Link(url="https://lep.example/f/board-papers-0423.pdf", text="Papers"),
            Link(url="https://lep.example/f/skills-papers-a.pdf", text="Papers"),
            Link(url="https://lep.example/f/skills-papers-b.pdf", text="Papers"),
        ),
        tables=(
            Table(
                header=("Meeting", "Papers"),
                rows=(
                    ("Skills Board 12/09/2023", "Papers"),
                    ("Skills Board 05/12/2023", "Papers"),
                ),
            ),
        ),
    )
    placed = placements(page, frozenset())
    assert placed["https://lep.example/f/skills-papers-a.pdf"][0] == date(2023, 9, 12)
    assert placed["https://lep.example/f/skills-papers-b.pdf"][0] == date(2023, 12, 5)


def test_a_panels_membership_page_is_not_the_board_page() -> None:
    panel = make_doc(
        "https://lep.example/skills-advisory-panel/",
        title="Skills Advisory Panel",
        link_texts=("Panel membership",),
        text="Skills Advisory Panel\nMember | Role\nKaren Lowe – Lowe Training Ltd | Chair",
    )
    sub_board = make_doc(
        "https://lep.example/about/business-growth-sub-board/",
        title="Business Growth Sub-Board",
        link_texts=("Membership",),
    )
    board = make_doc(
        "https://lep.example/about/our-board/",
        title="Our Board",
        link_texts=("Board membership",),
    )
    assert not is_board_document(panel)
    assert not is_board_document(sub_board)
    assert is_board_document(board)


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


def test_a_list_entry_naming_several_members_gives_a_declaration_each() -> None:
    minutes = make_doc(
        "https://lep.example/board/minutes-6-june-2024",
        text="Minutes of the Board\n2. Declarations of interest\n"
        "- Dr Amira Said, Mr Tom Hale & Ms Joy Pike: item 9 (all governors of the college); "
        "withdrew.\n3. Skills capital\nApproved.",
    )
    found = read_declarations(minutes, date(2024, 6, 6))
    assert [(d.member, d.action, d.item) for d in found] == [
        ("Amira Said", "left_room", "item 9"),
        ("Tom Hale", "left_room", "item 9"),
        ("Joy Pike", "left_room", "item 9"),
    ]
