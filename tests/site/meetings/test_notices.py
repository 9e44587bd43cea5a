"""A meeting's notices on a ModernGov-style meeting page: the page itself as the notice of the
meeting, the private-meeting notices and the record of decisions, and private business."""

from __future__ import annotations

from datetime import date, datetime

from lepcheck.models import Link
from lepcheck.site.meetings.notices import notice_role
from lepcheck.site.meetings.reader import read_meetings
from tests.site.site_docs import make_doc

PAGE = "http://council.test/ieListDocuments.aspx?CId=130&MId=901"


def meeting_page(*links: Link, text: str = "") -> list:  # type: ignore[type-arg]
    page = make_doc(
        PAGE,
        title="Agenda and decisions: Cabinet, Tuesday, 9 January, 2024 10.00 am",
        headings=("Agenda and decisions: Cabinet, Tuesday, 9 January, 2024 10.00 am",),
        links=links,
        text=text or "Venue: Council Chamber, County Hall. Contact: Democratic Services",
        last_modified=datetime(2023, 12, 22, 9, 0),
    )
    return [page]


def test_link_texts_name_the_notices() -> None:
    assert notice_role("Notice of intention to hold part of the meeting in private PDF") == (
        "private_notice"
    )
    assert notice_role("Further notice of private meeting - representations PDF") == (
        "private_notice_further"
    )
    assert notice_role("Printed decisions 09th-Jan-2024 10.00 Cabinet PDF") == "decision_record"
    assert notice_role("Agenda frontsheet PDF") is None
    assert notice_role("Minutes of the previous meeting") is None


def test_the_meeting_page_is_its_notice_and_links_its_other_notices() -> None:
    decisions = "http://council.test/documents/g901/Printed%20decisions%2009th-Jan-2024.pdf"
    private = "http://council.test/documents/s5001/Notice%20of%20private%20meeting.pdf"
    docs = meeting_page(
        Link(url=decisions, text="Printed decisions PDF"),
        Link(url=private, text="Notice of intention to hold part of the meeting in private PDF"),
    )
    [meeting] = read_meetings(docs)
    assert (meeting.body, meeting.date) == ("Cabinet", date(2024, 1, 9))
    kinds = {n.kind: n for n in meeting.notices}
    assert set(kinds) == {"notice", "decision_record", "private_notice"}
    assert kinds["notice"].source.url == PAGE
    assert kinds["notice"].published is not None
    assert kinds["notice"].published.value == date(2023, 12, 22)
    assert kinds["decision_record"].source.url == decisions
    assert meeting.private  # a notice of a private meeting makes it one
    assert not meeting.papers  # the notices are not papers


def test_exempt_business_on_the_agenda_makes_a_meeting_private() -> None:
    text = "7. Exclusion of the press and public: paragraph 3 of Schedule 12A"
    [meeting] = read_meetings(meeting_page(text=text))
    assert meeting.private
    [open_meeting] = read_meetings(meeting_page())
    assert not open_meeting.private
