from __future__ import annotations

from datetime import date

from lepcheck.models import REGISTER_CATEGORIES, Link, Section, Table
from lepcheck.site.board.reader import read_board_document
from lepcheck.site.registers.reader import (
    board_member_in_file_name,
    is_register_document,
    read_register_document,
    read_registers,
)
from tests.site.site_docs import make_doc, member

BOARD = [member("Jane Doe"), member("John Smith"), member("Sam Patel")]

FULL_FORM = """Register of Members' Interests
Name: Mrs Jane Doe
1. Paid employment, office, trade, profession or vocation
Managing Director, Doe Holdings Ltd
2. Remunerated directorships
Doe Holdings Ltd
3. Securities
None
4. Land and property
None
5. Related party transactions / contracts with the LEP
None
6. Membership of other bodies
Trustee, Anytown Hospice
7. Gifts and hospitality received over £50
None
8. Sponsorship
None
Interests of members of your household
Spouse: employed by Anytown Council
Signed: Jane Doe
Date: 3 May 2023"""


def test_per_member_pdf_covers_all_eight_categories_and_is_signed() -> None:
    doc = make_doc("http://lep.test/registers-of-interest/ROI-J-Doe.pdf", text=FULL_FORM)
    [entry] = read_registers([doc], BOARD)
    assert entry.member_name == "Jane Doe"
    assert entry.matched_member == "Jane Doe"
    assert entry.categories == REGISTER_CATEGORIES
    assert entry.household
    assert entry.signed
    assert entry.signed_date == date(2023, 5, 3)
    assert entry.dated == date(2023, 5, 3)
    assert entry.source.url == doc.url
    assert "Jane Doe" in entry.source.quote


def test_blank_form_is_not_signed_and_misses_categories() -> None:
    doc = make_doc(
        "http://lep.test/documents/john-smith-declaration-of-interests.pdf",
        text="Declaration of interests\nDirectorships: Smith Ltd\nShareholdings: none\n"
        "Signed: ____________\nDate: ________",
    )
    [entry] = read_registers([doc], BOARD)
    assert entry.member_name == "John Smith"  # from the file name
    assert entry.categories == ("directorships", "shareholdings")
    assert not entry.signed
    assert entry.dated is None
    assert not entry.household


def test_combined_spreadsheet_gives_one_entry_per_row() -> None:
    doc = make_doc(
        "http://lep.test/files/register.xlsx",
        format="xlsx",
        title="Board Register of Interests",
        tables=(
            Table(
                header=(
                    "Board Member",
                    "Employment",
                    "Directorships",
                    "Shareholdings",
                    "Land",
                    "Gifts and hospitality",
                    "Date updated",
                    "Signed",
                ),
                rows=(
                    ("Jane Doe", "MD", "Doe Ltd", "None", "None", "None", "01/02/2023", "Yes"),
                    ("Cllr S Patel", "Councillor", "None", "None", "None", "None", "", "No"),
                ),
            ),
        ),
    )
    entries = {e.member_name: e for e in read_registers([doc], BOARD)}
    assert set(entries) == {"Jane Doe", "S Patel"}
    jane, sam = entries["Jane Doe"], entries["S Patel"]
    expected = (
        "employment",
        "directorships",
        "shareholdings",
        "land_property",
        "gifts_hospitality",
    )
    assert jane.categories == expected
    assert sam.categories == expected  # the form asked, even where the answer is "None"
    assert jane.signed and not sam.signed
    assert jane.dated == date(2023, 2, 1) and sam.dated is None
    assert sam.matched_member == "Sam Patel"
    assert jane.source.locator == "table row 'Jane Doe'"


def test_combined_pdf_table_read_as_text_is_split_by_member() -> None:
    doc = make_doc(
        "http://lep.test/register-of-interests-2023.pdf",
        title="Board Register of Interests",
        text="Name  Employment  Directorships  Land and property  Gifts\n"
        "Jane Doe  MD Doe Ltd  Doe Ltd  None  None\n"
        "John Smith  Retired  None  House in Anytown  None\n"
        "Sam Patel  Councillor  None  None  None\n"
        "Register last updated 1 March 2023. Signed copies are held on file.",
    )
    entries = read_registers([doc], BOARD)
    assert [e.matched_member for e in entries] == ["Jane Doe", "John Smith", "Sam Patel"]
    for entry in entries:
        assert entry.categories == (
            "employment",
            "directorships",
            "land_property",
            "gifts_hospitality",
        )
        assert entry.dated == date(2023, 3, 1)
        assert entry.signed


