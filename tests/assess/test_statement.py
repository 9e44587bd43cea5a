"""The statement's rows and conclusion, from findings and answers alone (pure functions).

Rules of the issue: "not compliant" when a must-requirement fails or is attested not met;
"compliant with exceptions" when the only shortfalls are waivers, partials, should/gp failures
or partly met attestations; "compliant" only when every requirement is met (on evidence or
attestation) and nothing is unknown or unanswered."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lepcheck.assess.conclusion import conclude
from lepcheck.assess.requirements import requirement_rows
from lepcheck.assess.statement import build_statement
from lepcheck.errors import StatementError
from lepcheck.inputs.attestations import Attestation, AttestationFile, Signatory
from lepcheck.models import Finding, Waiver
from lepcheck.rules import load_ruleset
from tests.report.conftest import finding, make_report

PERIOD_START = date(2023, 4, 1)
WAIVER = Waiver(
    target="test",
    rule="ROI-01",
    reason="Register due.",
    approved_by="J. Okoro",
    approved_on=date(2023, 11, 1),
    expires=date(2023, 12, 31),
)


def answer(rule_id: str, status: str = "met", on: date = date(2023, 12, 4)) -> Attestation:
    return Attestation.model_validate(
        {
            "requirement": rule_id,
            "status": status,
            "evidence": "Letter on file.",
            "reference": "REF-1",
            "attested_by": "J. Okoro, Section 151 Officer",
            "attested_on": None if status == "unanswered" else on,
        }
    )


def answers(*items: Attestation, target: str = "test") -> AttestationFile:
    return AttestationFile(
        path="answers.yaml",
        target=target,
        accountable_body="Test County Council",
        period_start=PERIOD_START,
        period_end=date(2024, 3, 31),
        signatory=Signatory(name="J. Okoro", role="Section 151 Officer"),
        attestations=items,
    )


def manual(rule_id: str = "ASSUR-07") -> Finding:
    return finding(rule_id, "manual").model_copy(update={"assessment": "attest"})


def waived(rule_id: str = "ROI-01") -> Finding:
    return finding(rule_id, "waived").model_copy(
        update={"original_status": "fail", "waiver": WAIVER}
    )


def verdict_of(findings: list[Finding], *given_answers: Attestation) -> tuple[str, object]:
    conclusion = conclude(requirement_rows(findings, [], answers(*given_answers)))
    return conclusion.verdict, conclusion


def test_everything_met_on_evidence_and_attestation_is_compliant() -> None:
    verdict, conclusion = verdict_of(
        [finding("COND-02", "pass"), manual(), finding("FIN-01", "not_applicable")],
        answer("ASSUR-07"),
    )
    assert verdict == "compliant"
    assert "1 on archived automated evidence and 1 by attestation" in str(conclusion)


def test_met_lesser_requirements_are_no_exception_and_each_basis_is_counted() -> None:
    findings = [
        finding("COND-02", "pass"),
        finding("COI-08", "pass", "should"),
        finding("ASSUR-12", "not_applicable", "gp"),
        manual(),
    ]
    conclusion = conclude(requirement_rows(findings, [], answers(answer("ASSUR-07"))))
    assert (conclusion.verdict, conclusion.label, conclusion.exceptions) == (
        "compliant",
        "Compliant",
        (),
    )
    assert conclusion.summary.startswith(
        "All 3 applicable requirements are met: 2 on archived automated evidence and 1 by "
        "attestation"
    )


@pytest.mark.parametrize(
    ("findings", "given_answers", "deciding"),
    [
        ([finding("ROI-01", "fail"), manual()], [answer("ASSUR-07")], "ROI-01"),
        ([finding("COND-02", "pass"), manual()], [answer("ASSUR-07", "not_met")], "ASSUR-07"),
    ],
)
def test_a_must_requirement_not_met_makes_it_not_compliant(
    findings: list[Finding], given_answers: list[Attestation], deciding: str
) -> None:
    conclusion = conclude(requirement_rows(findings, [], answers(*given_answers)))
    assert conclusion.verdict == "not_compliant"
    assert conclusion.not_met == (deciding,)
    assert deciding in conclusion.summary


@pytest.mark.parametrize(
    ("shortfall", "given_answers"),
    [
        (waived(), []),
        (finding("ROI-07", "partial"), []),
        (finding("COI-08", "fail", "should"), []),
        (finding("ASSUR-12", "fail", "gp"), []),
        (manual("ASSUR-09"), [answer("ASSUR-09", "partly_met")]),
    ],
)
def test_waivers_partials_and_lesser_failures_are_exceptions(
    shortfall: Finding, given_answers: list[Attestation]
) -> None:
    findings = [finding("COND-02", "pass"), shortfall]
    conclusion = conclude(requirement_rows(findings, [], answers(*given_answers)))
    assert conclusion.verdict == "compliant_with_exceptions"
    assert conclusion.exceptions == (shortfall.rule_id,)
    assert shortfall.rule_id in conclusion.summary


@pytest.mark.parametrize(
    ("findings", "given_answers", "note"),
    [
        ([finding("POL-02", "unknown")], [], "could not assess"),
        ([manual()], [], "no attestation answers it in answers.yaml"),
        ([manual()], [answer("ASSUR-07", "unanswered")], "left unanswered"),
        ([manual()], [answer("ASSUR-07", on=date(2023, 3, 1))], "before the period began"),
    ],
)
def test_unknown_or_unanswered_is_not_evidenced_and_never_compliant(
    findings: list[Finding], given_answers: list[Attestation], note: str
) -> None:
    rows = requirement_rows([finding("COND-02", "pass"), *findings], [], answers(*given_answers))
    row = rows[-1]
    assert row.outcome == "not_evidenced"
    assert note in row.note
    assert not row.label.startswith("met")
    conclusion = conclude(rows)
    assert conclusion.verdict == "cannot_conclude"
    assert conclusion.not_evidenced == (row.rule_id,)
    assert row.rule_id in conclusion.summary


def test_not_compliant_wins_over_not_evidenced() -> None:
    verdict, conclusion = verdict_of([finding("ROI-01", "fail"), finding("POL-02", "unknown")])
    assert verdict == "not_compliant"
    assert "1 requirement(s) are not evidenced" in str(conclusion)


def test_every_summary_names_its_exceptions_and_only_when_there_are_some() -> None:
    partial = finding("ROI-07", "partial")
    _, alone = verdict_of([finding("ROI-01", "fail")])
    _, beside_a_failure = verdict_of([finding("ROI-01", "fail"), partial])
    _, beside_unknown = verdict_of([finding("POL-02", "unknown"), partial])
    assert "In addition" not in str(alone) and "Exceptions" not in str(alone)
    assert "In addition, 1 are exceptions (waived, partly met" in str(beside_a_failure)
    assert "Exceptions: ROI-07 (" in str(beside_unknown)


def test_attested_met_is_labelled_attested_not_automated() -> None:
    rows = requirement_rows([manual(), finding("COND-02", "pass")], [], answers(answer("ASSUR-07")))
    assert (rows[0].label, rows[0].finding_status) == ("met (attested)", "manual")
    assert rows[0].attested_line == "Attested met by J. Okoro, Section 151 Officer on 2023-12-04"
    assert rows[1].label == "met (automated evidence)"


def test_an_answer_never_changes_an_automated_finding() -> None:
    rows = requirement_rows([finding("ROI-01", "fail")], [], answers(answer("ROI-01")))
    assert (rows[0].outcome, rows[0].basis, rows[0].attestation) == ("not_met", "automated", None)


def test_a_framework_requirement_without_a_finding_is_not_evidenced() -> None:
    rule = next(r for r in load_ruleset().rules if r.id == "COI-01")
    rows = requirement_rows([finding("COND-02", "pass")], [rule], answers())
    assert [(r.rule_id, r.outcome) for r in rows] == [
        ("COND-02", "met"),
        ("COI-01", "not_evidenced"),
    ]


def test_statement_lists_waivers_actions_and_refuses_another_leps_answers() -> None:
    report = make_report([waived(), manual(), finding("POL-02", "partial", "should")])
    statement = build_statement(
        report, [], answers(answer("ASSUR-07", "not_met")), generated_at=datetime.now(UTC)
    )
    assert statement.waivers == (WAIVER,)
    assert statement.conclusion.verdict == "not_compliant"
    actions = {a.rule_id: a for a in statement.open_actions}
    assert set(actions) == {"ASSUR-07", "POL-02"}  # the waived ROI-01 is not an open action
    assert actions["ASSUR-07"].owner.startswith("Accountable body")
    assert "cannot confirm" in statement.declaration
    with pytest.raises(StatementError, match="attestations are for 'other'"):
        build_statement(report, [], answers(target="other"), generated_at=datetime.now(UTC))


AUTOMATED = ("pass", "fail", "partial", "unknown", "not_applicable", "waived", "manual")
ANSWERS = ("met", "partly_met", "not_met", "unanswered", None)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(AUTOMATED),
            st.sampled_from(("must", "should", "gp")),
            st.sampled_from(ANSWERS),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_compliant_only_when_every_requirement_is_met_or_not_applicable(
    cases: list[tuple[str, str, str | None]],
) -> None:
    findings, given_answers = [], []
    for index, (status, severity, reply) in enumerate(cases):
        rule_id = f"GEN-{index:02d}"
        item = finding(rule_id, status, severity)
        if status == "waived":
            item = item.model_copy(update={"original_status": "fail", "waiver": WAIVER})
        findings.append(item)
        if reply is not None:
            given_answers.append(answer(rule_id, reply))
    rows = requirement_rows(findings, [], answers(*given_answers))
    verdict = conclude(rows).verdict
    outcomes = {r.outcome for r in rows}
    if verdict == "compliant":
        assert outcomes <= {"met", "not_applicable"} and "met" in outcomes
    if "not_evidenced" in outcomes:
        assert verdict in ("not_compliant", "cannot_conclude")
    must_not_met = any(r.outcome == "not_met" and r.severity == "must" for r in rows)
    assert (verdict == "not_compliant") == must_not_met
    for row in rows:
        if row.basis == "attested":
            assert row.finding_status == "manual"  # only manual requirements take answers


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ([finding("COND-02", "pass")], "confirm that, on the evidence set out below"),
        ([finding("ROI-07", "partial")], "except as set out under the exceptions below"),
        ([finding("ROI-01", "fail")], "cannot confirm compliance"),
        ([finding("POL-02", "unknown")], "cannot confirm compliance"),
    ],
)
def test_the_signed_sentence_claims_no_more_than_the_conclusion(
    findings: list[Finding], expected: str
) -> None:
    statement = build_statement(
        make_report(findings), [], answers(), generated_at=datetime.now(UTC)
    )
    assert expected in statement.declaration
    assert statement.declaration.startswith("I, J. Okoro, Section 151 Officer of Test County")
    if statement.conclusion.verdict != "compliant":
        assert "met every requirement" not in statement.declaration
