"""The verdict as one pure function of (site model, ruleset, waivers), with the as-of day the
site model's: the same inputs give the same verdict, waivers in force apply, and the rating
cap is the spot-check profile's."""

from __future__ import annotations

from datetime import date

from lepcheck.assess import assess
from lepcheck.models import Waiver
from lepcheck.rule_cases import make_site
from lepcheck.rules import load_framework, load_ruleset

RULESET = load_ruleset()
SITE = make_site({"board": [{"name": "Jane Doe", "role": "chair", "sector": "private"}]})


def test_every_selected_rule_gets_one_finding_and_the_verdict_is_repeatable() -> None:
    first = assess(SITE, RULESET)
    assert [f.rule_id for f in first.findings] == [r.id for r in RULESET.selected()]
    assert assess(SITE, RULESET) == first
    assert first.score.counts.model_dump()["fail"] > 0
    assert {a.rule_id for a in first.action_plan} == {
        f.rule_id for f in first.findings if f.status in ("fail", "partial")
    }


def test_a_waiver_in_force_on_the_sites_as_of_day_applies_and_an_expired_one_says_so() -> None:
    failed = next(f for f in assess(SITE, RULESET).findings if f.status == "fail")

    def waiver(expires: date) -> Waiver:
        return Waiver(
            target=SITE.target_id,
            rule=failed.rule_id,
            reason="Agreed with the accountable body.",
            approved_by="S151 officer",
            approved_on=date(2023, 1, 1),
            expires=expires,
        )

    waived = assess(SITE, RULESET, [waiver(expires=SITE.as_of)])
    by_rule = {f.rule_id: f for f in waived.findings}
    assert by_rule[failed.rule_id].status == "waived" and waived.notes == ()
    assert failed.rule_id not in {a.rule_id for a in waived.action_plan}
    lapsed = assess(SITE, RULESET, [waiver(expires=date(2023, 1, 2))])
    assert {f.rule_id: f for f in lapsed.findings}[failed.rule_id].status == "fail"
    assert len(lapsed.notes) == 1 and "expired" in lapsed.notes[0]


def test_the_rating_cap_is_the_spot_check_profiles_must_rules() -> None:
    spot_check = load_framework("spot-check", RULESET.rules)
    assert RULESET.rating_cap == {r for clause in spot_check.clauses for r in clause.rules}
    assert load_ruleset("ney-2017").rating_cap == RULESET.rating_cap
