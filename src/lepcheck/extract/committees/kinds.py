"""What a committee system's own pages are, as it says, before any word count guesses.

A committee's page or its list of meetings links "agendas, reports and minutes" without being
any of them; a decision notice quotes minutes without being minutes; a meeting page that says
the meeting was cancelled, or that its agenda is not out, is no agenda. The word-counting
classifier would take their link texts and titles at their word (COI-06 and COI-07 then judge
an "agenda" with no items, or "minutes" that record nothing).
"""

from __future__ import annotations

from lepcheck.models import Document, DocumentKind

NOT_A_RECORD: dict[str, tuple[DocumentKind, str]] = {
    "committee page": ("governance_page", "a committee system's page of one committee"),
    "meeting list": ("governance_page", "a committee system's list of a committee's meetings"),
    "decision page": ("other", "a committee system's decision notice, not the minutes"),
    "GetCommittees": ("other", "a committee system's web-service answer (data, not text)"),
    "GetMeetings": ("other", "a committee system's web-service answer (data, not text)"),
    "GetMeeting": ("other", "a committee system's web-service answer (data, not text)"),
}


def declared_kind(doc: Document) -> tuple[DocumentKind, str] | None:
    """The kind a committee record settles, with the reason; None to let the classifier judge."""
    record = doc.committee
    if record is None:
        return None
    if record.source in NOT_A_RECORD:
        return NOT_A_RECORD[record.source]
    for meeting in record.meetings:
        if meeting.cancelled:
            return "other", "a committee system's page of a cancelled meeting"
        if meeting.agenda_published is False:
            return "other", "a committee system's meeting page whose agenda is not out yet"
        if record.source == "meeting page" and any(p.pack == "minutes" for p in meeting.papers):
            # ModernGov's "Agenda and minutes" page shows the minutes under each item, but the
            # printed minutes file it links is the meeting's record (COI-07 judges that one,
            # once); the page is the agenda (the site model reads it as minutes only when no
            # minutes file exists, lepcheck.site.meetings.reader._minutes_with_agendas).
            return "agenda", "a committee system's meeting page; its printed minutes are a file"
    return None
