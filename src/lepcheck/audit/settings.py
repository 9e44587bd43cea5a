"""What an audit is asked to do, and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lepcheck.bodies import BodyKind
from lepcheck.crawl.archive.settings import ArchiveSettings
from lepcheck.crawl.options import RenderMode
from lepcheck.models import Report, SiteModel, Waiver
from lepcheck.rules import default_framework


@dataclass(frozen=True)
class AuditSettings:
    out_dir: Path
    formats: tuple[str, ...] = ("json", "html")
    as_of: date | None = None
    framework: str | None = None  # None: the framework for the target's kind
    allow_private_network: bool = False
    delay: float = 1.0
    max_pages: int = 400
    exhaustive: bool = False  # breadth-first over everything in the budget, not best-first
    previous: Path | None = None
    related_sites: tuple[str, ...] = ()
    keep_snapshots: int | None = None
    waivers: tuple[Waiver, ...] = ()
    # A web archive: the site as it stood on archive.as_of (a time-machine audit), or only
    # the first captures that prove when documents were public (--dates-from-archive).
    archive: ArchiveSettings | None = None
    render: RenderMode = "auto"  # crawl/render: never, auto (pages built by script), always
    # Refuse a snapshot whose crawl did not finish, rather than report on it marked incomplete.
    require_complete: bool = False

    def framework_for(self, kind: BodyKind) -> str:
        """The framework asked for, else the one for this kind of body (LEPs: nlgaf-2019;
        their successors: successor-2024)."""
        return self.framework or default_framework(kind)


@dataclass
class AuditResult:
    """A checked snapshot; nothing of it is written yet (see write_audit)."""

    report: Report
    snapshot_path: Path
    site: SiteModel
    notes: list[str] = field(default_factory=list)
