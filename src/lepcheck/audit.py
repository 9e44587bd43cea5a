"""One audit: crawl -> snapshot -> extract -> site model -> checks -> findings -> score -> reports.

`check_snapshot` runs everything after the crawl on a stored snapshot, with no network, so a
past verdict can be reproduced exactly (design.md: checks never touch the network or clock).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from lepcheck.crawl.crawler import crawl
from lepcheck.crawl.events import CrawlEvent
from lepcheck.crawl.options import CrawlOptions
from lepcheck.extract.classify import classify_document
from lepcheck.extract.document import extract_document
from lepcheck.extract.pdf.ocr import audit_ocr_budget
from lepcheck.findings import evaluate_rules
from lepcheck.models import (
    Document,
    Evidence,
    FetchProblem,
    FetchRecord,
    Finding,
    Report,
    SiteModel,
    SnapshotRef,
    TargetInfo,
    Waiver,
)
from lepcheck.report import write_reports
from lepcheck.report.build import build_report
from lepcheck.rules import DEFAULT_FRAMEWORK, GROUP_TITLES, Ruleset, load_framework, load_ruleset
from lepcheck.site.build import build_site_model
from lepcheck.snapshot import Snapshot, find_previous_snapshot
from lepcheck.snapshot.retention import prune_snapshots
from lepcheck.waivers import apply_waivers

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


class NoLepContentError(Exception):
    """The site was crawled but holds nothing an LEP governance audit can read."""


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    url: str
    related_sites: tuple[str, ...] = ()


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
    report: Report
    written: dict[str, Path]
    snapshot_path: Path
    site: SiteModel
    notes: list[str] = field(default_factory=list)


def target_from_url(url: str, name: str | None = None) -> Target:
    host = urlsplit(url).hostname or "target"
    slug = re.sub(r"[^a-z0-9]+", "-", host.lower().removeprefix("www.")).strip("-") or "target"
    return Target(id=slug, name=name or host, url=url)


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


def archive_evidence(
    findings: Sequence[Finding], snapshot: Snapshot, out_dir: Path
) -> list[Finding]:
    """Copy each evidence document out of the WARC to evidence/<sha256>.<ext>, beside the report,
    so the report's archived links open offline and cannot change under the reader. File names
    come from the content hash, never from the URL."""
    by_hash = {r.sha256: r for r in snapshot.records() if r.sha256 and not r.error}
    archive = out_dir / ARCHIVE_DIR
    written: dict[str, str] = {}

    def archived(ev: Evidence) -> Evidence:
        record = by_hash.get(ev.sha256)
        if record is None:
            return ev
        if ev.sha256 not in written:
            media = record.content_type.split(";")[0].strip().lower()
            name = f"{ev.sha256}{EXTENSIONS.get(media, '.bin')}"
            archive.mkdir(parents=True, exist_ok=True)
            target = archive / name
            if not target.exists():
                target.write_bytes(snapshot.body(record))
            written[ev.sha256] = f"{ARCHIVE_DIR}/{name}"
        return ev.model_copy(update={"archive": written[ev.sha256]})

    return [
        f.model_copy(update={"evidence": tuple(archived(e) for e in f.evidence)}) for f in findings
    ]


def spot_check_rules(ruleset: Ruleset) -> set[str]:
    framework = load_framework(SPOT_CHECK_FRAMEWORK, ruleset.rules)
    return {rule_id for clause in framework.clauses for rule_id in clause.rules}


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
    with audit_ocr_budget():  # OCR is bounded per audit as well as per document
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
    findings = evaluate_rules(ruleset.selected(), site, ruleset.weights)
    findings = archive_evidence(findings, snapshot, settings.out_dir)
    notes: list[str] = []
    if settings.waivers:
        findings, notes = apply_waivers(findings, settings.waivers, target.id, as_of)
    info = snapshot.info
    try:
        cap = spot_check_rules(ruleset)
    except Exception:
        cap = set()
    report = build_report(
        findings=findings,
        target=TargetInfo(id=target.id, name=target.name, url=target.url),
        as_of=as_of,
        generated_at=generated_at or datetime.now(UTC),
        framework=ruleset.framework.id,
        catalogue_digest=ruleset.digest,
        snapshot=SnapshotRef(
            id=info.id,
            path=str(snapshot_path),
            records=info.records,
            skipped=info.skipped,
            skipped_by_reason=dict(Counter(s.reason for s in snapshot.skipped())),
        ),
        cap_rules=cap,
        category_titles=GROUP_TITLES,
        problems=site.problems,
    )
    written = write_reports(report, settings.out_dir, settings.formats)
    return AuditResult(
        report=report, written=written, snapshot_path=snapshot_path, site=site, notes=notes
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
