"""Refresh tests/rules/catalogue-table.tsv from the requirements catalogue (requirements.md).

The tests compare every rule's assessment, severity and provenance with this committed copy of
the catalogue's columns, so they never depend on a file outside the repository. When the
catalogue changes, run:

    python scripts/catalogue_table.py PATH/TO/requirements.md

and commit the table together with the rules it changes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "rules" / "catalogue-table.tsv"
ID_CELL = re.compile(r"[A-Z]+-\d{2}")


def parse_requirements_table(text: str) -> dict[str, tuple[str, str, str]]:
    """ID -> (check, sev, conf) from the catalogue's markdown table; conf is its first word
    ("unconfirmed (no explicit ...)" -> "unconfirmed")."""
    rows: dict[str, tuple[str, str, str]] = {}
    for line in text.splitlines():
        if not line.startswith("| "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not ID_CELL.fullmatch(cells[0]):
            continue
        check, sev, conf = cells[-3], cells[-2], cells[-1].split()[0]
        rows[cells[0]] = (check, sev, conf)
    return rows


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python scripts/catalogue_table.py PATH/TO/requirements.md", file=sys.stderr)
        return 2
    rows = parse_requirements_table(Path(argv[0]).read_text(encoding="utf-8"))
    lines = ["id\tcheck\tsev\tconf", *("\t".join((i, *row)) for i, row in rows.items())]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TABLE} ({len(rows)} requirements)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
