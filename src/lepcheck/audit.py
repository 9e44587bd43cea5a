"""One audit: crawl -> snapshot -> extract -> site model -> verdict (assess) -> reports.

`check_snapshot` runs everything after the crawl on a stored snapshot, with no network and
without writing anything, so a past verdict can be reproduced exactly (design.md: checks never
touch the network or clock). `write_audit` writes the reports and their evidence once, when
the caller has the final report (a sweep first carries the last action plan forward).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from lepcheck.assess import assess, build_report
from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.events import CrawlEvent
from lepcheck.crawl.options import CrawlOptions
from lepcheck.errors import NoLepContentError
from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.inputs.registry import Target
from lepcheck.models import (
    Document,
    Evidence,
    FetchProblem,
    FetchRecord,
    Finding,
    Report,
    RulesetInfo,
    SiteModel,
    SnapshotRef,
    TargetInfo,
    Waiver,
)
from lepcheck.report import write_reports
from lepcheck.rules import DEFAULT_FRAMEWORK, load_ruleset
from lepcheck.site.build import build_site_model
from lepcheck.snapshot import Snapshot, find_previous_snapshot
from lepcheck.snapshot.retention import prune_snapshots

SPOT_CHECK_FRAMEWORK = "spot-check"
ARCHIVE_DIR = "evidence"
EXTENSIONS = {
    "application/pdf": ".pdf",
    "text/html": ".html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "text/csv": ".csv",
    "text/plain": ".txt",
}


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


@dataclass
class AuditResult:
    """A checked snapshot; nothing of it is written yet (see write_audit)."""

    report: Report
    snapshot_path: Path
    site: SiteModel
    notes: list[str] = field(default_factory=list)


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
    )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = settings.out_dir / "snapshots" / stamp
    crawl(options, path, target_id=target.id, on_event=on_event)
    return path


def problem_of(record: FetchRecord) -> FetchProblem | None:
    if record.error:
        return FetchProblem(url=record.url, reason=record.error, link_text=record.link_text)
    if record.status >= 400:
        return FetchProblem(
            url=record.url, reason=f"HTTP {record.status}", link_text=record.link_text
        )
    return None


def read_documents(snapshot: Snapshot) -> tuple[list[Document], list[FetchProblem]]:
    """Extract and classify every successfully fetched response once (by final URL).
    robots.txt and sitemaps are the crawler's own business, not the site's content."""
    records = snapshot.content_records()
    link_texts: dict[str, list[str]] = {}
    for record in records:
        if record.link_text:
            for key in (record.url, record.final_url):
                link_texts.setdefault(key, []).append(record.link_text)
    documents: list[Document] = []
    problems: list[FetchProblem] = []
    seen: set[str] = set()
    for record in records:
        problem = problem_of(record)
        if problem is not None:
            problems.append(problem)
            continue
        if not (200 <= record.status < 300) or record.final_url in seen:
            continue
        seen.add(record.final_url)
        texts = tuple(
            dict.fromkeys(link_texts.get(record.url, []) + link_texts.get(record.final_url, []))
        )
        document = extract_document(record, snapshot.body(record), link_texts=texts)
        documents.append(classify_document(document))
    return documents, problems


def require_lep_content(documents: Sequence[Document], site: SiteModel) -> None:
    governance = [d for d in documents if d.kind != "other" and d.kind_confidence >= 0.5]
    if not governance and not site.board:
        raise NoLepContentError(
            f"{site.target_url} was crawled ({len(documents)} page(s) read) but holds no LEP "
            "governance content (no board, policies, registers, agendas or minutes); check the URL"
        )


def with_archive_names(findings: Sequence[Finding], snapshot: Snapshot) -> tuple[Finding, ...]:
    """Name each evidence document's offline copy, evidence/<sha256>.<ext> beside the report,
    so the report's archived links open offline and cannot change under the reader. Names come
    from the content hash, never from the URL. Nothing is written here: `write_audit` copies
    the bytes out of the WARC when it writes the report."""
    by_hash = {r.sha256: r for r in snapshot.records() if r.sha256 and not r.error}

    def named(ev: Evidence) -> Evidence:
        record = by_hash.get(ev.sha256)
        if record is None:
            return ev
        media = record.content_type.split(";")[0].strip().lower()
        return ev.model_copy(
            update={"archive": f"{ARCHIVE_DIR}/{ev.sha256}{EXTENSIONS.get(media, '.bin')}"}
        )

    return tuple(
        f.model_copy(update={"evidence": tuple(named(e) for e in f.evidence)}) for f in findings
    )


def copy_evidence(report: Report, snapshot: Snapshot, out_dir: Path) -> None:
    """Copy every archived evidence document the report names out of the snapshot."""
    by_hash = {r.sha256: r for r in snapshot.records() if r.sha256 and not r.error}
    for finding in report.findings:
        for ev in finding.evidence:
            record = by_hash.get(ev.sha256)
            if ev.archive is None or record is None:
                continue
            target = out_dir / ev.archive
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(snapshot.body(record))


def write_audit(
    report: Report, snapshot_path: Path, out_dir: Path, formats: tuple[str, ...]
) -> dict[str, Path]:
    """Write an audit's reports and the evidence they link to, once, into `out_dir`."""
    copy_evidence(report, Snapshot.open(snapshot_path), out_dir)
    return write_reports(report, out_dir, formats)


def check_snapshot(
    snapshot_path: Path,
    target: Target,
    settings: AuditSettings,
    *,
    generated_at: datetime | None = None,
) -> AuditResult:
    snapshot = Snapshot.open(snapshot_path)
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
    require_lep_content(documents, site)
    verdict = assess(site, ruleset, settings.waivers)
    verdict = replace(verdict, findings=with_archive_names(verdict.findings, snapshot))
    info = snapshot.info
    report = build_report(
        verdict,
        target=TargetInfo(id=target.id, name=target.name, url=target.url),
        as_of=as_of,
        generated_at=generated_at or datetime.now(UTC),
        ruleset=RulesetInfo(framework=ruleset.framework.id, catalogue_digest=ruleset.digest),
        snapshot=SnapshotRef(
            id=info.id,
            path=str(snapshot_path),
            records=info.records,
            skipped=info.skipped,
            skipped_by_reason=dict(Counter(s.reason for s in snapshot.skipped())),
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
