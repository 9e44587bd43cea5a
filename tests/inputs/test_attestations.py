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
)
from lepcheck.rules import load_ruleset
from tests.inputs.officer_files import ATTESTATIONS, assert_file_error

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
