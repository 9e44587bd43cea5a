from __future__ import annotations

from datetime import date

from lepcheck.models import Section, Table
from lepcheck.site.board.reader import is_board_document, read_board
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
    from lepcheck.models import Link

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


def test_sector_is_inferred_only_from_plain_organisation_names() -> None:
    from lepcheck.site.board.member_lines import infer_sector

    assert infer_sector("Anytown Chamber of Commerce") == "private"
    assert infer_sector("Anytown NHS Trust") == "public"
    assert infer_sector("Northshire Academy Trust") == "education"
    assert infer_sector("Fenley Digital CIC") == "voluntary"
    assert infer_sector("Rolls-Royce") == "unknown"  # no cue: never guessed
    assert infer_sector("", "Cllr Jane Doe") == "public"


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


def test_roles_are_judged_by_the_words_after_them() -> None:
    from lepcheck.site.board.member_lines import read_role

    assert read_role("Deputy Chair and Chair of the Investment Committee") == "deputy_chair"
    assert read_role("Chair of the Audit and Risk Committee") is None
    assert read_role("Vice-Chair of Northshire Council's Cabinet") is None
    assert read_role("LEP Chair") == "chair"
    assert read_role("Chair of the Board") == "chair"
    assert read_role("Interim Chair") == "chair"
    assert read_role("Co-opted Board Member") == "co_opted"


def test_terms_written_as_ranges_and_after_cues() -> None:
    from lepcheck.site.board.member_lines import dates_by_cue

    assert dates_by_cue("Term of office: April 2021 – March 2024") == (
        date(2021, 4, 1),
        date(2024, 3, 1),
    )
    assert dates_by_cue("Appointed 1 May 2020; term expires 30 April 2023") == (
        date(2020, 5, 1),
        date(2023, 4, 30),
    )
    assert dates_by_cue("Joined the Board in June 2019") == (date(2019, 6, 1), None)


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
