"""The ModernGov adapter crawling the emulated Wyvern County Council site (tests/fixtures/
moderngov) from the Wyvern Coast LEP's own pages, over real loopback HTTP: through the web
service when it answers, through the committee's pages when it does not, never outside the
LEP's two committees."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lepcheck.crawl import CrawlOptions, crawl
from lepcheck.crawl.committees import systems
from lepcheck.crawl.committees.moderngov import state as install_state
from lepcheck.snapshot import Snapshot
from lepcheck.snapshot.index_db import read_meta
from tests.fixtures.moderngov.emulator import Emulator, Install, serve_wyvern

AS_OF = date(2024, 1, 31)
BOARD_PAGE = "/mgCommitteeDetails.aspx?ID=512"
CABINET = 120
# Pages an adapter that stays inside the LEP's committees never asks for (README, emulator).
OUTSIDE = (
    "/mgCalendarMonthView.aspx",
    "/mgIssueHistoryHome.aspx",
    "/mgListDeclarationsOfInterest.aspx",
    "/mgCommitteeMailingList.aspx",
    "/mgDeclarationSubmission.aspx",
)


# The emulator makes each PDF on first request (fpdf2, about 2 s for all of them); they do not
# depend on the variant, so the tests of this module share them.
PDFS: dict[str, bytes] = {}


def wyvern_crawl(tmp_path: Path, install: Install, **options: object) -> tuple[Snapshot, Emulator]:
    with serve_wyvern(install) as (lep, council):
        council.pdfs.cache = PDFS
        settings = CrawlOptions(
            start_url=lep,
            allow_private_network=True,
            delay=0,
            lep_name="Wyvern Coast Local Enterprise Partnership",
            as_of=AS_OF,
            **options,  # type: ignore[arg-type]
        )
        crawl(settings, tmp_path / "snap", target_id="wyvern-coast")
    return Snapshot.open(tmp_path / "snap"), council


def account(snapshot: Snapshot) -> dict[str, object]:
    (install,) = json.loads(snapshot._query(read_meta)[systems.META_KEY])
    assert isinstance(install, dict)
    return install


def cabinet_requests(council: Emulator) -> list[str]:
    cabinet_meetings = {str(m.id) for m in council.site.meetings if m.committee == CABINET}
    return [
        r.target
        for r in council.log
        if any(f"{key}={CABINET}" in r.target for key in ("ID", "CId", "lCommitteeId"))
        or any(r.target.endswith(f"={mid}") for mid in cabinet_meetings)
    ]


def test_the_web_service_is_read_first_and_only_for_the_leps_committees(tmp_path: Path) -> None:
    snapshot, council = wyvern_crawl(tmp_path, Install())
    paths = council.paths()
    assert paths["/mgWebService.asmx/GetCommittees"] == 1
    assert paths["/mgWebService.asmx/GetMeetings"] == 2  # the Board and the Investment Panel
    # every meeting in the window but the cancelled one (8104); 8109's agenda is not out
    assert paths["/mgWebService.asmx/GetMeeting"] == 15
    assert council.hits("/mgWebService.asmx/GetMeeting?lMeetingId=8104") == 0
    assert council.count("/ieListMeetings.aspx") == 0  # the service listed the meetings
    assert council.count("/ieDecisionDetails.aspx") == 14  # one per meeting held: minutes dates
    assert council.count("/mgConvert2PDF.aspx") == 55  # every public paper, once
    assert all(council.count(path) == 0 for path in OUTSIDE)
    assert cabinet_requests(council) == []
    found = account(snapshot)
    assert found["mode"] == "service"
    assert found["window"] == ["2022-01-31", "2024-03-31"]
    assert {c["id"] for c in found["committees"]} == {512, 513}  # type: ignore[union-attr]
    assert found["problems"] == []
    # every answer of the service is archived like a page, so `check` can read it offline
    records = snapshot.content_records()
    service = [r for r in records if "mgWebService.asmx/" in r.url]
    assert len(service) == 1 + 2 + 15 and all(r.status == 200 for r in service)
    assert all(r.warc_offset >= 0 for r in service)
    probes = [r for r in snapshot.records() if r.url.endswith("/mgWebService.asmx")]
    assert len(probes) == 1 and probes[0] not in records  # the method list is not content
    dates = "sFromDate=31/01/2022&sToDate=31/03/2024"
    assert council.hits(f"/mgWebService.asmx/GetMeetings?lCommitteeId=512&{dates}") == 1


@pytest.mark.parametrize(
    ("variant", "failed", "reason"),
    [
        ("missing", "/mgWebService.asmx", "HTTP 404: this install has no web service"),
        ("error", "/mgWebService.asmx", "HTTP 500: the web service refused"),
        ("challenge", "/mgWebService.asmx", "blocked by a bot challenge page (HTTP 403"),
        ("malformed", "/mgWebService.asmx/GetCommittees", "malformed XML"),
        ("html", "/mgWebService.asmx/GetCommittees", "an HTML page, not XML"),
    ],
)
def test_a_service_that_refuses_gives_a_problem_and_the_pages(
    tmp_path: Path, variant: str, failed: str, reason: str
) -> None:
    snapshot, council = wyvern_crawl(tmp_path, Install(web_service=variant))  # type: ignore[arg-type]
    found = account(snapshot)
    assert found["mode"] == "pages"
    (problem,) = found["problems"]  # type: ignore[misc]
    assert problem["url"] == council.base + failed and reason in problem["reason"]
    assert problem["reason"].endswith("the committee's pages are read instead")
    # the pages of both committees, year by year over the window, and every meeting held
    assert council.count("/ieListMeetings.aspx") == 6
    assert council.hits("/ieListMeetings.aspx?CId=512&Year=2022") == 1
    assert council.count("/ieListDocuments.aspx") == 15  # 14 held and 8109, not cancelled 8104
    assert council.hits("/ieListDocuments.aspx?CId=512&MId=8104") == 0
    assert council.count("/mgConvert2PDF.aspx") == 0  # documents/sN: the same files
    assert sum(n for p, n in council.paths().items() if p.startswith("/documents/s")) > 40
    assert all(council.count(path) == 0 for path in OUTSIDE)
    assert cabinet_requests(council) == []


@pytest.mark.parametrize(
    ("variant", "reason"),
    [
        ("bad_dates", "a date that does not parse as dd/mm/yyyy"),
        ("oversized", "larger than the size cap"),
    ],
)
def test_a_bad_list_of_meetings_falls_back_to_that_committees_pages(
    tmp_path: Path, variant: str, reason: str
) -> None:
    snapshot, council = wyvern_crawl(
        tmp_path,
        Install(web_service=variant, oversized_bytes=6_000_000),  # type: ignore[arg-type]
    )
    found = account(snapshot)
    problems = found["problems"]
    assert isinstance(problems, list) and len(problems) == 2  # one per committee
    assert all("GetMeetings" in p["url"] and reason in p["reason"] for p in problems)
    # nothing already collected is lost: GetCommittees stays in the snapshot and was used
    urls = {r.url for r in snapshot.content_records()}
    assert any(u.endswith("mgWebService.asmx/GetCommittees") for u in urls)
    assert {c["title"] for c in found["committees"]} == {  # type: ignore[union-attr]
        "Wyvern Coast Local Enterprise Partnership Board",
        "Wyvern Coast LEP Investment Panel",
    }
    assert council.count("/ieListMeetings.aspx") == 6
    assert council.count("/mgWebService.asmx/GetMeeting") == 0
    truncated = [r for r in snapshot.content_records() if r.truncated]
    assert (variant == "oversized") == bool(truncated)
    assert all(r.length <= 5_000_000 for r in truncated)


def test_documents_without_a_file_extension_are_fetched_as_pdfs(tmp_path: Path) -> None:
    snapshot, _ = wyvern_crawl(tmp_path, Install(web_service="missing", documents="extensionless"))
    documents = [r for r in snapshot.content_records() if "/documents/s" in r.url]
    assert len(documents) > 40
    assert all(not r.url.endswith(".pdf") for r in documents)
    assert {r.content_type for r in documents} == {"application/pdf"}
    assert all(r.status == 200 for r in documents)


def test_a_committee_costs_no_more_than_its_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(install_state, "COMMITTEE_BUDGET", 10)
    snapshot, council = wyvern_crawl(tmp_path, Install())
    found = account(snapshot)
    assert found["over_budget"] > 0
    # GetMeetings and the committee page, then 8 more per committee
    assert (
        council.count("/mgWebService.asmx/GetMeeting")
        + council.count("/mgConvert2PDF.aspx")
        + council.count("/ieDecisionDetails.aspx")
        == 2 * 8
    )


def test_related_committees_override_the_guess(tmp_path: Path) -> None:
    snapshot, council = wyvern_crawl(tmp_path, Install(), related_committees=("513",))
    found = account(snapshot)
    assert [c["id"] for c in found["committees"]] == [513]  # type: ignore[index]
    # the Board's page, which the LEP links, is read, and nothing of the Board beyond it
    assert [r.target for r in council.log if "512" in r.target] == [BOARD_PAGE]
    assert council.count("/mgWebService.asmx/GetMeeting") == 7  # the Panel's meetings


def test_related_committees_override_the_guess_on_the_pages_too(tmp_path: Path) -> None:
    snapshot, council = wyvern_crawl(
        tmp_path, Install(web_service="missing"), related_committees=("513",)
    )
    assert [c["id"] for c in account(snapshot)["committees"]] == [513]  # type: ignore[index]
    assert [r.target for r in council.log if "512" in r.target] == [BOARD_PAGE]
    assert council.count("/ieListMeetings.aspx") == 3
