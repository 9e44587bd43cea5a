"""The audit's files: the reports and, beside them, an offline copy of every evidence document
they cite, taken out of the snapshot's WARC files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lepcheck.models import Evidence, Finding, Report
from lepcheck.report import write_reports
from lepcheck.report.links import archive_path
from lepcheck.report.publish import write_atomically
from lepcheck.snapshot import Snapshot

ARCHIVE_DIR = "evidence"
EXTENSIONS = {
    "application/pdf": ".pdf",
    "text/html": ".html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "text/csv": ".csv",
    "text/plain": ".txt",
}


def with_archive_names(findings: Sequence[Finding], snapshot: Snapshot) -> tuple[Finding, ...]:
    """Name each evidence document's offline copy, evidence/<sha256>.<ext> beside the report,
    so the report's archived links open offline and cannot change under the reader. Names come
    from the content hash, never from the URL. Nothing is written here: `write_audit` copies
    the bytes out of the WARC when it writes the report."""
    by_hash = {r.sha256: r for r in snapshot.records() if r.sha256 and not r.error}
    # Read from a web archive: the capture is named beside the sha256 ("archived by ia at ...").
    captures = snapshot.captures()
    captured = {
        r.sha256: captures[(r.url, "source")]
        for r in by_hash.values()
        if (r.url, "source") in captures
    }

    def named(ev: Evidence) -> Evidence:
        record = by_hash.get(ev.sha256)
        if record is None:
            return ev
        media = record.content_type.split(";")[0].strip().lower()
        return ev.model_copy(
            update={
                "archive": f"{ARCHIVE_DIR}/{ev.sha256}{EXTENSIONS.get(media, '.bin')}",
                "capture": captured.get(ev.sha256),
            }
        )

    return tuple(
        f.model_copy(update={"evidence": tuple(named(e) for e in f.evidence)}) for f in findings
    )


def copy_evidence(report: Report, snapshot: Snapshot, out_dir: Path) -> None:
    """Copy every archived evidence document the report names out of the snapshot, each
    renamed into place whole (a file cut short by a kill would be taken as done next time)."""
    by_hash = {r.sha256: r for r in snapshot.records() if r.sha256 and not r.error}
    for finding in report.findings:
        for ev in finding.evidence:
            record = by_hash.get(ev.sha256)
            archive = archive_path(ev.archive)
            if archive is None or record is None:
                continue
            target = out_dir / archive
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(target, snapshot.body(record))


def write_audit(
    report: Report,
    snapshot_path: Path,
    out_dir: Path,
    formats: tuple[str, ...],
    also: Mapping[str, bytes] | None = None,
) -> dict[str, Path]:
    """Write an audit's reports (with `also`, more files of the same run, as one set) and
    the evidence they link to, once, into `out_dir`: the evidence first, so no report is
    ever shown whose archived copies are not there yet."""
    copy_evidence(report, Snapshot.open(snapshot_path), out_dir)
    return write_reports(report, out_dir, formats, also=also)
