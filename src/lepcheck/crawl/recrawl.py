"""Re-crawl against a previous snapshot: ask each server whether a page changed since we last
archived it (If-None-Match, If-Modified-Since), and after a 304 carry the earlier body over,
so the new snapshot stands on its own and the page keeps the date we first saw it."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from lepcheck.models import FetchRecord
from lepcheck.snapshot.errors import SnapshotError
from lepcheck.snapshot.reader import Snapshot

# HTTP headers and body of a response read back from a previous snapshot.
ArchivedResponse = tuple[list[tuple[str, str]], bytes]


class PreviousSnapshot:
    """The earlier snapshot of the site, when there is one that can be read."""

    def __init__(self, path: Path | None) -> None:
        self.snapshot: Snapshot | None = None
        self.records: dict[str, FetchRecord] = {}
        if path is None:
            return
        try:
            snapshot = Snapshot.open(path)
            records = snapshot.records()
            # A page rendered last time is asked for in full: what it shows also depends on
            # the responses its scripts load, which a 304 for the page does not vouch for.
            rendered = {r.url for r in snapshot.rendered_records()}
        except SnapshotError:
            return
        self.snapshot = snapshot
        self.records = {
            r.url: r
            for r in records
            if 200 <= r.status < 300 and not r.truncated and r.sha256 and r.url not in rendered
        }

    def record_of(self, url: str) -> FetchRecord | None:
        return self.records.get(url)

    def read(self, previous: FetchRecord | None) -> ArchivedResponse | None:
        """The archived response a 304 refers to, or None when it cannot be read back."""
        if previous is None or self.snapshot is None:
            return None
        try:
            return self.snapshot.response(previous)
        except SnapshotError:
            return None


def conditional_headers(previous: FetchRecord | None) -> dict[str, str]:
    if previous is None:
        return {}
    headers: dict[str, str] = {}
    if previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified.astimezone(UTC).strftime(
            "%a, %d %b %Y %H:%M:%S GMT"
        )
    return headers
