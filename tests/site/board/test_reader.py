from __future__ import annotations

from datetime import date

from lepcheck.models import Link, Section, Table
from lepcheck.site.board.reader import is_board_document, read_board, read_board_document
from tests.site.site_docs import make_doc


def _by_name(members: list) -> dict:  # type: ignore[type-arg]
    return {m.name: m for m in members}


def test_cards_with_group_headings_and_staff_section() -> None:
    page = make_doc(
        "http://lep.test/about/our-board",
        title="Our Board | Anytown LEP",
        kind="board_page",
        sections=(
            Section(heading="Our Board", level=1, text="Meet the people who lead the LEP."),
            Section(heading="Private Sector Members", level=2, text="..."),
            Section(
                heading="Mrs Jane Doe OBE",
                level=3,
                text="Chair\nManaging Director, Doe Holdings Ltd\nAppointed: 1 April 2021\n"
                "Term ends 31 March 2024",
            ),
            Section(heading="John Smith", level=3, text="Vice-Chair\nAcme Engineering"),
            Section(heading="Public Sector Members", level=2, text="..."),
            Section(heading="Cllr Sam Patel", level=3, text="Leader of Anytown Borough Council"),
            Section(heading="Education", level=2, text="..."),
            Section(heading="Professor Ann Lee", level=3, text="Vice-Chancellor, Anytown Uni"),
            Section(heading="Co-opted members", level=2, text="..."),
            Section(heading="Raj Kumar", level=3, text="Kumar Consulting"),
            Section(heading="Our Team", level=2, text="..."),
            Section(heading="Fred Bloggs", level=3, text="Chief Executive"),
        ),
    )
    members = _by_name(read_board([page]))
    assert list(members) == ["Jane Doe", "John Smith", "Sam Patel", "Ann Lee", "Raj Kumar"]
    jane = members["Jane Doe"]
    assert (jane.role, jane.organisation, jane.sector, jane.gender) == (
        "chair",
        "Doe Holdings Ltd",
        "private",
        "female",
    )
    assert (jane.appointed, jane.term_end) == (date(2021, 4, 1), date(2024, 3, 31))
    assert jane.source.locator == "section 'Mrs Jane Doe OBE'"
    assert "Chair" in jane.source.quote
    # Sector from the group heading, not guessed from an organisation without cues.
    assert members["John Smith"].role == "deputy_chair"
    assert members["John Smith"].sector == "private"
    assert members["John Smith"].gender == "unknown"  # no honorific: never guessed
    assert members["Sam Patel"].sector == "public"
    assert members["Sam Patel"].organisation == "Anytown Borough Council"
    assert members["Ann Lee"].sector == "education"
    assert members["Raj Kumar"].role == "co_opted"


def test_table_with_columns_in_any_order_and_wording() -> None:
    page = make_doc(
        "http://lep.test/board",
        title="Board",
        tables=(
            Table(
                header=("Sector", "Board member", "Organisation", "Position", "Term ends"),
                rows=(
                    ("Private", "Dr Bob Ray", "Ray Ltd", "Chair", "30/06/2025"),
                    ("Local Authority", "Cllr Mary Po", "Anytown Council", "Deputy Chair", ""),
                    ("VCSE", "Ms Kim Ng", "Anytown Community Action", "Board Member", ""),
                    ("Higher Education", "Prof Ann Lee", "University of Anytown", "Member", ""),
                ),
            ),
        ),
    )
    members = _by_name(read_board([page]))
    assert members["Bob Ray"].role == "chair"
    assert members["Bob Ray"].term_end == date(2025, 6, 30)
    assert members["Mary Po"].role == "deputy_chair"
    assert members["Mary Po"].sector == "public"
    assert members["Kim Ng"].sector == "voluntary"
    assert members["Kim Ng"].gender == "female"
    assert members["Ann Lee"].organisation == "University of Anytown"
    assert members["Ann Lee"].sector == "education"
    assert members["Bob Ray"].source.locator == "table row 'Dr Bob Ray'"


