from __future__ import annotations

from datetime import date

import pytest

from lepcheck.models import Section, Table
from lepcheck.site.meetings.declarations import read_declarations
from lepcheck.site.meetings.people import read_people
from tests.site.site_docs import make_doc

MEETING = date(2023, 3, 14)


def _minutes(text: str = "", **fields: object) -> object:
    return make_doc("http://lep.test/files/board-minutes-14-03-2023.pdf", text=text, **fields)


@pytest.mark.parametrize(
    "heading",
    [
        "Declarations of Interest",
        "2. Declarations of Interest",
        "Item 2: Declarations of interest",
        "Apologies and Declarations of Interest",
        "Declarations, Disclosures and Conflicts of Interest",
        "Conflicts of Interest",
        "Declarations of interest and conflicts",
        "DECLARATIONS OF INTEREST",
        "2) Disclosures of Interest",
    ],
)
def test_each_heading_variant_in_page_text(heading: str) -> None:
    doc = _minutes(
        f"1. Welcome\nThe Chair welcomed members.\n{heading}\n"
        "Jane Doe declared an interest in item 5 as a director of Doe Ltd and left the room.\n"
        "3. Minutes of the previous meeting\nJohn Smith noted his interest in the minutes."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.member == "Jane Doe"
    assert declaration.action == "left_room"
    assert declaration.item == "item 5"
    assert declaration.nature == "a director of Doe Ltd"
    assert declaration.meeting_date == MEETING
    assert "Jane Doe declared" in declaration.source.quote


def test_heading_as_a_section() -> None:
    doc = _minutes(
        sections=(
            Section(heading="Welcome", level=2, text="The Chair opened the meeting."),
            Section(
                heading="3. Declarations of Interest",
                level=2,
                text="Cllr Sam Patel declared an interest in item 6 (Growth Fund) as a member of "
                "Anytown Council. He took no part in the vote.",
                page=2,
            ),
        )
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.member == "Sam Patel"
    assert declaration.action == "took_no_part"  # from the sentence after the declaration
    assert declaration.source.locator == "page 2, section '3. Declarations of Interest'"
    assert "took no part" in declaration.source.quote


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        ("Jane Doe declared an interest in item 4 and withdrew from the meeting.", "left_room"),
        ("Jane Doe declared an interest in item 4 and did not remain for it.", "left_room"),
        ("Jane Doe declared an interest in item 4 and did not vote.", "took_no_part"),
        ("Jane Doe declared an interest in item 4 and abstained.", "took_no_part"),
        ("Jane Doe declared an interest in item 4 and did not participate.", "took_no_part"),
        (
            "Jane Doe declared an interest in item 4 as a trustee of the college.",
            "no_action_stated",
        ),
        ("J. Doe declared an interest in item 4 and left the meeting.", "left_room"),
        ("José Álvarez declared an interest in item 4 and abstained.", "took_no_part"),
    ],
)
def test_actions(sentence: str, action: str) -> None:
    doc = _minutes(f"2. Declarations of Interest\n{sentence}\n3. Finance")
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == action


@pytest.mark.parametrize(
    "body",
    [
        "There were no declarations of interest.",
        "None.",
        "No declarations were made.",
        "No new declarations of interest were made.",
        "Nil",
        "None declared.",
        "Apologies were received from Ann Lee. There were none.",
        "Apologies were received from Ann Lee.\nNone",
        "N/A",
    ],
)
def test_none_written_many_ways(body: str) -> None:
    doc = _minutes(f"2. Apologies and Declarations of Interest\n{body}\n3. Minutes of last meeting")
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"
    assert declaration.member == ""


def test_none_on_the_heading_line() -> None:
    doc = _minutes("4. Declarations of interest: None\n5. Finance report")
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"


def test_empty_heading_is_nothing_recorded() -> None:
    doc = _minutes("2. Declarations of Interest\n3. Finance report\nThe Board noted the report.")
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "nothing_recorded"
    assert "Declarations of Interest" in declaration.source.quote


def test_no_heading_at_all_is_nothing_recorded() -> None:
    doc = _minutes("1. Welcome\n2. Finance report\nThe Board noted the report.")
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "nothing_recorded"
    assert declaration.source.locator == "document"


def test_a_sentence_mentioning_interests_is_not_a_heading() -> None:
    doc = _minutes(
        "5. Growth Fund\nMembers asked that declarations of interest be recorded carefully in "
        "future, given the value of the grants."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "nothing_recorded"


def test_tabulated_declarations() -> None:
    doc = _minutes(
        tables=(
            Table(
                header=("Member", "Item", "Interest", "Action taken"),
                rows=(("Cllr Sam Patel", "6", "Council leader", "Left the room"),),
            ),
        )
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.item, declaration.nature, declaration.action) == (
        "Sam Patel",
        "6",
        "Council leader",
        "left_room",
    )


def test_read_people_lists_names_once() -> None:
    doc = _minutes(
        "Present: Jane Doe (Chair), Cllr Sam Patel, Dr Ann Lee OBE\n"
        "In attendance: Fred Bloggs\nJane Doe welcomed the Board."
    )
    assert read_people(doc) == ["Jane Doe", "Sam Patel", "Ann Lee", "Fred Bloggs"]  # type: ignore[arg-type]


def test_declaration_recorded_under_its_item_without_a_declarations_heading() -> None:
    doc = _minutes(
        "1. Welcome\n2. Growth Fund awards\nJane Doe declared a pecuniary interest in this item "
        "as a director of Doe Ltd and left the meeting.\nThe Board approved the awards."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.action) == ("Jane Doe", "left_room")
    assert declaration.source.locator == "page 1"


def test_read_people_leaves_out_organisations_and_places() -> None:
    doc = _minutes(
        "Present\nJane Doe (Chair), Cllr Sam Patel\n"
        "Apologies were received from Ann Lee and Raj Kumar.\n"
        "Brackenford Link Road: the Board noted progress. Pennington Foods had applied.\n"
        "Fred Bloggs presented the report."
    )
    assert read_people(doc) == ["Jane Doe", "Sam Patel", "Ann Lee", "Raj Kumar", "Fred Bloggs"]  # type: ignore[arg-type]


def test_two_members_declaring_in_one_sentence() -> None:
    doc = _minutes(
        "2. Declarations of Interest\nCllr Sam Patel and Cllr Mary Po declared interests in item 4 "
        "as members of Anytown Council and took no part in the decision.\n3. Finance"
    )
    found = [(d.member, d.item, d.action) for d in read_declarations(doc, MEETING)]  # type: ignore[arg-type]
    assert found == [
        ("Sam Patel", "item 4", "took_no_part"),
        ("Mary Po", "item 4", "took_no_part"),
    ]


def test_agenda_repeated_at_the_top_of_the_minutes() -> None:
    doc = _minutes(
        "Agenda\n1. Apologies\n2. Declarations of Interest\n3. Growth Fund\n"
        "Minutes\n1. Apologies\nNone.\n2. Declarations of Interest\n"
        "Jane Doe declared an interest in item 3 and left the room.\n3. Growth Fund\nAgreed."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.action) == ("Jane Doe", "left_room")


def test_unnumbered_minutes_end_the_item_at_the_next_title() -> None:
    doc = _minutes(
        "Declarations of Interest\nNone.\nGrowth Fund Update\n"
        "John Smith noted the interest rates and asked about the member of staff."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"
