"""Everything lepcheck prints on a terminal, in one place.

Results go to stdout (summaries, tables, JSON a script can read); warnings, notes, errors and
progress go to stderr, so `lepcheck ... > file` keeps only the result. A crawl shows as it goes
as a rich progress line on a terminal, or one JSON line per event with --json-log (for logs and
schedulers); both are plain callables for the crawler's on_event, and a sweep has the same two.

Crawled text reaches the terminal here (titles, URLs, error messages quoting a server), so
every line goes through lepcheck.printable: an escape sequence in a page title cannot repaint
the terminal, and a one-line message stays one line. rich shows such text with markup off, so
a `[bold]` or an unmatched `[/x]` in it is shown as written.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

import click

from lepcheck.printable import printable, printable_data, printable_line

if TYPE_CHECKING:  # the types only: commands import what they run when they run, and rich
    # only when a progress display starts, so `lepcheck --help` stays quick
    from rich.console import Console
    from rich.progress import TaskID

    from lepcheck.crawl.events import CrawlEvent
    from lepcheck.history.changes import FindingChange, RunDiff
    from lepcheck.history.rows import RunRow
    from lepcheck.inputs.registry import LepEntry
    from lepcheck.models import Report
    from lepcheck.sweep.entries import SweepProgressEvent

BYTES = re.compile(r"(\d+) bytes")
SPARKS = "▁▂▃▄▅▆▇█"


# --------------------------------------------------------------------------- lines


def say(text: str) -> None:
    click.echo(printable(text))


def warn(message: str) -> None:
    click.echo(f"lepcheck: warning: {printable_line(message)}", err=True)


def note(message: str) -> None:
    click.echo(f"lepcheck: note: {printable_line(message)}", err=True)


def error(label: str, message: str) -> None:
    click.echo(f"lepcheck: {label}: {printable_line(message)}", err=True)


def paths(written: Mapping[str, Path]) -> None:
    for path in written.values():
        click.echo(printable_line(str(path)))


def summary(report: Report, written: Mapping[str, Path]) -> None:
    """An audit in four lines: who, score and rating, counts, and where the report is; a
    warning first when the crawl behind it did not finish."""
    from lepcheck.report.incomplete import incomplete_notice

    notice = incomplete_notice(report)
    if notice:
        warn(notice)
    score = report.score
    counts = ", ".join(f"{k} {v}" for k, v in score.counts.model_dump().items() if v)
    overall = "n/a" if score.overall is None else f"{score.overall:.0f}/100"
    who = printable_line(f"{report.target.name} ({report.target.url})")
    click.echo(f"{who} as of {report.as_of}")
    click.echo(f"  score {overall}, coverage {score.coverage:.0f}%, rating {score.rating.upper()}")
    click.echo(f"  findings: {counts}")
    if report.snapshot and report.snapshot.stopped:
        click.echo(f"  crawl {printable_line(report.snapshot.stopped)}")
    click.echo(f"  report: {printable_line(str(written.get('html', written['json'])))}")


def as_json(data: object) -> None:
    click.echo(json.dumps(data, indent=2, default=str))


def fields(data: Mapping[str, object]) -> None:
    for key, value in data.items():
        click.echo(printable_line(f"{key}: {printable_data(value)}"))


def registry_entries(entries: Sequence[LepEntry]) -> None:
    """The LEPs (id, ONS code, website, name), then the bodies that succeeded them, by kind."""
    from lepcheck.bodies import BODY_KIND_WORDS

    bodies = [e for e in entries if e.kind != "lep"]
    for entry in (e for e in entries if e.kind == "lep"):
        click.echo(
            printable_line(
                f"{entry.id:28} {entry.ons_code or '-':10} "
                f"{entry.website or '(website unknown)':45} {entry.name}"
            )
        )
    if bodies:
        click.echo("\nBodies that took over LEP functions (lepcheck registry --successors):")
    for entry in bodies:
        click.echo(
            f"{entry.id:50} {BODY_KIND_WORDS[entry.kind]:26} "
            f"{entry.website or '(website unknown)':45} {entry.name}"
        )


def registry_successors(entries: Sequence[LepEntry]) -> None:
    """Each LEP and the bodies that took over its functions, with the day and the source."""
    from lepcheck.bodies import BODY_KIND_WORDS

    kinds = {e.id: e.kind for e in entries}
    for entry in (e for e in entries if e.kind == "lep"):
        click.echo(f"{entry.id} ({entry.name})")
        if not entry.successors:
            click.echo("  no successor named in a source")
        for successor in entry.successors:
            kind = BODY_KIND_WORDS[kinds[successor.body]] if successor.body else "not audited"
            since = f" from {successor.start}" if successor.start else " (date not in the source)"
            ident = successor.body or "-"
            click.echo(f"  -> {ident}: {successor.name} [{kind}]{since}")
            click.echo(f"     source: {successor.source}")


# --------------------------------------------------------------------------- history


def history_table(runs: Sequence[RunRow]) -> str:
    """`lepcheck history LEP`: one line per run, oldest first, with the score's change."""
    lines = [
        f"{'run':>5}  {'started (UTC)':19}  {'as of':10}  {'framework':12}  "
        f"{'score':>5}  {'change':>6}  {'cover':>5}  rating / reason"
    ]
    previous: float | None = None
    for run in runs:
        score = "-" if run.score is None else f"{run.score:.1f}"
        change = ""
        if run.score is not None and previous is not None:
            change = f"{run.score - previous:+.1f}"
        if run.score is not None:
            previous = run.score
        coverage = "-" if run.coverage is None else f"{run.coverage:.0f}%"
        verdict = run.rating if run.outcome == "audited" else f"{run.outcome}: {run.reason}"
        lines.append(
            f"{run.id:>5}  {run.started_at.strftime('%Y-%m-%d %H:%M:%S'):19}  "
            f"{run.as_of.isoformat():10}  {run.framework:12}  {score:>5}  {change:>6}  "
            f"{coverage:>5}  {verdict}"
        )
    scores = [run.score for run in runs if run.score is not None]
    if len(scores) >= 2:
        lines.append(f"score trend: {sparkline(scores)}  {scores[0]:.1f} -> {scores[-1]:.1f}")
    return "\n".join(lines)


