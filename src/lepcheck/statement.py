"""The Section 151 officer's annual assurance statement: findings and attestations, concluded.

One row per framework requirement. An automated finding speaks for itself (pass = met on
archived evidence); a manual requirement is answered only by the attestation file, shown as
"met (attested)" with who attested and when, never as an automated pass; a waived finding
shows its waiver. Anything without evidence or an answer (an `unknown` finding, an unanswered
or missing attestation, a requirement the report has no finding for) is "not evidenced", and
nothing not evidenced can ever let the statement conclude "compliant".

`build_statement` and `conclude` are pure; `load_inputs` reads the officer's files,
`prepare_statement` applies the waivers and builds the statement, and
`write_statement` writes statement.json, statement.html and statement.docx.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from lepcheck.assess.actions import DAYS_TO_ACT
from lepcheck.assess.severity import severity_rank
from lepcheck.assess.verdict import reassess
from lepcheck.errors import StatementError
from lepcheck.inputs.attestations import (
    ANSWER_LABELS,
    Attestation,
    AttestationFile,
    Signatory,
    load_attestations,
    manual_rules,
)
from lepcheck.inputs.waivers import load_waivers
from lepcheck.models import (
    ActionItem,
    Assessment,
    Evidence,
    Finding,
    Frozen,
    Report,
    Score,
    Severity,
    Status,
    TargetInfo,
    Waiver,
)
from lepcheck.report.statement_html import render_statement_html
from lepcheck.rules import Rule, Ruleset, load_ruleset
from lepcheck.statement_docx import write_statement_docx

Outcome = Literal["met", "partly_met", "not_met", "waived", "not_evidenced", "not_applicable"]
Basis = Literal["automated", "attested", "waiver", "none"]
ConclusionVerdict = Literal[
    "compliant", "compliant_with_exceptions", "not_compliant", "cannot_conclude"
]

OUTCOME_LABELS: dict[str, str] = {
    "met": "met",
    "partly_met": "partly met",
    "not_met": "not met",
    "waived": "waived",
    "not_evidenced": "not evidenced",
    "not_applicable": "not applicable",
}
VERDICT_LABELS: dict[str, str] = {
    "compliant": "Compliant",
    "compliant_with_exceptions": "Compliant with exceptions",
    "not_compliant": "Not compliant",
    "cannot_conclude": "Not evidenced: cannot conclude compliant",
}
# Automated statuses as statement outcomes. `manual` is missing on purpose: only an
# attestation answers it, and `waived` is handled with its waiver.
AUTOMATED_OUTCOMES: dict[str, Outcome] = {
    "pass": "met",
    "fail": "not_met",
    "partial": "partly_met",
    "unknown": "not_evidenced",
    "not_applicable": "not_applicable",
}
ATTESTED_OUTCOMES: dict[str, Outcome] = {
    "met": "met",
    "partly_met": "partly_met",
    "not_met": "not_met",
}
ACCOUNTABLE_BODY_OWNER = "Accountable body (Section 151 officer)"
# Printed under the declaration in both the HTML and the DOCX, so the reader knows what each
# status rests on.
BASIS_EXPLAINED = (
    "Basis: each requirement below is met only on archived evidence the audit found on the "
    "website (automated) or on the accountable body's attestation, shown with who attested and "
    "when. A requirement the audit could not assess, or that no attestation answers, is listed "
    "as not evidenced, never as met. Waived requirements are listed with their waiver."
)
STATEMENT_FILES = {"json": "statement.json", "html": "statement.html", "docx": "statement.docx"}


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class RequirementRow(Frozen):
    """One framework requirement as the statement reports it."""

    rule_id: str
    title: str
    category: str
    severity: Severity
    assessment: Assessment
    outcome: Outcome
    basis: Basis
    finding_status: Status | None = None
    message: str = ""
    note: str = ""
    evidence: tuple[Evidence, ...] = ()
    attestation: Attestation | None = None
    waiver: Waiver | None = None
    original_status: Status | None = None
    remediation: str = ""

    @property
    def label(self) -> str:
        """The outcome as the table shows it, saying what it rests on."""
        text = OUTCOME_LABELS[self.outcome]
        if self.outcome == "waived" and self.original_status:
            return f"waived (own status: {self.original_status.replace('_', ' ')})"
        if self.basis == "attested":
            return f"{text} (attested)"
        if self.basis == "automated" and self.outcome != "not_evidenced":
            return f"{text} (automated evidence)"
        return text

    @property
    def attested_line(self) -> str:
        """Who attested what and when, for the table's evidence column."""
        answer = self.attestation
        if answer is None or not answer.answered:
            return ""
        when = answer.attested_on.isoformat() if answer.attested_on else "undated"
        return f"Attested {ANSWER_LABELS[answer.status]} by {answer.attested_by} on {when}"


