"""Sector sweeps: audit many LEPs at once, record every run, write a league table.

Each audit runs its own polite crawler; a small thread pool runs a few audits at a time. Two
LEPs that share a host (an accountable body's committee site serving several LEPs) are never
crawled at the same moment, so the per-host delay holds across the whole sweep. One LEP failing
is recorded as unreachable (or error) with its reason and the sweep goes on.
"""

from __future__ import annotations

import csv
import json
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, TextIO
from urllib.parse import urlsplit

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Column

from lepcheck import __version__
from lepcheck.assess.actions import carry_forward_actions
from lepcheck.audit import (
    AuditResult,
    AuditSettings,
    check_snapshot,
    crawl_target,
    write_audit,
)
from lepcheck.crawl.events import CrawlEvent
from lepcheck.errors import TargetError
from lepcheck.history import FailedRun, History, finding_rows
from lepcheck.history.changes import lost_must_passes
from lepcheck.inputs.registry import LepEntry, Target, unknown_id_error
from lepcheck.report.csv_report import cell
from lepcheck.rules import DEFAULT_FRAMEWORK, load_ruleset

Outcome = Literal["audited", "unreachable", "error", "skipped"]
DEFAULT_WORKERS = 4
LEAGUE_TABLE = "league-table.csv"
SWEEP_JSON = "sweep.json"


@dataclass(frozen=True)
class SweepSettings:
    out_dir: Path
    as_of: date | None = None
    framework: str = DEFAULT_FRAMEWORK
    formats: tuple[str, ...] = ("json", "html")
    allow_private_network: bool = False
    delay: float = 1.0
    max_pages: int = 400
    related_sites: tuple[str, ...] = ()
    workers: int = DEFAULT_WORKERS

    def for_lep(self, lep_id: str) -> AuditSettings:
        return AuditSettings(
            out_dir=self.out_dir / lep_id,
            formats=self.formats,
            as_of=self.as_of,
            framework=self.framework,
            allow_private_network=self.allow_private_network,
            delay=self.delay,
            max_pages=self.max_pages,
            related_sites=self.related_sites,
        )


@dataclass(frozen=True)
class SweepEntry:
    """One LEP's line in the league table and sweep.json."""

    id: str
    name: str
    website: str | None
    outcome: Outcome
    reason: str = ""
    score: float | None = None
    coverage: float | None = None
    rating: str | None = None
    must_failed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    report: str | None = None  # relative to the sweep folder
    run_id: int | None = None
    lost_must_passes: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True)
class SweepProgressEvent:
    lep_id: str
    stage: Literal["queued", "waiting", "crawling", "checking", "done"]
    detail: str = ""


@dataclass(frozen=True)
class RecordedAudit:
    result: AuditResult
    written: dict[str, Path]
    run_id: int | None
    lost_must_passes: tuple[str, ...]


@dataclass
class SweepResult:
    sweep_id: str
    settings: SweepSettings
    started_at: datetime
    finished_at: datetime
    entries: list[SweepEntry]
    database: Path | None = None

    def ranked(self) -> list[SweepEntry]:
        """Audited LEPs best first (score, then coverage), then the rest by id."""
        audited = [e for e in self.entries if e.outcome == "audited"]
        audited.sort(
            key=lambda e: (-(e.score if e.score is not None else -1), -(e.coverage or 0), e.id)
        )
        others = sorted((e for e in self.entries if e.outcome != "audited"), key=lambda e: e.id)
        return audited + others

    def summary_lines(self) -> list[str]:
        counts = {
            o: sum(e.outcome == o for e in self.entries)
            for o in ("audited", "unreachable", "error", "skipped")
        }
        out = self.settings.out_dir
        lines = [
            f"Swept {len(self.entries)} LEP(s): "
            + ", ".join(f"{n} {o}" for o, n in counts.items()),
            f"  league table: {out / LEAGUE_TABLE}",
            f"  summary: {out / SWEEP_JSON}",
        ]
        if self.database:
            lines.append(f"  history: {self.database} (sweep {self.sweep_id})")
        for lep_id, rules in self.regressions().items():
            lines.append(f"  regression: {lep_id} lost passing must-rule(s) {', '.join(rules)}")
        return lines

    def regressions(self) -> dict[str, tuple[str, ...]]:
        return {e.id: e.lost_must_passes for e in self.entries if e.lost_must_passes}

    def write_summary(self) -> tuple[Path, Path]:
        out = self.settings.out_dir
        out.mkdir(parents=True, exist_ok=True)
        table = out / LEAGUE_TABLE
        with table.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(
                ["rank", "id", "name", "outcome", "score", "coverage", "rating", "must_failed",
                 "pass", "fail", "partial", "unknown", "lost_must_passes", "report", "reason"]
            )  # fmt: skip
            rank = 0
            for entry in self.ranked():
                rank += entry.outcome == "audited"
                # names come from registry files and reasons quote crawled URLs: neither may
                # become a spreadsheet formula
                writer.writerow(
                    cell(value)
                    for value in [
                        rank if entry.outcome == "audited" else "",
                        entry.id,
                        entry.name,
                        entry.outcome,
                        "" if entry.score is None else entry.score,
                        "" if entry.coverage is None else entry.coverage,
                        entry.rating or "",
                        entry.must_failed if entry.outcome == "audited" else "",
                        *(entry.counts.get(s, "") for s in ("pass", "fail", "partial", "unknown")),
                        " ".join(entry.lost_must_passes),
                        entry.report or "",
                        entry.reason,
                    ]
                )
        summary = out / SWEEP_JSON
        data = {
            "sweep_id": self.sweep_id,
            "tool": {"name": "lepcheck", "version": __version__},
            "framework": self.settings.framework,
            "as_of": self.settings.as_of.isoformat() if self.settings.as_of else None,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "database": str(self.database) if self.database else None,
            "counts": {
                outcome: sum(e.outcome == outcome for e in self.entries)
                for outcome in ("audited", "unreachable", "error", "skipped")
            },
            "entries": [asdict(e) for e in self.ranked()],
        }
        summary.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        return table, summary


