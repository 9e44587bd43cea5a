"""Docs that cannot drift: docs/architecture.md names every package of src/lepcheck and no
other, and shows the layers `make lint` enforces; CONTRIBUTING.md names only make targets that
exist."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
SOURCE = ROOT / "src" / "lepcheck"
PACKAGE_ROW = re.compile(r"^\| `(lepcheck(?:\.[a-z_]+)*)` \|", re.MULTILINE)


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def named_packages() -> set[str]:
    rows = PACKAGE_ROW.findall(section(ARCHITECTURE.read_text(encoding="utf-8"), "Packages"))
    assert len(rows) == len(set(rows)), "a package is named twice"
    return set(rows)


def real_packages() -> set[str]:
    return {
        ".".join(("lepcheck", *init.parent.relative_to(SOURCE).parts))
        for init in SOURCE.rglob("__init__.py")
    }


def test_every_package_named_exists() -> None:
    missing = named_packages() - real_packages()
    assert missing == set(), f"named in docs/architecture.md but not in src/: {sorted(missing)}"


def test_every_package_is_named() -> None:
    unnamed = real_packages() - named_packages()
    assert unnamed == set(), f"in src/ but not in docs/architecture.md: {sorted(unnamed)}"


def test_the_layers_shown_are_the_layers_enforced() -> None:
    contract = next(
        c
        for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
            "contracts"
        ]
        if c["type"] == "layers"
    )
    block = section(ARCHITECTURE.read_text(encoding="utf-8"), "Layers").split("```")[1]
    shown = [line.strip() for line in block.strip().splitlines()]
    assert shown == [layer.strip() for layer in contract["layers"]]
    assert contract["containers"] == ["lepcheck"] and contract["exhaustive"] is True


def test_contributing_names_only_make_targets_that_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    named = set(re.findall(r"`make ([a-z-]+)`", (ROOT / "CONTRIBUTING.md").read_text()))
    assert named and named <= targets, sorted(named - targets)
