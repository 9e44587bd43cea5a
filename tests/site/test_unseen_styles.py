"""Reading rules found by auditing fixture sites in styles the readers were not written against
(tests/sites/drupal and tests/sites/plain); each test here is a second, different example."""

from __future__ import annotations

from datetime import date

from lepcheck.extract.document import extract_document
from lepcheck.models import BoardMember, Declaration, Link, Section, SourceRef, Table
from lepcheck.site.board.entries import pair_stacked_labels
from lepcheck.site.board.member_lines import MemberFacts
from lepcheck.site.board.reader import read_board_document
from lepcheck.site.build import _as_board_names
from lepcheck.site.meetings.declarations import read_declarations
from lepcheck.site.meetings.labels import minutes_status
from lepcheck.site.meetings.reader import read_meetings
from lepcheck.site.names import looks_like_person_name, name_match
from lepcheck.site.projects import read_projects
from lepcheck.site.registers.blocks import heading_name
from lepcheck.site.registers.content import signed_in
from lepcheck.site.registers.reader import read_register_document, read_registers
from tests.extract.extract_samples import record
from tests.site.site_docs import make_doc


def test_stacked_field_labels_pair_with_the_line_under_them() -> None:
    lines = ["Position", "Co-opted Member", "Representing", "Riverside Youth Project", "Bio text"]
    assert pair_stacked_labels(lines) == [
        "Position: Co-opted Member",
        "Representing: Riverside Youth Project",
        "Bio text",
    ]
    # Two labels in a row: the first has no value of its own.
    assert pair_stacked_labels(["Sector", "Company", "Acme Ltd"]) == ["Sector", "Company: Acme Ltd"]


def test_a_profile_box_of_label_and_value_lines_gives_role_organisation_and_sector() -> None:
    doc = make_doc(
        "https://lep.example/who-we-are/board",
        title="Board members",
        kind="board_page",
        sections=(
            Section(
                heading="Dr Ama Boateng",
                level=3,
                text="Position\nCo-opted Member\nRepresenting\nRiverside Youth Project\n"
                "Sector\nIndustry",
            ),
            Section(
                heading="Keith Varley",
                level=3,
                text="Position\nVice-Chair\nRepresenting\nVarley Farms\nSector\nBusiness",
            ),
        ),
    )
    found = {m.name: (m.role, m.organisation, m.sector) for m in read_board_document(doc)}
    assert found == {
        "Ama Boateng": ("co_opted", "Riverside Youth Project", "private"),
        "Keith Varley": ("deputy_chair", "Varley Farms", "private"),
    }


def test_a_sector_label_of_business_is_the_private_sector_only_under_a_sector_label() -> None:
    facts = MemberFacts()
    facts.read_label("Sector", "Commercial")
    assert facts.sector == "private"
    other = MemberFacts()
    other.read_line("Business")  # a bare word is not a sector statement
    assert other.sector is None


def test_a_register_section_heading_may_carry_the_members_role() -> None:
    assert heading_name("A. Khan (Deputy Chair)") == "A. Khan"
    assert heading_name("Mark Lewis-Hall – Board Member") == "Mark Lewis-Hall"
    assert heading_name("Peter Okoro: Co-opted") == "Peter Okoro"
    assert heading_name("Register of Interests (2023)") is None
    assert heading_name("Gifts and hospitality – none") is None


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


def test_a_signature_line_that_says_the_signature_is_missing_is_not_a_signature() -> None:
    assert signed_in("Signature: awaited from member")[0] is False
    assert signed_in("Signed form outstanding")[0] is False
    assert signed_in("Signed: to follow")[0] is False
    assert signed_in("Signed: Priya Nair")[0] is True


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


def _declared(member: str) -> Declaration:
    return Declaration(
        meeting_url="https://lep.example/m.pdf",
        member=member,
        action="no_action_stated",
        source=SourceRef(url="https://lep.example/m.pdf"),
    )


def test_a_surname_alone_names_the_one_board_member_who_has_it() -> None:
    board = ["Helen Achebe", "Rory Quinn", "Tom Quinn"]
    named = _as_board_names([_declared("Achebe"), _declared("Quinn")], board)
    assert [d.member for d in named] == ["Helen Achebe", "Quinn"]  # two Quinns: left as written