def select_leps(
    registry: Mapping[str, LepEntry], only: Sequence[str] = ()
) -> tuple[list[LepEntry], list[SweepEntry]]:
    """The LEPs to audit, and those skipped with the reason (no website; closed unless named)."""
    wanted = [registry.get(i.lower()) or raise_unknown(i, registry) for i in only]
    chosen = wanted or list(registry.values())
    to_audit, skipped = [], []
    for lep in chosen:
        reason = ""
        if not lep.website:
            reason = "no website in the registry; add it with --registry FILE"
        elif lep.status == "closed" and not only:
            successor = f"; successor {lep.successor}" if lep.successor else ""
            reason = f"closed on {lep.closed_on}{successor}; name it in --only to audit it anyway"
        if reason:
            skipped.append(
                SweepEntry(
                    id=lep.id, name=lep.name, website=lep.website, outcome="skipped", reason=reason
                )
            )
        else:
            to_audit.append(lep)
    return to_audit, skipped


def raise_unknown(wanted: str, registry: Mapping[str, LepEntry]) -> LepEntry:
    raise unknown_id_error(wanted, registry)


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


def sweep_one(
    lep: LepEntry,
    settings: SweepSettings,
    history: History | None,
    sweep_id: str,
    turns: HostTurns,
    on_progress: Callable[[SweepProgressEvent], None],
) -> SweepEntry:
    target = lep.target()
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


class SweepProgressDisplay:
    """A rich progress line per LEP on a terminal (stderr, so stdout stays for the summary);
    elsewhere (cron, CI logs) one plain line per LEP as it finishes."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self.live = self.console.is_terminal
        self.progress = Progress(
            SpinnerColumn(finished_text="·"),
            TextColumn("{task.fields[lep]}", table_column=Column(width=28, no_wrap=True)),
            TextColumn("{task.fields[stage]}", table_column=Column(width=9, no_wrap=True)),
            TextColumn("{task.description}", table_column=Column(ratio=1, no_wrap=True)),
            TimeElapsedColumn(table_column=Column(min_width=7, no_wrap=True)),
            console=self.console,
        )
        self.tasks: dict[str, TaskID] = {}
        self.lock = threading.Lock()

    def __enter__(self) -> SweepProgressDisplay:
        if self.live:
            self.progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.live:
            self.progress.stop()

    def __call__(self, event: SweepProgressEvent) -> None:
        if not self.live:
            if event.stage == "done":
                with self.lock:
                    self.console.print(
                        f"{event.lep_id}: {event.detail}", markup=False, highlight=False
                    )
            return
        with self.lock:  # events arrive from worker threads
            task = self.tasks.get(event.lep_id)
            if task is None:
                task = self.progress.add_task(event.detail, total=1, lep=event.lep_id, stage="")
                self.tasks[event.lep_id] = task
            self.progress.update(
                task,
                description=event.detail,
                stage=event.stage,
                completed=1 if event.stage == "done" else 0,
            )


class SweepJsonLog:
    """--json-log: one JSON line per progress event on stderr, for schedulers' logs."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.lock = threading.Lock()

    def __enter__(self) -> SweepJsonLog:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stream.flush()

    def __call__(self, event: SweepProgressEvent) -> None:
        line = {"time": now().isoformat(timespec="milliseconds"), **asdict(event)}
        with self.lock:
            self.stream.write(json.dumps(line) + "\n")
            self.stream.flush()
