"""What a Last-Modified date can and cannot prove about publication (MEET-01..03)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

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


# Deadlines counted in clear working days (BPG ch.1): neither the meeting day nor the day of
# publication counts, nor do weekends or England bank holidays. Each pair below sits on the
# boundary: the first date is the last one on time, the second the first one late, and a count
# in calendar days would judge at least one of them differently.
AGENDA = meeting_timeliness.Params(document="agenda", relation="before", clear_days=5)
APPROVED = meeting_timeliness.Params(
    document="minutes",
    relation="after_next_meeting",
    clear_days=10,
    minutes_status="approved",
)


def dated_meeting_site(meeting: str, published: str, *, next_meeting: str = "") -> Any:
    """One board meeting whose agenda and minutes carry a printed publication date."""
    when = {"value": date.fromisoformat(published), "provenance": "printed"}
    meetings = [
        {
            "date": date.fromisoformat(meeting),
            "agenda": "https://lep.test/agenda.pdf",
            "minutes": "https://lep.test/minutes.pdf",
            "minutes_status": "approved",
            "agenda_published": when,
            "minutes_published": when,
        }
    ]
    if next_meeting:  # the next meeting of the same body, which approves the minutes
        meetings.append({"date": date.fromisoformat(next_meeting), "minutes_status": "draft"})
    return make_site({"as_of": date(2024, 3, 28), "meetings": meetings})


def said(verdict: Any) -> str:
    """What a verdict says: its message and its evidence, where each meeting's count is."""
    return " ".join([verdict.message, *(ev.quote for ev in verdict.evidence)])


@pytest.mark.parametrize(
    ("meeting", "published", "days", "on_time"),
    [
        # Christmas 2023: Mon 25 and Tue 26 Dec, Mon 1 Jan are bank holidays.
        ("2023-12-14", "2024-01-03", 10, True),  # 20 calendar days after
        ("2023-12-14", "2024-01-04", 11, False),
        # Over two weekends: Fri 2 Feb 2024 to Mon 19 Feb.
        ("2024-02-02", "2024-02-19", 10, True),
        ("2024-02-02", "2024-02-20", 11, False),
        # Easter 2023: Good Friday 7 Apr and Easter Monday 10 Apr.
        ("2023-04-05", "2023-04-24", 10, True),
        ("2023-04-05", "2023-04-25", 11, False),
    ],
)
def test_minutes_deadline_counts_clear_working_days(
    meeting: str, published: str, days: int, on_time: bool
) -> None:
    verdict = meeting_timeliness.evaluate(dated_meeting_site(meeting, published), MINUTES)
    assert f"{days} clear working days after the meeting (allowed 10)" in said(verdict)
    # A printed date is declared by the publisher (issue 14): on time passes, late fails.
    assert verdict.status == ("pass" if on_time else "fail"), verdict.message


@pytest.mark.parametrize(
    ("meeting", "published", "days", "on_time"),
    [
        # Meeting Tue 2 Jan 2024: Christmas, Boxing Day and New Year's Day do not count.
        ("2024-01-02", "2023-12-20", 5, True),  # 13 calendar days before
        ("2024-01-02", "2023-12-21", 4, False),
        # Meeting Tue 9 May 2023: the early May bank holiday (1 May) and the coronation (8 May).
        ("2023-05-09", "2023-04-27", 5, True),
        ("2023-05-09", "2023-04-28", 4, False),
        # Meeting Mon 15 Jan 2024 after a weekend: published the Monday before is on time.
        ("2024-01-15", "2024-01-08", 4, False),
        ("2024-01-15", "2024-01-05", 5, True),
    ],
)
def test_agenda_deadline_counts_clear_working_days(
    meeting: str, published: str, days: int, on_time: bool
) -> None:
    verdict = meeting_timeliness.evaluate(dated_meeting_site(meeting, published), AGENDA)
    assert f"{days} clear working days before the meeting (needs 5)" in said(verdict)
    assert verdict.status == ("pass" if on_time else "fail"), verdict.message


