"""The browser's memory, read from /proc (crawl/render/memory.py): a process and all it
started, counted while processes come and go (a renderer ends as each page's context closes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lepcheck.crawl.render import memory


def test_a_process_and_its_children_are_counted() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        alone = memory.process_bytes(os.getpid())
        assert alone > 0
        assert memory.process_bytes(child.pid) > 0
        assert memory.tree_bytes(os.getpid()) > alone  # the child is in the tree
    finally:
        child.kill()
        child.wait()
    assert memory.process_bytes(child.pid) == 0  # gone: nothing, and no error


def test_a_process_that_ends_during_the_walk_counts_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its /proc/PID/task folder vanishes between the check and the listing: listing raises.
    listed = Path.glob

    def vanishing(self: Path, pattern: str) -> object:
        if self.name == "task":
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return listed(self, pattern)

    monkeypatch.setattr(Path, "glob", vanishing)
    walked = memory.tree_bytes(os.getpid())  # no error, and no child counted
    alone = memory.process_bytes(os.getpid())
    assert alone > 0 and abs(walked - alone) < 2**20  # PSS moves by a few KB between reads
