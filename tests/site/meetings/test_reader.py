from __future__ import annotations

from datetime import date, datetime

from lepcheck.extract.document import extract_document
from lepcheck.models import Link, PageText, PublicationDate, Table
from lepcheck.site.meetings.reader import minutes_documents, placements, read_meetings
from tests.extract.extract_samples import record
from tests.site.site_docs import make_doc

OWN = frozenset({"anytown", "lep"})


def test_dated_files_linked_from_a_listing_page() -> None:
    listing = make_doc(
        "http://lep.test/board/meetings",
        title="Board meetings",
        links=(
            Link(url="http://lep.test/files/Board-Agenda-14-March-2023.pdf", text="Agenda"),
            Link(url="http://lep.test/files/Board-Minutes-14-March-2023-DRAFT.pdf", text="Minutes"),
            Link(url="http://lep.test/files/Board-Agenda-10-Jan-2023.pdf", text="Agenda"),
        ),
    )
    agenda = make_doc(
        "http://lep.test/files/Board-Agenda-14-March-2023.pdf",
        kind="agenda",
        link_texts=("Agenda",),
        last_modified=datetime(2023, 3, 6, 17, 0),
    )
    minutes = make_doc(
        "http://lep.test/files/Board-Minutes-14-March-2023-DRAFT.pdf",
        kind="minutes",
        link_texts=("Minutes",),
        created=datetime(2023, 3, 20, 9, 0),
    )
    meetings = read_meetings([minutes, listing, agenda], OWN)
    assert [(m.body, m.date) for m in meetings] == [
        ("Board", date(2023, 1, 10)),
        ("Board", date(2023, 3, 14)),
    ]
    january, march = meetings
    assert january.agenda is not None and january.agenda.sha256 == ""  # linked, not fetched
    assert january.agenda_published is None
    assert march.agenda is not None and march.agenda.url == agenda.url
    assert march.agenda_published == PublicationDate(
        value=date(2023, 3, 6), provenance="last_modified"
    )
    assert march.minutes is not None and march.minutes_status == "draft"
    assert march.minutes_published == PublicationDate(
        value=date(2023, 3, 20), provenance="document_metadata"
    )
    assert march.papers == ()


def test_moderngov_meeting_page_with_agenda_papers_and_minutes() -> None:
    page = make_doc(
        "http://council.test/ieListDocuments.aspx?CId=12&MId=345",
        title="Agenda for Anytown LEP Investment Committee on Tuesday, 21st March, 2023, 10.00 am",
        kind="agenda",
        links=(
            Link(
                url="http://council.test/documents/g345/Agenda frontsheet.pdf",
                text="Agenda frontsheet PDF 80 KB",
            ),
            Link(
                url="http://council.test/documents/g345/Public reports pack.pdf",
                text="Public reports pack PDF 2 MB",
            ),
            Link(
                url="http://council.test/documents/s901/Growth Fund report.pdf",
                text="Growth Fund report PDF 300 KB",
            ),
            Link(
                url="http://council.test/documents/g345/Printed minutes.pdf",
                text="Printed minutes PDF 90 KB",
            ),
            Link(url="http://council.test/mgCalendarMonthView.aspx", text="Calendar"),
            Link(url="http://council.test/documents/privacy-notice.pdf", text="Privacy notice"),
        ),
    )
    report = make_doc(
        "http://council.test/documents/s901/Growth Fund report.pdf",
        via=page.url,
        first_seen=datetime(2023, 3, 10, 8, 0),
    )
    [meeting] = read_meetings([page, report], OWN)
    assert (meeting.body, meeting.date) == ("Investment Committee", date(2023, 3, 21))
    assert meeting.agenda is not None
    assert meeting.agenda.url.endswith("Agenda frontsheet.pdf")
    assert len(meeting.papers) == 2
    assert meeting.papers[0].url == report.url  # the dated paper first: it backs papers_published
    assert meeting.minutes is not None and meeting.minutes.url.endswith("Printed minutes.pdf")
    assert meeting.papers_published == PublicationDate(
        value=date(2023, 3, 10), provenance="first_seen"
    )


def test_minutes_dated_by_their_text_and_approved_by_the_next_meeting() -> None:
    first = make_doc(
        "http://lep.test/files/minutes-q1.pdf",
        kind="minutes",
        text="Minutes of the Anytown LEP Board meeting held on 10 January 2023 at the Guildhall",
    )
    second = make_doc(
        "http://lep.test/files/minutes-q2.pdf",
        kind="minutes",
        text="Minutes of the meeting held on 14 March 2023\n"
        "The minutes of the meeting held on 10 January 2023 were approved as a correct record.",
    )
    meetings = read_meetings([first, second], OWN)
    assert [(m.date, m.minutes_status) for m in meetings] == [
        (date(2023, 1, 10), "approved"),
        (date(2023, 3, 14), "unknown"),
    ]


