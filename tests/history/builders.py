"""Small Report and Finding builders for the history and diff tests (no crawl needed)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from lepcheck.models import (
    ActionItem,
    CategoryScore,
    Evidence,
    Finding,
    Report,
    RulesetInfo,
    Score,
    Severity,
    Status,
    StatusCounts,
    TargetInfo,
    ToolInfo,
)


def finding(
    rule_id: str,
    status: Status,
    *,
    severity: Severity = "must",
    documents: Mapping[str, str] | None = None,
) -> Finding:
    """A finding whose evidence is {url: sha256}."""
    evidence = tuple(
        Evidence(url=url, sha256=sha, quote="q", locator="p1")
        for url, sha in (documents or {}).items()
    )
    return Finding(
        rule_id=rule_id,
        status=status,
        severity=severity,
        title=f"title of {rule_id}",
        category=rule_id.split("-")[0],
        assessment="auto",
        message="m",
        evidence=evidence,
    )


def report(
    target_id: str,
    findings: tuple[Finding, ...],
    *,
    score: float = 50.0,
    actions: tuple[ActionItem, ...] = (),
    framework: str = "nlgaf-2019",
) -> Report:
    return Report(
        tool=ToolInfo(version="test"),
        target=TargetInfo(id=target_id, name=f"{target_id} LEP", url=f"https://{target_id}.test/"),
        as_of=date(2023, 11, 30),
        generated_at=datetime(2023, 11, 30, 12, tzinfo=UTC),
        ruleset=RulesetInfo(framework=framework, catalogue_digest="digest"),
        score=Score(
            overall=score,
            coverage=90.0,
            rating="amber",
            by_category=(
                CategoryScore(
                    category="POL",
                    title="Policies",
                    score=score,
                    coverage=90.0,
                    counts=StatusCounts(),
                ),
            ),
        ),
        findings=findings,
        action_plan=actions,
    )


def action(rule_id: str, status: str = "Not started", due: date = date(2024, 1, 1)) -> ActionItem:
    return ActionItem.model_validate(
        {
            "rule_id": rule_id,
            "recommendation": f"fix {rule_id}",
            "action": "do it",
            "target_date": due,
            "status": status,
        }
    )
