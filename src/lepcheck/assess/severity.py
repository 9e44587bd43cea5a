"""The order of severities: must before should before good practice.

The one place that ranks them. Action plans list must-requirements first, and `--fail-on
should` also fails on must-rules. The order is the order of the `Severity` type itself.
"""

from __future__ import annotations

from typing import get_args

from lepcheck.models import Severity

SEVERITY_ORDER: tuple[Severity, ...] = get_args(Severity)


def severity_rank(severity: str) -> int:
    """0 for must, 1 for should, 2 for good practice; anything else after them all."""
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)
