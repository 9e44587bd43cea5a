"""member_registers: every current board member has a register of interests with the required
content (Ney 6.1: one per member, the eight categories, household interests, signed and dated;
PQ 57505: kept up to date); or every member of a council (Localism Act 2011 s. 29: the register
of members and co-opted members on the authority's website; s. 30(1): interests notified within
28 days beginning with the day of taking office, so `max_days_after_appointment: 27`).

Each rule checks one aspect, so a report says exactly what is missing and for whom.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lepcheck.checks.common.dating import months_between
from lepcheck.checks.common.text_search import evidence_from_source
from lepcheck.models import (
    REGISTER_CATEGORIES,
    BoardMember,
    DocumentKind,
    Evidence,
    RegisterEntry,
    SiteModel,
    Verdict,
)

KIND = "member_registers"
# What the crawl is told this kind reads (lepcheck.audit.needs):
# each board member's register of interests.
READS: tuple[DocumentKind, ...] = ("register_of_interests",)
READS_EVERY = True

Aspect = Literal["present", "categories", "household", "signed", "current", "on_appointment"]
EVIDENCE_LIMIT = 20
# Registers are reviewed at least annually (catalogue ROI-08), so a signature more than a year
# after appointment may be a re-signing rather than the first completion.
RESIGNING_DAYS = 366
FIRST_NOT_PUBLISHED = "date of first completion not published"
# An undated register is ROI-07's failure (signed and dated); its currency cannot be judged, and
# counting it again under ROI-08 would report one defect twice (issue 13 item 7). A council's
# registers have no signed-and-dated rule of their own: MINT-06 (dated and current) finds it.
UNDATED = "not dated (ROI-07)"
# The rule a missing register belongs to, by whose registers are judged.
PRESENCE_RULE = {"board": "ROI-01", "councillors": "MINT-01"}


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    aspect: Aspect = Field(
        description="present: every member has a register; otherwise what each register must "
        "show: the categories, household interests, a dated signature, a date within "
        "max_age_months, or completion within max_days_after_appointment of appointment"
    )
    categories: tuple[str, ...] = Field(
        default=REGISTER_CATEGORIES, description="the categories a register must cover"
    )
    max_age_months: float = Field(default=12, description="the age a register may reach (current)")
    max_days_after_appointment: int = Field(
        default=28, description="days after appointment to complete it (on_appointment)"
    )
    members: Literal["board", "councillors"] = Field(
        default="board",
        description="whose registers: the board's (its page), or a council's members (its "
        "committee system's member listing and profiles)",
    )


WHO = {"board": "board members", "councillors": "councillors"}


def population(site: SiteModel, params: Params) -> tuple[BoardMember, ...]:
    return site.board if params.members == "board" else site.councillors


def registers_by_member(site: SiteModel) -> dict[str, list[RegisterEntry]]:
    found: dict[str, list[RegisterEntry]] = {}
    for entry in site.registers:
        if entry.matched_member:
            found.setdefault(entry.matched_member, []).append(entry)
    return found


def readable(entry: RegisterEntry, site: SiteModel) -> bool:
    """Whether the register's content was read: a scan, or a register seen only as a link that
    could not be fetched, is published (ROI-01) but its content cannot be judged."""
    if any(problem.url == entry.source.url for problem in site.problems):
        return False
    for doc in site.documents:
        if entry.source.url in (doc.url, doc.final_url):
            return doc.readable
    return True


def register_urls(site: SiteModel) -> tuple[str, ...]:
    urls = [e.source.url for e in site.registers]
    urls += [d.url for d in site.documents if d.kind in ("register_of_interests", "board_page")]
    return tuple(dict.fromkeys(urls))


def lacks_categories(
    entry: RegisterEntry, member: BoardMember, site: SiteModel, params: Params
) -> str | None:
    covered = (*entry.categories, *entry.dpi_categories)
    lacking = [c for c in params.categories if c not in covered]
    return "lacks " + ", ".join(c.replace("_", " ") for c in lacking) if lacking else None


def lacks_household(
    entry: RegisterEntry, member: BoardMember, site: SiteModel, params: Params
) -> str | None:
    return None if entry.household else "no household interests section"


def not_signed(
    entry: RegisterEntry, member: BoardMember, site: SiteModel, params: Params
) -> str | None:
    if not entry.signed:
        return "not signed"
    return None if (entry.signed_date or entry.dated) else "signed but not dated"


def not_current(
    entry: RegisterEntry, member: BoardMember, site: SiteModel, params: Params
) -> str | None:
    when = entry.signed_date or entry.dated
    if when is None:
        return UNDATED if params.members == "board" else "not dated"
    age = months_between(when, site.as_of)
    return f"dated {when}, {age:.0f} months old" if age > params.max_age_months else None


def late_after_appointment(
    entry: RegisterEntry, member: BoardMember, site: SiteModel, params: Params
) -> str | None:
    """Completed within N days of appointment, before taking part (ROI-09).

    A published register carries its latest signature date. Within a year of appointment it
    can only be the first one, so lateness shows; later it may be an annual re-signing, which
    proves nothing about the first (not assessable, never a fail).
    """
    when = entry.signed_date or entry.dated
    if when is None:
        return UNDATED if params.members == "board" else "register date not published"
    if member.appointed is None:
        return "appointment date not published"
    limit = member.appointed + timedelta(days=params.max_days_after_appointment)
    if when <= limit:
        return None
    if when > member.appointed + timedelta(days=RESIGNING_DAYS):
        return (
            f"register dated {when}, possibly a re-signing after appointment on "
            f"{member.appointed}: {FIRST_NOT_PUBLISHED}"
        )
    return f"register dated {when}, appointed {member.appointed}"


# What a register lacks for each aspect, or None when it complies; "present" is judged over
# the whole board instead (`presence`).
AspectProblem = Callable[[RegisterEntry, BoardMember, SiteModel, Params], str | None]
ASPECT_PROBLEMS: dict[Aspect, AspectProblem] = {
    "categories": lacks_categories,
    "household": lacks_household,
    "signed": not_signed,
    "current": not_current,
    "on_appointment": late_after_appointment,
}


def evaluate(site: SiteModel, params: Params) -> Verdict:
    searched = register_urls(site)
    members = population(site, params)
    if not members:
        which = "board membership" if params.members == "board" else "list of councillors"
        return Verdict(
            status="unknown",
            message=f"The current {which} could not be read from the site, so registers "
            "cannot be matched to members.",
            searched=searched,
        )
    by_member = registers_by_member(site)
    if params.aspect == "present":
        return presence(members, by_member, searched, WHO[params.members])
    return each_register(site, by_member, params, searched)


def each_register(
    site: SiteModel,
    by_member: dict[str, list[RegisterEntry]],
    params: Params,
    searched: tuple[str, ...],
) -> Verdict:
    """Every member's register meets the aspect (`ASPECT_PROBLEMS` says what each lacks)."""
    ok: list[Evidence] = []
    problems: list[str] = []
    unreadable: list[str] = []
    unassessable: list[str] = []
    undated: list[str] = []
    # One defect, one finding (issue 13 item 7): a member without a register is ROI-01's
    # failure. This rule judges the registers that exist and names the gap in its message
    # without counting it again; with no register at all there is nothing to judge (unknown).
    without: list[str] = []
    for member in population(site, params):
        entries = by_member.get(member.name, [])
        if not entries:
            without.append(member.name)
            continue
        entry = entries[0]
        if not readable(entry, site):
            unreadable.append(member.name)
            continue
        problem = ASPECT_PROBLEMS[params.aspect](entry, member, site, params)
        if problem is None:
            ok.append(evidence_from_source(entry.source))
        elif problem == UNDATED:
            undated.append(member.name)
        elif problem.endswith("not published"):
            unassessable.append(f"{member.name}: {problem}")
        else:
            problems.append(f"{member.name}: {problem}")
    assessed = len(ok) + len(problems)
    what = params.aspect.replace("_", " ")
    notes = []
    if unreadable:
        notes.append(f"{len(unreadable)} register(s) unreadable ({', '.join(unreadable)})")
    if unassessable:
        notes.append(f"{len(unassessable)} not assessable")
    if undated:
        notes.append(f"{len(undated)} register(s) {UNDATED}: {', '.join(undated[:5])}")
    if without:
        rule = PRESENCE_RULE[params.members]
        notes.append(
            f"{len(without)} member(s) have no register ({rule}): {', '.join(without[:5])}"
            + (", …" if len(without) > 5 else "")
        )
    note = f" Not assessed: {'; '.join(notes)}." if notes else ""
    if assessed == 0:
        return Verdict(
            status="unknown",
            message=f"No register could be assessed for {what}.{note}",
            searched=searched,
            missing=tuple(unassessable),
        )
    if not problems:
        status = "partial" if (unreadable or unassessable) else "pass"
        return Verdict(
            status=status,
            message=f"{len(ok)} of {len(ok)} assessed registers meet '{what}'.{note}",
            evidence=tuple(ok[:EVIDENCE_LIMIT]),
            searched=searched,
        )
    return Verdict(
        status="partial" if ok else "fail",
        message=f"{len(problems)} of {assessed} assessed registers fall short on '{what}': "
        + "; ".join(problems[:10])
        + ("; …" if len(problems) > 10 else "")
        + f".{note}",
        evidence=tuple(ok[:EVIDENCE_LIMIT]),
        searched=searched,
        missing=tuple(problems),
    )


