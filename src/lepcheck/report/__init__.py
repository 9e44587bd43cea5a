"""Reports: JSON (the contract), HTML (people), Markdown (email, wikis), CSV, JUnit XML (CI).

A run's reports are rendered first, then published together (report.publish): a renderer
that fails writes nothing, and a kill while writing leaves the previous set whole."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from lepcheck.models import Report
from lepcheck.report.csv_report import render_csv
from lepcheck.report.html_report import render_html
from lepcheck.report.json_report import render_json
from lepcheck.report.junit import render_junit
from lepcheck.report.markdown import render_markdown
from lepcheck.report.publish import publish

RENDERERS: dict[str, tuple[str, Callable[[Report], str]]] = {
    "json": ("report.json", render_json),
    "html": ("report.html", render_html),
    "md": ("report.md", render_markdown),
    "csv": ("report.csv", render_csv),
    "junit": ("report.junit.xml", render_junit),
}
FORMATS = tuple(RENDERERS)


REPORT_FILES = tuple(name for name, _ in RENDERERS.values())


def write_reports(
    report: Report,
    out_dir: Path,
    formats: tuple[str, ...],
    *,
    also: Mapping[str, bytes] | None = None,
    keep_others: bool = False,
) -> dict[str, Path]:
    """Render `formats` and publish them, with `also` (more files of the same run, such as
    the statement's), as one set replacing the one in `out_dir`; with `keep_others`, files
    of the current set this run does not rewrite are kept in it (a re-render in place).
    Returns each format's path."""
    files = {RENDERERS[fmt][0]: RENDERERS[fmt][1](report).encode("utf-8") for fmt in formats}
    paths = publish(out_dir, {**files, **(also or {})}, keep=keep_others, known=REPORT_FILES)
    return {fmt: paths[RENDERERS[fmt][0]] for fmt in formats}
