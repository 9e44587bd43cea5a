"""A wall in front of the committee system (crawl/access.py) makes the meetings it holds
unknown, not missing (issue 16); any other unread page, or a wall elsewhere, does not."""

from __future__ import annotations

from lepcheck.checks import meeting_documents, meeting_timeliness
from lepcheck.checks.common.selection import DocumentSelector, nothing_selected
from lepcheck.models import FetchProblem
from lepcheck.rule_cases import make_site

COUNCIL = "https://democracy.wyvern.gov.uk/mgCommitteeDetails.aspx?ID=512"
WALL = FetchProblem(
    url=COUNCIL,
    reason=f'access blocked by a challenge at {COUNCIL} (Cloudflare "Just a moment...", '
    "HTTP 403): not read",
    link_text="LEP Board - agendas, reports and minutes",
)
MINUTES = meeting_documents.Params(require="minutes")


def test_meetings_behind_a_challenge_are_unknown_with_the_reason() -> None:
    site = make_site({}).model_copy(update={"problems": (WALL,)})
    verdict = meeting_documents.evaluate(site, MINUTES)
    assert verdict.status == "unknown"
    assert f"access blocked by a challenge at {COUNCIL}" in verdict.message
    timeliness = meeting_timeliness.evaluate(
        site, meeting_timeliness.Params(document="minutes", relation="after", clear_days=10)
    )
    assert timeliness.status == "unknown" and "Just a moment" in timeliness.message
    agenda = nothing_selected(site, DocumentSelector(kinds=("agenda",)))
    assert agenda.status == "unknown" and COUNCIL in agenda.message


def test_without_a_wall_no_meetings_is_a_fail() -> None:
    refused = WALL.model_copy(update={"reason": "HTTP 500"})
    for problems in ((), (refused,)):
        site = make_site({}).model_copy(update={"problems": problems})
        assert meeting_documents.evaluate(site, MINUTES).status == "fail"
        assert nothing_selected(site, DocumentSelector(kinds=("agenda",))).status == "fail"


def test_a_wall_at_a_page_about_something_else_hides_no_meetings() -> None:
    contact = FetchProblem(
        url="https://lep.test/contact/",
        reason="access blocked by a challenge at https://lep.test/contact/ (a bot challenge "
        "page, HTTP 403): not read",
        link_text="Contact us",
    )
    site = make_site({}).model_copy(update={"problems": (contact,)})
    assert meeting_documents.evaluate(site, MINUTES).status == "fail"


def test_of_two_walls_the_finding_names_the_first_in_url_order_whatever_the_crawl_met_first() -> (
    None
):
    # The crawl's workers meet walled pages in an order that depends on timing; the finding
    # must read the same on every run.
    other = WALL.model_copy(
        update={
            "url": COUNCIL.replace("512", "513"),
            "reason": WALL.reason.replace("512", "513"),
        }
    )
    for problems in ((WALL, other), (other, WALL)):
        site = make_site({}).model_copy(update={"problems": problems})
        verdict = meeting_documents.evaluate(site, MINUTES)
        assert f"access blocked by a challenge at {COUNCIL} " in verdict.message
        assert "513" not in verdict.message
