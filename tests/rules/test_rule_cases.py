"""Every rule's YAML cases, run through the real rule loader and check kinds (as sqlfluff's
yaml_test_cases_test): `pytest -k COND-02` runs one rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lepcheck.assess.findings import evaluate_rule
from lepcheck.rule_cases import load_cases, make_site
from lepcheck.rules import Rule, load_rules

CASE_DIR = Path(__file__).parent
RULES = {rule.id: rule for rule in load_rules()}


def all_cases() -> list[Any]:
    params = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        rule_id, cases = load_cases(path)
        for case in cases:
            params.append(pytest.param(rule_id, case, id=f"{rule_id}_{case['name']}"))
    return params


@pytest.mark.parametrize(("rule_id", "case"), all_cases())
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    rule: Rule = RULES[rule_id]
    finding = evaluate_rule(rule, make_site(case.get("site") or {}))
    assert finding.status == case["expect"], finding.message
    evidence_urls = [ev.url for ev in finding.evidence]
    if "evidence_url" in case:
        assert case["evidence_url"] in evidence_urls, finding.message
    if finding.status == "pass":
        assert finding.evidence, "a pass without evidence is a bug"
        assert all(ev.quote and ev.sha256 and ev.fetched_at for ev in finding.evidence)
    for url in case.get("searched", []):
        assert url in finding.searched, f"{url} not in searched: {finding.searched}"
    if "evidence_quote" in case:  # the words the verdict rests on, quoted
        quotes = [ev.quote for ev in finding.evidence]
        assert any(case["evidence_quote"] in q for q in quotes), f"quotes: {quotes}"
    for words in case.get("message_contains", []):
        assert words in finding.message, finding.message
    for item in case.get("missing", []):
        assert any(item in m for m in finding.missing), f"{item} not named in {finding.missing}"
