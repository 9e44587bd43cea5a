"""Writing the statement: statement.json, statement.html and statement.docx, published with
the report it rests on (report.json, report.html) as one set, and the archived evidence they
link to copied beside them."""

from __future__ import annotations

from pathlib import Path

from lepcheck.assess.statement import Statement
from lepcheck.audit import write_audit
from lepcheck.models import Report
from lepcheck.report import write_reports
from lepcheck.report.links import archive_path
from lepcheck.report.publish import write_atomically
from lepcheck.report.statement_docx import render_statement_docx
from lepcheck.report.statement_html import render_statement_html

STATEMENT_FILES = {"json": "statement.json", "html": "statement.html", "docx": "statement.docx"}
REPORT_FORMATS = ("json", "html")


def copy_archived_evidence(statement: Statement, evidence_root: Path, out_dir: Path) -> None:
    """Copy the archived evidence the statement links to beside it, so the statement folder
    opens offline on its own. Archive paths come from report.json, hence the checks."""
    if evidence_root.resolve() == out_dir.resolve():
        return
    for row in statement.requirements:
        for ev in row.evidence:
            archive = archive_path(ev.archive)
            if archive is None:
                continue
            source, target = evidence_root / archive, out_dir / archive
            if source.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(target, source.read_bytes())


def statement_files(statement: Statement) -> dict[str, bytes]:
    return {
        STATEMENT_FILES["json"]: (statement.model_dump_json(indent=2) + "\n").encode("utf-8"),
        STATEMENT_FILES["html"]: render_statement_html(statement).encode("utf-8"),
        STATEMENT_FILES["docx"]: render_statement_docx(statement),
    }


def write_statement(
    statement: Statement,
    report: Report,
    out_dir: Path,
    *,
    evidence_root: Path,
    snapshot_path: Path | None = None,
) -> dict[str, Path]:
    """Write the statement and the report it rests on into `out_dir` as one set, so a kill
    never leaves a new statement beside an old report. With `snapshot_path` (the statement
    ran the audit) the evidence comes from the snapshot, else from `evidence_root`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_archived_evidence(statement, evidence_root, out_dir)
    files = statement_files(statement)
    if snapshot_path is None:
        write_reports(report, out_dir, REPORT_FORMATS, also=files)
    else:
        write_audit(report, snapshot_path, out_dir, REPORT_FORMATS, also=files)
    return {fmt: out_dir / name for fmt, name in STATEMENT_FILES.items()}
