from __future__ import annotations

from datetime import date

import pytest

from lepcheck.models import Declaration, Section, Table
from lepcheck.site.meetings.declarations import read_declarations
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


def test_declaration_recorded_under_its_item_without_a_declarations_heading() -> None:
    doc = _minutes(
        "1. Welcome\n2. Growth Fund awards\nJane Doe declared a pecuniary interest in this item "
        "as a director of Doe Ltd and left the meeting.\nThe Board approved the awards."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.action) == ("Jane Doe", "left_room")
    assert declaration.source.locator == "page 1"


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


def test_a_members_interests_item_with_a_pronoun_sentence_gives_the_action() -> None:
    minutes = make_doc(
        "https://lep.example/files/minutes-2023-05-04.pdf",
        text="Minutes of the Skills Board\n1. Welcome\nThe Chair welcomed members.\n"
        "2. Members' Interests\nMr Daniel Fenwick declared an interest in item 5 as a governor "
        "of Northgate College. He remained in the meeting but abstained from the vote.\n"
        "3. Skills Bootcamps\nNoted.",
    )
    found = read_declarations(minutes, date(2023, 5, 4))
    assert [(d.member, d.action) for d in found] == [("Daniel Fenwick", "took_no_part")]


def test_a_combined_apologies_and_declarations_item_records_none_declared() -> None:
    minutes = make_doc(
        "https://lep.example/files/skills-board-minutes.pdf",
        text="Minutes of the Skills Board\n1. Welcome, apologies & declarations\n"
        "There were no substitutions or declarations.\n2. Skills Bootcamps\nNoted.",
    )
    found = read_declarations(minutes, date(2023, 1, 9))
    assert [(d.member, d.action) for d in found] == [("", "none_declared")]


def _reyes_minutes(under_item_six: str) -> list[Declaration]:
    minutes = make_doc(
        "https://lep.example/files/culture-board-minutes.pdf",
        text="Minutes of the Culture Board\n3. Declarations of interest\nCllr Tom Reyes declared "
        "an interest in item 6 as a trustee of Northgate Arts Trust.\n4. Minutes\nAgreed.\n"
        f"6. Arts Capital Fund\n{under_item_six}\nThe Board approved the awards.",
    )
    return read_declarations(minutes, date(2023, 2, 1))


def test_an_action_minuted_under_the_item_itself_completes_the_declaration() -> None:
    found = _reyes_minutes("Cllr Reyes took no part in the vote on this item.")
    assert [(d.member, d.action) for d in found] == [("Tom Reyes", "took_no_part")]
    assert "took no part" in found[0].source.quote


def test_leaving_the_meeting_for_another_reason_is_not_the_declarations_action() -> None:
    found = _reyes_minutes("Cllr Reyes left the meeting at 4pm.")
    assert [(d.member, d.action) for d in found] == [("Tom Reyes", "no_action_stated")]


def test_the_chair_declaring_is_the_person_the_attendance_list_names_as_chair() -> None:
    minutes = make_doc(
        "https://lep.example/files/board-minutes-2023-03-01.pdf",
        text="Present: Amy Roper (Chairman), Dev Malhotra (Vice-Chair), Ivy Stone\n"
        "2. Declarations of interest\nDev Malhotra declared an interest in item 5 as a "
        "shareholder of Malhotra Group.\nThe Chairman declared an interest in item 6 and left "
        "the meeting; Dev Malhotra chaired that item.\n3. Minutes\nAgreed.",
    )
    found = [(d.member, d.action) for d in read_declarations(minutes, date(2023, 3, 1))]
    assert found == [("Dev Malhotra", "no_action_stated"), ("Amy Roper", "left_room")]


def _declarations_of(body: str) -> list[tuple[str, str]]:
    minutes = make_doc(
        "https://lep.example/files/minutes.pdf",
        text=f"2. Declarations of interest\n{body}\n3. Minutes of the last meeting\nAgreed.",
    )
    return [(d.member, d.action) for d in read_declarations(minutes, date(2023, 1, 1))]


def test_interests_declared_by_several_members_in_the_passive() -> None:
    assert _declarations_of(
        "Interests were declared by Cllr Evans (item 4) and Mr Patel (item 6), who took no "
        "part in those items."
    ) == [("Evans", "took_no_part"), ("Patel", "took_no_part")]


def test_a_declaration_listed_by_the_item_it_concerns_is_not_the_next_item() -> None:
    assert _declarations_of(
        "Item 4: Cllr Evans (non-pecuniary, member of Valleys District Council)"
    ) == [("Evans", "no_action_stated")]
    # A numbered line with no one declaring anything still ends the item.
    assert _declarations_of("None.\nItem 4. Growth Hub update") == [("", "none_declared")]


