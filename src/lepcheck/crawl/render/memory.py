"""The memory a browser uses: the resident set of its process and every process it started,
read from /proc (Linux). Used to cap a render and by benchmarks/render.py; elsewhere (no
/proc) the figures are 0 and only the script-heap cap (browser.py) holds."""

from __future__ import annotations

import os
from pathlib import Path

_PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in (_PROC / str(pid) / "task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def resident_bytes(pid: int) -> int:
    """VmRSS of one process, 0 when it is gone."""
    try:
        for line in (_PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return 0
    return 0


def tree_resident_bytes(pid: int) -> int:
    """VmRSS of a process and all its descendants (shared pages counted in each: an upper
    bound, which is what a cap wants)."""
    total, queue, seen = 0, [pid], set()
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        total += resident_bytes(current)
        queue += _children(current)
    return total


def find_process(marker: str) -> int | None:
    """The process whose command line holds `marker` (a flag only our browser is given)."""
    if not _PROC.is_dir():
        return None
    for entry in _PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in command and b"--type=" not in command:
            return int(entry.name)
    return None
