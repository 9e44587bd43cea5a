"""A successor body's own ModernGov install: the adapter reads its web service about the body's
own committees (the full council, the executive, scrutiny, the business board: chosen by
SUCCESSOR_COMMITTEES), asks for no page or document (the crawl reads those as the body's
website) and stays within its share of --max-pages. Answers are the emulator's, in the shapes
of real installs (tests/fixtures/moderngov/README.md)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

from lepcheck.crawl.committees.systems import OWN_SHARE, CommitteeSystems
from lepcheck.crawl.options import CrawlOptions
from lepcheck.models import FetchRecord
from tests.fixtures.moderngov import web_service
from tests.fixtures.moderngov.council_data import CouncilSite, load

BASE = "https://democracy.hollowmere.example.gov.uk/"
SERVICE = BASE + "mgWebService.asmx"
XML = "text/xml; charset=utf-8"
PLANNING = 990


def council() -> CouncilSite:
    """The emulated Wyvern install with a planning committee beside its Cabinet and its LEP's
    committees."""
    site = load()
    cabinet = site.committees[120]
    planning = replace(cabinet, id=PLANNING, title="Planning Committee", category="Regulatory")
    return replace(site, committees={**site.committees, PLANNING: planning})


def answer(url: str, content_type: str = XML, status: int = 200) -> FetchRecord:
    now = datetime.now(UTC)
    return FetchRecord(url=url, final_url=url, status=status, fetched_at=now, first_seen=now,
                       content_type=content_type)  # fmt: skip


def own(max_pages: int = 400, related: tuple[str, ...] = ()) -> CommitteeSystems:
    options = CrawlOptions(
        start_url="https://www.hollowmere.example.gov.uk/",
        own_committees=True,
        max_pages=max_pages,
        as_of=date(2024, 1, 31),
        related_committees=related,
    )
    return CommitteeSystems(options)


def through_committees(systems: CommitteeSystems, site: CouncilSite) -> list[str]:
    """The method list answers, then GetCommittees: the URLs asked next."""
    (probe,) = systems.noticed(BASE + "mgListCommittees.aspx")
    followed = systems.followed(answer(probe.url, "text/html"), web_service.method_list())
    assert followed is not None
    (committees,) = followed
    assert committees.url == SERVICE + "/GetCommittees"
    asks = systems.followed(answer(committees.url), web_service.committees(site))
    assert asks is not None
    return [a.url for a in asks]


def test_a_link_into_the_own_install_stays_the_crawls_and_only_asks_the_method_list() -> None:
    systems = own()
    (probe,) = systems.noticed(BASE + "ieListDocuments.aspx?CId=130&MId=402")
    assert probe.url == SERVICE and probe.role == "probe"
    assert systems.noticed(BASE + "mgMemberIndex.aspx") == []  # asked once per install
    # No service (the install answers 404): nothing more is asked, and it is no problem,
    # since the crawl reads the body's pages as its website anyway.
    assert systems.followed(answer(SERVICE, "text/html", 404), b"Not found") == []
    (install,) = json.loads(systems.account())
    assert install["own"] is True and install["problems"] == []


def test_the_committees_the_successor_rules_judge_are_read_and_no_page_is_asked() -> None:
    systems, site = own(), council()
    asked = through_committees(systems, site)
    chosen = {c["id"]: c["why"] for c in json.loads(systems.account())[0]["committees"]}
    assert chosen == {
        120: "its title names the executive",
        512: "its title names the growth",
        513: "its title names the growth",
    }
    assert all("/GetMeetings?lCommitteeId=" in url for url in asked)
    assert not any(f"lCommitteeId={PLANNING}" in url for url in asked)
    assert not any(".aspx" in url for url in asked)  # no committee page: the crawl's


def test_meetings_are_read_through_getmeeting_without_their_documents() -> None:
    systems, site = own(), council()
    through_committees(systems, site)
    cabinet = SERVICE + "/GetMeetings?lCommitteeId=120&sFromDate=31/01/2022&sToDate=31/03/2024"
    body = web_service.meetings(site, [120], date(2022, 1, 31), date(2024, 3, 31))
    asks = systems.followed(answer(cabinet), body)
    assert asks, "the Cabinet meets in the window"
    assert all("/GetMeeting?lMeetingId=" in a.url for a in asks)
    meeting = site.meeting(int(asks[0].url.rsplit("=", 1)[1]))
    assert meeting is not None
    xml = web_service.meeting(site, meeting, BASE.rstrip("/"))
    assert b"mgConvert2PDF.aspx" in xml  # papers the service lists
    # Its papers and pages are the crawl's to fetch as the body's website.
    assert systems.followed(answer(asks[0].url), xml) == []


def test_the_related_committees_of_the_registry_still_decide() -> None:
    systems = own(related=("Planning Committee",))
    asked = through_committees(systems, council())
    assert asked == [
        SERVICE + f"/GetMeetings?lCommitteeId={PLANNING}&sFromDate=31/01/2022&sToDate=31/03/2024"
    ]


def test_the_walk_stays_within_its_share_of_max_pages() -> None:
    pages = 12
    systems, site = own(max_pages=pages), council()
    limit = int(pages * OWN_SHARE)
    asked = through_committees(systems, site)
    (install,) = json.loads(systems.account())
    assert install["limit"] == limit == 3
    # the probe and GetCommittees spent two: one GetMeetings is left for three committees
    assert len(asked) == 1 and install["requests"] == limit
    assert install["over_budget"] == 2


def test_a_declared_install_of_the_body_is_noticed_not_walked() -> None:
    """A related site or committee URL of install shape in the body's registry entry: only the
    method list is asked; its pages stay the crawl's."""
    options = CrawlOptions(
        start_url="https://www.hollowmere.example.gov.uk/",
        own_committees=True,
        related_sites=(BASE + "mgListCommittees.aspx",),
        related_committees=(BASE + "mgCommitteeDetails.aspx?ID=130",),
    )
    (probe,) = CommitteeSystems(options).declared()
    assert probe.url == SERVICE and probe.role == "probe"
