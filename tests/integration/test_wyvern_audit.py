"""End to end: an audit of the Wyvern Coast LEP, whose papers live only on its accountable body's
emulated ModernGov site, three links from the LEP's home page (tests/fixtures/moderngov).

The verdicts are those of tests/fixtures/moderngov/wyvern/expected.yaml (worked out by hand and
recomputed from what the emulator serves by test_wyvern_fixture.py), with the provenance of the
dates named in the evidence; the emulator's request log shows the council's Cabinet was never
asked for; the snapshot alone gives the same verdicts offline (`lepcheck check`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.fixtures.moderngov.emulator import Emulator, Install, serve_wyvern

from lepcheck.audit import AuditResult, AuditSettings, Target, audit, check_snapshot
from lepcheck.models import Finding

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "moderngov" / "wyvern"
EXPECTED: dict[str, Any] = yaml.safe_load((FIXTURE / "expected.yaml").read_text())
RULES = ("MEET-01", "MEET-02", "MEET-03", "MEET-07", "MEET-08", "COI-06", "COI-07")
TARGET = Target(id="wyvern-coast", name=EXPECTED["target"]["name"], url="")
PDFS: dict[str, bytes] = {}  # the emulator's PDFs do not depend on the variant: made once


@dataclass
class Audited:
    result: AuditResult
    council: Emulator
    out: Path

    def finding(self, rule: str) -> Finding:
        return next(f for f in self.result.report.findings if f.rule_id == rule)


def run(out: Path, install: Install) -> Audited:
    with serve_wyvern(install) as (lep, council):
        council.pdfs.cache = PDFS
        settings = AuditSettings(
            out_dir=out,
            formats=("json",),
            as_of=EXPECTED["as_of"],
            allow_private_network=True,
            delay=0.0,
        )
        result = audit(Target(TARGET.id, TARGET.name, lep), settings)
    return Audited(result, council, out)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    yield run(tmp_path_factory.mktemp("wyvern"), Install())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Audited]:
    """The web service behind a challenge page (403 "Just a moment..."), and documents
    without a file extension: the pages are read instead."""
    install = Install(web_service="challenge", documents="extensionless")
    yield run(tmp_path_factory.mktemp("pages"), install)


def late_labels(rule: str) -> list[str]:
    """ "Board 2022-09-20" for each meeting expected.yaml lists as late."""
    by_id = {m["id"]: m for m in EXPECTED["meetings"]}
    late = [by_id[i] for i in EXPECTED["verdicts"][rule].get("late", [])]
    return sorted(f"{m['body']} {m['date']}" for m in late)


def named_late(finding: Finding) -> list[str]:
    return sorted(re.match(r"(.+? \d{4}-\d\d-\d\d):", m).group(1) for m in finding.missing)  # type: ignore[union-attr]


def test_the_seven_verdicts_are_the_careful_officers(service: Audited) -> None:
    for rule in RULES:
        assert service.finding(rule).status == EXPECTED["verdicts"][rule]["status"], rule
    assert named_late(service.finding("MEET-01")) == late_labels("MEET-01")
    assert named_late(service.finding("MEET-03")) == late_labels("MEET-03")


def test_the_evidence_names_how_each_date_is_known(service: Audited) -> None:
    meet_01 = service.finding("MEET-01")
    assert meet_01.confidence == 0.9  # a breach on declared dates
    supplementary = next(m for m in meet_01.missing if m.startswith("Board 2023-06-20"))
    assert "published 2023-06-15 (declared: publicationdate 15/06/2023 in http" in supplementary
    assert "GetMeeting?lMeetingId=8106" in supplementary
    meet_02 = service.finding("MEET-02")
    assert "14 on dates the publisher declares" in meet_02.message
    assert len(meet_02.evidence) == 14
    for evidence in meet_02.evidence:
        assert "(declared: Publication date" in evidence.quote
        assert "on the decision page http" in evidence.quote
    (late,) = service.finding("MEET-03").missing
    assert late.startswith("Board 2023-03-21: published 2023-07-11 (declared: publicationdate")
    assert "14 clear working days after approval on 2023-06-20" in late
    # the approval of September 2022's minutes waited for March 2023: December was cancelled
    meet_03 = service.finding("MEET-03")
    assert any(
        e.quote.startswith("Board 2022-09-20:") and "approval on 2023-03-21" in e.quote
        for e in meet_03.evidence
    )


def test_withheld_papers_cancelled_meetings_and_declarations(service: Audited) -> None:
    site = service.result.site
    cancelled = [m for m in site.meetings if m.status == "cancelled"]
    assert [(m.body, m.date) for m in cancelled] == [("Board", date(2022, 12, 13))]
    (panel,) = [m for m in site.meetings if m.date == date(2022, 10, 19)]
    (withheld,) = panel.withheld
    assert withheld.title == "Project Halyard: Loan Application"
    assert "Paragraph 3 of Part 1 of Schedule 12A" in withheld.ground
    assert "Schedule 12A" in service.finding("MEET-07").evidence[-1].quote
    held = [m for m in site.meetings if m.status == "held"]
    assert len(held) == 14 and len({(m.date, m.body) for m in site.meetings}) == len(site.meetings)
    papers = {m["id"]: m["papers"] for m in EXPECTED["meetings"] if m["status"] == "held"}
    assert sorted(len(m.papers) for m in held) == sorted(papers.values())
    no_action = service.finding("COI-07").missing
    assert no_action and all(m.startswith("Samir Qureshi") for m in no_action)


def test_only_the_leps_committees_were_asked_for(service: Audited) -> None:
    council = service.council
    cabinet = {str(m.id) for m in council.site.meetings if m.committee == 120}
    for request in council.log:
        assert not re.search(r"(?:ID|CId|lCommitteeId)=120\b", request.target), request.target
        assert not any(request.target.endswith(f"={mid}") for mid in cabinet), request.target
    assert council.count("/mgCalendarMonthView.aspx") == 0
    assert council.count("/mgIssueHistoryHome.aspx") == 0


def test_check_gives_the_same_verdicts_offline(service: Audited) -> None:
    """The server is gone: every answer the verdicts rest on is in the snapshot."""
    again = check_snapshot(
        service.result.snapshot_path,
        Target(TARGET.id, TARGET.name, service.result.report.target.url),
        AuditSettings(out_dir=service.out / "again", formats=("json",), as_of=EXPECTED["as_of"]),
    )
    before = {f.rule_id: (f.status, f.message) for f in service.result.report.findings}
    after = {f.rule_id: (f.status, f.message) for f in again.report.findings}
    assert after == before


def test_without_the_service_the_pages_give_the_same_verdicts(pages: Audited) -> None:
    for rule in RULES:
        assert pages.finding(rule).status == EXPECTED["verdicts"][rule]["status"], rule
    assert named_late(pages.finding("MEET-01")) == late_labels("MEET-01")
    # the pages declare no paper's date: MEET-01 rests on Last-Modified (extensionless files
    # read as PDFs), MEET-02 still on the decision pages' "Publication date"
    assert all("(suggested: HTTP Last-Modified)" in m for m in pages.finding("MEET-01").missing)
    assert all("(declared: Publication date" in e.quote for e in pages.finding("MEET-02").evidence)
    assert pages.council.count("/ieListMeetings.aspx") == 6
    papers = [d for d in pages.result.site.documents if "/documents/s" in d.url]
    assert len(papers) > 40 and all(d.format == "pdf" and d.readable for d in papers)
    assert not any(d.url.endswith(".pdf") for d in papers)


def test_a_challenge_page_is_reported_as_blocked_and_never_read(pages: Audited) -> None:
    (problem,) = [p for p in pages.result.report.problems if "mgWebService" in p.url]
    assert problem.reason.startswith("ModernGov web service not used: blocked by a bot challenge")
    site = pages.result.site
    assert not any("Just a moment" in d.title or "Just a moment" in d.text for d in site.documents)
    assert not any("mgWebService" in d.url for d in site.documents)