def test_items_without_a_body_join_the_one_body_meeting_that_day() -> None:
    agenda = make_doc("http://lep.test/files/Investment-Panel-agenda-2023-05-02.pdf", kind="agenda")
    minutes = make_doc("http://lep.test/files/minutes-2023-05-02.pdf", kind="minutes")
    [meeting] = read_meetings([agenda, minutes], OWN)
    assert meeting.body == "Investment Panel"
    assert meeting.agenda is not None and meeting.minutes is not None


def test_minutes_published_as_a_web_page() -> None:
    page = make_doc(
        "http://lep.test/board/minutes-14-march-2023",
        title="Minutes of the Board meeting, 14 March 2023",
        kind="minutes",
        last_modified=datetime(2023, 3, 24, 12, 0),
        links=(Link(url="http://lep.test/files/item-4-finance.pdf", text="Item 4 Finance report"),),
    )
    [meeting] = read_meetings([page], OWN)
    assert meeting.minutes is not None and meeting.minutes.url == page.url
    assert meeting.minutes_published == PublicationDate(
        value=date(2023, 3, 24), provenance="last_modified"
    )
    assert [p.url for p in meeting.papers] == ["http://lep.test/files/item-4-finance.pdf"]
    assert meeting.agenda is None


def test_meeting_page_dated_in_its_text_and_a_two_meeting_listing() -> None:
    page = make_doc(
        "http://lep.test/board/march-2023",
        title="Board meeting – March 2023",
        text="Date: 14 March 2023, 10am\nAgenda\nItem 4 Finance report",
        links=(
            Link(url="http://lep.test/files/agenda.pdf", text="Agenda"),
            Link(url="http://lep.test/files/item-4.pdf", text="Item 4 Finance report"),
        ),
    )
    listing = make_doc(
        "http://lep.test/committees/investment",
        title="Investment Panel",
        headings=("Investment Panel", "2 May 2023", "6 June 2023"),
        text="Investment Panel\n2 May 2023\nAgenda | Minutes\n6 June 2023\nAgenda",
        links=(
            Link(url="http://lep.test/files/ip-agenda-2023-05-02.pdf", text="Agenda"),
            Link(url="http://lep.test/files/ip-minutes-2023-05-02.pdf", text="Minutes"),
            Link(url="http://lep.test/files/ip-agenda-2023-06-06.pdf", text="Agenda"),
        ),
    )
    found = [
        (m.body, m.date, m.agenda is not None, len(m.papers), m.minutes is not None)
        for m in read_meetings([page, listing], OWN)
    ]
    assert found == [
        ("Board", date(2023, 3, 14), True, 1, False),
        ("Investment Panel", date(2023, 5, 2), True, 0, True),
        ("Investment Panel", date(2023, 6, 6), True, 0, False),
    ]


def test_agenda_and_papers_in_one_file_count_as_both() -> None:
    pack = make_doc(
        "http://lep.test/files/board-2023-09-12-agenda-and-papers.pdf",
        kind="agenda",
        link_texts=("Agenda and papers",),
        last_modified=datetime(2023, 9, 1, 9, 0),
    )
    [meeting] = read_meetings([pack], OWN)
    assert meeting.agenda is not None and meeting.agenda.url == pack.url
    assert [p.url for p in meeting.papers] == [pack.url]
    assert meeting.papers_published == meeting.agenda_published


def test_minutes_dated_by_the_meeting_not_the_publication_line() -> None:
    minutes = make_doc(
        "http://lep.test/files/minutes.pdf",
        kind="minutes",
        text="Published: 20 March 2023\nAnytown LEP Board\nTuesday 14 March 2023, 10am\nPresent",
    )
    [meeting] = read_meetings([minutes], OWN)
    assert meeting.date == date(2023, 3, 14)


