"""The Section 151 officer's annual assurance statement: findings and attestations, concluded.

One row per framework requirement (lepcheck.assess.requirements), a conclusion that names the
requirements deciding it (lepcheck.assess.conclusion), and the open actions. `build_statement`
is pure: it reads an audit report (waivers already applied) and the officer's answers.

A statement whose attestation file leaves the accountable body or the signatory blank is still
drafted, marked as not ready to sign, with those fields shown as missing: an officer can see
the whole draft before the signing details are settled. Everything else is validated strictly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from lepcheck.assess.actions import statement_actions
from lepcheck.assess.conclusion import Conclusion, conclude
from lepcheck.assess.requirements import Outcome, RequirementRow, requirement_rows
from lepcheck.bodies import BODY_KIND_WORDS
from lepcheck.errors import StatementError
from lepcheck.inputs.attestations import SIGNING_FIELDS, AttestationFile, Signatory
from lepcheck.models import ActionItem, Frozen, Report, Score, TargetInfo, Waiver
from lepcheck.rules import Rule

# Printed under the declaration in both the HTML and the DOCX, so the reader knows what each
# status rests on.
BASIS_EXPLAINED = (
    "Basis: each requirement below is met only on archived evidence the audit found on the "
    "website (automated) or on the accountable body's attestation, shown with who attested and "
    "when. A requirement the audit could not assess, or that no attestation answers, is listed "
    "as not evidenced, never as met. Waived requirements are listed with their waiver."
)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def missing_mark(field: str) -> str:
    return f"[missing: {SIGNING_FIELDS[field]}]"


class Statement(Frozen):
    lep: TargetInfo
    accountable_body: str
    period_start: date
    period_end: date
    as_of: date
    generated_at: datetime
    framework: str
    framework_title: str = ""
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
    missing: tuple[str, ...] = ()  # signing fields the attestation file leaves blank

    def rows(self, outcome: Outcome) -> list[RequirementRow]:
        return [r for r in self.requirements if r.outcome == outcome]

    @property
    def basis_explained(self) -> str:
        return BASIS_EXPLAINED

    @property
    def body_label(self) -> str:
        """What the audited body is, for the statement's facts ("Local enterprise partnership",
        "Upper-tier council")."""
        words = BODY_KIND_WORDS[self.lep.kind]
        return "Local enterprise partnership" if self.lep.kind == "lep" else words.capitalize()

    @property
    def framework_shown(self) -> str:
        return self.framework + (f" ({self.framework_title})" if self.framework_title else "")

    @property
    def scope(self) -> str:
        """What the statement is about: an LEP against its assurance framework, or a successor
        body (named as such) against the framework of its statutory duties and the inherited
        LEP functions, its local growth assurance among them."""
        if self.lep.kind == "lep":
            return f"{self.lep.name} against the {self.framework} assurance framework"
        kind = BODY_KIND_WORDS[self.lep.kind]
        return (
            f"{self.lep.name}, {'an' if kind[0] in 'aeiou' else 'a'} {kind}, against the "
            f"{self.framework_shown} framework, its local growth assurance for the inherited "
            "LEP programmes included,"
        )

    @property
    def period(self) -> str:
        return f"{long_date(self.period_start)} to {long_date(self.period_end)}"

    @property
    def ready_to_sign(self) -> bool:
        return not self.missing

    @property
    def missing_line(self) -> str:
        """What keeps the draft from being signed, for the banner above it."""
        fields = " and ".join(SIGNING_FIELDS[f] for f in self.missing)
        return (
            f"NOT READY TO SIGN: the attestation file leaves blank the {fields}; fill them in "
            "and run `lepcheck statement` again."
        )

    @property
    def body_shown(self) -> str:
        return self.accountable_body or missing_mark("accountable_body")

    @property
    def signatory_name_shown(self) -> str:
        return self.signatory.name or missing_mark("signatory.name")

    @property
    def signatory_role_shown(self) -> str:
        return self.signatory.role or missing_mark("signatory.role")

    @property
    def declaration(self) -> str:
        """The sentence the officer signs: it claims no more than the conclusion allows."""
        name = self.signatory.name or "[name]"
        who = f"I, {name}, {self.signatory_role_shown} of {self.body_shown}"
        scope = f"{self.scope} for {self.period}"
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
        framework_title=report.ruleset.framework_title,
        catalogue_digest=report.ruleset.catalogue_digest,
        audit_generated_at=report.generated_at,
        snapshot_id=report.snapshot.id if report.snapshot else None,
        score=report.score,
        conclusion=conclude(rows),
        requirements=tuple(rows),
        waivers=tuple(f.waiver for f in report.findings if f.waiver is not None),
        open_actions=statement_actions(rows, report.action_plan, report.as_of),
        signatory=answers.signatory,
        attestation_file=answers.path,
        notes=tuple(all_notes),
        missing=answers.blank,
    )
