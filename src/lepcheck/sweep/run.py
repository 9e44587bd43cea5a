"""Sector sweeps: audit many LEPs at once, record every run, write a league table.

Each audit runs its own polite crawler; a small thread pool runs a few audits at a time. Two
LEPs that share a host (an accountable body's committee site serving several LEPs) are never
crawled at the same moment, so the per-host delay holds across the whole sweep. One LEP failing
is recorded as unreachable (or error) with its reason and the sweep goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

from lepcheck import __version__
from lepcheck.crawl.events import CrawlEvent
from lepcheck.errors import TargetError
from lepcheck.history import FailedRun, History
from lepcheck.inputs.registry import LepEntry
from lepcheck.rules import load_ruleset
from lepcheck.sweep.entries import SweepEntry, SweepProgressEvent, SweepSettings
from lepcheck.sweep.record import audit_and_record, now
from lepcheck.sweep.summary import SweepResult


def host_of(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


class HostTurns:
    """One audit at a time per host: each crawler is polite to its own hosts, and this keeps two
    concurrent audits from doubling the load on a host they share. Locks are taken in sorted
    order, so two audits waiting on each other's hosts cannot deadlock."""

    def __init__(self) -> None:
        self.guard = threading.Lock()
        self.locks: dict[str, threading.Lock] = {}

    @contextmanager
    def holding(self, urls: Iterable[str]) -> Iterator[None]:
        hosts = sorted({host_of(u) for u in urls})
        with self.guard:
            locks = [self.locks.setdefault(h, threading.Lock()) for h in hosts]
        with ExitStack() as stack:
            for lock in locks:
                stack.enter_context(lock)
            yield


def sweep_one(
    lep: LepEntry,
    settings: SweepSettings,
    history: History | None,
    sweep_id: str,
    turns: HostTurns,
    on_progress: Callable[[SweepProgressEvent], None],
) -> SweepEntry:
    target = lep.target(settings.time_machine_day)
    audit_settings = settings.for_lep(lep.id)
    pages = 0

    def on_event(event: CrawlEvent) -> None:
        nonlocal pages
        if event.kind in ("fetched", "unchanged"):
            pages += 1
            on_progress(SweepProgressEvent(lep.id, "crawling", f"{pages} page(s)"))
        elif event.kind == "finish":
            on_progress(SweepProgressEvent(lep.id, "checking", f"{pages} page(s)"))

    started = now()
    on_progress(SweepProgressEvent(lep.id, "waiting", "for its hosts"))
    with turns.holding((target.url, *target.related_sites, *settings.related_sites)):
        on_progress(SweepProgressEvent(lep.id, "crawling", "starting"))
        try:
            recorded = audit_and_record(
                target, audit_settings, history, sweep_id=sweep_id, on_event=on_event
            )
        except TargetError as exc:
            failed = failed_entry(
                lep, "unreachable", str(exc), settings, history, sweep_id, started
            )
            on_progress(SweepProgressEvent(lep.id, "done", f"unreachable: {failed.reason}"))
            return failed
        except Exception as exc:  # a bug on one site's content must not end the sweep
            reason = f"{type(exc).__name__}: {exc}"
            failed = failed_entry(lep, "error", reason, settings, history, sweep_id, started)
            on_progress(SweepProgressEvent(lep.id, "done", f"error: {reason}"))
            return failed
    report = recorded.result.report
    written = recorded.written
    entry = SweepEntry(
        id=lep.id,
        name=lep.name,
        website=lep.website,
        outcome="audited",
        score=report.score.overall,
        coverage=report.score.coverage,
        rating=report.score.rating,
        must_failed=sum(f.status == "fail" and f.severity == "must" for f in report.findings),
        counts=report.score.counts.model_dump(),
        report=written.get("html", written["json"]).relative_to(settings.out_dir).as_posix(),
        run_id=recorded.run_id,
        lost_must_passes=recorded.lost_must_passes,
        seconds=round((now() - started).total_seconds(), 2),
    )
    overall = "n/a" if entry.score is None else f"{entry.score:.0f}"
    lost = f", LOST {' '.join(entry.lost_must_passes)}" if entry.lost_must_passes else ""
    on_progress(SweepProgressEvent(lep.id, "done", f"score {overall}, {entry.rating}{lost}"))
    return entry


def failed_entry(
    lep: LepEntry,
    outcome: Literal["unreachable", "error"],
    reason: str,
    settings: SweepSettings,
    history: History | None,
    sweep_id: str,
    started: datetime,
) -> SweepEntry:
    run_id = None
    if history is not None:
        run_id = history.record_failure(
            FailedRun(
                target_id=lep.id,
                target_name=lep.name,
                target_url=lep.website or "",
                outcome=outcome,
                reason=reason,
                as_of=settings.as_of or now().date(),
                framework=settings.framework,
                tool_version=__version__,
            ),
            started_at=started,
            finished_at=now(),
            sweep_id=sweep_id,
        )
    return SweepEntry(
        id=lep.id,
        name=lep.name,
        website=lep.website,
        outcome=outcome,
        reason=reason,
        run_id=run_id,
        seconds=round((now() - started).total_seconds(), 2),
    )


def run_sweep(
    leps: Sequence[LepEntry],
    settings: SweepSettings,
    *,
    history: History | None = None,
    skipped: Sequence[SweepEntry] = (),
    on_progress: Callable[[SweepProgressEvent], None] = lambda _event: None,
) -> SweepResult:
    load_ruleset(settings.framework)  # an unknown framework is a usage error, not 38 failures
    started = now()
    sweep_id = f"sweep-{started.strftime('%Y%m%dT%H%M%S%fZ')}"
    turns = HostTurns()
    for lep in leps:
        on_progress(SweepProgressEvent(lep.id, "queued"))
    for entry in skipped:
        on_progress(SweepProgressEvent(entry.id, "done", f"skipped: {entry.reason}"))
    with ThreadPoolExecutor(max_workers=max(1, settings.workers)) as pool:
        futures = [
            pool.submit(sweep_one, lep, settings, history, sweep_id, turns, on_progress)
            for lep in leps
        ]
        entries = [f.result() for f in futures]
    result = SweepResult(
        sweep_id=sweep_id,
        settings=settings,
        started_at=started,
        finished_at=now(),
        entries=[*entries, *skipped],
        database=history.path if history else None,
    )
    result.write_summary()
    return result
