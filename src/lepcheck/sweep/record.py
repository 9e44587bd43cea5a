"""One audit of a sweep (or of `audit --db`): crawl, check, carry the last action plan forward,
write the reports once and record the run."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from lepcheck.assess.actions import carry_forward_actions
from lepcheck.audit import (
    AuditResult,
    AuditSettings,
    Target,
    check_snapshot,
    crawl_target,
    write_audit,
)
from lepcheck.crawl.events import CrawlEvent
from lepcheck.history import History, finding_rows
from lepcheck.history.changes import lost_must_passes


@dataclass(frozen=True)
class RecordedAudit:
    result: AuditResult
    written: dict[str, Path]
    run_id: int | None
    lost_must_passes: tuple[str, ...]


# PDFium (pypdfium2) is not thread-safe: two threads reading PDFs at once crash the process. The
# crawls, the slow and polite part of a sweep, run concurrently; checking a finished snapshot
# (extraction included) takes this lock, so one runs at a time.
CHECKING = threading.Lock()


def crawl_then_check(
    target: Target, settings: AuditSettings, on_event: Callable[[CrawlEvent], None] | None
) -> AuditResult:
    """What audit() does, with the checking stage serialised across threads."""
    snapshot_path = crawl_target(target, settings, on_event)
    with CHECKING:
        return check_snapshot(snapshot_path, target, settings)


def now() -> datetime:
    return datetime.now(UTC)


def audit_and_record(
    target: Target,
    settings: AuditSettings,
    history: History | None,
    *,
    sweep_id: str | None = None,
    on_event: Callable[[CrawlEvent], None] | None = None,
) -> RecordedAudit:
    """Audit one target and write its reports; with a history, first carry its previous action
    plan forward, then record the run. Used by `sweep` and by `audit --db`."""
    started = now()
    result = crawl_then_check(target, settings, on_event)
    lost: tuple[str, ...] = ()
    previous = None
    if history is not None:
        previous = history.previous_audited_run(target.id, result.report.ruleset.framework)
    if history is not None and previous is not None:
        report = result.report
        plan = carry_forward_actions(
            history.actions(previous.id), report.action_plan, report.findings
        )
        result = replace(result, report=report.model_copy(update={"action_plan": plan}))
        lost = tuple(lost_must_passes(history.findings(previous.id), finding_rows(report.findings)))
    written = write_audit(result.report, result.snapshot_path, settings.out_dir, settings.formats)
    if history is None:
        return RecordedAudit(result, written, None, ())
    run_id = history.record_report(
        result.report,
        report_path=written["json"],
        started_at=started,
        finished_at=now(),
        sweep_id=sweep_id,
    )
    return RecordedAudit(result, written, run_id, lost)
