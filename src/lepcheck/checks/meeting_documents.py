"""meeting_documents: meetings publish their papers, not only an agenda front sheet (Ney 9.1),
and committees that decide publish as the board does (CIoS and Lancashire LEPs; MEET-04)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.blocked import blocked_meetings
from lepcheck.checks.common.text_search import evidence_from_source, matches_any
from lepcheck.models import DocumentKind, Evidence, Meeting, SiteModel, SourceRef, Verdict
from lepcheck.vocab.meetings import NOT_COMMITTEES

KIND = "meeting_documents"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# every past meeting's agenda, papers and minutes.
READS: tuple[DocumentKind, ...] = ("agenda", "minutes")
READS_EVERY = True

Requirement = Literal["papers", "minutes", "agenda", "committees"]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    require: Requirement = Field(
        description="papers, minutes or agenda: every past meeting publishes them; committees: "
        "bodies beside the main board meet and publish what it publishes"
    )
    min_per_meeting: int = Field(
        default=1, description="documents of that sort each meeting needs (not committees)"
    )
    bodies: tuple[str, ...] = Field(
        default=(),
        description="only meetings of bodies whose name matches one of these (a scrutiny or "
        "audit committee); none of them found is a fail",
    )


def published_kinds(meetings: list[Meeting], body: str) -> set[str]:
    """Which of agenda, papers and minutes a body has published for any of its meetings."""
    kinds: set[str] = set()
    for m in meetings:
        if m.body != body:
            continue
        if m.agenda:
            kinds.add("agenda")
        if m.papers:
            kinds.add("papers")
        if m.minutes:
            kinds.add("minutes")
    return kinds


def evaluate(site: SiteModel, params: Params) -> Verdict:
    meetings = sorted(site.meetings, key=lambda m: m.date)
    # A meeting the committee system declares cancelled published nothing and owed nothing.
    past = [m for m in meetings if m.date <= site.as_of and m.status != "cancelled"]
    if not past:
        return blocked_meetings(site, "meetings") or Verdict(
            status="fail",
            message="No meetings with agendas, papers or minutes found on the site.",
            searched=site.searched,
            missing=("meetings",),
        )
    if params.bodies:
        others = sorted({m.body for m in past})
        past = [m for m in past if matches_any(m.body, params.bodies)]
        if not past:
            return Verdict(
                status="fail",
                message=f"No meetings of the bodies sought ({', '.join(params.bodies)}) found "
                f"among those of {', '.join(others)}.",
                searched=site.searched,
                missing=params.bodies,
            )
    return REQUIREMENTS[params.require](site, past, params)


def committees(site: SiteModel, past: list[Meeting], params: Params) -> Verdict:
    """Bodies other than the main board meet and publish what the board publishes."""
    bodies = sorted({m.body for m in past})
    # The main board is the body that meets most (its name varies: "Board", "LEP Board",
    # "Business Board", "Strategic Board"); any other body is a committee or sub-board.
    counts = Counter(m.body for m in past)
    main_board = max(bodies, key=lambda b: (counts[b], "board" in b.lower(), b))
    # An annual general meeting is not a decision-making committee.
    others = [b for b in bodies if b != main_board and not NOT_COMMITTEES.search(b)]
    ev = tuple(
        evidence_from_source(m.agenda or m.minutes)  # type: ignore[arg-type]
        for m in past
        if (m.agenda or m.minutes)
    )[:10]
    # "As the main board does": a committee that posts agendas but never the minutes the
    # board publishes is only partly published.
    short = [
        f"{body} {kind}"
        for body in others
        for kind in sorted(published_kinds(past, main_board) - published_kinds(past, body))
    ]
    if others and short:
        return Verdict(
            status="partial",
            message=f"Meetings found for {', '.join(others)} beside the {main_board}, but "
            f"not everything the {main_board} publishes: {', '.join(short)} missing.",
            evidence=ev,
            searched=site.searched,
            missing=tuple(short),
        )
    if others:
        return Verdict(
            status="pass",
            message=f"Meetings published for {len(bodies)} bodies: {', '.join(bodies)}.",
            evidence=ev,
            searched=site.searched,
        )
    return Verdict(
        status="partial",
        message=f"Only the main board's ({main_board}) meetings were found; any sub-board or "
        "committee that "
        "decides on public money must publish in the same way.",
        evidence=ev,
        searched=site.searched,
        missing=("sub-board or committee meetings",),
    )


def _sources(meeting: Meeting, require: Requirement) -> list[SourceRef]:
    if require == "papers":
        return list(meeting.papers)
    if require == "minutes":
        return [meeting.minutes] if meeting.minutes else []
    return [meeting.agenda] if meeting.agenda else []


def every_meeting(site: SiteModel, past: list[Meeting], params: Params) -> Verdict:
    """Every past meeting has at least `min_per_meeting` of the required documents."""
    ok: list[Evidence] = []
    lacking: list[str] = []
    for meeting in past:
        sources = _sources(meeting, params.require)
        if len(sources) >= params.min_per_meeting:
            ok.append(evidence_from_source(sources[0]))
        else:
            lacking.append(f"{meeting.body} {meeting.date}")
    what = params.require
    if not lacking:
        return Verdict(
            status="pass",
            message=f"All {len(past)} past meetings have {what} published.",
            evidence=tuple(ok),
            searched=site.searched,
        )
    return Verdict(
        status="partial" if ok else "fail",
        message=f"{len(lacking)} of {len(past)} meetings have no {what}: " + ", ".join(lacking),
        evidence=tuple(ok),
        searched=site.searched,
        missing=tuple(lacking),
    )


RequirementFunction = Callable[[SiteModel, list[Meeting], Params], Verdict]
REQUIREMENTS: dict[Requirement, RequirementFunction] = {
    "papers": every_meeting,
    "minutes": every_meeting,
    "agenda": every_meeting,
    "committees": committees,
}
