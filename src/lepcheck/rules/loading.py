"""Loading rules and frameworks: YAML validated by JSON Schema, params by the kind's model.

Every error names the file and the field, so `lepcheck validate` can point at the line to fix
(as yamllint validates rule options before linting anything).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from pydantic import ValidationError

from lepcheck.checks import CHECK_KINDS
from lepcheck.errors import RuleError
from lepcheck.rules.model import (
    DEFAULT_FRAMEWORK,
    GROUPS,
    SEVERITY_WEIGHTS,
    SPOT_CHECK_FRAMEWORK,
    Framework,
    Reference,
    Rule,
    Ruleset,
)
from lepcheck.rules.yaml_input import brief, load_yaml_file
from lepcheck.vocab.named import written_out

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/lepcheck, or lepcheck/ in a wheel


def resource_dir(name: str) -> Path:
    """rules/ and schemas/ ship inside the wheel (lepcheck/_bundled); in a checkout they are
    at the repository root."""
    bundled = PACKAGE_DIR / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return PACKAGE_DIR.parents[1] / name


@cache
def load_schema(name: str) -> dict[str, Any]:
    path = resource_dir("schemas") / f"{name}.schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def field_path(error: jsonschema.ValidationError) -> str:
    return ".".join(str(p) for p in error.absolute_path) or "(top level)"


def read_yaml(path: Path) -> Any:
    """A rule or framework file's values, read as untrusted input (rules.yaml_input)."""
    return load_yaml_file(path)[1]


def validate_against(schema_name: str, data: Any, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise RuleError(f"{path}: field '{field_path(first)}': {brief(first.message)}")


def load_rule(path: Path) -> Rule:
    data = read_yaml(path)
    validate_against("rule", data, path)
    if data["id"] != path.stem:
        raise RuleError(
            f"{path}: field 'id': '{data['id']}' differs from the file name '{path.stem}'"
        )
    group = data["id"].split("-")[0]
    if path.parent.name.upper() != group:
        raise RuleError(f"{path}: field 'id': rule {data['id']} belongs in rules/{group.lower()}/")
    check = data["check"]
    try:
        CHECK_KINDS[check["kind"]].params.model_validate(check["params"])
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise RuleError(f"{path}: field 'check.params.{loc}': {err['msg']}") from exc
    start, until = in_force_dates(data["in_force"], path)
    return Rule(
        id=data["id"],
        title=data["title"],
        status=data["status"],
        severity=data["severity"],
        assessment=data["assessment"],
        provenance=data["provenance"],
        description=data["description"].strip(),
        rationale=data["rationale"].strip(),
        kind=check["kind"],
        params=check["params"],
        remediation=data["remediation"].strip(),
        references=tuple(Reference(**r) for r in data["references"]),
        since=data["since"],
        applies_to=tuple(data["applies_to"]),
        basis=data["basis"],
        in_force_from=start,
        in_force_until=until,
        conditions=tuple(data.get("conditions", ())),
        guidance=data.get("guidance", "").strip(),
        path=str(path),
    )


def in_force_dates(value: dict[str, Any], path: Path) -> tuple[date | None, date | None]:
    """`in_force: {from, until}` as dates: YAML reads 2024-04-01 as a date, a quoted one is
    read as ISO; `until` before `from` is an error naming the field."""
    found: dict[str, date | None] = {}
    for key in ("from", "until"):
        raw = value.get(key)
        if raw is None or isinstance(raw, date):
            found[key] = raw
            continue
        try:
            found[key] = date.fromisoformat(str(raw))
        except ValueError:
            raise RuleError(
                f"{path}: field 'in_force.{key}': '{raw}' is not a date (YYYY-MM-DD)"
            ) from None
    start, until = found["from"], found["until"]
    if start is not None and until is not None and until < start:
        raise RuleError(
            f"{path}: field 'in_force': until {until} is before from {start}; the dates are "
            "reversed"
        )
    return start, until


def rule_files(root: Path | None = None) -> list[Path]:
    base = root or resource_dir("rules")
    return sorted(p for p in base.glob("*/*.yaml") if p.parent.name.upper() in GROUPS)


def load_rules(root: Path | None = None) -> list[Rule]:
    rules = [load_rule(p) for p in rule_files(root)]
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleError(
                f"{rule.path}: field 'id': {rule.id} is also defined in {seen[rule.id]}"
            )
        seen[rule.id] = rule.path
    return sorted(rules, key=rule_sort_key)


def rule_sort_key(rule: Rule) -> tuple[int, str]:
    return (GROUPS.index(rule.group), rule.id)


def load_framework(name: str, rules: Iterable[Rule], root: Path | None = None) -> Framework:
    base = (root or resource_dir("rules")) / "frameworks"
    path = base / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in base.glob("*.yaml"))) or "none"
        raise RuleError(f"unknown framework '{name}' (known: {known})")
    data = read_yaml(path)
    validate_against("framework", data, path)
    framework = Framework.model_validate(data)
    ids = {r.id for r in rules}
    for clause in framework.clauses:
        for rule_id in clause.rules:
            if rule_id not in ids:
                raise RuleError(
                    f"{path}: field 'clauses': clause {clause.clause} names unknown rule {rule_id}"
                )
    return framework


def framework_weights(framework: Framework, rules: Iterable[Rule]) -> dict[str, float]:
    """Rule id -> weight. A clause's weight overrides severity; otherwise severity weighs."""
    by_id = {r.id: r for r in rules if r.status == "active"}
    weights: dict[str, float] = {}
    for clause in framework.clauses:
        for rule_id in clause.rules:
            rule = by_id.get(rule_id)
            if rule is None:
                continue
            weight = clause.weight or SEVERITY_WEIGHTS[rule.severity]
            weights[rule_id] = max(weights.get(rule_id, 0.0), weight)
    if framework.include_all_active:
        for rule_id, rule in by_id.items():
            if set(rule.applies_to) & set(framework.applies_to):
                weights.setdefault(rule_id, SEVERITY_WEIGHTS[rule.severity])
    return weights


def catalogue_digest(rules: Iterable[Rule]) -> str:
    """A digest of every rule file's content, so a report says exactly which rules judged it.
    Vocabularies a rule cites by name are written out, so changing one changes the digest."""
    digest = hashlib.sha256()
    for rule in sorted(rules, key=lambda r: r.id):
        in_full = rule.model_copy(update={"params": written_out(rule.params)})
        digest.update(in_full.model_dump_json(exclude={"path"}).encode())
    return "sha256:" + digest.hexdigest()


def load_ruleset(framework: str = DEFAULT_FRAMEWORK, root: Path | None = None) -> Ruleset:
    rules = load_rules(root)
    fw = load_framework(framework, rules, root)
    return Ruleset(
        rules=tuple(rules),
        framework=fw,
        weights=framework_weights(fw, rules),
        digest=catalogue_digest(rules),
        rating_cap=rating_cap_rules(rules, root),
    )


def rating_cap_rules(rules: Iterable[Rule], root: Path | None = None) -> frozenset[str]:
    """The spot-check profile's rules, whichever framework an audit uses: a must-requirement
    a spot check would fail is never rated green. No spot-check profile, no cap."""
    try:
        spot_check = load_framework(SPOT_CHECK_FRAMEWORK, rules, root)
    except RuleError:
        return frozenset()
    return frozenset(rule_id for clause in spot_check.clauses for rule_id in clause.rules)
