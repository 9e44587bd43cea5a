"""The committee system's meetings joined with those read from the LEP's own pages.

The same meeting is often listed on both sides (a LEP page "Board, 15 March 2022: papers on the
council's site"), and the general meetings reader also places the system's own files (a draft
minutes "Minutes 21st March 2023" linked from the next meeting) at a date. A meeting of the
system's on the same day and for the same body absorbs the page's meeting; a meeting built only
from the system's own files is the system's to describe, so it is dropped when the system does
not describe it (it lies outside the audit window the system was read over).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lepcheck.crawl.committees.systems import audit_window
from lepcheck.models import Document, Meeting, SourceRef
from lepcheck.site.committees.derived import declared_documents
from lepcheck.site.committees.facts import gather
from lepcheck.site.committees.meetings import committee_meeting


def read_committee_meetings(
    documents: Sequence[Document], words: frozenset[str], as_of: date
) -> tuple[list[Meeting], list[Document], set[str]]:
    """The system's meetings in the audit window, the documents its web service declares
    (agenda and minutes), and the installs read (their base URLs)."""
    facts = gather(documents)
    derived = declared_documents(facts)
    by_url = {doc.url: doc for doc in derived}
    window = audit_window(as_of)
    meetings = []
    for found in sorted(facts.meetings.values(), key=lambda m: (m.date, m.meeting_id)):
        if not window.holds(found.date):
            continue
        meeting = committee_meeting(facts, found, words, by_url, as_of)
        if meeting is not None:
            meetings.append(meeting)
    return meetings, derived, {m.base for m in facts.meetings.values()}


def _refs(meeting: Meeting) -> list[SourceRef]:
    found = [meeting.agenda, meeting.minutes, meeting.approved_minutes, *meeting.papers]
    return [ref for ref in found if ref is not None]


def _owned(meeting: Meeting, bases: set[str]) -> bool:
    refs = _refs(meeting)
    return bool(refs) and all(any(r.url.startswith(b) for b in bases) for r in refs)


def _merged(system: Meeting, page: Meeting) -> Meeting:
    """The system's meeting, with what only the page gives filled in."""
    update: dict[str, object] = {}
    if system.agenda is None and page.agenda is not None:
        update |= {"agenda": page.agenda, "agenda_published": page.agenda_published}
    if system.minutes is None and page.minutes is not None:
        update |= {
            "minutes": page.minutes,
            "minutes_published": page.minutes_published,
            "minutes_status": page.minutes_status,
        }
    return system.model_copy(update=update) if update else system


def join_meetings(
    system: Sequence[Meeting], pages: Sequence[Meeting], bases: set[str]
) -> list[Meeting]:
    joined = list(system)
    at = {(m.date, m.body): i for i, m in enumerate(joined)}
    kept: list[Meeting] = []
    for meeting in pages:
        index = at.get((meeting.date, meeting.body))
        if index is not None:
            joined[index] = _merged(joined[index], meeting)
        elif not _owned(meeting, bases):
            kept.append(meeting)
    return sorted([*joined, *kept], key=lambda m: (m.date, m.body))