class Conclusion(Frozen):
    verdict: ConclusionVerdict
    summary: str
    not_met: tuple[str, ...] = ()
    not_evidenced: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


class Statement(Frozen):
    lep: TargetInfo
    accountable_body: str
    period_start: date
    period_end: date
    as_of: date
    generated_at: datetime
    framework: str
    catalogue_digest: str
    audit_generated_at: datetime
    snapshot_id: str | None = None
    score: Score
    conclusion: Conclusion
    requirements: tuple[RequirementRow, ...]
    waivers: tuple[Waiver, ...] = ()
    open_actions: tuple[ActionItem, ...] = ()
    signatory: Signatory
    attestation_file: str = ""
    notes: tuple[str, ...] = ()

    def rows(self, outcome: Outcome) -> list[RequirementRow]:
        return [r for r in self.requirements if r.outcome == outcome]

    @property
    def basis_explained(self) -> str:
        return BASIS_EXPLAINED

    @property
    def period(self) -> str:
        return f"{long_date(self.period_start)} to {long_date(self.period_end)}"

    @property
    def declaration(self) -> str:
        """The sentence the officer signs: it claims no more than the conclusion allows."""
        signatory = self.signatory
        who = f"I, {signatory.name or '[name]'}, {signatory.role} of {self.accountable_body}"
        scope = (
            f"{self.lep.name} against the {self.framework} assurance framework for {self.period}"
        )
        return {
            "compliant": f"{who}, confirm that, on the evidence set out below, {scope} met "
            "every requirement.",
            "compliant_with_exceptions": f"{who}, confirm that, on the evidence set out below, "
            f"{scope} met the requirements, except as set out under the exceptions below.",
            "not_compliant": f"{who}, cannot confirm compliance of {scope}: the "
            "must-requirements named below are not met.",
            "cannot_conclude": f"{who}, cannot confirm compliance of {scope}: the requirements "
            "named below are not evidenced.",
        }[self.conclusion.verdict]


# --------------------------------------------------------------------------- rows


def finding_row(finding: Finding, **update: object) -> RequirementRow:
    return RequirementRow(
        rule_id=finding.rule_id,
        title=finding.title,
        category=finding.category,
        severity=finding.severity,
        assessment=finding.assessment,
        finding_status=finding.status,
        message=finding.message,
        evidence=finding.evidence,
        remediation=finding.remediation,
        **update,
    )


def automated_row(finding: Finding, attestation: Attestation | None = None) -> RequirementRow:
    """A finding the audit judged (or a waived one, with the officer's answer if it had one)."""
    if finding.status == "waived":
        return finding_row(
            finding,
            outcome="waived",
            basis="waiver",
            waiver=finding.waiver,
            original_status=finding.original_status,
            attestation=attestation,
        )
    if finding.status == "unknown":
        return finding_row(
            finding,
            outcome="not_evidenced",
            basis="automated",
            note="the audit could not assess it",
        )
    return finding_row(finding, outcome=AUTOMATED_OUTCOMES[finding.status], basis="automated")


def manual_row(
    finding: Finding, attestation: Attestation | None, period_start: date, source: str
) -> RequirementRow:
    """A manual requirement: its outcome comes from the attestation alone."""
    if attestation is None:
        note = f"no attestation answers it in {source}"
    elif not attestation.answered:
        note = f"left unanswered in {source}"
    elif attestation.attested_on is not None and attestation.attested_on < period_start:
        # An answer given before the period began cannot speak for the period.
        note = (
            f"attested on {attestation.attested_on}, before the period began ({period_start}); "
            "attest it again for this period"
        )
    else:
        return finding_row(
            finding,
            outcome=ATTESTED_OUTCOMES[attestation.status],
            basis="attested",
            attestation=attestation,
        )
    return finding_row(
        finding, outcome="not_evidenced", basis="none", note=note, attestation=attestation
    )


def missing_row(rule: Rule) -> RequirementRow:
    return RequirementRow(
        rule_id=rule.id,
        title=rule.title,
        category=rule.group,
        severity=rule.severity,
        assessment=rule.assessment,
        outcome="not_evidenced",
        basis="none",
        note="the audit report holds no finding for it (was it made with another catalogue?)",
        remediation=rule.remediation,
    )


