"""A committee record in words, for `lepcheck inspect`: what a ModernGov page or web-service
answer declares, and which of its dates the timeliness rules can take at the publisher's word."""

from __future__ import annotations

from lepcheck.committee_records import (
    CommitteeDecision,
    CommitteeMeeting,
    CommitteePaper,
    CommitteeRecord,
)

_WHAT = {
    "GetCommittees": "ModernGov web service: the council's committees",
    "GetMeetings": "ModernGov web service: a committee's meetings",
    "GetMeeting": "ModernGov web service: one meeting, its items and documents",
    "committee page": "ModernGov committee page",
    "meeting list": "ModernGov list of a committee's meetings",
    "meeting page": "ModernGov meeting page (the agenda, and the minutes once published)",
    "decision page": "ModernGov decision page",
}


def _paper(paper: CommitteePaper) -> str:
    what = f"pack ({paper.pack})" if paper.pack else f"paper {paper.attachment_id or ''}".strip()
    line = f"{what} '{paper.title}'"
    if paper.item_title and not paper.pack:
        line += f" (item '{paper.item_title}')"
    if paper.published:
        line += f", published {paper.published:%d/%m/%Y} (declared by the system)"
    if paper.decision_attachment:
        line += ", attached to the decision: the approved minutes of an earlier meeting"
    if paper.restricted:
        line += f", restricted ({paper.restriction or 'no ground given'})"
    return line


def _meeting(meeting: CommitteeMeeting) -> list[str]:
    committee = f"committee {meeting.committee_id or '?'} ({meeting.committee or 'untitled'})"
    status = "cancelled" if meeting.cancelled else meeting.status or "not cancelled"
    lines = [f"meeting {meeting.meeting_id} of {committee} on {meeting.date}: {status}"]
    if meeting.minutes_published is not None:
        state = {True: ", approved", False: ", draft", None: ""}[meeting.minutes_approved]
        shown = f"published{state}" if meeting.minutes_published else "not published"
        lines.append(f"minutes: {shown}")
    for item in meeting.items:
        line = f"item {item.number} '{item.title}'"
        if item.restricted:
            line += f": withheld from the public; ground: {item.text or 'none given'}"
        if item.declarations:
            line += f"; {item.declarations} declaration(s) of interest recorded"
        lines.append(line)
    lines += [_paper(p) for p in meeting.papers]
    if meeting.papers and not any(p.published for p in meeting.papers):
        lines.append(
            "dates: no publication date is declared here; the web service (GetMeeting) "
            "declares each paper's, the decision pages the minutes'"
        )
    return lines


def _decision(decision: CommitteeDecision) -> list[str]:
    at = f"meeting {decision.meeting_id}" if decision.meeting_id else "no meeting (officer)"
    lines = [f"decision '{decision.title}' at {at}"]
    if decision.published:
        lines.append(
            f"Publication date {decision.published:%d/%m/%Y} (declared): when the decision, "
            "and with it the meeting's draft minutes, went up"
        )
    lines += [_paper(p) for p in decision.documents]
    return lines


def explain_record(record: CommitteeRecord) -> list[str]:
    lines = [_WHAT[record.source]]
    lines += [f"committee {c.id}: {c.title}" for c in record.committees]
    for meeting in record.meetings:
        lines += _meeting(meeting)
    for decision in record.decisions:
        lines += _decision(decision)
    return lines