def sparkline(scores: Sequence[float]) -> str:
    """Scores 0-100 as block characters, one per run, on a fixed scale so trends compare."""
    return "".join(SPARKS[min(len(SPARKS) - 1, int(score / 100 * len(SPARKS)))] for score in scores)


def short(fingerprint: str | None) -> str:
    return (fingerprint or "none")[:12]


def change_line(change: FindingChange) -> str:
    statuses = f"{change.before_status or 'absent'} -> {change.after_status or 'absent'}"
    evidence = ""
    if change.before_fingerprint != change.after_fingerprint:
        evidence = (
            f"; evidence {short(change.before_fingerprint)} -> {short(change.after_fingerprint)}"
        )
    return f"{change.rule_id} [{change.severity}] {statuses}{evidence}  {change.title}"


def diff_text(diff: RunDiff) -> str:
    from lepcheck.history.changes import KIND_TITLES

    b, a = diff.before, diff.after
    lines = [
        f"{a.target_id}: run {b.id} ({b.started_at:%Y-%m-%d %H:%M}, score {b.score}) -> "
        f"run {a.id} ({a.started_at:%Y-%m-%d %H:%M}, score {a.score})"
    ]
    for kind, title in KIND_TITLES.items():
        found = diff.of_kind(kind)
        lines.append(f"{title}: {len(found)}")
        lines.extend(f"  {change_line(c)}" for c in found)
    lines.append(f"Unchanged: {len(diff.of_kind('unchanged'))}")
    return "\n".join(lines)


