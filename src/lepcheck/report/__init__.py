"""Reports: JSON (the contract), HTML (people), Markdown (email, wikis), CSV, JUnit XML (CI)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lepcheck.models import Report
from lepcheck.report.csv_report import render_csv
from lepcheck.report.html_report import render_html
from lepcheck.report.json_report import render_json
from lepcheck.report.junit import render_junit
from lepcheck.report.markdown import render_markdown

RENDERERS: dict[str, tuple[str, Callable[[Report], str]]] = {
    "json": ("report.json", render_json),
    "html": ("report.html", render_html),
    "md": ("report.md", render_markdown),
    "csv": ("report.csv", render_csv),
    "junit": ("report.junit.xml", render_junit),
}
FORMATS = tuple(RENDERERS)


def write_reports(report: Report, out_dir: Path, formats: tuple[str, ...]) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt in formats:
        name, render = RENDERERS[fmt]
        path = out_dir / name
        path.write_text(render(report), encoding="utf-8")
        written[fmt] = path
    return written
