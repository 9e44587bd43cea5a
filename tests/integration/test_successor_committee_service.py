"""A council audited in its own right whose ModernGov install answers its web service: the
Hollowmere fixture council (tests/sites/hollowmere) served with the service of
tests/fixtures/moderngov/council_install.py, audited through the command line on loopback.

The adapter reads the council's own committees through the service (the executive, scrutiny and
the business board; never the Planning Committee), so the papers its pages cite carry the dates
its system declares, and the successor timeliness rules rest on them: the further notice of the
Cabinet's private meeting of 10 December 2024 (five clear working days, SI 2012/2089 reg. 5(4))
was `partial` on Last-Modified alone and passes on the declared date; the 28-day notice, late
either way, now fails on a declared date (DEFECTS.md C).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.fixtures.moderngov.council_install import CouncilInstall, serve_council_install
from tests.integration.test_successor_council import BODY_ID, EXPECTED, SITE, findings, registry

from lepcheck.cli import main
from lepcheck.demo.server import load_manifest

# What the declared dates change, with the reason (DEFECTS.md C); every other verdict is the one
# the pages alone give.
CHANGED = {"FWD-07": "pass"}


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("hollowmere-service")
    manifest = load_manifest(SITE)
    with serve_council_install() as council:
        path = registry(folder, council.base + "/", **manifest["body"])
        args = ["audit", BODY_ID, "--registry", str(path), "--out", str(folder / "out")]
        args += ["--as-of", manifest["as_of"], "--format", "json"]
        args += ["--allow-private-network", "--delay", "0"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        report = json.loads((folder / "out" / "report.json").read_text(encoding="utf-8"))
        yield {"folder": folder, "council": council, "report": report}


def test_the_service_reads_only_the_committees_the_successor_rules_judge(
    audited: dict[str, Any],
) -> None:
    council: CouncilInstall = audited["council"]
    asked = [r.target for r in council.log if "/mgwebservice.asmx/" in r.target.lower()]
    committees = sorted(
        int(m.group(1)) for t in asked if (m := re.search(r"lCommitteeId=(\d+)", t))
    )
    assert committees == [130, 140, 160]  # Cabinet, scrutiny, Business Board; not Planning
    meetings = sorted(int(t.rsplit("=", 1)[1]) for t in asked if "/GetMeeting?" in t)
    assert meetings == [401, 402, 403, 501, 502, 601, 602]
    # No page or document through the adapter: the crawl reads them as the council's website.
    assert council.count("/mgConvert2PDF.aspx") == 0
    assert council.hits("/ieListDocuments.aspx?CId=130&MId=403") == 1


def test_a_timeliness_finding_rests_on_the_date_the_web_service_declares(
    audited: dict[str, Any],
) -> None:
    found = findings(audited["report"])
    base = audited["council"].base
    service = f"{base}/mgWebService.asmx/GetMeeting?lMeetingId=403"
    further = found["FWD-07"]
    assert further["status"] == "pass"
    assert "1 on dates the publisher declares" in further["message"]
    [evidence] = further["evidence"]
    assert "/documents/s5203/" in evidence["url"] and evidence["archive"]
    assert (
        f"published 2024-12-02 (declared: publicationdate 02/12/2024 in {service})"
        in (evidence["quote"])
    )
    notice = found["FWD-06"]
    assert notice["status"] == "fail"
    assert (
        f"published 2024-11-22 (declared: publicationdate 22/11/2024 in {service})"
        in (notice["message"])
    )


def test_the_declared_dates_come_back_offline_from_the_snapshot(audited: dict[str, Any]) -> None:
    """The service's answers are archived in the snapshot: `check`, which never touches the
    network, gives the same declared date again."""
    folder: Path = audited["folder"]
    snapshot = next((folder / "out" / "snapshots").iterdir())
    path = registry(folder, audited["report"]["target"]["url"], **load_manifest(SITE)["body"])
    out = folder / "again"
    args = ["check", str(snapshot), "--registry", str(path), "--out", str(out)]
    args += ["--as-of", audited["report"]["as_of"], "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    again = findings(json.loads((out / "report.json").read_text(encoding="utf-8")))
    assert (
        again["FWD-07"]["evidence"][0]["quote"]
        == (findings(audited["report"])["FWD-07"]["evidence"][0]["quote"])
    )


def test_every_other_verdict_is_the_one_the_pages_give(audited: dict[str, Any]) -> None:
    got = {rule_id: f["status"] for rule_id, f in findings(audited["report"]).items()}
    assert got == EXPECTED | CHANGED
    assert audited["report"]["problems"][0]["url"].endswith("spend-over-500-2024-25-q3.csv")
