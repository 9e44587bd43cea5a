"""meeting_timeliness: agendas and papers out at least N clear working days before a meeting,
minutes within N clear working days after it (BPG ch.1, as reproduced by CIoS, LLEP,
Hertfordshire, Lancashire and New Anglia LEPs; catalogue MEET-01..03).

Dates say how they are known (requirements.md, implementers' note 2; the project's guide), and
every finding names the strength it rests on:
- proved: a first sighting in an earlier snapshot (first_seen) proves the document was up by
  then, so one on time proves compliance; one too late proves nothing (nobody was looking);
- declared: a date the publisher's own system records (a committee system's publication date,
  a decision page's "Publication date", a "published on" line printed with the document). The
  publisher says when it went up: on time passes, too late fails;
- suggested: HTTP Last-Modified and file metadata say when a file last changed, not when it
  went up: on time gives `partial`; too late gives `fail` with lower confidence.
A meeting the committee system declares cancelled is not a missed deadline. The agenda and
papers are out when the last of them is (MEET-01): each is judged, and the meeting by the worst;
a document the site gives no date for is left out when others of the meeting are dated.
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
    "declared": "declared",
    "last_modified": "suggested: HTTP Last-Modified",
    "document_metadata": "suggested: document metadata",
    "printed": "declared: a publication date printed on the document",
    "unknown": "unknown source",
}
Outcome = Literal[
    "proven", "declared", "suggested", "late_declared", "late_suggested", "unproven", "undated"
]
# The meeting takes the worst of its documents' outcomes.
WORST_FIRST: tuple[Outcome, ...] = (
    "late_declared",
    "late_suggested",
    "unproven",
    "suggested",
    "declared",
    "proven",
    "undated",
)


def words_for(published: PublicationDate) -> str:
    """How a date is known, as a finding says it: "declared: publicationdate 01/02/2022 in …"."""
    if published.provenance == "declared" and published.source:
        return f"declared: {published.source}"
    return PROVENANCE_WORDS[published.provenance]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: Literal["agenda", "papers", "agenda_and_papers", "minutes"] = Field(
        description="which of a meeting's documents is timed (agenda_and_papers: all of them, "
        "out when the last one is)"
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


Dated = tuple[SourceRef, PublicationDate | None]


def _papers(meeting: Meeting) -> list[Dated]:
    if meeting.paper_dates:
        return list(zip(meeting.papers, meeting.paper_dates, strict=True))
    # Without a date per paper, papers_published is the date of papers[0] (the last out).
    return [(p, meeting.papers_published if i == 0 else None) for i, p in enumerate(meeting.papers)]


def pick(meeting: Meeting, params: Params) -> list[Dated]:
    """The documents timed for a meeting, each with the date the site model gives it."""
    agenda = [(meeting.agenda, meeting.agenda_published)] if meeting.agenda else []
    if params.document == "agenda":
        return agenda
    if params.document == "papers":
        return _papers(meeting)[:1]
    if params.document == "agenda_and_papers":
        return agenda + _papers(meeting)
    if params.relation == "after_next_meeting" and meeting.approved_minutes is not None:
        return [(meeting.approved_minutes, meeting.approved_minutes_published)]
    return [(meeting.minutes, meeting.minutes_published)] if meeting.minutes else []


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
        modified = meaningful_last_modified(doc, bulk)
        if modified is not None:
            found.append(PublicationDate(value=modified, provenance="last_modified"))
    if stated is not None and stated not in found:
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
        if ok and d.strength == "declared":
            return "declared", f"published {d.value} ({words_for(d)}): {detail}"
    for d, ok, detail in results:
        if not ok and d.strength == "declared":
            return "late_declared", f"published {d.value} ({words_for(d)}): {detail}"
    for d, ok, detail in results:
        if ok:
            return "suggested", f"dated {d.value} ({words_for(d)}): {detail}"
    weak = [(d, detail) for d, _, detail in results if d.strength != "proved"]
    if weak:
        d, detail = weak[0]
        return "late_suggested", f"dated {d.value} ({words_for(d)}): {detail}"
    d, _, detail = results[0]
    return (
        "unproven",
        f"first seen {d.value}, after the deadline; earlier publication not ruled out",
    )


def next_meeting_of(site: SiteModel, meeting: Meeting) -> date | None:
    """When the minutes were approved: as declared, else the next meeting of the same body that
    was held (minutes wait for a meeting that takes place, not one that was cancelled)."""
    if meeting.minutes_approved_on is not None:
        return meeting.minutes_approved_on
    later = sorted(
        m.date
        for m in site.meetings
        if m.body == meeting.body and m.date > meeting.date and m.status != "cancelled"
    )
    return later[0] if later else None


def judge_meeting(
    site: SiteModel, meeting: Meeting, params: Params, bulk: set[date]
) -> tuple[Outcome, str, SourceRef | None]:
    """The worst outcome among the meeting's timed documents, with its detail and source."""
    docs = {d.url: d for d in site.documents}
    following = next_meeting_of(site, meeting)
    judged = []
    for ref, stated in pick(meeting, params):
        dates = candidate_dates(docs.get(ref.url), stated, bulk)
        outcome, detail = judge(meeting, dates, params, following)
        latest = max((d.value for d in dates), default=date.min)
        judged.append((WORST_FIRST.index(outcome), -latest.toordinal(), outcome, detail, ref))
    if not judged:
        return "undated", f"no {params.document.replace('_', ' ')} published", None
    # The worst document decides; among equals, the last one out (the papers are all out
    # when it is), which is the evidence.
    _, _, outcome, detail, ref = min(judged, key=lambda j: (j[0], j[1]))
    return outcome, detail, ref