def test_register_page_with_a_section_per_member() -> None:
    doc = make_doc(
        "http://lep.test/about/register-of-interests",
        title="Register of interests",
        sections=(
            Section(heading="Jane Doe", level=2, text="Directorships: Doe Ltd\nGifts: none"),
            Section(heading="John Smith", level=2, text="Employment: retired\nLand: none"),
        ),
    )
    entries = {e.member_name: e for e in read_registers([doc], BOARD)}
    assert entries["Jane Doe"].categories == ("directorships", "gifts_hospitality")
    assert entries["John Smith"].categories == ("employment", "land_property")
    assert entries["John Smith"].source.locator == "section 'John Smith'"


def test_image_only_register_still_gives_an_entry_without_categories() -> None:
    doc = make_doc(
        "http://lep.test/registers-of-interest/scan0042.pdf",
        readable=False,
        unreadable_reason="image-only PDF",
        link_texts=("Sam Patel",),
        kind="register_of_interests",
    )
    [entry] = read_registers([doc], BOARD)
    assert entry.member_name == "Sam Patel"
    assert entry.matched_member == "Sam Patel"
    assert entry.categories == ()
    assert not entry.signed
    assert "unreadable" in entry.source.locator


def test_listing_links_to_unfetched_registers_are_entries() -> None:
    from lepcheck.models import Link

    page = make_doc(
        "http://lep.test/registers",
        title="Registers of Interest",
        links=(
            Link(url="http://lep.test/files/roi-john-smith.pdf", text="John Smith"),
            Link(url="http://lep.test/files/privacy.pdf", text="Privacy notice"),
        ),
    )
    [entry] = read_registers([page], BOARD)
    assert entry.matched_member == "John Smith"
    assert entry.source.url == "http://lep.test/files/roi-john-smith.pdf"
    assert entry.categories == ()


def test_policies_and_minutes_are_not_registers() -> None:
    policy = make_doc(
        "http://lep.test/files/declarations-of-interest-policy.pdf",
        title="Declarations of Interest Policy",
        kind="coi_policy",
    )
    minutes = make_doc("http://lep.test/files/board-minutes.pdf", kind="minutes")
    assert not is_register_document(policy)
    assert not is_register_document(minutes)


def test_interests_shown_in_board_cards_and_profile_pages() -> None:
    board_page = make_doc(
        "http://lep.test/our-board",
        title="Our Board",
        kind="board_page",
        sections=(
            Section(heading="Jane Doe", level=3, text="Chair"),
            Section(
                heading="Register of interests",
                level=4,
                text="Directorships: Doe Ltd\nGifts and hospitality: none\nSigned: Jane Doe",
            ),
            Section(heading="John Smith", level=3, text="Member"),
        ),
    )
    profile = make_doc(
        "http://lep.test/board/sam-patel",
        title="Sam Patel | Anytown LEP",
        sections=(
            Section(heading="Biography", level=2, text="Sam leads the council."),
            Section(heading="Declarations of interest", level=2, text="Employment: Councillor"),
        ),
    )
    entries = {e.matched_member: e for e in read_registers([board_page, profile], BOARD)}
    assert set(entries) == {"Jane Doe", "Sam Patel"}
    assert entries["Jane Doe"].categories == ("directorships", "gifts_hospitality")
    assert entries["Jane Doe"].signed
    assert entries["Jane Doe"].source.locator == "section 'Register of interests'"
    assert entries["Sam Patel"].categories == ("employment",)


def test_pdf_table_whose_rebuilt_header_lost_categories() -> None:
    # A PDF table header wrapped over lines comes back cut ("office, trade", "of"); the header
    # printed in the text still says what the form asks.
    doc = make_doc(
        "http://lep.test/documents/board-register-2022.pdf",
        title="Register of Interests of Board Members 2022",
        text="Name Employment, office, trade or profession Directorships Land and property "
        "Gifts and hospitality Household Date signed\nJane Doe MD None None None 01/04/2022\n"
        "John Smith Retired None None  \n",
        tables=(
            Table(
                header=("Name", "office, trade", "Directorships", "of", "Household", "Date signed"),
                rows=(
                    ("Jane Doe", "MD", "None", "None None", "Husband: GP", "01/04/2022"),
                    ("John Smith", "Retired", "None", "None", "", ""),
                ),
            ),
        ),
    )
    entries = {e.member_name: e for e in read_registers([doc], BOARD)}
    assert entries["Jane Doe"].categories == (
        "employment",
        "directorships",
        "land_property",
        "gifts_hospitality",
    )
    assert entries["Jane Doe"].household and not entries["John Smith"].household
    assert entries["Jane Doe"].signed and entries["Jane Doe"].dated == date(2022, 4, 1)
    assert not entries["John Smith"].signed and entries["John Smith"].dated is None


