"""Classification on varied documents, including the confusions real LEP sites produce."""

import pytest

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.extract.kind_model import load_model
from lepcheck.extract.kind_signals import kind_signals
from lepcheck.models import DOCUMENT_KINDS, Document, Link, PageText, Section, Table
from lepcheck.vocab.kinds import KIND_NAMES
from tests.extract.extract_samples import FETCHED, record


def _doc(
    text: str = "",
    *,
    title: str = "",
    url: str = "https://lep.example/uploads/2019/03/document.pdf",
    link_texts: tuple[str, ...] = (),
    headings: tuple[str, ...] = (),
    fmt: str = "pdf",
    **fields: object,
) -> Document:
    values: dict[str, object] = {
        "url": url,
        "final_url": url,
        "fetched_at": FETCHED,
        "sha256": "0" * 64,
        "format": fmt,
        "title": title,
        "link_texts": link_texts,
        "headings": headings,
        "pages": (PageText(number=1, text=text),),
    }
    values.update(fields)
    return classify_document(Document.model_validate(values))


REGISTER_BODY = """Register of Interests
Name: Jane Smith
1. Employment, office, trade or profession: Director, Acme Ltd
2. Directorships: Acme Ltd; Anytown Football Club
3. Shareholdings over £25,000: None
4. Land and property: Home in Anytown
5. Related party transactions: None
6. Memberships of organisations: Institute of Directors
7. Gifts and hospitality over £50: None
8. Sponsorships: None
Interests of members of your household: None
Signed: J Smith Date: 12/03/2019"""

MINUTES_BODY = """LEP Board
Minutes of the meeting held on 12 March 2019
Present: Jane Smith (Chair), John Brown, Priya Patel
Apologies: Sue Green
1. Declarations of interest
John Brown declared an interest in agenda item 4 and left the room.
2. Minutes of the previous meeting
The minutes of the meeting held on 5 February were agreed. Matters arising were noted.
3. Agenda item: Growth Deal
The Board noted the report. It was agreed to approve the bridge scheme."""

AGENDA_BODY = """LEP Board
Tuesday 12 March 2019, 10:00, County Hall
1. Welcome and apologies
2. Declarations of interest
3. Minutes of the previous meeting - for approval
4. Growth Deal programme - Paper A - for decision
5. Skills update - Paper B - for information
6. Any other business"""

CODE_BODY = """Board Members' Code of Conduct
This code is based on the seven principles of public life: selflessness, integrity,
objectivity, accountability, openness, honesty and leadership.
Conflicts of interest: members must declare any conflict of interest. A conflict of interest
arises where... Conflicts of interest are recorded in the register. A conflict of interest
must be declared at each meeting."""


def test_register_by_title_and_body_categories() -> None:
    doc = _doc(REGISTER_BODY, title="Register of Interests - Jane Smith")
    assert doc.kind == "register_of_interests"
    assert doc.kind_confidence >= 0.7
    assert "title mentions 'register of interests'" in doc.kind_reasons
    assert "body has 8 of 8 register categories" in doc.kind_reasons


def test_body_and_title_beat_a_misleading_url() -> None:
    doc = _doc(REGISTER_BODY, title="", url="https://lep.example/board/minutes/js-2019.pdf")
    assert doc.kind == "register_of_interests"
    assert doc.kind_reasons[-1].startswith("runner-up minutes")


def test_minutes_that_mention_declarations_and_agenda_items() -> None:
    doc = _doc(MINUTES_BODY, title="Board minutes 12 March 2019")
    assert doc.kind == "minutes"
    assert "body records who was present" in doc.kind_reasons


def test_minutes_without_a_title() -> None:
    doc = _doc(
        MINUTES_BODY, headings=("1. Declarations of interest", "2. Minutes of the previous meeting")
    )
    assert doc.kind == "minutes"


def test_agenda_listing_minutes_of_previous_meeting_is_an_agenda() -> None:
    doc = _doc(
        "AGENDA\n" + AGENDA_BODY,
        headings=("3. Minutes of the previous meeting - for approval",),
        link_texts=("Agenda - 12 March 2019",),
    )
    assert doc.kind == "agenda"
    untitled = _doc(AGENDA_BODY, headings=("3. Minutes of the previous meeting - for approval",))
    assert untitled.kind == "agenda"
    assert any("items for decision or information" in r for r in untitled.kind_reasons)


