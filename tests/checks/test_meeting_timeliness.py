"""What a Last-Modified date can and cannot prove about publication (MEET-01..03)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lepcheck.checks import meeting_timeliness
from lepcheck.rule_cases import make_site

MINUTES = meeting_timeliness.Params(document="minutes", relation="after", clear_days=10)


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


# --------------------------------------------------------------------------- clear days, statute


def statutory(**params: Any) -> meeting_timeliness.Params:
    base: dict[str, Any] = {"document": "notice", "relation": "before", "clear_days": 5}
    return meeting_timeliness.Params(**{**base, **params})


def notice_site(
    published: str, *, private: bool = False, body: str = "Cabinet", provenance: str = "first_seen"
) -> Any:
    meeting = {
        "date": date(2024, 1, 9),
        "body": body,
        "private": private,
        "notices": [
            {
                "kind": "private_notice" if private else "notice",
                "url": "https://council.test/ieListDocuments.aspx?MId=1",
                "published": {"value": date.fromisoformat(published), "provenance": provenance},
            }
        ],
    }
    return make_site({"as_of": date(2024, 3, 1), "meetings": [meeting]})


def test_a_notice_on_time_in_calendar_days_but_short_in_working_days_is_partial() -> None:
    # Published Monday 4 December 2023, meeting Tuesday 9 January 2024: 35 clear calendar days
    # but 22 clear working days (Christmas, Boxing Day and New Year's Day left out).
    params = statutory(document="private_notice", clear_days=28, day_basis="calendar")
    verdict = meeting_timeliness.evaluate(notice_site("2023-12-04", private=True), params)
    assert verdict.status == "partial"
    assert "35 clear days" in verdict.message and "22 clear working days" in verdict.message


def test_working_shortfall_pass_lets_calendar_days_decide() -> None:
    params = statutory(
        document="private_notice", clear_days=28, day_basis="calendar", working_shortfall="pass"
    )
    verdict = meeting_timeliness.evaluate(notice_site("2023-12-04", private=True), params)
    assert verdict.status == "pass"


def test_a_notice_short_in_calendar_days_fails() -> None:
    params = statutory(document="private_notice", clear_days=28, day_basis="calendar")
    # A late first sighting proves nothing; a late printed date does.
    site = notice_site("2023-12-20", private=True, provenance="printed")
    verdict = meeting_timeliness.evaluate(site, params)
    assert verdict.status == "fail" and "19 clear days before the meeting" in verdict.message


def test_private_notices_are_assessed_on_private_meetings_only() -> None:
    params = statutory(document="private_notice", clear_days=28, day_basis="calendar")
    verdict = meeting_timeliness.evaluate(notice_site("2023-12-04"), params)
    assert verdict.status == "not_applicable"


def test_bodies_narrow_the_meetings_assessed() -> None:
    params = statutory(bodies=("cabinet",))
    assert meeting_timeliness.evaluate(notice_site("2023-12-04"), params).status == "pass"
    scrutiny = notice_site("2023-12-04", body="Scrutiny Committee")
    assert meeting_timeliness.evaluate(scrutiny, params).status == "unknown"


def test_late_status_partial_where_the_website_is_only_a_proxy_but_absence_fails() -> None:
    params = statutory(late_status="partial", require_document=True)
    late = notice_site("2024-01-05", provenance="printed")
    assert meeting_timeliness.evaluate(late, params).status == "partial"
    bare = make_site({"as_of": date(2024, 3, 1), "meetings": [{"date": date(2024, 1, 9)}]})
    verdict = meeting_timeliness.evaluate(bare, params)
    assert verdict.status == "fail" and "no notice of the meeting published" in verdict.message


def test_no_number_reports_the_delay_after_the_meeting() -> None:
    params = statutory(document="decision_record", relation="after", clear_days=None)
    site = notice_site("2024-01-12")
    meeting = site.meetings[0]
    notice = meeting.notices[0].model_copy(update={"kind": "decision_record"})
    site = site.model_copy(
        update={"meetings": (meeting.model_copy(update={"notices": (notice,)}),)}
    )
    verdict = meeting_timeliness.evaluate(site, params)
    assert verdict.status == "pass"
    assert "2 clear working days after the meeting" in verdict.evidence[0].quote
