"""Attestation files: the template lists every manual requirement with its guidance and
parses once the officer fills it in; malformed files stop with the file, line and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lepcheck.errors import InputFileError
from lepcheck.inputs.attestations import (
    financial_year_of,
    load_attestations,
    manual_rules,
    render_template,
    top_level_key,
    validate_officer_file,
)
from lepcheck.rules import load_rules, load_ruleset
from tests.inputs.officer_files import ATTESTATIONS, WAIVERS, assert_file_error

RULESET = load_ruleset()
MANUAL = manual_rules(RULESET.selected())  # the LEP framework's: the example answers an LEP's
VALID = """\
target: test
accountable_body: Test County Council
period: {start: 2023-04-01, end: 2024-03-31}
signatory: {name: J. Okoro, role: Section 151 Officer}
attestations:
  - requirement: ASSUR-07
    status: met
    evidence: Signed letter sent 28 February 2023.
    reference: ACC/S151/2023
    attested_by: J. Okoro, Section 151 Officer
    date: 2023-12-04
  - requirement: ASSUR-08
    status: not_met
    evidence: No opinion was submitted for the review.
    attested_by: J. Okoro, Section 151 Officer
    date: 2023-12-04
  - requirement: ASSUR-09
    status: unanswered
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "attestations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads_with_lines_and_dates(tmp_path: Path) -> None:
    answers = load_attestations(write(tmp_path, VALID), MANUAL)
    assert (answers.target, answers.accountable_body) == ("test", "Test County Council")
    assert (answers.period_start, answers.period_end) == (date(2023, 4, 1), date(2024, 3, 31))
    assert [(a.requirement, a.status, a.line) for a in answers.attestations] == [
        ("ASSUR-07", "met", 6),
        ("ASSUR-08", "not_met", 12),
        ("ASSUR-09", "unanswered", 17),
    ]
    assert answers.attestations[0].attested_on == date(2023, 12, 4)
    assert answers.attestations[1].reference == ""  # a reference is optional for not met
    assert not answers.attestations[2].answered


def test_example_file_answers_every_manual_requirement_as_met() -> None:
    answers = load_attestations(ATTESTATIONS, MANUAL)
    assert {a.requirement for a in answers.attestations} == set(MANUAL)
    assert {a.status for a in answers.attestations} == {"met"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    status: met\n",
            "    status: done\n",
            "line 7: field 'attestations.0.status': 'done' is not one of",
        ),
        (
            "    attested_by: J. Okoro, Section 151 Officer\n"
            "    date: 2023-12-04\n  - requirement: ASSUR-08",
            "    date: 2023-12-04\n  - requirement: ASSUR-08",
            "line 6: field 'attestations.0.attested_by': is missing",
        ),
        (
            "    reference: ACC/S151/2023\n",
            "",
            "line 6: field 'attestations.0.reference': is missing",
        ),
        (
            "    evidence: Signed letter sent 28 February 2023.",
            "    evidence:",
            "line 8: field 'attestations.0.evidence': is empty",
        ),
        (
            "    date: 2023-12-04\n  - requirement: ASSUR-08",
            "    date: 4 Dec 2023\n  - requirement: ASSUR-08",
            "line 11: field 'attestations.0.date': '4 Dec 2023' is not a date",
        ),
        (
            "requirement: ASSUR-09",
            "requirement: ROI-01",
            "line 17: field 'attestations.2.requirement': ROI-01 is not a manual requirement",
        ),
        (
            "requirement: ASSUR-09",
            "requirement: ASSUR-07",
            "line 17: field 'attestations.2.requirement': "
            "ASSUR-07 is answered twice (first on line 6)",
        ),
        (
            "end: 2024-03-31",
            "end: 2023-03-31",
            "line 3: field 'period.end': 2023-03-31 is before the period start",
        ),
        (
            "signatory: {name: J. Okoro, role: Section 151 Officer}\n",
            "",
            "line 1: field 'signatory': is missing",
        ),
        ("  - requirement: ASSUR-09\n", "  - requirement: ASSUR-09\n   x: [\n", "line 18:"),
    ],
)
def test_malformed_file_names_line_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in VALID
    path = write(tmp_path, VALID.replace(old, new))
    assert_file_error(lambda p: load_attestations(p, MANUAL), path, expected)


def test_template_lists_every_manual_requirement_with_guidance() -> None:
    manual = [r for r in RULESET.selected() if r.assessment == "attest"]
    text = render_template(
        target_id="test",
        lep_name='Test "Quoted" LEP: #1',
        accountable_body=None,
        rules=manual,
        as_of=date(2023, 11, 30),
    )
    for rule in manual:
        assert f"- requirement: {rule.id}" in text
        assert " ".join(rule.guidance.split())[:60] in text
    assert text.count("status: unanswered") == len(manual)
    assert "start: 2023-04-01" in text and "end: 2024-03-31" in text