def requirement_rows(
    findings: Sequence[Finding], framework_rules: Sequence[Rule], answers: AttestationFile
) -> list[RequirementRow]:
    source = Path(answers.path).name or "the attestation file"
    by_rule = {f.rule_id: f for f in findings}
    rows = []
    for finding in findings:
        answer = answers.answer_for(finding.rule_id)
        if finding.status == "manual":
            rows.append(manual_row(finding, answer, answers.period_start, source))
        elif finding.original_status == "manual":  # a waived manual requirement
            rows.append(automated_row(finding, answer))
        else:
            rows.append(automated_row(finding))
    rows += [missing_row(rule) for rule in framework_rules if rule.id not in by_rule]
    return rows


# --------------------------------------------------------------------------- conclusion


def named(rows: Sequence[RequirementRow]) -> str:
    return "; ".join(f"{r.rule_id} ({r.title})" for r in rows)


def conclude(rows: Sequence[RequirementRow]) -> Conclusion:
    """The statement's conclusion, naming the requirements that decided it.

    - not compliant: a must-requirement is not met (failed, or attested not met);
    - cannot conclude: otherwise, anything is not evidenced (unknown, unanswered, missing),
      because "compliant" needs evidence or an answer for every requirement;
    - compliant with exceptions: the only shortfalls are waivers, partly met requirements and
      should / good-practice requirements not met;
    - compliant: every requirement is met or not applicable.
    """
    not_met = [r for r in rows if r.outcome == "not_met" and r.severity == "must"]
    not_evidenced = [r for r in rows if r.outcome == "not_evidenced"]
    exceptions = [
        r
        for r in rows
        if r.outcome in ("waived", "partly_met")
        or (r.outcome == "not_met" and r.severity != "must")
    ]
    ids = {
        "not_met": tuple(r.rule_id for r in not_met),
        "not_evidenced": tuple(r.rule_id for r in not_evidenced),
        "exceptions": tuple(r.rule_id for r in exceptions),
    }
    also = []
    if not_evidenced:
        also.append(f"{len(not_evidenced)} requirement(s) are not evidenced")
    if exceptions:
        also.append(
            f"{len(exceptions)} are exceptions (waived, partly met, or not met but not must)"
        )
    if not_met:
        summary = f"Must-requirements not met: {named(not_met)}."
        if also:
            summary += f" In addition, {' and '.join(also)}; all are listed below."
        return Conclusion(verdict="not_compliant", summary=summary, **ids)
    if not_evidenced:
        summary = (
            "No must-requirement is shown to be unmet, but these requirements have neither "
            "evidence nor an attestation, so compliance cannot be concluded: "
            f"{named(not_evidenced)}."
        )
        if exceptions:
            summary += f" Exceptions: {named(exceptions)}."
        return Conclusion(verdict="cannot_conclude", summary=summary, **ids)
    if exceptions:
        summary = (
            "Every must-requirement is met, waived or partly met; the exceptions are: "
            f"{named(exceptions)}."
        )
        return Conclusion(verdict="compliant_with_exceptions", summary=summary, **ids)
    met = [r for r in rows if r.outcome == "met"]
    if not met:
        return Conclusion(
            verdict="cannot_conclude",
            summary="No requirement is met on evidence or attestation; nothing to conclude on.",
            **ids,
        )
    summary = (
        f"All {len(met)} applicable requirements are met: "
        f"{sum(r.basis == 'automated' for r in met)} on archived automated evidence and "
        f"{sum(r.basis == 'attested' for r in met)} by attestation; nothing is unknown, "
        "unanswered or waived."
    )
    return Conclusion(verdict="compliant", summary=summary, **ids)


# --------------------------------------------------------------------------- actions


def open_actions(
    rows: Sequence[RequirementRow], report_actions: Sequence[ActionItem], as_of: date
) -> tuple[ActionItem, ...]:
    """The audit's action plan (failed and partial findings) plus what the statement adds:
    attested shortfalls and requirements that are not evidenced."""
    items = list(report_actions)
    planned = {a.rule_id for a in items}
    for row in rows:
        if row.rule_id in planned:
            continue
        due = as_of + timedelta(days=DAYS_TO_ACT[row.severity])
        if row.basis == "attested" and row.outcome in ("not_met", "partly_met"):
            items.append(
                ActionItem(
                    rule_id=row.rule_id,
                    recommendation=f"{row.title} ({row.attested_line})"[:400],
                    action=row.remediation or "Put the requirement in place.",
                    owner=ACCOUNTABLE_BODY_OWNER,
                    target_date=due,
                )
            )
        elif row.outcome == "not_evidenced":
            action = (
                "Answer it in the attestation file with the evidence relied on."
                if row.assessment == "attest"
                else "Make the evidence readable on the website and re-run the audit."
            )
            items.append(
                ActionItem(
                    rule_id=row.rule_id,
                    recommendation=f"{row.title} (not evidenced: {row.note})"[:400],
                    action=action,
                    owner=ACCOUNTABLE_BODY_OWNER,
                    target_date=due,
                )
            )
    severity = {r.rule_id: r.severity for r in rows}
    return tuple(
        sorted(items, key=lambda a: (severity_rank(severity.get(a.rule_id, "gp")), a.rule_id))
    )