def past_meetings(site: SiteModel, params: Params) -> list[Meeting]:
    """Meetings held by the as-of date; a cancelled one has no deadline to miss."""
    meetings = sorted(
        (m for m in site.meetings if m.date <= site.as_of and m.status != "cancelled"),
        key=lambda m: m.date,
    )
    if params.minutes_status != "any":
        meetings = [m for m in meetings if m.minutes_status == params.minutes_status]
    return meetings


def evaluate(site: SiteModel, params: Params) -> Verdict:
    meetings = past_meetings(site, params)
    if not meetings:
        which = "" if params.minutes_status == "any" else f" with {params.minutes_status} minutes"
        return Verdict(
            status="unknown",
            message=f"No past meetings{which} with dates were found, so timeliness cannot be "
            "assessed.",
            searched=site.searched,
        )
    bulk = bulk_stamped_dates(site)
    outcomes: dict[Outcome, list[str]] = {}
    evidence: list[Evidence] = []
    for meeting in meetings:
        label = f"{meeting.body} {meeting.date}"
        outcome, detail, ref = judge_meeting(site, meeting, params, bulk)
        if ref is None:
            overdue = params.relation == "after" and (
                clear_working_days_between(meeting.date, site.as_of) > params.clear_working_days
            )
            outcome = "late_suggested" if overdue else "undated"
        outcomes.setdefault(outcome, []).append(f"{label}: {detail}")
        if ref is not None:
            quote = f"{label}: {detail}"
            evidence.append(evidence_from_source(ref).model_copy(update={"quote": quote}))
    searched = tuple(dict.fromkeys(ev.url for ev in evidence)) or site.searched
    return verdict_of(outcomes, tuple(evidence), searched, len(meetings))


def verdict_of(
    outcomes: dict[Outcome, list[str]],
    evidence: tuple[Evidence, ...],
    searched: tuple[str, ...],
    count: int,
) -> Verdict:
    late = outcomes.get("late_declared", []) + outcomes.get("late_suggested", [])
    doubtful = outcomes.get("unproven", []) + outcomes.get("undated", [])
    suggested = outcomes.get("suggested", [])
    firm = outcomes.get("proven", []) + outcomes.get("declared", [])
    if late:
        return Verdict(
            status="fail",
            message=f"{len(late)} of {count} meetings miss the deadline: " + "; ".join(late),
            evidence=evidence,
            searched=searched,
            missing=tuple(late),
            # A breach on a date the publisher declares is as sure as the publisher's record.
            confidence=0.9 if outcomes.get("late_declared") else 0.6,
        )
    if not firm and not suggested:
        return Verdict(
            status="unknown",
            message="No publication date could establish timeliness: " + "; ".join(doubtful),
            evidence=evidence,
            searched=searched,
            missing=tuple(doubtful),
        )
    notes = []
    if suggested:
        notes.append(
            f"{len(suggested)} rest on Last-Modified headers or file metadata, which suggest "
            "but do not prove when a document went up (repeat crawls can prove it)"
        )
    if doubtful:
        notes.append("not established: " + "; ".join(doubtful))
    proven, declared = outcomes.get("proven", []), outcomes.get("declared", [])
    strengths = [f"{len(proven)} on dates proved by earlier crawls"] if proven else []
    strengths += [f"{len(declared)} on dates the publisher declares"] if declared else []
    return Verdict(
        status="pass" if not notes else "partial",
        message=f"{len(firm) + len(suggested)} of {count} meetings meet the deadline"
        + (f" ({', '.join(strengths)})" if strengths else "")
        + (f"; {'; '.join(notes)}." if notes else "."),
        evidence=evidence,
        searched=searched,
        missing=tuple(doubtful),
        confidence=0.95 if not notes else 0.6,
    )
