from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lepcheck.assess import Assessment, build_report
from lepcheck.assess.actions import action_plan
from lepcheck.assess.score import score_findings
from lepcheck.models import Evidence, Finding, Report, RulesetInfo, TargetInfo
from lepcheck.rules import GROUP_TITLES


def finding(rule_id: str, status: str, severity: str = "must", **extra: object) -> Finding:
    return Finding(
        rule_id=rule_id,
        status=status,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        title=f"Requirement {rule_id} is met",
        category=rule_id.split("-")[0],
        assessment="auto",
        message=f"{rule_id} is {status}",
        weight={"must": 3.0, "should": 2.0, "gp": 1.0}[severity],
        remediation="Publish it.",
        **extra,  # type: ignore[arg-type]
    )


def evidence(url: str = "https://lep.test/doc.pdf", quote: str = "quoted text") -> Evidence:
    return Evidence(
        url=url,
        fetched_at=datetime(2023, 11, 30, 9, tzinfo=UTC),
        sha256="a" * 64,
        locator="page 1",
        quote=quote,
        archive="evidence/" + "a" * 64 + ".pdf",
    )


AS_OF = date(2023, 11, 30)


def make_report(findings: list[Finding]) -> Report:
    verdict = Assessment(
        findings=tuple(findings),
        score=score_findings(findings, cap_rules={"ROI-01"}, category_titles=GROUP_TITLES),
        action_plan=action_plan(findings, AS_OF),
    )
    return build_report(
        verdict,
        target=TargetInfo(id="test", name="Test LEP", url="https://lep.test/"),
        as_of=AS_OF,
        generated_at=datetime(2023, 11, 30, 12, tzinfo=UTC),
        ruleset=RulesetInfo(framework="nlgaf-2019", catalogue_digest="sha256:" + "0" * 64),
        snapshot=None,
    )


@pytest.fixture
def sample_report() -> Report:
    return make_report(
        [
            finding("ROI-01", "fail", searched=("https://lep.test/",), missing=("Jane Doe",)),
            finding("COND-02", "pass", evidence=(evidence(),)),
            finding("POL-02", "partial", "should", evidence=(evidence(),)),
            finding("ASSUR-07", "manual"),
        ]
    )
