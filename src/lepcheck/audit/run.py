"""One audit: crawl -> snapshot -> extract -> site model -> verdict (assess) -> reports.

`check_snapshot` runs everything after the crawl on a stored snapshot, with no network and
without writing anything, so a past verdict can be reproduced exactly (design.md: checks never
touch the network or clock). `write_audit` writes the reports and their evidence once, when
the caller has the final report (a sweep first carries the last action plan forward).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from lepcheck.assess import assess, build_report
from lepcheck.audit.documents import read_documents, require_lep_content
from lepcheck.audit.evidence import with_archive_names, write_audit
from lepcheck.audit.settings import AuditResult, AuditSettings
from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.events import CrawlEvent
from lepcheck.crawl.options import CrawlOptions
from lepcheck.inputs.registry import Target
from lepcheck.models import RulesetInfo, SnapshotRef, TargetInfo
from lepcheck.rules import load_ruleset
from lepcheck.site.build import build_site_model
from lepcheck.snapshot import Snapshot, UnfinishedSnapshotError, find_previous_snapshot
from lepcheck.snapshot.retention import prune_snapshots


def crawl_target(
    target: Target,
    settings: AuditSettings,
    on_event: Callable[[CrawlEvent], None] | None = None,
) -> Path:
    previous = settings.previous
    if previous is None and settings.out_dir.is_dir():
        previous = find_previous_snapshot(settings.out_dir, target.url)
    options = CrawlOptions(
        start_url=target.url,
        related_sites=tuple(dict.fromkeys((*target.related_sites, *settings.related_sites))),
        allow_private_network=settings.allow_private_network,
        delay=settings.delay,
        max_pages=settings.max_pages,
        previous=previous,
        lep_name=target.name,
        as_of=settings.as_of,
        related_committees=target.related_committees,
    )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = settings.out_dir / "snapshots" / stamp
    crawl(options, path, target_id=target.id, on_event=on_event)
    return path


def check_snapshot(
    snapshot_path: Path,
    target: Target,
    settings: AuditSettings,
    *,
    generated_at: datetime | None = None,
) -> AuditResult:
    snapshot = Snapshot.open(snapshot_path)
    counts = snapshot.counts()
    if not snapshot.finished and settings.require_complete:
        raise UnfinishedSnapshotError(
            f"{snapshot_path}: the crawl of this snapshot did not finish ({counts.records} "
            f"responses, {counts.pending} URLs still queued); resume it with `lepcheck crawl "
            f"{target.url} --out {snapshot_path.parent.parent} --resume`, or leave out "
            "--require-complete for a report marked incomplete"
        )
    as_of = settings.as_of or datetime.now(UTC).date()
    ruleset = load_ruleset(settings.framework)
    documents, problems = read_documents(snapshot)
    site = build_site_model(
        documents,
        target_id=target.id,
        target_name=target.name,
        target_url=target.url,
        as_of=as_of,
        problems=problems,
    )
    require_lep_content(documents, site, finished=snapshot.finished)
    verdict = assess(site, ruleset, settings.waivers)
    verdict = replace(verdict, findings=with_archive_names(verdict.findings, snapshot))
    info = snapshot.info
    report = build_report(
        verdict,
        target=TargetInfo(id=target.id, name=target.name, url=target.url),
        as_of=as_of,
        generated_at=generated_at or datetime.now(UTC),
        ruleset=RulesetInfo(framework=ruleset.framework.id, catalogue_digest=ruleset.digest),
        snapshot=SnapshotRef(  # counts from the index: an unfinished snapshot.json has none
            id=info.id,
            path=str(snapshot_path),
            records=counts.records,
            skipped=counts.skipped,
            skipped_by_reason=dict(Counter(s.reason for s in snapshot.skipped())),
            complete=snapshot.finished,
            pending=counts.pending,
        ),
        problems=site.problems,
    )
    return AuditResult(
        report=report, snapshot_path=snapshot_path, site=site, notes=list(verdict.notes)
    )


def audit(
    target: Target,
    settings: AuditSettings,
    on_event: Callable[[CrawlEvent], None] | None = None,
) -> AuditResult:
    load_ruleset(settings.framework)  # a mistyped framework must not cost a whole crawl
    snapshot_path = crawl_target(target, settings, on_event)
    result = check_snapshot(snapshot_path, target, settings)
    if settings.keep_snapshots is not None:
        pruned = prune_snapshots(settings.out_dir, target.url, settings.keep_snapshots)
        result.notes.extend(f"deleted old snapshot {path}" for path in pruned)
    return result


def audit_and_write(
    target: Target,
    settings: AuditSettings,
    on_event: Callable[[CrawlEvent], None] | None = None,
) -> tuple[AuditResult, dict[str, Path]]:
    """Audit, then write the reports (settings.formats) and their evidence to settings.out_dir."""
    result = audit(target, settings, on_event)
    written = write_audit(result.report, result.snapshot_path, settings.out_dir, settings.formats)
    return result, written
