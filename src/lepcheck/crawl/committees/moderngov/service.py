"""The ModernGov web service (`mgWebService.asmx`): its answers read into committee records.

One module reads them for both stages that need them: the crawl, to decide what to ask next,
and the extract stage, to give the site model what the service declares. XML is parsed with
defusedxml (no DTDs, no entities); an answer that is refused, cut, HTML, malformed or carries
dates that do not parse raises `ServiceAnswerError` with a one-line reason, and the caller
falls back to the committee's pages.

Quirks of real installs (tests/fixtures/moderngov/README.md): dates are dd/mm/yyyy; text is
HTML-encoded before XML escaping (`&amp;#39;`), so it is decoded twice; `agendapublished` and
`minutepublished` are booleans, and only each linked document carries a `publicationdate`;
counts carry a leading space and empty elements hold whitespace; `restrictionsRef` is the one
camel-case element.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import date
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException

from lepcheck.committee_records import (
    CommitteeAttendee,
    CommitteeInfo,
    CommitteeItem,
    CommitteeMeeting,
    CommitteePaper,
    CommitteeRecord,
)
from lepcheck.crawl.access import challenge_of
from lepcheck.crawl.committees.moderngov.urls import attachment_id
from lepcheck.vocab.committees import CANCELLED_STATUS

SERVICE_PATH = "mgWebService.asmx"
# The methods an audit needs; a method list without them is not a usable service.
NEEDED_METHODS = ("GetCommittees", "GetMeetings", "GetMeeting")
# A committee's two years of meetings, or one meeting with its minutes, is tens of kilobytes:
# an answer beyond this is cut by the crawl and refused here.
SERVICE_MAX_BYTES = 5_000_000
_EXPECTED_ROOT = {
    "GetCommittees": "committees",
    "GetMeetings": "getmeetings",
    "GetMeeting": "meeting",
}
_UK_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\b[^>]*>", re.IGNORECASE)


class ServiceAnswerError(Exception):
    """An answer of the web service that cannot be used; the message says why, in one line."""


def refusal(status: int, headers: Iterable[tuple[str, str]], body: bytes) -> str | None:
    """Why an HTTP answer is a refusal rather than an answer, or None for a 2xx."""
    if 200 <= status < 300:
        return None
    # The same detection as every page the crawl reads (crawl/access.py).
    challenge = challenge_of(status, headers, body)
    if challenge is not None:
        return f"blocked by a bot challenge page (HTTP {status}, {challenge}): not read"
    if status == 404:
        return "HTTP 404: this install has no web service"
    return f"HTTP {status}: the web service refused"


def root_of(method: str, content_type: str, body: bytes, *, truncated: bool = False) -> Element:
    """The parsed root element of an answer to `method`, or ServiceAnswerError."""
    if truncated:
        raise ServiceAnswerError(
            f"the {method} answer is larger than the size cap ({len(body):,} bytes kept)"
        )
    head = body[:512].lstrip().lower()
    if "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html")):
        raise ServiceAnswerError(f"the {method} answer is an HTML page, not XML")
    try:
        root: Element = SafeXML.fromstring(body)
    except DefusedXmlException as error:
        raise ServiceAnswerError(f"the {method} answer has a DTD or entities ({error})") from error
    except ParseError as error:
        raise ServiceAnswerError(f"the {method} answer is malformed XML ({error})") from error
    expected = _EXPECTED_ROOT.get(method)
    if expected is not None and root.tag != expected:
        raise ServiceAnswerError(f"the {method} answer is <{root.tag}>, not <{expected}>")
    return root


def method_names(body: bytes) -> set[str]:
    """The operations an ASP.NET service help page lists ("mgWebService.asmx?op=GetMeeting")."""
    return set(re.findall(r"\?op=(\w+)", body.decode("utf-8", "replace")))


def is_method_list(status: int, body: bytes) -> bool:
    return 200 <= status < 300 and all(m in method_names(body) for m in NEEDED_METHODS)


# ---------------------------------------------------------------- values


def text_of(element: Element | None, name: str) -> str:
    """An element's text decoded the second time (HTML entities inside XML), stripped."""
    if element is None:
        return ""
    found = element.find(name)
    if found is None or found.text is None:
        return ""
    return html.unescape(found.text).strip()


def plain_text(fragment: str) -> str:
    """An HTML fragment (agendatext, minutesnonemptyhtmlbody) as lines of plain text."""
    # Line breaks in the source are spaces in HTML; paragraphs and <br> are the lines.
    broken = _BREAK.sub("\n", fragment.replace("\r", " ").replace("\n", " "))
    lines = (" ".join(html.unescape(_TAG.sub(" ", line)).split()) for line in broken.split("\n"))
    return "\n".join(line for line in lines if line)


def flag(element: Element | None, name: str) -> bool | None:
    value = text_of(element, name).lower()
    return True if value == "true" else False if value == "false" else None


def number(element: Element | None, name: str) -> int | None:
    value = text_of(element, name)
    return int(value) if value.isdigit() else None


def uk_date(value: str, where: str) -> date:
    """dd/mm/yyyy, as every install sends dates; anything else is an answer we cannot trust."""
    match = _UK_DATE.fullmatch(value)
    if match:
        try:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            pass
    raise ServiceAnswerError(
        f"a date that does not parse as dd/mm/yyyy: {value[:40]!r} in <{where}>"
    )


