"""board_composition: who sits on the board (SLEP 2018: business-led, two-thirds private
sector, gender targets; catalogue BOARD-01..05, BOARD-15)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.text_search import evidence_from_source
from lepcheck.models import BoardMember, DocumentKind, Sector, SiteModel, Verdict

KIND = "board_composition"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# the board listing and its members' profiles.
READS: tuple[DocumentKind, ...] = ("board_page",)
READS_EVERY = False

Measure = Literal["sector_share", "role_sector", "size", "female_share", "sector_count"]


class ShareTarget(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    effective: date = Field(description="the date from which the share applies")
    min_share: float = Field(description="the share (0 to 1) needed from then on")


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    measure: Measure = Field(
        description="sector_share or female_share of the board; role_sector: the sector of the "
        "chair or deputy; size: members and co-opted members; sector_count: members of a sector"
    )
    sector: Sector = Field(default="private", description="the sector measured")
    role: Literal["chair", "deputy_chair"] = Field(
        default="chair", description="the role whose holder's sector is checked (role_sector)"
    )
    min_share: float = Field(
        default=0.0, description="the share (0 to 1) needed when no target applies yet"
    )
    targets: tuple[ShareTarget, ...] = Field(
        default=(), description="shares that apply from a date; the latest in force wins"
    )
    min_count: int = Field(default=1, description="members of the sector needed (sector_count)")
    max_members: int = Field(default=20, description="board members allowed, co-opted aside")
    max_co_opted: int = Field(default=5, description="co-opted members allowed")
    max_unknown_share: float = Field(
        default=0.2,
        description="beyond this share of members whose label is unread, an undecided share "
        "is unknown rather than partial",
    )


def evaluate(site: SiteModel, params: Params) -> Verdict:
    board = list(site.board)
    searched = tuple(dict.fromkeys(m.source.url for m in board)) or site.searched
    if not board:
        return Verdict(
            status="unknown",
            message="The board membership could not be read from the site.",
            searched=site.searched,
        )
    return MEASURES[params.measure](site, board, params, searched)


def sector_count(
    site: SiteModel, board: list[BoardMember], params: Params, searched: tuple[str, ...]
) -> Verdict:
    members = [m for m in board if m.sector == params.sector]
    unknown = [m for m in board if m.sector == "unknown"]
    ok = len(members) >= params.min_count
    # Members whose sector is not published could make up the count: never a fail then.
    status = (
        "pass" if ok else ("unknown" if len(members) + len(unknown) >= params.min_count else "fail")
    )
    return Verdict(
        status=status,
        message=f"{len(members)} {params.sector}-sector member(s) on the board "
        f"(needs at least {params.min_count}).",
        evidence=tuple(evidence_from_source(m.source) for m in members[:10]),
        searched=searched,
    )


def role_sector(
    site: SiteModel, board: list[BoardMember], params: Params, searched: tuple[str, ...]
) -> Verdict:
    holders = [m for m in board if m.role == params.role]
    role = params.role.replace("_", " ")
    if not holders:
        return Verdict(
            status="unknown",
            message=f"No {role} identified on the board page.",
            searched=searched,
            missing=(role,),
        )
    member = holders[0]
    evidence = (evidence_from_source(member.source),)
    if member.sector == "unknown":
        return Verdict(
            status="unknown",
            message=f"The {role}, {member.name}, has no sector stated ({member.organisation}).",
            evidence=evidence,
            searched=searched,
        )
    ok = member.sector == params.sector
    return Verdict(
        status="pass" if ok else "fail",
        message=f"The {role}, {member.name} ({member.organisation or 'no organisation given'}), "
        f"is from the {member.sector} sector"
        + ("." if ok else f", not the {params.sector} sector."),
        evidence=evidence,
        searched=searched,
    )


def size(
    site: SiteModel, board: list[BoardMember], params: Params, searched: tuple[str, ...]
) -> Verdict:
    co_opted = [m for m in board if m.role == "co_opted"]
    core = len(board) - len(co_opted)
    ok = core <= params.max_members and len(co_opted) <= params.max_co_opted
    return Verdict(
        status="pass" if ok else "fail",
        message=f"{core} board members and {len(co_opted)} co-opted (limits "
        f"{params.max_members} and {params.max_co_opted}).",
        evidence=tuple(evidence_from_source(m.source) for m in board[:1]),
        searched=searched,
    )


def required_share(site: SiteModel, params: Params) -> float:
    current = [t for t in params.targets if t.effective <= site.as_of]
    if current:
        return max(current, key=lambda t: t.effective).min_share
    return params.min_share


def female_share(
    site: SiteModel, board: list[BoardMember], params: Params, searched: tuple[str, ...]
) -> Verdict:
    counted = [m for m in board if m.gender != "unknown"]
    hits = [m for m in board if m.gender == "female"]
    return share(site, board, params, searched, counted=counted, hits=hits, what="women")


def sector_share(
    site: SiteModel, board: list[BoardMember], params: Params, searched: tuple[str, ...]
) -> Verdict:
    counted = [m for m in board if m.sector != "unknown"]
    hits = [m for m in board if m.sector == params.sector]
    what = f"{params.sector}-sector members"
    return share(site, board, params, searched, counted=counted, hits=hits, what=what)


def share(
    site: SiteModel,
    board: list[BoardMember],
    params: Params,
    searched: tuple[str, ...],
    *,
    counted: list[BoardMember],
    hits: list[BoardMember],
    what: str,
) -> Verdict:
    """Whether `hits` make up the share of the board the rule asks for at the as-of date;
    members outside `counted` are those whose label could not be read."""
    needed = required_share(site, params)
    unknown = len(board) - len(counted)
    # Worst case counts every unknown member as not meeting the measure, best case as meeting
    # it: pass only when even the worst case meets the share, so an unread label never passes.
    worst = len(hits) / len(board)
    best = (len(hits) + unknown) / len(board)
    evidence = tuple(evidence_from_source(m.source) for m in hits[:12])
    detail = f"{len(hits)} of {len(board)} are {what} ({worst:.0%}); needed {needed:.0%}" + (
        f"; {unknown} not determinable" if unknown else ""
    )
    # Shares are ratios of small counts and rules write thresholds such as two thirds as
    # 0.6667: compare to three decimals so that 8 of 12 meets "two thirds".
    if round(worst, 3) >= round(needed, 3):
        return Verdict(status="pass", message=detail + ".", evidence=evidence, searched=searched)
    if round(best, 3) < round(needed, 3):
        return Verdict(status="fail", message=detail + ".", evidence=evidence, searched=searched)
    status = "unknown" if unknown / len(board) > params.max_unknown_share else "partial"
    return Verdict(
        status=status,
        message=detail + "; the result depends on members whose status is not published.",
        evidence=evidence,
        searched=searched,
    )


MeasureFunction = Callable[[SiteModel, list[BoardMember], Params, tuple[str, ...]], Verdict]
MEASURES: dict[Measure, MeasureFunction] = {
    "sector_share": sector_share,
    "role_sector": role_sector,
    "size": size,
    "female_share": female_share,
    "sector_count": sector_count,
}
