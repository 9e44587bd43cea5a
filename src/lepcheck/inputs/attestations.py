"""Attestations: the accountable body's answers to the requirements no website can show.

The catalogue rows marked `attest` (rules with `assessment: attest`, check kind `attestation`)
always yield a `manual` finding: the audit cannot judge them, and an attestation does not
change that. report.json keeps them `manual`, and the score keeps treating them as not
assessed, because an officer's word is not evidence the tool found. The annual assurance
statement (lepcheck.statement) is where answers meet findings: a `met` answer is shown as
"met (attested)" with who attested and when, never as an automated `pass`.

An attestation file (schemas/attestation.schema.json) answers each manual requirement with
met / partly_met / not_met, the evidence relied on, a document reference or URL, who attested
and when. `unanswered` (what `lepcheck attest init` writes) or no entry at all leaves the
requirement "not evidenced" in the statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

import yaml

from lepcheck.inputs.located_yaml import (
    LocatedYaml,
    check_against_schema,
    parse_date,
    read_located_yaml,
)
from lepcheck.inputs.waivers import load_waivers
from lepcheck.models import Frozen
from lepcheck.rules import Rule, load_rules

AnswerStatus = Literal["met", "partly_met", "not_met", "unanswered"]
ANSWER_LABELS: dict[str, str] = {
    "met": "met",
    "partly_met": "partly met",
    "not_met": "not met",
    "unanswered": "unanswered",
}


class Attestation(Frozen):
    """One answer. `line` is where it sits in its file, so the statement can cite it."""

    requirement: str
    status: AnswerStatus
    evidence: str = ""
    reference: str = ""
    attested_by: str = ""
    attested_on: date | None = None
    line: int = 0

    @property
    def answered(self) -> bool:
        return self.status != "unanswered"


# The fields a signed statement needs that `lepcheck attest init` cannot always fill in. A
# statement drafted while they are blank says so and shows them as missing.
SIGNING_FIELDS = {
    "accountable_body": "accountable body",
    "signatory.name": "signatory's name",
    "signatory.role": "signatory's role",
}


class Signatory(Frozen):
    name: str
    role: str


class AttestationFile(Frozen):
    path: str
    target: str
    lep_name: str = ""
    accountable_body: str
    period_start: date
    period_end: date
    signatory: Signatory
    attestations: tuple[Attestation, ...]
    blank: tuple[str, ...] = ()  # SIGNING_FIELDS left blank (only when read for a draft)

    def answer_for(self, rule_id: str) -> Attestation | None:
        return next((a for a in self.attestations if a.requirement == rule_id), None)


def manual_rules(rules: Sequence[Rule]) -> dict[str, Rule]:
    """The requirements an attestation answers: catalogue rows marked attest."""
    return {r.id: r for r in rules if r.assessment == "attest" and r.status == "active"}


def text(value: object) -> str:
    return "" if value is None else str(value).strip()


def field_value(data: Mapping[str, object], dotted: str) -> object:
    value: object = data
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def load_attestations(
    path: Path, manual: Mapping[str, Rule] | None = None, *, for_draft: bool = False
) -> AttestationFile:
    """Read and validate an attestation file; any problem raises InputFileError naming the
    file, line and field. `manual`, when given, holds the requirements that may be answered:
    an answer to an automated rule is refused, because an attestation must never stand in for
    evidence the audit looks for itself. With `for_draft`, the signing fields may be blank
    (the file then lists them in `blank`); everything else is as strict."""
    located = read_located_yaml(path)
    check_against_schema(located, "attestation", SIGNING_FIELDS if for_draft else ())
    data = located.data
    start = parse_date(located, ["period", "start"], data["period"]["start"])
    end = parse_date(located, ["period", "end"], data["period"]["end"])
    if end < start:
        raise located.error(["period", "end"], f"{end} is before the period start {start}")
    answers = [read_answer(located, index, manual) for index in range(len(data["attestations"]))]
    seen: dict[str, int] = {}
    for index, answer in enumerate(answers):
        if answer.requirement in seen:
            raise located.error(
                ["attestations", index, "requirement"],
                f"{answer.requirement} is answered twice "
                f"(first on line {seen[answer.requirement]})",
            )
        seen[answer.requirement] = answer.line
    return AttestationFile(
        path=str(path),
        target=text(data["target"]),
        lep_name=text(data.get("lep_name")),
        accountable_body=text(data["accountable_body"]),
        period_start=start,
        period_end=end,
        signatory=Signatory(
            name=text(data["signatory"]["name"]), role=text(data["signatory"]["role"])
        ),
        attestations=tuple(answers),
        blank=tuple(f for f in SIGNING_FIELDS if not text(field_value(data, f))),
    )


def read_answer(located: LocatedYaml, index: int, manual: Mapping[str, Rule] | None) -> Attestation:
    item = located.data["attestations"][index]
    where: list[str | int] = ["attestations", index]
    requirement = item["requirement"]
    if manual is not None and requirement not in manual:
        known = ", ".join(sorted(manual)) or "none"
        raise located.error(
            [*where, "requirement"],
            f"{requirement} is not a manual requirement (attestations answer only: {known}); "
            "automated requirements are judged from the website's evidence",
        )
    answered = item["status"] != "unanswered"
    attested_on = parse_date(located, [*where, "date"], item["date"]) if answered else None
    return Attestation(
        requirement=requirement,
        status=item["status"],
        evidence=text(item.get("evidence")),
        reference=text(item.get("reference")),
        attested_by=text(item.get("attested_by")),
        attested_on=attested_on,
        line=located.line_of(where),
    )


def validate_officer_file(path: Path) -> str | None:
    """Validate `path` if it is an attestation or waivers file and say what it holds; None when
    it is neither (a rule file, for instance). Problems raise InputFileError with the line."""
    kind = top_level_key(path)
    if kind == "attestations":
        answers = load_attestations(path, manual_rules(load_rules()))
        answered = sum(a.answered for a in answers.attestations)
        return (
            f"{path}: valid attestation file for {answers.target}: {answered} of "
            f"{len(answers.attestations)} requirement(s) answered"
        )
    if kind == "waivers":
        return f"{path}: valid waivers file: {len(load_waivers(path))} waiver(s)"
    return None


def top_level_key(path: Path) -> str | None:
    """Which officer's file a YAML file is ('attestations' or 'waivers'), else None, so
    `lepcheck validate PATH` can check each file with its own schema. A file that cannot be
    read safely (not UTF-8, an alias bomb, bad YAML) is refused here, in one line."""
    data = read_located_yaml(path).data
    if not isinstance(data, dict):
        return None
    for key in ("attestations", "waivers"):
        if key in data:
            return key
    return None


# --------------------------------------------------------------------------- template


def financial_year_of(day: date) -> tuple[date, date]:
    """The UK financial year (1 April to 31 March) that contains `day`."""
    start_year = day.year if day.month >= 4 else day.year - 1
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def yaml_scalar(value: str) -> str:
    """A YAML double-quoted scalar: safe for any text a rule title or guidance holds."""
    dumped: str = yaml.safe_dump(value, default_style='"', width=10_000, allow_unicode=True)
    return dumped.strip().removesuffix("...").strip()


def render_template(
    *,
    target_id: str,
    lep_name: str,
    accountable_body: str | None,
    rules: Sequence[Rule],
    as_of: date,
) -> str:
    """An attestation file listing every manual requirement, unanswered, with its guidance.

    Written by hand rather than by yaml.dump so it can carry comments telling the officer
    what to fill in; `load_attestations` parses the result (a test holds it to that)."""
    start, end = financial_year_of(as_of)
    lines = [
        "# lepcheck attestation file: the accountable body's answers to the requirements no",
        "# website can show. Validate with `lepcheck validate FILE`; use with",
        "# `lepcheck statement <id> --attestations FILE --out DIR`.",
        "#",
        "# For each requirement set status to met, partly_met or not_met and fill in",
        "# evidence (what shows it), reference (document reference or URL; required for met",
        "# and partly_met), attested_by (name and role) and date (YYYY-MM-DD).",
        "# A requirement left `unanswered` is reported as NOT EVIDENCED, never as met.",
        f"target: {yaml_scalar(target_id)}",
        f"lep_name: {yaml_scalar(lep_name)}",
        f"accountable_body: {yaml_scalar(accountable_body or '')}"
        + ("" if accountable_body else "  # required: the accountable body's name"),
        "period:  # the year the statement covers (default: the financial year of --as-of)",
        f"  start: {start.isoformat()}",
        f"  end: {end.isoformat()}",
        "signatory:  # who signs the statement",
        '  name: ""  # required',
        '  role: "Section 151 Officer"',
        "attestations:",
    ]
    for rule in rules:
        guidance = rule.guidance or rule.params.get("guidance", "") or rule.description
        examples = rule.params.get("evidence_examples") or []
        lines += [
            f"  - requirement: {rule.id}",
            f"    title: {yaml_scalar(rule.title)}",
            f"    guidance: {yaml_scalar(' '.join(str(guidance).split()))}",
        ]
        if examples:
            lines.append("    # evidence could be:")
            lines += [f"    #   - {' '.join(str(e).split())}" for e in examples]
        lines += [
            "    status: unanswered  # met | partly_met | not_met",
            '    evidence: ""',
            '    reference: ""',
            '    attested_by: ""',
            '    date: ""',
        ]
    if not rules:
        lines[-1] = "attestations: []  # the ruleset has no manual requirements"
    return "\n".join(lines) + "\n"