def test_list_lines_with_roles_in_brackets() -> None:
    page = make_doc(
        "http://lep.test/who-we-are/board-members",
        title="Board members",
        text="Board members\n"
        "• Jane Doe (Chair) – Doe Holdings Ltd, private sector\n"
        "• Sir Tim Ho – Ho Group\n"
        "• Cllr Mary Po (Deputy Chair) - Anytown Council\n"
        "• Kim Ng – Anytown College\n"
        "The board meets six times a year.",
    )
    members = _by_name(read_board([page]))
    assert list(members) == ["Jane Doe", "Tim Ho", "Mary Po", "Kim Ng"]
    assert members["Jane Doe"].role == "chair"
    assert members["Jane Doe"].sector == "private"
    assert members["Tim Ho"].gender == "male"
    assert members["Tim Ho"].sector == "private"  # "Group": a company
    assert members["Mary Po"].role == "deputy_chair"
    assert members["Kim Ng"].sector == "education"


def test_members_on_board_and_profile_pages_are_merged() -> None:
    listing = make_doc(
        "http://lep.test/board",
        title="Our Board",
        kind="board_page",
        depth=1,
        sections=(Section(heading="Jane Doe", level=3, text="Chair"),),
    )
    profile = make_doc(
        "http://lep.test/board/jane-doe",
        title="Jane Doe | Anytown LEP",
        depth=2,
        text="Jane Doe\nChair\nOrganisation: Doe Holdings Ltd\nAppointed: 1 May 2020\n"
        "She founded the firm in 1999 and her work spans manufacturing.",
    )
    members = read_board([profile, listing])
    assert len(members) == 1
    jane = members[0]
    assert jane.source.url == "http://lep.test/board"  # the listing page is the source
    assert jane.organisation == "Doe Holdings Ltd"
    assert jane.appointed == date(2020, 5, 1)
    assert jane.gender == "female"  # the site's own pronouns, not the first name


def test_committee_chair_is_not_the_lep_chair() -> None:
    page = make_doc(
        "http://lep.test/board",
        title="Board",
        kind="board_page",
        sections=(
            Section(heading="Raj Kumar", level=3, text="Chair of the Investment Committee"),
            Section(heading="Ann Lee", level=3, text="Chairman, Lee Foods plc"),
        ),
    )
    members = _by_name(read_board([page]))
    assert members["Raj Kumar"].role == "member"
    assert members["Ann Lee"].role == "member"
    assert members["Ann Lee"].organisation == "Lee Foods plc"


def test_news_and_staff_pages_are_not_board_pages() -> None:
    news = make_doc(
        "http://lep.test/news/new-board-chair-appointed",
        title="News: new Board chair appointed",
        sections=(Section(heading="Jane Doe", level=2, text="Chair"),),
    )
    staff = make_doc(
        "http://lep.test/about/our-team",
        title="Our team",
        sections=(Section(heading="Fred Bloggs", level=3, text="Chief Executive"),),
    )
    assert not is_board_document(news)
    assert not is_board_document(staff)
    assert read_board([news, staff]) == []


def test_role_first_lines_and_site_furniture() -> None:
    page = make_doc(
        "http://lep.test/board",
        title="Board",
        text="Our board\nChair: Jane Doe, Doe Ltd\nVice Chair – Cllr John Smith, Anytown Council\n"
        "Sam Patel, Patel Group\nPrivacy Policy\nCookie Settings\nFind Out More",
    )
    members = read_board([page])
    assert [(m.name, m.role, m.sector) for m in members] == [
        ("Jane Doe", "chair", "private"),
        ("John Smith", "deputy_chair", "public"),
        ("Sam Patel", "member", "private"),
    ]


