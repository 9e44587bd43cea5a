"""The seam: the audit window, declared sites, and asks the crawl could not make."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lepcheck.crawl.committees.systems import CommitteeSystems, audit_window, months_before
from lepcheck.crawl.options import CrawlOptions
from lepcheck.models import FetchRecord

BASE = "https://democracy.example.gov.uk/"


def test_the_window_is_24_months_before_and_2_after() -> None:
    window = audit_window(date(2024, 1, 31))
    assert (window.start, window.end) == (date(2022, 1, 31), date(2024, 3, 31))
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2023, 12, 31), -2) == date(2024, 2, 29)
    assert list(window.years) == [2022, 2023, 2024]


def test_a_declared_site_root_only_has_its_method_list_asked() -> None:
    systems = CommitteeSystems(CrawlOptions(start_url="https://lep.test/", related_sites=(BASE,)))
    (probe,) = systems.declared()
    assert probe.url == BASE + "mgWebService.asmx" and probe.role == "probe"
    # it refuses: the site is not an install, which is no problem for the report
    assert systems.refused(probe.url, "robots") == []
    assert '"problems": []' in systems.account()


def test_a_linked_install_whose_probe_is_refused_walks_the_pages() -> None:
    systems = CommitteeSystems(CrawlOptions(start_url="https://lep.test/"))
    asks, skip = systems.claim(BASE + "mgCommitteeDetails.aspx?ID=512", "Board papers")
    assert skip is None
    assert [a.url for a in asks] == [
        BASE + "mgWebService.asmx",
        BASE + "mgCommitteeDetails.aspx?ID=512",
    ]
    walked = systems.refused(BASE + "mgWebService.asmx", "robots")
    assert walked is not None and any("ieListMeetings.aspx?CId=512&Year=" in a.url for a in walked)
    assert "not fetched: robots" in systems.account()


def test_pages_outside_the_committees_are_not_fetched() -> None:
    systems = CommitteeSystems(CrawlOptions(start_url="https://lep.test/"))
    asks, skip = systems.claim(BASE + "mgCalendarMonthView.aspx", "Calendar")
    assert skip == "committee system: not a page of the LEP's committees"
    assert [a.url for a in asks] == [BASE + "mgWebService.asmx"]


def test_an_agenda_item_the_lep_links_names_its_meeting_and_committee() -> None:
    systems = CommitteeSystems(CrawlOptions(start_url="https://lep.test/"))
    item = BASE + "mgAi.aspx?ID=4408"
    asks, _ = systems.claim(item, "Annual delivery plan")
    assert item in [a.url for a in asks]
    systems.refused(BASE + "mgWebService.asmx", "HTTP 404")  # the pages, then
    now = datetime.now(UTC)
    record = FetchRecord(url=item, final_url=item, status=200, fetched_at=now, first_seen=now,
                         content_type="text/html")  # fmt: skip
    page = b'<div id="modgov"><a href="ieListDocuments.aspx?CId=7&amp;MID=55">Meeting</a></div>'
    followed = systems.followed(record, page)
    assert followed is not None
    urls = [a.url for a in followed]
    assert BASE + "ieListDocuments.aspx?CId=7&MId=55" in urls  # its meeting
    assert BASE + "mgCommitteeDetails.aspx?ID=7" in urls  # and its committee, walked
    assert "page markers" in systems.account()


def test_an_install_that_cannot_be_reached_is_not_walked() -> None:
    systems = CommitteeSystems(CrawlOptions(start_url="https://lep.test/"))
    systems.claim(BASE + "mgCommitteeDetails.aspx?ID=512", "Board papers")
    now = datetime.now(UTC)
    probe = BASE + "mgWebService.asmx"
    error = "could not connect: [Errno -2] Name or service not known"
    record = FetchRecord(url=probe, final_url=probe, status=0, fetched_at=now, first_seen=now,
                         error=error)  # fmt: skip
    assert systems.followed(record, b"") == []
    assert "ModernGov install unreachable: could not connect" in systems.account()
