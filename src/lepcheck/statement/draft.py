"""Reading the officer's files and drafting the statement from an audit report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from lepcheck.assess import reassess
from lepcheck.assess.statement import Statement, build_statement
from lepcheck.errors import StatementError
from lepcheck.inputs.attestations import AttestationFile, load_attestations, manual_rules
from lepcheck.inputs.waivers import load_waivers
from lepcheck.models import Report, Waiver
from lepcheck.rules import Ruleset, load_ruleset


@dataclass(frozen=True)
class StatementInputs:
    """The officer's files, validated before any crawling so a typo costs seconds, not a crawl."""

    ruleset: Ruleset
    answers: AttestationFile
    waivers: tuple[Waiver, ...] | None


def load_inputs(framework: str, attestations: Path, waivers: Path | None = None) -> StatementInputs:
    """Read the officer's files. The attestation file may leave the signing fields blank (the
    statement is then a draft that says so); anything else wrong in it is an error."""
    ruleset = load_ruleset(framework)
    return StatementInputs(
        ruleset=ruleset,
        answers=load_attestations(attestations, manual_rules(ruleset.rules), for_draft=True),
        waivers=None if waivers is None else load_waivers(waivers, {r.id for r in ruleset.rules}),
    )


def check_report_fits(report: Report, target_id: str, as_of: date | None) -> None:
    """A reused report.json must be of the LEP and day the statement is asked for."""
    if report.target.id != target_id:
        raise StatementError(f"--report is an audit of '{report.target.id}', not of '{target_id}'")
    if as_of is not None and as_of != report.as_of:
        raise StatementError(
            f"--report was made as of {report.as_of}, not --as-of {as_of}; re-run the audit "
            "or drop --as-of"
        )


def accountable_body_note(registry_body: str | None, answers: AttestationFile) -> str | None:
    if not registry_body:
        return None
    if not answers.accountable_body:
        return (
            f"the attestation file leaves the accountable body blank; the registry names "
            f"{registry_body}"
        )
    if registry_body.casefold() != answers.accountable_body.casefold():
        return (
            f"the registry names the accountable body as {registry_body}; the attestation "
            f"file says {answers.accountable_body}"
        )
    return None


def prepare_statement(
    report: Report,
    inputs: StatementInputs,
    *,
    generated_at: datetime,
    registry_accountable_body: str | None = None,
) -> tuple[Statement, Report]:
    """Apply the waivers (when a waivers file is given; else the report's own stand) and build
    the statement. Returns the statement and the report it rests on."""
    notes: list[str] = []
    if inputs.waivers is not None:
        report, warnings = reassess(report, inputs.waivers, inputs.ruleset)
        notes += warnings
    if report.ruleset.catalogue_digest != inputs.ruleset.digest:
        notes.append(
            "the audit report was made with another version of the rules "
            f"({report.ruleset.catalogue_digest[:19]}); re-run the audit for a current verdict"
        )
    body_note = accountable_body_note(registry_accountable_body, inputs.answers)
    if body_note:
        notes.append(body_note)
    statement = build_statement(
        report, inputs.ruleset.selected(), inputs.answers, generated_at=generated_at, notes=notes
    )
    return statement, report
