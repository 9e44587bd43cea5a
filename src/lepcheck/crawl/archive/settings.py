"""What one crawl asks of a web archive: read the site from it as it stood on a day (a
time-machine crawl, `as_of` set), or only prove when the documents of a live crawl were public
(`--dates-from-archive`), and at what rates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lepcheck.models import Frozen

DEFAULT_WINDOW_MONTHS = 18


class ArchiveSettings(Frozen):
    archive: str  # a bundled name (ia, ukwa, ukgwa) or a collection URL
    # The day the site is seen as it stood (the end of it, Europe/London); None: a live crawl
    # that only asks the archive for first captures.
    as_of: date | None = None
    # Captures older than this before `as_of` are stale: reported, never used.
    window_months: int = DEFAULT_WINDOW_MONTHS
    index_per_minute: float | None = None  # None: the archive's default (profiles.py)
    replays_per_minute: float | None = None
    # Earlier snapshot folders whose index answers may be reused (no query asked twice).
    reuse_from: tuple[Path, ...] = ()

    @property
    def time_machine(self) -> bool:
        return self.as_of is not None
