"""What changed between two runs of one LEP.

Findings are keyed by rule id (the target is the same on both sides). A finding whose status is
unchanged but whose evidence fingerprint differs is "changed": a replaced register of interests
still passes, but a reviewer should look at the new document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lepcheck.errors import HistoryError
from lepcheck.history.database import History
from lepcheck.history.rows import FindingRow, RunRow

ChangeKind = Literal["new_failure", "resolved", "changed", "persisting", "unchanged"]
FAILING = frozenset({"fail", "partial"})
KIND_TITLES: dict[ChangeKind, str] = {
    "new_failure": "New failures",
    "resolved": "Resolved",
    "changed": "Changed",
    "persisting": "Persisting failures",
}


@dataclass(frozen=True)
class FindingChange:
    rule_id: str
    kind: ChangeKind
    severity: str
    title: str
    before_status: str | None
    after_status: str | None
    before_fingerprint: str | None
    after_fingerprint: str | None


def classify_change(before: FindingRow | None, after: FindingRow | None) -> ChangeKind:
    was_failing = before is not None and before.status in FAILING
    is_failing = after is not None and after.status in FAILING
    if is_failing and not was_failing:
        return "new_failure"
    if was_failing and not is_failing:
        return "resolved"
    if before is None or after is None or before.status != after.status:
        return "changed"
    if before.evidence_fingerprint != after.evidence_fingerprint:
        return "changed"
    return "persisting" if is_failing else "unchanged"


def diff_findings(
    before: Mapping[str, FindingRow], after: Mapping[str, FindingRow]
) -> list[FindingChange]:
    changes = []
    for rule_id in sorted(set(before) | set(after)):
        old, new = before.get(rule_id), after.get(rule_id)
        either = new or old
        assert either is not None  # the rule id came from one of the two sides
        changes.append(
            FindingChange(
                rule_id=rule_id,
                kind=classify_change(old, new),
                severity=either.severity,
                title=either.title,
                before_status=old.status if old else None,
                after_status=new.status if new else None,
                before_fingerprint=old.evidence_fingerprint if old else None,
                after_fingerprint=new.evidence_fingerprint if new else None,
            )
        )
    return changes


@dataclass(frozen=True)
class RunDiff:
    before: RunRow
    after: RunRow
    changes: tuple[FindingChange, ...]

    def of_kind(self, kind: ChangeKind) -> list[FindingChange]:
        return [c for c in self.changes if c.kind == kind]


def diff_runs(history: History, before_id: int, after_id: int) -> RunDiff:
    before, after = history.run(before_id), history.run(after_id)
    if before.target_id != after.target_id:
        raise HistoryError(
            f"runs {before_id} ({before.target_id}) and {after_id} ({after.target_id}) are of "
            "different LEPs; diff two runs of one LEP"
        )
    changes = diff_findings(history.findings(before_id), history.findings(after_id))
    return RunDiff(before=before, after=after, changes=tuple(changes))


def latest_two_runs(history: History, target_id: str) -> tuple[int, int]:
    history.runs_of(target_id)  # an unknown id is an error naming the nearest ids
    runs = history.comparable_runs(target_id)
    if len(runs) < 2:
        raise HistoryError(
            f"'{target_id}' has {len(runs)} audited run(s) under one framework in "
            f"{history.path}; a diff needs two (or give two run ids)"
        )
    return runs[-2].id, runs[-1].id


def lost_must_passes(
    before: Mapping[str, FindingRow], after: Mapping[str, FindingRow]
) -> list[str]:
    """Must-rules that passed before and do not pass now: what --fail-on-regression reports."""
    return sorted(
        rule_id
        for rule_id, old in before.items()
        if old.severity == "must"
        and old.status == "pass"
        and (after.get(rule_id) is None or after[rule_id].status != "pass")
    )