def diff_json(diff: RunDiff) -> str:
    from lepcheck.history.changes import KIND_TITLES

    data: dict[str, object] = {
        "target": diff.after.target_id,
        "before": {"run": diff.before.id, "started_at": diff.before.started_at.isoformat()},
        "after": {"run": diff.after.id, "started_at": diff.after.started_at.isoformat()},
        "score": {"before": diff.before.score, "after": diff.after.score},
        **{kind: [asdict(c) for c in diff.of_kind(kind)] for kind in KIND_TITLES},
        "unchanged": len(diff.of_kind("unchanged")),
    }
    return json.dumps(data, indent=2)


# --------------------------------------------------------------------------- progress


@contextmanager
def crawl_events(label: str, json_log: bool) -> Iterator[Callable[[Any], None]]:
    """A progress display on a terminal, or JSON lines on stderr with --json-log."""
    if json_log:
        yield JsonEventLog(target=label)
        return
    with CrawlProgress(f"crawling {label}") as progress:
        yield progress


class JsonEventLog:
    """One JSON object per crawl event on a stream (stderr by default)."""

    def __init__(self, stream: TextIO | None = None, target: str = "") -> None:
        self.stream = stream or sys.stderr
        self.target = target

    def __call__(self, event: CrawlEvent) -> None:
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "target": self.target,
            "event": event.kind,
            "url": event.url,
            "detail": event.detail,
        }
        self.stream.write(json.dumps(line) + "\n")
        self.stream.flush()


class CrawlProgress:
    """fetched, queued-ish (skipped), bytes and rate on one live line; silent when not a TTY."""

    def __init__(self, label: str, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal
        self.label = label
        self.counts = {"fetched": 0, "unchanged": 0, "skipped": 0, "error": 0, "retry": 0}
        self.bytes = 0
        self.started = time.monotonic()
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False, style="bold"),
            TextColumn("{task.fields[status]}", markup=False),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task(printable_line(label), total=None, status="starting")

    def __enter__(self) -> CrawlProgress:
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.enabled:
            self.progress.stop()

    def __call__(self, event: CrawlEvent) -> None:
        if event.kind in self.counts:
            self.counts[event.kind] += 1
        size = BYTES.search(event.detail) if event.kind == "fetched" else None
        if size:
            self.bytes += int(size.group(1))
        elapsed = max(time.monotonic() - self.started, 1e-6)
        done = self.counts["fetched"] + self.counts["unchanged"]
        status = (
            f"fetched {self.counts['fetched']}, unchanged {self.counts['unchanged']}, "
            f"skipped {self.counts['skipped']}, errors {self.counts['error']}, "
            f"{self.bytes / 1e6:.1f} MB, {done / elapsed:.1f} pages/s"
        )
        self.progress.update(self.task, status=status)


class SweepProgressDisplay:
    """A rich progress line per LEP on a terminal (stderr, so stdout stays for the summary);
    elsewhere (cron, CI logs) one plain line per LEP as it finishes."""

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.table import Column

        self.console = console or Console(stderr=True)
        self.live = self.console.is_terminal
        self.progress = Progress(
            SpinnerColumn(finished_text="·"),
            TextColumn(
                "{task.fields[lep]}", markup=False, table_column=Column(width=28, no_wrap=True)
            ),
            TextColumn("{task.fields[stage]}", table_column=Column(width=9, no_wrap=True)),
            TextColumn(
                "{task.description}", markup=False, table_column=Column(ratio=1, no_wrap=True)
            ),
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
        detail = printable_line(event.detail)
        if not self.live:
            if event.stage == "done":
                with self.lock:
                    self.console.print(
                        printable_line(f"{event.lep_id}: {detail}"), markup=False, highlight=False
                    )
            return
        with self.lock:  # events arrive from worker threads
            task = self.tasks.get(event.lep_id)
            if task is None:
                lep = printable_line(event.lep_id)
                task = self.progress.add_task(detail, total=1, lep=lep, stage="")
                self.tasks[event.lep_id] = task
            self.progress.update(
                task,
                description=detail,
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
        line = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), **asdict(event)}
        with self.lock:
            self.stream.write(json.dumps(line) + "\n")
            self.stream.flush()