@pytest.mark.parametrize(
    ("approved_on", "published", "days", "on_time"),
    [
        # Approved at the meeting of Thu 14 Dec 2023, over Christmas and New Year.
        ("2023-12-14", "2024-01-03", 10, True),
        ("2023-12-14", "2024-01-04", 11, False),
        # Approved Thu 30 Mar 2023, over Easter 2023.
        ("2023-03-30", "2023-04-14", 8, True),
        ("2023-03-30", "2023-04-18", 10, True),
        ("2023-03-30", "2023-04-19", 11, False),
    ],
)
def test_approved_minutes_deadline_counts_from_the_approving_meeting(
    approved_on: str, published: str, days: int, on_time: bool
) -> None:
    site = dated_meeting_site("2023-03-01", published, next_meeting=approved_on)
    verdict = meeting_timeliness.evaluate(site, APPROVED)
    assert f"{days} clear working days after approval on {approved_on} (allowed 10)" in said(
        verdict
    )
    assert verdict.status == ("pass" if on_time else "fail"), verdict.message


def test_approved_minutes_published_by_the_approving_meeting_are_on_time() -> None:
    site = dated_meeting_site("2023-03-01", "2023-03-30", next_meeting="2023-03-30")
    verdict = meeting_timeliness.evaluate(site, APPROVED)
    assert "published by approval on 2023-03-30" in said(verdict)
    assert verdict.status == "pass"  # on declared (printed) dates


def test_minutes_not_yet_approved_by_a_later_meeting_are_not_late() -> None:
    # No later meeting of the board: nobody has approved them, so no deadline has started.
    verdict = meeting_timeliness.evaluate(dated_meeting_site("2023-03-01", "2024-03-01"), APPROVED)
    assert "no later meeting has approved them yet" in said(verdict)
    assert verdict.status == "pass"  # on declared (printed) dates


def test_only_the_same_bodys_next_meeting_approves_the_minutes() -> None:
    spec = {
        "as_of": date(2024, 3, 28),
        "meetings": [
            {
                "date": date(2023, 3, 1),
                "minutes": "https://lep.test/minutes.pdf",
                "minutes_status": "approved",
                "minutes_published": {"value": date(2023, 6, 1), "provenance": "printed"},
            },
            # A committee meeting the next day approves nothing of the board's.
            {"date": date(2023, 3, 2), "body": "Audit Committee"},
            {"date": date(2023, 5, 25)},  # the board's next; Mon 29 May is a bank holiday
        ],
    }
    verdict = meeting_timeliness.evaluate(make_site(spec), APPROVED)
    assert "3 clear working days after approval on 2023-05-25" in said(verdict)
    assert verdict.status == "pass"  # on declared (printed) dates


def test_a_declared_date_short_only_in_working_days_is_partial_not_late() -> None:
    """A date the publisher declares, on time in calendar days but short in working days, is the
    unsettled reading (partial), not a declared breach (fail)."""
    params = statutory(document="private_notice", clear_days=28, day_basis="calendar")
    site = notice_site("2023-12-04", private=True, provenance="printed")
    verdict = meeting_timeliness.evaluate(site, params)
    assert verdict.status == "partial", verdict.message
    assert "35 clear days" in verdict.message and "22 clear working days" in verdict.message


@pytest.mark.parametrize("published", ["2024-01-12", "2024-01-15", "2024-01-17"])
def test_with_no_number_an_agenda_out_on_or_after_the_eve_counts_no_days_ahead(
    published: str,
) -> None:
    """With no deadline the delay is reported as it is: an agenda out the working day before
    the meeting, on its day or after it was out no clear day ahead (never a negative count)."""
    params = meeting_timeliness.Params(document="agenda", relation="before", clear_days=None)
    verdict = meeting_timeliness.evaluate(dated_meeting_site("2024-01-15", published), params)
    assert "0 clear working days before the meeting" in said(verdict)
    assert "-1 clear" not in said(verdict)


@pytest.mark.parametrize(
    ("as_of", "overdue"),
    # Meeting Fri 2 Feb 2024: Mon 12 Feb is the fifth clear working day after it, Mon 19 Feb
    # the tenth, Tue 20 the 11th.
    [(date(2024, 2, 12), False), (date(2024, 2, 19), False), (date(2024, 2, 20), True)],
)
def test_minutes_missing_are_late_only_once_the_ten_days_have_passed(
    as_of: date, overdue: bool
) -> None:
    """Minutes not yet published are not late while the ten clear working days last (fewer,
    or exactly ten, have passed); they are late from the 11th."""
    site = make_site({"as_of": as_of, "meetings": [{"date": date(2024, 2, 2)}]})
    verdict = meeting_timeliness.evaluate(site, MINUTES)
    assert verdict.status == ("fail" if overdue else "unknown"), verdict.message


