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


def test_fail_under_is_strictly_below() -> None:
    report = make_report([finding("ROI-01", "fail", "should"), finding("COND-02", "pass", "must")])
    assert report.score.overall == 60.0
    assert threshold_breach(report, 60.0, None) is None  # at the threshold: not below it
    assert threshold_breach(report, 60.1, None) == "score 60.0 is below --fail-under 60.1"


def test_fail_on_counts_that_severity_and_higher_only() -> None:
    report = make_report([finding("POL-01", "fail", "gp"), finding("ROI-01", "partial", "must")])
    assert threshold_breach(report, None, "must") is None  # a partial is not a failure
    assert threshold_breach(report, None, "should") is None  # gp is below should
    assert threshold_breach(report, None, "gp") == "--fail-on gp: failed POL-01"


def test_fail_on_any_counts_every_severity_down_to_good_practice() -> None:
    report = make_report([finding("POL-01", "fail", "gp"), finding("COND-02", "pass", "must")])
    assert threshold_breach(report, None, "any") == "--fail-on any: failed POL-01"
    assert threshold_breach(report, None, "should") is None


def test_a_report_with_nothing_assessed_scores_zero_against_fail_under() -> None:
    report = make_report([finding("ROI-01", "unknown", "must"), finding("COND-02", "manual")])
    assert report.score.overall is None
    assert threshold_breach(report, 0.5, None) == "score None is below --fail-under 0.5"
    assert threshold_breach(report, 0.0, None) is None  # zero is not below zero
