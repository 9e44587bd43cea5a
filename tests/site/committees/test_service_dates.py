"""A successor body's meetings read from its pages, dated by what its own install's web service
declares (site/committees/service_dates): a suggested date gives way to the declared one, a
proved date stays, and a document the service does not list keeps what it had."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.models import (
    Document,
    FetchRecord,
    Meeting,
    MeetingNotice,
    PublicationDate,
    SourceRef,
)
from lepcheck.site.committees.service_dates import service_dates, with_service_dates
from tests.fixtures.moderngov.council_install import CouncilInstall, load_service
from tests.fixtures.moderngov.emulator import Install

BASE = "http://127.0.0.1:8000"
GET_MEETING = "/mgWebService.asmx/GetMeeting?lMeetingId=403"
NOTICE = (
    "/documents/s5202/Notice%20of%20intention%20to%20hold%20part%20of%20the%20meeting%20in"
    "%20private.pdf"
)
FURTHER = (
    "/documents/s5203/Further%20notice%20of%20private%20meeting%20-%20reasons%20and"
    "%20representations.pdf"
)
AGENDA = "/documents/g403/Agenda%20frontsheet%2010th-Dec-2024%2010.00%20Cabinet.pdf"


def get_meeting() -> Document:
    council = CouncilInstall(load_service(), BASE, Install())
    council.port = 8000
    reply = council.answer(GET_MEETING)
    fetched = datetime(2025, 2, 28, 12, tzinfo=UTC)
    url = BASE + GET_MEETING
    record = FetchRecord(url=url, final_url=url, status=reply.status,
                         content_type=reply.content_type, length=len(reply.body),
                         fetched_at=fetched, first_seen=fetched)  # fmt: skip
    return classify_document(extract_document(record, reply.body))


def suggested(day: date) -> PublicationDate:
    return PublicationDate(value=day, provenance="last_modified")


def cabinet(notice: PublicationDate | None) -> Meeting:
    """The Cabinet of 10 December 2024 as its pages give it: dates by Last-Modified."""
    return Meeting(
        body="Cabinet",
        date=date(2024, 12, 10),
        agenda=SourceRef(url=BASE + AGENDA),
        agenda_published=suggested(date(2024, 11, 29)),
        notices=(
            MeetingNotice(
                kind="private_notice", source=SourceRef(url=BASE + NOTICE), published=notice
            ),
            MeetingNotice(
                kind="private_notice_further",
                source=SourceRef(url=BASE + FURTHER),
                published=suggested(date(2024, 12, 2)),
            ),
        ),
    )


def test_every_public_paper_of_the_answer_is_dated_as_declared() -> None:
    dates = service_dates([get_meeting()])
    by_attachment = {k[1]: d for k, d in dates.items() if isinstance(k, tuple)}
    assert sorted(by_attachment) == [5201, 5202, 5203]
    stated = by_attachment[5203]
    assert (stated.value, stated.strength) == (date(2024, 12, 2), "declared")
    assert stated.source == f"publicationdate 02/12/2024 in {BASE}{GET_MEETING}"


def test_a_suggested_date_gives_way_to_the_declared_one() -> None:
    [meeting] = with_service_dates([cabinet(suggested(date(2024, 11, 22)))], [get_meeting()])
    first, further = meeting.notices
    assert first.published is not None and first.published.strength == "declared"
    assert first.published.value == date(2024, 11, 22)
    assert further.published is not None and further.published.strength == "declared"
    # The agenda frontsheet is a pack the service does not list: its date stays suggested.
    assert meeting.agenda_published == suggested(date(2024, 11, 29))


def test_a_proved_date_is_stronger_and_stays() -> None:
    proved = PublicationDate(value=date(2024, 11, 1), provenance="first_seen")
    [meeting] = with_service_dates([cabinet(proved)], [get_meeting()])
    assert meeting.notices[0].published == proved


def test_without_a_service_answer_the_meetings_are_unchanged() -> None:
    meetings = [cabinet(None)]
    assert with_service_dates(meetings, []) == meetings
