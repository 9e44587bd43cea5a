"""meeting_timeliness: agendas and papers out at least N clear working days before a meeting,
minutes within N clear working days after it (BPG ch.1, as reproduced by CIoS, LLEP,
Hertfordshire, Lancashire and New Anglia LEPs; catalogue MEET-01..03).

What each kind of date can prove (requirements.md, implementers' note 2), named in every
finding as proved or suggested:
- proved: a first sighting in an earlier snapshot (first_seen), or a web archive's first capture
  of the same bytes (archive_capture, issue 15), shows the document was up by then, so one on
  time proves compliance; one too late proves nothing (nobody was looking earlier, or the
  archive came late) and never fails a meeting on its own;
- HTTP Last-Modified, file metadata and printed dates suggest but do not prove: on time gives
  `partial`; too late gives `fail` with lower confidence, because the document as published now
  was last changed after the deadline.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.text_search import evidence_from_source
from lepcheck.models import (
    Document,
    Evidence,
    Meeting,
    PublicationDate,
    SiteModel,
    SourceRef,
    Verdict,
)
from lepcheck.working_days import clear_working_days_between

KIND = "meeting_timeliness"

PROVENANCE_WORDS = {
    "first_seen": "proved: first seen by an earlier crawl",
    "archive_capture": "proved: first captured by a web archive",
    "last_modified": "suggested: HTTP Last-Modified",
    "document_metadata": "suggested: document metadata",
    "printed": "declared: a publication date printed on the document",
    "unknown": "unknown source",
}
Outcome = Literal["proven", "suggested", "late", "unproven", "undated"]


def words_for(published: PublicationDate) -> str:
    """How a date is known, as a finding says it ("proved: first captured by ia at ...")."""
    if published.source:
        return f"{published.strength}: {published.source}"
    return PROVENANCE_WORDS[published.provenance]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: Literal["agenda", "papers", "minutes"] = Field(
        description="which of a meeting's documents is timed"
    )
    relation: Literal["before", "after", "after_next_meeting"] = Field(
        description="published ahead of the meeting, after it, or after the next meeting of "
        "the same body (which approves the minutes)"
    )
    clear_working_days: int = Field(
        description="the deadline in clear working days (weekends and England bank "
        "holidays do not count)"
    )
    minutes_status: Literal["any", "draft", "approved"] = Field(
        default="any", description="only meetings whose minutes have this status"
    )


def pick(meeting: Meeting, params: Params) -> tuple[SourceRef | None, PublicationDate | None]:
    if params.document == "agenda":
        return meeting.agenda, meeting.agenda_published
    if params.document == "papers":
        return (meeting.papers[0] if meeting.papers else None), meeting.papers_published
    return meeting.minutes, meeting.minutes_published


# A Last-Modified date shared by this many documents (and this share of them) is a bulk stamp:
# a site migration or a CMS that re-dates every file, which says nothing about publication.
BULK_STAMP_MIN_DOCUMENTS = 5
BULK_STAMP_MIN_SHARE = 0.3


def bulk_stamped_dates(site: SiteModel) -> set[date]:
    dated = [d.last_modified.date() for d in site.documents if d.last_modified is not None]
    counts: dict[date, int] = {}
    for day in dated:
        counts[day] = counts.get(day, 0) + 1
    return {
        day
        for day, n in counts.items()
        if n >= BULK_STAMP_MIN_DOCUMENTS and n >= BULK_STAMP_MIN_SHARE * len(dated)
    }


def meaningful_last_modified(doc: Document, bulk: set[date]) -> date | None:
    """Last-Modified as evidence, or None: pages generated on request carry the fetch time, and
    a bulk-stamped date is a migration, not a publication."""
    if doc.last_modified is None:
        return None
    day = doc.last_modified.date()
    if day >= doc.fetched_at.date() or day in bulk:
        return None
    return day


def candidate_dates(
    doc: Document | None, stated: PublicationDate | None, bulk: set[date]
) -> list[PublicationDate]:
    """Every date that bears on publication, each with its provenance."""
    found: list[PublicationDate] = []
    if doc is not None:
        if doc.first_seen is not None and doc.first_seen.date() < doc.fetched_at.date():
            found.append(PublicationDate(value=doc.first_seen.date(), provenance="first_seen"))
        if doc.first_capture is not None:
            first = doc.first_capture
            found.append(
                PublicationDate(
                    value=first.day,
                    provenance="archive_capture",
                    source=f"first captured by {first.words()}",
                )
            )
        modified = meaningful_last_modified(doc, bulk)
        if modified is not None:
            found.append(PublicationDate(value=modified, provenance="last_modified"))
    if stated is not None and all(
        (d.value, d.provenance) != (stated.value, stated.provenance) for d in found
    ):
        # The site model's date rests on the same header: discard it for the same reasons.
        discredited = (
            doc is not None
            and stated.provenance == "last_modified"
            and meaningful_last_modified(doc, bulk) is None
        )
        if not discredited:
            found.append(stated)
    return found


def on_time(
    meeting: Meeting, published: date, params: Params, next_meeting: date | None
) -> tuple[bool, str]:
    n = params.clear_working_days
    if params.relation == "before":
        days = clear_working_days_between(published, meeting.date)
        return days >= n, f"{max(days, 0)} clear working days before the meeting (needs {n})"
    start = meeting.date if params.relation == "after" else next_meeting
    if start is None:
        return True, "no later meeting has approved them yet"
    days = clear_working_days_between(start, published)
    when = "the meeting" if params.relation == "after" else f"approval on {start}"
    if published <= start:
        return True, f"published by {when}"
    return days <= n, f"{days} clear working days after {when} (allowed {n})"


def judge(
    meeting: Meeting, dates: list[PublicationDate], params: Params, next_meeting: date | None
) -> tuple[Outcome, str]:
    if not dates:
        return "undated", "publication date unknown"
    results = [(d, *on_time(meeting, d.value, params, next_meeting)) for d in dates]
    for d, ok, detail in results:
        if ok and d.strength == "proved":
            return "proven", f"published by {d.value} ({words_for(d)}): {detail}"
    for d, ok, detail in results:
        if ok:
            return "suggested", f"dated {d.value} ({words_for(d)}): {detail}"
    weak = [(d, detail) for d, _, detail in results if d.strength != "proved"]
    if weak:
        d, detail = weak[0]
        return "late", f"dated {d.value} ({words_for(d)}): {detail}"
    # Only proofs, all after the deadline: they prove nothing, and never fail a meeting.
    d, _, detail = min(results, key=lambda r: r[0].value)
    return (
        "unproven",
        f"first {'captured' if d.provenance == 'archive_capture' else 'seen'} {d.value} "
        f"({words_for(d)}), after the deadline: {detail}; earlier publication not ruled out",
    )


def evaluate(site: SiteModel, params: Params) -> Verdict:
    meetings = sorted((m for m in site.meetings if m.date <= site.as_of), key=lambda m: m.date)
    if params.minutes_status != "any":
        meetings = [m for m in meetings if m.minutes_status == params.minutes_status]
    if not meetings:
        which = "" if params.minutes_status == "any" else f" with {params.minutes_status} minutes"
        return Verdict(
            status="unknown",
            message=f"No past meetings{which} with dates were found, so timeliness cannot be "
            "assessed.",
            searched=site.searched,
        )
    docs = {d.url: d for d in site.documents}
    bulk = bulk_stamped_dates(site)
    outcomes: dict[Outcome, list[str]] = {}
    evidence: list[Evidence] = []
    for meeting in meetings:
        label = f"{meeting.body} {meeting.date}"
        # Minutes are approved at the next meeting of the same body, not of any body.
        later = sorted(
            m.date for m in site.meetings if m.body == meeting.body and m.date > meeting.date
        )
        next_meeting = later[0] if later else None
        source, stated = pick(meeting, params)
        if source is None:
            overdue = params.relation == "after" and (
                clear_working_days_between(meeting.date, site.as_of) > params.clear_working_days
            )
            key: Outcome = "late" if overdue else "undated"
            outcomes.setdefault(key, []).append(f"{label}: no {params.document} published")
            continue
        outcome, detail = judge(
            meeting, candidate_dates(docs.get(source.url), stated, bulk), params, next_meeting
        )
        outcomes.setdefault(outcome, []).append(f"{label}: {detail}")
        evidence.append(
            evidence_from_source(source).model_copy(update={"quote": f"{label}: {detail}"})
        )
    searched = tuple(dict.fromkeys(ev.url for ev in evidence)) or site.searched
    late = outcomes.get("late", [])
    doubtful = outcomes.get("unproven", []) + outcomes.get("undated", [])
    suggested = outcomes.get("suggested", [])
    proven = outcomes.get("proven", [])
    if late:
        return Verdict(
            status="fail",
            message=f"{len(late)} of {len(meetings)} meetings miss the deadline: "
            + "; ".join(late),
            evidence=tuple(evidence),
            searched=searched,
            missing=tuple(late),
            confidence=0.6,
        )
    if not proven and not suggested:
        return Verdict(
            status="unknown",
            message="No publication date could establish timeliness: " + "; ".join(doubtful),
            evidence=tuple(evidence),
            searched=searched,
            missing=tuple(doubtful),
        )
    notes = []
    if suggested:
        notes.append(
            f"{len(suggested)} rest on Last-Modified headers, metadata or printed dates, which "
            "suggest but do not prove when a document went up (repeat crawls can prove it)"
        )
    if doubtful:
        notes.append("not established: " + "; ".join(doubtful))
    assessed = len(proven) + len(suggested)
    return Verdict(
        status="pass" if not notes else "partial",
        message=f"{assessed} of {len(meetings)} meetings meet the deadline"
        + (f"; {'; '.join(notes)}." if notes else "."),
        evidence=tuple(evidence),
        searched=searched,
        missing=tuple(doubtful),
        confidence=0.95 if not notes else 0.6,
    )
