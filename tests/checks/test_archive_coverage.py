"""archive_coverage: minutes, agendas and reports kept for six years (LGA 1972 s. 100C)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lepcheck.checks import archive_coverage
from lepcheck.rule_cases import make_site

PARAMS = archive_coverage.Params()


def meeting(day: date, body: str = "Cabinet", minutes: bool = True) -> dict[str, Any]:
    base = f"https://council.test/{body.lower()}/{day}"
    found: dict[str, Any] = {"date": day, "body": body, "agenda": f"{base}/agenda.pdf"}
    if minutes:
        found["minutes"] = f"{base}/minutes.pdf"
    return found


def site(*meetings: dict[str, Any]) -> Any:
    return make_site({"as_of": date(2025, 2, 28), "meetings": list(meetings)})


def test_six_years_of_meetings_with_their_papers_pass() -> None:
    verdict = archive_coverage.evaluate(
        site(meeting(date(2019, 4, 2)), meeting(date(2024, 6, 11))), PARAMS
    )
    assert verdict.status == "pass", verdict.message
    assert verdict.evidence


def test_a_meeting_without_minutes_fails() -> None:
    verdict = archive_coverage.evaluate(
        site(meeting(date(2019, 4, 2)), meeting(date(2024, 6, 11), minutes=False)), PARAMS
    )
    assert verdict.status == "fail" and "Cabinet 2024-06-11: no minutes" in verdict.message


def test_an_archive_reaching_back_two_years_only_is_partial() -> None:
    verdict = archive_coverage.evaluate(
        site(meeting(date(2023, 3, 7)), meeting(date(2024, 6, 11))), PARAMS
    )
    assert verdict.status == "partial" and "Cabinet (oldest 2023-03-07)" in verdict.message


def test_meetings_before_the_window_do_not_count() -> None:
    old = meeting(date(2017, 1, 10), minutes=False)
    verdict = archive_coverage.evaluate(site(old, meeting(date(2019, 5, 1))), PARAMS)
    assert verdict.status == "pass"


def test_no_meetings_is_unknown() -> None:
    assert archive_coverage.evaluate(site(), PARAMS).status == "unknown"
