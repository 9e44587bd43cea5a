"""Applying waivers: approved, dated exceptions that turn a finding into `waived`.

A waiver in force on the audit's `as_of` day turns its finding into `waived`, keeps the
finding's own status in `original_status` and the waiver itself beside it, and adds the
waiver's text to the message, so the Markdown and CSV reports (which print the message, not
the waiver field) show it too. Expiry is compared with `as_of`, never with the clock, so a
re-run of a past audit waives exactly what it waived then. Reading waivers files is
lepcheck.inputs' business; this module only applies them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from lepcheck.models import Finding, Waiver

# A waiver is only worth applying to something that is not already met or out of scope.
WAIVABLE_STATUSES = frozenset({"fail", "partial", "unknown", "manual"})


def waiver_text(waiver: Waiver, original_status: str) -> str:
    return (
        f"Waived (its own status: {original_status}): {waiver.reason} Approved by "
        f"{waiver.approved_by} on {waiver.approved_on}; expires {waiver.expires}."
    )


def unwaived(finding: Finding) -> Finding:
    """The finding as it was before any waiver, so applying a new waivers file is idempotent."""
    if finding.status != "waived" or finding.original_status is None:
        return finding
    message = finding.message
    if finding.waiver is not None:
        message = message.removesuffix(" " + waiver_text(finding.waiver, finding.original_status))
    return finding.model_copy(
        update={
            "status": finding.original_status,
            "original_status": None,
            "waiver": None,
            "message": message,
        }
    )


def apply_waivers(
    findings: Sequence[Finding], waivers: Sequence[Waiver], target_id: str, as_of: date
) -> tuple[list[Finding], list[str]]:
    """Waive the findings that an in-force waiver for `target_id` covers on `as_of`.

    Returns the findings (same order) and warnings: an expired or not yet approved waiver is
    ignored and the finding keeps its own status; a waiver for a rule that passed, does not
    apply or is not in this audit is reported as unused.
    """
    by_rule = {f.rule_id: i for i, f in enumerate(findings)}
    result = list(findings)
    warnings: list[str] = []
    for waiver in waivers:
        if waiver.target != target_id:
            continue  # one file may hold the waivers of several LEPs
        label = f"waiver for {waiver.rule} ({waiver.target})"
        if waiver.expires < as_of:
            warnings.append(
                f"{label} expired on {waiver.expires} (as of {as_of}); ignored, the finding "
                "keeps its own status"
            )
            continue
        if waiver.approved_on > as_of:
            warnings.append(
                f"{label} was approved on {waiver.approved_on}, after the audit date {as_of}; "
                "ignored"
            )
            continue
        index = by_rule.get(waiver.rule)
        if index is None:
            warnings.append(f"{label}: {waiver.rule} is not among this audit's findings; unused")
            continue
        finding = result[index]
        if finding.status == "waived":
            warnings.append(f"{label}: {waiver.rule} is already waived by an earlier entry")
            continue
        if finding.status not in WAIVABLE_STATUSES:
            warnings.append(f"{label}: {waiver.rule} is {finding.status}; no waiver needed")
            continue
        result[index] = finding.model_copy(
            update={
                "status": "waived",
                "original_status": finding.status,
                "waiver": waiver,
                "message": f"{finding.message} {waiver_text(waiver, finding.status)}",
            }
        )
    return result, warnings