def test_listing_rows_of_different_bodies() -> None:
    listing = make_doc(
        "http://lep.test/meetings",
        title="Meetings and papers",
        text="Meeting | Papers\n"
        "Investment Panel, 2 May 2023 | Agenda | Minutes\n"
        "Anytown LEP Board meeting, 9 May 2023 | Agenda | Minutes",
        links=(
            Link(url="http://lep.test/files/a1.pdf", text="Agenda"),
            Link(url="http://lep.test/files/m1.pdf", text="Minutes"),
            Link(url="http://lep.test/files/a2.pdf", text="Agenda"),
            Link(url="http://lep.test/files/m2.pdf", text="Minutes"),
        ),
    )
    found = [
        (m.body, m.date, m.agenda.url if m.agenda else "") for m in read_meetings([listing], OWN)
    ]
    assert found == [
        ("Investment Panel", date(2023, 5, 2), "http://lep.test/files/a1.pdf"),
        ("Board", date(2023, 5, 9), "http://lep.test/files/a2.pdf"),
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


def test_a_committee_systems_agenda_and_minutes_page_is_both() -> None:
    # ModernGov's ieListDocuments titled "Agenda and minutes" once the minutes are in (the
    # corpus's Lancashire and Berkshire pages): the minutes are shown under each item.
    page = make_doc(
        "http://council.test/ieListDocuments.aspx?CId=938&MId=9121",
        title="Agenda and minutes - Anytown LEP Board - Wednesday, 20th September, 2023 4.30 pm",
        kind="minutes",
        text="Agenda and minutes\nDeclarations of Interest\n"
        "Minutes:\nJane Doe declared an interest in item 4 as a director of Acme Ltd.",
    )
    [meeting] = read_meetings([page], OWN)
    assert meeting.date == date(2023, 9, 20)
    assert meeting.agenda is not None and meeting.agenda.url == page.url
    assert meeting.minutes is not None and meeting.minutes.url == page.url
    assert minutes_documents([page], OWN) == [(page, date(2023, 9, 20))]


def test_an_agenda_page_that_links_its_printed_minutes_keeps_them_as_the_record() -> None:
    page = make_doc(
        "http://council.test/ieListDocuments.aspx?CId=938&MId=9122",
        title="Agenda and minutes - Anytown LEP Board - Wednesday, 18th October, 2023 4.30 pm",
        kind="minutes",
        links=(
            Link(
                url="http://council.test/documents/g9122/Printed minutes.pdf",
                text="Printed minutes PDF 90 KB",
            ),
        ),
    )
    [meeting] = read_meetings([page], OWN)
    assert meeting.minutes is not None and meeting.minutes.url.endswith("Printed minutes.pdf")


def test_minutes_that_cannot_be_dated_are_still_read_for_declarations() -> None:
    # A committee system's "Agenda and minutes" page whose kept text has no date (the corpus's
    # Lancashire and Marches pages): no meeting, but its declarations are still the record.
    page = make_doc(
        "http://council.test/ieListDocuments.aspx?CId=938&MId=4558",
        title="Meeting documents",
        text="Agenda and minutes\nApologies\nMinutes:\nNone.\nDeclarations of Interest\n"
        "Minutes:\nThere were no declarations of interest.",
    )
    listing = make_doc(
        "http://lep.test/minutes",
        title="Board minutes",
        kind="governance_page",
        text="Board minutes\nMinutes of the Board, 14 March 2023\nMinutes: 10 January 2023",
    )
    blank = make_doc("http://lep.test/files/blank.pdf", text="  \n", kind="minutes")
    assert read_meetings([page, listing, blank], OWN) == []
    assert minutes_documents([page, listing, blank], OWN) == [(page, None)]


def test_an_agenda_page_known_as_minutes_by_its_first_line_or_its_items() -> None:
    # "Agenda and draft minutes" heads the page; its title is the meeting's (Sheffield City
    # Region's ModernGov); or only "Minutes:" under the items says so.
    headed = make_doc(
        "http://council.test/ieListDocuments.aspx?CId=143&MId=207",
        title="Local Enterprise Partnership - Monday, 4th November, 2019 10.30 am",
        kind="agenda",
        text="Agenda and draft minutes\nLocal Enterprise Partnership - Monday, 4th November, "
        "2019 10.30 am\nItems\n1.\nWelcome and Apologies",
    )
    [meeting] = read_meetings([headed], OWN)
    assert meeting.minutes is not None and meeting.minutes.url == headed.url
    agenda_only = make_doc(
        "http://council.test/ieListDocuments.aspx?CId=143&MId=208",
        title="Local Enterprise Partnership - Monday, 2nd December, 2019 10.30 am",
        kind="agenda",
        text="Agenda\nItems\n1.\nWelcome and Apologies\nTo receive apologies.",
    )
    [meeting] = read_meetings([agenda_only], OWN)
    assert meeting.agenda is not None and meeting.minutes is None
    shown = agenda_only.model_copy(
        update={"pages": (PageText(number=1, text="Items\n1.\nApologies\nMinutes:\nNone."),)}
    )
    [meeting] = read_meetings([shown], OWN)
    assert meeting.minutes is not None
