"""What a sweep is asked to do, and each LEP's line in its results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from lepcheck.audit import AuditSettings
from lepcheck.crawl.archive import ArchiveSettings
from lepcheck.crawl.options import RenderMode
from lepcheck.inputs.registry import LepEntry, unknown_id_error
from lepcheck.rules import DEFAULT_FRAMEWORK

Outcome = Literal["audited", "unreachable", "error", "skipped"]
DEFAULT_WORKERS = 4


@dataclass(frozen=True)
class SweepSettings:
    out_dir: Path
    as_of: date | None = None
    framework: str = DEFAULT_FRAMEWORK
    formats: tuple[str, ...] = ("json", "html")
    allow_private_network: bool = False
    delay: float = 1.0
    max_pages: int = 400
    related_sites: tuple[str, ...] = ()
    workers: int = DEFAULT_WORKERS
    exhaustive: bool = False
    render: RenderMode = "auto"
    # A web archive (--archive with --as-of, or --dates-from-archive); its rate limits are
    # shared by the sweep's parallel audits (crawl/archive/rates.py).
    archive: ArchiveSettings | None = None

    @property
    def time_machine_day(self) -> date | None:
        return self.as_of if self.archive is not None and self.archive.time_machine else None

    def for_lep(self, lep_id: str) -> AuditSettings:
        return AuditSettings(
            out_dir=self.out_dir / lep_id,
            formats=self.formats,
            as_of=self.as_of,
            framework=self.framework,
            allow_private_network=self.allow_private_network,
            delay=self.delay,
            max_pages=self.max_pages,
            related_sites=self.related_sites,
            archive=self.archive,
            exhaustive=self.exhaustive,
            render=self.render,
        )


@dataclass(frozen=True)
class SweepEntry:
    """One LEP's line in the league table and sweep.json."""

    id: str
    name: str
    website: str | None
    outcome: Outcome
    reason: str = ""
    score: float | None = None
    coverage: float | None = None
    rating: str | None = None
    must_failed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    report: str | None = None  # relative to the sweep folder
    run_id: int | None = None
    lost_must_passes: tuple[str, ...] = ()
    seconds: float = 0.0


@dataclass(frozen=True)
class SweepProgressEvent:
    lep_id: str
    stage: Literal["queued", "waiting", "crawling", "checking", "done"]
    detail: str = ""


def select_leps(
    registry: Mapping[str, LepEntry], only: Sequence[str] = (), on: date | None = None
) -> tuple[list[LepEntry], list[SweepEntry]]:
    """The LEPs to audit, and those skipped with the reason (no website; closed unless named).
    `on`: a sweep of web-archive captures of that day, the site in use and the LEP open then."""
    wanted = [registry.get(i.lower()) or raise_unknown(i, registry) for i in only]
    # A sweep is of the LEPs unless --only names other bodies.
    chosen = wanted or [e for e in registry.values() if e.kind == "lep"]
    to_audit, skipped = [], []
    for lep in chosen:
        reason = ""
        closed = lep.status == "closed" and (
            on is None or lep.closed_on is None or on > lep.closed_on
        )
        if not lep.website_on(on):
            reason = "no website in the registry; add it with --registry FILE"
        elif closed and not only:
            successor = f"; successor {lep.successor}" if lep.successor else ""
            reason = f"closed on {lep.closed_on}{successor}; name it in --only to audit it anyway"
        if reason:
            skipped.append(
                SweepEntry(
                    id=lep.id, name=lep.name, website=lep.website, outcome="skipped", reason=reason
                )
            )
        else:
            to_audit.append(lep)
    return to_audit, skipped


def raise_unknown(wanted: str, registry: Mapping[str, LepEntry]) -> LepEntry:
    raise unknown_id_error(wanted, registry)
