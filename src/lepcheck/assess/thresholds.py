"""The thresholds a caller can set on a verdict (`--fail-under`, `--fail-on`)."""

from __future__ import annotations

from lepcheck.assess.severity import SEVERITY_ORDER, severity_rank
from lepcheck.models import Report


def threshold_breach(report: Report, fail_under: float | None, fail_on: str | None) -> str | None:
    """Why the report breaches a threshold, or None. `fail_on` is a severity (that severity
    or a higher one fails) or "any"."""
    if fail_under is not None and (report.score.overall or 0.0) < fail_under:
        return f"score {report.score.overall} is below --fail-under {fail_under:g}"
    if fail_on:
        limit = len(SEVERITY_ORDER) - 1 if fail_on == "any" else severity_rank(fail_on)
        failed = [
            f.rule_id
            for f in report.findings
            if f.status == "fail" and severity_rank(f.severity) <= limit
        ]
        if failed:
            return f"--fail-on {fail_on}: failed {', '.join(failed)}"
    return None
