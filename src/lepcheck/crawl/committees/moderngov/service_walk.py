"""The walk through the web service: GetCommittees, then GetMeetings for each of the LEP's
committees over the audit window, then GetMeeting for each meeting not cancelled (its agenda
and minutes as the service declares them), then the meeting's documents and one decision page
(whose "Publication date" declares when the meeting's decisions and draft minutes went up: the
service gives no date for minutes). The meeting's page and its packs are asked only when the
service dates none of its papers.

Any answer that cannot be used is a problem named with its URL, and the walk goes on through
the pages from where it stopped: the committee's pages for a failed list, the meeting's page
for a failed meeting. Nothing collected before is dropped.

On a successor body's own install (`state.own`) the walk is the service's alone: its committees
are chosen by `choose_own`, and no page or document is asked, since the crawl reads the body's
pages and documents as its website; the service only declares their dates.
"""

from __future__ import annotations

from lepcheck.committee_records import CommitteeMeeting, CommitteeRecord
from lepcheck.crawl.committees.ask import Ask
from lepcheck.crawl.committees.moderngov import urls
from lepcheck.crawl.committees.moderngov.choose import choose, choose_own
from lepcheck.crawl.committees.moderngov.pages_walk import walk_committee_pages
from lepcheck.crawl.committees.moderngov.service import (
    ServiceAnswerError,
    is_method_list,
    read_answer,
    refusal,
)
from lepcheck.crawl.committees.moderngov.state import Chosen, InstallState, Purpose
from lepcheck.models import FetchRecord
from lepcheck.vocab.committees import MINUTES_ITEM

FALLBACK = "; the committee's pages are read instead"
UNREACHABLE = ("could not connect", "timed out", "no response headers")  # crawl.fetch's words


def start_service(state: InstallState) -> list[Ask | None]:
    state.mode = "service"
    state.detected("web service method list")
    return [state.ask_service("GetCommittees", Purpose("GetCommittees"))]


def to_pages(state: InstallState) -> list[Ask | None]:
    """The service is absent or refuses: every committee known so far is walked by its pages."""
    state.mode = "pages"
    asks: list[Ask | None] = []
    if state.own:
        return asks  # the crawl reads an own install's pages as the body's website
    for cid in state.pages_committees():
        asks += walk_committee_pages(state, cid)
    return asks


def on_probe(state: InstallState, record: FetchRecord, body: bytes) -> list[Ask | None]:
    if record.error is None and is_method_list(record.status, body):
        return start_service(state)
    reason = (
        record.error
        or refusal(record.status, [], body)
        or ("the answer is not the service's method list (GetCommittees, GetMeetings, GetMeeting)")
    )
    if record.error and record.error.startswith(UNREACHABLE):
        # No connection to the host at all: its pages would fail the same way.
        state.mode = "pages"
        state.probe_refusal = {"url": record.url, "reason": f"ModernGov install unreachable: "
                               f"{reason}; nothing more is asked of it"}  # fmt: skip
        return []
    state.probe_refusal = {
        "url": record.url,
        "reason": f"ModernGov web service not used: {reason}{FALLBACK}",
    }
    return to_pages(state)


def read(state: InstallState, record: FetchRecord, body: bytes, method: str) -> CommitteeRecord:
    """The answer read, or ServiceAnswerError (noted as a problem with its URL)."""
    try:
        if record.error:
            raise ServiceAnswerError(record.error)
        why = refusal(record.status, [], body)
        if why is not None:
            raise ServiceAnswerError(why)
        return read_answer(method, record.content_type, body, truncated=record.truncated)
    except ServiceAnswerError as error:
        state.problem(record.url, f"ModernGov {method} not usable: {error}{FALLBACK}")
        raise