# Shapes from the corpus's development part (Buckinghamshire Thames Valley, Tees Valley, Dorset,
# London, Lancashire and Leeds City Region minutes).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3 Conflicts of Interest None declared", [("", "", "none_declared")]),
        (
            "2 DECLARATIONS OF INTEREST No new declarations of interest were made at this meeting.",
            [("", "", "none_declared")],
        ),
        (
            "3 Conflicts of Interest Councillor Jane Doe declared an interest in the Growth Fund.",
            [("Jane Doe", "Growth Fund", "no_action_stated")],
        ),
    ],
)
def test_a_heading_run_into_its_record_without_a_colon(
    line: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = _minutes(f"2 Apologies\nNone.\n{line}\n4 Finance\nThe Board noted the report.")
    found = [(d.member, d.item, d.action) for d in read_declarations(doc, MEETING)]  # type: ignore[arg-type]
    assert found == expected


def test_a_numbered_minute_that_is_the_record_itself() -> None:
    doc = _minutes(
        "1.1 Apologies were received from John Roe.\n1.2 No declarations of interest were made, "
        "apart from Jane Doe who expressed an interest in Item 3.2, The Local Plan.\n2. Finance"
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.item) == ("Jane Doe", "item 3.2")


def test_the_items_standing_words_are_not_a_declaration() -> None:
    doc = _minutes(
        "Declarations of Interests\nEven if a meeting has not taken place a Member must, within "
        "28 clear working days, provide written notification to the LEAP Secretariat.\n"
        "[Note: In accordance with the GLA's Code of Ethics, officers must make a declaration.]\n"
        "There were no declarations of interest.\n3. Finance"
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"


def test_a_speaker_declares_not_the_company_she_names() -> None:
    doc = _minutes(
        "Declarations of Interest\nJoanna Robinson advised the Board that Mansfield Pollard had "
        "had a grant application approved and she wished to declare a personal interest.\n"
        "3. Finance"
    )
    found = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert [d.member for d in found] == ["Joanna Robinson"]


def test_a_committee_systems_next_item_number_ends_the_declarations_item() -> None:
    # ModernGov puts the item number alone on its line, then the title.
    doc = _minutes(
        "2.\n\nDeclaration of Interests\n\nMinutes:\n\nNone\n\n5.\n\nStrengthening LEPs\n\n"
        "Minutes:\n\nMartin Kelly, Director of Economic Development, presented a report."
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"


def test_a_declaration_within_an_item_takes_the_items_title() -> None:
    doc = _minutes(
        "1.\n\nComments from the Chair\n\nMinutes:\n\nThe Chair thanked members.\n\n2.\n\n"
        "Membership of the Board\n\nMinutes:\n\nJane Doe declared a personal interest and "
        "took no part in the decision.\n\n3.\n\nFinance"
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.item, declaration.action) == (
        "Jane Doe",
        "2. Membership of the Board",
        "took_no_part",
    )


def test_each_declarer_takes_the_item_in_brackets_after_the_name() -> None:
    doc = _minutes(
        "Declarations of Interest\nDeclarations of Interest were made by Dave Holmes (Item 14), "
        "Councillor Mark Townsend (Item 13) and Councillor Phil Riley (Item 13).\n5. Finance"
    )
    found = [(d.member, d.item) for d in read_declarations(doc, MEETING)]  # type: ignore[arg-type]
    assert found == [
        ("Dave Holmes", "item 14"),
        ("Mark Townsend", "item 13"),
        ("Phil Riley", "item 13"),
    ]


def test_an_item_title_before_the_declaration_and_an_aside_name_nobody_declaring() -> None:
    doc = _minutes(
        "Declarations of Interest\nItem 5 – Financial Approval 2.13 Wokingham Park & Ride: "
        "Charles Eales declared that he worked for Microsoft.\nCouncillor Sleight (deputising for "
        "Councillor Lee) declared that he represented the council promoting schemes related to "
        "Thames Valley Park & Ride.\n6. Finance"
    )
    found = [(d.member, d.item) for d in read_declarations(doc, MEETING)]  # type: ignore[arg-type]
    assert found == [("Charles Eales", "item 5"), ("Sleight", "Thames Valley Park & Ride")]


def test_the_action_in_a_later_sentence_naming_the_declarer() -> None:
    doc = _minutes(
        "Declarations of Interest\nJulie Whittaker declared an interest in Item 6 as her employer "
        "is the scheme promoter. It was agreed that Julie would answer questions but would leave "
        "the room while the item was considered.\n7. Finance"
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert (declaration.member, declaration.action) == ("Julie Whittaker", "left_room")


def test_the_minute_below_the_agendas_standing_words_is_the_record() -> None:
    doc = _minutes(
        "Declarations of Interest\nThe Chair to invite Board members to declare any interests.\n"
        "2.1 There were no declarations of interests.\nMinutes of the meetings held on 2 October"
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"


def test_a_numbered_minute_read_as_a_section_heading_is_its_own_record() -> None:
    # The extract stage made "2.1 There were no declarations of interests." a heading; the
    # section under it is the next item, whose "London Councils ... stated" declares nothing.
    text = (
        "Declarations of Interest\nThe Chair to invite Board members to declare any interests.\n"
        "2.1 There were no declarations of interests.\n"
        "3.1 The Chair of London Councils stated that they had not supported the bid."
    )
    doc = _minutes(
        text,
        sections=(
            Section(heading="Declarations of Interest", text=text.splitlines()[1]),
            Section(
                heading="2.1 There were no declarations of interests.",
                text=text.splitlines()[3],
            ),
        ),
    )
    [declaration] = read_declarations(doc, MEETING)  # type: ignore[arg-type]
    assert declaration.action == "none_declared"