# --------------------------------------------------------------------------- building


def build_statement(
    report: Report,
    framework_rules: Sequence[Rule],
    answers: AttestationFile,
    *,
    generated_at: datetime,
    notes: Sequence[str] = (),
) -> Statement:
    """The statement for an audit report (waivers already applied) and the officer's answers."""
    if answers.target != report.target.id:
        raise StatementError(
            f"{answers.path}: field 'target': the attestations are for '{answers.target}' but "
            f"the audit is of '{report.target.id}'"
        )
    rows = requirement_rows(report.findings, framework_rules, answers)
    selected = {r.id for r in framework_rules}
    stray = [a.requirement for a in answers.attestations if a.requirement not in selected]
    all_notes = list(notes)
    if report.as_of < answers.period_start:
        all_notes.append(
            f"the audit (as of {report.as_of}) predates the period, which starts "
            f"{answers.period_start}"
        )
    if stray:
        all_notes.append(
            f"attestations for {', '.join(stray)} are not used: framework "
            f"{report.ruleset.framework} does not include them"
        )
    return Statement(
        lep=report.target,
        accountable_body=answers.accountable_body,
        period_start=answers.period_start,
        period_end=answers.period_end,
        as_of=report.as_of,
        generated_at=generated_at,
        framework=report.ruleset.framework,
        catalogue_digest=report.ruleset.catalogue_digest,
        audit_generated_at=report.generated_at,
        snapshot_id=report.snapshot.id if report.snapshot else None,
        score=report.score,
        conclusion=conclude(rows),
        requirements=tuple(rows),
        waivers=tuple(f.waiver for f in report.findings if f.waiver is not None),
        open_actions=open_actions(rows, report.action_plan, report.as_of),
        signatory=answers.signatory,
        attestation_file=answers.path,
        notes=tuple(all_notes),
    )


# --------------------------------------------------------------------------- inputs and files


@dataclass(frozen=True)
class StatementInputs:
    """The officer's files, validated before any crawling so a typo costs seconds, not a crawl."""

    ruleset: Ruleset
    answers: AttestationFile
    waivers: tuple[Waiver, ...] | None


def load_inputs(framework: str, attestations: Path, waivers: Path | None = None) -> StatementInputs:
    ruleset = load_ruleset(framework)
    return StatementInputs(
        ruleset=ruleset,
        answers=load_attestations(attestations, manual_rules(ruleset.rules)),
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
    body = registry_accountable_body
    if body and body.casefold() != inputs.answers.accountable_body.casefold():
        notes.append(
            f"the registry names the accountable body as {body}; the attestation file says "
            f"{inputs.answers.accountable_body}"
        )
    statement = build_statement(
        report, inputs.ruleset.selected(), inputs.answers, generated_at=generated_at, notes=notes
    )
    return statement, report


def copy_archived_evidence(statement: Statement, evidence_root: Path, out_dir: Path) -> None:
    """Copy the archived evidence the statement links to beside it, so the statement folder
    opens offline on its own. Archive paths come from report.json, hence the checks."""
    if evidence_root.resolve() == out_dir.resolve():
        return
    for row in statement.requirements:
        for ev in row.evidence:
            archive = ev.archive or ""
            if not archive.startswith("evidence/") or ".." in archive or "\\" in archive:
                continue
            source, target = evidence_root / archive, out_dir / archive
            if source.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


def write_statement(statement: Statement, out_dir: Path, evidence_root: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_archived_evidence(statement, evidence_root, out_dir)
    paths = {fmt: out_dir / name for fmt, name in STATEMENT_FILES.items()}
    paths["json"].write_text(statement.model_dump_json(indent=2) + "\n", encoding="utf-8")
    paths["html"].write_text(render_statement_html(statement), encoding="utf-8")
    write_statement_docx(statement, paths["docx"])
    return paths
