"""The memory a browser uses: the proportional set size (PSS: each shared page divided among
the processes that map it) of its process and every process it started, read from /proc
(Linux). Chromium's processes share most of their pages, so adding their resident sets would
count the browser several times over. Used to cap a render and by benchmarks/render.py;
elsewhere (no /proc) the figures are 0 and only the script-heap cap (browser.py) holds."""

from __future__ import annotations

import os
from pathlib import Path

_PROC = Path("/proc")


def _children(pid: int) -> list[int]:
    """The children of every thread of `pid`; none when it has gone (processes end while the
    tree is walked: listing a vanished process's tasks raises, as reading its files does)."""
    found: list[int] = []
    try:
        tasks = list((_PROC / str(pid) / "task").glob("*/children"))
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(child) for child in task.read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def process_bytes(pid: int) -> int:
    """PSS of one process (VmRSS on kernels without smaps_rollup), 0 when it is gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in (_PROC / str(pid) / name).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            continue
    return 0


def tree_bytes(pid: int) -> int:
    """The memory of a process and all its descendants."""
    total, queue, seen = 0, [pid], set()
    while queue:
        current = queue.pop()
        if current in seen:
            continue
        seen.add(current)
        total += process_bytes(current)
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
