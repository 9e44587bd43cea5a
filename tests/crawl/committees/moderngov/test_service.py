"""The web-service reader against real ModernGov answers (tests/fixtures/moderngov/real, MIT,
DemocracyClub/LGSF) and against the bad answers of the emulator's variants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lepcheck.crawl.committees.moderngov.service import (
    ServiceAnswerError,
    is_method_list,
    plain_text,
    read_answer,
    refusal,
)
from tests.fixtures.moderngov.council_data import WYVERN, load
from tests.fixtures.moderngov.emulator import CHALLENGE, Emulator, Install

REAL = Path(__file__).resolve().parents[3] / "fixtures" / "moderngov" / "real"
XML = "text/xml; charset=utf-8"


def real(name: str) -> bytes:
    return (REAL / name).read_bytes()


def test_get_committees_lists_ids_and_titles() -> None:
    record = read_answer("GetCommittees", XML, real("GetCommittees.xml"))
    assert [(c.id, c.title) for c in record.committees] == [
        (312, "Appointment Sub Committee for Director of Adult Social Services"),
        (163, "Art Galleries Committee"),
        (144, "Audit Committee"),
    ]


def test_get_meetings_reads_dates_status_and_committee() -> None:
    record = read_answer("GetMeetings", XML, real("GetMeetings.xml"))
    assert [(m.meeting_id, m.date, m.status, m.cancelled) for m in record.meetings] == [
        (4966, date(2026, 1, 13), "Cancelled", True),
        (4967, date(2026, 2, 10), "Confirmed", False),
    ]
    assert {(m.committee_id, m.committee) for m in record.meetings} == {(144, "Audit Committee")}


def test_get_meeting_reads_items_papers_and_their_publication_dates() -> None:
    (meeting,) = read_answer("GetMeeting", XML, real("GetMeeting-with-minutes.xml")).meetings
    assert (meeting.meeting_id, meeting.date, meeting.cancelled) == (4967, date(2026, 2, 10), False)
    assert meeting.agenda_published is True and meeting.minutes_published is True
    assert meeting.committee == "Audit Committee"
    assert [i.title for i in meeting.items] == ["Minutes", "Work Programme"]
    assert meeting.items[0].text.startswith("To approve as a correct record the minutes")
    assert "25 November 2025 as a correct record" in meeting.items[0].minutes
    assert meeting.items[0].declarations == 0 and meeting.items[0].item_id == 18831
    first = meeting.papers[0]
    assert first.url == "https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860"
    assert (first.attachment_id, first.published) == (60860, date(2026, 2, 2))
    assert first.title == "6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025"
    assert (first.restricted, first.restriction, first.decision_attachment) == (False, "", False)
    assert first.item_title == "Minutes"
    assert [(a.name, a.role, a.attendance) for a in meeting.attendees] == [
        ("Councillor Basil Curley", "Committee Member", "Expected")
    ]


def test_a_cancelled_meeting_has_nothing_published() -> None:
    (meeting,) = read_answer("GetMeeting", XML, real("GetMeeting-cancelled.xml")).meetings
    assert meeting.cancelled and meeting.status == "Cancelled"
    assert (meeting.agenda_published, meeting.minutes_published) == (False, False)
    assert meeting.items == () and meeting.papers == ()


def test_text_encoded_twice_is_decoded_twice() -> None:
    body = (
        b"<meeting><meetingid>1</meetingid><meetingdate>01/02/2023</meetingdate>"
        b"<agendaitems><agendaitem><agendaitemtitle>Chair&amp;#39;s Communications"
        b"</agendaitemtitle><minutesnonemptyhtmlbody>&lt;p&gt;The Government&amp;#39;s "
        b"decision&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</minutesnonemptyhtmlbody></agendaitem>"
        b"</agendaitems></meeting>"
    )
    (meeting,) = read_answer("GetMeeting", XML, body).meetings
    assert meeting.items[0].title == "Chair's Communications"
    assert meeting.items[0].minutes == "The Government's decision\nSecond"
    assert plain_text("<p>a &amp; b</p><br/>c") == "a & b\nc"


def wyvern_answer(variant: str, target: str) -> tuple[int, str, bytes]:
    emulator = Emulator(load(WYVERN), Install(web_service=variant, oversized_bytes=200_000))  # type: ignore[arg-type]
    reply = emulator.answer(target)
    return reply.status, reply.content_type, reply.body


MEETINGS = "/mgWebService.asmx/GetMeetings?lCommitteeId=512&sFromDate=31/01/2022&sToDate=31/03/2024"


@pytest.mark.parametrize(
    ("variant", "reason"),
    [
        ("malformed", "malformed XML"),
        ("html", "an HTML page, not XML"),
        ("bad_dates", "a date that does not parse as dd/mm/yyyy: '2022-03-15T00:00:00'"),
    ],
)
def test_bad_answers_raise_with_the_reason(variant: str, reason: str) -> None:
    status, content_type, body = wyvern_answer(variant, MEETINGS)
    assert status == 200
    with pytest.raises(ServiceAnswerError, match=reason.replace("(", r"\(")):
        read_answer("GetMeetings", content_type, body)


def test_an_answer_cut_at_the_size_cap_is_refused() -> None:
    _, content_type, body = wyvern_answer("oversized", MEETINGS)
    assert len(body) > 200_000
    with pytest.raises(ServiceAnswerError, match="larger than the size cap"):
        read_answer("GetMeetings", content_type, body[:100_000], truncated=True)
    # whole, it is valid XML whose repeats add no meeting
    assert len(read_answer("GetMeetings", content_type, body).meetings) == 9


def test_xml_with_entities_is_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa">]><committees>&a;</committees>'
    with pytest.raises(ServiceAnswerError, match="DTD or entities"):
        read_answer("GetCommittees", XML, bomb)


def test_refusals_are_named() -> None:
    challenge = refusal(403, [("cf-mitigated", "challenge")], CHALLENGE)
    assert challenge is not None and challenge.startswith("blocked by a bot challenge page")
    assert refusal(403, [], CHALLENGE) == challenge  # the page alone says it
    assert refusal(404, [], b"") == "HTTP 404: this install has no web service"
    assert refusal(500, [], b"Server Error") == "HTTP 500: the web service refused"
    assert refusal(200, [], b"") is None


def test_the_method_list_is_recognised() -> None:
    status, _, body = wyvern_answer("ok", "/mgWebService.asmx")
    assert is_method_list(status, body)
    assert not is_method_list(200, b"<html><body>Committee meetings</body></html>")
    assert not is_method_list(*wyvern_answer("challenge", "/mgWebService.asmx")[::2])
