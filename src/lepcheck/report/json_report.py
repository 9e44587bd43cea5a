"""report.json: the machine-readable report, validated by schemas/report.schema.json, which is
generated from the pydantic model (a test fails when the committed schema is stale)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lepcheck.assess import printable_report
from lepcheck.errors import UsageError
from lepcheck.models import Report
from lepcheck.report.links import archive_path

# A report of a 400-page crawl is a few megabytes and nests seven levels deep.
MAX_REPORT_BYTES = 16_000_000
MAX_REPORT_DEPTH = 16


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://lepcheck.invalid/schemas/report.schema.json"
    return schema


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def nesting_depth(data: Any) -> int:
    """How deeply lists and objects nest in parsed JSON (without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            stack.extend(
                (v, depth + 1) for v in (value.values() if isinstance(value, dict) else value)
            )
    return deepest


def parse_report_json(path: Path) -> Any:
    """The JSON of a report file, refused in one line when it is larger or nested deeper than
    any report lepcheck writes (a JSON bomb costs memory or the parser's stack)."""
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise UsageError(
                f"{path} is not a lepcheck report.json ({size:,} bytes; a report is at most "
                f"{MAX_REPORT_BYTES:,})"
            )
        data = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        data = None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    if data is None or nesting_depth(data) > MAX_REPORT_DEPTH:
        raise UsageError(
            f"{path} is not a lepcheck report.json (nested more than {MAX_REPORT_DEPTH} "
            "levels deep)"
        )
    return data


def read_report(path: Path) -> Report:
    """A report.json read back; anything else is a usage error naming the file. A crafted
    file is hostile input too: its size and nesting are bounded, its text is made printable,
    as the audit's own is, and an archived copy it names outside evidence/ is refused
    (lepcheck names none)."""
    try:
        report = Report.model_validate(parse_report_json(path))
    except ValueError as exc:  # bad JSON, bad UTF-8 and pydantic's ValidationError alike
        first = str(exc).splitlines()[0]
        raise UsageError(f"{path} is not a lepcheck report.json ({first})") from exc
    for i, finding in enumerate(report.findings):
        for j, evidence in enumerate(finding.evidence):
            if evidence.archive is not None and archive_path(evidence.archive) is None:
                raise UsageError(
                    f"{path} is not a lepcheck report.json (findings[{i}].evidence[{j}].archive "
                    "is not a file inside evidence/)"
                )
    return printable_report(report)
