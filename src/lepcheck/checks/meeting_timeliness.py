"""meeting_timeliness: a meeting's documents out at least N clear days before it, or within N
after it: agendas and papers five clear working days ahead and minutes within ten (BPG ch.1, as
reproduced by CIoS, LLEP, Hertfordshire, Lancashire and New Anglia LEPs; MEET-01..03); the
website notice of a meeting and its agenda five clear days ahead (LGA 1972 s. 100A(6)(a),
s. 100B; SI 2012/2089 reg. 6), the notice of a private meeting 28 clear days ahead and the
further notice five (reg. 5), the record of decisions after it (reg. 12).

Clear days exclude both end days; `day_basis` counts them in working days (weekends and England
bank holidays left out: Elitestone, CA 1993, for the five-day periods) or in calendar days (the
28-day periods, as council practice counts them). On a calendar basis a document on time by
calendar days but short in working days is `partial`, with both counts, never a pass.

Dates say how they are known (requirements.md, implementers' note 2; the project's guide), and
every finding names the strength it rests on:
- proved: a first sighting in an earlier snapshot (first_seen), or a web archive's first capture
  of the same bytes (archive_capture, issue 15), proves the document was up by then, so one on
  time proves compliance; one too late proves nothing (nobody was looking, or the archive came
  late) and never fails a meeting on its own;
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

from lepcheck.checks.common.blocked import blocked_meetings
from lepcheck.checks.common.publication import bulk_stamped_dates, candidate_dates, words_for
from lepcheck.checks.common.text_search import evidence_from_source, matches_any
from lepcheck.models import (
    DocumentKind,
    Evidence,
    Meeting,
    PublicationDate,
    SiteModel,
    SourceRef,
    Verdict,
)
from lepcheck.working_days import DayBasis, clear_days_between, clear_working_days_between

KIND = "meeting_timeliness"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# a meeting's agenda, papers and minutes: every meeting is timed.
READS: tuple[DocumentKind, ...] = ("agenda", "minutes")
READS_EVERY = True

DocumentName = Literal[
    "agenda",
    "papers",
    "agenda_and_papers",
    "minutes",
    "notice",
    "private_notice",
    "private_notice_further",
    "decision_record",
]
DOCUMENT_WORDS = {
    "agenda_and_papers": "agenda and papers",
    "notice": "notice of the meeting",
    "private_notice": "28-day notice of the private meeting",
    "private_notice_further": "further notice of the private meeting",
    "decision_record": "record of decisions",
}
PRIVATE_NOTICES = frozenset({"private_notice", "private_notice_further"})
Outcome = Literal[
    "proven",
    "declared",
    "suggested",
    "short",
    "late_declared",
    "late_suggested",
    "absent",
    "unproven",
    "undated",
]
# The meeting takes the worst of its documents' outcomes.
WORST_FIRST: tuple[Outcome, ...] = (
    "absent",
    "late_declared",
    "late_suggested",
    "unproven",
    "short",
    "suggested",
    "declared",
    "proven",
    "undated",
)


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: DocumentName = Field(
        description="which of a meeting's documents is timed: agenda, papers, "
        "agenda_and_papers (all of them, out when the last one is), minutes; notice (the "
        "meeting's own page, giving its time and place); private_notice and "
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
    if params.document == "minutes":
        if params.relation == "after_next_meeting" and meeting.approved_minutes is not None:
            return [(meeting.approved_minutes, meeting.approved_minutes_published)]
        return [(meeting.minutes, meeting.minutes_published)] if meeting.minutes else []
    return [(n.source, n.published) for n in meeting.notices if n.kind == params.document][:1]


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
    timed = [(d, *on_time(meeting, d.value, params, next_meeting)) for d in dates]
    results = [(d, timing == "ok", timing, detail) for d, timing, detail in timed]
    for d, ok, _, detail in results:
        if ok and d.strength == "proved":
            return "proven", f"published by {d.value} ({words_for(d)}): {detail}"
    for d, ok, _, detail in results:
        if ok and d.strength == "declared":
            return "declared", f"published {d.value} ({words_for(d)}): {detail}"
    for d, _, timing, detail in results:
        if timing == "late" and d.strength == "declared":
            return "late_declared", f"published {d.value} ({words_for(d)}): {detail}"
    for d, ok, _, detail in results:
        if ok:
            return "suggested", f"dated {d.value} ({words_for(d)}): {detail}"
    for d, _, timing, detail in results:
        if timing == "short":
            return "short", f"dated {d.value} ({words_for(d)}): {detail}"
    weak = [
        (d.value, order, d, detail)
        for order, (d, _, _, detail) in enumerate(results)
        if d.strength != "proved"
    ]
    if weak:
        # The earliest (the first of equals) is cited: late even on the reading kindest to the
        # publisher.
        _, _, d, detail = min(weak)
        return "late_suggested", f"dated {d.value} ({words_for(d)}): {detail}"
    # Only proofs, all after the deadline: they prove nothing, and never fail a meeting.
    d, _, _, detail = min(results, key=lambda r: r[0].value)
    if d.provenance == "first_seen":
        return (
            "unproven",
            f"first seen {d.value}, after the deadline; earlier publication not ruled out",
        )
    return (
        "unproven",
        f"first captured {d.value} ({words_for(d)}), after the deadline: {detail}; earlier "
        "publication not ruled out",
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
        words = DOCUMENT_WORDS.get(params.document, params.document)
        return "undated", f"no {words} published", None
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
    return "late_suggested" if overdue else "undated"


def evaluate(site: SiteModel, params: Params) -> Verdict:
    meetings = past_meetings(site, params)
    if not meetings:
        blocked = blocked_meetings(site, "meetings")
        if blocked is not None:
            return blocked
        return no_meetings(site, params)
    if params.document in PRIVATE_NOTICES:
        private = [m for m in meetings if m.private]
        if not private:
            return no_private_meetings(site, meetings)
        meetings = private
    bulk = bulk_stamped_dates(site)
    outcomes: dict[Outcome, list[str]] = {}
    evidence: list[Evidence] = []
    for meeting in meetings:
        label = f"{meeting.body} {meeting.date}"
        outcome, detail, ref = judge_meeting(site, meeting, params, bulk)
        if ref is None:
            outcome = missing_outcome(meeting, site, params)
        outcomes.setdefault(outcome, []).append(f"{label}: {detail}")
        if ref is not None:
            quote = f"{label}: {detail}"
            evidence.append(evidence_from_source(ref).model_copy(update={"quote": quote}))
    searched = tuple(dict.fromkeys(ev.url for ev in evidence)) or site.searched
    return verdict_of(outcomes, tuple(evidence), searched, len(meetings), params)


def verdict_of(
    outcomes: dict[Outcome, list[str]],
    evidence: tuple[Evidence, ...],
    searched: tuple[str, ...],
    count: int,
    params: Params,
) -> Verdict:
    absent = outcomes.get("absent", [])
    late = absent + outcomes.get("late_declared", []) + outcomes.get("late_suggested", [])
    doubtful = outcomes.get("unproven", []) + outcomes.get("undated", [])
    suggested = outcomes.get("suggested", [])
    short = outcomes.get("short", [])
    firm = outcomes.get("proven", []) + outcomes.get("declared", [])
    if late:
        return Verdict(
            status="fail" if absent else params.late_status,
            message=f"{len(late)} of {count} meetings miss the deadline: " + "; ".join(late),
            evidence=evidence,
            searched=searched,
            missing=tuple(late),
            # A breach on a date the publisher declares is as sure as the publisher's record.
            confidence=0.9 if outcomes.get("late_declared") else 0.6,
        )
    if not firm and not suggested and not short:
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
            f"{len(suggested)} rest on Last-Modified headers or file metadata, which suggest "
            "but do not prove when a document went up (repeat crawls can prove it)"
        )
    if doubtful:
        notes.append("not established: " + "; ".join(doubtful))
    proven, declared = outcomes.get("proven", []), outcomes.get("declared", [])
    strengths = (
        [f"{len(proven)} on proved dates (an earlier crawl, a web archive)"] if proven else []
    )
    strengths += [f"{len(declared)} on dates the publisher declares"] if declared else []
    return Verdict(
        status="pass" if not notes else "partial",
        message=f"{len(firm) + len(suggested) + len(short)} of {count} meetings meet the deadline"
        + (f" ({', '.join(strengths)})" if strengths else "")
        + (f"; {'; '.join(notes)}." if notes else "."),
        evidence=evidence,
        searched=searched,
        missing=tuple(doubtful + short),
        confidence=0.95 if not notes else 0.6,
    )
