"""docs/promises.md names, for each promise of the README's Safety section, the tests that hold
it: every phrase is the README's own, every bullet has a row, every test named exists."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROMISES = ROOT / "docs" / "promises.md"


def collapse(text: str) -> str:
    return " ".join(text.split())


def safety_bullets() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Safety", 1)[1].split("\n## ", 1)[0]
    return [collapse(bullet) for bullet in section.split("\n- ")[1:]]


def rows() -> list[tuple[str, list[str]]]:
    table = []
    for line in PROMISES.read_text(encoding="utf-8").splitlines():
        match = re.match(r'^\| "(.+)" \| (.+) \|$', line)
        if match:
            table.append((match.group(1), re.findall(r"`(tests/[^`]+::\w+)`", match.group(2))))
    return table


def test_every_phrase_is_the_readmes_and_every_bullet_has_a_row() -> None:
    bullets = safety_bullets()
    assert len(bullets) >= 3
    table = rows()
    for phrase, tests in table:
        assert tests, phrase
        assert any(phrase in bullet for bullet in bullets), f"not in README's Safety: {phrase}"
    for bullet in bullets:
        assert any(phrase in bullet for phrase, _ in table), f"no row for: {bullet[:80]}"


def test_every_test_named_exists() -> None:
    for _, tests in rows():
        for node in tests:
            path, name = node.split("::")
            source = ROOT / path
            assert source.is_file(), node
            defined = {
                f.name
                for f in ast.walk(ast.parse(source.read_text()))
                if isinstance(f, ast.FunctionDef)
            }
            assert name in defined, node


def test_reports_are_git_ignored() -> None:
    """Reports name people (registers of interests): they stay where the user puts them and are
    never committed by accident."""
    for path in ("reports/amberdale/2023-11-30/report.json", "reports/sweeps/x/league-table.csv"):
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT)
        assert ignored.returncode == 0, path
    kept = subprocess.run(["git", "check-ignore", "-q", "reports/README.md"], cwd=ROOT)
    assert kept.returncode == 1  # the folder's README is the one file kept
