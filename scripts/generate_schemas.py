"""Regenerate schemas/report.schema.json from the pydantic Report model.

tests/report/test_report_schema.py fails when the committed file differs from what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

from lepcheck.report.json_report import report_schema

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    path = ROOT / "schemas" / "report.schema.json"
    path.write_text(json.dumps(report_schema(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
