"""A pass on a rule the catalogue marks as needing judgement asks a person to confirm it."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from lepcheck.assess.findings import JUDGEMENT_CONFIDENCE, evaluate_rule
from lepcheck.assess.score import score_findings
from lepcheck.checks import CHECK_KINDS, CheckKind
from lepcheck.models import SiteModel, Verdict
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


def test_a_rule_whose_check_passes_without_evidence_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first law, held by the engine and not by each kind: a rule whose check claims a pass
    with nothing to show is reported `unknown`, and the score does not count it."""

    def evaluate(site: SiteModel, params: object) -> Verdict:
        return Verdict(status="pass", message="The code of conduct is published.")

    probe = CheckKind(name="probe", params=_NoParams, evaluate=evaluate, summary="probe: test")
    monkeypatch.setitem(CHECK_KINDS, "probe", probe)
    rule = RULES["COND-01"].model_copy(update={"kind": "probe", "params": {}})
    finding = evaluate_rule(rule, make_site({}))
    assert finding.status == "unknown" and finding.evidence == ()
    assert "No evidence could be attached, so not passed." in finding.message
    assert score_findings([finding]).overall is None  # nothing assessed, nothing passed


class _NoParams(BaseModel):
    pass
