"""--fail-under and --fail-on, decided on the report."""

from __future__ import annotations

from lepcheck.assess.thresholds import threshold_breach
from tests.report.conftest import finding, make_report


def test_thresholds_name_what_breached_them() -> None:
    report = make_report([finding("ROI-01", "fail", "should"), finding("COND-02", "pass", "must")])
    assert threshold_breach(report, None, "must") is None
    assert threshold_breach(report, None, "should") == "--fail-on should: failed ROI-01"
    assert threshold_breach(report, None, "any") == "--fail-on any: failed ROI-01"
    assert threshold_breach(report, 40.0, None) is None
    assert threshold_breach(report, 90.0, None) == "score 60.0 is below --fail-under 90"
