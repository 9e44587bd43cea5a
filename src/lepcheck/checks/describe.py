"""The reference of check kinds, generated from their `Params` models so it cannot drift.

Two outputs: `rules/KINDS.md` (every kind with its summary and its params, types, defaults and
meanings) and the `check` section of `schemas/rule.schema.json` (the kind names and, for each,
the JSON Schema of its params, so an editor can validate a rule's params as it is written).
`scripts/generate_schemas.py` writes both; tests fail when a committed copy is stale.
"""

from __future__ import annotations

import copy
import sys
import types
from collections.abc import Mapping
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from lepcheck.checks import CHECK_KINDS, CheckKind
from lepcheck.models import DocumentFormat, DocumentKind
from lepcheck.vocab.named import RULE_VOCABULARIES, RuleVocabulary

# Closed word lists long enough to be listed once, at the end of KINDS.md, under their name.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "DocumentKind": get_args(DocumentKind),
    "DocumentFormat": get_args(DocumentFormat),
    "RuleVocabulary": get_args(RuleVocabulary),
}
SCALARS: dict[Any, str] = {
    str: "text",
    int: "integer",
    float: "number",
    bool: "true or false",
    date: "date (YYYY-MM-DD)",
}


def type_text(annotation: Any) -> str:
    """A field's type in words: 'list of text', 'one of `a`, `b`', 'DocumentSelector'."""
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is Literal:
        for name, values in VOCABULARIES.items():
            if args == values:
                return name
        return "one of " + ", ".join(f"`{value}`" for value in args)
    if origin is tuple:
        return f"list of {type_text(args[0])}"
    if origin is dict:
        return f"map of {type_text(args[0])} to {type_text(args[1])}"
    if origin in (Union, types.UnionType):
        named = [type_text(arg) for arg in args if arg is not type(None)]
        return " or ".join(named) + (" or none" if type(None) in args else "")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    return SCALARS[annotation]


def yaml_value(value: Any) -> str:
    """A default as a rule writes it in YAML (flow style, one line)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_defaults=True)
    elif isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, sort_keys=False)
    return text.removesuffix("\n...\n").strip()


def default_text(field: FieldInfo) -> str:
    return "required" if field.is_required() else f"`{yaml_value(field.default)}`"


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def summary_of(kind: CheckKind) -> str:
    """The module's summary without the kind's name it opens with."""
    text = cell(kind.summary).removeprefix(f"{kind.name}: ")
    return text[:1].upper() + text[1:]


def fields_table(model: type[BaseModel], what: str = "Param") -> list[str]:
    lines = [f"| {what} | Type | Default | Meaning |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        lines.append(
            f"| `{name}` | {cell(type_text(field.annotation))} | {cell(default_text(field))} | "
            f"{cell(field.description or '')} |"
        )
    return lines


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Models used inside a params model, in the order their fields name them."""
    found: list[type[BaseModel]] = []
    for field in model.model_fields.values():
        pending = [field.annotation]
        while pending:
            annotation = pending.pop(0)
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                found += [m for m in [annotation, *nested_models(annotation)] if m not in found]
            pending += get_args(annotation)
    return found


def kinds_markdown(kinds: Mapping[str, CheckKind] = CHECK_KINDS) -> str:
    lines = [
        "# lepcheck check kinds",
        "",
        "Generated from the `Params` models in `src/lepcheck/checks/` by",
        "`scripts/generate_schemas.py` (`make docs`); do not edit by hand (a test fails when it",
        "is stale). A rule names one kind in `check.kind` and gives its `check.params`.",
        "",
        "| Kind | What it checks |",
        "|---|---|",
    ]
    lines += [f"| [`{name}`](#{name}) | {summary_of(kind)} |" for name, kind in kinds.items()]
    shared: list[type[BaseModel]] = []
    for name, kind in kinds.items():
        lines += ["", f"## {name}", "", summary_of(kind), "", *fields_table(kind.params)]
        shared += [m for m in nested_models(kind.params) if m not in shared]
    lines += ["", "## Parameter types", ""]
    for model in shared:
        lines += [f"### {model.__name__}", "", *fields_table(model, "Field"), ""]
    lines += ["## Named values", ""]
    for name, values in VOCABULARIES.items():
        lines += [f"### {name}", "", ", ".join(f"`{v}`" for v in values), ""]
    return "\n".join([*lines, *vocabulary_sources()])


def vocabulary_sources() -> list[str]:
    """Where each rule vocabulary's patterns are kept, with their examples."""
    lines = [
        "A `vocabulary`, `title_vocabulary` or `url_vocabulary` names one of these lists of "
        "patterns, which come before the rule's own; each is a constant of `lepcheck.vocab`, "
        "with phrases it must and must not match in `tests/vocab/<family>.yaml`:",
        "",
    ]
    for name, patterns in RULE_VOCABULARIES.items():
        count = f"{len(patterns)} pattern" + ("s" if len(patterns) != 1 else "")
        lines.append(f"- `{name}`: {constant_of(patterns)} ({count})")
    return [*lines, ""]


def constant_of(value: object) -> str:
    """'lepcheck.vocab.family.NAME' for a constant of a vocabulary family."""
    for module in sorted(sys.modules):
        if module.startswith("lepcheck.vocab.") and module != "lepcheck.vocab.named":
            for name, held in vars(sys.modules[module]).items():
                if held is value and name.isupper():
                    return f"`{module}.{name}`"
    raise LookupError("a rule vocabulary that is no family's constant")


def _without_titles(schema: Any) -> Any:
    """Pydantic's generated titles repeat the field names; a property called "title" stays."""
    if isinstance(schema, list):
        return [_without_titles(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    cleaned: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "title" and isinstance(value, str):
            continue
        if key in ("properties", "$defs"):
            cleaned[key] = {name: _without_titles(sub) for name, sub in value.items()}
        else:
            cleaned[key] = _without_titles(value)
    if cleaned.get("format") == "date":
        # YAML reads an unquoted 2023-04-01 as a date, not a string: a type would refuse it.
        cleaned.pop("type", None)
    return cleaned


def check_schema(
    kinds: Mapping[str, CheckKind] = CHECK_KINDS,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The rule schema's `check` property and the `$defs` its per-kind params refer to."""
    defs: dict[str, Any] = {}
    branches: list[dict[str, Any]] = []
    for name, kind in kinds.items():
        params = _without_titles(kind.params.model_json_schema(ref_template="#/$defs/{model}"))
        for model, schema in params.pop("$defs", {}).items():
            if defs.setdefault(model, schema) != schema:
                raise ValueError(f"two different parameter models are both called {model}")
        defs[name] = params
        branches.append(
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"properties": {"params": {"$ref": f"#/$defs/{name}"}}},
            }
        )
    check = {
        "type": "object",
        "additionalProperties": False,
        "required": ["kind", "params"],
        "properties": {"kind": {"enum": list(kinds)}, "params": {"type": "object"}},
        "allOf": branches,
    }
    return check, defs


def rule_schema_with_checks(
    schema: Mapping[str, Any], kinds: Mapping[str, CheckKind] = CHECK_KINDS
) -> dict[str, Any]:
    """A copy of the rule schema whose `check` section is generated from the kinds."""
    check, defs = check_schema(kinds)
    updated = copy.deepcopy(dict(schema))
    updated["properties"]["check"] = check
    updated["$defs"] = defs
    return updated
