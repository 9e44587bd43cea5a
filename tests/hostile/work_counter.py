"""Counting the work a reader does, to show it grows linearly with its input without timing it.

Two counters, both deterministic: Python lines executed in the modules under test (a loop over
every earlier card, once per card, shows up as lines), and characters handed to regular
expressions compiled or called while counting (a search of the whole text once per name
shows up as characters, though it runs in C). Doubling a linear reader's input about doubles
both; a quadratic reader's quadruples.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

import pytest

_REAL_COMPILE = re.compile
_REAL_SEARCH = re.search
_REAL_SUB = re.sub


@dataclass
class Work:
    lines: int = 0
    regex_chars: int = 0


class _CountingPattern:
    """A compiled pattern that adds the length of what it scans to `work`."""

    def __init__(self, pattern: re.Pattern[str], work: Work) -> None:
        self._pattern = pattern
        self._work = work

    def _scan(self, method: str, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        self._work.regex_chars += max(min(endpos, len(string)) - pos, 0)
        return getattr(self._pattern, method)(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._scan("search", string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._scan("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._scan("fullmatch", string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return self._scan("finditer", string, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch, *paths: str) -> Iterator[Work]:
    """Count lines run in files whose path contains one of `paths`, and regex characters."""
    work = Work()

    def compile_counting(pattern: Any, flags: int = 0) -> Any:
        compiled = _REAL_COMPILE(pattern, flags)
        return _CountingPattern(compiled, work) if isinstance(compiled.pattern, str) else compiled

    def search_counting(pattern: Any, string: str, flags: int = 0) -> Any:
        work.regex_chars += len(string)
        return _REAL_SEARCH(pattern, string, flags)

    def sub_counting(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> Any:
        work.regex_chars += len(string)
        return _REAL_SUB(pattern, repl, string, count, flags)

    def local(frame: FrameType, event: str, _arg: object) -> Any:
        if event == "line":
            work.lines += 1
        return local

    def calls(frame: FrameType, event: str, _arg: object) -> Any:
        filename = frame.f_code.co_filename
        return local if any(path in filename for path in paths) else None

    monkeypatch.setattr(re, "compile", compile_counting)
    monkeypatch.setattr(re, "search", search_counting)
    monkeypatch.setattr(re, "sub", sub_counting)
    sys.settrace(calls)
    try:
        yield work
    finally:
        sys.settrace(None)
        monkeypatch.setattr(re, "compile", _REAL_COMPILE)
        monkeypatch.setattr(re, "search", _REAL_SEARCH)
        monkeypatch.setattr(re, "sub", _REAL_SUB)


def growth(small: int, large: int) -> float:
    return large / max(small, 1)
