"""Rules applied to a site model: each rule's verdict becomes a finding."""

from __future__ import annotations

from lepcheck.checks import run_check
from lepcheck.models import Finding, SiteModel
from lepcheck.rules import Rule


def evaluate_rule(rule: Rule, site: SiteModel, weight: float = 1.0) -> Finding:
    verdict = run_check(rule.kind, rule.parsed_params(), site)
    return Finding(
        rule_id=rule.id,
        status=verdict.status,
        severity=rule.severity,
        title=rule.title,
        category=rule.group,
        assessment=rule.assessment,
        message=verdict.message,
        evidence=verdict.evidence,
        searched=verdict.searched,
        missing=verdict.missing,
        confidence=verdict.confidence,
        weight=weight,
        remediation=rule.remediation,
        references=tuple(ref.cite() for ref in rule.references),
    )


def evaluate_rules(rules: list[Rule], site: SiteModel, weights: dict[str, float]) -> list[Finding]:
    return [evaluate_rule(rule, site, weights.get(rule.id, 1.0)) for rule in rules]
