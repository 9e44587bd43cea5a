"""What every benchmark quotes: the median of several runs, their range, and the machine.

The machine is shared, so one run says little: the median of several, with the fastest and
slowest beside it, is what the README quotes, with the line `machine()` prints.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Runs:
    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def rate(self, count: float) -> str:
        """`count` per second: the median run's, and the range over all runs."""
        rates = sorted(count / s for s in self.seconds)
        return (
            f"{count / self.median:.0f}/s (median of {len(rates)}; {rates[0]:.0f}-{rates[-1]:.0f})"
        )

    def span(self) -> str:
        ordered = sorted(self.seconds)
        return f"{self.median:.1f} s (median of {len(ordered)}; {ordered[0]:.1f}-{ordered[-1]:.1f})"


def timed(runs: int, run: Callable[[], object]) -> Runs:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return Runs(tuple(seconds))


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """The line every benchmark prints first: CPUs, their model, Python and the load."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}, "
        f"load average {load} at start"
    )
