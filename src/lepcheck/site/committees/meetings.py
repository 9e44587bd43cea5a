"""Meetings as a committee system declares them (issue 14, item 5).

Each meeting read from the system carries its body (the committee's title less the LEP's own
name: "Board", "Investment Panel"), its status (a cancelled meeting is not a missed deadline),
its agenda, each public paper with its own publication date, the papers kept from the public
with their exemption ground (MEET-07), its draft minutes and, where a later meeting approved
them, the approved version with the date of approval (MEET-03).

Dates say how they are known. Declared by the system: a paper's `publicationdate` (GetMeeting);
the draft minutes by the "Publication date" of the meeting's own decision pages (the service
gives minutes no date); the approved minutes by the `publicationdate` of the decision
attachment that carries them, or the "Publication date" of the approving decision's page.
Suggested only: the Last-Modified of a fetched file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from lepcheck.committee_records import CommitteePaper
from lepcheck.models import Document, Meeting, PublicationDate, SourceRef, WithheldPaper
from lepcheck.site.committees.facts import CommitteeFacts, MeetingFacts
from lepcheck.site.day_dates import date_in_label
from lepcheck.site.meetings.labels import body_in
from lepcheck.site.meetings.publication import publication_date
from lepcheck.site.source import cite, short_quote
from lepcheck.vocab.committees import MINUTES_ITEM

DEFAULT_BODY = "Board"


def declared(value: date, source: str) -> PublicationDate:
    return PublicationDate(value=value, provenance="declared", source=source)


def body_of(facts: CommitteeFacts, meeting: MeetingFacts, words: frozenset[str]) -> str:
    title = facts.title_of(meeting)
    return body_in(title, words) or title or DEFAULT_BODY


def paper_ref(
    facts: CommitteeFacts, meeting: MeetingFacts, paper: CommitteePaper, lister: Document
) -> tuple[SourceRef, Document | None]:
    fetched = facts.document(meeting.base, paper)
    if fetched is not None:
        return cite(fetched, "document", paper.title or fetched.title), fetched
    return SourceRef(
        url=paper.url, locator=f"listed on {lister.url}", quote=short_quote(paper.title)
    ), None


def paper_date(
    paper: CommitteePaper, lister: Document, fetched: Document | None
) -> PublicationDate | None:
    if paper.published is not None:
        return declared(
            paper.published, f"publicationdate {paper.published:%d/%m/%Y} in {lister.url}"
        )
    return publication_date(fetched) if fetched is not None else None


def public_papers(
    facts: CommitteeFacts, meeting: MeetingFacts
) -> Iterator[tuple[SourceRef, PublicationDate | None]]:
    """Each public paper once (by attachment id), packs only where no paper is listed alone."""
    seen: set[object] = set()
    listed = meeting.papers()
    singles = [p for p in listed if not p[0].pack]
    for paper, lister in singles or [p for p in listed if p[0].pack == "reports"]:
        key = paper.attachment_id or paper.url
        if paper.restricted or paper.decision_attachment or key in seen:
            continue
        seen.add(key)
        ref, fetched = paper_ref(facts, meeting, paper, lister)
        yield ref, paper_date(paper, lister, fetched)


def withheld(meeting: MeetingFacts) -> list[WithheldPaper]:
    """Items and papers kept from the public, with the ground the agenda gives."""
    doc = meeting.service_doc or meeting.page_doc
    if doc is None:
        return []
    found = [
        WithheldPaper(
            title=item.title, ground=item.text, source=cite(doc, f"item {item.number}", item.title)
        )
        for item in meeting.items
        if item.restricted
    ]
    for paper, lister in meeting.papers():
        if paper.restricted and paper.item_title not in {w.title for w in found}:
            ground = paper.restriction or ""
            found.append(
                WithheldPaper(
                    title=paper.title,
                    ground=ground,
                    source=cite(lister, "restricted paper", paper.title),
                )
            )
    return found


def pack(facts: CommitteeFacts, meeting: MeetingFacts, kind: str) -> Document | None:
    for paper, _ in meeting.papers():
        if paper.pack == kind:
            return facts.document(meeting.base, paper)
    return None


def decision_date(meeting: MeetingFacts) -> PublicationDate | None:
    """When the meeting's own decisions (and with them its draft minutes) were published."""
    dated = [
        (d.published, doc.url)
        for d, doc in meeting.decisions
        if d.published is not None and not MINUTES_ITEM.match(d.title)
    ]
    if not dated:
        return None
    day, url = min(dated)
    return declared(day, f"Publication date {day:%d/%m/%Y} on the decision page {url}")


Approval = tuple[SourceRef, PublicationDate, date]


def _attached_approval(
    facts: CommitteeFacts, meeting: MeetingFacts, later: MeetingFacts
) -> Approval | None:
    """The web service's way: the approved minutes attached to the approving decision."""
    for paper, lister in later.papers():
        approves = paper.decision_attachment and date_in_label(paper.item_title) == meeting.date
        if approves and paper.published is not None:
            ref, _ = paper_ref(facts, meeting, paper, lister)
            said = f"publicationdate {paper.published:%d/%m/%Y} of the approved minutes"
            return ref, declared(paper.published, f"{said} in {lister.url}"), later.date
    return None


