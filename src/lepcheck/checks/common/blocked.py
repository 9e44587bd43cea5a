"""Walls the crawl met: a bot challenge, a login or a cookie wall (crawl/access.py) in front of
a council's committee system hides the LEP's meetings, agendas and minutes it holds. Their
absence is then not known, and a rule that needed them says `unknown` with the wall's reason
("access blocked by a challenge at URL"), never a `fail` (issue 16). A wall in front of one
document is met by `selection.unfetched_matches`, through the link that led to it."""

from __future__ import annotations

from urllib.parse import urlsplit

from lepcheck.checks.common.text_search import matches_any
from lepcheck.models import FetchProblem, SiteModel, Verdict
from lepcheck.vocab.access import BLOCKED_ACCESS
from lepcheck.vocab.meetings import MEETING_WORDS
from lepcheck.vocab.web import COMMITTEE_SYSTEM_URLS


def blocked_committee_system(site: SiteModel) -> FetchProblem | None:
    """The wall at a committee system's page or at a link to the LEP's meetings: one reached
    by a link naming meetings first (the door the LEP's own pages point to), then the least
    specific page (fewest query parameters: a committee's page before one year's listing),
    then in URL order.
    Never the order the crawl met them: which of two walled pages answered first depends on
    timing, and a finding must read the same on every run."""
    walls = [
        problem
        for problem in site.problems
        if BLOCKED_ACCESS.match(problem.reason)
        and (
            matches_any(problem.url, COMMITTEE_SYSTEM_URLS)
            or MEETING_WORDS.search(problem.link_text or "")
        )
    ]
    return min(walls, key=_door_first, default=None)


def _door_first(problem: FetchProblem) -> tuple[bool, int, str]:
    query = urlsplit(problem.url).query
    parameters = len([part for part in query.split("&") if part])
    return (not MEETING_WORDS.search(problem.link_text or ""), parameters, problem.url)


def blocked_meetings(site: SiteModel, sought: str) -> Verdict | None:
    """`unknown` when `sought` (meetings, an agenda) may lie behind a wall, else None."""
    problem = blocked_committee_system(site)
    if problem is None:
        return None
    return Verdict(
        status="unknown",
        message=f"No {sought} could be read: the committee system that holds the LEP's "
        f"meetings could not be read ({problem.reason}).",
        searched=site.searched,
        missing=(sought,),
    )
