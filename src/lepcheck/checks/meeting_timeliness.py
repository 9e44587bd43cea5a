"""meeting_timeliness: agendas and papers out at least N clear working days before a meeting,
minutes within N clear working days after it (BPG ch.1, as reproduced by CIoS, LLEP,
Hertfordshire, Lancashire and New Anglia LEPs; catalogue MEET-01..03).

A single crawl cannot prove when a document went up (requirements.md, implementers' note 2):
only a first sighting in an earlier snapshot does. Compliance resting on Last-Modified or file
metadata is therefore `partial`; a breach on the same evidence is a `fail` with lower confidence.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from lepcheck.checks.text_search import evidence_from_source
from lepcheck.models import Evidence, Meeting, PublicationDate, SiteModel, SourceRef, Verdict
from lepcheck.working_days import clear_working_days_between

PROVENANCE_WORDS = {
    "first_seen": "first seen by an earlier crawl",
    "last_modified": "HTTP Last-Modified",
    "document_metadata": "document metadata",
    "printed": "date printed on the page",
    "unknown": "unknown",
}


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: Literal["agenda", "papers", "minutes"]
    relation: Literal["before", "after", "after_next_meeting"]
    clear_working_days: int
    minutes_status: Literal["any", "draft", "approved"] = "any"


def pick(meeting: Meeting, params: Params) -> tuple[SourceRef | None, PublicationDate | None]:
    if params.document == "agenda":
        return meeting.agenda, meeting.agenda_published
    if params.document == "papers":
        return (meeting.papers[0] if meeting.papers else None), meeting.papers_published
    return meeting.minutes, meeting.minutes_published


def deadline_met(
    meeting: Meeting, published: date, params: Params, next_meeting: date | None
) -> tuple[bool, str]:
    n = params.clear_working_days
    if params.relation == "before":
        days = clear_working_days_between(published, meeting.date)
        return days >= n, f"{days} clear working days before the meeting (needs {n})"
    start = meeting.date if params.relation == "after" else next_meeting
    if start is None:
        return True, "no later meeting to approve them"
    days = clear_working_days_between(start, published)
    when = "the meeting" if params.relation == "after" else f"approval on {start}"
    return days <= n, f"{max(days, 0)} clear working days after {when} (allowed {n})"


def evaluate(site: SiteModel, params: Params) -> Verdict:
    meetings = sorted((m for m in site.meetings if m.date <= site.as_of), key=lambda m: m.date)
    if params.minutes_status != "any":
        meetings = [m for m in meetings if m.minutes_status == params.minutes_status]
    if not meetings:
        return Verdict(
            status="unknown",
            message="No past meetings with dates were found, so timeliness cannot be assessed.",
            searched=site.searched,
        )
    late: list[str] = []
    assessed: list[Evidence] = []
    undated: list[str] = []
    weak = False
    dates = [m.date for m in meetings]
    for i, meeting in enumerate(meetings):
        source, published = pick(meeting, params)
        label = f"{meeting.body} {meeting.date}"
        next_meeting = dates[i + 1] if i + 1 < len(dates) else None
        if source is None:
            overdue = (
                params.relation != "before"
                and clear_working_days_between(meeting.date, site.as_of) > params.clear_working_days
            )
            if overdue and params.relation == "after":
                late.append(f"{label}: no {params.document} published")
            elif params.relation == "before":
                undated.append(f"{label}: no {params.document} found")
            continue
        if published is None:
            undated.append(f"{label}: publication date unknown")
            continue
        ok, detail = deadline_met(meeting, published.value, params, next_meeting)
        words = PROVENANCE_WORDS[published.provenance]
        ev = evidence_from_source(source).model_copy(
            update={"quote": f"published {published.value} ({words}); {detail}"}
        )
        weak = weak or published.provenance != "first_seen"
        if ok:
            assessed.append(ev)
        else:
            late.append(f"{label}: {detail}, per {words}")
            assessed.append(ev)  # keep the evidence of the breach in the report
    searched = tuple(dict.fromkeys(ev.url for ev in assessed)) or site.searched
    if late:
        return Verdict(
            status="fail",
            message=f"{len(late)} of {len(meetings)} meetings miss the deadline: "
            + "; ".join(late),
            evidence=tuple(assessed),
            searched=searched,
            missing=tuple(late),
            confidence=0.6 if weak else 0.9,
        )
    if not assessed:
        return Verdict(
            status="unknown",
            message="No publication date could be established: " + "; ".join(undated),
            searched=searched,
            missing=tuple(undated),
        )
    caveat = ""
    if weak:
        caveat = (
            " Publication dates rest on Last-Modified headers or file metadata, which do not "
            "prove when a document went up; repeat crawls (first_seen) can."
        )
    if undated:
        caveat += f" Not assessed: {'; '.join(undated)}."
    return Verdict(
        status="partial" if (weak or undated) else "pass",
        message=f"All {len(assessed)} assessed meetings meet the deadline.{caveat}",
        evidence=tuple(assessed),
        searched=searched,
        confidence=0.6 if weak else 0.95,
    )
