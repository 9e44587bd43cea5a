"""The committed development / held-back split of the corpus (tests/corpus/split.yaml).

The split is by LEP, so one LEP never sits in both parts; it was fixed before any reader was
measured, and held-back documents are only ever scored (issue 13, item 2).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import yaml

from tests.corpus.corpus_files import CORPUS_DIR, Problem, lep_ids, shown

SPLIT_FILE = CORPUS_DIR / "split.yaml"
SPLIT_PARTS = ("held_back", "development")


def read_split(split_file: Path = SPLIT_FILE) -> dict[str, list[str]]:
    """The committed split: part name -> LEP ids, as written (so repeats can be seen)."""
    data = yaml.safe_load(split_file.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return {}
    return {part: list(data.get(part) or []) for part in SPLIT_PARTS}


def split_problems(
    split_file: Path = SPLIT_FILE, leps: Collection[str] | None = None
) -> list[Problem]:
    """Every LEP of leps.yaml sits in exactly one part of the split, and nothing else does."""
    # The corpus is of LEPs: the registry's successor bodies (councils, combined authorities) are
    # not placed in the split.
    known = sorted(lep_ids()) if leps is None else sorted(leps)
    parts = read_split(split_file)
    name = shown(split_file)
    if not parts:
        return [Problem(name, "split", f"must be a mapping with {' and '.join(SPLIT_PARTS)}")]
    problems = []
    placed: dict[str, list[str]] = {}
    for part, ids in parts.items():
        for lep in ids:
            placed.setdefault(lep, []).append(part)
            if lep not in known:
                problems.append(Problem(name, part, f"unknown LEP id {lep!r}"))
    for lep in known:
        where = placed.get(lep, [])
        if len(where) != 1:
            field = "/".join(where) if where else "split"
            problems.append(
                Problem(
                    name,
                    field,
                    f"LEP {lep!r} appears {len(where)} times; each LEP sits in exactly one part",
                )
            )
    return problems


def part_of(lep: str, split_file: Path = SPLIT_FILE) -> str:
    """'held_back' or 'development' for an LEP id (KeyError if the split does not name it)."""
    for part, ids in read_split(split_file).items():
        if lep in ids:
            return part
    raise KeyError(lep)
