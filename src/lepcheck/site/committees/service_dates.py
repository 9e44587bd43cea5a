"""A successor body's meetings, dated by what its own committee system's web service declares.

A council or combined authority audited in its own right owns its ModernGov install: its
meetings are read from its pages as its website (every committee, over the whole archive), and
the adapter asks the web service only about the committees its statutory rules judge
(crawl/committees/moderngov: `choose_own`). Each paper GetMeeting lists carries its
`publicationdate`: the date the publisher's own system records, so *declared* (issue 14 item 4).
Wherever a meeting read from the pages cites that same document (by attachment id, or by its file
under `documents/`), a date known only by suggestion (Last-Modified, file metadata) or not at all
gives way to the declared one; a proved date (an earlier crawl's or an archive's first sighting)
is stronger and stays, and so does a date already declared (a "published on" line).
"""

from __future__ import annotations

from collections.abc import Sequence

from lepcheck.crawl.committees.moderngov.urls import attachment_id, install_base
from lepcheck.models import Document, Meeting, MeetingNotice, PublicationDate, SourceRef
from lepcheck.site.committees.facts import file_key, gather
from lepcheck.site.committees.meetings import declared

WEAK = frozenset({"suggested", "unknown"})
Key = tuple[str, int] | str


def _keys(url: str) -> list[Key]:
    found: list[Key] = [file_key(url)]
    attachment = attachment_id(url)
    if attachment is not None:
        found.insert(0, (install_base(url), attachment))
    return found


def service_dates(documents: Sequence[Document]) -> dict[Key, PublicationDate]:
    """{document key: the date GetMeeting declares for it}, for every public paper listed."""
    dates: dict[Key, PublicationDate] = {}
    for meeting in gather(documents).meetings.values():
        told, lister = meeting.service, meeting.service_doc
        if told is None or lister is None:
            continue
        for paper in told.papers:
            if paper.published is None or paper.restricted:
                continue
            said = f"publicationdate {paper.published:%d/%m/%Y} in {lister.url}"
            keys = _keys(paper.url)
            if paper.attachment_id is not None:
                keys.append((install_base(lister.final_url), paper.attachment_id))
            for key in keys:
                dates.setdefault(key, declared(paper.published, said))
    return dates


def _better(
    ref: SourceRef | None, current: PublicationDate | None, dates: dict[Key, PublicationDate]
) -> PublicationDate | None:
    if ref is None or (current is not None and current.strength not in WEAK):
        return current
    for key in _keys(ref.url):
        if key in dates:
            return dates[key]
    return current


def _dated(meeting: Meeting, dates: dict[Key, PublicationDate]) -> Meeting:
    papers = meeting.paper_dates or tuple(
        meeting.papers_published if i == 0 else None for i in range(len(meeting.papers))
    )
    paper_dates = tuple(_better(r, d, dates) for r, d in zip(meeting.papers, papers, strict=True))
    update: dict[str, object] = {
        "agenda_published": _better(meeting.agenda, meeting.agenda_published, dates),
        "minutes_published": _better(meeting.minutes, meeting.minutes_published, dates),
        "approved_minutes_published": _better(
            meeting.approved_minutes, meeting.approved_minutes_published, dates
        ),
        "notices": tuple(
            MeetingNotice(
                kind=n.kind, source=n.source, published=_better(n.source, n.published, dates)
            )
            for n in meeting.notices
        ),
    }
    if paper_dates != papers:
        known = [d for d in paper_dates if d is not None]
        update["paper_dates"] = paper_dates
        update["papers_published"] = max(known, key=lambda d: d.value) if known else None
    changed = {k: v for k, v in update.items() if v != getattr(meeting, k)}
    return meeting.model_copy(update=changed) if changed else meeting


def with_service_dates(meetings: Sequence[Meeting], documents: Sequence[Document]) -> list[Meeting]:
    """The meetings, each document the web service lists dated as it declares."""
    dates = service_dates(documents)
    if not dates:
        return list(meetings)
    return [_dated(meeting, dates) for meeting in meetings]
