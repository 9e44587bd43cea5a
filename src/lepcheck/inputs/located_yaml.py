"""Reading the officer's YAML files (waivers, attestations) so every error names its line.

Dates are kept as the strings written (so the JSON Schema checks them as written and messages
quote them exactly as typed, and an impossible date such as 2023-02-30 is a located error,
not a crash in the YAML loader), and every error names the file, the line and the field,
which is what `lepcheck validate` promises. The files are read as untrusted input
(lepcheck.rules.yaml_input: size, encoding, alias expansion and nesting bounded).
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

from lepcheck.errors import InputFileError
from lepcheck.rules import load_schema
from lepcheck.rules.yaml_input import brief, load_yaml_file

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
    root, data = load_yaml_file(path, StringDateLoader, InputFileError)
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
    return field, brief(error.message)


def is_blank_field(error: jsonschema.ValidationError, fields: Collection[str]) -> bool:
    """Whether the error only says that one of `fields` (dotted paths) is blank or empty."""
    if ".".join(str(p) for p in error.absolute_path) not in fields:
        return False
    blank = error.validator == "pattern" and error.validator_value == r"\S"
    return blank or (error.validator == "type" and error.instance is None)


def check_against_schema(
    located: LocatedYaml, schema_name: str, may_be_blank: Collection[str] = ()
) -> None:
    """Raise the first schema error (by line) with its file, line and field. Fields named in
    `may_be_blank` (dotted paths) may be blank or empty; every other rule holds."""
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    problems = [
        schema_problem(e)
        for e in validator.iter_errors(located.data)
        if not is_blank_field(e, may_be_blank)
    ]
    if problems:
        field, message = min(problems, key=lambda p: located.line_of(p[0]))
        raise located.error(field, message)


def parse_date(located: LocatedYaml, field: Sequence[str | int], value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise located.error(field, f"{value!r} is not a calendar date") from None
