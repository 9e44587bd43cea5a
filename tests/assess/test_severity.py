"""One order of severities, used by action plans and --fail-on alike."""

from __future__ import annotations

from lepcheck.assess.severity import SEVERITY_ORDER, severity_rank


def test_severity_order_is_must_should_good_practice() -> None:
    assert SEVERITY_ORDER == ("must", "should", "gp")
    assert [severity_rank(s) for s in ("must", "should", "gp", "other")] == [0, 1, 2, 3]
