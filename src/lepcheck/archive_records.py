"""What a web archive holds of a URL (issue 15): a capture, carried on a FetchRecord's index row,
a Document and an Evidence (models.py), by the crawl's archive source (crawl/archive)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from lepcheck.models_base import Frozen


class ArchiveCapture(Frozen):
    """One capture held by a web archive (issue 15): which archive, when it captured the URL, and
    the address that replays that capture's bytes as they were captured (`id_`)."""

    archive: str  # a bundled name ("ia", "ukwa", "ukgwa") or the collection's URL
    captured_at: datetime
    capture_url: str
    original_url: str = ""  # the URL as the archive recorded it (scheme and "www." may differ)
    digest: str = ""  # the archive's payload digest (SHA-1, base 32), when its index gives one
    # A revisit: the archive saw the same bytes again and stored only a pointer to this capture.
    revisit_of: datetime | None = None
    # For a first capture: True when the archive's digest showed the same bytes as ours.
    same_bytes: bool = False

    @property
    def day(self) -> date:
        """The capture's date in England, where the deadlines it is held against run."""
        return self.captured_at.astimezone(ZoneInfo("Europe/London")).date()

    def words(self) -> str:
        """ "ia at 2023-03-03 09:00 UTC (<capture URL>)", as reports name a capture."""
        when = self.captured_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
        return f"{self.archive} at {when} UTC ({self.capture_url})"
