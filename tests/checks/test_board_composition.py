"""Board shares compare as the fractions they are (SLEP: at least two thirds private sector)."""

from __future__ import annotations

from typing import Any

from lepcheck.checks import board_composition
from lepcheck.rule_cases import make_site

TWO_THIRDS = board_composition.Params(measure="sector_share", sector="private", min_share=0.6667)


def board(private: int, public: int, unknown: int = 0) -> Any:
    members = [{"name": f"P{i}", "sector": "private"} for i in range(private)]
    members += [{"name": f"Q{i}", "sector": "public"} for i in range(public)]
    members += [{"name": f"U{i}", "sector": "unknown"} for i in range(unknown)]
    return make_site({"board": members})


def test_eight_of_twelve_is_two_thirds() -> None:
    assert board_composition.evaluate(board(8, 4), TWO_THIRDS).status == "pass"


def test_seven_of_twelve_is_not() -> None:
    assert board_composition.evaluate(board(7, 5), TWO_THIRDS).status == "fail"


def test_unread_sectors_that_decide_the_outcome_are_never_a_pass() -> None:
    verdict = board_composition.evaluate(board(7, 3, unknown=2), TWO_THIRDS)
    assert verdict.status in ("partial", "unknown")