def test_one_file_with_a_form_per_member() -> None:
    jane = FULL_FORM
    john = FULL_FORM.replace("Mrs Jane Doe", "John Smith").replace("Signed: Jane Doe", "Signed:")
    doc = make_doc(
        "http://lep.test/files/board-registers-2023.pdf",
        title="Board registers of interests 2023",
        text=(jane, john),
    )
    entries = {e.matched_member: e for e in read_registers([doc], BOARD)}
    assert set(entries) == {"Jane Doe", "John Smith"}
    assert entries["Jane Doe"].signed and not entries["John Smith"].signed
    assert entries["John Smith"].categories == REGISTER_CATEGORIES
    assert entries["John Smith"].source.locator == "page 2"


def test_a_named_file_in_a_registers_folder_is_a_register_whatever_its_kind() -> None:
    misread = make_doc(
        "http://lep.test/registers-of-interest/2023/roi.pdf",
        kind="minutes",
        title="Jane Doe",
        text="Directorships: Doe Ltd\nSigned: Jane Doe\nDate: 1 May 2023",
    )
    assert is_register_document(misread)
    [entry] = read_registers([misread], BOARD)
    assert entry.matched_member == "Jane Doe"
    assert not is_register_document(misread.model_copy(update={"title": "Board minutes"}))


def test_board_member_run_together_in_a_file_name() -> None:
    scan = make_doc(
        "http://lep.test/registers-of-interest/roi_jsmith_2023.pdf",
        readable=False,
        unreadable_reason="image-only PDF",
    )
    [entry] = read_registers([scan], BOARD)
    assert entry.matched_member == "John Smith"
    assert board_member_in_file_name("http://x/ROI-PatelS.pdf", ["Sam Patel", "Jane Doe"]) == (
        "Sam Patel"
    )
    assert board_member_in_file_name("http://x/roi-smith.pdf", ["Jo Smith", "Al Smith"]) is None


def test_combined_pdf_whose_first_heading_is_a_members_name() -> None:
    doc = make_doc(
        "http://lep.test/files/board-registers-2023.pdf",
        title="Board registers of interests 2023",
        headings=("Jane Doe",),
        text="Jane Doe\nDirectorships: Doe Ltd\nGifts: none\n"
        "John Smith\nEmployment: retired\nLand: none\n"
        "Sam Patel\nEmployment: councillor\nSponsorship: none",
    )
    entries = {e.matched_member: e.categories for e in read_registers([doc], BOARD)}
    assert entries == {
        "Jane Doe": ("directorships", "gifts_hospitality"),
        "John Smith": ("employment", "land_property"),
        "Sam Patel": ("employment", "sponsorships"),
    }


def test_register_dated_only_on_its_cover() -> None:
    from lepcheck.models import DatedValue

    doc = make_doc(
        "http://lep.test/registers-of-interest/jane-doe.pdf",
        text="Register of Interests – 3 April 2023\nName: Jane Doe\nDirectorships: Doe Ltd",
        printed_dates=(
            DatedValue(value=date(2023, 4, 3), provenance="printed", quote="3 April 2023"),
        ),
    )
    [entry] = read_registers([doc], BOARD)
    assert entry.dated == date(2023, 4, 3)
    assert not entry.signed


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


_COMBINED = """Board register of interests 2023
A. Khan (Deputy Chair)
Employment: Partner, Khan & Co Solicitors
Directorships: None
Land and property: Home in Northgate
Signed: A. Khan
Date: 02.03.23
Mark Lewis Hall (Board Member)
Employment: Director, Lewis Hall Ltd
Gifts and hospitality: None
Sponsorship: None
Signed: Mark Lewis Hall
Date: 09.03.23
P. Grant (Board Member)
Employment: Retired
Signed:
Date:
"""