def test_code_of_conduct_that_discusses_conflicts_of_interest() -> None:
    doc = _doc(CODE_BODY, title="Code of Conduct for Board Members")
    assert doc.kind == "code_of_conduct"
    untitled = _doc(CODE_BODY)
    assert untitled.kind == "code_of_conduct"


def test_coi_policy_that_lists_register_categories() -> None:
    body = (
        "Members must declare employment, directorships, shareholdings, land and property, "
        "related party transactions, memberships, gifts and hospitality and sponsorships."
    )
    doc = _doc(body, title="Conflicts of Interest Policy")
    assert doc.kind == "coi_policy"
    policy_form = _doc(body, title="Declarations of Interest Policy")
    assert policy_form.kind == "coi_policy"


def test_register_page_titled_declarations_of_interest() -> None:
    doc = _doc(
        "Board members' declarations are below.", title="Declarations of Interest", fmt="html"
    )
    assert doc.kind == "register_of_interests"


def test_governance_hub_page_links_to_everything() -> None:
    names = ["Local Assurance Framework", "Conflicts of Interest Policy", "Whistleblowing Policy",
             "Complaints Policy", "Code of Conduct", "Register of interests", "Board minutes",
             "Expenses policy", "Gifts and hospitality register"]  # fmt: skip
    links = tuple(Link(url=f"https://lep.example/d/{i}.pdf", text=n) for i, n in enumerate(names))
    doc = _doc(
        "Governance and transparency\nFind our policies below.",
        title="Acme LEP",
        fmt="html",
        links=links,
        url="https://lep.example/about/",
    )
    assert doc.kind == "governance_page"
    assert any(reason.startswith("hub page: 9 links") for reason in doc.kind_reasons)


def test_board_page_of_people_and_roles_without_telling_title() -> None:
    people = [
        ("Jane Smith", "Chair"),
        ("John Brown", "Deputy Chair"),
        ("Priya Patel", "Board Member"),
        ("Cllr Sam Jones", "Leader, Anytown Council"),
        ("Dr Ann Lee", "Vice-Chancellor"),
        ("Tom Hughes", "Director, Hughes Ltd"),
    ]
    sections = tuple(Section(heading=name, level=3, text=role) for name, role in people)
    text = "Leadership\n" + "\n".join(f"{name}\n{role}" for name, role in people)
    doc = _doc(
        text,
        title="Leadership",
        fmt="html",
        sections=sections,
        url="https://lep.example/leadership/",
    )
    assert doc.kind == "board_page"
    assert any("6 people with roles" in reason for reason in doc.kind_reasons)


def test_funded_projects_from_a_table() -> None:
    table = Table(header=("Project name", "Lead partner", "LGF allocation £"),
                  rows=(("Bridge", "Anytown Council", "1,500,000"),))  # fmt: skip
    doc = _doc("Bridge | Anytown Council | 1,500,000", title="Sheet1", fmt="xlsx", tables=(table,))
    assert doc.kind == "funded_projects"


def test_policies_and_statements_by_title() -> None:
    cases = {
        "Whistleblowing Policy": "whistleblowing_policy",
        "Confidential Reporting Procedure": "whistleblowing_policy",
        "Complaints Procedure": "complaints_policy",
        "Gifts and Hospitality Register 2023": "gifts_hospitality",
        "Board Expenses Policy": "expenses_policy",
        "Annual Governance and Transparency Statement 2019/20": "assurance_statement",
        "Local Assurance Framework 2023": "assurance_framework",
        "Annual Report and Accounts 2022": "accounts",
        "Governance and Transparency": "governance_page",
    }
    for title, kind in cases.items():
        assert _doc("Some text.", title=title).kind == kind, title


def test_accounts_by_body() -> None:
    doc = _doc("Independent auditor's report to the members\nBalance sheet at 31 March 2023")
    assert doc.kind == "accounts"


