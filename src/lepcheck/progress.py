"""Showing a crawl as it goes: a rich progress line on a terminal, or one JSON line per event
(--json-log) for logs and schedulers. Both are plain callables for the crawler's on_event."""

from __future__ import annotations

import json
import re
import sys
import time
from datetime import UTC, datetime
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from lepcheck.crawl.events import CrawlEvent

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
