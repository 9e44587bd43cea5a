"""Assembling a Report from findings: score, action plan and the provenance of the verdict."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime, timedelta

from lepcheck import __version__
from lepcheck.models import (
    ActionItem,
    FetchProblem,
    Finding,
    Report,
    RulesetInfo,
    SnapshotRef,
    TargetInfo,
    ToolInfo,
)
from lepcheck.score import score_findings

# Target dates in the style of council peer-challenge action plans: must-requirements first.
DAYS_TO_ACT = {"must": 30, "should": 90, "gp": 180}


def action_plan(findings: Sequence[Finding], as_of: date) -> tuple[ActionItem, ...]:
    items = []
    for finding in findings:
        if finding.status not in ("fail", "partial"):
            continue
        shortfall = "; ".join(finding.missing[:3]) if finding.missing else finding.message
        items.append(
            ActionItem(
                rule_id=finding.rule_id,
                recommendation=f"{finding.title} (currently {finding.status}: {shortfall})"[:400],
                action=finding.remediation,
                target_date=as_of + timedelta(days=DAYS_TO_ACT[finding.severity]),
            )
        )
    # Must before should before good practice; within each, failures before partials.
    order = {"must": 0, "should": 1, "gp": 2}
    severity = {f.rule_id: f.severity for f in findings}
    failed = {f.rule_id for f in findings if f.status == "fail"}
    return tuple(
        sorted(
            items,
            key=lambda i: (order[severity[i.rule_id]], i.rule_id not in failed, i.rule_id),
        )
    )


def build_report(
    *,
    findings: Sequence[Finding],
    target: TargetInfo,
    as_of: date,
    generated_at: datetime,
    framework: str,
    catalogue_digest: str,
    snapshot: SnapshotRef | None,
    cap_rules: Collection[str],
    category_titles: Mapping[str, str],
    problems: Sequence[FetchProblem] = (),
) -> Report:
    return Report(
        tool=ToolInfo(version=__version__),
        target=target,
        as_of=as_of,
        generated_at=generated_at,
        ruleset=RulesetInfo(framework=framework, catalogue_digest=catalogue_digest),
        snapshot=snapshot,
        score=score_findings(findings, cap_rules=cap_rules, category_titles=category_titles),
        findings=tuple(findings),
        action_plan=action_plan(findings, as_of),
        problems=tuple(problems),
    )