def test_minutes_that_state_their_own_approval_are_approved() -> None:
    foot = make_doc(
        "https://lep.example/media/77/minutes.pdf",
        text="Minutes of the Investment Panel\n1. Apologies\nNone.\n"
        "Approved at the meeting held on 5 July 2022",
    )
    assert minutes_status(foot) == "approved"
    previous_only = make_doc(
        "https://lep.example/media/78/minutes.pdf",
        text="Minutes of the Investment Panel\n1. Apologies\nNone.\n2. Minutes\n"
        "The minutes of the previous meeting were approved as a correct record.",
    )
    assert minutes_status(previous_only) == "unknown"


def test_observers_and_non_voting_advisers_are_not_board_members() -> None:
    table = make_doc(
        "https://lep.example/about/board/",
        title="Board",
        kind="board_page",
        tables=(
            Table(
                header=("Name", "Role", "Organisation"),
                rows=(
                    ("Amy Roper", "Chair", "Roper Foods Ltd"),
                    ("Dev Malhotra", "Board member", "Malhotra Group"),
                    ("Lena Fischer", "Observer (DLUHC)", "Cities and Local Growth Unit"),
                    ("Owen Pike", "Non-voting adviser", "Northgate University"),
                ),
            ),
        ),
    )
    assert [m.name for m in read_board_document(table)] == ["Amy Roper", "Dev Malhotra"]
    grouped = make_doc(
        "https://lep.example/about/board/",
        title="Board",
        kind="board_page",
        sections=(
            Section(heading="Board members and observers", level=2, text=""),
            Section(heading="Amy Roper", level=3, text="Chair\nRoper Foods Ltd"),
            Section(heading="In attendance", level=2, text=""),
            Section(heading="Sara Quist", level=3, text="Chief Executive\nNorthgate LEP Ltd"),
        ),
    )
    assert [m.name for m in read_board_document(grouped)] == ["Amy Roper"]


def test_welsh_patronymic_particles_are_part_of_a_name() -> None:
    assert looks_like_person_name("Dafydd ab Owain")
    assert name_match("D. ab Owain", "Dafydd ab Owain") >= 0.75
    assert not looks_like_person_name("Ab Initio Ltd")


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


def test_former_members_are_not_board_members() -> None:
    listing = make_doc(
        "https://lep.example/board.pdf",
        kind="board_page",
        text="Board members\nAmy Roper, Chair, Roper Foods Ltd\n"
        "Dev Malhotra, Board Director, Malhotra Group\n"
        "Kit Farrow, Board Director, Farrow Mills Ltd, resigned June 2022\n"
        "Past board members\nIvy Stone, Board Director, Stone Quarries Ltd\n"
        "Nadia Rossi, Deputy Chair, Northgate Borough Council\n",
    )
    assert [m.name for m in read_board_document(listing)] == ["Amy Roper", "Dev Malhotra"]


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


def test_with_no_attendance_list_the_board_pages_vice_chair_is_meant() -> None:
    minutes = make_doc(
        "https://lep.example/files/board-minutes-2023-04-01.pdf",
        text="2. Declarations of interest\nThe Vice-Chair declared a personal interest in "
        "item 4 and did not vote.\n3. Minutes\nAgreed.",
    )
    found = read_declarations(minutes, date(2023, 4, 1))
    assert [(d.member, d.action) for d in found] == [("Vice Chair", "took_no_part")]
    board = [
        BoardMember(name="Amy Roper", role="chair", source=SourceRef(url="https://lep.example/")),
        BoardMember(
            name="Dev Malhotra", role="deputy_chair", source=SourceRef(url="https://lep.example/")
        ),
    ]
    named = _as_board_names(found, [m.name for m in board], board)
    assert [d.member for d in named] == ["Dev Malhotra"]


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


def test_a_meetings_former_date_in_its_heading_does_not_place_its_documents() -> None:
    listing = make_doc(
        "https://lep.example/meetings/",
        title="Meetings",
        text="Meetings\nInvestment Panel, 2 May 2023 (rescheduled from 25 April 2023)\nAgenda\n"
        "Minutes\nInvestment Panel, 14 March 2023 (originally 7 March 2023)\nAgenda\n",
        links=(
            Link(url="https://lep.example/media/91/agenda.pdf", text="Agenda"),
            Link(url="https://lep.example/media/92/minutes.pdf", text="Minutes"),
            Link(url="https://lep.example/media/81/agenda.pdf", text="Agenda"),
        ),
    )
    meetings = read_meetings([listing])
    found = {(m.body, m.date, m.agenda is not None, m.minutes is not None) for m in meetings}
    assert found == {
        ("Investment Panel", date(2023, 5, 2), True, True),
        ("Investment Panel", date(2023, 3, 14), True, False),
    }


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


