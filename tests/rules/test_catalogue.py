"""Meta-tests over the rule set: the catalogue is fully and uniquely covered, every active rule
has a passing and a failing case, every framework names only existing rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from lepcheck.rule_cases import load_cases
from lepcheck.rules import GROUPS, load_framework, load_rules, resource_dir, rule_files

CASE_DIR = Path(__file__).parent
RULES = load_rules()


def test_rule_files_are_named_after_their_ids() -> None:
    for path in rule_files():
        assert path.stem in {r.id for r in RULES}
        assert path.parent.name == path.stem.split("-")[0].lower()


def test_ids_are_unique_and_grouped() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.group in GROUPS for r in RULES)


def test_every_case_file_names_an_existing_rule() -> None:
    ids = {r.id for r in RULES}
    for path in CASE_DIR.glob("*.yaml"):
        rule_id, _ = load_cases(path)
        assert rule_id == path.stem
        assert rule_id in ids


@pytest.mark.parametrize("rule", [r for r in RULES if r.status == "active"], ids=lambda r: r.id)
def test_every_active_rule_has_a_passing_and_a_failing_case(rule) -> None:  # type: ignore[no-untyped-def]
    path = CASE_DIR / f"{rule.id}.yaml"
    assert path.is_file(), f"no cases for {rule.id}"
    _, cases = load_cases(path)
    expected = {c["expect"] for c in cases}
    if rule.assessment == "attest":
        assert expected == {"manual"}
    else:
        assert "pass" in expected and "fail" in expected, expected


def test_frameworks_reference_existing_rules() -> None:
    frameworks = sorted((resource_dir("rules") / "frameworks").glob("*.yaml"))
    assert frameworks
    for path in frameworks:
        load_framework(path.stem, RULES)  # raises on an unknown rule id
