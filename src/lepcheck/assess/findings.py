"""Rules applied to a site model: each rule's verdict becomes a finding."""

from __future__ import annotations

from lepcheck.checks import run_check
from lepcheck.models import Finding, SiteModel, Verdict
from lepcheck.rules import Rule
from lepcheck.rules.applicability import (
    not_applicable_reason,
    undecided_conditions,
    undecided_note,
)

# Catalogue rows assessed "partial" need judgement the website alone cannot give (requirements.md,
# "Check" column): a pass there is evidence found, for a person to confirm, and says so.
JUDGEMENT_CONFIDENCE = 0.75
JUDGEMENT_NOTE = (
    " Evidence found; the catalogue marks this requirement as needing judgement: confirm it."
)


def verdict_of(rule: Rule, site: SiteModel) -> Verdict:
    """The check's verdict, unless the rule does not bind this body on this day; a fail or
    partial that rests on a duty the registry cannot confirm binds (a council whose executive
    arrangements are unknown, say) is only unknown."""
    reason = not_applicable_reason(rule, site.body, site.as_of)
    if reason is not None:
        return Verdict(status="not_applicable", message=reason)
    verdict = run_check(rule.kind, rule.parsed_params(), site)
    undecided = undecided_conditions(rule, site.body)
    if undecided and verdict.status in ("fail", "partial"):
        return verdict.model_copy(
            update={"status": "unknown", "message": verdict.message + undecided_note(undecided)}
        )
    return verdict


def evaluate_rule(rule: Rule, site: SiteModel, weight: float = 1.0) -> Finding:
    verdict = verdict_of(rule, site)
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
