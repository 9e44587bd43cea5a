"""report.json: the machine-readable report, validated by schemas/report.schema.json, which is
generated from the pydantic model (a test fails when the committed schema is stale)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lepcheck.errors import UsageError
from lepcheck.models import Report


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://lepcheck.invalid/schemas/report.schema.json"
    return schema


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def write_json(report: Report, path: Path) -> Path:
    path.write_text(render_json(report), encoding="utf-8")
    return path


def read_report(path: Path) -> Report:
    """A report.json read back; anything else is a usage error naming the file."""
    try:
        return Report.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except ValueError as exc:  # bad JSON, bad UTF-8 and pydantic's ValidationError alike
        first = str(exc).splitlines()[0]
        raise UsageError(f"{path} is not a lepcheck report.json ({first})") from exc