def test_filled_template_parses_with_every_answer_unanswered(tmp_path: Path) -> None:
    manual = [r for r in RULESET.selected() if r.assessment == "attest"]
    text = render_template(
        target_id="test",
        lep_name='Test "Quoted" LEP: #1',
        accountable_body="Test County Council",
        rules=manual,
        as_of=date(2024, 2, 1),
    )
    path = write(tmp_path, text)
    with pytest.raises(InputFileError, match=r"field 'signatory\.name': must not be blank"):
        load_attestations(path, MANUAL)
    path = write(tmp_path, text.replace('  name: ""', "  name: J. Okoro"))
    answers = load_attestations(path, MANUAL)
    assert answers.lep_name == 'Test "Quoted" LEP: #1'
    assert [a.requirement for a in answers.attestations] == [r.id for r in manual]
    assert not any(a.answered for a in answers.attestations)
    assert (answers.period_start, answers.period_end) == (date(2023, 4, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    ("day", "start"),
    [(date(2023, 3, 31), date(2022, 4, 1)), (date(2023, 4, 1), date(2023, 4, 1))],
)
def test_financial_year_starts_on_the_first_of_april(day: date, start: date) -> None:
    assert financial_year_of(day) == (start, date(start.year + 1, 3, 31))


def test_each_requirement_gets_its_own_answer_or_none(tmp_path: Path) -> None:
    """The statement shows, for each manual requirement, the answer given to it and no other."""
    answers = load_attestations(write(tmp_path, VALID), MANUAL)
    assert [answers.answer_for(r).status for r in ("ASSUR-07", "ASSUR-08", "ASSUR-09")] == [
        "met",
        "not_met",
        "unanswered",
    ]
    assert [a.answered for a in answers.attestations] == [True, True, False]
    assert answers.answer_for("ASSUR-01") is None and answers.answer_for("ASSUR-10") is None


def test_an_answer_to_an_automated_rule_names_the_requirements_that_may_be_answered(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, VALID.replace("requirement: ASSUR-09", "requirement: ROI-01"))
    only = f"(attestations answer only: {', '.join(sorted(MANUAL))}); automated"
    assert_file_error(lambda p: load_attestations(p, MANUAL), path, only)
    assert_file_error(lambda p: load_attestations(p, {}), path, "answer only: none); automated")


def test_only_active_attest_rules_are_manual_requirements() -> None:
    rules = load_rules()
    attest = next(r for r in rules if r.assessment == "attest")
    auto = next(r for r in rules if r.assessment == "auto")
    for status in ("draft", "retired"):
        retired = attest.model_copy(update={"id": "X-01", "status": status})
        assert set(manual_rules([attest, auto, retired])) == {attest.id}


def test_a_period_of_a_single_day_is_accepted(tmp_path: Path) -> None:
    """Only an end before the start is refused: a period may end on the day it starts."""
    one_day = VALID.replace(
        "{start: 2023-04-01, end: 2024-03-31}", "{start: 2023-04-01, end: 2023-04-01}"
    )
    answers = load_attestations(write(tmp_path, one_day), MANUAL)
    assert answers.period_start == answers.period_end == date(2023, 4, 1)


def test_a_draft_lists_the_signing_fields_left_blank(tmp_path: Path) -> None:
    """Read for a draft statement, a file may leave the signing fields blank, and says which."""
    blank_name = VALID.replace("name: J. Okoro,", 'name: "",')
    assert load_attestations(write(tmp_path, blank_name), MANUAL, for_draft=True).blank == (
        "signatory.name",
    )
    assert load_attestations(write(tmp_path, VALID), MANUAL, for_draft=True).blank == ()


def test_validate_tells_an_attestation_file_from_a_waivers_file_and_others(tmp_path: Path) -> None:
    """`lepcheck validate` checks each officer's file with its own schema; other YAML is left
    alone."""
    attestations = write(tmp_path, VALID)
    assert top_level_key(attestations) == "attestations" and top_level_key(WAIVERS) == "waivers"
    assert validate_officer_file(attestations) == (
        f"{attestations}: valid attestation file for test: 2 of 3 requirement(s) answered"
    )
    assert (validate_officer_file(WAIVERS) or "").startswith(f"{WAIVERS}: valid waivers file: ")
    rule = tmp_path / "rule.yaml"
    rule.write_text("id: X-01\ntitle: a rule\n", encoding="utf-8")
    listed = tmp_path / "list.yaml"
    listed.write_text("- attestations\n- waivers\n", encoding="utf-8")
    for other in (rule, listed):
        assert top_level_key(other) is None and validate_officer_file(other) is None


def test_template_without_manual_requirements_is_an_empty_list(tmp_path: Path) -> None:
    text = render_template(
        target_id="test",
        lep_name="Test LEP",
        accountable_body="Test County Council",
        rules=[],
        as_of=date(2024, 2, 1),
    )
    assert text.endswith("\nattestations: []  # the ruleset has no manual requirements\n")
    assert '  role: "Section 151 Officer"\n' in text
    answers = load_attestations(write(tmp_path, text.replace('  name: ""', "  name: J. Okoro")))
    assert answers.attestations == ()


def test_template_marks_what_the_officer_must_fill_in_and_reads_as_written() -> None:
    """The accountable body is marked required only when unknown; each requirement shows its
    evidence examples if it has any and, without guidance, its description; text is kept as
    written (no \\u escapes)."""
    rules = load_rules()
    with_examples = next(
        r for r in rules if r.assessment == "attest" and r.params.get("evidence_examples")
    )
    undocumented = with_examples.model_copy(update={"id": "X-01", "guidance": "", "params": {}})
    unknown_body = render_template(
        target_id="test",
        lep_name="Test LEP – ‘the Board’",
        accountable_body=None,
        rules=[with_examples, undocumented],
        as_of=date(2024, 2, 1),
    )
    assert 'accountable_body: ""  # required: the accountable body\'s name' in unknown_body
    assert 'lep_name: "Test LEP – ‘the Board’"' in unknown_body
    assert unknown_body.count("# evidence could be:") == 1
    for example in with_examples.params["evidence_examples"]:
        assert f"#   - {' '.join(str(example).split())}" in unknown_body
    description = " ".join(undocumented.description.split())
    assert f"guidance: {description[:40]}" in unknown_body.replace('guidance: "', "guidance: ")
    known_body = render_template(
        target_id="test",
        lep_name="Test LEP",
        accountable_body="Test County Council",
        rules=[],
        as_of=date(2024, 2, 1),
    )
    assert "# required: the accountable body" not in known_body
