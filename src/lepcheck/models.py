"""Frozen models that cross stage boundaries.

Data flows one way (design.md): crawl -> snapshot -> extract -> site model -> checks
-> findings -> score -> reports -> history. Every stage hands the next one of these
immutable models, so a stage can be run and tested alone from stored inputs.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Literal, get_args

from pydantic import ConfigDict, Field, model_validator

from lepcheck.archive_records import ArchiveCapture as ArchiveCapture  # re-exported
from lepcheck.bodies import Body, BodyKind
from lepcheck.committee_records import CommitteeRecord

# The parts of a Document and the crawl's records live beneath this module; re-exported, so
# stages import every cross-stage model from here.
from lepcheck.document_parts import CoveredPeriod as CoveredPeriod
from lepcheck.document_parts import DatedValue as DatedValue
from lepcheck.document_parts import Link as Link
from lepcheck.document_parts import PageText as PageText
from lepcheck.document_parts import Section as Section
from lepcheck.document_parts import Table as Table
from lepcheck.fetch_records import FetchRecord as FetchRecord
from lepcheck.fetch_records import SkippedURL as SkippedURL
from lepcheck.fetch_records import SnapshotInfo as SnapshotInfo
from lepcheck.models_base import Frozen as Frozen  # re-exported: stages import it from here

SCHEMA_VERSION = "1.0"

Status = Literal["pass", "fail", "partial", "unknown", "not_applicable", "manual", "waived"]
# Derived from the Literal types, so the tuple and the type can never drift apart.
STATUSES: tuple[Status, ...] = get_args(Status)
Severity = Literal["must", "should", "gp"]
Assessment = Literal["auto", "partial", "attest"]
Provenance = Literal["P", "NP", "unconfirmed"]

DocumentKind = Literal[
    "register_of_interests",
    "minutes",
    "agenda",
    "board_page",
    "assurance_framework",
    "coi_policy",
    "whistleblowing_policy",
    "complaints_policy",
    "code_of_conduct",
    "gifts_hospitality",
    "expenses_policy",
    "funded_projects",
    "assurance_statement",
    "accounts",
    "governance_page",
    "other",
]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = get_args(DocumentKind)

DocumentFormat = Literal["html", "pdf", "docx", "xlsx", "csv", "text", "other"]

# --------------------------------------------------------------------------- extract


class Document(Frozen):
    url: str
    final_url: str
    fetched_at: datetime
    sha256: str
    content_type: str = ""
    format: DocumentFormat = "other"
    title: str = ""
    link_texts: tuple[str, ...] = ()
    via: str | None = None
    depth: int = 0
    pages: tuple[PageText, ...] = ()
    headings: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    links: tuple[Link, ...] = ()
    tables: tuple[Table, ...] = ()
    created: datetime | None = None
    modified: datetime | None = None
    last_modified: datetime | None = None
    first_seen: datetime | None = None
    printed_dates: tuple[DatedValue, ...] = ()
    # What the text says the document covers and the latest approval, sign-off or version date
    # it records (else its cover's date): issue 13 item 4 (extract/periods.py).
    period: CoveredPeriod | None = None
    approval: DatedValue | None = None
    readable: bool = True
    unreadable_reason: str | None = None
    # A success response that is not the document at all: an error page, an empty body, bytes
    # that are not what the URL and type promised (extract/soft_errors.py). Unreadable, and
    # never a document of the site model: it is listed among the problems instead.
    soft_error: bool = False
    # Read only in part (a size or time limit reached, scanned pages past the OCR limit): why.
    truncated_reason: str | None = None
    # Some of the text was read from scanned images by OCR: less sure than a text layer.
    ocr: bool = False
    kind: DocumentKind = "other"
    kind_confidence: float = 0.0
    kind_reasons: tuple[str, ...] = ()
    # What a committee system (ModernGov) declares in this response, when it is one of its
    # web-service answers or pages.
    committee: CommitteeRecord | None = None
    # A time-machine audit: the archive capture these bytes were read from. Any audit with an
    # archive for dates: the first capture of the same bytes, which proves publication by then.
    capture: ArchiveCapture | None = None
    first_capture: ArchiveCapture | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)


# --------------------------------------------------------------------------- site model

MemberRole = Literal["chair", "deputy_chair", "member", "co_opted"]
Sector = Literal["private", "public", "education", "voluntary", "unknown"]
DeclarationAction = Literal[
    "left_room", "took_no_part", "no_action_stated", "none_declared", "nothing_recorded"
]
PublicationProvenance = Literal[
    "first_seen",
    "archive_capture",
    "declared",
    "last_modified",
    "document_metadata",
    "printed",
    "unknown",
]
# How a publication date is known (the project's guide, "Dates say how they are known"):
# proved by our earlier sighting or a web archive's first capture, declared by the publisher's
# system or a "published on" line, or only suggested by a server header or file metadata.
DateStrength = Literal["proved", "declared", "suggested", "unknown"]
DATE_STRENGTH: dict[str, DateStrength] = {
    "first_seen": "proved",
    "archive_capture": "proved",
    "declared": "declared",
    "printed": "declared",
    "last_modified": "suggested",
    "document_metadata": "suggested",
    "unknown": "unknown",
}

REGISTER_CATEGORIES: tuple[str, ...] = (
    "employment",
    "directorships",
    "shareholdings",
    "land_property",
    "related_party_transactions",
    "memberships",
    "gifts_hospitality",
    "sponsorships",
)


class SourceRef(Frozen):
    """Where a site-model fact was read: the document, and the line or page it came from."""

    url: str
    sha256: str = ""
    fetched_at: datetime | None = None
    locator: str = ""
    quote: str = ""


class BoardMember(Frozen):
    name: str
    role: MemberRole = "member"
    organisation: str = ""
    sector: Sector = "unknown"
    appointed: date | None = None
    term_end: date | None = None
    gender: Literal["female", "male", "unknown"] = "unknown"
    source: SourceRef


class RegisterEntry(Frozen):
    member_name: str
    matched_member: str | None = None
    categories: tuple[str, ...] = ()  # Ney 6.1's eight (REGISTER_CATEGORIES) it addresses
    dpi_categories: tuple[str, ...] = ()  # SI 2012/1464 categories Ney does not name, addressed
    household: bool = False
    signed: bool = False
    signed_date: date | None = None
    dated: date | None = None
    source: SourceRef
    # Seen only as a link that was followed and gave no document (an HTTP error, an error page
    # served as the register): why. The link is published; the register behind it is not proved.
    link_failed: str | None = None


class PublicationDate(Frozen):
    value: date
    provenance: PublicationProvenance
    # Where the date was read: "publicationdate in GetMeeting <url>", "Publication date on
    # <decision page url>", "first captured by ia at 2023-03-01 09:12 UTC (<capture url>)".
    source: str = ""

    @property
    def strength(self) -> DateStrength:
        return DATE_STRENGTH[self.provenance]


class WithheldPaper(Frozen):
    """A paper kept from the public, as the agenda lists it (MEET-07)."""

    title: str
    ground: str = ""  # the exemption ground given ("Paragraph 3 of Part 1 of Schedule 12A")
    source: SourceRef


class Declaration(Frozen):
    meeting_url: str
    meeting_date: date | None = None
    member: str = ""
    item: str = ""
    nature: str = ""
    action: DeclarationAction
    source: SourceRef


MeetingNoticeKind = Literal["notice", "private_notice", "private_notice_further", "decision_record"]


class MeetingNotice(Frozen):
    """A meeting's document beside its agenda, papers and minutes: the website notice of its
    time and place (LGA 1972 s. 100A(6)(a); SI 2012/2089 reg. 6), the 28-day and 5-day notices
    of a private meeting (SI 2012/2089 reg. 5) and the record of decisions (reg. 12)."""

    kind: MeetingNoticeKind
    source: SourceRef
    published: PublicationDate | None = None


class Meeting(Frozen):
    body: str = "Board"
    date: date
    # "cancelled" (not a missed deadline) and "held" are declared by a committee system; a
    # meeting read from a LEP's own pages is "unknown" (held, if it is past).
    status: Literal["held", "cancelled", "unknown"] = "unknown"
    agenda: SourceRef | None = None
    papers: tuple[SourceRef, ...] = ()
    # Each paper's own publication date, in the order of `papers` (empty when not known).
    paper_dates: tuple[PublicationDate | None, ...] = ()
    withheld: tuple[WithheldPaper, ...] = ()
    minutes: SourceRef | None = None
    minutes_status: Literal["draft", "approved", "unknown"] = "unknown"
    agenda_published: PublicationDate | None = None
    papers_published: PublicationDate | None = None
    minutes_published: PublicationDate | None = None
    private: bool = False  # part of it is held in private (exempt information, Sch. 12A)
    notices: tuple[MeetingNotice, ...] = ()
    # The approved version, where the system keeps it apart from the draft (MEET-03), and the
    # date of the meeting that approved it.
    approved_minutes: SourceRef | None = None
    approved_minutes_published: PublicationDate | None = None
    minutes_approved_on: dt.date | None = None  # `date` here would be the field above
    system: str = ""  # the committee system the meeting was read from ("moderngov")

    @model_validator(mode="after")
    def _dates_match_papers(self) -> Meeting:
        if self.paper_dates and len(self.paper_dates) != len(self.papers):
            raise ValueError("paper_dates must give one entry per paper")
        return self


class FundedProject(Frozen):
    name: str
    description: str = ""
    recipient: str = ""
    programme: str = ""
    amounts: tuple[tuple[str, str], ...] = ()
    source: SourceRef


class Dataset(Frozen):
    """A published data file as the site model reads it (Local Government Transparency Code
    2015): its columns, whether it has a header row, and the period it covers, from its name
    ("Q1 2024/25", "April to June 2024") or else from the dates in its date column."""

    url: str
    format: DocumentFormat
    columns: tuple[str, ...] = ()
    rows: int = 0
    header: bool = True  # False: the first row is data, so no column can be named
    start: date | None = None
    end: date | None = None
    period_from: Literal["name", "dates", "none"] = "none"
    period_quote: str = ""  # the words or the date range the period was read from


class FetchProblem(Frozen):
    """A URL that was found but could not be read: checks turn these into `unknown`."""

    url: str
    reason: str
    link_text: str | None = None


class SiteModel(Frozen):
    """What the site says. Checks read only this; it carries `as_of`, so they never read a clock."""

    target_id: str
    target_name: str = ""
    target_url: str
    as_of: date
    body: Body = Body()
    documents: tuple[Document, ...] = ()
    board: tuple[BoardMember, ...] = ()
    councillors: tuple[BoardMember, ...] = ()  # a council's members (its committee system)
    registers: tuple[RegisterEntry, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    projects: tuple[FundedProject, ...] = ()
    datasets: tuple[Dataset, ...] = ()
    problems: tuple[FetchProblem, ...] = ()

    @property
    def searched(self) -> tuple[str, ...]:
        return tuple(d.url for d in self.documents)


# --------------------------------------------------------------------------- findings


class Evidence(Frozen):
    url: str
    fetched_at: datetime | None = None
    sha256: str = ""
    locator: str = ""
    quote: str = ""
    archive: str | None = None
    # Read from a web archive (a time-machine audit): which archive captured it, when, and
    # the capture's own address, shown beside the sha256.
    capture: ArchiveCapture | None = None


class Verdict(Frozen):
    """What a check kind returns: status, message, evidence and what it looked at."""

    status: Status
    message: str
    evidence: tuple[Evidence, ...] = ()
    searched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Waiver(Frozen):
    target: str
    rule: str
    reason: str
    approved_by: str
    approved_on: date
    expires: date


class Finding(Frozen):
    rule_id: str
    status: Status
    severity: Severity
    title: str
    category: str
    assessment: Assessment
    message: str
    evidence: tuple[Evidence, ...] = ()
    searched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    confidence: float = 1.0
    weight: float = 1.0
    remediation: str = ""
    references: tuple[str, ...] = ()
    original_status: Status | None = None
    waiver: Waiver | None = None


# --------------------------------------------------------------------------- score and report

Rating = Literal["green", "amber", "red", "not rated"]


class StatusCounts(Frozen):
    pass_: int = Field(default=0, alias="pass")
    fail: int = 0
    partial: int = 0
    unknown: int = 0
    not_applicable: int = 0
    manual: int = 0
    waived: int = 0

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_by_name=True,
        serialize_by_alias=True,
        json_schema_serialization_defaults_required=True,
    )


class CategoryScore(Frozen):
    category: str
    title: str
    score: float | None
    coverage: float
    counts: StatusCounts


class Score(Frozen):
    overall: float | None = Field(description="weighted pass share over assessed findings, 0-100")
    coverage: float = Field(description="assessed weight share of all applicable findings, 0-100")
    rating: Rating
    rating_reason: str = ""
    by_category: tuple[CategoryScore, ...] = ()
    counts: StatusCounts = StatusCounts()


class ActionItem(Frozen):
    """One row of the action plan, in the shape councils publish after a peer challenge."""

    rule_id: str
    recommendation: str
    action: str
    owner: str = "LEP governance lead"
    target_date: date
    status: Literal["Not started", "Ongoing", "Complete"] = "Not started"


class ToolInfo(Frozen):
    name: str = "lepcheck"
    version: str


class TargetInfo(Frozen):
    id: str
    name: str
    url: str
    kind: BodyKind = Field(default="lep", description="the kind of body audited")


class RulesetInfo(Frozen):
    framework: str
    catalogue_digest: str
    framework_title: str = Field(default="", description="the framework's title")


class SnapshotRef(Frozen):
    """The snapshot a report was checked on, with counts read from its index."""

    id: str
    path: str
    records: int = Field(description="responses and fetch errors recorded")
    skipped: int
    skipped_by_reason: dict[str, int] = Field(
        default_factory=dict,
        description="URLs seen but not fetched, by reason (off-site, robots...)",
    )
    complete: bool = Field(
        default=True,
        description="false when the crawl did not finish (killed, interrupted): findings may be "
        "fail or unknown only because pages were never fetched",
    )
    pending: int = Field(default=0, description="URLs still queued when the crawl stopped")
    stopped: str = Field(default="", description="why the crawl ended before its frontier did")
    sampled: tuple[str, ...] = Field(
        default=(), description="families of look-alike pages sampled: fetched, found, left"
    )


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo
    target: TargetInfo
    as_of: date
    generated_at: datetime
    ruleset: RulesetInfo
    snapshot: SnapshotRef | None = None
    score: Score
    findings: tuple[Finding, ...]
    action_plan: tuple[ActionItem, ...] = ()
    problems: tuple[FetchProblem, ...] = Field(
        default=(),
        description="documents found but not read: findings that needed them are unknown",
    )
