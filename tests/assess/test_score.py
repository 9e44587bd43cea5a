from __future__ import annotations

import pytest

from lepcheck.assess.score import rate, score_findings
from tests.report.conftest import evidence, finding


def test_score_is_weighted_pass_share_with_partial_as_half() -> None:
    findings = [
        finding("A-01", "pass", "must", evidence=(evidence(),)),  # 3 x 1
        finding("A-02", "partial", "should"),  # 2 x 0.5
        finding("A-03", "fail", "gp"),  # 1 x 0
        finding("A-04", "manual", "must"),  # not assessed
    ]
    score = score_findings(findings)
    assert score.overall == round(100 * 4 / 6, 1)
    assert score.coverage == round(100 * 6 / 9, 1)
    assert score.counts.model_dump() == {
        "pass": 1,
        "fail": 1,
        "partial": 1,
        "unknown": 0,
        "not_applicable": 0,
        "manual": 1,
        "waived": 0,
    }


def test_unknown_and_manual_neither_help_nor_hurt_but_cut_coverage() -> None:
    base = [finding("A-01", "pass", evidence=(evidence(),)), finding("A-02", "fail")]
    with_unknown = [*base, finding("A-03", "unknown")]
    assert score_findings(base).overall == score_findings(with_unknown).overall == 50.0
    assert score_findings(with_unknown).coverage < score_findings(base).coverage


def test_failed_spot_check_must_rule_caps_green_at_amber() -> None:
    findings = [finding(f"A-{i:02}", "pass", evidence=(evidence(),)) for i in range(1, 20)]
    findings.append(finding("ROI-01", "fail"))
    assert score_findings(findings).rating == "green"
    capped = score_findings(findings, cap_rules={"ROI-01"})
    assert capped.rating == "amber"
    assert "ROI-01" in capped.rating_reason


def test_thin_evidence_is_not_rated() -> None:
    findings = [finding("A-01", "pass", evidence=(evidence(),))] + [
        finding(f"B-{i:02}", "unknown") for i in range(1, 5)
    ]
    assert score_findings(findings).rating == "not rated"


def test_by_category_groups_findings() -> None:
    score = score_findings(
        [finding("ROI-01", "fail"), finding("COI-06", "pass", evidence=(evidence(),))]
    )
    cats = {c.category: c for c in score.by_category}
    assert cats["ROI"].score == 0.0 and cats["COI"].score == 100.0


# The rating's cut-offs, at their boundaries (README "What a finding says": green >= 85,
# amber >= 60, red below; below 50% coverage the LEP is "not rated").
@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (100.0, "green"),
        (85.0, "green"),
        (84.9, "amber"),
        (60.0, "amber"),
        (59.9, "red"),
        (0.0, "red"),
    ],
)
def test_rating_cut_offs_at_their_boundaries(score: float, rating: str) -> None:
    assert rate(score, 100.0, [], ())[0] == rating


@pytest.mark.parametrize(("coverage", "rated"), [(50.0, True), (49.9, False), (0.0, False)])
def test_coverage_below_half_is_not_rated(coverage: float, rated: bool) -> None:
    rating, reason = rate(90.0, coverage, [], ())
    assert (rating != "not rated") is rated
    if not rated:
        assert reason == f"coverage {coverage:.0f}% is below 50%"


def test_coverage_of_exactly_half_is_rated_from_the_findings() -> None:
    # A must passed (weight 3) beside a must unknown (weight 3): coverage 3 of 6 = 50 %.
    findings = [finding("A-01", "pass", evidence=(evidence(),)), finding("A-02", "unknown")]
    score = score_findings(findings)
    assert score.coverage == 50.0 and score.rating == "green"
    # One more should-rule unknown (weight 2): 3 of 8 = 37.5 %, too thin to rate.
    thinner = score_findings([*findings, finding("A-03", "unknown", "should")])
    assert thinner.coverage == 37.5 and thinner.rating == "not rated"


def test_nothing_assessed_is_not_rated() -> None:
    score = score_findings([finding("A-01", "manual"), finding("A-02", "not_applicable")])
    assert score.overall is None and score.coverage == 0.0
    assert score.rating == "not rated"


def test_the_reason_names_the_score_and_the_cut_offs() -> None:
    assert rate(84.9, 100.0, [], ())[1] == "score 85 (green >= 85, amber >= 60)"


def test_the_spot_check_cap_needs_a_failed_must_rule_of_the_profile() -> None:
    passes = [finding(f"A-{i:02}", "pass", evidence=(evidence(),)) for i in range(1, 20)]
    should_failed = [*passes, finding("ROI-01", "fail", "should")]
    assert score_findings(should_failed, cap_rules={"ROI-01"}).rating == "green"
    partial = [*passes, finding("ROI-01", "partial")]
    assert score_findings(partial, cap_rules={"ROI-01"}).rating == "green"
    other_rule = [*passes, finding("ROI-02", "fail")]
    assert score_findings(other_rule, cap_rules={"ROI-01"}).rating == "green"
    # An amber LEP stays amber (the cap lowers green only), and names no cap.
    three = [finding(f"A-{i:02}", "pass", evidence=(evidence(),)) for i in range(1, 4)]
    amber = score_findings([*three, finding("ROI-01", "fail")], cap_rules={"ROI-01"})
    assert amber.overall == 75.0 and amber.rating == "amber"
    assert "capped" not in amber.rating_reason


def test_the_cap_never_raises_a_red_rating() -> None:
    findings = [finding("A-01", "pass", evidence=(evidence(),)), finding("ROI-01", "fail")] + [
        finding(f"B-{i:02}", "fail") for i in range(1, 4)
    ]
    red = score_findings(findings, cap_rules={"ROI-01"})
    assert red.overall == 20.0 and red.rating == "red"
    assert "capped" not in red.rating_reason
