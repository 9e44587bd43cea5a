"""No file of the repository names a path of one machine (a home folder, a worktree): tests,
benchmarks and docs run from paths inside the repository, on any machine and in CI."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# An absolute path that starts a word: "/home/" inside a URL (https://x.uk/home/) is not one.
MACHINE_PATH = re.compile(r"(?<![\w.:/~-])/(?:work|home|Users|root|mnt)/[\w.-]+")
CHECKED = ("tests", "benchmarks", "scripts", "docs", "README.md", "CONTRIBUTING.md", "Makefile")


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *CHECKED], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    files = [ROOT / name.decode() for name in listed if name]
    return [f for f in files if f.suffix in {".py", ".md", ".yaml", ".txt", ".toml", ""}]


def test_no_file_names_a_path_of_one_machine() -> None:
    found = []
    for path in tracked_text_files():
        # This file spells such paths on purpose, to prove the pattern sees them.
        if not path.is_file() or path == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if MACHINE_PATH.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "paths of one machine:\n" + "\n".join(found)


def test_the_check_would_see_one() -> None:
    assert MACHINE_PATH.search("cd /work/main && make")
    assert MACHINE_PATH.search('Path("/home/alice/lepcheck/rules")')
    assert not MACHINE_PATH.search("source_url: https://ar.buckslep.co.uk/home/")
