"""ModernGov pages read into committee records: the real decision pages (DemocracyClub/LGSF,
MIT), the emulator's pages in the real markup, and the older hand-made Kestrel Vale pages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from lepcheck.extract.classify import classify_document
from lepcheck.extract.committees.kinds import declared_kind
from lepcheck.extract.committees.moderngov import read_page, spoken_date
from lepcheck.extract.document import extract_document
from lepcheck.models import FetchRecord
from tests.fixtures.moderngov.council_data import WYVERN, load
from tests.fixtures.moderngov.emulator import Emulator, Install

TESTS = Path(__file__).resolve().parents[2]
REAL = TESTS / "fixtures" / "moderngov" / "real"
KESTREL = TESTS / "sites" / "moderngov" / "council"
BASE = "https://democracy.example.gov.uk/"
EMULATOR = Emulator(load(WYVERN), Install())
EMULATOR.port = 8000


def served(target: str) -> bytes:
    return EMULATOR.answer(target).body


def test_a_real_decision_page_declares_its_publication_date_and_meeting() -> None:
    body = (REAL / "ieDecisionDetails.html").read_bytes()
    record = read_page(body, BASE + "ieDecisionDetails.aspx?ID=1")
    assert record is not None and record.source == "decision page"
    (decision,) = record.decisions
    assert decision.title == "Minutes of Previous Meeting"
    assert (decision.published, decision.decided) == (date(2015, 10, 22), date(2015, 10, 19))
    assert (decision.meeting_id, decision.committee_id) == (4832, 151)  # "MID", not "MId"
    (document,) = decision.documents
    assert document.url == BASE + "documents/s7942/polc2 - 23.09.2015.pdf"
    assert (document.attachment_id, document.title) == (7942, "polc2 - 23.09.2015")


def test_a_real_officer_decision_has_no_meeting_and_no_documents() -> None:
    body = (REAL / "ieDecisionDetails-no-documents.html").read_bytes()
    record = read_page(body, BASE + "ieDecisionDetails.aspx?ID=2")
    assert record is not None
    (decision,) = record.decisions
    assert decision.title.startswith("To enable the Council's waste treatment contractor")
    assert decision.published == date(2026, 8, 5)
    assert decision.meeting_id is None and decision.documents == ()


def test_a_meeting_page_declares_its_items_papers_packs_and_withheld_item() -> None:
    url = "http://127.0.0.1:8000/ieListDocuments.aspx?CId=513&MId=8203"
    record = read_page(served("/ieListDocuments.aspx?CId=513&MId=8203"), url)
    assert record is not None
    (meeting,) = record.meetings
    assert (meeting.meeting_id, meeting.committee_id, meeting.date) == (
        8203,
        513,
        date(2022, 10, 19),
    )
    assert meeting.committee == "Wyvern Coast LEP Investment Panel"
    assert meeting.minutes_approved is True and not meeting.cancelled  # "Agenda and minutes"
    assert [p.pack for p in meeting.papers if p.pack] == ["agenda", "reports", "minutes"]
    titles = [i.title for i in meeting.items]
    assert titles[2] == "Declaration of Interests"
    restricted = [i for i in meeting.items if i.restricted]
    assert [i.title for i in restricted] == ["Project Halyard: Loan Application"]
    assert "Paragraph 3 of Part 1 of Schedule 12A" in restricted[0].text
    assert restricted[0].minutes.startswith("The Panel considered an application")
    assert meeting.items[0].text == "" and "No apologies" in meeting.items[0].minutes
    papers = [p for p in meeting.papers if p.attachment_id]
    assert (papers[0].attachment_id, papers[0].title) == (71042, "Minutes 11th May 2022")
    assert papers[0].item_title == "Minutes of the meeting held on 11th May 2022"


def test_a_cancelled_meeting_and_a_draft() -> None:
    cancelled = read_page(served("/ieListDocuments.aspx?CId=512&MId=8104"),
                          "http://x/ieListDocuments.aspx?CId=512&MId=8104")  # fmt: skip
    assert cancelled is not None and cancelled.meetings[0].cancelled
    assert cancelled.meetings[0].agenda_published is False
    draft = read_page(served("/ieListDocuments.aspx?CId=512&MId=8108"),
                      "http://x/ieListDocuments.aspx?CId=512&MId=8108")  # fmt: skip
    assert draft is not None and draft.meetings[0].minutes_approved is False  # "draft minutes"


def test_a_meeting_list_gives_dates_and_cancellations() -> None:
    record = read_page(served("/ieListMeetings.aspx?CId=512&Year=2022"),
                       "http://x/ieListMeetings.aspx?CId=512&Year=2022")  # fmt: skip
    assert record is not None
    assert [(m.meeting_id, m.date, m.cancelled) for m in record.meetings] == [
        (8101, date(2022, 3, 15), False),
        (8102, date(2022, 6, 21), False),
        (8103, date(2022, 9, 20), False),
        (8104, date(2022, 12, 13), True),
    ]
    assert [c.title for c in record.committees] == [
        "Wyvern Coast Local Enterprise Partnership Board"
    ]


def test_a_committee_page_names_its_committee() -> None:
    record = read_page(served("/mgCommitteeDetails.aspx?ID=513"),
                       "http://x/mgCommitteeDetails.aspx?ID=513")  # fmt: skip
    assert record is not None and record.source == "committee page"
    assert [(c.id, c.title) for c in record.committees] == [
        (513, "Wyvern Coast LEP Investment Panel")
    ]


def test_an_older_page_with_its_date_in_the_heading() -> None:
    body = (KESTREL / "ieListDocuments_457.html").read_bytes()
    record = read_page(body, BASE + "ieListDocuments.aspx?CId=123&MId=457")
    assert record is not None
    (meeting,) = record.meetings
    assert meeting.date == date(2022, 6, 6) and meeting.committee_id == 123
    assert [p.pack for p in meeting.papers if p.pack] == ["agenda", "minutes"]
    assert {p.attachment_id for p in meeting.papers if not p.pack} == {1288, 1289}


def test_other_pages_are_not_read_as_moderngov() -> None:
    assert (
        read_page(
            b"<html><body><h1>Meetings</h1></body></html>", BASE + "ieListDocuments.aspx?MId=1"
        )
        is None
    )
    assert read_page(served("/mgUserInfo.aspx?UID=301"), BASE + "mgUserInfo.aspx?UID=301") is None
    assert spoken_date("Tuesday, 15th March, 2022 4.30 pm") == date(2022, 3, 15)
    assert spoken_date("Monday, 6 June, 2022 10.00 am") == date(2022, 6, 6)


def record_for(url: str, body: bytes, content_type: str, status: int = 200) -> FetchRecord:
    now = datetime(2024, 1, 31, tzinfo=UTC)
    return FetchRecord(url=url, final_url=url, status=status, content_type=content_type,
                       length=len(body), fetched_at=now, first_seen=now)  # fmt: skip


def test_extract_puts_the_record_on_the_document() -> None:
    target = "/mgWebService.asmx/GetMeeting?lMeetingId=8106"
    reply = EMULATOR.answer(target)
    doc = extract_document(
        record_for("http://127.0.0.1:8000" + target, reply.body, reply.content_type), reply.body
    )
    assert doc.readable and doc.title == "ModernGov web service: GetMeeting"
    assert doc.committee is not None and doc.committee.meetings[0].meeting_id == 8106
    assert doc.pages == ()  # data for the site model, not text to search
    page = "/ieListDocuments.aspx?CId=513&MId=8203"
    html = served(page)
    doc = extract_document(record_for("http://x" + page, html, "text/html; charset=utf-8"), html)
    assert doc.committee is not None and doc.committee.source == "meeting page"
    assert "Project Halyard" in doc.text  # and the page is read as a page, as before


def test_an_unusable_answer_is_an_unreadable_document_with_the_reason() -> None:
    malformed = Emulator(load(WYVERN), Install(web_service="malformed"))
    target = "/mgWebService.asmx/GetCommittees"
    reply = malformed.answer(target)
    doc = extract_document(
        record_for("http://x" + target, reply.body, reply.content_type), reply.body
    )
    assert not doc.readable and doc.committee is None
    assert doc.unreadable_reason is not None
    assert doc.unreadable_reason.startswith(
        "ModernGov GetCommittees: the GetCommittees answer is malformed XML"
    )


def test_a_meeting_page_with_its_printed_minutes_is_the_agenda_not_the_minutes() -> None:
    # ModernGov's "Agenda and minutes" page shows each item's minutes, so the words read as
    # minutes; but the printed minutes it links are the meeting's record, judged once (COI-07).
    page = "/ieListDocuments.aspx?CId=513&MId=8203"
    html = served(page)
    doc = classify_document(
        extract_document(record_for("http://x" + page, html, "text/html; charset=utf-8"), html)
    )
    assert (doc.kind, doc.kind_reasons) == (
        "agenda",
        ("a committee system's meeting page; its printed minutes are a file",),
    )
    # Without the printed minutes, the page is the only record: the classifier judges it.
    assert doc.committee is not None
    (meeting,) = doc.committee.meetings
    papers = tuple(p for p in meeting.papers if p.pack != "minutes")
    record = doc.committee.model_copy(
        update={"meetings": (meeting.model_copy(update={"papers": papers}),)}
    )
    alone = doc.model_copy(update={"committee": record})
    assert declared_kind(alone) is None
    assert classify_document(alone).kind == "minutes"
