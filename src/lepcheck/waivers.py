"""Waivers: approved, dated exceptions to a finding, read from a YAML file.

A waivers file is a list of {target, rule, reason, approved_by, approved_on, expires}, every
field required (schemas/waivers.schema.json). A waiver in force on the audit's `as_of` day turns
its finding into `waived`, keeps the finding's own status in `original_status` and the waiver
itself beside it, and adds the waiver's text to the message, so the Markdown and CSV reports
(which print the message, not the waiver field) show it too. Expiry is compared with `as_of`,
never with the clock, so a re-run of a past audit waives exactly what it waived then.

This module also holds the YAML reading shared with attestation files: dates are kept as
strings (so the schema checks them as written) and every error names the file, the line and
the field, which is what `lepcheck validate` promises.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from lepcheck.errors import InputFileError, RuleError
from lepcheck.models import Finding, Report, Waiver
from lepcheck.report.build import action_plan
from lepcheck.rules import (
    GROUP_TITLES,
    load_framework,
    load_rules,
    load_ruleset,
    load_schema,
)
from lepcheck.score import score_findings

# A waiver is only worth applying to something that is not already met or out of scope.
WAIVABLE_STATUSES = frozenset({"fail", "partial", "unknown", "manual"})
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SPOT_CHECK_FRAMEWORK = "spot-check"  # the profile whose failed must-rules cap the rating


class StringDateLoader(yaml.SafeLoader):
    """A safe loader that leaves dates as the strings written, so the JSON Schema can check
    their form and error messages quote them exactly as the officer typed them."""


StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class LocatedYaml:
    """Parsed YAML data with its node tree, so any field path can be traced to its line."""

    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, field: Sequence[str | int]) -> int:
        """The 1-based line of the deepest node on `field` that exists in the file."""
        node = self.root
        line = 1 if node is None else node.start_mark.line + 1
        for key in field:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == str(key)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                child = node.value[key] if 0 <= key < len(node.value) else None
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def error(self, field: Sequence[str | int], message: str) -> InputFileError:
        name = ".".join(str(part) for part in field) or "(top level)"
        return InputFileError(f"{self.path}: line {self.line_of(field)}: field '{name}': {message}")


def read_located_yaml(path: Path) -> LocatedYaml:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    try:
        root = yaml.compose(text, Loader=StringDateLoader)
        data = yaml.load(text, Loader=StringDateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputFileError(f"{path}:{line} not valid YAML ({problem})") from exc
    return LocatedYaml(path=path, data=data, root=root)


def schema_problem(error: jsonschema.ValidationError) -> tuple[list[str | int], str]:
    """The field a schema error is about and a message an officer can act on."""
    field: list[str | int] = list(error.absolute_path)
    if error.validator == "required" and isinstance(error.instance, dict):
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        missing = [k for k in required if k not in error.instance]
        return [*field, missing[0]], "is missing; it is required"
    if error.validator == "type" and error.instance is None:
        return field, "is empty; fill it in"
    if error.validator == "pattern" and error.validator_value == r"\S":
        return field, "must not be blank"
    if error.validator == "pattern" and error.validator_value == DATE_PATTERN.pattern:
        return field, f"{error.instance!r} is not a date; write it as YYYY-MM-DD"
    return field, error.message


def check_against_schema(located: LocatedYaml, schema_name: str) -> None:
    """Raise the first schema error (by line) with its file, line and field."""
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    problems = [schema_problem(e) for e in validator.iter_errors(located.data)]
    if problems:
        field, message = min(problems, key=lambda p: located.line_of(p[0]))
        raise located.error(field, message)


def parse_date(located: LocatedYaml, field: Sequence[str | int], value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise located.error(field, f"{value!r} is not a calendar date") from None


# --------------------------------------------------------------------------- waivers


def load_waivers(path: Path, known_rules: Collection[str] | None = None) -> tuple[Waiver, ...]:
    """Read and validate a waivers file. Every rule id must be in `known_rules` (default: the
    catalogue), since a mistyped id would otherwise waive nothing without anyone noticing."""
    located = read_located_yaml(path)
    check_against_schema(located, "waivers")
    if known_rules is None:
        known_rules = {rule.id for rule in load_rules()}
    waivers = []
    for index, item in enumerate(located.data["waivers"]):
        where: list[str | int] = ["waivers", index]
        if item["rule"] not in known_rules:
            raise located.error([*where, "rule"], f"unknown rule {item['rule']}")
        approved_on = parse_date(located, [*where, "approved_on"], item["approved_on"])
        expires = parse_date(located, [*where, "expires"], item["expires"])
        if expires < approved_on:
            raise located.error(
                [*where, "expires"], f"{expires} is before approved_on {approved_on}"
            )
        waivers.append(
            Waiver(
                target=item["target"].strip(),
                rule=item["rule"],
                reason=item["reason"].strip(),
                approved_by=item["approved_by"].strip(),
                approved_on=approved_on,
                expires=expires,
            )
        )
    return tuple(waivers)


def waiver_text(waiver: Waiver, original_status: str) -> str:
    return (
        f"Waived (its own status: {original_status}): {waiver.reason} Approved by "
        f"{waiver.approved_by} on {waiver.approved_on}; expires {waiver.expires}."
    )


def unwaived(finding: Finding) -> Finding:
    """The finding as it was before any waiver, so applying a new waivers file is idempotent."""
    if finding.status != "waived" or finding.original_status is None:
        return finding
    message = finding.message
    if finding.waiver is not None:
        message = message.removesuffix(" " + waiver_text(finding.waiver, finding.original_status))
    return finding.model_copy(
        update={
            "status": finding.original_status,
            "original_status": None,
            "waiver": None,
            "message": message,
        }
    )


def apply_waivers(
    findings: Sequence[Finding], waivers: Sequence[Waiver], target_id: str, as_of: date
) -> tuple[list[Finding], list[str]]:
    """Waive the findings that an in-force waiver for `target_id` covers on `as_of`.

    Returns the findings (same order) and warnings: an expired or not yet approved waiver is
    ignored and the finding keeps its own status; a waiver for a rule that passed, does not
    apply or is not in this audit is reported as unused.
    """
    by_rule = {f.rule_id: i for i, f in enumerate(findings)}
    result = list(findings)
    warnings: list[str] = []
    for waiver in waivers:
        if waiver.target != target_id:
            continue  # one file may hold the waivers of several LEPs
        label = f"waiver for {waiver.rule} ({waiver.target})"
        if waiver.expires < as_of:
            warnings.append(
                f"{label} expired on {waiver.expires} (as of {as_of}); ignored, the finding "
                "keeps its own status"
            )
            continue
        if waiver.approved_on > as_of:
            warnings.append(
                f"{label} was approved on {waiver.approved_on}, after the audit date {as_of}; "
                "ignored"
            )
            continue
        index = by_rule.get(waiver.rule)
        if index is None:
            warnings.append(f"{label}: {waiver.rule} is not among this audit's findings; unused")
            continue
        finding = result[index]
        if finding.status == "waived":
            warnings.append(f"{label}: {waiver.rule} is already waived by an earlier entry")
            continue
        if finding.status not in WAIVABLE_STATUSES:
            warnings.append(f"{label}: {waiver.rule} is {finding.status}; no waiver needed")
            continue
        result[index] = finding.model_copy(
            update={
                "status": "waived",
                "original_status": finding.status,
                "waiver": waiver,
                "message": f"{finding.message} {waiver_text(waiver, finding.status)}",
            }
        )
    return result, warnings


def rating_cap_rules(framework: str) -> set[str]:
    """The rules whose failure caps the rating: the spot-check profile's, as audit.py computes
    them. Read here from rules.py, not imported from audit.py, because the statement renderers
    in report/ reach this module and report/ may not depend on the audit stage."""
    try:
        spot_check = load_framework(SPOT_CHECK_FRAMEWORK, load_ruleset(framework).rules)
    except RuleError:
        return set()  # as in the audit: no spot-check profile, no cap
    return {rule_id for clause in spot_check.clauses for rule_id in clause.rules}


def waive_report(report: Report, waivers: Sequence[Waiver]) -> tuple[Report, list[str]]:
    """The report with `waivers` applied (replacing any earlier ones), re-scored as the audit
    scores, and with an action plan that no longer lists what is waived."""
    base = [unwaived(f) for f in report.findings]
    findings, warnings = apply_waivers(base, waivers, report.target.id, report.as_of)
    waived = report.model_copy(
        update={
            "findings": tuple(findings),
            "score": score_findings(
                findings,
                cap_rules=rating_cap_rules(report.ruleset.framework),
                category_titles=GROUP_TITLES,
            ),
            "action_plan": action_plan(findings, report.as_of),
        }
    )
    return waived, warnings
