"""meeting_timeliness: a meeting's document out at least N clear days before it, or within N
after it: agendas and papers five clear working days ahead and minutes within ten (BPG ch.1, as
reproduced by CIoS, LLEP, Hertfordshire, Lancashire and New Anglia LEPs; MEET-01..03); the
website notice of a meeting and its agenda five clear days ahead (LGA 1972 s. 100A(6)(a),
s. 100B; SI 2012/2089 reg. 6), the notice of a private meeting 28 clear days ahead and the
further notice five (reg. 5), the record of decisions after it (reg. 12).

Clear days exclude both end days; `day_basis` counts them in working days (weekends and England
bank holidays left out: Elitestone, CA 1993, for the five-day periods) or in calendar days
(the 28-day periods, as council practice counts them). On a calendar basis a document on time
by calendar days but short in working days is `partial`, with both counts, never a pass.

What each kind of date can prove (requirements.md, implementers' note 2):
- a first sighting in an earlier snapshot (first_seen) proves the document was up by then, so
  one on time proves compliance; one too late proves nothing (nobody was looking earlier);
- HTTP Last-Modified, file metadata and printed dates suggest but do not prove: on time gives
  `partial`; too late gives `fail` with lower confidence, because the document as published now
  was last changed after the deadline.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.publication import (
    PROVENANCE_WORDS,
    bulk_stamped_dates,
    candidate_dates,
)
from lepcheck.checks.common.text_search import evidence_from_source, matches_any
from lepcheck.models import Evidence, Meeting, PublicationDate, SiteModel, SourceRef, Verdict
from lepcheck.working_days import DayBasis, clear_days_between, clear_working_days_between

KIND = "meeting_timeliness"

DocumentName = Literal[
    "agenda",
    "papers",
    "minutes",
    "notice",
    "private_notice",
    "private_notice_further",
    "decision_record",
]
DOCUMENT_WORDS = {
    "notice": "notice of the meeting",
    "private_notice": "28-day notice of the private meeting",
    "private_notice_further": "further notice of the private meeting",
    "decision_record": "record of decisions",
}
PRIVATE_NOTICES = frozenset({"private_notice", "private_notice_further"})
Outcome = Literal["proven", "suggested", "short", "late", "absent", "unproven", "undated"]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentName = Field(
        description="which of a meeting's documents is timed: agenda, papers, minutes; notice "
        "(the meeting's own page, giving its time and place); private_notice and "
        "private_notice_further (the notices of a private meeting, assessed on private "
        "meetings only); decision_record"
    )
    relation: Literal["before", "after", "after_next_meeting"] = Field(
        description="published ahead of the meeting, after it, or after the next meeting of "
        "the same body (which approves the minutes)"
    )
    clear_days: int | None = Field(
        description="the deadline in clear days (neither end day counts); none: no number, "
        'the delays are reported ("as soon as reasonably practicable")'
    )
    day_basis: DayBasis = Field(
        default="working",
        description="working: weekends and England bank holidays do not count (the five-day "
        "periods; R v Swansea CC ex p Elitestone, CA 1993); calendar: every day counts (the "
        "28-day periods, as council practice counts them)",
    )
    working_shortfall: Literal["partial", "pass"] = Field(
        default="partial",
        description="calendar basis only: a document on time in calendar days but short in "
        "working days is partial (no authority settles the 28-day reading) or passes",
    )
    bodies: tuple[str, ...] = Field(
        default=(), description="only meetings of bodies whose name matches one of these"
    )
    late_status: Literal["fail", "partial"] = Field(
        default="fail",
        description="the status when a document is late: partial where the duty is met at "
        "the offices and the website is only its proxy (LGA 1972 Part VA)",
    )
    require_document: bool = Field(
        default=False,
        description="a past meeting without the document fails (otherwise it is not assessed)",
    )
    minutes_status: Literal["any", "draft", "approved"] = Field(
        default="any", description="only meetings whose minutes have this status"
    )


def pick(meeting: Meeting, params: Params) -> tuple[SourceRef | None, PublicationDate | None]:
    if params.document == "agenda":
        return meeting.agenda, meeting.agenda_published
    if params.document == "papers":
        return (meeting.papers[0] if meeting.papers else None), meeting.papers_published
    if params.document == "minutes":
        return meeting.minutes, meeting.minutes_published
    for notice in meeting.notices:
        if notice.kind == params.document:
            return notice.source, notice.published
    return None, None


def unit(params: Params) -> str:
    return "clear working days" if params.day_basis == "working" else "clear days"


Timing = Literal["ok", "short", "late"]


def ahead(meeting: Meeting, published: date, params: Params) -> tuple[Timing, str]:
    n, days = params.clear_days, clear_days_between(published, meeting.date, params.day_basis)
    if n is None:
        return "ok", f"{max(days, 0)} {unit(params)} before the meeting"
    detail = f"{max(days, 0)} {unit(params)} before the meeting (needs {n})"
    if days < n:
        return "late", detail
    if params.day_basis == "calendar" and params.working_shortfall == "partial":
        working = clear_working_days_between(published, meeting.date)
        if working < n:
            return "short", f"{detail}, but only {working} clear working days"
    return "ok", detail


def on_time(
    meeting: Meeting, published: date, params: Params, next_meeting: date | None
) -> tuple[Timing, str]:
    if params.relation == "before":
        return ahead(meeting, published, params)
    start = meeting.date if params.relation == "after" else next_meeting
    if start is None:
        return "ok", "no later meeting has approved them yet"
    days = clear_days_between(start, published, params.day_basis)
    when = "the meeting" if params.relation == "after" else f"approval on {start}"
    if published <= start:
        return "ok", f"published by {when}"
    if params.clear_days is None:
        return "ok", f"{days} {unit(params)} after {when}"
    n = params.clear_days
    return ("ok" if days <= n else "late"), f"{days} {unit(params)} after {when} (allowed {n})"


def judge(
    meeting: Meeting, dates: list[PublicationDate], params: Params, next_meeting: date | None
) -> tuple[Outcome, str]:
    if not dates:
        return "undated", "publication date unknown"
    results = [(d, *on_time(meeting, d.value, params, next_meeting)) for d in dates]
    for d, timing, detail in results:
        if timing == "ok" and d.provenance == "first_seen":
            return "proven", f"published by {d.value} ({PROVENANCE_WORDS[d.provenance]}): {detail}"
    for d, timing, detail in results:
        if timing == "ok":
            return "suggested", f"dated {d.value} ({PROVENANCE_WORDS[d.provenance]}): {detail}"
    for d, timing, detail in results:
        if timing == "short":
            return "short", f"dated {d.value} ({PROVENANCE_WORDS[d.provenance]}): {detail}"
    weak = [(d, detail) for d, _, detail in results if d.provenance != "first_seen"]
    if weak:
        d, detail = weak[0]
        return "late", f"dated {d.value} ({PROVENANCE_WORDS[d.provenance]}): {detail}"
    d, _, detail = results[0]
    return (
        "unproven",
        f"first seen {d.value}, after the deadline; earlier publication not ruled out",
    )


def meetings_assessed(site: SiteModel, params: Params) -> list[Meeting]:
    meetings = sorted((m for m in site.meetings if m.date <= site.as_of), key=lambda m: m.date)
    if params.minutes_status != "any":
        meetings = [m for m in meetings if m.minutes_status == params.minutes_status]
    if params.bodies:
        meetings = [m for m in meetings if matches_any(m.body, params.bodies)]
    return meetings


def no_meetings(site: SiteModel, params: Params) -> Verdict:
    which = "" if params.minutes_status == "any" else f" with {params.minutes_status} minutes"
    if params.bodies:
        which += " of the bodies sought"
    return Verdict(
        status="unknown",
        message=f"No past meetings{which} with dates were found, so timeliness cannot be assessed.",
        searched=site.searched,
    )


def no_private_meetings(site: SiteModel, meetings: list[Meeting]) -> Verdict:
    return Verdict(
        status="not_applicable",
        message=f"None of the {len(meetings)} past meetings found was held in private (no "
        "exempt business, no notice of a private meeting), so no private-meeting notice was "
        "due.",
        searched=site.searched,
    )


def missing_outcome(meeting: Meeting, site: SiteModel, params: Params) -> Outcome:
    """A meeting without the document: absent when every meeting must have it, late when the
    time to publish it after the meeting has passed, else not assessed."""
    if params.require_document:
        return "absent"
    n = params.clear_days
    overdue = (
        params.relation == "after"
        and n is not None
        and clear_days_between(meeting.date, site.as_of, params.day_basis) > n
    )
    return "late" if overdue else "undated"


def evaluate(site: SiteModel, params: Params) -> Verdict:
    meetings = meetings_assessed(site, params)
    if not meetings:
        return no_meetings(site, params)
    if params.document in PRIVATE_NOTICES:
        private = [m for m in meetings if m.private]
        if not private:
            return no_private_meetings(site, meetings)
        meetings = private
    docs = {d.url: d for d in site.documents}
    bulk = bulk_stamped_dates(site)
    outcomes: dict[Outcome, list[str]] = {}
    evidence: list[Evidence] = []
    words = DOCUMENT_WORDS.get(params.document, params.document)
    for meeting in meetings:
        label = f"{meeting.body} {meeting.date}"
        # Minutes are approved at the next meeting of the same body, not of any body.
        later = sorted(
            m.date for m in site.meetings if m.body == meeting.body and m.date > meeting.date
        )
        next_meeting = later[0] if later else None
        source, stated = pick(meeting, params)
        if source is None:
            key = missing_outcome(meeting, site, params)
            outcomes.setdefault(key, []).append(f"{label}: no {words} published")
            continue
        outcome, detail = judge(
            meeting, candidate_dates(docs.get(source.url), stated, bulk), params, next_meeting
        )
        outcomes.setdefault(outcome, []).append(f"{label}: {detail}")
        evidence.append(
            evidence_from_source(source).model_copy(update={"quote": f"{label}: {detail}"})
        )
    searched = tuple(dict.fromkeys(ev.url for ev in evidence)) or site.searched
    return verdict_of(outcomes, len(meetings), tuple(evidence), searched, params)


def verdict_of(
    outcomes: dict[Outcome, list[str]],
    count: int,
    evidence: tuple[Evidence, ...],
    searched: tuple[str, ...],
    params: Params,
) -> Verdict:
    absent = outcomes.get("absent", [])
    late = absent + outcomes.get("late", [])
    doubtful = outcomes.get("unproven", []) + outcomes.get("undated", [])
    suggested = outcomes.get("suggested", [])
    short = outcomes.get("short", [])
    proven = outcomes.get("proven", [])
    if late:
        return Verdict(
            status="fail" if absent else params.late_status,
            message=f"{len(late)} of {count} meetings miss the deadline: " + "; ".join(late),
            evidence=evidence,
            searched=searched,
            missing=tuple(late),
            confidence=0.6,
        )
    if not proven and not suggested and not short:
        return Verdict(
            status="unknown",
            message="No publication date could establish timeliness: " + "; ".join(doubtful),
            evidence=evidence,
            searched=searched,
            missing=tuple(doubtful),
        )
    notes = []
    if short:
        notes.append(
            f"{len(short)} on time in calendar days but not in working days, a reading no "
            "authority settles: " + "; ".join(short)
        )
    if suggested:
        notes.append(
            f"{len(suggested)} rest on Last-Modified headers, metadata or printed dates, which "
            "suggest but do not prove when a document went up (repeat crawls can prove it)"
        )
    if doubtful:
        notes.append("not established: " + "; ".join(doubtful))
    assessed = len(proven) + len(suggested) + len(short)
    return Verdict(
        status="pass" if not notes else "partial",
        message=f"{assessed} of {count} meetings meet the deadline"
        + (f"; {'; '.join(notes)}." if notes else "."),
        evidence=evidence,
        searched=searched,
        missing=tuple(doubtful + short),
        confidence=0.95 if not notes else 0.6,
    )