def test_a_combined_register_splits_at_initialled_and_unhyphenated_member_names() -> None:
    doc = make_doc("https://lep.example/files/register-2023.pdf", text=_COMBINED)
    board = ["Aisha Khan", "Mark Lewis-Hall", "Peter Grant"]
    entries = {e.matched_member: e for e in read_register_document(doc, board)}
    assert set(entries) == set(board)
    khan, hall, grant = (entries[n] for n in board)
    assert set(khan.categories) == {"employment", "directorships", "land_property"}
    assert (khan.signed, khan.dated) == (True, date(2023, 3, 2))
    assert set(hall.categories) == {"employment", "gifts_hospitality", "sponsorships"}
    assert hall.dated == date(2023, 3, 9)
    assert (grant.signed, grant.dated) == (False, None)


def test_an_index_of_links_to_each_members_register_page_is_not_itself_a_register() -> None:
    index = make_doc(
        "https://lep.example/governance/interests/",
        title="Declarations of interest - Northgate Valley LEP",
        text="Declarations of interest\nAisha Khan\nPeter Okoro\nNorthgate Valley LEP",
        links=(
            Link(url="https://lep.example/governance/interests/aisha-khan/", text="Aisha Khan"),
            Link(url="https://lep.example/governance/interests/peter-okoro/", text="Peter Okoro"),
        ),
    )
    assert read_register_document(index, ["Aisha Khan", "Peter Okoro"]) == []


def test_a_combined_register_page_whose_names_link_to_profiles_is_still_read() -> None:
    page = make_doc(
        "https://lep.example/governance/register-of-interests/",
        title="Register of interests",
        text="Aisha Khan\nEmployment: Solicitor\nDirectorships: None\nLand and property: None\n"
        "Peter Grant\nEmployment: Retired\nDirectorships: None\nLand and property: None\n",
        sections=(
            Section(
                heading="Aisha Khan",
                level=2,
                text="Employment: Solicitor\nDirectorships: None\nLand and property: None",
            ),
            Section(
                heading="Peter Grant",
                level=2,
                text="Employment: Retired\nDirectorships: None\nLand and property: None",
            ),
        ),
        links=(
            Link(url="https://lep.example/board/aisha-khan/", text="Aisha Khan"),
            Link(url="https://lep.example/board/peter-grant/", text="Peter Grant"),
        ),
    )
    entries = read_register_document(page, ["Aisha Khan", "Peter Grant"])
    assert {e.matched_member for e in entries} == {"Aisha Khan", "Peter Grant"}


def test_a_listing_titled_with_the_leps_name_is_not_a_members_profile() -> None:
    page = make_doc(
        "https://lep.example/about/our-board/",
        title="Our Board - Wessex Downs",
        kind="board_page",
        sections=(
            Section(heading="Amy Roper", level=3, text="Chair\nRoper Foods Ltd"),
            Section(heading="Dev Malhotra", level=3, text="Board member\nMalhotra Group"),
            Section(
                heading="Registers of interests",
                level=2,
                text="Members' registers of interests (employment, directorships, gifts and "
                "hospitality) are on their own pages.",
            ),
        ),
    )
    entries = read_registers([page], read_board_document(page))
    assert [e.member_name for e in entries] == []


def test_a_combined_register_splits_at_names_filed_surname_first() -> None:
    text = (
        "Register of members' interests\nKhan, Aisha\nEmployment: Solicitor\nLand: None\n"
        "Signed: A Khan\nLewis-Hall, M.\nEmployment: Director, Lewis Hall Ltd\nGifts: None\n"
        "Signed: M Lewis-Hall\nGrant, Peter\nEmployment: Retired\nSponsorship: None\n"
    )
    doc = make_doc("https://lep.example/files/interests.pdf", text=text)
    board = ["Aisha Khan", "Mark Lewis-Hall", "Peter Grant"]
    entries = {e.matched_member: set(e.categories) for e in read_register_document(doc, board)}
    assert entries == {
        "Aisha Khan": {"employment", "land_property"},
        "Mark Lewis-Hall": {"employment", "gifts_hospitality"},
        "Peter Grant": {"employment", "sponsorships"},
    }


def test_a_nil_return_that_covers_the_members_partner_covers_the_household() -> None:
    doc = make_doc(
        "https://lep.example/roi/peter-okoro.pdf",
        title="Declaration of interests - Peter Okoro",
        text="Declaration of interests\nI, Peter Okoro, have no employment, directorships, "
        "shareholdings, land, contracts, memberships, gifts or sponsorship to register, and "
        "neither has my partner.\nSigned: P Okoro  Date: 1 May 2023",
    )
    (entry,) = read_register_document(doc, ["Peter Okoro"])
    assert entry.household is True
    assert len(entry.categories) == 8
