"""What the jobs of one crawl run share: its options, where it started, the snapshot it writes,
the URLs it has seen and the responses it has archived, its clock and its event sink."""

from __future__ import annotations

import time
from collections.abc import Callable

from lepcheck.crawl.events import CrawlEvent, EventKind
from lepcheck.crawl.options import CrawlOptions
from lepcheck.crawl.scope import Scope
from lepcheck.crawl.urls import dedup_key
from lepcheck.models import FetchRecord, SkippedURL
from lepcheck.snapshot.store import SnapshotWriter

EventSink = Callable[[CrawlEvent], None]


def one_line(error: Exception) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())[:200]}"


class CrawlState:
    def __init__(
        self, options: CrawlOptions, start: str, writer: SnapshotWriter, on_event: EventSink | None
    ) -> None:
        self.options = options
        self.start = start
        self.home = start  # where the start URL lands after redirects
        self.start_unconnected = False  # the start URL gave no response at all
        self.writer = writer
        self.on_event = on_event
        self.scope = Scope(start, options.related_sites)
        self.seen: set[str] = set()
        # Archived 2xx responses by the dedup key of the URL they came from: a redirect or a
        # second spelling that lands on one of them is answered from the archive, not refetched.
        self.landed: dict[str, FetchRecord] = {}
        self.pages_started = 0
        self.deadline = time.monotonic() + options.total_time

    def emit(self, kind: EventKind, url: str, detail: str = "") -> None:
        if self.on_event is not None:
            self.on_event(CrawlEvent(kind=kind, url=url, detail=detail))

    def skip(self, url: str, reason: str, via: str | None) -> None:
        self.writer.record_skipped(SkippedURL(url=url, reason=reason, via=via))
        self.emit("skipped", url, reason)

    def time_left(self) -> bool:
        return time.monotonic() < self.deadline

    def note_landed(self, record: FetchRecord) -> None:
        if 200 <= record.status < 300 and record.warc_offset >= 0 and not record.truncated:
            self.landed.setdefault(dedup_key(record.final_url), record)