def optional_uk_date(value: str, where: str) -> date | None:
    return uk_date(value, where) if value else None


# ---------------------------------------------------------------- answers


def read_committees(root: Element) -> CommitteeRecord:
    committees = []
    for element in root.iter("committee"):
        committee_id = number(element, "committeeid")
        if committee_id is not None:
            committees.append(
                CommitteeInfo(id=committee_id, title=text_of(element, "committeetitle"))
            )
    return CommitteeRecord(source="GetCommittees", committees=tuple(committees))


def read_meetings(root: Element) -> CommitteeRecord:
    committees: list[CommitteeInfo] = []
    meetings: dict[int, CommitteeMeeting] = {}
    for committee in root.iter("committee"):
        committee_id = number(committee, "committeeid")
        title = text_of(committee, "committeetitle")
        if committee_id is not None:
            committees.append(CommitteeInfo(id=committee_id, title=title))
        for element in committee.iter("meeting"):
            meeting_id = number(element, "meetingid")
            if meeting_id is None or meeting_id in meetings:
                continue  # an enormous answer repeating itself adds nothing
            status = text_of(element, "meetingstatus")
            meetings[meeting_id] = CommitteeMeeting(
                meeting_id=meeting_id,
                date=uk_date(text_of(element, "meetingdate"), "meetingdate"),
                committee_id=committee_id,
                committee=title,
                status=status,
                cancelled=bool(CANCELLED_STATUS.match(status)),
            )
    return CommitteeRecord(
        source="GetMeetings", committees=tuple(committees), meetings=tuple(meetings.values())
    )


def read_meeting(root: Element) -> CommitteeRecord:
    meeting_id = number(root, "meetingid")
    if meeting_id is None:
        return CommitteeRecord(source="GetMeeting")  # an unknown meeting id: an empty <meeting>
    items, papers = _items(root)
    status = text_of(root, "meetingstatus")
    meeting = CommitteeMeeting(
        meeting_id=meeting_id,
        date=uk_date(text_of(root, "meetingdate"), "meetingdate"),
        committee=_committee_title(root),
        status=status,
        cancelled=bool(CANCELLED_STATUS.match(status)),
        agenda_published=flag(root, "agendapublished"),
        minutes_published=flag(root, "minutepublished"),
        items=tuple(items),
        papers=tuple(papers),
        attendees=tuple(_attendees(root)),
    )
    return CommitteeRecord(source="GetMeeting", meetings=(meeting,))


def _committee_title(root: Element) -> str:
    """GetMeeting names its committee only inside items (`refertocommittee`) and documents."""
    for path in (".//agendaitem", ".//linkeddoc"):
        for element in root.iterfind(path):
            title = text_of(element, "refertocommittee") or text_of(element, "committeetitle")
            if title:
                return title
    return ""


def _items(root: Element) -> tuple[list[CommitteeItem], list[CommitteePaper]]:
    items: list[CommitteeItem] = []
    papers: list[CommitteePaper] = []
    for element in root.iterfind("agendaitems/agendaitem"):
        title = text_of(element, "agendaitemtitle")
        restricted = bool(flag(element, "isrestricted"))
        items.append(
            CommitteeItem(
                number=text_of(element, "agendaitemnumber"),
                title=title,
                text=plain_text(text_of(element, "agendatext")),
                minutes=plain_text(text_of(element, "minutesnonemptyhtmlbody")),
                restricted=restricted,
                declarations=number(element, "declarationcount"),
                decision_published=bool(flag(element, "isdecisionpublished")),
                item_id=number(element, "agendaitemid"),
            )
        )
        for doc in element.iterfind("linkeddocuments/linkeddoc"):
            papers.append(_paper(doc, title))
    return items, papers


def _paper(doc: Element, item_title: str) -> CommitteePaper:
    url = text_of(doc, "url")
    found = number(doc, "attachmentid")
    return CommitteePaper(
        url=url,
        title=text_of(doc, "title"),
        attachment_id=found if found is not None else attachment_id(url),
        published=optional_uk_date(text_of(doc, "publicationdate"), "publicationdate"),
        restricted=bool(flag(doc, "isrestricted")),
        restriction=text_of(doc, "restrictionsRef"),
        decision_attachment=bool(flag(doc, "isdecisionattachment")),
        item_title=text_of(doc, "ownertitle") or item_title,
    )


def _attendees(root: Element) -> list[CommitteeAttendee]:
    return [
        CommitteeAttendee(
            name=html.unescape(a.get("name", "")).strip(),
            role=html.unescape(a.get("roledescription", "")).strip(),
            attendance=a.get("attendance", "").strip(),
        )
        for a in root.iterfind("attendees/attendee")
    ]


READERS = {
    "GetCommittees": read_committees,
    "GetMeetings": read_meetings,
    "GetMeeting": read_meeting,
}


def read_answer(
    method: str, content_type: str, body: bytes, *, truncated: bool = False
) -> CommitteeRecord:
    """What one answer of the service declares; ServiceAnswerError when it cannot be used."""
    reader = READERS.get(method)
    if reader is None:
        raise ServiceAnswerError(f"{method} is not a method lepcheck reads")
    return reader(root_of(method, content_type, body, truncated=truncated))