def _decided_approval(
    facts: CommitteeFacts, meeting: MeetingFacts, later: MeetingFacts
) -> Approval | None:
    """The pages' way: the approving decision's page, accompanied by the approved minutes."""
    for decision, page in later.decisions:
        approves = MINUTES_ITEM.match(decision.title) and (
            date_in_label(decision.title) == meeting.date
        )
        if approves and decision.published is not None and decision.documents:
            ref, _ = paper_ref(facts, meeting, decision.documents[0], page)
            said = f"Publication date {decision.published:%d/%m/%Y} on the decision page"
            stated = declared(decision.published, f"{said} {page.url}")
            return ref, stated, decision.decided or later.date
    return None


def approval_of(facts: CommitteeFacts, meeting: MeetingFacts) -> Approval | None:
    """The approved minutes of `meeting`, from a later meeting of its committee: (the
    document, its declared publication date, the date of approval)."""
    for later in sorted(facts.meetings.values(), key=lambda m: m.date):
        same_committee = (later.base, later.committee_id) == (meeting.base, meeting.committee_id)
        if later.date <= meeting.date or not same_committee:
            continue
        found = _attached_approval(facts, meeting, later) or _decided_approval(
            facts, meeting, later
        )
        if found is not None:
            return found
    return None


def _latest(dates: list[PublicationDate | None]) -> PublicationDate | None:
    """When the last paper went up (MEET-01 counts from it); a declared date wins a tie."""
    known = [d for d in dates if d is not None]
    rank = {"proved": 0, "declared": 1, "suggested": 2, "unknown": 3}
    return max(known, key=lambda d: (d.value, -rank[d.strength])) if known else None


def _versions(
    facts: CommitteeFacts, meeting: MeetingFacts, derived: dict[str, Document], kind: str
) -> tuple[Document | None, Document | None]:
    """The agenda or minutes as the web service declares them, and the printed pack."""
    service = meeting.service_doc
    said = derived.get(f"{service.url}#{kind}") if service else None
    return said, pack(facts, meeting, kind)


def _agenda(
    facts: CommitteeFacts, meeting: MeetingFacts, derived: dict[str, Document]
) -> tuple[SourceRef | None, PublicationDate | None]:
    said, printed = _versions(facts, meeting, derived, "agenda")
    doc = said or printed or meeting.page_doc
    if doc is None:
        return None, None
    published = publication_date(printed) if printed is not None else None
    return cite(doc, "agenda", doc.title), published


def _minutes(
    facts: CommitteeFacts, meeting: MeetingFacts, derived: dict[str, Document]
) -> tuple[SourceRef | None, PublicationDate | None]:
    said, printed = _versions(facts, meeting, derived, "minutes")
    # A meeting page that shows the minutes ("Agenda and draft minutes") is a copy of them.
    shown = meeting.page_doc if meeting.page and meeting.page.minutes_published else None
    doc = said or printed or shown
    if doc is None:
        return None, None
    # A printed pack that is now the approved version carries the approval's date, not the
    # draft's: only a draft pack's own date bears on when the minutes first went up.
    draft = meeting.page is not None and not meeting.page.minutes_approved
    fallback = publication_date(printed) if draft and printed is not None else None
    return cite(doc, "minutes", doc.title), decision_date(meeting) or fallback


def committee_meeting(
    facts: CommitteeFacts,
    meeting: MeetingFacts,
    words: frozenset[str],
    derived: dict[str, Document],
    as_of: date,
) -> Meeting | None:
    body = body_of(facts, meeting, words)
    if meeting.cancelled:
        return Meeting(body=body, date=meeting.date, status="cancelled", system="moderngov")
    if not meeting.read:
        return None  # seen in a list only: nothing of it was read
    agenda, agenda_published = _agenda(facts, meeting, derived)
    papers = list(public_papers(facts, meeting))
    minutes, minutes_published = _minutes(facts, meeting, derived)
    approval = approval_of(facts, meeting)
    approved_on_page = meeting.page is not None and bool(meeting.page.minutes_approved)
    status = "approved" if approval or approved_on_page else "draft" if minutes else "unknown"
    return Meeting(
        body=body,
        date=meeting.date,
        status="held" if meeting.date <= as_of else "unknown",
        agenda=agenda,
        papers=tuple(ref for ref, _ in papers),
        paper_dates=tuple(when for _, when in papers),
        withheld=tuple(withheld(meeting)),
        minutes=minutes,
        minutes_status=status if minutes or approval else "unknown",
        agenda_published=agenda_published,
        papers_published=_latest([when for _, when in papers]),
        minutes_published=minutes_published,
        approved_minutes=approval[0] if approval else None,
        approved_minutes_published=approval[1] if approval else None,
        minutes_approved_on=approval[2] if approval else None,
        system="moderngov",
    )
