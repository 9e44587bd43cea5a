from __future__ import annotations

from lepcheck.assess.score import score_findings
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
