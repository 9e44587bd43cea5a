"""The statement's rows: each framework requirement with the outcome it can claim and what
that rests on.

An automated finding speaks for itself (pass = met on archived evidence); a manual requirement
is answered only by the attestation file, shown as "met (attested)" with who attested and
when, never as an automated pass; a waived finding shows its waiver. Anything without evidence
or an answer (an `unknown` finding, an unanswered or missing attestation, a requirement the
report has no finding for) is "not evidenced".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from lepcheck.inputs.attestations import ANSWER_LABELS, Attestation, AttestationFile
from lepcheck.models import Assessment, Evidence, Finding, Frozen, Severity, Status, Waiver
from lepcheck.rules import Rule

Outcome = Literal["met", "partly_met", "not_met", "waived", "not_evidenced", "not_applicable"]
Basis = Literal["automated", "attested", "waiver", "none"]

OUTCOME_LABELS: dict[str, str] = {
    "met": "met",
    "partly_met": "partly met",
    "not_met": "not met",
    "waived": "waived",
    "not_evidenced": "not evidenced",
    "not_applicable": "not applicable",
}
# Automated statuses as statement outcomes. `manual` is missing on purpose: only an
# attestation answers it, and `waived` is handled with its waiver.
AUTOMATED_OUTCOMES: dict[str, Outcome] = {
    "pass": "met",
    "fail": "not_met",
    "partial": "partly_met",
    "unknown": "not_evidenced",
    "not_applicable": "not_applicable",
}
ATTESTED_OUTCOMES: dict[str, Outcome] = {
    "met": "met",
    "partly_met": "partly_met",
    "not_met": "not_met",
}


class RequirementRow(Frozen):
    """One framework requirement as the statement reports it."""

    rule_id: str
    title: str
    category: str
    severity: Severity
    assessment: Assessment
    outcome: Outcome
    basis: Basis
    finding_status: Status | None = None
    message: str = ""
    note: str = ""
    evidence: tuple[Evidence, ...] = ()
    attestation: Attestation | None = None
    waiver: Waiver | None = None
    original_status: Status | None = None
    remediation: str = ""

    @property
    def label(self) -> str:
        """The outcome as the table shows it, saying what it rests on."""
        text = OUTCOME_LABELS[self.outcome]
        if self.outcome == "waived" and self.original_status:
            return f"waived (own status: {self.original_status.replace('_', ' ')})"
        if self.basis == "attested":
            return f"{text} (attested)"
        if self.basis == "automated" and self.outcome != "not_evidenced":
            return f"{text} (automated evidence)"
        return text

    @property
    def attested_line(self) -> str:
        """Who attested what and when, for the table's evidence column."""
        answer = self.attestation
        if answer is None or not answer.answered:
            return ""
        when = answer.attested_on.isoformat() if answer.attested_on else "undated"
        return f"Attested {ANSWER_LABELS[answer.status]} by {answer.attested_by} on {when}"


def finding_row(finding: Finding, **update: object) -> RequirementRow:
    return RequirementRow(
        rule_id=finding.rule_id,
        title=finding.title,
        category=finding.category,
        severity=finding.severity,
        assessment=finding.assessment,
        finding_status=finding.status,
        message=finding.message,
        evidence=finding.evidence,
        remediation=finding.remediation,
        **update,
    )


def automated_row(finding: Finding, attestation: Attestation | None = None) -> RequirementRow:
    """A finding the audit judged (or a waived one, with the officer's answer if it had one)."""
    if finding.status == "waived":
        return finding_row(
            finding,
            outcome="waived",
            basis="waiver",
            waiver=finding.waiver,
            original_status=finding.original_status,
            attestation=attestation,
        )
    if finding.status == "unknown":
        return finding_row(
            finding,
            outcome="not_evidenced",
            basis="automated",
            note="the audit could not assess it",
        )
    return finding_row(finding, outcome=AUTOMATED_OUTCOMES[finding.status], basis="automated")


def manual_row(
    finding: Finding, attestation: Attestation | None, period_start: date, source: str
) -> RequirementRow:
    """A manual requirement: its outcome comes from the attestation alone."""
    if attestation is None:
        note = f"no attestation answers it in {source}"
    elif not attestation.answered:
        note = f"left unanswered in {source}"
    elif attestation.attested_on is not None and attestation.attested_on < period_start:
        # An answer given before the period began cannot speak for the period.
        note = (
            f"attested on {attestation.attested_on}, before the period began ({period_start}); "
            "attest it again for this period"
        )
    else:
        return finding_row(
            finding,
            outcome=ATTESTED_OUTCOMES[attestation.status],
            basis="attested",
            attestation=attestation,
        )
    return finding_row(
        finding, outcome="not_evidenced", basis="none", note=note, attestation=attestation
    )


def missing_row(rule: Rule) -> RequirementRow:
    return RequirementRow(
        rule_id=rule.id,
        title=rule.title,
        category=rule.group,
        severity=rule.severity,
        assessment=rule.assessment,
        outcome="not_evidenced",
        basis="none",
        note="the audit report holds no finding for it (was it made with another catalogue?)",
        remediation=rule.remediation,
    )


def requirement_rows(
    findings: Sequence[Finding], framework_rules: Sequence[Rule], answers: AttestationFile
) -> list[RequirementRow]:
    source = Path(answers.path).name or "the attestation file"
    by_rule = {f.rule_id: f for f in findings}
    rows = []
    for finding in findings:
        answer = answers.answer_for(finding.rule_id)
        if finding.status == "manual":
            rows.append(manual_row(finding, answer, answers.period_start, source))
        elif finding.original_status == "manual":  # a waived manual requirement
            rows.append(automated_row(finding, answer))
        else:
            rows.append(automated_row(finding))
    rows += [missing_row(rule) for rule in framework_rules if rule.id not in by_rule]
    return rows
