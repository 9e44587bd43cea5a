"""What an audit is asked to do, and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lepcheck.models import Report, SiteModel, Waiver
from lepcheck.rules import DEFAULT_FRAMEWORK


@dataclass(frozen=True)
class AuditSettings:
    out_dir: Path
    formats: tuple[str, ...] = ("json", "html")
    as_of: date | None = None
    framework: str = DEFAULT_FRAMEWORK
    allow_private_network: bool = False
    delay: float = 1.0
    max_pages: int = 400
    previous: Path | None = None
    related_sites: tuple[str, ...] = ()
    keep_snapshots: int | None = None
    waivers: tuple[Waiver, ...] = ()
    # Refuse a snapshot whose crawl did not finish, rather than report on it marked incomplete.
    require_complete: bool = False


@dataclass
class AuditResult:
    """A checked snapshot; nothing of it is written yet (see write_audit)."""

    report: Report
    snapshot_path: Path
    site: SiteModel
    notes: list[str] = field(default_factory=list)
