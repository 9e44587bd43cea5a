"""Regenerate what is generated from the models: schemas/report.schema.json from the pydantic
Report model, the `check` section of schemas/rule.schema.json and rules/KINDS.md from the check
kinds' Params models.

tests/report/test_report_formats.py and tests/checks/test_describe.py fail when a committed file
differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from lepcheck.checks.describe import kinds_markdown, rule_schema_with_checks
from lepcheck.report.json_report import report_schema

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    path = ROOT / "schemas" / "report.schema.json"
    path.write_text(json.dumps(report_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    path = ROOT / "schemas" / "rule.schema.json"
    rule_schema = rule_schema_with_checks(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(rule_schema, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    path = ROOT / "rules" / "KINDS.md"
    path.write_text(kinds_markdown(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