def test_news_story_is_other_and_says_why() -> None:
    # kind_confidence is calibrated (issue 13 item 3): for "other" it is how likely the document
    # is other, so a news story with nothing of a governance record is other, and likely so.
    doc = _doc(
        "Businesses in Anytown can now apply for growth grants.",
        title="News: new grants open",
        fmt="html",
        url="https://lep.example/news/grants/",
    )
    assert doc.kind == "other"
    assert doc.kind_confidence >= 0.5
    assert doc.kind_reasons[0] == "it reads as news"
    assert doc.kind_reasons[-1].startswith("no kind scored enough")


def test_a_page_with_no_evidence_is_other_and_names_the_best_guess() -> None:
    doc = _doc("Board papers\nRead the papers below.", title="Acme LEP", fmt="html")
    assert doc.kind == "other"
    assert doc.kind_reasons[-1].startswith("no kind scored enough (best guess ")


def test_unreadable_scan_still_classified_by_title_and_link_text() -> None:
    scan = extract_document(
        record("https://lep.example/roi/js.pdf", "application/pdf"),
        b"%PDF-1.4 broken",
        link_texts=("Register of interests - Jane Smith",),
    )
    doc = classify_document(scan)
    assert not doc.readable
    assert doc.kind == "register_of_interests"


def test_register_policy_is_not_a_register() -> None:
    doc = _doc("How members keep their register of interests up to date.",
               title="Register of Interests Policy and Procedure")  # fmt: skip
    assert doc.kind == "coi_policy"


def test_agenda_of_standing_items_only() -> None:
    body = """Board meeting: 14 March 2023
Meeting of the Board, Tuesday 14 March 2023, 10.00am, Enterprise House, Anytown
1. Welcome and apologies
2. Declarations of Interest
3. Minutes of the previous meeting
4. Chief Executive's report
5. Any other business
6. Date of next meeting"""
    doc = _doc(body, title="Board meeting: 14 March 2023")
    assert doc.kind == "agenda"
    assert "body lists 5 standing agenda items" in doc.kind_reasons


def test_prose_and_menus_at_the_top_do_not_name_the_page() -> None:
    text = (
        "About us\nThe partnership was set up in 2011 and our board brings together business "
        "and councils.\nOur Board\nGovernance\nRegister of interests"
    )
    links = (
        Link(url="https://lep.example/board/", text="Our Board"),
        Link(url="https://lep.example/governance/", text="Governance"),
        Link(url="https://lep.example/roi/", text="Register of interests"),
    )
    doc = _doc(text, title="About us | Acme LEP", fmt="html", links=links,
               url="https://lep.example/about/")  # fmt: skip
    assert doc.kind == "other"


def test_title_segments_match_a_bare_board_title() -> None:
    assert (
        _doc("Members are listed below.", title="Board | Acme LEP", fmt="html").kind == "board_page"
    )
    assert (
        _doc("Dates are listed below.", title="Board meetings | Acme LEP", fmt="html").kind
        != "board_page"
    )


def test_council_frontsheet_with_conflicts_item_is_an_agenda() -> None:
    body = """Anytown LEP Board, 07/03/2022
Date: 07/03/2022 Time: 10.00 am Venue: Council Chamber, County Hall
Agenda
1. Apologies for Absence
2. Declarations, Disclosures and Conflicts of Interest
3. Minutes of the Previous Meeting
4. Public Questions
5. Growth Deal Programme Update"""
    doc = _doc(
        body,
        title="Anytown LEP Board, 07/03/2022",
        headings=("Agenda", "2. Declarations, Disclosures and Conflicts of Interest"),
        url="https://council.example/documents/g456/Agenda frontsheet 07th-Mar-2022.pdf",
    )
    assert doc.kind == "agenda"
    assert not any("coi_policy" in reason for reason in doc.kind_reasons)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Board Member Register of Interests 2019", "register_of_interests"),
        ("Directors’ Register of Interests", "register_of_interests"),
        ("Declaration of Interests Form - John Smith", "register_of_interests"),
        ("Notes of the Board meeting, 4 June 2021", "minutes"),
        ("LEP Board meeting notes", "minutes"),
        ("Board Papers Pack and Agenda", "agenda"),
        ("Meet the Board", "board_page"),
        ("Board Directors", "board_page"),
        ("Managing Conflicts of Interest", "coi_policy"),
        ("Register of Interests Policy", "coi_policy"),
        ("Whistle Blowing Policy", "whistleblowing_policy"),
        ("Speak Up policy", "whistleblowing_policy"),
        ("Compliments, Comments and Complaints", "complaints_policy"),
        ("Register of gifts and hospitality", "gifts_hospitality"),
        ("Members' Allowances and Expenses", "expenses_policy"),
        ("Travel and Subsistence Policy", "expenses_policy"),
        ("Projects we fund", "funded_projects"),
        ("Local Growth Fund projects", "funded_projects"),
        ("Chair and Chief Executive's Statement 2019/20", "assurance_statement"),
        ("Local Growth Assurance Framework", "assurance_framework"),
        ("Statement of Accounts 2018/19", "accounts"),
        ("Our Policies", "governance_page"),
    ],
)
def test_titles_seen_on_lep_sites(title: str, kind: str) -> None:
    assert _doc("Text of the document.", title=title).kind == kind


