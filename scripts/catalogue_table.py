"""Refresh the committed copies of the two requirement catalogues' columns:
tests/rules/catalogue-table.tsv from the LEP catalogue (requirements.md), and
tests/rules/successor-table.tsv from the successors' (docs/successor-requirements.md).

The tests compare every rule's assessment, severity and provenance (and a successor rule's
basis) with these committed copies, so they never depend on a file outside the repository.
When a catalogue changes, run:

    python scripts/catalogue_table.py PATH/TO/requirements.md
    python scripts/catalogue_table.py --successors docs/successor-requirements.md

and commit the table together with the rules it changes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "rules" / "catalogue-table.tsv"
SUCCESSOR_TABLE = ROOT / "tests" / "rules" / "successor-table.tsv"
BASIS = {"statute": "statute", "statutory": "statutory_code", "guidance": "guidance"}
BASIS["good"] = "good_practice"
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


def parse_successor_table(text: str) -> dict[str, tuple[str, str, str, str]]:
    """ID -> (assess, sev, prov, basis) from the successors' tables, read by their headers;
    prov and basis by their first word ("NP - SI 2002/715 read" -> "NP")."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    header: list[str] = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ID |"):
            header = cells
            continue
        if not line.startswith("| ") or not header or not ID_CELL.fullmatch(cells[0]):
            continue
        row = dict(zip(header, cells, strict=False))
        basis = BASIS[row["Basis"].split()[0]]
        rows[cells[0]] = (row["Assess"], row["Sev"], row["Prov"].split()[0], basis)
    return rows


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--successors":
        found = parse_successor_table(Path(argv[1]).read_text(encoding="utf-8"))
        head = "id\tassess\tsev\tprov\tbasis"
        lines = [head, *("\t".join((i, *row)) for i, row in found.items())]
        SUCCESSOR_TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {SUCCESSOR_TABLE} ({len(found)} requirements)")
        return 0
    if len(argv) != 1:
        print(
            "usage: python scripts/catalogue_table.py [--successors] PATH/TO/requirements.md",
            file=sys.stderr,
        )
        return 2
    rows = parse_requirements_table(Path(argv[0]).read_text(encoding="utf-8"))
    lines = ["id\tcheck\tsev\tconf", *("\t".join((i, *row)) for i, row in rows.items())]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {TABLE} ({len(rows)} requirements)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
