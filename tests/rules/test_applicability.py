"""Whom and when a rule binds: kinds, in-force dates and a council's conditions."""

from __future__ import annotations

from datetime import date

from lepcheck.assess.findings import evaluate_rule
from lepcheck.bodies import Body
from lepcheck.rule_cases import make_site
from lepcheck.rules import Rule, framework_weights, load_framework, load_rules
from lepcheck.rules.applicability import not_applicable_reason, undecided_conditions

RULES = {r.id: r for r in load_rules()}
COUNCIL = Body(kind="upper_tier_council")


def council_rule(**update: object) -> Rule:
    """A LEP rule re-scoped as a council's, to test the mechanism on a known check."""
    base = {
        "applies_to": ("upper_tier_council",),
        "in_force_from": date(2012, 9, 10),
        "in_force_until": None,
    }
    return RULES["POL-02"].model_copy(update={**base, **update})


def test_every_lep_rule_binds_leps_until_the_end_of_march_2024() -> None:
    lep_groups = {"WEB", "ASSUR", "COND", "COI", "ROI", "MEET", "DEC"}
    lep_groups |= {"FIN", "BOARD", "POL", "SCRUT", "STRAT"}
    lep_rules = [r for r in RULES.values() if r.group in lep_groups]
    assert len(lep_rules) == 92
    for rule in lep_rules:
        assert rule.applies_to == ("lep",), rule.id
        assert rule.in_force_until == date(2024, 3, 31), rule.id
        assert rule.basis in ("guidance", "good_practice"), rule.id


def test_a_lep_rule_binds_an_lep_on_the_last_day_of_march_2024_and_not_after() -> None:
    rule = RULES["POL-02"]
    assert not_applicable_reason(rule, Body(), date(2024, 3, 31)) is None
    reason = not_applicable_reason(rule, Body(), date(2024, 4, 1))
    assert reason is not None and "no longer in force on 2024-04-01" in reason
    assert "2024-03-31" in reason


def test_a_lep_rule_does_not_bind_a_council_whatever_the_day() -> None:
    reason = not_applicable_reason(RULES["POL-02"], COUNCIL, date(2023, 6, 1))
    assert reason is not None
    assert "Local Enterprise Partnerships" in reason and "upper-tier council" in reason


def test_a_rule_not_yet_in_force_says_from_when() -> None:
    rule = council_rule(in_force_from=date(2024, 4, 1))
    reason = not_applicable_reason(rule, COUNCIL, date(2024, 3, 1))
    assert reason is not None and "binds from 2024-04-01" in reason


def test_a_committee_system_council_is_not_bound_by_executive_duties() -> None:
    rule = council_rule(conditions=("executive_arrangements",))
    committee = Body(kind="upper_tier_council", governance="committee")
    reason = not_applicable_reason(rule, committee, date(2024, 6, 1))
    assert reason is not None and "committee system" in reason
    executive = Body(kind="upper_tier_council", governance="executive")
    assert not_applicable_reason(rule, executive, date(2024, 6, 1)) is None


def test_conditions_are_a_councils_alone() -> None:
    rule = council_rule(
        applies_to=("upper_tier_council", "combined_authority"),
        conditions=("executive_arrangements",),
    )
    authority = Body(kind="combined_authority")
    assert not_applicable_reason(rule, authority, date(2024, 6, 1)) is None
    assert undecided_conditions(rule, authority) == ()


def test_a_function_the_registry_denies_makes_the_rule_not_applicable() -> None:
    rule = council_rule(conditions=("housing_revenue_account",))
    without = Body(kind="upper_tier_council", functions=("parking_authority",))
    assert not_applicable_reason(rule, without, date(2024, 6, 1)) is not None
    unknown = Body(kind="upper_tier_council")
    assert not_applicable_reason(rule, unknown, date(2024, 6, 1)) is None
    assert undecided_conditions(rule, unknown) == ("housing_revenue_account",)


def test_an_undecided_condition_turns_a_fail_into_unknown_never_a_silent_result() -> None:
    rule = council_rule(conditions=("executive_arrangements",))
    empty = {"as_of": date(2024, 6, 1), "documents": [{"url": "https://c.test/", "title": "Home"}]}
    unknown = evaluate_rule(rule, make_site({**empty, "body": {"kind": "upper_tier_council"}}))
    assert unknown.status == "unknown"
    assert "governance: executive | committee" in unknown.message
    executive = {"kind": "upper_tier_council", "governance": "executive"}
    assert evaluate_rule(rule, make_site({**empty, "body": executive})).status == "fail"
    committee = {"kind": "upper_tier_council", "governance": "committee"}
    finding = evaluate_rule(rule, make_site({**empty, "body": committee}))
    assert finding.status == "not_applicable" and "committee system" in finding.message


def test_a_lep_audited_after_march_2024_finds_every_lep_rule_not_applicable() -> None:
    site = make_site({"as_of": date(2024, 5, 1)})
    finding = evaluate_rule(RULES["POL-02"], site)
    assert finding.status == "not_applicable"
    assert "no longer in force" in finding.message and not finding.evidence


def test_include_all_active_takes_only_rules_binding_the_frameworks_kinds() -> None:
    rules = list(RULES.values())
    framework = load_framework("nlgaf-2019", rules)
    assert framework.applies_to == ("lep",)
    weights = framework_weights(framework, rules)
    assert weights and all(RULES[rule_id].applies_to == ("lep",) for rule_id in weights)
