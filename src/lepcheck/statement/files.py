"""Writing the statement: statement.json, statement.html and statement.docx, with the archived
evidence they link to copied beside them."""

from __future__ import annotations

import shutil
from pathlib import Path

from lepcheck.assess.statement import Statement
from lepcheck.report.statement_docx import write_statement_docx
from lepcheck.report.statement_html import render_statement_html

STATEMENT_FILES = {"json": "statement.json", "html": "statement.html", "docx": "statement.docx"}


def copy_archived_evidence(statement: Statement, evidence_root: Path, out_dir: Path) -> None:
    """Copy the archived evidence the statement links to beside it, so the statement folder
    opens offline on its own. Archive paths come from report.json, hence the checks."""
    if evidence_root.resolve() == out_dir.resolve():
        return
    for row in statement.requirements:
        for ev in row.evidence:
            archive = ev.archive or ""
            if not archive.startswith("evidence/") or ".." in archive or "\\" in archive:
                continue
            source, target = evidence_root / archive, out_dir / archive
            if source.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


def write_statement(statement: Statement, out_dir: Path, evidence_root: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_archived_evidence(statement, evidence_root, out_dir)
    paths = {fmt: out_dir / name for fmt, name in STATEMENT_FILES.items()}
    paths["json"].write_text(statement.model_dump_json(indent=2) + "\n", encoding="utf-8")
    paths["html"].write_text(render_statement_html(statement), encoding="utf-8")
    write_statement_docx(statement, paths["docx"])
    return paths
