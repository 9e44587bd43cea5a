"""A meeting's agenda and minutes as the web service declares them, as documents.

GetMeeting gives a meeting's items with their agenda text (the ground for an item kept from the
public included) and their minutes; the rules that read agendas and minutes (COI-06, COI-07,
MEET-07) read these as they read a printed agenda or minutes. Each is cited at the GetMeeting
answer it was read from (`#agenda`, `#minutes`), with that answer's hash, so the report's
archived copy is the service's own XML.
"""

from __future__ import annotations

from lepcheck.committee_records import CommitteeItem, CommitteeMeeting
from lepcheck.models import Document, PageText, Section
from lepcheck.site.committees.facts import CommitteeFacts, MeetingFacts

AGENDA_REASON = "the agenda as the ModernGov web service declares it (GetMeeting)"
MINUTES_REASON = "the minutes as the ModernGov web service declares them (GetMeeting)"
PART_TWO = "Part II (Not Open to Press and Public)"


def long_date(facts: MeetingFacts) -> str:
    return f"{facts.date.day} {facts.date:%B %Y}"


def heading(item: CommitteeItem) -> str:
    return f"{item.number}. {item.title}" if item.number else item.title


def _document(
    base: Document, suffix: str, title: str, sections: list[Section], reason: str
) -> Document:
    text = "\n".join([title, *(f"{s.heading}\n{s.text}".strip() for s in sections)])
    kind = "agenda" if suffix == "agenda" else "minutes"
    return Document(
        url=f"{base.url}#{suffix}",
        final_url=f"{base.final_url}#{suffix}",
        fetched_at=base.fetched_at,
        sha256=base.sha256,
        content_type=base.content_type,
        format="text",
        title=title,
        via=base.via,
        depth=base.depth,
        pages=(PageText(number=1, text=text),),
        headings=(title, *(s.heading for s in sections)),
        sections=tuple(sections),
        first_seen=base.first_seen,
        kind=kind,
        kind_confidence=1.0,
        kind_reasons=(reason,),
    )


def agenda_of(meeting: CommitteeMeeting, doc: Document, name: str) -> Document:
    sections: list[Section] = []
    private = False
    for item in meeting.items:
        if item.restricted and not private:
            private = True
            sections.append(Section(heading=PART_TWO, level=2))
        sections.append(Section(heading=heading(item), level=3, text=item.text))
    return _document(doc, "agenda", f"Agenda: {name}", sections, AGENDA_REASON)


def minutes_of(meeting: CommitteeMeeting, doc: Document, name: str) -> Document | None:
    sections = [
        Section(heading=heading(item), level=3, text=item.minutes)
        for item in meeting.items
        if item.minutes
    ]
    if not sections or meeting.minutes_published is False:
        return None
    present = ", ".join(a.name for a in meeting.attendees if a.attendance.lower() == "present")
    if present:
        sections.insert(0, Section(heading="Present", level=3, text=present))
    return _document(doc, "minutes", f"Minutes: {name}", sections, MINUTES_REASON)


def declared_documents(facts: CommitteeFacts) -> list[Document]:
    """The agenda and minutes of every meeting the web service described in full."""
    found: list[Document] = []
    for meeting in facts.meetings.values():
        told, doc = meeting.service, meeting.service_doc
        if told is None or doc is None or told.cancelled or not told.items:
            continue
        name = f"{facts.title_of(meeting) or 'meeting'}, {long_date(meeting)}"
        found.append(agenda_of(told, doc, name))
        minutes = minutes_of(told, doc, name)
        if minutes is not None:
            found.append(minutes)
    return found