def presence(
    members: tuple[BoardMember, ...],
    by_member: dict[str, list[RegisterEntry]],
    searched: tuple[str, ...],
    who: str,
) -> Verdict:
    """A member's register is published when one was read or linked; a link that was followed
    and gave no document (an HTTP error, an error page) proves nothing either way: unknown."""
    proved = {
        name: [e for e in entries if e.link_failed is None] for name, entries in by_member.items()
    }
    have = [m for m in members if proved.get(m.name)]
    unproved = [m.name for m in members if by_member.get(m.name) and not proved[m.name]]
    lacking = [m.name for m in members if not by_member.get(m.name)]
    evidence = tuple(evidence_from_source(proved[m.name][0].source) for m in have)
    failed = [
        f"{name} ({by_member[name][0].source.url}: {by_member[name][0].link_failed})"
        for name in unproved
    ]
    unread = f" The register links of {len(failed)} could not be read: {'; '.join(failed[:5])}."
    if not lacking and not unproved:
        return Verdict(
            status="pass",
            message=f"All {len(members)} current {who} have a published register.",
            evidence=evidence[:EVIDENCE_LIMIT],
            searched=searched,
        )
    if not lacking:
        return Verdict(
            status="unknown",
            message=f"{len(have)} of {len(members)} {who} have a published register." + unread,
            evidence=evidence[:EVIDENCE_LIMIT],
            searched=searched,
            missing=tuple(unproved),
        )
    return Verdict(
        status="fail",
        message=f"{len(lacking)} of {len(members)} {who} have no published register: "
        + ", ".join(lacking)
        + "."
        + (unread if failed else ""),
        evidence=evidence[:EVIDENCE_LIMIT],
        searched=searched,
        missing=tuple(lacking),
    )
