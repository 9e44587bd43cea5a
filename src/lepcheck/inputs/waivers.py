"""Waivers files: approved, dated exceptions to a finding, read from YAML.

A waivers file is a list of {target, rule, reason, approved_by, approved_on, expires}, every
field required (schemas/waivers.schema.json). Applying them is the verdict's business
(lepcheck.assess.waivers).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from lepcheck.inputs.located_yaml import check_against_schema, parse_date, read_located_yaml
from lepcheck.models import Waiver
from lepcheck.rules import load_rules


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
