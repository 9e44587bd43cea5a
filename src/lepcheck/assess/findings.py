"""Rules applied to a site model: each rule's verdict becomes a finding."""

from __future__ import annotations

from lepcheck.checks import run_check
from lepcheck.models import Finding, SiteModel
from lepcheck.rules import Rule

# Catalogue rows assessed "partial" need judgement the website alone cannot give (requirements.md,
# "Check" column): a pass there is evidence found, for a person to confirm, and says so.
JUDGEMENT_CONFIDENCE = 0.75
JUDGEMENT_NOTE = (
    " Evidence found; the catalogue marks this requirement as needing judgement: confirm it."
)


def evaluate_rule(rule: Rule, site: SiteModel, weight: float = 1.0) -> Finding:
    verdict = run_check(rule.kind, rule.parsed_params(), site)
    if rule.assessment == "partial" and verdict.status == "pass":
        verdict = verdict.model_copy(
            update={
                "message": verdict.message + JUDGEMENT_NOTE,
                "confidence": min(verdict.confidence, JUDGEMENT_CONFIDENCE),
            }
        )
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
