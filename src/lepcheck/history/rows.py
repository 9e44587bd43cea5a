"""What the history database keeps of each run and finding."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from lepcheck.models import Evidence, Finding


def evidence_fingerprint(evidence: Sequence[Evidence]) -> str:
    """sha256 over the sorted (sha256, url) pairs: a replaced document changes it, a re-fetch of
    the same bytes does not. Empty when there is no evidence, so 'no evidence' reads as such."""
    if not evidence:
        return ""
    lines = sorted({f"{e.sha256} {e.url}" for e in evidence})
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FindingRow:
    rule_id: str
    status: str
    severity: str
    title: str
    category: str
    evidence_fingerprint: str


def finding_rows(findings: Sequence[Finding]) -> dict[str, FindingRow]:
    """What the database keeps of each finding, keyed by rule id."""
    return {
        f.rule_id: FindingRow(
            rule_id=f.rule_id,
            status=f.status,
            severity=f.severity,
            title=f.title,
            category=f.category,
            evidence_fingerprint=evidence_fingerprint(f.evidence),
        )
        for f in findings
    }


@dataclass(frozen=True)
class RunRow:
    id: int
    sweep_id: str | None
    target_id: str
    target_name: str
    target_url: str
    outcome: str
    reason: str | None
    snapshot_id: str | None
    snapshot_path: str | None
    as_of: date
    framework: str
    tool_version: str
    catalogue_digest: str | None
    score: float | None
    coverage: float | None
    rating: str | None
    report_path: str | None
    started_at: datetime
    finished_at: datetime


@dataclass(frozen=True)
class CategoryRow:
    category: str
    title: str
    score: float | None
    coverage: float


@dataclass(frozen=True)
class FailedRun:
    """An LEP whose audit did not produce a report: recorded so the history shows the gap."""

    target_id: str
    target_name: str
    target_url: str
    outcome: str  # 'unreachable' or 'error'
    reason: str
    as_of: date
    framework: str
    tool_version: str