def _board_lines(text: str) -> list[tuple[str, str, str, str]]:
    doc = make_doc(
        "https://lep.example/about/board/", title="Our Board", kind="board_page", text=text
    )
    return [(m.name, m.role, m.organisation, m.sector) for m in read_board_document(doc)]


def test_a_role_in_brackets_leaves_the_job_and_company_on_the_lines_under_the_name() -> None:
    assert _board_lines(
        "Our Board\nIsla Fenn (Vice Chair)\nChief Executive, Fenn Ceramics Ltd\n\n"
        "Omar Said (Cllr)\nCabinet Member, Northgate City Council\n\n"
        "Grace Allen (OBE)\nDirector, Allen & Daughters Company\n"
    ) == [
        ("Isla Fenn", "deputy_chair", "Fenn Ceramics Ltd", "private"),
        ("Omar Said", "member", "Northgate City Council", "public"),
        ("Grace Allen", "member", "Allen & Daughters Company", "private"),
    ]


def test_a_surname_in_capitals_first_is_read_as_the_members_name() -> None:
    assert _board_lines(
        "Board members\nFENN, Isla - Vice Chair - Fenn Ceramics Ltd\n"
        "SAID, Omar (Cllr) - Member - Northgate City Council\n"
        "VAN DER BERG, Anna - Member - Northgate Riverside Community Interest Company\n"
        "McDONALD, Iain - Member - McDonald Farms Ltd\n"
    ) == [
        ("Isla Fenn", "deputy_chair", "Fenn Ceramics Ltd", "private"),
        ("Omar Said", "member", "Northgate City Council", "public"),
        (
            "Anna Van Der Berg",
            "member",
            "Northgate Riverside Community Interest Company",
            "voluntary",
        ),
        ("Iain McDonald", "member", "McDonald Farms Ltd", "private"),
    ]


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


_DOWNLOADS_TABLE = """<html><head><title>Board meetings</title></head><body><main>
<h1>Board meetings</h1><table>
<thead><tr><th>Meeting</th><th>Agenda</th><th>Papers</th><th>Minutes</th></tr></thead><tbody>
<tr><td>Board, 14 March 2023</td><td><a href="/media/1/file.pdf">Download</a></td>
<td><a href="/media/2/file.pdf">Download (PDF, 1MB)</a></td>
<td><a href="/media/3/file.pdf">Download</a></td></tr>
<tr><td>Board, 13 June 2023</td><td><a href="/media/4/file.pdf">Download</a></td>
<td><a href="/media/5/file.pdf"><img src="/pdf.png" alt=""></a></td>
<td>Not yet available</td></tr>
</tbody></table></main></body></html>"""


def test_download_links_in_a_table_are_what_their_column_says() -> None:
    base = "https://lep.example"
    listing = extract_document(record(f"{base}/board-meetings/"), _DOWNLOADS_TABLE.encode())
    assert [link.text for link in listing.links if "/media/" in link.url] == [
        "Agenda: Download",
        "Papers: Download (PDF, 1MB)",
        "Minutes: Download",
        "Agenda: Download",
        "Papers",
    ]
    # Not fetched (the crawl stopped at the listing): placed by the table's rows.
    meetings = read_meetings([listing])
    found = {(m.date, m.agenda is not None, len(m.papers), m.minutes is not None) for m in meetings}
    assert found == {(date(2023, 3, 14), True, 1, True), (date(2023, 6, 13), True, 1, False)}


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


def test_a_label_line_ending_in_a_colon_pairs_with_its_value() -> None:
    assert pair_stacked_labels(["Role:", "Vice Chair", "Organisation:", "Acme Ltd"]) == [
        "Role: Vice Chair",
        "Organisation: Acme Ltd",
    ]


def test_names_match_across_accents_hyphens_and_short_forms() -> None:
    assert name_match("José Álvarez", "Jose Alvarez") == 1.0
    assert name_match("Cllr Ann-Marie Fox", "Annmarie Fox") == 1.0
    assert name_match("Dr Chinedu Okoye-Bello", "C Okoye Bello") >= 0.75
    assert name_match("Ellie Matthews", "Eleanor Matthews") >= 0.75
    assert name_match("Anna Okoye", "Okoye Bello") == 0.0
    assert name_match("Jane Smith", "John Smith") == 0.0
