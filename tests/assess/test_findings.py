"""A pass on a rule the catalogue marks as needing judgement asks a person to confirm it."""

from __future__ import annotations

from lepcheck.assess.findings import JUDGEMENT_CONFIDENCE, evaluate_rule
from lepcheck.rule_cases import make_site
from lepcheck.rules import load_rules

RULES = {r.id: r for r in load_rules()}
BOARD = {"board": [{"name": "Jane Doe", "role": "chair", "sector": "private"}]}


def test_partial_assessment_pass_is_flagged_for_confirmation() -> None:
    rule = RULES["BOARD-01"]
    assert rule.assessment == "partial"
    finding = evaluate_rule(rule, make_site(BOARD))
    assert finding.status == "pass"
    assert finding.confidence <= JUDGEMENT_CONFIDENCE
    assert "confirm" in finding.message


def test_auto_assessment_pass_is_not_flagged() -> None:
    rule = RULES["ROI-01"]
    assert rule.assessment == "auto"
    site = make_site(
        {**BOARD, "registers": [{"member": "Jane Doe", "url": "https://lep.test/r.pdf"}]}
    )
    finding = evaluate_rule(rule, site)
    assert finding.status == "pass" and "confirm it" not in finding.message
