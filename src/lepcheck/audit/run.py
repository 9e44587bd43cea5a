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
from datetime import UTC, date, datetime
from pathlib import Path

from lepcheck.assess import assess, build_report
from lepcheck.audit.documents import read_documents, require_lep_content
from lepcheck.audit.evidence import with_archive_names, write_audit
from lepcheck.audit.needs import evidence_needs
from lepcheck.audit.settings import AuditResult, AuditSettings
from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.economy import META_KEY as ECONOMY_KEY
from lepcheck.crawl.economy import CrawlAccount
from lepcheck.crawl.events import CrawlEvent
from lepcheck.crawl.options import CrawlOptions
from lepcheck.extract.pdf.ocr import audit_ocr_budget
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
    archive = settings.archive
    if previous is None and settings.out_dir.is_dir():
        previous = find_previous_snapshot(settings.out_dir, target.url)
    if archive is not None:
        # The archive's answers in earlier snapshots under --out are not asked for again.
        archive = archive.model_copy(update={"reuse_from": earlier_snapshots(settings.out_dir)})
        if archive.time_machine:
            previous = None  # no conditional requests: the archive is not the site
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
        own_committees=target.body.kind != "lep",
        archive=archive,
        needs=evidence_needs(load_ruleset(settings.framework_for(target.body.kind))),
        exhaustive=settings.exhaustive,
        render=settings.render,
    )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = settings.out_dir / "snapshots" / stamp
    crawl(options, path, target_id=target.id, on_event=on_event)
    return path


def earlier_snapshots(out_dir: Path) -> tuple[Path, ...]:
    folder = out_dir / "snapshots"
    return tuple(sorted(p for p in folder.iterdir() if p.is_dir())) if folder.is_dir() else ()


def snapshot_day(snapshot: Snapshot) -> date | None:
    """The day a time-machine snapshot shows the site as it stood (checked again offline)."""
    day = snapshot.meta().get("archive_as_of")
    return date.fromisoformat(day) if day else None


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
    as_of = settings.as_of or snapshot_day(snapshot) or datetime.now(UTC).date()
    ruleset = load_ruleset(settings.framework_for(target.body.kind))
    with audit_ocr_budget():  # OCR is bounded per audit as well as per document
        documents, problems = read_documents(snapshot)
    site = build_site_model(
        documents,
        target_id=target.id,
        target_name=target.name,
        target_url=target.url,
        as_of=as_of,
        body=target.body,
        problems=problems,
    )
    require_lep_content(documents, site, finished=snapshot.finished)
    verdict = assess(site, ruleset, settings.waivers)
    verdict = replace(verdict, findings=with_archive_names(verdict.findings, snapshot))
    info = snapshot.info
    account = CrawlAccount.read(snapshot.meta().get(ECONOMY_KEY))
    report = build_report(
        verdict,
        target=TargetInfo(id=target.id, name=target.name, url=target.url, kind=target.body.kind),
        as_of=as_of,
        generated_at=generated_at or datetime.now(UTC),
        ruleset=RulesetInfo(
            framework=ruleset.framework.id,
            catalogue_digest=ruleset.digest,
            framework_title=ruleset.framework.title,
        ),
        snapshot=SnapshotRef(  # counts from the index: an unfinished snapshot.json has none
            id=info.id,
            path=str(snapshot_path),
            records=counts.records,
            skipped=counts.skipped,
            skipped_by_reason=dict(Counter(s.reason for s in snapshot.skipped())),
            complete=snapshot.finished,
            pending=counts.pending,
            stopped=account.stopped,
            sampled=account.sampled,
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
    # a mistyped framework must not cost a whole crawl
    load_ruleset(settings.framework_for(target.body.kind))
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
