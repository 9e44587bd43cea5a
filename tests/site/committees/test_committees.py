"""The site model's meetings from a committee system: the emulated Wyvern County Council's
answers read through the real extract stage, without a crawl (the site stage alone)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.models import Document, FetchRecord, Meeting, SourceRef
from lepcheck.site.build import organisation_words
from lepcheck.site.committees import join_meetings, read_committee_meetings
from tests.fixtures.moderngov.council_data import WYVERN, load
from tests.fixtures.moderngov.emulator import Emulator, Install

BASE = "http://127.0.0.1:8000"
AS_OF = date(2024, 1, 31)
WORDS = organisation_words("Wyvern Coast Local Enterprise Partnership")
WINDOW = "sFromDate=31/01/2022&sToDate=31/03/2024"


EMULATOR = Emulator(load(WYVERN), Install())
EMULATOR.port = 8000


def documents(*targets: str) -> list[Document]:
    emulator = EMULATOR
    fetched = datetime(2024, 1, 31, 12, tzinfo=UTC)
    found = []
    for target in targets:
        reply = emulator.answer(target)
        record = FetchRecord(url=BASE + target, final_url=BASE + target, status=reply.status,
                             content_type=reply.content_type, length=len(reply.body),
                             fetched_at=fetched, first_seen=fetched)  # fmt: skip
        found.append(classify_document(extract_document(record, reply.body)))
    return found


def board(*meetings: int) -> list[Document]:
    return documents(
        f"/mgWebService.asmx/GetMeetings?lCommitteeId=512&{WINDOW}",
        *(f"/mgWebService.asmx/GetMeeting?lMeetingId={m}" for m in meetings),
    )


def by_date(meetings: list[Meeting]) -> dict[date, Meeting]:
    return {m.date: m for m in meetings}


def test_the_service_declares_status_papers_and_their_dates() -> None:
    meetings, declared, installs = read_committee_meetings(board(8103, 8106), WORDS, AS_OF)
    assert installs == {BASE + "/"}
    found = by_date(meetings)
    assert found[date(2022, 12, 13)].status == "cancelled"  # from GetMeetings alone
    june = found[date(2023, 6, 20)]
    assert (june.body, june.status, june.system) == ("Board", "held", "moderngov")
    assert [d.value for d in june.paper_dates if d] == [
        date(2023, 6, 12), date(2023, 6, 12), date(2023, 6, 15)
    ]  # fmt: skip
    assert all(d is not None and d.strength == "declared" for d in june.paper_dates)
    assert june.papers_published is not None and june.papers_published.value == date(2023, 6, 15)
    assert "publicationdate 15/06/2023 in " + BASE in june.papers_published.source
    assert june.agenda is not None and june.agenda.url.endswith("lMeetingId=8106#agenda")
    assert {d.kind for d in declared} == {"agenda", "minutes"}
    # meetings only listed (not asked for) are not described: nothing of them was read
    assert date(2022, 3, 15) not in found


def test_approved_minutes_come_from_the_meeting_that_approved_them() -> None:
    meetings, _, _ = read_committee_meetings(board(8105, 8106), WORDS, AS_OF)
    march = by_date(meetings)[date(2023, 3, 21)]
    assert march.minutes_status == "approved"
    assert march.minutes_approved_on == date(2023, 6, 20)
    assert march.approved_minutes is not None
    assert march.approved_minutes.url == BASE + "/mgConvert2PDF.aspx?ID=71022"
    published = march.approved_minutes_published
    assert published is not None and published.value == date(2023, 7, 11)
    assert published.provenance == "declared"


def test_draft_minutes_are_dated_by_the_decision_pages() -> None:
    docs = board(8106) + documents("/ieDecisionDetails.aspx?AIId=90035")
    meetings, _, _ = read_committee_meetings(docs, WORDS, AS_OF)
    june = by_date(meetings)[date(2023, 6, 20)]
    assert june.minutes is not None and june.minutes.url.endswith("#minutes")
    assert june.minutes_published is not None
    assert june.minutes_published.value == date(2023, 6, 29)
    assert "on the decision page " + BASE + "/ieDecisionDetails.aspx?AIId=90035" in (
        june.minutes_published.source
    )


def test_withheld_papers_keep_their_ground() -> None:
    docs = documents(
        f"/mgWebService.asmx/GetMeetings?lCommitteeId=513&{WINDOW}",
        "/mgWebService.asmx/GetMeeting?lMeetingId=8203",
    )
    meetings, declared, _ = read_committee_meetings(docs, WORDS, AS_OF)
    panel = by_date(meetings)[date(2022, 10, 19)]
    assert panel.body == "Investment Panel"
    (withheld,) = panel.withheld
    assert withheld.title == "Project Halyard: Loan Application"
    assert "Paragraph 3 of Part 1 of Schedule 12A" in withheld.ground
    agenda = next(d for d in declared if d.kind == "agenda")
    assert "Part II (Not Open to Press and Public)" in agenda.text


def test_the_pages_give_the_same_meeting_with_weaker_dates() -> None:
    docs = documents(
        "/ieListDocuments.aspx?CId=512&MId=8106",
        "/ieDecisionDetails.aspx?AIId=90035",
        "/documents/s71024/Supplementary - Integration Transition Plan.pdf",
    )
    meetings, declared, _ = read_committee_meetings(docs, WORDS, AS_OF)
    (june,) = meetings
    assert declared == []
    assert june.minutes_published is not None and june.minutes_published.strength == "declared"
    supplementary = june.papers[-1]
    assert supplementary.sha256  # the fetched file, found by its URL
    dated = june.paper_dates[-1]
    assert dated is not None and (dated.value, dated.strength) == (date(2023, 6, 15), "suggested")


def ref(url: str) -> SourceRef:
    return SourceRef(url=url)


def test_a_meeting_on_both_sides_is_one_meeting() -> None:
    system = [Meeting(body="Board", date=date(2023, 6, 20), status="held", system="moderngov",
                      agenda=ref(BASE + "/x#agenda"))]  # fmt: skip
    listed = Meeting(body="Board", date=date(2023, 6, 20), minutes=ref("https://lep.test/m.pdf"))
    owned = Meeting(
        body="Board", date=date(2021, 12, 14), minutes=ref(BASE + "/documents/s1/M.pdf")
    )
    own = Meeting(body="Board", date=date(2021, 12, 14), agenda=ref("https://lep.test/a.pdf"))
    joined = join_meetings(system, [listed, owned, own], {BASE + "/"})
    assert [(m.date, m.system) for m in joined] == [
        (date(2021, 12, 14), ""),
        (date(2023, 6, 20), "moderngov"),
    ]
    assert joined[0] is own  # a LEP's own meeting stays; the system's stray file does not
    assert joined[1].minutes is not None and joined[1].minutes.url == "https://lep.test/m.pdf"
