"""The action plan: one action per shortfall, must first, and last run's plan carried forward."""

from __future__ import annotations

from datetime import date

from lepcheck.assess.actions import action_plan, carry_forward_actions
from tests.history.builders import action, finding
from tests.report.conftest import finding as report_finding


def test_failures_and_partials_get_actions_must_first_failures_before_partials() -> None:
    findings = [
        report_finding("POL-02", "partial", "must"),
        report_finding("ROI-01", "fail", "should"),
        report_finding("COND-02", "pass", "must"),
        report_finding("MEET-01", "fail", "must"),
        report_finding("FIN-01", "unknown", "must"),
    ]
    plan = action_plan(findings, date(2023, 11, 30))
    assert [a.rule_id for a in plan] == ["MEET-01", "POL-02", "ROI-01"]
    by_rule = {a.rule_id: a for a in plan}
    assert by_rule["MEET-01"].target_date == date(2023, 12, 30)  # must: 30 days
    assert by_rule["ROI-01"].target_date == date(2024, 2, 28)  # should: 90 days
    assert by_rule["POL-02"].recommendation.startswith(
        "Requirement POL-02 is met (currently partial"
    )
    assert all(a.status == "Not started" for a in plan)


def test_action_plan_is_carried_forward() -> None:
    previous = [
        action("POL-01", due=date(2023, 12, 30)),  # rule now passes
        action("POL-02", due=date(2023, 12, 30)),  # still failing
        action("POL-03", status="Complete"),  # closed last time, passes still
    ]
    current = [
        action("POL-02", due=date(2024, 3, 1)).model_copy(update={"recommendation": "new wording"}),
        action("POL-04", due=date(2024, 3, 1)),  # a new shortfall
    ]
    findings = [
        finding("POL-01", "pass"),
        finding("POL-02", "fail"),
        finding("POL-03", "pass"),
        finding("POL-04", "fail", severity="should"),
    ]
    merged = {a.rule_id: a for a in carry_forward_actions(previous, current, findings)}
    assert set(merged) == {"POL-01", "POL-02", "POL-04"}
    assert merged["POL-01"].status == "Complete"
    assert merged["POL-02"].status == "Ongoing"
    assert merged["POL-02"].target_date == date(2023, 12, 30)  # the deadline does not move
    assert merged["POL-02"].recommendation == "new wording"
    assert merged["POL-04"].status == "Not started"
    ordered = [a.rule_id for a in carry_forward_actions(previous, current, findings)]
    assert ordered == ["POL-01", "POL-02", "POL-04"]  # must before should
