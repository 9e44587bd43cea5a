"""The committee records of many responses joined, meeting by meeting.

One meeting is told about by several responses: the web service's list and its GetMeeting
answer, the meeting's page, its decision pages. They are joined by install and meeting id;
where two say the same thing, the web service's answer is preferred, then the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote, urlsplit

from lepcheck.committee_records import (
    CommitteeDecision,
    CommitteeItem,
    CommitteeMeeting,
    CommitteePaper,
)
from lepcheck.crawl.committees.moderngov.urls import attachment_id, install_base
from lepcheck.models import Document


@dataclass
class MeetingFacts:
    base: str
    meeting_id: int
    date: date
    committee_id: int | None = None
    committee: str = ""
    cancelled: bool = False
    service: CommitteeMeeting | None = None
    service_doc: Document | None = None
    page: CommitteeMeeting | None = None
    page_doc: Document | None = None
    decisions: list[tuple[CommitteeDecision, Document]] = field(default_factory=list)

    @property
    def read(self) -> bool:
        """Whether the meeting itself was read (not only seen in a list of meetings)."""
        return self.service is not None or self.page is not None

    @property
    def items(self) -> tuple[CommitteeItem, ...]:
        for told in (self.service, self.page):
            if told is not None and told.items:
                return told.items
        return ()

    def papers(self) -> list[tuple[CommitteePaper, Document]]:
        """Every paper, with the response that listed it; the service's first."""
        found: list[tuple[CommitteePaper, Document]] = []
        for told, doc in ((self.service, self.service_doc), (self.page, self.page_doc)):
            if told is not None and doc is not None:
                found += [(paper, doc) for paper in told.papers]
        return found


@dataclass
class CommitteeFacts:
    meetings: dict[tuple[str, int], MeetingFacts] = field(default_factory=dict)
    titles: dict[tuple[str, int], str] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)  # by URL and final URL
    attachments: dict[tuple[str, int], Document] = field(default_factory=dict)
    # Decision pages, placed at their meeting once every meeting is known.
    pending_decisions: list[tuple[tuple[str, int], CommitteeDecision, Document]] = field(
        default_factory=list
    )

    def document(self, base: str, paper: CommitteePaper) -> Document | None:
        """The fetched copy of a paper, under whichever of its two URLs it was fetched (and
        however its spaces were escaped, with or without the pack's `?T=`)."""
        found = self.documents.get(paper.url) or self.documents.get(file_key(paper.url))
        if found is None and paper.attachment_id is not None:
            found = self.attachments.get((base, paper.attachment_id))
        return found

    def title_of(self, facts: MeetingFacts) -> str:
        key = (facts.base, facts.committee_id) if facts.committee_id is not None else None
        return facts.committee or (self.titles.get(key, "") if key else "")

    def _meeting(self, base: str, told: CommitteeMeeting) -> MeetingFacts:
        key = (base, told.meeting_id)
        facts = self.meetings.get(key)
        if facts is None:
            facts = self.meetings[key] = MeetingFacts(base, told.meeting_id, told.date)
        facts.committee_id = facts.committee_id or told.committee_id
        facts.committee = facts.committee or told.committee
        facts.cancelled = facts.cancelled or told.cancelled
        return facts

    def add(self, doc: Document) -> None:
        record = doc.committee
        if record is None:
            return
        base = install_base(doc.final_url)
        for committee in record.committees:
            self.titles.setdefault((base, committee.id), committee.title)
        for told in record.meetings:
            facts = self._meeting(base, told)
            if record.source == "GetMeeting":
                facts.service, facts.service_doc, facts.date = told, doc, told.date
            elif record.source == "meeting page" and facts.page is None:
                facts.page, facts.page_doc = told, doc
        for decision in record.decisions:
            if decision.meeting_id is not None:
                key = (base, decision.meeting_id)
                self.pending_decisions.append((key, decision, doc))


def file_key(url: str) -> str:
    """A document's URL without its query and escapes: "documents/g457/Agenda frontsheet …"."""
    parts = urlsplit(url)
    return f"{parts.netloc}{unquote(parts.path)}"


def gather(documents: Sequence[Document]) -> CommitteeFacts:
    facts = CommitteeFacts()
    for doc in documents:
        for url in (doc.url, doc.final_url):
            facts.documents.setdefault(url, doc)
            if "/documents/" in url.lower():
                facts.documents.setdefault(file_key(url), doc)
        found = attachment_id(doc.final_url) or attachment_id(doc.url)
        if found is not None:
            facts.attachments.setdefault((install_base(doc.final_url), found), doc)
    for doc in documents:
        if doc.committee is not None and doc.readable:
            facts.add(doc)
    for key, decision, doc in facts.pending_decisions:
        meeting = facts.meetings.get(key)
        if meeting is not None:
            meeting.decisions.append((decision, doc))
    return facts