def test_approved_minutes_published_before_the_approving_meeting_are_on_time() -> None:
    """Minutes out before the meeting that approves them are on time, with no count of days."""
    site = dated_meeting_site("2023-03-01", "2023-03-20", next_meeting="2023-03-30")
    verdict = meeting_timeliness.evaluate(site, APPROVED)
    assert "published by approval on 2023-03-30" in said(verdict)
    assert "after approval" not in said(verdict) and verdict.status == "pass"


def test_a_declared_date_on_time_is_reported_as_declared_not_proved() -> None:
    """A printed date on time passes on the publisher's word: the verdict says it rests on a
    declared date, never on a proved one (only a first sighting or an archive capture proves)."""
    verdict = meeting_timeliness.evaluate(dated_meeting_site("2024-01-15", "2024-01-05"), AGENDA)
    assert verdict.status == "pass", verdict.message
    assert "1 on dates the publisher declares" in verdict.message
    assert "proved" not in verdict.message


@pytest.mark.parametrize(
    ("published", "status"),
    # Meeting Tue 9 Jan 2024. Fri 24 Nov 2023: 45 clear days, exactly 28 clear working days;
    # Mon 27 Nov: 42 clear days but 27 clear working days (Christmas and New Year left out).
    [("2023-11-24", "pass"), ("2023-11-27", "partial")],
)
def test_a_calendar_basis_notice_exactly_n_clear_working_days_ahead_is_not_short(
    published: str, status: str
) -> None:
    """On a calendar basis a notice is short in working days only below n clear working days:
    exactly n is enough."""
    params = statutory(document="private_notice", clear_days=28, day_basis="calendar")
    verdict = meeting_timeliness.evaluate(notice_site(published, private=True), params)
    assert verdict.status == status, verdict.message


@pytest.mark.parametrize("published", ["2024-01-12", "2024-01-15", "2024-01-17"])
def test_the_days_ahead_printed_are_never_negative(published: str) -> None:
    """An agenda out the working day before the meeting, on its day or after it was out no clear
    day ahead: the count printed is 0, never 1 and never negative, and the agenda is late."""
    verdict = meeting_timeliness.evaluate(dated_meeting_site("2024-01-15", published), AGENDA)
    assert "0 clear working days before the meeting (needs 5)" in said(verdict)
    assert "-1 clear" not in said(verdict)
    assert verdict.status == "fail", verdict.message


@pytest.mark.parametrize("params", [AGENDA, APPROVED], ids=["agenda", "approved-minutes"])
def test_a_missing_document_is_late_only_against_a_deadline_counted_from_the_meeting(
    params: meeting_timeliness.Params,
) -> None:
    """Only a document due within n clear days after the meeting becomes late by being missing:
    an agenda (due before it) or approved minutes (due after the approving meeting) missing
    weeks later is not assessed (unknown) unless the rule requires the document."""
    meeting = {"date": date(2024, 2, 2), "minutes_status": "approved"}
    site = make_site({"as_of": date(2024, 3, 28), "meetings": [meeting]})
    verdict = meeting_timeliness.evaluate(site, params)
    assert verdict.status == "unknown", verdict.message


@pytest.mark.parametrize(
    ("last_modified", "metadata", "earliest", "other"),
    # Minutes of Tue 14 Mar 2023, both dates after the ten clear working days, in either order.
    [
        ("2023-05-02", "2023-04-20", "2023-04-20", "2023-05-02"),
        ("2023-04-20", "2023-05-02", "2023-04-20", "2023-05-02"),
    ],
)
def test_of_several_late_suggested_dates_the_earliest_is_cited(
    last_modified: str, metadata: str, earliest: str, other: str
) -> None:
    """When every date for a document is a late suggestion, the finding cites the earliest,
    whichever source gave it: the document is late even on the reading kindest to the
    publisher."""
    minutes = "https://lep.test/minutes.pdf"
    spec = {
        "documents": [{"url": minutes, "kind": "minutes", "last_modified": last_modified}],
        "meetings": [
            {
                "date": date(2023, 3, 14),
                "minutes": minutes,
                "minutes_published": {
                    "value": date.fromisoformat(metadata),
                    "provenance": "document_metadata",
                },
            }
        ],
    }
    verdict = meeting_timeliness.evaluate(make_site(spec), MINUTES)
    assert verdict.status == "fail", verdict.message
    assert f"dated {earliest}" in said(verdict) and f"dated {other}" not in said(verdict)
