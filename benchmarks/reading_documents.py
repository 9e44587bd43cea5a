"""The reading benchmark's view of a corpus file: a Document as the crawler would hand it on,
and what each of lepcheck's readers makes of it.

How a corpus file becomes a Document (the same for every format, so formats are comparable):
the Document is constructed directly, not parsed from a rebuilt HTML page or PDF. Its URL is
the source URL, its title the header's title (for a PDF or DOCX without one, the words of its
file name, as the extract stage names such files), its format the header's format. The text is
the body: one page, lines with runs of whitespace collapsed, headings and sections inferred
from the lines by the extract stage's own reader for text without markup
(`lepcheck.extract.office.read_text`, the path PDF layout takes when a line has no font
information) and the dates it prints about itself by `lepcheck.extract.printed`. The corpus
keeps text, not markup: there are no links, tables or HTML heading tags, so readers that need
them (hub pages by their links, meeting listings by link placement) are measured without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from hashlib import sha256

from tests.corpus.corpus_files import CorpusDoc

from lepcheck.checks.common.dating import metadata_date, recorded_date
from lepcheck.extract import classify_document
from lepcheck.extract.document import file_title
from lepcheck.extract.office import read_text
from lepcheck.extract.periods import read_approval, read_period
from lepcheck.extract.printed import printed_dates
from lepcheck.inputs.registry import LepEntry
from lepcheck.models import BoardMember, Declaration, Document
from lepcheck.site import read_board, read_declarations, read_meetings
from lepcheck.site.board import read_board_document
from lepcheck.site.build import organisation_words
from lepcheck.site.meetings import minutes_documents


@dataclass(frozen=True)
class PeriodReading:
    """What a period reader says a document covers and records as approved (None: nothing).

    `source` says where the answer came from ("text", "metadata", or a reader's own word).
    """

    start: date | None = None
    end: date | None = None
    period_quote: str = ""
    approved: date | None = None
    approved_quote: str = ""
    source: str = ""


PeriodReader = Callable[[Document, date], PeriodReading]


@dataclass(frozen=True)
class Reading:
    """Every reader's answer for one corpus document (fields unlabelled in it are left empty)."""

    doc: CorpusDoc
    part: str
    kind: str
    confidence: float
    meeting_date: date | None = None
    body: str | None = None
    # "site": as build_site_model reads them (board documents only, minutes it can date);
    # "reader": the reader on every document labelled with them, whatever the site model thinks.
    members: tuple[tuple[str, tuple[BoardMember, ...]], ...] = ()
    declarations: tuple[tuple[str, tuple[Declaration, ...]], ...] = ()
    periods: tuple[tuple[str, PeriodReading], ...] = ()


def build_document(doc: CorpusDoc) -> Document:
    """The corpus file as the extract stage would hand it on (see the module docstring)."""
    extracted = read_text(doc.text.encode("utf-8"))
    fetched = datetime(doc.retrieved.year, doc.retrieved.month, doc.retrieved.day, tzinfo=UTC)
    title = doc.title or (file_title(doc.source_url) if doc.format != "html" else "")
    return Document(
        url=doc.source_url,
        final_url=doc.source_url,
        fetched_at=fetched,
        sha256=sha256(doc.text.encode("utf-8")).hexdigest(),
        content_type="text/html" if doc.format == "html" else "",
        format=doc.format,  # type: ignore[arg-type]  # checked against DocumentFormat on load
        title=title,
        depth=1,
        pages=extracted.pages,
        headings=extracted.headings,
        sections=extracted.sections,
        printed_dates=printed_dates(extracted.pages),
        period=read_period(title, extracted.pages),
        approval=read_approval(title, extracted.pages),
    )


def period_before(doc: Document, as_of: date) -> PeriodReading:
    """document_current as it was on main at a1bad6b: the latest printed date with an own-date
    cue, else file metadata (no period, no approval reader)."""
    found = recorded_date(doc.model_copy(update={"approval": None}), as_of) or metadata_date(
        doc, as_of
    )
    if found is None:
        return PeriodReading()
    when, evidence, source = found
    return PeriodReading(approved=when, approved_quote=evidence.quote, source=source)


def period_after(doc: Document, as_of: date) -> PeriodReading:
    """document_current since issue 13: the period the text covers (extract/periods.py) and the
    approval it records (its own reading, or a printed date with an own-date cue), metadata only
    when the text gives neither."""
    period = doc.period
    recorded = recorded_date(doc, as_of) or metadata_date(doc, as_of)
    return PeriodReading(
        start=period.start if period else None,
        end=period.end if period else None,
        period_quote=period.quote if period else "",
        approved=recorded[0] if recorded else None,
        approved_quote=recorded[1].quote if recorded else "",
        source=recorded[2] if recorded else "",
    )


# Today's behaviour first: "before" is document_current as it was on main at a1bad6b.
PERIOD_READERS: dict[str, PeriodReader] = {"before": period_before, "after": period_after}


def _meeting_of(doc: Document, words: frozenset[str]) -> tuple[date | None, str | None]:
    """The date and body of the meeting the meetings reader places this document at."""
    for meeting in read_meetings([doc], words):
        refs = [meeting.agenda, meeting.minutes, *meeting.papers]
        if any(ref is not None and ref.url == doc.url for ref in refs):
            return meeting.date, meeting.body
    return None, None


def _members(
    doc: Document, lep: LepEntry | None
) -> tuple[tuple[str, tuple[BoardMember, ...]], ...]:
    site = read_board([doc], (lep.website if lep else None) or "")
    return (("site", tuple(site)), ("reader", tuple(read_board_document(doc))))


def _declarations(
    doc: Document, words: frozenset[str], meeting_date: date | None
) -> tuple[tuple[str, tuple[Declaration, ...]], ...]:
    site = [
        d
        for minutes, when in minutes_documents([doc], words)
        for d in read_declarations(minutes, when)
    ]
    return (("site", tuple(site)), ("reader", tuple(read_declarations(doc, meeting_date))))


def read_document(doc: CorpusDoc, part: str, lep: LepEntry | None) -> Reading:
    """Run the classifier and every site reader the document has labels for."""
    labels = doc.labels
    built = classify_document(build_document(doc))
    words = organisation_words(lep.name if lep else "")
    meeting_date, body = None, None
    if labels.meeting_date or labels.body or labels.declarations is not None:
        meeting_date, body = _meeting_of(built, words)
    members = _members(built, lep) if labels.members is not None else ()
    declarations = () if labels.declarations is None else _declarations(built, words, meeting_date)
    periods: tuple[tuple[str, PeriodReading], ...] = ()
    if labels.period or labels.approved:
        periods = tuple((name, read(built, doc.retrieved)) for name, read in PERIOD_READERS.items())
    return Reading(
        doc=doc,
        part=part,
        kind=built.kind,
        confidence=built.kind_confidence,
        meeting_date=meeting_date,
        body=body,
        members=members,
        declarations=declarations,
        periods=periods,
    )
