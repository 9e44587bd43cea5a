"""Showing a crawl as it goes: a rich progress line on a terminal, or one JSON line per event
(--json-log) for logs and schedulers. Both are plain callables for the crawler's on_event."""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from dataclasses import asdict
from datetime import UTC, datetime
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Column

from lepcheck.crawl.events import CrawlEvent
from lepcheck.sweep.entries import SweepProgressEvent

BYTES = re.compile(r"(\d+) bytes")


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
        self.console = console or Console(stderr=True)
        self.enabled = self.console.is_terminal
        self.label = label
        self.counts = {"fetched": 0, "unchanged": 0, "skipped": 0, "error": 0, "retry": 0}
        self.bytes = 0
        self.started = time.monotonic()
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task(label, total=None, status="starting")

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
        line = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), **asdict(event)}
        with self.lock:
            self.stream.write(json.dumps(line) + "\n")
            self.stream.flush()
