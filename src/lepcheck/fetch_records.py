"""What the crawler records and the snapshot keeps: one row per fetch, the URLs seen and not
fetched, and the snapshot's own summary. Frozen like every cross-stage model; models.py
re-exports them, so stages import them from there."""

from __future__ import annotations

from datetime import datetime

from lepcheck.models_base import Frozen


class FetchRecord(Frozen):
    """One row of a snapshot's index: what was fetched, when, and where its bytes are."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    length: int = 0
    sha256: str = ""
    fetched_at: datetime
    last_modified: datetime | None = None
    etag: str | None = None
    warc_file: str = ""
    warc_offset: int = -1
    first_seen: datetime
    via: str | None = None
    link_text: str | None = None
    depth: int = 0
    truncated: bool = False
    error: str | None = None


class SkippedURL(Frozen):
    """A URL the crawler saw and did not fetch, with its reason (off-site, robots, ...)."""

    url: str
    reason: str
    via: str | None = None


class SnapshotInfo(Frozen):
    id: str
    target_url: str
    path: str
    started_at: datetime
    finished_at: datetime | None = None
    records: int = 0
    skipped: int = 0