def test_single_role_headings_honorifics_after_cllr_and_card_links() -> None:
    page = make_doc(
        "http://lep.test/board",
        title="Board",
        kind="board_page",
        sections=(
            Section(heading="Chair", level=2, text="..."),
            Section(heading="Jane Doe", level=3, text="Read more\nDoe Holdings Ltd"),
            Section(heading="Members", level=2, text="..."),
            Section(
                heading="Cllr Mrs Mary Po",
                level=3,
                text="Download register of interests (PDF)\nAnytown Council",
            ),
        ),
    )
    members = _by_name(read_board([page]))
    assert members["Jane Doe"].role == "chair"
    assert members["Jane Doe"].organisation == "Doe Holdings Ltd"
    assert members["Mary Po"].role == "member"
    assert members["Mary Po"].gender == "female"
    assert members["Mary Po"].organisation == "Anytown Council"


def test_bare_names_count_only_when_they_link_somewhere() -> None:

    page = make_doc(
        "http://lep.test/board",
        title="Board",
        text="Net Zero\nTown Deals\nJane Doe\nJohn Smith\nKim Ng (Chair)",
        links=(
            Link(url="http://lep.test/board/jane-doe", text="Jane Doe"),
            Link(url="http://lep.test/board/john-smith", text="John Smith"),
        ),
    )
    assert [m.name for m in read_board([page])] == ["Jane Doe", "John Smith", "Kim Ng"]


def test_a_card_that_says_nothing_is_not_a_member() -> None:
    page = make_doc(
        "http://lep.test/board",
        title="Board",
        kind="board_page",
        sections=(
            Section(heading="Jane Doe", level=3, text="Chair"),
            Section(heading="Sign Up", level=2, text="Join our mailing list for news."),
        ),
    )
    assert [m.name for m in read_board([page])] == ["Jane Doe"]


def test_the_leps_own_board_page_speaks_first() -> None:
    committee = make_doc(
        "http://council.test/mgCommitteeDetails.aspx?ID=1",
        title="Anytown LEP Board",
        text="Membership\nCouncillor Sam Patel (Chair)\nJane Doe (Vice-Chair)",
    )
    own = make_doc(
        "http://lep.test/about/board/",
        title="Our Board",
        kind="board_page",
        sections=(
            Section(heading="Jane Doe", level=3, text="Chair\nDoe Holdings Ltd"),
            Section(heading="Cllr Sam Patel", level=3, text="Leader, Anytown Council"),
        ),
    )
    members = _by_name(read_board([committee, own], "http://lep.test/"))
    assert members["Jane Doe"].role == "chair"
    assert members["Jane Doe"].source.url == own.url
    assert members["Sam Patel"].role == "member"


def test_governance_page_with_a_board_section() -> None:
    page = make_doc(
        "http://lep.test/about/governance/",
        title="Governance",
        kind="governance_page",
        headings=("Governance", "Our Board", "Jane Doe", "Policies"),
        sections=(
            Section(heading="Our Board", level=2, text="..."),
            Section(heading="Jane Doe", level=3, text="Chair\nDoe Holdings Ltd"),
            Section(heading="Policies", level=2, text="Code of conduct"),
        ),
    )
    assert [m.name for m in read_board([page])] == ["Jane Doe"]


def test_sector_lines_in_cards() -> None:
    page = make_doc(
        "http://lep.test/board",
        title="Board",
        kind="board_page",
        sections=(
            Section(
                heading="Ann Lee", level=3, text="Higher Education representative\nAnytown Uni"
            ),
            Section(heading="Raj Kumar", level=3, text="Local Authority Leader\nAnytown"),
            Section(heading="Kim Ng", level=3, text="SME representative\nNg Bakery"),
        ),
    )
    members = {m.name: (m.sector, m.organisation) for m in read_board([page])}
    assert members == {
        "Ann Lee": ("education", "Anytown Uni"),
        "Raj Kumar": ("public", "Anytown"),
        "Kim Ng": ("unknown", "Ng Bakery"),
    }


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
