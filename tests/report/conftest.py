from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from lepcheck.models import Evidence, Finding, Report, TargetInfo
from lepcheck.report.build import build_report
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


def make_report(findings: list[Finding]) -> Report:
    return build_report(
        findings=findings,
        target=TargetInfo(id="test", name="Test LEP", url="https://lep.test/"),
        as_of=date(2023, 11, 30),
        generated_at=datetime(2023, 11, 30, 12, tzinfo=UTC),
        framework="nlgaf-2019",
        catalogue_digest="sha256:" + "0" * 64,
        snapshot=None,
        cap_rules={"ROI-01"},
        category_titles=GROUP_TITLES,
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
