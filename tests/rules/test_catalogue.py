"""Meta-tests over the rule set: the catalogue is fully and uniquely covered, every active rule
has a passing and a failing case, every framework names only existing rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from scripts.catalogue_table import parse_requirements_table, parse_successor_table

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


# --------------------------------------------------------------------------- catalogue coverage

# The catalogue's columns, committed beside the cases (scripts/catalogue_table.py refreshes it
# from requirements.md), so these tests read nothing outside the repository.
CATALOGUE_TSV = CASE_DIR / "catalogue-table.tsv"
CATALOGUE_IDS = resource_dir("rules") / "catalogue-ids.txt"
# The successors' catalogue (docs/successor-requirements.md), likewise.
SUCCESSOR_TSV = CASE_DIR / "successor-table.tsv"
SUCCESSOR_IDS = resource_dir("rules") / "successor-ids.txt"


def listed_ids(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


def read_tsv(path: Path) -> dict[str, tuple[str, str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "check", "sev", "conf"], lines[0]
    rows: dict[str, tuple[str, str, str]] = {}
    for line in lines[1:]:
        rule_id, check, sev, conf = line.split("\t")
        rows[rule_id] = (check, sev, conf)
    return rows


def catalogue_table() -> dict[str, tuple[str, str, str]]:
    return read_tsv(CATALOGUE_TSV)


def test_catalogue_ids_are_exactly_the_rules() -> None:
    listed = listed_ids(CATALOGUE_IDS) + listed_ids(SUCCESSOR_IDS)
    assert len(listed) == len(set(listed)), "duplicate ids in catalogue-ids.txt"
    ids = {r.id for r in RULES}
    assert sorted(set(listed) - ids) == [], "catalogue rows without a rule"
    assert sorted(ids - set(listed)) == [], "rules that are not catalogue rows"


def test_committed_table_matches_the_catalogue() -> None:
    committed = read_tsv(CATALOGUE_TSV)
    listed = {line.strip() for line in CATALOGUE_IDS.read_text().splitlines() if line.strip()}
    assert set(committed) == listed


def test_successor_rules_follow_their_catalogue() -> None:
    lines = SUCCESSOR_TSV.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "assess", "sev", "prov", "basis"]
    table = {cells[0]: tuple(cells[1:]) for cells in (line.split("\t") for line in lines[1:])}
    assert len(table) == 59 and set(table) == set(listed_ids(SUCCESSOR_IDS))
    by_id = {r.id: r for r in RULES}
    wrong = [
        f"{rule_id}: rule has {got}, catalogue says {want}"
        for rule_id, want in sorted(table.items())
        if (got := (by_id[rule_id].assessment, by_id[rule_id].severity,
                    by_id[rule_id].provenance, by_id[rule_id].basis)) != want
    ]  # fmt: skip
    assert wrong == []
    for rule_id in table:
        rule = by_id[rule_id]
        assert "lep" not in rule.applies_to and rule.in_force_from is not None, rule_id


def test_the_refresh_script_reads_the_successor_tables_by_their_headers() -> None:
    text = (
        "| ID | Requirement | Source | Threshold | Sev | Assess | Applies to | In force | Basis "
        "| Check | Prov |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| TC-99 | x | y | z | must | auto | UTC | 2015 | statutory code | c | NP — part |\n"
    )
    assert parse_successor_table(text) == {"TC-99": ("auto", "must", "NP", "statutory_code")}


def test_the_refresh_script_reads_the_catalogue_table() -> None:
    text = (
        "| ID | Requirement | Source | Check | Sev | Conf |\n"
        "|---|---|---|---|---|---|\n"
        "| WEB-01 | A website | Ney 6.1 | auto | should | unconfirmed (no explicit duty) |\n"
        "| not a row | x | y | z | w | v |\n"
    )
    assert parse_requirements_table(text) == {"WEB-01": ("auto", "should", "unconfirmed")}


def test_severity_assessment_and_provenance_follow_the_catalogue() -> None:
    table = catalogue_table()
    assert len(table) == 92
    by_id = {r.id: r for r in RULES}
    assert set(table) == set(by_id) - set(listed_ids(SUCCESSOR_IDS))
    wrong = [
        f"{rule_id}: rule has {r.assessment}/{r.severity}/{r.provenance}, "
        f"catalogue says {check}/{sev}/{conf}"
        for rule_id, (check, sev, conf) in sorted(table.items())
        for r in [by_id[rule_id]]
        if (r.assessment, r.severity, r.provenance) != (check, sev, conf)
    ]
    assert wrong == []


def test_attest_rows_are_manual_attestations() -> None:
    for rule_id, (check, _sev, _conf) in catalogue_table().items():
        rule = next(r for r in RULES if r.id == rule_id)
        assert (check == "attest") == (rule.kind == "attestation"), rule_id
        if check == "attest":
            assert rule.guidance, f"{rule_id} needs top-level guidance for the S151 officer"


@pytest.mark.parametrize("rule", [r for r in RULES if r.assessment != "attest"], ids=lambda r: r.id)
def test_pass_cases_name_evidence_and_fail_cases_name_what_was_searched(rule) -> None:  # type: ignore[no-untyped-def]
    _, cases = load_cases(CASE_DIR / f"{rule.id}.yaml")
    assert any(c["expect"] == "pass" and c.get("evidence_url") for c in cases), rule.id
    assert any(c["expect"] == "fail" and c.get("searched") for c in cases), rule.id