def on_committees(state: InstallState, record: FetchRecord, body: bytes) -> list[Ask | None]:
    try:
        answer = read(state, record, body, "GetCommittees")
    except ServiceAnswerError:
        return to_pages(state)
    if state.own:
        chosen = choose_own(answer.committees, state.override)
    else:
        chosen = choose(answer.committees, state.hints, state.override, state.lep_name)
    asks: list[Ask | None] = []
    for cid, (title, why) in chosen.items():
        asks += choose_committee(state, cid, title, why)
    return asks


def choose_committee(state: InstallState, cid: int, title: str, why: str) -> list[Ask | None]:
    """A committee of the LEP: its meetings over the window, and its page (for its members)."""
    if cid in state.committees:
        return []
    state.committees[cid] = Chosen(title, why)
    window = state.window
    meetings = state.ask_service(
        "GetMeetings",
        Purpose("GetMeetings", cid),
        lCommitteeId=cid,
        sFromDate=urls.uk(window.start),
        sToDate=urls.uk(window.end),
    )
    if state.own:
        return [meetings]
    page = urls.committee_page(state.base, cid)
    return [meetings, state.ask(page, Purpose("committee page", cid), title)]


def on_meetings(
    state: InstallState, record: FetchRecord, body: bytes, cid: int
) -> list[Ask | None]:
    try:
        answer = read(state, record, body, "GetMeetings")
    except ServiceAnswerError:
        return walk_committee_pages(state, cid)
    asks: list[Ask | None] = []
    for meeting in answer.meetings:
        if meeting.committee_id not in (None, cid) or not state.window.holds(meeting.date):
            continue
        state.meeting_committee[meeting.meeting_id] = cid
        if not meeting.cancelled:  # a cancelled meeting has nothing to read
            purpose = Purpose("GetMeeting", cid, meeting.meeting_id)
            asks.append(state.ask_service("GetMeeting", purpose, lMeetingId=meeting.meeting_id))
    return asks


def on_meeting(
    state: InstallState, record: FetchRecord, body: bytes, purpose: Purpose
) -> list[Ask | None]:
    cid, mid = purpose.committee, purpose.meeting
    assert cid is not None and mid is not None
    try:
        answer = read(state, record, body, "GetMeeting")
    except ServiceAnswerError:
        if state.own:
            return []
        return [
            state.ask(urls.meeting_page(state.base, cid, mid), Purpose("meeting page", cid, mid))
        ]
    asks: list[Ask | None] = []
    if state.own:
        return asks  # its pages and documents are the crawl's: the answer declares their dates
    for meeting in answer.meetings:
        if meeting.cancelled or meeting.agenda_published is False:
            continue  # cancelled, or its agenda is not out yet: nothing to read
        asks += meeting_documents(state, meeting, Purpose("document", cid, mid))
        if not any(p.published for p in meeting.papers if not p.restricted):
            # No paper the service dates: the meeting's page has its packs, dated by the server.
            page = urls.meeting_page(state.base, cid, mid)
            asks.append(state.ask(page, Purpose("meeting page", cid, mid)))
    return asks


def meeting_documents(
    state: InstallState, meeting: CommitteeMeeting, purpose: Purpose
) -> list[Ask | None]:
    """Every public document the meeting lists, and one decision page of its own business."""
    asks = [
        state.ask_document(paper.url, purpose, paper.title)
        for paper in meeting.papers
        if paper.url and not paper.restricted
    ]
    approvals = {p.item_title for p in meeting.papers if p.decision_attachment}
    for item in meeting.items:
        # The approval of earlier minutes is dated by the approved version, not the decision.
        approval = item.title in approvals or MINUTES_ITEM.match(item.title)
        if item.decision_published and item.item_id and not approval:
            page = urls.decision_page(state.base, item.item_id)
            asks.append(
                state.ask(page, Purpose("decision page", *purpose_ids(purpose)), item.title)
            )
            break
    return asks


def purpose_ids(purpose: Purpose) -> tuple[int | None, int | None]:
    return purpose.committee, purpose.meeting
