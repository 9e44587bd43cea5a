"""One crawl's use of a web archive: the client under the archive's shared rate limits, the
index over the snapshot's cache, the source a time-machine crawl reads from, the proofs of
publication at the end, and what the snapshot notes of it all (its meta: which archive, the
day, the window, the problems met and the requests made)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from lepcheck.crawl.archive.cache import IndexCache
from lepcheck.crawl.archive.client import ArchiveClient, Kind, archive_client
from lepcheck.crawl.archive.index import CaptureIndex, end_of_day, months_before
from lepcheck.crawl.archive.profiles import resolve_archive
from lepcheck.crawl.archive.proof import prove_publication
from lepcheck.crawl.archive.rates import RateLimit, shared_limit
from lepcheck.crawl.archive.settings import ArchiveSettings
from lepcheck.crawl.archive.source import ArchiveSource
from lepcheck.crawl.guard import NetworkGuard
from lepcheck.snapshot.store import SnapshotWriter

# Snapshot meta keys (read back by the audit: `lepcheck check` needs no network).
META_ARCHIVE = "archive"
META_AS_OF = "archive_as_of"
META_PROBLEMS = "archive_problems"
META_REQUESTS = "archive_requests"


class ArchiveSession:
    def __init__(
        self, settings: ArchiveSettings, client: ArchiveClient, index: CaptureIndex
    ) -> None:
        self.settings = settings
        self.client = client
        self.index = index
        self.problems: list[dict[str, str]] = []
        self.proved = 0

    @property
    def time_machine(self) -> bool:
        return self.settings.time_machine

    def source(self) -> ArchiveSource:
        return ArchiveSource(self.index, self.client)

    def note_problem(self, where: str, reason: str) -> None:
        entry = {"url": where, "reason": reason}
        if entry not in self.problems:
            self.problems.append(entry)

    async def finish(self, writer: SnapshotWriter) -> None:
        """Prove publication dates, then note in the snapshot what the archive gave."""
        self.proved = await prove_publication(self.index, writer)
        writer.set_meta(META_PROBLEMS, json.dumps(self.problems))
        writer.set_meta(META_REQUESTS, json.dumps(self.requests()))

    def requests(self) -> dict[str, int]:
        return {
            "index_queries": self.index.asked,
            "index_answers_cached": self.index.cache.hits,
            "replays": self.client.sent["replay"],
            "proved_dates": self.proved,
        }


@asynccontextmanager
async def archive_session(
    settings: ArchiveSettings,
    writer: SnapshotWriter,
    *,
    user_agent: str,
    guard: NetworkGuard,
    max_bytes: int,
    timeout: float,
    whole_host: Callable[[str], bool],
    on_retry: Callable[[str, str], None],
) -> AsyncIterator[ArchiveSession]:
    profile = resolve_archive(settings.archive)
    limits: dict[Kind, RateLimit] = {
        "index": shared_limit(
            profile.cdx, "index", settings.index_per_minute or profile.index_per_minute
        ),
        "replay": shared_limit(
            profile.cdx, "replay", settings.replays_per_minute or profile.replays_per_minute
        ),
    }
    day = settings.as_of or datetime.now(UTC).date()
    cutoff = end_of_day(day)
    window = months_before(cutoff, settings.window_months) if settings.time_machine else None
    writer.set_meta(META_ARCHIVE, profile.name)
    if settings.as_of is not None:
        writer.set_meta(META_AS_OF, settings.as_of.isoformat())
    async with archive_client(
        profile,
        limits=limits,
        user_agent=user_agent,
        guard=guard,
        max_bytes=max_bytes,
        timeout=timeout,
        on_retry=on_retry,
    ) as client:
        session: ArchiveSession
        index = CaptureIndex(
            client,
            IndexCache(writer.path, settings.reuse_from),
            cutoff=cutoff,
            window_start=window,
            whole_host=whole_host,
            on_problem=lambda where, reason: session.note_problem(where, reason),
        )
        session = ArchiveSession(settings, client, index)
        yield session
