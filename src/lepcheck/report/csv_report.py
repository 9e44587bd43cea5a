"""report.csv: one row per finding, for spreadsheets. Cells that a spreadsheet would run as a
formula (=, +, -, @) are prefixed with a quote, since crawled text is hostile.

A report whose crawl did not finish starts with one banner row above the header, so neither
a person nor a script can take it for a whole one (report.json says `snapshot.complete`)."""

from __future__ import annotations

import csv
import io

from lepcheck.models import Report
from lepcheck.report.incomplete import incomplete_notice

COLUMNS = (
    "rule_id",
    "category",
    "severity",
    "status",
    "title",
    "message",
    "evidence_url",
    "evidence_locator",
    "evidence_quote",
    "evidence_sha256",
    "fetched_at",
    "archive",
    "archive_capture",
)


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    notice = incomplete_notice(report)
    if notice:
        writer.writerow([notice])
    writer.writerow(COLUMNS)
    for f in report.findings:
        ev = f.evidence[0] if f.evidence else None
        writer.writerow(
            [
                cell(v)
                for v in (
                    f.rule_id,
                    f.category,
                    f.severity,
                    f.status,
                    f.title,
                    f.message,
                    ev.url if ev else "",
                    ev.locator if ev else "",
                    ev.quote if ev else "",
                    ev.sha256 if ev else "",
                    ev.fetched_at.isoformat() if ev and ev.fetched_at else "",
                    ev.archive if ev else "",
                    # Read from a web archive: "ARCHIVE at TIME UTC (capture URL)" (issue 15).
                    ev.capture.words() if ev and ev.capture else "",
                )
            ]
        )
    return out.getvalue()