def test_every_kind_but_other_has_names() -> None:
    assert set(KIND_NAMES) == set(DOCUMENT_KINDS) - {"other"}


def _meeting_links(dates: list[str]) -> tuple[Link, ...]:
    return tuple(
        Link(url=f"https://lep.example/board/{day.replace(' ', '-')}-{name}.pdf", text=text)
        for day in dates
        for name, text in (("agenda", "Agenda"), ("minutes", "Approved minutes"))
    )


def test_a_listing_of_meetings_is_not_their_minutes() -> None:
    # The demo's "Board meetings" page: linked as "Board meetings, agendas and minutes", it
    # links each meeting's agenda and minutes; it is none of them (COI-07 would judge it).
    dates = ["14 March 2023", "13 June 2023", "12 September 2023", "14 November 2023"]
    text = "Board meetings\nBoard meetings are held in public.\n" + "\n".join(
        f"{day}\nAgenda\nApproved minutes" for day in dates
    )
    doc = _doc(
        text,
        title="Board meetings | Acme LEP",
        fmt="html",
        url="https://lep.example/governance/board-meetings/",
        link_texts=("Board meetings, agendas and minutes",),
        links=_meeting_links(dates),
    )
    listing = [s for s in kind_signals(doc) if s.name == "meeting_listing"]
    assert {s.kind for s in listing} == {"minutes", "agenda"}
    assert all(s.value < 0 for s in listing)
    assert doc.kind not in ("minutes", "agenda")
    # One meeting's minutes, linking its own agenda, are no listing.
    one = _doc(MINUTES_BODY, links=_meeting_links(dates[:1]), fmt="html", title="Board minutes")
    assert not any(s.name == "meeting_listing" for s in kind_signals(one))
    assert one.kind == "minutes"


def test_a_name_that_lists_meetings_counts_against_minutes_and_agenda() -> None:
    # Dorset LEP's "Board papers, meetings and minutes" page (development part of the corpus):
    # its name says "minutes" because it lists them. The name is a held penalty of 4 points for
    # minutes and agenda, cancelling the title's "minutes". (Without the listing's own links the
    # shipped weights still read this excerpt as minutes, 2.4 points to other's 1.99: the fit
    # eased the weights that had held it down; see benchmarks/README-reading.md.)
    text = (
        "Board papers, meetings and minutes\n"
        "Information about the LEP's board meetings alongside agendas and minutes are listed"
        " below.\nBoard Meeting Dates for 2024:\n23 January\n28 March\n6 June\n"
        "Papers and Minutes of Board meetings:\nArchive of Minutes:"
    )
    doc = _doc(
        text,
        title="Board papers, meetings and minutes",
        fmt="html",
        url="https://lep.example/board-papers-minutes-and-meetings",
    )
    listing = {s.kind: s.value for s in kind_signals(doc) if s.name == "listing_named"}
    assert listing == {"minutes": -4.0, "agenda": -4.0}
    assert load_model().weight("listing_named", "minutes") == 1.0  # held at its hand-set point
    # One meeting's minutes are not named as a listing.
    assert not any(s.name == "listing_named" for s in kind_signals(_doc(MINUTES_BODY)))
