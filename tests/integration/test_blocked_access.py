"""End to end: the Wyvern Coast LEP, whose papers live only on its council's ModernGov site,
with that whole site behind a bot challenge (403 "Just a moment...", the emulator's
`pages="challenge"`). The wall is said, not guessed: the rules that needed the council's pages
are `unknown` with "access blocked by a challenge at URL", the report lists the pages under
what the crawl could not read, no challenge page is read as a document, and the challenge is
never rendered (lepcheck does not try to pass it; tests/crawl/render/test_walls.py holds that
with `--render always` too, for a challenge sent with 200 that looks like a script shell)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.fixtures.moderngov.emulator import Emulator, Install, serve_wyvern

from lepcheck.audit import AuditResult, AuditSettings, Target, audit, write_audit
from lepcheck.snapshot import Snapshot

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "moderngov" / "wyvern"
EXPECTED: dict[str, Any] = yaml.safe_load((FIXTURE / "expected.yaml").read_text())
MEETING_RULES = ("MEET-01", "MEET-02", "MEET-03", "MEET-04", "MEET-07", "MEET-08", "COI-06",
                 "COI-07")  # fmt: skip


@pytest.fixture(scope="module")
def challenged(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditResult, Emulator, Path]:
    out = tmp_path_factory.mktemp("challenged")
    with serve_wyvern(Install(pages="challenge")) as (lep, council):
        settings = AuditSettings(
            out_dir=out,
            formats=("json", "md"),
            as_of=EXPECTED["as_of"],
            allow_private_network=True,
            delay=0.0,
        )
        result = audit(Target("wyvern-coast", EXPECTED["target"]["name"], lep), settings)
    write_audit(result.report, result.snapshot_path, out, settings.formats)
    return result, council, out


def test_the_rules_that_needed_the_council_say_unknown_with_the_reason(
    challenged: tuple[AuditResult, Emulator, Path],
) -> None:
    result, council, _ = challenged
    findings = {f.rule_id: f for f in result.report.findings}
    board_page = f"{council.base}/mgCommitteeDetails.aspx?ID=512"
    for rule in MEETING_RULES:
        finding = findings[rule]
        assert finding.status == "unknown", (rule, finding.message)
        assert f"access blocked by a challenge at {board_page}" in finding.message, rule
        assert 'Cloudflare "Just a moment...", HTTP 403' in finding.message


def test_the_report_lists_the_walled_pages_and_reads_none_of_them(
    challenged: tuple[AuditResult, Emulator, Path],
) -> None:
    result, council, out = challenged
    walled = [p for p in result.report.problems if p.reason.startswith("access blocked by")]
    assert {p.url for p in walled} >= {
        f"{council.base}/mgCommitteeDetails.aspx?ID=512",
        f"{council.base}/mgCommitteeDetails.aspx?ID=513",
    }
    assert all(p.reason.endswith("(Cloudflare \"Just a moment...\", HTTP 403): not read")
               for p in walled)  # fmt: skip
    assert not any(council.base in d.url for d in result.site.documents)
    report = json.loads((out / "report.json").read_text())
    assert any(p["reason"].startswith("access blocked by a challenge") for p in report["problems"])
    markdown = (out / "report.md").read_text()
    section = markdown.split("## What the crawl could not read", 1)[1].split("## Findings")[0]
    assert f"{council.base}/mgCommitteeDetails.aspx?ID=512" in section
    snapshot = Snapshot.open(result.snapshot_path)
    assert snapshot.rendered_records() == []  # a challenge never runs in the browser
    assert "rendered_pages" not in snapshot.meta()  # nor is one started for it
