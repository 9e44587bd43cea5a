"""What a Last-Modified date can and cannot prove about publication (MEET-01..03)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lepcheck.checks import meeting_timeliness
from lepcheck.rule_cases import make_site

MINUTES = meeting_timeliness.Params(document="minutes", relation="after", clear_working_days=10)


def meeting_site(minutes_modified: dict[str, str], extra_docs: int = 0, stamp: str = "") -> Any:
    documents = [
        {"url": f"https://lep.test/{day}-minutes.pdf", "kind": "minutes", "last_modified": lm}
        for day, lm in minutes_modified.items()
    ]
    documents += [
        {"url": f"https://lep.test/paper-{i}.pdf", "kind": "other", "last_modified": stamp}
        for i in range(extra_docs)
    ]
    meetings = [
        {"date": date.fromisoformat(day), "minutes": f"https://lep.test/{day}-minutes.pdf"}
        for day in minutes_modified
    ]
    return make_site({"documents": documents, "meetings": meetings})


def test_late_last_modified_fails_with_lowered_confidence() -> None:
    verdict = meeting_timeliness.evaluate(meeting_site({"2023-03-14": "2023-05-02"}), MINUTES)
    assert verdict.status == "fail" and verdict.confidence < 0.9


def test_last_modified_of_the_fetch_day_is_a_generated_page_not_evidence() -> None:
    # make_site fetches everything on 2023-11-30: a page stamped that day was generated on request.
    verdict = meeting_timeliness.evaluate(meeting_site({"2023-03-14": "2023-11-30"}), MINUTES)
    assert verdict.status == "unknown"


def test_a_bulk_stamp_from_a_site_migration_is_not_evidence() -> None:
    site = meeting_site(
        {"2023-03-14": "2023-08-01", "2023-06-13": "2023-08-01"}, extra_docs=6, stamp="2023-08-01"
    )
    verdict = meeting_timeliness.evaluate(site, MINUTES)
    assert verdict.status == "unknown", verdict.message


def test_on_time_last_modified_suggests_but_does_not_prove() -> None:
    verdict = meeting_timeliness.evaluate(meeting_site({"2023-03-14": "2023-03-20"}), MINUTES)
    assert verdict.status == "partial" and verdict.evidence
