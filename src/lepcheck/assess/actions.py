"""The action plan: what to do about each shortfall, by when, and what became of last time's.

Rows are in the shape councils publish after a peer challenge (recommendation, action, owner,
target date, status). Target dates count from the audit's `as_of`: must-requirements first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from lepcheck.assess.requirements import RequirementRow
from lepcheck.assess.severity import severity_rank
from lepcheck.models import ActionItem, Finding

DAYS_TO_ACT = {"must": 30, "should": 90, "gp": 180}
SHORTFALLS = ("fail", "partial")
ACCOUNTABLE_BODY_OWNER = "Accountable body (Section 151 officer)"


def action_plan(findings: Sequence[Finding], as_of: date) -> tuple[ActionItem, ...]:
    """One action per failed or partial finding: must before should before good practice;
    within each, failures before partials."""
    items = []
    for finding in findings:
        if finding.status not in SHORTFALLS:
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
    severity = {f.rule_id: f.severity for f in findings}
    failed = {f.rule_id for f in findings if f.status == "fail"}
    return tuple(
        sorted(
            items,
            key=lambda i: (severity_rank(severity[i.rule_id]), i.rule_id not in failed, i.rule_id),
        )
    )


def carry_forward_actions(
    previous: Sequence[ActionItem],
    current: Sequence[ActionItem],
    findings: Sequence[Finding],
) -> tuple[ActionItem, ...]:
    """Merge the previous run's action plan into this run's.

    A previous action whose rule now passes is Complete; any other previous action is Ongoing
    and keeps its original target date (a deadline does not move because the LEP was audited
    again), taking this run's wording of the shortfall when there is one. Actions that were
    already Complete are not carried again; if their rule fails anew, it is a new action. New
    shortfalls are Not started.
    """
    status_of = {f.rule_id: f.status for f in findings}
    severity_of = {f.rule_id: f.severity for f in findings}
    current_by_rule = {a.rule_id: a for a in current}
    merged: dict[str, ActionItem] = {}
    for old in previous:
        now_passes = status_of.get(old.rule_id) == "pass"
        if old.status == "Complete":
            continue  # closed last time; if the rule fails again it is a new action below
        if now_passes:
            merged[old.rule_id] = old.model_copy(update={"status": "Complete"})
            continue
        wording = current_by_rule.get(old.rule_id, old)
        merged[old.rule_id] = wording.model_copy(
            update={"status": "Ongoing", "target_date": old.target_date}
        )
    for item in current:
        merged.setdefault(item.rule_id, item)
    return tuple(
        sorted(
            merged.values(),
            key=lambda a: (severity_rank(severity_of.get(a.rule_id, "gp")), a.rule_id),
        )
    )


def statement_actions(
    rows: Sequence[RequirementRow], report_actions: Sequence[ActionItem], as_of: date
) -> tuple[ActionItem, ...]:
    """The audit's action plan (failed and partial findings) plus what the statement adds:
    attested shortfalls and requirements that are not evidenced."""
    items = list(report_actions)
    planned = {a.rule_id for a in items}
    for row in rows:
        if row.rule_id in planned:
            continue
        due = as_of + timedelta(days=DAYS_TO_ACT[row.severity])
        if row.basis == "attested" and row.outcome in ("not_met", "partly_met"):
            items.append(
                ActionItem(
                    rule_id=row.rule_id,
                    recommendation=f"{row.title} ({row.attested_line})"[:400],
                    action=row.remediation or "Put the requirement in place.",
                    owner=ACCOUNTABLE_BODY_OWNER,
                    target_date=due,
                )
            )
        elif row.outcome == "not_evidenced":
            action = (
                "Answer it in the attestation file with the evidence relied on."
                if row.assessment == "attest"
                else "Make the evidence readable on the website and re-run the audit."
            )
            items.append(
                ActionItem(
                    rule_id=row.rule_id,
                    recommendation=f"{row.title} (not evidenced: {row.note})"[:400],
                    action=action,
                    owner=ACCOUNTABLE_BODY_OWNER,
                    target_date=due,
                )
            )
    severity = {r.rule_id: r.severity for r in rows}
    return tuple(
        sorted(items, key=lambda a: (severity_rank(severity.get(a.rule_id, "gp")), a.rule_id))
    )
