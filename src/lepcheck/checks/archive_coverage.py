"""archive_coverage: the papers of past meetings stay available for N years: after each meeting
the minutes, the agenda and the open reports are kept for six years (LGA 1972 s. 100C(1)-(2)),
background papers for four (s. 100D(2)).

Every meeting found in the window (as-of less N years, to as-of) must have each required
document; a meeting without one fails. A body whose oldest meeting found is well inside the
window may be newer than the window, or its older papers may have been taken down or not
reached by the crawl: the website alone cannot tell, so that is `partial`, never a pass.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.text_search import evidence_from_source, matches_any
from lepcheck.models import Evidence, Meeting, SiteModel, SourceRef, Verdict

KIND = "archive_coverage"

Kept = Literal["agenda", "minutes", "papers"]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    years: int = Field(default=6, description="how long the papers stay available")
    require: tuple[Kept, ...] = Field(
        default=("agenda", "minutes"), description="the documents every meeting keeps"
    )
    bodies: tuple[str, ...] = Field(
        default=(), description="only bodies whose name matches one of these (all if none)"
    )
    tolerance_months: int = Field(
        default=6,
        description="a body's oldest meeting found may be this much after the window opens "
        "(meetings are months apart) before the coverage is in doubt",
    )


def kept(meeting: Meeting, what: Kept) -> SourceRef | None:
    if what == "papers":
        return meeting.papers[0] if meeting.papers else None
    return meeting.agenda if what == "agenda" else meeting.minutes


def window_start(as_of: date, years: int) -> date:
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:  # 29 February
        return as_of.replace(year=as_of.year - years, day=28)


def evaluate(site: SiteModel, params: Params) -> Verdict:
    start = window_start(site.as_of, params.years)
    meetings = [
        m
        for m in site.meetings
        if start <= m.date <= site.as_of
        and (not params.bodies or matches_any(m.body, params.bodies))
    ]
    if not meetings:
        return Verdict(
            status="unknown",
            message=f"No meetings since {start} were found, so the archive cannot be assessed.",
            searched=site.searched,
        )
    lacking: list[str] = []
    evidence: list[Evidence] = []
    for meeting in sorted(meetings, key=lambda m: (m.body, m.date)):
        absent = [what for what in params.require if kept(meeting, what) is None]
        if absent:
            lacking.append(f"{meeting.body} {meeting.date}: no {', '.join(absent)}")
        ref = kept(meeting, params.require[0]) or meeting.agenda or meeting.minutes
        if ref is not None and len(evidence) < 10:
            evidence.append(evidence_from_source(ref))
    reach = start + timedelta(days=round(params.tolerance_months * 30.44))
    oldest = {
        body: min(m.date for m in meetings if m.body == body) for body in {m.body for m in meetings}
    }
    short = [f"{body} (oldest {day})" for body, day in sorted(oldest.items()) if day > reach]
    what = ", ".join(params.require)
    if lacking:
        return Verdict(
            status="fail",
            message=f"{len(lacking)} of {len(meetings)} meetings since {start} lack their "
            f"{what}: " + "; ".join(lacking[:10]) + ("; …" if len(lacking) > 10 else "") + ".",
            evidence=tuple(evidence),
            searched=site.searched,
            missing=tuple(lacking),
        )
    if short:
        return Verdict(
            status="partial",
            message=f"All {len(meetings)} meetings found keep their {what}, but the archive "
            f"should reach back to {start} and for some bodies does not: {', '.join(short)}; "
            "they may be newer, or older papers may be missing.",
            evidence=tuple(evidence),
            searched=site.searched,
            missing=tuple(short),
        )
    return Verdict(
        status="pass",
        message=f"All {len(meetings)} meetings since {start} keep their {what}, for "
        f"{len(oldest)} bodies.",
        evidence=tuple(evidence),
        searched=site.searched,
    )
