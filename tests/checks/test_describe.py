"""rules/KINDS.md and the rule schema's `check` section are generated from the kinds' Params
models; like rules/CATALOGUE.md they must never go stale, and the schema must judge params as
the models do."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import ValidationError

from lepcheck.checks import CHECK_KINDS
from lepcheck.checks.describe import kinds_markdown, rule_schema_with_checks
from lepcheck.rules.loading import read_yaml, resource_dir, rule_files

STALE = "is stale: run scripts/generate_schemas.py (or make docs)"


def committed_rule_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((resource_dir("schemas") / "rule.schema.json").read_text())
    return schema


def test_kinds_md_is_current() -> None:
    committed = (resource_dir("rules") / "KINDS.md").read_text(encoding="utf-8")
    assert committed == kinds_markdown(), f"rules/KINDS.md {STALE}"


def test_rule_schema_check_section_is_current() -> None:
    committed = committed_rule_schema()
    assert committed == rule_schema_with_checks(committed), f"schemas/rule.schema.json {STALE}"


def test_kinds_md_lists_every_kind_and_every_param() -> None:
    text = kinds_markdown()
    for name, kind in CHECK_KINDS.items():
        assert f"\n## {name}\n" in text
        for param in kind.params.model_fields:
            assert f"| `{param}` |" in text, (name, param)
    assert "| `measure` | one of `sector_share`, `role_sector`, `size`" in text
    assert "| `not_needed_if_own` | list of DocumentKind | `[]` |" in text
    assert "| `effective` | date (YYYY-MM-DD) | required |" in text


VALIDATOR = jsonschema.Draft202012Validator(rule_schema_with_checks(committed_rule_schema()))


def errors_for(check: dict[str, Any]) -> list[str]:
    rule = read_yaml(rule_files()[0])
    rule["check"] = check
    return [".".join(map(str, e.absolute_path)) for e in VALIDATOR.iter_errors(rule)]


def test_every_bundled_rule_meets_the_generated_schema() -> None:
    for path in rule_files():
        assert list(VALIDATOR.iter_errors(read_yaml(path))) == [], path


BAD_PARAMS = [
    ("document_published", {"document": {"kinds": ["no_such_kind"]}}),
    ("document_published", {"document": {}, "min_count": "two"}),
    ("links_to", {"description": "papers", "no_such_param": 1}),
    ("board_composition", {"measure": "height"}),
    ("table_fields", {"document": {}, "fields": [{"name": "amount"}]}),
    ("meeting_timeliness", {"document": "agenda", "relation": "before"}),
]


@pytest.mark.parametrize(("kind", "params"), BAD_PARAMS)
def test_schema_and_model_both_refuse_bad_params(kind: str, params: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        CHECK_KINDS[kind].params.model_validate(params)
    paths = errors_for({"kind": kind, "params": params})
    assert paths and all(p.startswith("check.params") for p in paths), paths


def test_schema_accepts_yaml_dates_as_the_model_does() -> None:
    params = yaml.safe_load(
        "{measure: female_share, targets: [{effective: 2023-04-01, min_share: 0.5}]}"
    )
    CHECK_KINDS["board_composition"].params.model_validate(params)
    assert errors_for({"kind": "board_composition", "params": params}) == []


def test_schema_refuses_an_unknown_kind() -> None:
    assert errors_for({"kind": "no_such_kind", "params": {}}) == ["check.kind"]
