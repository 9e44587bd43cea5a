"""What a council's committee system says about the LEP's meetings, as read from one response.

Most LEP papers live on the accountable body's committee system (ModernGov in England). Its web
service and its pages declare facts a LEP's own website never states: a meeting's status, when
each paper was published, which papers were withheld and on what ground, when decisions (and
with them the minutes) were published. The extract stage reads them from one archived response
into a `CommitteeRecord` on the Document; the site stage joins the records of many responses
into meetings. Frozen like every model that crosses a stage boundary (models.py).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from lepcheck.models_base import Frozen

CommitteeSystemName = Literal["moderngov"]
# Which response of the system a record was read from.
RecordSource = Literal[
    "GetCommittees",
    "GetMeetings",
    "GetMeeting",
    "committee page",
    "meeting list",
    "meeting page",
    "decision page",
]


class CommitteeInfo(Frozen):
    id: int
    title: str


class CommitteePaper(Frozen):
    """A document the system lists for a meeting: a report, minutes, a pack."""

    url: str
    title: str = ""
    attachment_id: int | None = None  # one document, two URLs: mgConvert2PDF and documents/sN
    published: date | None = None  # declared: ModernGov `publicationdate`
    restricted: bool = False
    restriction: str = ""  # the exemption ground as given (`restrictionsRef`, Part II text)
    # A decision attachment: the approved minutes of an earlier meeting, attached to the
    # decision that approved them.
    decision_attachment: bool = False
    item_title: str = ""  # the agenda item it belongs to ("Minutes of the meeting held on ...")
    pack: Literal["", "agenda", "reports", "minutes"] = ""  # a meeting pack, not an item's paper


class CommitteeItem(Frozen):
    number: str = ""
    title: str
    text: str = ""  # the agenda text, as plain text
    minutes: str = ""  # the minutes of the item, as plain text
    restricted: bool = False
    declarations: int | None = None  # `declarationcount`
    decision_published: bool = False
    item_id: int | None = None


class CommitteeAttendee(Frozen):
    name: str
    role: str = ""
    attendance: str = ""


class CommitteeMeeting(Frozen):
    meeting_id: int
    date: date
    committee_id: int | None = None
    committee: str = ""  # the committee's title
    status: str = ""  # as the system words it: "Confirmed", "Cancelled", "Confirmed; Rescheduled"
    cancelled: bool = False
    agenda_published: bool | None = None
    minutes_published: bool | None = None
    minutes_approved: bool | None = None  # a page headed "Agenda and minutes", not "draft"
    items: tuple[CommitteeItem, ...] = ()
    papers: tuple[CommitteePaper, ...] = ()
    attendees: tuple[CommitteeAttendee, ...] = ()


class CommitteeDecision(Frozen):
    """A decision page: when the decision was published, at which meeting, with what papers."""

    url: str
    title: str
    meeting_id: int | None = None
    committee_id: int | None = None
    published: date | None = None  # declared: "Publication date"
    decided: date | None = None
    documents: tuple[CommitteePaper, ...] = ()
    restriction: str = ""


class CommitteeRecord(Frozen):
    system: CommitteeSystemName = "moderngov"
    source: RecordSource
    committees: tuple[CommitteeInfo, ...] = ()
    meetings: tuple[CommitteeMeeting, ...] = ()
    decisions: tuple[CommitteeDecision, ...] = ()
